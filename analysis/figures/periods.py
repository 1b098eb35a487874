"""When a figure's count was taken: the time phrase nearest to it in its sentence, resolved
against the publication date ("last year" in a 2025 article is "2024")."""

from __future__ import annotations

import re
from datetime import date

from analysis.figures.words import read_number

MONTH_NAMES = (
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
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

PERIOD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bbetween\s+((?:19|20)\d\d)\s+and\s+((?:19|20)\d\d)\b"), "between"),
    (re.compile(r"\b(?:in|over|during)\s+the\s+(?:past|last|previous)\s+(\w+)\s+years?\b", re.I), "past n years"),
    (re.compile(r"\b(?:so far this year|this year|for the year|year to date|so far in)\b", re.I), "this year"),
    (re.compile(r"\blast year\b", re.I), "last year"),
    (re.compile(r"\bnext year\b", re.I), "next year"),
    (
        re.compile(
            rf"\b(?:year|12 months|twelve months) (?:to|ending|until) {_MONTH}(?:\s+(?P<year>(?:19|20)\d\d))?\b"
        ),
        "year to",
    ),
    (re.compile(r"\bsince ((?:19|20)\d\d)\b"), "since"),
    (re.compile(r"\b(?:fiscal|financial) year (?:of )?((?:19|20)\d\d)\b", re.I), "fiscal year"),
    (re.compile(r"\b((?:19|20)\d\d)[-/–](\d\d)\b"), "split year"),
    (re.compile(r"\b(last|this|next) (month|week|weekend)\b", re.I), "relative"),
    (re.compile(r"\b(?:over )?the weekend\b", re.I), "weekend"),
    (re.compile(r"\b(yesterday|today|tonight)\b", re.I), "day word"),
    (re.compile(rf"\b{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"), "month"),
    (re.compile(rf"\b{_WEEKDAY}\b"), "weekday"),
    (re.compile(r"\b((?:19|20)\d\d)\b"), "year"),
]


def period_of(sentence: str, published: date | None, offset: int = 0) -> str | None:
    """The time a figure refers to: the time phrase nearest to it, resolved against the publication date."""
    best: tuple[float, str] | None = None
    for pattern, rule in PERIOD_RULES:
        for m in pattern.finditer(sentence):
            value = _period_value(rule, m, published)
            if value is None:
                continue
            dist = m.start() - offset if m.start() >= offset else offset - m.end()
            dist = abs(dist) + (5 if rule == "year" else 0)  # an explicit phrase beats a bare year
            if best is None or dist < best[0]:
                best = (dist, value)
    return best[1] if best else None


def _period_value(rule: str, m: re.Match[str], published: date | None) -> str | None:
    year = published.year if published else None
    if rule == "between":
        return f"{m.group(1)} to {m.group(2)}"
    if rule == "past n years":
        n = read_number(m.group(1))
        return f"{year - int(n)} to {year}" if n and year else f"past {m.group(1)} years"
    if rule == "this year":
        return f"{year} to date" if year else "this year"
    if rule == "last year":
        return str(year - 1) if year else "last year"
    if rule == "next year":
        return str(year + 1) if year else "next year"
    if rule == "year to":
        month = _month(m, published)
        return f"year to {month}" if month else None
    if rule == "since":
        return f"{m.group(1)} to date"
    if rule == "fiscal year":
        return f"fiscal year {m.group(1)}"
    if rule == "split year":
        return f"{m.group(1)}-{m.group(2)}"
    if rule == "relative":
        return f"{m.group(1).lower()} {m.group(2).lower()}"
    if rule == "weekend":
        return "this weekend"
    if rule == "day word":
        return m.group(1).lower()
    if rule == "month":
        return _month(m, published)
    if rule == "weekday":
        return m.group("day")
    return m.group(1)


def _month(m: re.Match[str], published: date | None) -> str | None:
    word = m.group("month")
    if (
        word == "May"
        and not m.group("year")
        and not re.match(r"\s+\d", m.string[m.end("month") :])
        and not re.search(r"\b(?:in|since|by|until|through|of|from|to|early|late|mid)[\s-]+$", m.string[: m.start()])
    ):
        return None  # "May" the verb at the start of a sentence
    index = next(i for i, name in enumerate(MONTH_NAMES) if name.startswith(word[:3]))
    if m.group("year"):
        return f"{MONTH_NAMES[index]} {m.group('year')}"
    if published is None:
        return MONTH_NAMES[index]
    # a month named without a year is the latest one up to the publication date
    year = published.year if index + 1 <= published.month else published.year - 1
    return f"{MONTH_NAMES[index]} {year}"
