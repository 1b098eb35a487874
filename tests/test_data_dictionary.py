"""docs/data_dictionary.md documents every column of every download, checked against the real exports."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from analysis.store import Filters, Store
from tests.app_fixtures import FAKE_VERSION, fake_analyze, seed_text

ROOT = Path(__file__).resolve().parent.parent
DICTIONARY = ROOT / "docs" / "data_dictionary.md"
SECTIONS = {
    "quotes": "## Quotes (`quotes.csv`, `quotes.json`)",
    "numbers": "## Figures (`numbers.csv`, `numbers.json`)",
}


def documented(kind: str) -> list[str]:
    """The columns listed in the data dictionary's table for one export, in order."""
    text = DICTIONARY.read_text("utf-8")
    section = text.split(SECTIONS[kind], 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, re.M)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("dictionary") / "c.db", analyser=fake_analyze, version=FAKE_VERSION)
    store.add(seed_text(), title="Seed", published="2025-05-15", source="LBC")
    return store


@pytest.mark.parametrize("kind", ["quotes", "numbers"])
def test_every_exported_column_is_documented_in_order(store, kind):
    from ui.downloads import export_text

    raw = export_text(store, Filters(), kind, "csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    records = json.loads(export_text(store, Filters(), kind, "json"))
    assert records and list(records[0]) == header  # the JSON has the CSV's columns
    missing = [c for c in header if c not in documented(kind)]
    stale = [c for c in documented(kind) if c not in header]
    assert not missing, f"exported but not in docs/data_dictionary.md: {missing}"
    assert not stale, f"documented but no longer exported: {stale}"
    assert documented(kind) == header, "list the columns in the order of the file"


def test_the_dictionary_names_every_download_button():
    from ui import downloads

    source = Path(downloads.__file__).read_text("utf-8")
    buttons = re.findall(r'\(c[12], "(\w+)", "(\w+)", "[\w/]+"\)', source)
    text = DICTIONARY.read_text("utf-8")
    assert len(buttons) == 4
    for kind, fmt in buttons:
        assert f"`{kind}.{fmt}`" in text


def test_every_screenshot_the_docs_link_to_exists():
    for doc in (ROOT / "README.md", ROOT / "docs" / "app.md"):
        links = re.findall(r"\((?:docs/)?(screenshots/[\w/]+\.png)\)", doc.read_text("utf-8"))
        assert links, doc
        for link in links:
            assert (ROOT / "docs" / link).exists(), f"{doc.name} links to a missing {link}"
