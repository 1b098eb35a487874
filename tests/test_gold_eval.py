"""Quality gate: every evaluation set on the machine scored against its pinned floors.

Floors live in tests/eval_floors.json, a few per set, with the set's checksum; pin them with
`python scripts/evaluate.py --update-floors`, which refuses to lower one without
`--allow-regression`. The seed article also keeps its exact scores.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.evaluation import SEED_NAME, SHARED, analyse_with_pipeline, evaluate_set, evaluation_sets, load_scorer

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "tests" / "eval_floors.json").read_text(encoding="utf-8"))
SETS = {s.name: s for s in evaluation_sets()}
# Sets every machine has: the seed and synthetic sets ship in the repository.
REQUIRED = ("seed", "synthetic", "synthetic-heldout")


@pytest.fixture(scope="module")
def seed_scores():
    case = SETS["seed"].cases[0]
    out = subprocess.run(
        [sys.executable, "-m", "analysis", str(case.article_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    gold = json.loads(case.gold_path.read_text(encoding="utf-8"))
    return load_scorer().score(gold, json.loads(out.stdout), case.article_path.read_text(encoding="utf-8"))


@pytest.mark.model
def test_seed_direct_quotes_all_found_with_every_speaker_right(seed_scores):
    direct = seed_scores["direct"]
    assert direct["f1"] == 1.0 and direct["speaker_acc"] == 1.0


@pytest.mark.model
def test_seed_reported_speech_all_found_with_every_speaker_right(seed_scores):
    # Precision is not pinned at 1.0: the seed's gold (older convention) gives only the quoted words
    # of a mixed quote, while ../shared/real gives the paraphrase as reported speech too, which the
    # analyser follows ("warned Britain could become an 'island of strangers' without ...").
    indirect = seed_scores["indirect"]
    assert indirect["recall"] == 1.0 and indirect["speaker_acc"] == 1.0


@pytest.mark.model
def test_seed_numbers_values_speakers_and_groups(seed_scores):
    numbers = seed_scores["numbers"]
    assert numbers["f1"] == 1.0
    assert numbers["value_acc"] == 1.0
    assert numbers["cited_by_acc"] == 1.0
    assert numbers["same_metric_pairs"] == 1.0


@pytest.mark.model
def test_seed_stance_agrees_with_gold(seed_scores):
    assert seed_scores["stance"]["migration"] >= 0.93
    assert seed_scores["stance"]["government"] == 1.0


def test_every_required_set_is_here_and_pinned():
    missing = [name for name in REQUIRED if name not in SETS]
    assert not missing, f"evaluation sets missing on this machine: {missing}"
    assert set(REQUIRED) | {"real"} <= set(FLOORS)
    assert SEED_NAME == SETS["seed"].cases[0].name


def test_the_real_development_set_is_found_next_to_the_repository():
    # ../shared/real comes with CI; without it the real-text gate cannot run, and that must show
    if "real" not in SETS:
        pytest.skip(f"no real development set at {SHARED / 'real'}: the real-text floors were not checked")
    assert len(SETS["real"].cases) >= 16


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_set_scores_do_not_fall_below_pinned_floors(name, nlp):
    if name not in SETS:
        pytest.skip(f"{name} is not on this machine")
    eval_set = SETS[name]
    pinned = FLOORS[name]
    assert eval_set.checksum() == pinned["checksum"], (
        f"{name} changed since its floors were pinned: re-pin with scripts/evaluate.py --update-floors"
    )
    summary, _ = evaluate_set(eval_set, lambda cases: analyse_with_pipeline(cases, nlp))
    fallen = {
        k: (summary.get(k), floor)
        for k, floor in pinned["floors"].items()
        if summary.get(k) is None or summary[k] < floor - 1e-9
    }
    assert not fallen, f"{name}: (score, floor) fell below the pinned floor: {fallen}"
