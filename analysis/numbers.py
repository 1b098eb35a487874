"""Figures quoted in an article: value, unit, qualifier, kind, metric, period, who cited them.

A scanner finds figures in the text (digits, number words, money, percentages, multipliers,
durations, ratios, ranges) after masking what only looks like a figure (dates, clock times,
"No 10", years). The metric comes from the words of the figure's clause matched against
data/metrics.json; the period from time phrases resolved against the publication date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from analysis.records import NumberMention, Span

METRICS_PATH = Path(__file__).with_name("data") / "metrics.json"

WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a thousand": 1000, "a dozen": 12,
    "one": 1, "a million": 1_000_000, "a billion": 1_000_000_000,
}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12, "tn": 1e12}
CURRENCIES = {"£": "GBP", "$": "USD", "€": "EUR", "A$": "AUD", "AU$": "AUD", "US$": "USD"}
CURRENCY_WORDS = {"pounds": "GBP", "dollars": "USD", "euros": "EUR"}
MULTIPLIERS = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5, "twice": 2.0}
FRACTIONS = {"half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
             "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
             "three-quarters": 0.75, "three quarters": 0.75, "a fifth": 0.2, "a tenth": 0.1}
QUALIFIERS = [
    ("more than", "over"), ("in excess of", "over"), ("upwards of", "over"), ("just over", "over"),
    ("over", "over"), ("above", "over"), ("at least", "at least"), ("nearly", "nearly"),
    ("almost", "nearly"), ("just under", "nearly"), ("close to", "nearly"), ("around", "about"),
    ("about", "about"), ("some", "about"), ("roughly", "about"), ("approximately", "about"),
    ("an estimated", "about"), ("estimated", "about"), ("up to", "up to"), ("as many as", "up to"),
    ("as much as", "up to"), ("fewer than", "under"), ("less than", "under"), ("under", "under"),
    ("below", "under"),
]
VERB_QUALIFIERS = {"passed": "over", "exceeded": "over", "topped": "over", "surpassed": "over",
                   "passes": "over", "exceeds": "over", "tops": "over", "broke": "over"}
FALL_WORDS = re.compile(r"\b(?:fell|fallen|falls?|falling|drop(?:ped|s|ping)?|declin(?:e|ed|es|ing)|cut|cuts|"
                        r"reduc(?:ed|tion|ing|e)|decreas(?:e|ed|ing)|down|lower|slump(?:ed)?|plung(?:e|ed)|"
                        r"shr(?:ank|unk|ink)|dip(?:ped)?|slash(?:ed)?)\b", re.I)
RISE_WORDS = re.compile(r"\b(?:rose|risen|rises?|rising|increas(?:e|ed|es|ing)|up|gr(?:ew|own|ow|owth)|jump(?:ed)?|"
                        r"surg(?:e|ed)|higher|climb(?:ed)?|soar(?:ed)?|boost(?:ed)?)\b", re.I)
TARGET_WORDS = re.compile(r"\b(?:target|cap|limit|aim|pledge[sd]?|goal|ceiling|quota|promised? to (?:cut|bring|reduce))\b", re.I)
PERIOD_AROUND = re.compile(
    r"\b(?:in|over|during|for|within)\s+the\s+(?:past|last|previous|next|coming)\s+(?:\w+\s+)?"
    r"(?:years?|months?|weeks?|days?|decades?)\b|\b(?:[\w-]+\s+)?(?:years?|months?|weeks?|days?|decades?)\s+ago\b|"
    r"\b(?:past|last|previous|next|coming)\s+\w+\s+(?:years?|months?|weeks?|days?|decades?)\b",
    re.I,
)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b)?"
_WORDNUM = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
_DUR_UNITS = r"(?:decades?|years?|months?|weeks?|days?|hours?)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(rf"\bbetween\s+(?P<a>[£$€]?(?:{_NUM}){_SCALE})\s+and\s+(?P<b>[£$€]?(?:{_NUM}){_SCALE})(?P<pct>\s?(?:%|per cent|percent))?", re.I)),
    ("money", re.compile(rf"(?P<cur>A\$|AU\$|US\$|[£$€])\s?(?P<num>{_NUM})(?P<scale>{_SCALE})", re.I)),
    ("money_words", re.compile(rf"\b(?P<num>{_NUM})(?P<scale>{_SCALE})\s+(?P<cw>pounds|dollars|euros)\b", re.I)),
    ("percent", re.compile(rf"(?P<num>{_NUM})\s?(?:%|per cent\b|percent\b|percentage points?\b)", re.I)),
    ("ratio", re.compile(rf"(?<![\d,.])\b(?P<a>{_WORDNUM}|\d{{1,3}})\s+in\s+(?:every\s+)?(?P<b>{_WORDNUM}|\d{{1,4}})\b(?!\s+(?:years?|cases?\s+of))", re.I)),
    ("fraction", re.compile(r"\b(?P<frac>" + "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True))
                            + r")(?:\s+(?:a|an)\s+(?P<scale>million|billion|trillion)(?:\s+(?P<cw>pounds|dollars|euros))?|"
                            r"\s+of\b)", re.I)),
    ("fraction_change", re.compile(r"(?<=\bby )(?:(?:nearly|almost|about|around|more than|over|roughly)\s+)?"
                                   r"(?P<frac>a third|a half|half|a quarter|two-thirds|two thirds|a fifth|a tenth|"
                                   r"three-quarters|three quarters)\b", re.I)),
    ("multiplier", re.compile(r"\b(?P<mult>doubl|tripl|trebl|quadrupl|halv)(?:ed|ing)\b|"
                              r"\b(?P<mult2>twice|doubl|tripl)e?\s+(?:as\s+(?:many|much)|the\s+(?:number|amount|rate|level|size))\b|"
                              r"\b(?P<mult3>doubl|tripl|trebl|quadrupl)e\b(?=\s+(?:to|from|in|by|since|over|last|this)\b)", re.I)),
    ("hyphen_duration", re.compile(rf"\b(?P<num>{_WORDNUM}|\d+)-(?P<unit>year|month|week|day|hour|decade)\b(?!-old)", re.I)),
    ("duration", re.compile(rf"\b(?P<num>a|an|one|{_WORDNUM}|\d+)\s+(?P<unit>{_DUR_UNITS})\b", re.I)),
    ("plain", re.compile(rf"(?<![\w.,/:-])(?P<num>{_NUM})(?P<scale>{_SCALE})(?![\w/:]|\.\d|-\w)", re.I)),
    ("word", re.compile(rf"\b(?P<num>{_WORDNUM})\b(?:\s+(?P<scale>thousand|million|billion))?", re.I)),
]
# A cheap test per pattern that any match must pass (a word or mark the pattern cannot match
# without): a paragraph skips the patterns whose test fails. Keep each one a necessary condition.
TRIGGERS: dict[str, re.Pattern[str]] = {
    "range": re.compile(r"between", re.I),
    "money": re.compile(r"[£$€]"),
    "money_words": re.compile(r"pounds|dollars|euros", re.I),
    "percent": re.compile(r"%|per\s?cent|percentage", re.I),
    "ratio": re.compile(r"\sin\s", re.I),
    "fraction": re.compile(r"half|third|quarter|fifth|tenth", re.I),
    "fraction_change": re.compile(r"half|third|quarter|fifth|tenth", re.I),
    "multiplier": re.compile(r"doubl|tripl|trebl|quadrupl|halv|twice", re.I),
    "hyphen_duration": re.compile(r"-"),
    "duration": re.compile(r"decade|year|month|week|day|hour", re.I),
    "plain": re.compile(r"\d"),
    "word": re.compile(rf"(?:{_WORDNUM})", re.I),
}
MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
MASKS = [
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}\b(?:,?\s+\d{{4}})?", re.I),
    re.compile(rf"\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?", re.I),
    re.compile(rf"\b{MONTHS}\s+\d{{4}}\b"),
    # clock times: "13:51", "6pm", "3.45pm" (but "3.45 million" is a figure)
    re.compile(r"\b\d{1,2}:\d{2}\b(?:\s?(?:am|pm))?|\b\d{1,2}\.\d{2}\s?(?:am|pm)\b|\b\d{1,2}\s?(?:am|pm)\b", re.I),
    re.compile(r"\b(?:No\.?|Number|Section|Article|Clause|Rule|Title|Chapter|Part|Schedule|Route|Room|Level|Tier|Stage|Phase|Brexit|G|Covid-?|M|A)\s?\d+\b"),
    re.compile(r"\b\d+(?:st|nd|rd|th)\b"),
    re.compile(r"\b\d{4}s\b|\b'\d0s\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b24/7\b|\b\d{4}-\d{2}(?:-\d{2})?\b"),
    re.compile(r"\b(?:the|these|those|both|all|its|their|our|his|her)\s+(?:two|three|four|five|six|seven|eight|nine|ten)\b", re.I),
    re.compile(r"\b(?:no|any|every|each|the|this|that)\s+one\b|\bone\s+(?:of|another|day|way|thing|side|hand|point|time|reason)\b|\bone(?:-|\s)off\b", re.I),
    re.compile(r"\b\d+-year-old\b|\b\w+-year-old\b", re.I),
]
PEOPLE_NOUNS = re.compile(r"^\s*(?:[a-z-]+\s+){0,2}?(people|migrants|asylum seekers|refugees|crossings|arrivals|children|"
                          r"adults|men|women|workers|students|voters|families|applications|claims|cases|visas|"
                          r"deportations|removals|returns|flights|hotels|boats|deaths|arrests|encounters)\b", re.I)


@dataclass(frozen=True)
class Found:
    kind: str
    start: int
    end: int
    value: float
    unit: str | None
    qualifier: str | None = None
    low: float | None = None
    high: float | None = None
    rule: str = ""


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    cues: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def load_concepts(path: Path = METRICS_PATH) -> tuple[Concept, ...]:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)["concepts"]
    out = []
    for cid, c in data.items():
        # one alternation per concept, longest cue first: one pass over the clause per concept
        bodies = [re.escape(cue).replace(r"\*", r"[\w-]*").replace(r"\ ", r"\s+")
                  for cue in sorted(c["cues"], key=len, reverse=True)]
        cues = (re.compile(r"(?<!\w)(?:" + "|".join(bodies) + r")(?!\w)", re.I),)
        out.append(Concept(cid, c["label"], cues))
    return tuple(out)


def _parse_num(text: str) -> float | None:
    text = text.strip().lower()
    if text in WORD_NUMBERS:
        return float(WORD_NUMBERS[text])
    if text in ("a", "an"):
        return 1.0
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _scaled(num: str, scale: str | None) -> float | None:
    value = _parse_num(num)
    if value is None:
        return None
    key = (scale or "").strip().lower()
    return value * SCALES.get(key, 1.0)


def _masked(text: str) -> list[tuple[int, int]]:
    spans = []
    for pat in MASKS:
        spans.extend((m.start(), m.end()) for m in pat.finditer(text))
    return spans


def _is_year(text: str, m: re.Match[str]) -> bool:
    raw = m.group("num")
    if "," in raw or "." in raw or len(raw) != 4 or (m.group("scale") or "").strip():
        return False
    if not 1800 <= int(raw) <= 2100:
        return False
    return not PEOPLE_NOUNS.match(text[m.end():m.end() + 30])


def scan(text: str, lo: int, hi: int) -> list[Found]:
    """Every figure in text[lo:hi] (one paragraph), offsets into text."""
    chunk = text[lo:hi]
    taken = _masked(chunk) + [(m.start(), m.end()) for m in PERIOD_AROUND.finditer(chunk)]
    found: list[Found] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for kind, pat in PATTERNS:
        if not TRIGGERS[kind].search(chunk):
            continue
        for m in pat.finditer(chunk):
            s, e = m.start(), m.end()
            if not free(s, e):
                continue
            item = _read(kind, m, chunk)
            if item is None:
                continue
            taken.append((s, e))
            found.append(replace(item, start=lo + item.start, end=lo + item.end))
    return sorted(found, key=lambda f: f.start)


def _read(kind: str, m: re.Match[str], chunk: str) -> Found | None:
    s, e = m.start(), m.end()
    if kind == "range":
        a = _money_or_num(m.group("a"))
        b = _money_or_num(m.group("b"))
        if a is None or b is None or a[0] >= b[0] or (a[0] >= 1800 and b[0] <= 2100 and not a[1] and "," not in m.group("a")):
            return None  # "between 2022 and 2024" is a period, not a range
        unit = "percent" if m.group("pct") else (a[1] or b[1])
        # the value of a range is its lower bound; the upper bound is kept in value_high
        return Found("range", s, e, a[0], unit, "between", a[0], b[0], "range")
    if kind in ("money", "money_words"):
        value = _scaled(m.group("num"), m.group("scale"))
        if value is None:
            return None
        cur = CURRENCIES.get(m.group("cur"), "USD") if kind == "money" else CURRENCY_WORDS[m.group("cw").lower()]
        return Found("money", s, e, value, cur, rule="currency and amount")
    if kind == "percent":
        value = _parse_num(m.group("num"))
        return None if value is None else Found("percent", s, e, value, "percent", rule="percentage")
    if kind == "ratio":
        a, b = _parse_num(m.group("a")), _parse_num(m.group("b"))
        if not a or not b or a >= b:
            return None
        return Found("ratio", s, e, a / b, "ratio", rule="x in y")
    if kind == "multiplier":
        word = (m.group("mult") or m.group("mult2") or m.group("mult3") or "").lower()
        return Found("multiplier", s, e, MULTIPLIERS[word], "factor", rule="multiplier word")
    if kind == "fraction":
        frac = FRACTIONS[m.group("frac").lower()]
        if m.group("scale"):
            value = frac * SCALES[m.group("scale").lower()]
            if m.group("cw"):
                return Found("money", s, e, value, CURRENCY_WORDS[m.group("cw").lower()], rule="fraction of a scale")
            return Found("plain", s, e, value, None, rule="fraction of a scale")
        e = s + len(m.group("frac"))
        return Found("ratio", s, e, frac, "ratio", rule="fraction")
    if kind == "fraction_change":
        frac = FRACTIONS[m.group("frac").lower()]
        start = m.start("frac")
        return Found("percent", start, e, round(frac * 100, 1), "percent", rule="fraction as a change")
    if kind == "hyphen_duration":
        value = _parse_num(m.group("num"))
        unit = m.group("unit").lower()
        if value is None:
            return None
        if unit == "decade":
            value, unit = value * 10, "year"
        return Found("duration", s, e, value, unit + "s", rule="duration")
    if kind == "duration":
        before = chunk[max(0, s - 40):s]
        after = chunk[e:e + 10]
        if re.search(r"\b(?:past|last|previous|next|coming|first|recent|this|that|every|per|a|each)\s*$", before, re.I) \
                or re.match(r"\s+ago\b", after) or re.search(r"\b(?:the|for the|in the|over the)\s*$", before, re.I) \
                or re.match(r"-old|\s+old\b", after):
            return None  # part of a period ("the past three years") or an age
        if m.group("num").lower() in ("a", "an", "one") and m.group("unit").lower().startswith(("day", "hour", "week", "month", "year")):
            return None  # "a year" is nearly always a period or rate, not a quoted figure
        value = _parse_num(m.group("num"))
        unit = m.group("unit").lower()
        if value is None:
            return None
        if unit.startswith("decade"):
            value, unit = value * 10, "years"
        return Found("duration", s, e, value, unit if unit.endswith("s") else unit + "s", rule="duration")
    if kind == "plain":
        if _is_year(chunk, m):
            return None
        value = _scaled(m.group("num"), m.group("scale"))
        if value is None:
            return None
        return Found("plain", s, e, value, None, rule="digits")
    if kind == "word":
        word = m.group("num").lower()
        after = chunk[e:e + 40]
        if word in ("one", "a hundred", "a thousand") and not re.match(r"\s+(?:in\s|million|billion)", after):
            return None
        if not re.match(r"\s+(?:(?:[a-z-]+\s+){0,3})?[a-z]+s\b", after) and word not in ("thousands", "hundreds", "dozens"):
            return None  # a number word stands as a figure only before a counted plural noun
        value = _scaled(word, m.group("scale"))
        if value is None:
            return None
        return Found("word", s, e, value, None, rule="number word")
    return None


def _money_or_num(text: str) -> tuple[float, str | None] | None:
    text = text.strip()
    cur = None
    if text[:1] in "£$€":
        cur, text = CURRENCIES[text[0]], text[1:]
    mm = re.match(rf"({_NUM})\s?(\w+)?", text)
    if not mm:
        return None
    value = _scaled(mm.group(1), mm.group(2))
    return None if value is None else (value, cur)


def qualify(text: str, found: Found) -> tuple[int, str | None]:
    """(new start, qualifier) from the words just before a figure."""
    before = text[max(0, found.start - 30):found.start]
    for phrase, norm in QUALIFIERS:
        mm = re.search(rf"\b{phrase}\s+$", before, re.I)
        if mm:
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


def metric_of(clause: str, offset_in_clause: int) -> Concept | None:
    """The metric concept whose cue is in the clause, the longest and nearest cue winning."""
    best = None
    for concept in load_concepts():
        for pat in concept.cues:
            for m in pat.finditer(clause):
                dist = min(abs(m.start() - offset_in_clause), abs(m.end() - offset_in_clause))
                key = (len(m.group(0)) - dist / 20.0)
                if best is None or key > best[0]:
                    best = (key, concept)
    return best[1] if best else None


PERIOD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bbetween\s+((?:19|20)\d\d)\s+and\s+((?:19|20)\d\d)\b"), "between"),
    (re.compile(r"\b(?:in|over|during)\s+the\s+(?:past|last|previous)\s+(\w+)\s+years?\b", re.I), "past n years"),
    (re.compile(r"\b(?:so far this year|this year|for the year|year to date|so far in)\b", re.I), "this year"),
    (re.compile(r"\blast year\b", re.I), "last year"),
    (re.compile(r"\byear (?:to|ending) (\w+ (?:19|20)\d\d)\b", re.I), "year to"),
    (re.compile(r"\bsince ((?:19|20)\d\d)\b"), "since"),
    (re.compile(r"\blast month\b", re.I), "last month"),
    (re.compile(r"\b((?:19|20)\d\d)\b"), "year"),
]


def period_of(sentence: str, published: date | None, offset: int = 0) -> str | None:
    """The time a figure refers to: the time phrase nearest to it, resolved against the publication date."""
    year = published.year if published else None
    best: tuple[float, str] | None = None
    for pattern, rule in PERIOD_RULES:
        for m in pattern.finditer(sentence):
            value = _period_value(rule, m, year)
            if value is None:
                continue
            dist = m.start() - offset if m.start() >= offset else offset - m.end()
            dist = abs(dist) + (5 if rule == "year" else 0)  # an explicit phrase beats a bare year
            if best is None or dist < best[0]:
                best = (dist, value)
    return best[1] if best else None


def _period_value(rule: str, m: re.Match[str], year: int | None) -> str | None:
    if rule == "between":
        return f"{m.group(1)} to {m.group(2)}"
    if rule == "past n years":
        n = _parse_num(m.group(1))
        return f"{year - int(n)} to {year}" if n and year else f"past {m.group(1)} years"
    if rule == "this year":
        return f"{year} to date" if year else "this year"
    if rule == "last year":
        return str(year - 1) if year else "last year"
    if rule == "year to":
        return f"year to {m.group(1)}"
    if rule == "since":
        return f"{m.group(1)} to date"
    if rule == "last month":
        return "last month"
    return m.group(1)


CLAUSE_BREAK = re.compile(r"[;:]\s|,\s+(?:while|whereas|but|and|as|which|after|although|though|with)\s|\s+while\s|\s+but\s")


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


def _unit_after(text: str, end: int) -> str | None:
    m = re.match(r"\s+((?:[a-z-]+\s+){0,3}?)([a-z]+s)\b", text[end:end + 60])
    if m and m.group(2) not in ("is", "was", "has", "as", "this", "its", "us", "yes", "his", "does", "across",
                               "less", "unless", "plus", "thus", "perhaps", "always", "towards", "its"):
        return m.group(2)
    return None


def _kind_and_sign(text: str, f: Found, sent_start: int) -> tuple[str, float]:
    before = text[max(sent_start, f.start - 90):f.start]
    after = text[f.end:f.end + 25]
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


def find_numbers(
    text: str,
    paragraphs: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
    published: date | None,
    cited: list[tuple[int, int, str | None, str | None, str]],
) -> list[NumberMention]:
    """All figures in the given paragraphs. `cited` lists (start, end, speaker id, name, quote id)."""
    out: list[NumberMention] = []
    for lo, hi in paragraphs:
        for f in scan(text, lo, hi):
            start, qualifier = qualify(text, f)
            if f.kind == "range":
                qualifier = "between"
            sent = next(((a, b) for a, b in sentences if a <= f.start < b), (lo, hi))
            kind, sign = _kind_and_sign(text, f, sent[0])
            unit = f.unit or _unit_after(text, f.end)
            sentence = text[sent[0]:sent[1]]
            clause, clause_start = clause_around(sentence, f.start - sent[0])
            concept = metric_of(clause, f.start - sent[0] - clause_start)
            if concept is None:
                concept = metric_of(sentence, f.start - sent[0])
            if concept is None:
                # "More than 600,000 in a single year is not a number ...": the metric was named before
                window_start = max(lo, f.start - 400)
                concept = metric_of(text[window_start:f.start], f.start - window_start)
            value = f.value * sign
            low, high = (f.low, f.high) if f.kind == "range" else bounds(f.value, qualifier)
            if unit is None and concept is not None and kind in ("level", "count", "change", "target"):
                unit = "people"
            metric = concept.label if concept else _fallback_metric(text, f, unit)
            subgroup = _subgroup(sentence)
            kind_class = "level" if kind in ("level", "count") else kind
            group = None
            if concept is not None:
                group = f"{concept.id}{'@' + subgroup if subgroup else ''}:{kind_class}"
            elif metric:
                group = f"{re.sub(r'[^a-z0-9]+', '_', metric.lower()).strip('_')}:{kind_class}"
            owner = next((c for c in cited if c[0] <= f.start < c[1]), None)
            out.append(NumberMention(
                id=f"n{len(out) + 1}",
                text=text[start:f.end],
                start=start,
                end=f.end,
                value=value,
                kind=kind,  # type: ignore[arg-type]
                unit=unit,
                qualifier=qualifier,
                # a fall of "over 90%" is -90 or below: the bounds swap when the sign does
                value_low=(low if sign > 0 else (None if high is None else -high)),
                value_high=(high if sign > 0 else (None if low is None else -low)),
                metric=(metric + (f" ({subgroup.title()})" if subgroup and concept else "")) if metric else None,
                metric_group=group,
                period=period_of(sentence, published, f.start - sent[0]),
                cited_by=owner[2] if owner else None,
                cited_by_name=owner[3] if owner else None,
                quote_id=owner[4] if owner else None,
                sentence=Span(sentence, sent[0], sent[1]),
                rule=f.rule,
            ))
    return flag_disagreements(_inherit_metrics(out))


def _inherit_metrics(numbers: list[NumberMention]) -> list[NumberMention]:
    """A bare count with no metric words of its own ("More than 600,000 in a single year is not a
    number any government can defend") measures what the figure just before it measured."""
    out: list[NumberMention] = []
    for n in numbers:
        if n.metric_group is None and n.kind in ("level", "count") and n.unit in (None, "people"):
            before = next((b for b in reversed(out) if b.metric_group and b.kind in ("level", "count")
                           and 0 <= n.start - b.end <= 600), None)
            if before is not None:
                n = replace(n, metric=before.metric, metric_group=before.metric_group,
                            unit=n.unit or before.unit, rule=n.rule + "; metric of the figure before")
        out.append(n)
    return out


def _fallback_metric(text: str, f: Found, unit: str | None) -> str | None:
    if f.kind == "money":
        m = re.match(r"\s+(?:(?:in|on|for|to)\s+)([^.,;:()“”\"]{3,80})", text[f.end:f.end + 90])
        if m:
            return " ".join(m.group(1).split()[:8])
        return "spending"
    m = re.match(r"\s+((?:[a-z-]+\s+){0,3}[a-z]+s)\b", text[f.end:f.end + 60])
    if m:
        return m.group(1)
    return unit


DEMONYM_SUBGROUP = re.compile(r"\b(Albanian|Afghan|Eritrean|Iranian|Iraqi|Syrian|Sudanese|Vietnamese|Indian|"
                              r"Pakistani|Nigerian|Ukrainian|Mexican|Venezuelan|Haitian|Cuban|Chinese)s?\b|"
                              r"\bfrom (Albania|Afghanistan|Eritrea|Iran|Iraq|Syria|Sudan|Vietnam|India|Pakistan|"
                              r"Nigeria|Ukraine|Mexico|Venezuela|Haiti|Cuba|China)\b")


def _subgroup(sentence: str) -> str | None:
    m = DEMONYM_SUBGROUP.search(sentence)
    if not m:
        return None
    word = (m.group(1) or m.group(2)).lower()
    return word[:-1] if word.endswith("n") and word not in ("iran", "sudan", "afghan") and word.endswith("ian") else word


def flag_disagreements(numbers: list[NumberMention]) -> list[NumberMention]:
    """Mark grouped figures whose ranges do not overlap (for the same period, where known)."""
    groups: dict[str, list[NumberMention]] = {}
    for n in numbers:
        if n.metric_group:
            groups.setdefault(n.metric_group, []).append(n)
    flagged: set[str] = set()
    for members in groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.period and b.period and a.period != b.period:
                    continue
                if not _overlap(a, b):
                    flagged.update((a.id, b.id))
    return [replace(n, disagrees=n.id in flagged) for n in numbers]


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
