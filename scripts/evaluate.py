"""Print the gold scores of every annotated article: python scripts/evaluate.py [--json] [--write-baseline]."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.evaluation import gold_cases, headline, score_case  # noqa: E402
from analysis.ingest import decode_bytes  # noqa: E402
from analysis.pipeline import analyze  # noqa: E402

BASELINE = Path(__file__).resolve().parent.parent / "tests" / "eval_baseline.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print all scores as JSON")
    parser.add_argument("--write-baseline", action="store_true",
                        help="pin the current figures as floors in tests/eval_baseline.json")
    parser.add_argument("--only", help="substring of the case name")
    parser.add_argument("--heldout", action="store_true",
                        help="score the held-out set (tests/heldout): measure only, never tune on it")
    args = parser.parse_args()
    results = {}
    for case in gold_cases(heldout=args.heldout):
        if args.only and args.only not in case.name:
            continue
        text = decode_bytes(case.article_path.read_bytes())
        pred = analyze(text, published=case.published).to_dict()
        results[case.name] = headline(score_case(case, pred))
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        keys = list(next(iter(results.values())).keys())
        short = [k.replace("numbers_", "num_").replace("_acc", "").replace("stance_", "st_") for k in keys]
        print(f"{'article':38} " + " ".join(f"{k[:9]:>9}" for k in short))
        for name, h in results.items():
            print(f"{name[:38]:38} " + " ".join(f"{'-' if v is None else format(v, '.2f'):>9}" for v in h.values()))
        for k in keys:
            vals = [h[k] for h in results.values() if h[k] is not None]
            print(f"mean {k:30} {sum(vals) / len(vals):.3f}" if vals else f"mean {k:30} -")
    if args.write_baseline and args.heldout:
        parser.error("floors are pinned for the tuning set only")
    if args.write_baseline:
        BASELINE.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
