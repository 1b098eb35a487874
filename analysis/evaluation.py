"""Score the analyser against the gold annotations in tests/gold (rules of tests/score.py)."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
ARTICLE_DIRS = (ROOT / "seeds", ROOT / "tests" / "articles")
HELDOUT_GOLD_DIR = ROOT / "tests" / "heldout" / "gold"  # never used for tuning: measures unseen text
HELDOUT_ARTICLE_DIRS = (ROOT / "tests" / "heldout" / "articles",)
SCORER_PATH = ROOT / "tests" / "score.py"  # a copy of ../shared/tools/score.py, unchanged


@dataclass(frozen=True)
class GoldCase:
    name: str
    gold_path: Path
    article_path: Path
    published: str | None


def load_scorer():
    """The shared scorer, imported from its file so its rules are used unchanged."""
    spec = importlib.util.spec_from_file_location("gold_scorer", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def gold_cases(*, heldout: bool = False) -> list[GoldCase]:
    """Every gold file with its article (the tuning set, or the held-out set)."""
    gold_dir, article_dirs = (HELDOUT_GOLD_DIR, HELDOUT_ARTICLE_DIRS) if heldout else (GOLD_DIR, ARTICLE_DIRS)
    cases = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = gold.get("source") or gold_path.stem + ".txt"
        article = next((d / source for d in article_dirs if (d / source).exists()), None)
        if article is None:
            article = next((d / (gold_path.stem + ".txt") for d in article_dirs if (d / (gold_path.stem + ".txt")).exists()), None)
        if article is None:
            continue
        cases.append(GoldCase(gold_path.stem, gold_path, article, gold.get("published")))
    return cases


def score_case(case: GoldCase, prediction: dict[str, Any]) -> dict[str, Any]:
    """Scores of one prediction (the CLI's JSON) against its gold file."""
    scorer = load_scorer()
    gold = json.loads(case.gold_path.read_text(encoding="utf-8"))
    article = case.article_path.read_text(encoding="utf-8")
    return scorer.score(gold, prediction, article)


def headline(scores: dict[str, Any]) -> dict[str, float | None]:
    """The figures the quality gate pins: F1s, speaker accuracies, stance agreement, number values.
    An article with no quotes and none predicted counts as F1 1.0 (the scorer says 0.0)."""
    num = scores["numbers"]
    direct, everything = scores["direct"], scores["all"]
    return {
        "direct_f1": 1.0 if direct["gold"] == 0 and direct["pred"] == 0 else direct["f1"],
        "direct_speaker_acc": scores["direct"]["speaker_acc"] if scores["direct"]["matched"] else None,
        "indirect_recall": scores["indirect"]["recall"],
        "all_f1": 1.0 if everything["gold"] == 0 and everything["pred"] == 0 else everything["f1"],
        "all_speaker_acc": scores["all"]["speaker_acc"] if scores["all"]["matched"] else None,
        "numbers_f1": num["f1"],
        "numbers_value_acc": num["value_acc"] if num["matched"] else None,
        "numbers_cited_by_acc": num["cited_by_acc"] if num["matched"] else None,
        "same_metric_pairs": num.get("same_metric_pairs"),
        "stance_migration": scores["stance"]["migration"],
        "stance_government": scores["stance"]["government"],
        "about_migration": scores["stance"]["about_migration"],
    }
