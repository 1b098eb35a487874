"""Score the analyser on every evaluation set on this machine, real text first.

    python scripts/evaluate.py                      every available set, one table
    python scripts/evaluate.py --set real --details the real set, with each miss and wrong speaker
    python scripts/evaluate.py --bands              also stance agreement by confidence band
    python scripts/evaluate.py --polnear-train      also PolNeAR train (for tuning; dev is for measuring)
    python scripts/evaluate.py --update-floors      pin the current figures as floors (tests/eval_floors.json)

`--update-floors` refuses to lower a floor unless `--allow-regression` is given as well (say why in
the commit). PolNeAR sets appear once scripts/polnear_gold.py has converted a checkout.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.evaluation import (
    CaseResult,
    EvalSet,
    analyse_with_pipeline,
    evaluate_set,
    evaluation_sets,
    stance_bands,
)

FLOORS_PATH = Path(__file__).resolve().parent.parent / "tests" / "eval_floors.json"
# The few figures pinned per set: what a user relies on.
GATED = (
    "direct_f1",
    "indirect_f1",
    "speaker_accuracy",
    "attributed_recall",
    "figures_f1",
    "figures_cited_by",
    "stance_migration",
    "stance_government",
)
COLUMNS = (
    ("direct_precision", "dir P"),
    ("direct_recall", "dir R"),
    ("direct_f1", "dir F1"),
    ("indirect_precision", "ind P"),
    ("indirect_recall", "ind R"),
    ("indirect_f1", "ind F1"),
    ("all_f1", "all F1"),
    ("exact_f1", "exact"),
    ("speaker_accuracy", "spk acc"),
    ("speaker_accuracy_proper_names", "spk named"),
    ("attributed_recall", "attr R"),
    ("figures_f1", "fig F1"),
    ("figures_value", "value"),
    ("figures_cited_by", "cited"),
    ("stance_migration", "st mig"),
    ("stance_government", "st gov"),
    ("stance_about_migration", "about"),
)


def print_table(rows: list[tuple[EvalSet, dict[str, float | None], float]]) -> None:
    print(f"{'set':18} {'arts':>4} " + " ".join(f"{label:>9}" for _, label in COLUMNS) + f" {'secs':>6}")
    for eval_set, summary, secs in rows:
        cells = " ".join(f"{'-' if summary.get(k) is None else format(summary[k], '.3f'):>9}" for k, _ in COLUMNS)
        print(f"{eval_set.name:18} {len(eval_set.cases):>4} {cells} {secs:>6.1f}")


def print_details(eval_set: EvalSet, results: list[CaseResult], limit: int) -> None:
    items = [i for r in results for i in r.items]
    print(
        f"\n== {eval_set.name}: {len(items)} items ({', '.join(f'{k} {v}' for k, v in Counter(i.what for i in items).most_common())})"
    )
    for r in results:
        mine = r.items[:limit] if limit else r.items
        if not mine:
            continue
        print(f"-- {r.name}")
        for i in mine:
            who = f"  gold={i.gold!r}" if i.gold else ""
            got = f"  got={i.predicted!r}" if i.predicted else ""
            print(f"   {i.what:18} {i.kind:8} {i.text}{who}{got}")


def print_bands(eval_set: EvalSet, results: list[CaseResult]) -> None:
    """Stance agreement by the analyser's confidence: a confidence that means something rises with it."""
    bands = stance_bands(results)
    if not any(n for b in bands.values() for _, n in b.values()):
        return
    cells = []
    for band, by_key in bands.items():
        parts = [f"{key[:3]} {ok}/{n}" + (f" {ok / n:.2f}" if n else "") for key, (ok, n) in by_key.items()]
        cells.append(f"{band}: {', '.join(parts)}")
    print(f"{eval_set.name:18} stance by confidence  " + " | ".join(cells))


def update_floors(rows: list[tuple[EvalSet, dict[str, float | None], float]], *, allow_regression: bool) -> int:
    floors = json.loads(FLOORS_PATH.read_text(encoding="utf-8")) if FLOORS_PATH.exists() else {}
    lowered = []
    for eval_set, summary, _ in rows:
        old = floors.get(eval_set.name, {})
        new = {k: summary[k] for k in GATED if summary.get(k) is not None}
        same_content = old.get("checksum") == eval_set.checksum()
        for k, v in new.items():
            prev = old.get("floors", {}).get(k)
            if same_content and prev is not None and v < prev - 1e-9:
                lowered.append(f"{eval_set.name} {k}: {prev} -> {v}")
        floors[eval_set.name] = {"checksum": eval_set.checksum(), "articles": len(eval_set.cases), "floors": new}
    if lowered and not allow_regression:
        print(
            "refusing to lower floors (pass --allow-regression and say why in the commit):\n  " + "\n  ".join(lowered)
        )
        return 1
    FLOORS_PATH.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {FLOORS_PATH}" + (f" (lowered: {'; '.join(lowered)})" if lowered else ""))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", action="append", help="only these sets (real, polnear-dev, seed, synthetic, ...)")
    parser.add_argument("--polnear-train", action="store_true", help="also score PolNeAR train")
    parser.add_argument("--details", action="store_true", help="list each miss, wrong speaker and false alarm")
    parser.add_argument(
        "--bands", action="store_true", help="stance agreement by confidence band (also with --details)"
    )
    parser.add_argument("--limit", type=int, default=0, help="at most this many items per article in --details")
    parser.add_argument("--only", help="only articles whose name holds this text")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--update-floors", action="store_true", help="pin these figures in tests/eval_floors.json")
    parser.add_argument("--allow-regression", action="store_true", help="let --update-floors lower a floor")
    args = parser.parse_args()
    sets = [s for s in evaluation_sets(polnear_train=args.polnear_train) if not args.set or s.name in args.set]
    if args.only:
        sets = [
            EvalSet(s.name, s.description, tuple(c for c in s.cases if args.only in c.name), s.figures, s.stance)
            for s in sets
        ]
        sets = [s for s in sets if s.cases]
    from analysis.name_genders import PACKAGE as NAMES_PACKAGE
    from analysis.nlp import load_nlp

    if importlib.util.find_spec(NAMES_PACKAGE) is None:  # a venv made by hand, not by `make install`
        print(
            f"warning: {NAMES_PACKAGE} is not installed (run `make install`): first names only it knows go "
            "unrecognised, so speaker figures come out lower than the floors",
            file=sys.stderr,
        )
    nlp = load_nlp()
    rows, details = [], []
    for eval_set in sets:
        t0 = time.perf_counter()
        summary, results = evaluate_set(eval_set, lambda cases: analyse_with_pipeline(cases, nlp))
        rows.append((eval_set, summary, time.perf_counter() - t0))
        details.append((eval_set, results))
    if args.json:
        print(json.dumps({s.name: summary for s, summary, _ in rows}, indent=1))
    else:
        print_table(rows)
    if args.bands or args.details:
        for eval_set, results in details:
            if eval_set.stance:
                print_bands(eval_set, results)
    if args.details:
        for eval_set, results in details:
            print_details(eval_set, results, args.limit)
    if args.update_floors:
        if args.only:
            parser.error("--update-floors needs whole sets (drop --only)")
        return update_floors(rows, allow_regression=args.allow_regression)
    return 0


if __name__ == "__main__":
    sys.exit(main())
