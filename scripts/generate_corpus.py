"""Generate realistic, deterministic migration news articles from templates.

    python scripts/generate_corpus.py --n 50 --out /tmp/corpus        # .txt files + manifest.json
    python scripts/generate_corpus.py --n 1000 --db /tmp/bench.db     # analysed into a store
    python scripts/generate_corpus.py --n 10000 --synthetic --db /tmp/10k.db   # no spaCy, ~100k quotes

The same --n and --seed always give the same articles. Speakers, roles, parties, stances
and figures come from small hand-written pools modelled on UK coverage of 2023-2025, so the
analyser meets the constructions it meets in real articles (said:, added:, reported speech,
titles before names, figures in quotes and in the narrator's voice). The pools are in
`corpus_templates.py`, beside this file.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus_templates import (  # noqa: E402  (found beside this file: scripts/ is on sys.path)
    CUES,
    GOVERNMENT_BY_CAMP,
    HEADLINES,
    INDIRECT,
    MONTHS,
    PEOPLE,
    QUOTES,
    SOURCES,
    Person,
    minor_people,
)

if TYPE_CHECKING:
    from analysis.records import Evidence, Mention, NumberMention, Quote, Speaker, Stance


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


def _slug(name: str) -> str:
    return "-".join(name.lower().replace("'", "").split())


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


class _Said(NamedTuple):
    """A quote the template wrote: who said it, where, and the cue that introduced it."""

    speaker_id: str
    speaker_name: str
    start: int
    end: int
    kind: str
    rule: str
    cue: tuple[int, int]
    mention: Mention


class _Figure(NamedTuple):
    """A figure the template wrote, with what it measures and the sentence it sits in."""

    text: str
    start: int
    end: int
    unit: str
    metric: str
    group: str
    cited_by: str | None
    sentence: tuple[int, int]


@dataclass
class _Draft:
    """A synthetic article being written, and what its Analysis will say about each piece."""

    rng: random.Random
    figures: dict[str, str]
    writer: _Writer = field(default_factory=_Writer)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    quoted: list[_Said] = field(default_factory=list)
    numbers: list[_Figure] = field(default_factory=list)

    def figure(
        self,
        span: tuple[int, int],
        key: str,
        unit: str,
        metric: str,
        group: str,
        who: str | None,
        sentence: tuple[int, int],
    ) -> None:
        self.numbers.append(_Figure(self.figures[key], span[0], span[1], unit, metric, group, who, sentence))

    def mention(self, speaker_id: str, mention: Mention) -> None:
        self.mentions.setdefault(speaker_id, []).append(mention)


def _surname(person: Person) -> str:
    return person.name.split()[-1]


def _write_opening(d: _Draft, gov: Person) -> None:
    """The two narrator's paragraphs: crossings, then net migration and the asylum backlog."""
    from analysis.records import Mention

    s = d.writer.para(
        f"{gov.name} has defended the government's record on migration after figures showed ",
        d.figures["crossings"],
        f" people crossed the Channel in small boats in {d.figures['year']}.",
    )
    d.figure(
        s[1],
        "crossings",
        "people",
        "small-boat Channel crossings",
        "small_boat_crossings:level",
        None,
        (s[0][0], s[2][1]),
    )
    d.mention(_slug(gov.name), Mention(gov.name, s[0][0], s[0][0] + len(gov.name), "full name"))
    s = d.writer.para(
        "Net migration stood at ",
        d.figures["net"],
        " in the latest official estimate, while ",
        d.figures["claims"],
        " asylum claims are waiting for a decision.",
    )
    d.figure(s[1], "net", "people", "net migration", "net_migration:level", None, (s[0][0], s[4][1]))
    d.figure(s[3], "claims", "claims", "asylum backlog", "asylum_backlog:level", None, (s[0][0], s[4][1]))


def _speaker_phrase(rng: random.Random, person: Person, first: bool) -> tuple[str, str]:
    """How a paragraph names its speaker (full name and title the first time), and the rule for it."""
    if first:
        return f"{person.name}, {person.title},", "full name"
    if rng.random() < 0.3:
        return f"{person.honorific} {_surname(person)}", "honorific + name"
    return _surname(person), "surname"


# A quote paragraph's writer returns where its speaker phrase starts, the quote's span, the cue's
# span, the quote's kind and the rule that found it.
_Written = tuple[int, tuple[int, int], tuple[int, int], str, str]


