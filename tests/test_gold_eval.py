"""Quality gate: the CLI's JSON scored against every gold file must not fall below pinned floors.

Floors live in tests/eval_baseline.json (write them with `python scripts/evaluate.py
--write-baseline`). A floor can only be lowered by editing that file in a reviewed commit;
this test never lowers one.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.evaluation import gold_cases, headline, score_case
from analysis.ingest import decode_bytes
from analysis.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
BASELINE = json.loads((ROOT / "tests" / "eval_baseline.json").read_text(encoding="utf-8"))
CASES = {case.name: case for case in gold_cases()}
SEED = "starmer_albania_2025-05-15"


@pytest.fixture(scope="module")
def seed_scores():
    case = CASES[SEED]
    out = subprocess.run(
        [sys.executable, "-m", "analysis", str(case.article_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )
    return score_case(case, json.loads(out.stdout))


def test_seed_direct_quotes_all_found_with_every_speaker_right(seed_scores):
    direct = seed_scores["direct"]
    assert direct["f1"] == 1.0 and direct["speaker_acc"] == 1.0


def test_seed_reported_speech_recall_at_least_two_of_three(seed_scores):
    assert seed_scores["indirect"]["recall"] >= 2 / 3


def test_seed_numbers_values_speakers_and_groups(seed_scores):
    numbers = seed_scores["numbers"]
    assert numbers["f1"] >= 0.9
    assert numbers["value_acc"] == 1.0
    assert numbers["cited_by_acc"] >= 0.9
    assert numbers["same_metric_pairs"] == 1.0


def test_seed_stance_agrees_with_gold(seed_scores):
    assert seed_scores["stance"]["migration"] >= 0.9
    assert seed_scores["stance"]["government"] >= 0.9


def test_every_gold_article_has_a_pinned_baseline():
    assert set(CASES) <= set(BASELINE), f"no floors for {sorted(set(CASES) - set(BASELINE))}"
    assert len(CASES) >= 13


@pytest.mark.parametrize("name", sorted(CASES))
def test_scores_do_not_fall_below_pinned_floors(name, nlp):
    case = CASES[name]
    text = decode_bytes(case.article_path.read_bytes())
    scores = headline(score_case(case, analyze(text, published=case.published, nlp=nlp).to_dict()))
    floors = BASELINE[name]
    fallen = {k: (scores[k], floor) for k, floor in floors.items()
              if floor is not None and (scores.get(k) is None or scores[k] < floor - 1e-9)}
    assert not fallen, f"{name}: (score, floor) fell below the pinned floor: {fallen}"
