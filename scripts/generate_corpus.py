"""Generate realistic, deterministic migration news articles from templates.

    python scripts/generate_corpus.py --n 50 --out /tmp/corpus        # .txt files + manifest.json
    python scripts/generate_corpus.py --n 1000 --db /tmp/bench.db     # analysed into a store

The same --n and --seed always give the same articles. Speakers, roles, parties, stances
and figures come from small hand-written pools modelled on UK coverage of 2023-2025, so the
analyser meets the constructions it meets in real articles (said:, added:, reported speech,
titles before names, figures in quotes and in the narrator's voice).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Person:
    name: str
    title: str  # "the home secretary"
    party: str
    camp: str  # "government", "right", "open"
    honorific: str = "Mr"


PEOPLE = (
    Person("Keir Starmer", "the Prime Minister", "Labour", "government"),
    Person("Yvette Cooper", "the home secretary", "Labour", "government", "Ms"),
    Person("Angela Eagle", "the border security minister", "Labour", "government", "Ms"),
    Person("Chris Philp", "the shadow home secretary", "Conservative", "right"),
    Person("Kemi Badenoch", "the Conservative leader", "Conservative", "right", "Ms"),
    Person("Robert Jenrick", "the former immigration minister", "Conservative", "right"),
    Person("Nigel Farage", "the Reform UK leader", "Reform UK", "right"),
    Person("Zia Yusuf", "Reform UK's head of policy", "Reform UK", "right"),
    Person("Ed Davey", "the Liberal Democrat leader", "Liberal Democrats", "open"),
    Person("Carla Denyer", "the Green Party co-leader", "Green", "open", "Ms"),
    Person("Enver Solomon", "chief executive of the Refugee Council", "", "open"),
    Person("Sonya Sceats", "chief executive of Freedom from Torture", "", "open", "Ms"),
)

QUOTES = {
    "government": (
        "We are smashing the gangs and returning people who have no right to be here.",
        "Our plan is bringing net migration down and restoring control of our borders.",
        "Every week we are removing more people with no right to be in the UK than the last government did.",
        "We inherited a broken asylum system and we are fixing it, closing hotels and clearing the backlog.",
        "Working with our partners in Europe, we are cracking down on the criminal networks behind the crossings.",
    ),
    "right": (
        "Labour has lost control of our borders and the small boats keep coming.",
        "This government scrapped the Rwanda deterrent before it even started, and the crossings have soared.",
        "We need a binding annual cap on migration, and Labour refuses to act.",
        "The home secretary's plan is weak and completely out of touch with what the country demands.",
        "Britain must leave the ECHR so that we can deport every illegal migrant who arrives.",
    ),
    "open": (
        "We need safe and legal routes so that desperate people are not forced into small boats.",
        "Refugees fleeing war and persecution deserve protection, not hostile rhetoric from ministers.",
        "The asylum backlog is a failure of administration, and people are left in limbo in hotels for years.",
        "Cruel deterrence policies do not work; they only push people into more dangerous journeys.",
        "The government should let asylum seekers work while their claims are decided.",
    ),
}
INDIRECT = {
    "government": (
        "the number of people returned had risen sharply since the election",
        "the new rules would bring net migration down by the end of the parliament",
    ),
    "right": (
        "the government had lost control of the Channel",
        "only a cap on numbers would restore public trust",
    ),
    "open": (
        "the government should open more safe routes for refugees",
        "the asylum system was leaving thousands of people in limbo",
    ),
}
HEADLINES = (
    "{a} and {b} clash over small boat crossings",
    "Small boat crossings rise as {a} defends migration plan",
    "{a} under pressure as asylum backlog grows",
    "Migration figures: {a} and {b} trade blows",
    "{a} unveils new immigration rules as {b} attacks plan",
    "Channel crossings: what {a} and {b} said",
)
SOURCES = ("LBC", "The Guardian", "BBC News", "Sky News", "The Independent", "The Telegraph", "ITV News")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def _figures(rng: random.Random, year: int) -> dict[str, str]:
    return {
        "crossings": f"{rng.randrange(8_000, 45_000):,}",
        "net": f"{rng.randrange(300, 900):,},000",
        "claims": f"{rng.randrange(60, 110):,},000",
        "pct": f"{rng.randrange(5, 60)}%",
        "returns": f"{rng.randrange(5, 30):,},000",
        "hotels": str(rng.randrange(100, 400)),
        "year": str(year),
    }


def article(i: int, seed: int = 7) -> tuple[str, dict[str, str]]:
    """The i-th article: its text and its manifest entry (title, published, source)."""
    rng = random.Random(seed * 1_000_003 + i)
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 1000))
    gov = rng.choice([p for p in PEOPLE if p.camp == "government"])
    other = rng.choice([p for p in PEOPLE if p.camp != "government"])
    third = rng.choice([p for p in PEOPLE if p not in (gov, other)])
    f = _figures(rng, day.year)
    surname = lambda p: p.name.split()[-1]  # noqa: E731
    title = rng.choice(HEADLINES).format(a=surname(gov), b=surname(other))
    q = {camp: rng.sample(pool, 2) for camp, pool in QUOTES.items()}
    stamp = f"{day.day} {MONTHS[day.month - 1]} {day.year}, {rng.randrange(7, 22):02d}:{rng.randrange(0, 60):02d}"
    paras = [
        title,
        stamp,
        f"{gov.name} has defended the government's record on migration after figures showed "
        f"{f['crossings']} people crossed the Channel in small boats in {f['year']}.",
        f"Net migration stood at {f['net']} in the latest official estimate, while {f['claims']} asylum "
        f"claims are waiting for a decision.",
        f"Speaking on {day.strftime('%A')}, {surname(gov)} said: “{q['government'][0]}”",
        f"{gov.honorific} {surname(gov)} added that the number of returns had reached {f['returns']} this year.",
        f"But {other.name}, {other.title}, said {rng.choice(INDIRECT[other.camp])}.",
        f"{surname(other)} added: “{q[other.camp][0]} Crossings are up {f['pct']} on last year.”",
        f"{third.name}, {third.title}, said: “{q[third.camp][1]}”",
        f"The Home Office said {f['hotels']} hotels were still being used to house asylum seekers.",
    ]
    if rng.random() < 0.5:
        paras.append(f"{surname(gov)} said: “{q['government'][1]}”")
    meta = {"title": title, "published": day.isoformat(), "source": rng.choice(SOURCES)}
    return "\n" + "\n".join(paras) + "\n", meta


def articles(n: int, seed: int = 7) -> Iterator[tuple[str, dict[str, str]]]:
    """The first n articles."""
    for i in range(n):
        yield article(i, seed)


def _analyse(item: tuple[str, dict[str, str]]):
    from analysis.pipeline import analyze

    text, meta = item
    return text, meta, analyze(text, published=meta["published"], title=meta["title"], source=meta["source"])


def build_store(db: Path, n: int, *, seed: int = 7, workers: int = 2, quiet: bool = False) -> float:
    """Analyse n generated articles (plus the bundled seeds) into the store at db. Returns seconds."""
    from analysis.store import Store

    start = time.perf_counter()
    store = Store(db)
    store.load_seeds(ROOT / "seeds")
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for k, (text, meta, analysis) in enumerate(pool.map(_analyse, articles(n, seed), chunksize=8), 1):
            store.add(text, title=meta["title"], published=meta["published"], source=meta["source"],
                      analysis=analysis)
            if not quiet and k % 100 == 0:
                print(f"  {k}/{n} articles analysed ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="write .txt files and manifest.json here")
    parser.add_argument("--db", type=Path, help="analyse into the corpus store at this path")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not args.out and not args.db:
        parser.error("give --out DIR and/or --db PATH")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        manifest = {}
        for i, (text, meta) in enumerate(articles(args.n, args.seed)):
            name = f"generated_{i:05d}.txt"
            (args.out / name).write_text(text, "utf-8")
            manifest[name] = meta
        (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
        print(f"wrote {args.n} articles to {args.out}")
    if args.db:
        seconds = build_store(args.db, args.n, seed=args.seed, workers=args.workers)
        print(f"analysed {args.n} articles into {args.db} in {seconds:.0f} s")


if __name__ == "__main__":
    main()