def _write_reported(d: _Draft, who: str, person: Person) -> _Written:
    s = d.writer.para(who, " said ", d.rng.choice(INDIRECT[person.camp]), ".")
    return s[0][0], s[2], (s[1][0] + 1, s[1][0] + 5), "indirect", "reported speech (speech verb)"


def _write_direct_with_figure(d: _Draft, who: str, person: Person) -> _Written:
    s = d.writer.para(
        who,
        " added: “",
        d.rng.choice(QUOTES[person.camp]),
        " Crossings are up ",
        d.figures["pct"],
        " on last year.",
        "”",
    )
    d.figure(
        s[4],
        "pct",
        "percent",
        "small-boat Channel crossings",
        "small_boat_crossings:percent_change",
        _slug(person.name),
        (s[3][0] + 1, s[6][1]),
    )
    return s[0][0], (s[2][0], s[5][1]), (s[1][0] + 1, s[1][0] + 6), "direct", "speech verb before quote"


def _write_direct(d: _Draft, who: str, person: Person) -> _Written:
    s = d.writer.para(who, " said: “", d.rng.choice(QUOTES[person.camp]), "”")
    return s[0][0], s[2], (s[1][0] + 1, s[1][0] + 5), "direct", "speech verb before quote"


def _write_quotes(d: _Draft, cast: list[Person], quotes: int) -> None:
    """The quote paragraphs: every third one reported speech, some with a figure inside the quote."""
    from analysis.records import Mention

    named: set[str] = {_slug(cast[0].name)}
    for k in range(quotes):
        person = cast[k % len(cast)] if k < len(cast) else d.rng.choice(cast)
        sid = _slug(person.name)
        first = sid not in named
        who, rule = _speaker_phrase(d.rng, person, first)
        named.add(sid)
        if k % 3 == 2:
            at, span, cue, kind, qrule = _write_reported(d, who, person)
        elif k % 3 == 1 and d.rng.random() < 0.5:
            at, span, cue, kind, qrule = _write_direct_with_figure(d, who, person)
        else:
            at, span, cue, kind, qrule = _write_direct(d, who, person)
        said_by = person.name if first else who
        mention = Mention(said_by, at, at + len(said_by), rule)
        d.mention(sid, mention)
        d.quoted.append(_Said(sid, person.name, span[0], span[1], kind, qrule, cue, mention))


