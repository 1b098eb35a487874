"""Generate realistic, deterministic migration news articles from templates.

    python scripts/generate_corpus.py --n 50 --out /tmp/corpus        # .txt files + manifest.json
    python scripts/generate_corpus.py --n 1000 --db /tmp/bench.db     # analysed into a store
    python scripts/generate_corpus.py --n 10000 --synthetic --db /tmp/10k.db   # no spaCy, ~100k quotes

The same --n and --seed always give the same articles. Speakers, roles, parties, stances
and figures come from small hand-written pools modelled on UK coverage of 2023-2025, so the
analyser meets the constructions it meets in real articles (said:, added:, reported speech,
titles before names, figures in quotes and in the narrator's voice).

`--synthetic` is for load tests of the app, not of the analyser: it does NOT run spaCy or the
analyser. It builds longer articles (about 10 quotes each, several hundred minor speakers) and
writes, next to each, an `Analysis` record made from the template itself: every quote, speaker
mention and figure at the offsets where the template put it, with stance labels, frames,
targets and cue evidence found by small word lists. The records have the shape of real ones
and go through `Store.add(..., analysis=...)`, so the store's rows are shaped like real rows;
only their labels are the template's, not the analyser's. 10,000 articles take about a minute.
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
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


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


# -- synthetic: articles with their Analysis built from the template (no spaCy) -----------------

FIRST = (
    "Sarah",
    "James",
    "Priya",
    "Tom",
    "Aisha",
    "David",
    "Helen",
    "Mark",
    "Fatima",
    "Owen",
    "Claire",
    "Daniel",
    "Nadia",
    "Peter",
    "Grace",
    "Rahul",
    "Emma",
    "Hugh",
    "Zara",
    "Liam",
)
LAST = (
    "Holt",
    "Bennett",
    "Okafor",
    "Reid",
    "Malik",
    "Hughes",
    "Fraser",
    "Doyle",
    "Kaur",
    "Price",
    "Walsh",
    "Turner",
    "Nolan",
    "Shah",
    "Carter",
    "Lloyd",
    "Quinn",
    "Ellis",
    "Patel",
    "Moore",
    "Barker",
    "Greene",
    "Foster",
    "Sutton",
    "Rowe",
)
MINOR_ROLES = (
    ("the Labour MP for {place}", "Labour", "government"),
    ("the Conservative MP for {place}", "Conservative", "right"),
    ("Reform UK's candidate in {place}", "Reform UK", "right"),
    ("a Liberal Democrat councillor in {place}", "Liberal Democrats", "open"),
    ("a Green councillor in {place}", "Green", "open"),
    ("a spokesperson for the {place} Refugee Forum", "", "open"),
    ("a caseworker in {place}", "", "open"),
    ("leader of {place} council", "Conservative", "right"),
)
PLACES = (
    "Dover",
    "Folkestone",
    "Kent",
    "Hull",
    "Stoke",
    "Rotherham",
    "Bournemouth",
    "Epping",
    "Canterbury",
    "Portsmouth",
    "Bolton",
    "Ipswich",
    "Wakefield",
    "Clacton",
    "Swindon",
    "Crawley",
    "Luton",
    "Hastings",
)
MINOR_COUNT = 500
CUES = {  # (label, phrase): the phrases the analyser's lexicon also knows, for the template's quotes
    "direction:restrictive": (
        "smashing the gangs",
        "returning people",
        "removing",
        "restoring control",
        "cracking down",
        "criminal networks",
        "lost control",
        "cap on",
        "deport",
        "closing hotels",
        "weak",
        "scrapped",
        "leave the ECHR",
        "restore public trust",
    ),
    "direction:open": (
        "safe and legal routes",
        "safe routes",
        "protection",
        "deserve",
        "do not work",
        "let asylum seekers work",
        "limbo",
        "desperate",
    ),
    "frame:security and crime": ("gangs", "criminal"),
    "frame:humanitarian": ("Refugees", "persecution", "desperate", "dangerous"),
    "frame:political": ("Labour",),
    "frame:cooperation": ("partners",),
    "frame:administration": ("backlog", "administration"),
    "target:enforcement and returns": ("returning", "removing", "deport", "cracking down", "returned"),
    "target:caps on numbers": ("cap",),
    "target:safe and legal routes": ("safe and legal routes", "safe routes"),
    "target:asylum accommodation": ("hotels",),
    "target:international agreements": ("ECHR", "Rwanda"),
    "topic": ("migration", "borders", "small boats", "crossings", "asylum", "Channel", "illegal migrant"),
}
GOVERNMENT_BY_CAMP = {"government": "supports", "right": "opposes", "open": "opposes", "official": "neutral"}


def _slug(name: str) -> str:
    return "-".join(name.lower().replace("'", "").split())


def minor_people(seed: int = 7) -> tuple[Person, ...]:
    """The pool of minor speakers (MPs, councillors, campaigners) the synthetic articles draw on."""
    rng = random.Random(seed)
    names = [f"{f} {last}" for f in FIRST for last in LAST]
    rng.shuffle(names)
    out = []
    for k, name in enumerate(names[:MINOR_COUNT]):
        role, party, camp = MINOR_ROLES[k % len(MINOR_ROLES)]
        out.append(
            Person(
                name,
                role.format(place=PLACES[k % len(PLACES)]),
                party,
                camp,
                "Ms"
                if name.split()[0]
                in ("Sarah", "Priya", "Aisha", "Helen", "Fatima", "Claire", "Nadia", "Grace", "Emma", "Zara")
                else "Mr",
            )
        )
    return tuple(out)


class _Writer:
    """Builds article text paragraph by paragraph and remembers where each piece went."""

    def __init__(self) -> None:
        self.parts: list[str] = ["\n"]
        self.pos = 1

    def para(self, *pieces: str) -> list[tuple[int, int]]:
        """Append one paragraph made of pieces; the (start, end) of each piece."""
        spans = []
        for piece in pieces:
            spans.append((self.pos, self.pos + len(piece)))
            self.parts.append(piece)
            self.pos += len(piece)
        self.parts.append("\n")
        self.pos += 1
        return spans

    @property
    def text(self) -> str:
        return "".join(self.parts)


def synthetic(i: int, seed: int = 7, *, quotes: int = 10):  # (text, meta, Analysis)
    """The i-th synthetic article, its manifest entry and the Analysis its template implies."""
    import hashlib

    from analysis.pipeline import ANALYSER_VERSION
    from analysis.records import (
        Analysis,
        Article,
        Chrome,
        Evidence,
        Mention,
        NumberMention,
        Quote,
        Span,
        Speaker,
        Stance,
    )

    rng = random.Random(seed * 7_000_003 + i)
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 1000))
    gov = rng.choice([p for p in PEOPLE if p.camp == "government"])
    other = rng.choice([p for p in PEOPLE if p.camp != "government"])
    third = rng.choice([p for p in PEOPLE if p not in (gov, other)])
    cast = [gov, other, third, *rng.sample(_MINOR, 4)]
    f = _figures(rng, day.year)
    surname = lambda p: p.name.split()[-1]  # noqa: E731
    title = rng.choice(HEADLINES).format(a=surname(gov), b=surname(other))
    stamp = f"{day.day} {MONTHS[day.month - 1]} {day.year}, {rng.randrange(7, 22):02d}:{rng.randrange(0, 60):02d}"
    w = _Writer()
    chrome = [Chrome("heading", title, *w.para(title)[0]), Chrome("timestamp", stamp, *w.para(stamp)[0])]
    mentions: dict[str, list[Mention]] = {}
    quoted: list[tuple[str, str, int, int, str, str, tuple[int, int], Mention]] = []
    numbers: list[tuple[str, int, int, str, str, str, str | None, tuple[str, int, int]]] = []

    def figure(
        span: tuple[int, int], key: str, unit: str, metric: str, group: str, who: str | None, sentence: tuple[int, int]
    ) -> None:
        numbers.append((f[key], span[0], span[1], unit, metric, group, who, sentence))

    s = w.para(
        f"{gov.name} has defended the government's record on migration after figures showed ",
        f["crossings"],
        f" people crossed the Channel in small boats in {f['year']}.",
    )
    figure(
        s[1],
        "crossings",
        "people",
        "small-boat Channel crossings",
        "small_boat_crossings:level",
        None,
        (s[0][0], s[2][1]),
    )
    mentions.setdefault(_slug(gov.name), []).append(Mention(gov.name, s[0][0], s[0][0] + len(gov.name), "full name"))
    s = w.para(
        "Net migration stood at ",
        f["net"],
        " in the latest official estimate, while ",
        f["claims"],
        " asylum claims are waiting for a decision.",
    )
    figure(s[1], "net", "people", "net migration", "net_migration:level", None, (s[0][0], s[4][1]))
    figure(s[3], "claims", "claims", "asylum backlog", "asylum_backlog:level", None, (s[0][0], s[4][1]))
    named: set[str] = {_slug(gov.name)}
    for k in range(quotes):
        person = cast[k % len(cast)] if k < len(cast) else rng.choice(cast)
        sid = _slug(person.name)
        pool = QUOTES[person.camp]
        first = sid not in named
        who = (
            f"{person.name}, {person.title},"
            if first
            else (f"{person.honorific} {surname(person)}" if rng.random() < 0.3 else surname(person))
        )
        rule = "full name" if first else ("honorific + name" if who.startswith(person.honorific + " ") else "surname")
        named.add(sid)
        if k % 3 == 2:  # reported speech
            said = rng.choice(INDIRECT[person.camp])
            s = w.para(who, " said ", said, ".")
            cue, kind, qrule = (s[1][0] + 1, s[1][0] + 5), "indirect", "reported speech (speech verb)"
            span = s[2]
        elif k % 3 == 1 and rng.random() < 0.5:  # a figure inside the quote
            said = rng.choice(pool)
            s = w.para(who, " added: “", said, " Crossings are up ", f["pct"], " on last year.", "”")
            cue, kind, qrule = (s[1][0] + 1, s[1][0] + 6), "direct", "speech verb before quote"
            span = (s[2][0], s[5][1])
            figure(
                s[4],
                "pct",
                "percent",
                "small-boat Channel crossings",
                "small_boat_crossings:percent_change",
                sid,
                (s[3][0] + 1, s[6][1]),
            )
        else:
            said = rng.choice(pool)
            s = w.para(who, " said: “", said, "”")
            cue, kind, qrule = (s[1][0] + 1, s[1][0] + 5), "direct", "speech verb before quote"
            span = s[2]
        said_by = person.name if first else who
        mention = Mention(said_by, s[0][0], s[0][0] + len(said_by), rule)
        mentions.setdefault(sid, []).append(mention)
        quoted.append((sid, person.name, span[0], span[1], kind, qrule, cue, mention))
    s = w.para("The Home Office said ", f["hotels"], " hotels were still being used to house asylum seekers.")
    ho = Mention("The Home Office", s[0][0], s[0][0] + len("The Home Office"), "organisation")
    mentions.setdefault("home-office", []).append(ho)
    quoted.append(
        (
            "home-office",
            "Home Office",
            s[1][0],
            s[2][1] - 1,
            "indirect",
            "reported speech (speech verb)",
            (s[0][0] + 16, s[0][0] + 20),
            ho,
        )
    )
    figure(s[1], "hotels", "hotels", "asylum hotels", "asylum_hotels:level", "home-office", (s[0][0], s[2][1]))
    text = w.text
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()

    people = {_slug(p.name): p for p in cast}
    quote_records = []
    for n, (sid, name, start, end, kind, qrule, (cs, ce), mention) in enumerate(quoted, 1):
        words = text[start:end]
        evidence = []
        for label, phrases in CUES.items():
            for phrase in phrases:
                at = words.find(phrase)
                while at >= 0:
                    evidence.append(Evidence(label, phrase, start + at, start + at + len(phrase)))
                    at = words.find(phrase, at + 1)
        evidence.sort(key=lambda e: (e.start, e.label))
        labels = {e.label for e in evidence}
        restrictive, open_ = "direction:restrictive" in labels, "direction:open" in labels
        direction = (
            "mixed" if restrictive and open_ else "restrictive" if restrictive else "open" if open_ else "neutral"
        )
        person = people.get(sid)
        camp = person.camp if person else "official"
        about = bool(labels)
        stance = Stance(
            about_migration=about,
            migration=direction if about else "n/a",
            government=GOVERNMENT_BY_CAMP[camp] if about else "n/a",
            targets=tuple(dict.fromkeys(e.label.split(":", 1)[1] for e in evidence if e.label.startswith("target:"))),
            frames=tuple(dict.fromkeys(e.label.split(":", 1)[1] for e in evidence if e.label.startswith("frame:"))),
            evidence=tuple(evidence),
            confidence=0.55 + 0.1 * min(3, sum(e.label.startswith("direction:") for e in evidence)),
            rule=f"synthetic template: {direction} cues; speaker camp {camp}",
        )
        quote_records.append(
            Quote(
                id=f"q{n}",
                kind=kind,
                text=words,
                start=start,
                end=end,
                speaker_id=sid,
                speaker_name=name,
                cue=text[cs:ce],
                cue_start=cs,
                cue_end=ce,
                rule=qrule,
                stance=stance,
                speaker_mention=mention,
                paragraphs=1,
                confidence=0.9 if kind == "direct" else 0.7,
            )
        )
    number_records = []
    for n, (value_text, start, end, unit, metric, group, who, (ss, se)) in enumerate(numbers, 1):
        value = float(value_text.rstrip("%").replace(",", ""))
        q = next((q for q in quote_records if q.speaker_id == who and q.start <= start < q.end + 30), None)
        number_records.append(
            NumberMention(
                id=f"n{n}",
                text=value_text,
                start=start,
                end=end,
                value=value,
                kind="percent_change" if unit == "percent" else "level",
                unit=unit,
                value_low=value,
                value_high=value,
                metric=metric,
                metric_group=group,
                period=str(day.year) if group.startswith("small") else None,
                cited_by=who,
                cited_by_name=(people[who].name if who in people else "Home Office") if who else None,
                quote_id=q.id if q else None,
                sentence=Span(text[ss:se], ss, se),
                rule="synthetic template",
            )
        )
    speakers = []
    for sid, ms in sorted(mentions.items()):
        person = people.get(sid)
        if person is None:
            speakers.append(
                Speaker(
                    id=sid,
                    name="Home Office",
                    kind="organisation",
                    role="UK interior ministry",
                    party="Labour" if day >= dt.date(2024, 7, 5) else "Conservative",
                    country="UK",
                    aliases=("The Home Office",),
                    mentions=tuple(ms),
                    quoted=True,
                    role_source="registry",
                    registry_id="home-office",
                )
            )
            continue
        speakers.append(
            Speaker(
                id=sid,
                name=person.name,
                role=person.title.removeprefix("the ")[:1].upper() + person.title.removeprefix("the ")[1:],
                party=person.party or None,
                country="UK",
                aliases=tuple(dict.fromkeys(m.text for m in ms)),
                mentions=tuple(ms),
                quoted=any(q.speaker_id == sid for q in quote_records),
                role_source="article",
                registry_id=sid if person in PEOPLE else None,
            )
        )
    meta = {"title": title, "published": day.isoformat(), "source": rng.choice(SOURCES)}
    analysis = Analysis(
        article=Article(
            id="a-" + content_hash[:12],
            text=text,
            title=title,
            published=day,
            source=meta["source"],
            content_hash=content_hash,
            published_rule="given",
        ),
        speakers=tuple(speakers),
        quotes=tuple(quote_records),
        numbers=tuple(number_records),
        chrome=tuple(chrome),
        analyser_version=ANALYSER_VERSION,
    )
    return text, meta, analysis


_MINOR = minor_people()


def build_synthetic_store(db: Path, n: int, *, seed: int = 7, quotes: int = 10, quiet: bool = False) -> float:
    """Write n synthetic articles with their template-made analyses into the store. Returns seconds.

    No spaCy: see the module docstring. The rows have the shape of real ones; the labels are
    the template's.
    """
    import sqlite3

    from analysis.store import Store

    start = time.perf_counter()
    store = Store(db)
    # Held open so that the store's short-lived connections do not each checkpoint the WAL on close.
    keeper = sqlite3.connect(db)
    try:
        for k in range(n):
            text, meta, analysis = synthetic(k, seed, quotes=quotes)
            store.add(text, title=meta["title"], published=meta["published"], source=meta["source"], analysis=analysis)
            if not quiet and (k + 1) % 1000 == 0:
                print(f"  {k + 1}/{n} synthetic articles stored ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    finally:
        keeper.close()
    return time.perf_counter() - start


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
            store.add(text, title=meta["title"], published=meta["published"], source=meta["source"], analysis=analysis)
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
    parser.add_argument(
        "--synthetic",
        action="store_true",
        help="with --db: store template-made analyses, no spaCy (load tests of the app only)",
    )
    parser.add_argument("--quotes", type=int, default=10, help="quotes per synthetic article")
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
    if args.db and args.synthetic:
        seconds = build_synthetic_store(args.db, args.n, seed=args.seed, quotes=args.quotes)
        print(f"stored {args.n} synthetic articles (template analyses, no spaCy) in {args.db} in {seconds:.0f} s")
    elif args.db:
        seconds = build_store(args.db, args.n, seed=args.seed, workers=args.workers)
        print(f"analysed {args.n} articles into {args.db} in {seconds:.0f} s")


if __name__ == "__main__":
    main()
