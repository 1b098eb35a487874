"""Words per second of analyze() over every test article, against a bare nlp.pipe of the same texts.

python scripts/bench_analysis.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.nlp import load_nlp  # noqa: E402
from analysis.pipeline import analyze_many  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="copies of the article set per round")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the best is reported")
    args = parser.parse_args()
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths] * args.repeat
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # warm up
    analyze_many(texts[:2], nlp=nlp)

    # Alternate the two and keep each one's best round: the machine may be busy with other work.
    # CPU time of this process is reported too: it is not inflated by other work on the machine.
    bare = ours = bare_cpu = ours_cpu = float("inf")
    for _ in range(args.rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        bare, bare_cpu = min(bare, time.perf_counter() - t0), min(bare_cpu, time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        analyze_many(texts, nlp=nlp)
        ours, ours_cpu = min(ours, time.perf_counter() - t0), min(ours_cpu, time.process_time() - c0)

    print(f"articles: {len(texts)} ({len(paths)} distinct x {args.repeat}), words: {words:,}, best of {args.rounds} rounds")
    print(f"bare nlp.pipe:   {bare:7.2f} s  {words / bare:9,.0f} words/s")
    print(f"analyze_many:    {ours:7.2f} s  {words / ours:9,.0f} words/s")
    print(f"ratio analyze / bare parse: {ours / bare:.2f} (wall clock), {ours_cpu / bare_cpu:.2f} (CPU time:"
          f" {ours_cpu:.2f} s vs {bare_cpu:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
