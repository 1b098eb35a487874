"""Conflicting figures: two figures that claim to measure the same thing and cannot both be right.

A conflict needs the same named metric (a concept of data/metrics.json named in the figure's own
sentence, not a label read from nearby words or a metric borrowed from an earlier sentence, and
counting what the concept counts: people or the things its cues name, not "five states"), the
same unit and place, the same stated period, the same basis (a daily figure
is not a total), and ranges that do not overlap. What looks like a conflict but is not:
- a part against its whole: "a further 312 on Wednesday" and "20,123 this year", or a day
  against a weekend (different periods);
- a figure against the baseline it is compared with: "up from 250,000 in 2023", "than its
  earlier estimate of 740,000";
- different years, or a figure with no stated period (nothing says it is the same count);
- old against new rules, or a plan or forecast against what happened;
- figures of a concept marked not comparable (poll shares of different questions);
- figures in one sentence ("322 votes to 266", "180 of the 13,000", "1.2 million arrived while
  508,000 left"), which the sentence itself relates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from analysis.figures.metrics import PEOPLE_WORDS, clause_around, concept_by_id, names_concept
from analysis.records import NumberMention

Role = Literal["figure", "part", "baseline"]
Regime = Literal["actual", "previous", "planned"]

_PART_BEFORE = re.compile(
    r"\b(?:a further|another|an additional|an extra|including|of whom|of which|among them|"
    r"out of)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_PART_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:of|out of)\s+(?:the|those|them|these|all|its|their)\b", re.I)
_BASELINE_BEFORE = re.compile(
    r"\b(?:from|compared with|compared to|against|than|versus|vs\.?|on|estimate of|"
    r"previously|peak of|record of|high of|low of)\s+(?:(?:a|an|the|its|some|about|around|"
    r"nearly|almost|more than|over|just|roughly)\s+){0,3}$",
    re.I,
)
_BASIS = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:a|per|each|every)\s+(day|night|week|month|year|head|person|pupil|"
    r"capita|household|child|student|worker)\b",
    re.I,
)
_BASIS_WORD = re.compile(r"\b(daily|nightly|weekly|monthly|annual|annually|yearly|average)\b", re.I)
_BASIS_OF_WORD = {
    "daily": "day",
    "nightly": "night",
    "weekly": "week",
    "monthly": "month",
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "average": "average",
}
_PLANNED = re.compile(
    r"\b(?:will|would|could|plans?|planned|proposed?|proposals?|expected to|forecast|projected|"
    r"target|aims? to|new rules|new system|under the (?:new|proposed|plan|changes|reforms?|bill)|"
    r"from next)\b",
    re.I,
)
_PREVIOUS = re.compile(
    r"\b(?:old rules|old system|previous rules|previous system|under the (?:old|previous|former))\b", re.I
)
_PLACE = re.compile(r"\b(?:in|across|at)\s+(?:the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)")
_NOT_PLACES = {
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
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
}


@dataclass(frozen=True)
class Claim:
    """What a figure claims to measure, in the terms two figures must share to conflict."""

    metric_group: str
    unit: str | None
    place: str | None
    period: str
    basis: str | None
    role: Role
    regime: Regime
    sentence_start: int


def claim_of(n: NumberMention) -> Claim | None:
    """The claim a figure makes, or None when it cannot be compared (no named metric, no stated period)."""
    if not n.metric_group or not n.period or n.sentence is None:
        return None
    concept = concept_by_id(n.metric_group.split(":")[0].split("@")[0])
    sentence = n.sentence.text
    if concept is None or not concept.comparable or not names_concept(sentence, concept.id):
        return None
    if (
        n.unit
        and n.unit not in PEOPLE_WORDS
        and n.unit not in concept.cue_words
        and n.unit.rstrip("s") not in concept.cue_words
        and n.kind in ("level", "count", "change")
    ):
        return None  # "five states" in a sentence about voters counts states, not voters
    pos, end = n.start - n.sentence.start, n.end - n.sentence.start
    clause, clause_start = clause_around(sentence, pos)
    before = clause[: pos - clause_start]
    after = clause[end - clause_start :]
    basis_m = _BASIS.match(after) or _BASIS_WORD.search(before)
    place_m = [m.group(1) for m in _PLACE.finditer(clause) if m.group(1) not in _NOT_PLACES]
    return Claim(
        metric_group=n.metric_group,
        unit=n.unit,
        place=place_m[0] if place_m else None,
        period=n.period,
        basis=_BASIS_OF_WORD.get(basis_m.group(1).lower(), basis_m.group(1).lower()) if basis_m else None,
        role=_role(before, after),
        regime="planned" if _PLANNED.search(clause) else "previous" if _PREVIOUS.search(clause) else "actual",
        sentence_start=n.sentence.start,
    )


def _role(before: str, after: str) -> Role:
    if _BASELINE_BEFORE.search(before):
        return "baseline"
    if _PART_BEFORE.search(before) or _PART_AFTER.match(after):
        return "part"
    return "figure"


def disagrees(a: NumberMention, b: NumberMention) -> bool:
    """True when two figures claim the same count and their ranges do not overlap."""
    return _conflict(a, claim_of(a), b, claim_of(b))


def flag_disagreements(numbers: list[NumberMention]) -> list[NumberMention]:
    """The figures, each marked `disagrees` when another figure conflicts with it."""
    claims = [claim_of(n) for n in numbers]
    flagged: set[str] = set()
    for i, (a, ca) in enumerate(zip(numbers, claims)):
        for b, cb in zip(numbers[i + 1 :], claims[i + 1 :]):
            if _conflict(a, ca, b, cb):
                flagged.update((a.id, b.id))
    return [replace(n, disagrees=n.id in flagged) for n in numbers]


def _conflict(a: NumberMention, ca: Claim | None, b: NumberMention, cb: Claim | None) -> bool:
    if ca is None or cb is None or ca.role != "figure" or cb.role != "figure":
        return False
    if ca.sentence_start == cb.sentence_start:
        return False  # one sentence relates its own figures ("322 votes to 266")
    same = (ca.metric_group, ca.unit, ca.place, ca.period, ca.basis, ca.regime) == (
        cb.metric_group,
        cb.unit,
        cb.place,
        cb.period,
        cb.basis,
        cb.regime,
    )
    return same and not _overlap(a, b)


def _overlap(a: NumberMention, b: NumberMention) -> bool:
    def rng(n: NumberMention) -> tuple[float, float]:
        lo = n.value_low if n.value_low is not None else float("-inf")
        hi = n.value_high if n.value_high is not None else float("inf")
        return lo, hi

    if (a.value < 0) != (b.value < 0) and a.kind in ("percent_change", "change"):
        return False
    (a0, a1), (b0, b1) = rng(a), rng(b)
    slack = 0.02 * max(abs(a.value), abs(b.value))  # rounding in reporting
    return a0 <= b1 + slack and b0 <= a1 + slack
