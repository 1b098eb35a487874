"""What a figure measures: the metric concept named in its clause (data/metrics.json), the
subgroup it is about ("Albanian arrivals"), or a label read from the words after it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.phrase_gate import GatedPattern, PhraseGate

METRICS_PATH = Path(__file__).resolve().parent.parent / "data" / "metrics.json"

CLAUSE_BREAK = re.compile(
    r"[;:]\s|,\s+(?:while|whereas|but|and|as|which|after|although|though|with)\s|\s+while\s|\s+but\s"
)
# A clause that refers back to a figure instead of naming what it measures: "That number is
# expected to fall to 300,000", "It rose to £4bn".
ANAPHOR = re.compile(
    r"(?:^|[.;:]\s+|[“\"(]\s*)(?:this|that|it)\s|"  # a pronoun that opens the clause
    r"\b(?:this|that|the)\s+(?:number|figure|total|sum|amount|level|rate)\b|"
    r"\bit\s+(?:is|was|has|had|will|would|could|rose|fell|reached|stands|stood|hit|grew|dropped|climbed|"
    r"increased|decreased|declined)\b|"
    r",\s*which\s+(?:is|was|has|had|rose|fell|reached|stands|stood|hit)\b",
    re.I,
)
# Plural nouns for people: a figure counting them counts what a migration concept counts.
PEOPLE_WORDS = frozenset(
    {
        "people",
        "persons",
        "migrants",
        "immigrants",
        "emigrants",
        "refugees",
        "seekers",
        "children",
        "adults",
        "men",
        "women",
        "minors",
        "families",
        "workers",
        "students",
        "voters",
        "residents",
        "nationals",
        "citizens",
        "applicants",
        "claimants",
        "detainees",
        "deportees",
        "arrivals",
        "individuals",
        "foreigners",
        "dependants",
        "dependents",
        "officers",
        "agents",
        "staff",
    }
)
DEMONYM_SUBGROUP = re.compile(
    r"\b(Albanian|Afghan|Eritrean|Iranian|Iraqi|Syrian|Sudanese|Vietnamese|Indian|"
    r"Pakistani|Nigerian|Ukrainian|Mexican|Venezuelan|Haitian|Cuban|Chinese)s?\b|"
    r"\bfrom (Albania|Afghanistan|Eritrea|Iran|Iraq|Syria|Sudan|Vietnam|India|Pakistan|"
    r"Nigeria|Ukraine|Mexico|Venezuela|Haiti|Cuba|China)\b"
)


@dataclass(frozen=True)
class Concept:
    """A metric that figures can share: its id, the label the UI shows, and the cues naming it."""

    id: str
    label: str
    cues: tuple[GatedPattern, ...]
    comparable: bool = True  # False: the concept covers many measures, so its figures never conflict
    cue_words: frozenset[str] = frozenset()  # the words of its cues, to tell what a figure counts


@lru_cache(maxsize=1)
def load_concepts(path: Path = METRICS_PATH) -> tuple[Concept, ...]:
    """The metric concepts of data/metrics.json, each with one compiled pattern of its cues."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)["concepts"]
    out = []
    for cid, c in data.items():
        # one alternation per concept, longest cue first: one pass over the clause per concept
        bodies = [
            re.escape(cue).replace(r"\*", r"[\w-]*").replace(r"\ ", r"\s+")
            for cue in sorted(c["cues"], key=len, reverse=True)
        ]
        cues = (
            GatedPattern(re.compile(r"(?<!\w)(?:" + "|".join(bodies) + r")(?!\w)", re.I), PhraseGate.of(c["cues"])),
        )
        words = frozenset(w.strip("*").lower() for cue in c["cues"] for w in cue.split())
        out.append(Concept(cid, c["label"], cues, c.get("comparable", True), words))
    return tuple(out)


def concept_by_id(concept_id: str) -> Concept | None:
    """The bundled concept with this id, if any."""
    return next((c for c in load_concepts() if c.id == concept_id), None)


def names_concept(text: str, concept_id: str) -> bool:
    """True when the text holds a cue of the concept."""
    return any(pat.matches(text) for c in load_concepts() if c.id == concept_id for pat in c.cues)


def metric_of(clause: str, offset_in_clause: int) -> Concept | None:
    """The metric concept whose cue is in the clause, the longest and nearest cue winning."""
    best = None
    for concept in load_concepts():
        for pat in concept.cues:
            for s, e in pat.spans(clause):
                dist = min(abs(s - offset_in_clause), abs(e - offset_in_clause))
                key = e - s - dist / 20.0
                if best is None or key > best[0]:
                    best = (key, concept)
    return best[1] if best else None


def clause_around(sentence: str, offset: int) -> tuple[str, int]:
    """The clause of the sentence that holds position `offset`, and where it starts."""
    start, end = 0, len(sentence)
    for m in CLAUSE_BREAK.finditer(sentence):
        if m.end() <= offset:
            start = m.start() + 1
        elif m.start() >= offset:
            end = m.start()
            break
    return sentence[start:end], start


def refers_back(clause_before: str) -> bool:
    """True when the words before a figure in its clause point back to an earlier figure
    ("That number is expected to reach 300,000")."""
    return ANAPHOR.search(clause_before) is not None


def subgroup(sentence: str) -> str | None:
    """The national group a sentence's figures are about ("Albanian arrivals" -> "albania")."""
    m = DEMONYM_SUBGROUP.search(sentence)
    if not m:
        return None
    word = (m.group(1) or m.group(2)).lower()
    return (
        word[:-1] if word.endswith("n") and word not in ("iran", "sudan", "afghan") and word.endswith("ian") else word
    )


def fallback_metric(text: str, end: int, *, is_money: bool, unit: str | None) -> str | None:
    """A label from the words after a figure when no concept is named ("£1 million in forensics")."""
    if is_money:
        m = re.match(r"\s+(?:(?:in|on|for|to)\s+)([^.,;:()“”\"]{3,80})", text[end : end + 90])
        if m:
            return " ".join(m.group(1).split()[:8])
        return "spending"
    m = re.match(r"\s+((?:[a-z-]+\s+){0,3}[a-z]+s)\b", text[end : end + 60])
    if m:
        return m.group(1)
    return unit
