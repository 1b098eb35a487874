"""A small demonstration corpus: the seed plus synthetic test articles from several countries.

    python scripts/demo_corpus.py DB [--all]

For the browser tests, the screenshots and classroom demonstrations that need more than the one
seed article: UK, US, French, Italian and EU coverage over 2023 to 2025, so the Stance page has
several governments and the Trends page several months and outlets. The articles are the
synthetic ones in tests/articles/ (every quote invented; see tests/articles/README.md), so their
outlets are invented too and say so. Analysed by the real pipeline (about 0.5 s each).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "articles"
SEEDS = ROOT / "seeds"

# slug -> invented outlet: two UK titles and one wire, so Trends has outlets to compare.
DEMO: dict[str, str] = {
    "uk_net_migration_2023-05-25": "Example Times (synthetic)",
    "uk_net_migration_record_2023-11-23": "Example Post (synthetic)",
    "fr_immigration_law_2023-12-20": "Example Wire (synthetic)",
    "uk_rwanda_tabloid_2024-01-18": "Example Post (synthetic)",
    "uk_small_boats_2024-08-22": "Example Times (synthetic)",
    "eu_italy_albania_court_2024-10-19": "Example Wire (synthetic)",
    "us_border_troops_2025-01-28": "Example Wire (synthetic)",
    "uk_asylum_appeals_guardian_2025-02-27": "Example Times (synthetic)",
    "us_border_funding_bill_2025-09-18": "Example Wire (synthetic)",
    "uk_asylum_overhaul_2025-11-18": "Example Post (synthetic)",
}


def build_demo_corpus(db: Path, slugs: list[str] | None = None) -> list[str]:
    """The seed and the demo articles (all of DEMO by default) in a store at `db`; their ids."""
    sys.path.insert(0, str(ROOT))
    from analysis.store import Store

    manifest = {m["slug"]: m for m in json.loads((ARTICLES / "MANIFEST.json").read_text("utf-8"))}
    store = Store(db)
    store.load_seeds(SEEDS)
    ids = [a.id for a in store.articles()]
    for slug in slugs if slugs is not None else list(DEMO):
        info = manifest[slug]
        result = store.add(
            (ARTICLES / f"{slug}.txt").read_text("utf-8"),
            title=info["title"],
            published=info["published"],
            source=DEMO.get(slug, "Example Wire (synthetic)"),
        )
        ids.append(result.article_id)
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    ids = build_demo_corpus(args.db)
    print(f"{len(ids)} articles in {args.db}")


if __name__ == "__main__":
    main()