def _write_home_office(d: _Draft) -> None:
    """The closing paragraph: the Home Office's figure for hotels, in reported speech."""
    from analysis.records import Mention

    s = d.writer.para(
        "The Home Office said ", d.figures["hotels"], " hotels were still being used to house asylum seekers."
    )
    ho = Mention("The Home Office", s[0][0], s[0][0] + len("The Home Office"), "organisation")
    d.mention("home-office", ho)
    d.quoted.append(
        _Said(
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
    d.figure(s[1], "hotels", "hotels", "asylum hotels", "asylum_hotels:level", "home-office", (s[0][0], s[2][1]))


def _evidence(text: str, start: int, end: int) -> list[Evidence]:
    """Every cue phrase of `CUES` in text[start:end], in order of position."""
    from analysis.records import Evidence

    words = text[start:end]
    evidence = []
    for label, phrases in CUES.items():
        for phrase in phrases:
            at = words.find(phrase)
            while at >= 0:
                evidence.append(Evidence(label, phrase, start + at, start + at + len(phrase)))
                at = words.find(phrase, at + 1)
    evidence.sort(key=lambda e: (e.start, e.label))
    return evidence


def _stance(evidence: list[Evidence], camp: str) -> Stance:
    """The stance the cues imply: direction from the direction cues, government from the camp."""
    from analysis.records import Stance

    labels = {e.label for e in evidence}
    restrictive, open_ = "direction:restrictive" in labels, "direction:open" in labels
    direction = "mixed" if restrictive and open_ else "restrictive" if restrictive else "open" if open_ else "neutral"
    about = bool(labels)
    return Stance(
        about_migration=about,
        migration=direction if about else "n/a",
        government=GOVERNMENT_BY_CAMP[camp] if about else "n/a",
        targets=tuple(dict.fromkeys(e.label.split(":", 1)[1] for e in evidence if e.label.startswith("target:"))),
        frames=tuple(dict.fromkeys(e.label.split(":", 1)[1] for e in evidence if e.label.startswith("frame:"))),
        evidence=tuple(evidence),
        confidence=0.55 + 0.1 * min(3, sum(e.label.startswith("direction:") for e in evidence)),
        rule=f"synthetic template: {direction} cues; speaker camp {camp}",
    )


def _quote_records(text: str, quoted: list[_Said], people: dict[str, Person]) -> list[Quote]:
    from analysis.records import Quote

    records = []
    for n, (sid, name, start, end, kind, qrule, (cs, ce), mention) in enumerate(quoted, 1):
        person = people.get(sid)
        camp = person.camp if person else "official"
        records.append(
            Quote(
                id=f"q{n}",
                kind=kind,
                text=text[start:end],
                start=start,
                end=end,
                speaker_id=sid,
                speaker_name=name,
                cue=text[cs:ce],
                cue_start=cs,
                cue_end=ce,
                rule=qrule,
                stance=_stance(_evidence(text, start, end), camp),
                speaker_mention=mention,
                paragraphs=1,
                confidence=0.9 if kind == "direct" else 0.7,
            )
        )
    return records


def _number_records(
    text: str, numbers: list[_Figure], quotes: list[Quote], people: dict[str, Person], year: int
) -> list[NumberMention]:
    from analysis.records import NumberMention, Span

    records = []
    for n, (value_text, start, end, unit, metric, group, who, (ss, se)) in enumerate(numbers, 1):
        value = float(value_text.rstrip("%").replace(",", ""))
        q = next((q for q in quotes if q.speaker_id == who and q.start <= start < q.end + 30), None)
        records.append(
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
                period=str(year) if group.startswith("small") else None,
                cited_by=who,
                cited_by_name=(people[who].name if who in people else "Home Office") if who else None,
                quote_id=q.id if q else None,
                sentence=Span(text[ss:se], ss, se),
                rule="synthetic template",
            )
        )
    return records


def _speaker_records(
    mentions: dict[str, list[Mention]], people: dict[str, Person], quotes: list[Quote], day: dt.date
) -> list[Speaker]:
    from analysis.records import Speaker

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
        role = person.title.removeprefix("the ")
        speakers.append(
            Speaker(
                id=sid,
                name=person.name,
                role=role[:1].upper() + role[1:],
                party=person.party or None,
                country="UK",
                aliases=tuple(dict.fromkeys(m.text for m in ms)),
                mentions=tuple(ms),
                quoted=any(q.speaker_id == sid for q in quotes),
                role_source="article",
                registry_id=sid if person in PEOPLE else None,
            )
        )
    return speakers


def synthetic(i: int, seed: int = 7, *, quotes: int = 10):  # (text, meta, Analysis)
    """The i-th synthetic article, its manifest entry and the Analysis its template implies."""
    import hashlib

    from analysis.pipeline import ANALYSER_VERSION
    from analysis.records import Analysis, Article, Chrome

    rng = random.Random(seed * 7_000_003 + i)
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 1000))
    gov = rng.choice([p for p in PEOPLE if p.camp == "government"])
    other = rng.choice([p for p in PEOPLE if p.camp != "government"])
    third = rng.choice([p for p in PEOPLE if p not in (gov, other)])
    cast = [gov, other, third, *rng.sample(_MINOR, 4)]
    d = _Draft(rng, _figures(rng, day.year))
    title = rng.choice(HEADLINES).format(a=_surname(gov), b=_surname(other))
    stamp = f"{day.day} {MONTHS[day.month - 1]} {day.year}, {rng.randrange(7, 22):02d}:{rng.randrange(0, 60):02d}"
    chrome = [
        Chrome("heading", title, *d.writer.para(title)[0]),
        Chrome("timestamp", stamp, *d.writer.para(stamp)[0]),
    ]
    _write_opening(d, gov)
    _write_quotes(d, cast, quotes)
    _write_home_office(d)
    text = d.writer.text
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()

    people = {_slug(p.name): p for p in cast}
    quote_records = _quote_records(text, d.quoted, people)
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
        speakers=tuple(_speaker_records(d.mentions, people, quote_records, day)),
        quotes=tuple(quote_records),
        numbers=tuple(_number_records(text, d.numbers, quote_records, people, day.year)),
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
