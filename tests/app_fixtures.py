"""Hand-built `Analysis` records for app and store tests that must not need the model.

`seed_analysis()` rebuilds the seed article's analysis from the gold annotation, so the
records look like the real analyser's output. `fake_analyze` has the signature of
`analysis.pipeline.analyze` and a crude regex reader for any other text: enough to
exercise the store and the pages without spaCy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

from analysis.records import (
    Analysis,
    Article,
    Evidence,
    Mention,
    NumberMention,
    Quote,
    Span,
    Speaker,
    Stance,
)
from analysis.serialization import from_fields

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "starmer_albania_2025-05-15.txt"
GOLD = ROOT / "tests" / "gold" / "starmer_albania_2025-05-15.json"
FAKE_VERSION = "fake-1"


class FakeInputError(ValueError):
    """Stands in for analysis.ingest.InputError."""


def _line_span(text: str, start: int, end: int) -> Span:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b == -1 else b
    return Span(text[a:b], a, b)


def seed_text() -> str:
    """The seed article exactly as shipped."""
    return SEED.read_text("utf-8")


def seed_analysis(version: str = FAKE_VERSION) -> Analysis:
    """The seed article's analysis, built from the gold annotation."""
    text = seed_text()
    gold = json.loads(GOLD.read_text("utf-8"))
    quoted = {q["speaker"] for q in gold["quotes"]}
    speakers = tuple(from_fields({**s, "quoted": s["id"] in quoted}, Speaker) for s in gold["speakers"])
    names = {s.id: s.name for s in speakers}
    quotes = []
    for i, q in enumerate(gold["quotes"], 1):
        cue = q.get("cue")
        cue_start = text.rfind(cue, 0, q["start"]) if cue else -1
        if cue_start < 0 and cue:
            cue_start = text.find(cue, q["end"])
        ev = []
        for word in ("illegal migration", "cap", "deterrent", "smash the gangs", "theatre", "fall"):
            at = text.find(word, q["start"], q["end"])
            if at >= 0:
                ev.append(Evidence(f"direction:{q['stance']['migration']}", word, at, at + len(word)))
        surname = names[q["speaker"]].split()[-1]
        m_at = text.rfind(surname, 0, q["start"])
        quotes.append(
            Quote(
                id=f"q{i}",
                kind=q["kind"],
                text=q["text"],
                start=q["start"],
                end=q["end"],
                speaker_id=q["speaker"],
                speaker_name=names[q["speaker"]],
                cue=cue,
                cue_start=cue_start if cue and cue_start >= 0 else None,
                cue_end=cue_start + len(cue) if cue and cue_start >= 0 else None,
                rule="gold",
                stance=Stance(
                    about_migration=q["about_migration"],
                    migration=q["stance"]["migration"],
                    government=q["stance"]["government"],
                    targets=("small boats",) if "boat" in q["text"] else (),
                    frames=tuple(q.get("frames", ())),
                    evidence=tuple(ev),
                    confidence=0.9,
                    rule="gold",
                ),
                speaker_mention=Mention(surname, m_at, m_at + len(surname), "surname") if m_at >= 0 else None,
            )
        )
    groups = {t: f"group{i}" for i, g in enumerate(gold["same_metric_groups"]) for t in g}
    quote_of = {}
    for q in quotes:
        quote_of.update({(q.start, q.end): q.id})
    numbers = []
    for i, n in enumerate(gold["numbers"], 1):
        low = high = None
        if n.get("qualifier") == "over":
            low, high = (n["value"], n["value"] * 1.1) if n["value"] > 0 else (n["value"] * 1.1, n["value"])
        cited = None if n["cited_by"] == "narrator" else n["cited_by"]
        qid = next((q.id for q in quotes if q.start <= n["start"] and n["end"] <= q.end), None)
        numbers.append(
            NumberMention(
                id=f"n{i}",
                text=n["text"],
                start=n["start"],
                end=n["end"],
                value=float(n["value"]),
                kind=n["kind"],
                unit=n.get("unit"),
                qualifier=n.get("qualifier"),
                value_low=low,
                value_high=high,
                metric=n.get("metric"),
                metric_group=groups.get(n["text"], f"single{i}"),
                period=n.get("period"),
                cited_by=cited,
                cited_by_name=names.get(cited) if cited else None,
                quote_id=qid,
                sentence=_line_span(text, n["start"], n["end"]),
                disagrees=n["text"] in ("95%", "over 90%"),
                rule="gold",
            )
        )
    return Analysis(
        article=Article(
            id="seed",
            text=text,
            title="Starmer visits Albania to boost cooperation on illegal migration",
            published=dt.date(2025, 5, 15),
            source="LBC",
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        ),
        speakers=speakers,
        quotes=tuple(quotes),
        numbers=tuple(numbers),
        analyser_version=version,
    )


_QUOTE = re.compile(r"[“\"]([^”\"\n]{3,})[”\"]")
_SAID = re.compile(r"([A-Z][a-z]+ [A-Z][a-z]+)(?:,[^,]{1,60},)? (?:said|added|warned)")
_FIG = re.compile(r"\d[\d,]*(?:\.\d+)?%?")


def fake_analyze(
    text: str,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    source: str | None = None,
    version: str = FAKE_VERSION,
) -> Analysis:
    """A crude stand-in for `analysis.pipeline.analyze` (the seed gets its gold analysis)."""
    if not text.strip():
        raise FakeInputError("The article is empty: paste some text first.")
    if text == seed_text():
        return seed_analysis(version)
    speakers: dict[str, Speaker] = {}
    quotes = []
    for i, m in enumerate(_QUOTE.finditer(text), 1):
        line = _line_span(text, m.start(), m.end())
        who = _SAID.search(line.text)
        sid = name = None
        if who:
            name = who.group(1)
            sid = re.sub(r"\W+", "-", name.lower())
            speakers.setdefault(sid, Speaker(id=sid, name=name, quoted=True))
        quotes.append(
            Quote(
                id=f"q{i}",
                kind="direct",
                text=m.group(1),
                start=m.start(1),
                end=m.end(1),
                speaker_id=sid,
                speaker_name=name,
                cue="said",
                cue_start=None,
                cue_end=None,
                rule="fake",
                stance=Stance(True, "neutral", "neutral", rule="fake"),
            )
        )
    numbers = tuple(
        NumberMention(
            id=f"n{i}",
            text=m.group(),
            start=m.start(),
            end=m.end(),
            value=float(m.group().rstrip("%").replace(",", "")),
            kind="level",
            metric_group=f"fake{i}",
            sentence=_line_span(text, m.start(), m.end()),
            rule="fake",
        )
        for i, m in enumerate(_FIG.finditer(text), 1)
    )
    return Analysis(
        article=Article(
            id="x",
            text=text,
            title=title,
            published=dt.date.fromisoformat(str(published)) if published else None,
            source=source,
        ),
        speakers=tuple(speakers.values()),
        quotes=tuple(quotes),
        numbers=numbers,
        analyser_version=version,
    )
