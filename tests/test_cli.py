"""The command line prints the JSON contract, and clear errors for bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], cwd=ROOT, input=stdin, capture_output=True, timeout=120
    )


@pytest.mark.model
def test_cli_offsets_point_into_the_text_exactly_as_read():
    seed = ROOT / "seeds" / "starmer_albania_2025-05-15.txt"
    out = run(str(seed), "--published", "2025-05-15")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    text = seed.read_text(encoding="utf-8")
    assert data["article"]["published"] == "2025-05-15"
    for item in data["quotes"] + data["numbers"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_cli_binary_input_is_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "fake.txt"
    bad.write_bytes(b"%PDF-1.4\x00\x01binary")
    out = run(str(bad))
    assert out.returncode == 2
    assert b"PDF" in out.stderr and b"Traceback" not in out.stderr


@pytest.mark.model
def test_cli_article_without_quotes_says_so():
    out = run("-", stdin=b"Net migration fell to 431,000 in the year to June, official figures show.")
    data = json.loads(out.stdout)
    assert data["quotes"] == [] and data["numbers"][0]["value"] == 431000
    assert any("No quotes" in w for w in data["warnings"])


def test_the_cli_prints_the_analyser_version_with_the_digest_of_the_rules():
    from analysis.version import analyser_version

    out = run("--version")
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().strip() == f"Stance Explorer analyser {analyser_version()}"
    assert "+" in analyser_version()  # release + digest of the rule modules and data files


@pytest.mark.model
def test_cli_analyses_a_paragraph_with_lets_and_no_speech_without_crashing(tmp_path):
    # such a paragraph is left unparsed; walking its tree once killed the process with a segfault
    article = tmp_path / "dinner.txt"
    article.write_text(
        "Dinner\n\nDinner is about to begin. Please take your seats. Let's save the speeches for later in "
        "the evening - and we are going to keep them brief this year.\n",
        encoding="utf-8",
    )
    out = run(str(article))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["quotes"] == []
