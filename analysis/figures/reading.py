"""Read a found figure in its sentence: its qualifier and the range it stands for, whether it is a
level, a change or a target (and its sign), and the unit named after it."""

from __future__ import annotations

import re

from analysis.figures.scanner import Found

QUALIFIERS = [
    ("more than", "over"),
    ("in excess of", "over"),
    ("upwards of", "over"),
    ("just over", "over"),
    ("over", "over"),
    ("above", "over"),
    ("at least", "at least"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("just under", "nearly"),
    ("close to", "nearly"),
    ("around", "about"),
    ("about", "about"),
    ("some", "about"),
    ("roughly", "about"),
    ("approximately", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("up to", "up to"),
    ("as many as", "up to"),
    ("as much as", "up to"),
    ("within", "up to"),
    ("fewer than", "under"),
    ("less than", "under"),
    ("under", "under"),
    ("below", "under"),
]
VERB_QUALIFIERS = {
    "passed": "over",
    "exceeded": "over",
    "topped": "over",
    "surpassed": "over",
    "passes": "over",
    "exceeds": "over",
    "tops": "over",
    "broke": "over",
}
FALL_WORDS = re.compile(
    r"\b(?:fell|fallen|falls?|falling|drop(?:ped|s|ping)?|declin(?:e|ed|es|ing)|cut|cuts|"
    r"reduc(?:ed|tion|ing|e)|decreas(?:e|ed|ing)|down|lower|slump(?:ed)?|plung(?:e|ed)|"
    r"shr(?:ank|unk|ink)|dip(?:ped)?|slash(?:ed)?)\b",
    re.I,
)
RISE_WORDS = re.compile(
    r"\b(?:rose|risen|rises?|rising|increas(?:e|ed|es|ing)|up|gr(?:ew|own|ow|owth)|jump(?:ed)?|"
    r"surg(?:e|ed)|higher|climb(?:ed)?|soar(?:ed)?|boost(?:ed)?)\b",
    re.I,
)
TARGET_WORDS = re.compile(
    r"\b(?:target|cap|limit|aim|pledge[sd]?|goal|ceiling|quota|promised? to (?:cut|bring|reduce))\b", re.I
)
_QUALIFIER_PATTERNS = [(re.compile(rf"\b{phrase}\s+$", re.I), norm) for phrase, norm in QUALIFIERS]
# Words that end in -s but do not name what is counted ("12,000 this year", "5 is").
_NOT_UNITS = {
    "is",
    "was",
    "has",
    "as",
    "this",
    "its",
    "us",
    "yes",
    "his",
    "does",
    "across",
    "less",
    "unless",
    "plus",
    "thus",
    "perhaps",
    "always",
    "towards",
}


def qualify(text: str, found: Found) -> tuple[int, str | None]:
    """(new start, qualifier) from the words just before a figure."""
    if text[found.start : found.start + 4].lower() == "the ":
        return found.start, None  # "over the next decade": a preposition before an article
    before = text[max(0, found.start - 30) : found.start]
    for pattern, norm in _QUALIFIER_PATTERNS:
        mm = pattern.search(before)
        if mm:
            if found.kind == "duration" and mm.group(0).split()[0].lower() == "over":
                return found.start, None  # "£4bn over three years": the span of time, not more than it
            return found.start - (len(before) - mm.start()), norm
    mm = re.search(r"\b(\w+)\s+$", before)
    if mm and mm.group(1).lower() in VERB_QUALIFIERS:
        return found.start, VERB_QUALIFIERS[mm.group(1).lower()]
    return found.start, None


def bounds(value: float, qualifier: str | None) -> tuple[float | None, float | None]:
    """The range a qualified figure stands for ("over 90" is 90 and up)."""
    v = abs(value)
    if qualifier in ("over", "at least"):
        return v, None
    if qualifier == "about":
        return v * 0.95, v * 1.05
    if qualifier == "nearly":
        return v * 0.9, v
    if qualifier in ("up to", "under"):
        return None, v
    return v, v


def unit_after(text: str, end: int) -> str | None:
    """The plural noun just after a figure ("12,000 people" -> "people"), if any."""
    m = re.match(r"\s+((?:[a-z-]+\s+){0,3}?)([a-z]+s)\b", text[end : end + 60])
    if m and m.group(2) not in _NOT_UNITS:
        return m.group(2)
    return None


def kind_and_sign(text: str, f: Found, sent_start: int) -> tuple[str, float]:
    """The figure's kind (level, count, change, percent_change, target, ...) and its sign."""
    before = text[max(sent_start, f.start - 90) : f.start]
    after = text[f.end : f.end + 25]
    if f.kind == "money":
        return "money", 1.0
    if f.kind == "multiplier":
        return "change", 1.0
    if f.kind == "duration":
        return "duration", 1.0
    if f.kind == "ratio":
        return "ratio", 1.0
    falls = list(FALL_WORDS.finditer(before)) + [m for m in FALL_WORDS.finditer(after) if m.start() < 3]
    rises = list(RISE_WORDS.finditer(before)) + [m for m in RISE_WORDS.finditer(after) if m.start() < 3]
    near_by = re.search(r"\bby\s+(?:\w+\s+){0,2}$", before)
    if TARGET_WORDS.search(before[-40:]):
        return "target", 1.0
    if f.kind == "percent" or f.unit == "percent":
        if falls or rises:
            last_fall = max((m.end() for m in falls), default=-1)
            last_rise = max((m.end() for m in rises), default=-1)
            return "percent_change", -1.0 if last_fall > last_rise else 1.0
        return "level", 1.0
    if near_by and (falls or rises):
        last_fall = max((m.end() for m in falls), default=-1)
        last_rise = max((m.end() for m in rises), default=-1)
        return "change", -1.0 if last_fall > last_rise else 1.0
    if f.kind == "word" or (f.value < 100 and f.value == int(f.value)):
        return "count", 1.0
    return "level", 1.0
