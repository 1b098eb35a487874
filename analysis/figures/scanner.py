"""Find the figures in a paragraph: what is a quantity, where it starts and ends, its value.

Masks first claim what only looks like a figure (dates, clock times, "No 10", ages, "the two
countries"); then each pattern, in order, claims the spans it reads. A rule that recognises a
reference period ("the 12 months to June", "in the past three years") claims its span without a
figure, so no later pattern reads the number in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from analysis.figures.counted_words import COMPOUND_NOT_COUNTED, IRREGULAR_PLURALS, MEASURE_NOUNS, NOT_NOUNS
from analysis.figures.words import (
    FRACTION,
    FRACTION_WORDS,
    HALF,
    SCALE_WORDS,
    WORD_VALUES,
    WORDS,
    fraction_value,
    read_number,
)
from analysis.phrase_gate import text_words

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
CURRENCIES = {"£": "GBP", "$": "USD", "€": "EUR", "A$": "AUD", "AU$": "AUD", "US$": "USD", "NZ$": "NZD", "C$": "CAD"}
CURRENCY_WORDS = {"pounds": "GBP", "dollar": "USD", "dollars": "USD", "euros": "EUR", "euro": "EUR", "pound": "GBP"}
MULTIPLIERS = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5, "twice": 2.0}
TIME_UNITS = {
    "decade": 10.0,
    "century": 100.0,
    "year": 1.0,
    "month": 1.0,
    "week": 1.0,
    "day": 1.0,
    "hour": 1.0,
    "minute": 1.0,
}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b|-(?:thousand|million|billion|trillion)\b)?"
_DUR_UNITS = r"(?:decades?|centur(?:y|ies)|years?|months?|weeks?|days?|hours?|minutes?)"
_CUR = r"A\$|AU\$|US\$|NZ\$|C\$|[£$€]"
_QUALIFIER_BEFORE = re.compile(
    r"\b(?:more than|less than|fewer than|over|under|almost|nearly|about|around|roughly|approximately|some|"
    r"at least|up to|within|just over|just under|close to|upwards of|in excess of)\s+$",
    re.I,
)
MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
CHANGE_WORDS = re.compile(
    r"\b(?:rose|risen|rise|fell|fallen|fall|dropped|drop|increased|decreased|declined|grew|grown|"
    r"doubled|tripled|trebled|halved|jumped|surged|soared|slumped|plunged|climbed|up|down)\b",
    re.I,
)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "range",
        re.compile(
            rf"\bbetween\s+(?P<a>(?:{_CUR})?(?:{_NUM}){_SCALE})\s+and\s+(?P<b>(?:{_CUR})?(?:{_NUM}){_SCALE})"
            r"(?P<pct>\s?(?:%|per cent|percent))?",
            re.I,
        ),
    ),
    ("money", re.compile(rf"(?P<cur>{_CUR})\s?(?P<num>{_NUM})(?P<scale>{_SCALE})", re.I)),
    (
        "percent",
        re.compile(rf"(?:(?P<num>{_NUM})|(?P<words>{WORDS}))\s?(?:%|per cent\b|percent\b|percentage points?\b)", re.I),
    ),
    # "a 52-48 majority", "a 6-3 ruling": two figures; "10-15 people": a range
    ("split", re.compile(r"(?<![\w.,/:$£€-])(?P<a>\d{1,3}(?:,\d{3})*)-(?P<b>\d{1,3}(?:,\d{3})*)(?![\w/:-]|\.\d)")),
    (
        "ratio",
        re.compile(
            rf"(?<![\d,.])\b(?P<a>{WORDS}|\d{{1,3}})(?:\s+|-)(?:in|out\s+of|of\s+every)(?:\s+|-)(?:every\s+)?(?P<b>{WORDS}|\d{{1,4}})\b"
            r"(?!\s+(?:years?|cases?\s+of))",
            re.I,
        ),
    ),
    (
        "fraction",
        re.compile(
            rf"(?P<frac>{FRACTION})(?:\s+(?:of\s+)?(?:a|an)\s+(?P<scale>million|billion|trillion)"
            r"(?:\s+(?P<cw>pounds|dollars|euros))?|(?P<of>\s+of|(?<=half)\s+(?:the|all|its|their|his|her|our|those|these))\b)?",
            re.I,
        ),
    ),
    (
        "money_words",
        re.compile(
            rf"(?:\b(?P<num>{_NUM})(?P<scale>{_SCALE})|(?P<words>{WORDS}))\s+(?P<cw>pounds|dollars|euros)\b", re.I
        ),
    ),
    (
        "fraction_change",
        re.compile(
            r"(?<=\bby )(?:(?:nearly|almost|about|around|more than|over|roughly)\s+)?"
            rf"(?P<frac>{FRACTION})",
            re.I,
        ),
    ),
    (
        "multiplier",
        re.compile(
            r"\b(?P<mult>doubl|tripl|trebl|quadrupl|halv)(?:ed|ing)\b|"
            r"\b(?P<mult2>twice|doubl|tripl)e?\s+(?:as\s+(?:many|much)|the\s+(?:number|amount|rate|level|size))\b|"
            r"\b(?P<mult3>doubl|tripl|trebl|quadrupl)e\b(?=\s+(?:to|from|in|by|since|over|last|this)\b)|"
            r"\b(?P<fold>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d+)-?fold\b|"
            r"\b(?P<bare>doubl|tripl|trebl|quadrupl)e\b",
            re.I,
        ),
    ),
    # "a 60-vote supermajority", "billion-dollar startups", "a five-year plan"
    (
        "compound",
        re.compile(
            rf"(?<![\w,.-])(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{WORDS}|thousand|million|billion|trillion)"
            r"-(?P<noun>[a-z]+)\b(?!-old\b|-year-old)",
            re.I,
        ),
    ),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<rel>next|coming|past|last|previous)\s+(?P<unit>decade|century)\b", re.I)),
    ("duration", re.compile(rf"\b(?P<num>{WORDS}{HALF}?|\d+(?:\.\d+)?|a|an)\s+(?P<unit>{_DUR_UNITS})\b", re.I)),
    ("plain", re.compile(rf"(?<![\w.,/:-])(?P<num>{_NUM})(?P<scale>{_SCALE})(?![\w/:]|\.\d|-\w)", re.I)),
    ("word", re.compile(rf"(?P<num>{WORDS}{HALF}?)", re.I)),
]
# A cheap test per pattern that any match must pass (a word or mark the pattern cannot match
# without): a paragraph skips the patterns whose test fails. Keep each one a necessary condition.
# Each test reads the paragraph lower-cased (case-blind alternations are several times slower).
TRIGGERS: dict[str, re.Pattern[str]] = {
    "range": re.compile(r"between"),
    "money": re.compile(r"[£$€]"),
    "money_words": re.compile(r"pounds|dollars|euros"),
    "percent": re.compile(r"%|per\s?cent|percentage"),
    "split": re.compile(r"\d-\d"),
    "ratio": re.compile(r"[\s-]in[\s-]|\sout\s+of\s|\sof\s+every\s"),
    "fraction": re.compile(r"half|third|quarter|fifth|sixth|eighth|tenth"),
    "fraction_change": re.compile(r"half|third|quarter|fifth|sixth|eighth|tenth"),
    "multiplier": re.compile(r"doubl|tripl|trebl|quadrupl|halv|twice|fold"),
    "compound": re.compile(r"-"),
    "decade": re.compile(r"decade|century"),
    "duration": re.compile(r"decade|centur|year|month|week|day|hour|minute"),
    "plain": re.compile(r"\d"),
}
# Number words are whole words: a set lookup over the paragraph's words, not an alternation.
NUMBER_WORDS = frozenset(WORD_VALUES)


def _triggered(kind: str, lowered: str) -> bool:
    if kind == "word":
        return not NUMBER_WORDS.isdisjoint(text_words(lowered))
    return TRIGGERS[kind].search(lowered) is not None


# Nouns that, after "the two", point back to a known pair rather than count: "between the two
# countries", "the two sides". Other nouns after "the two" are counted ("the two centres").
PAIR_NOUNS = r"(?:sides|countries|nations|parties|governments|leaders|chambers|houses|camps|halves|sexes)"
# What only looks like a figure. Each of DIGIT_MASKS needs a digit, so a paragraph without one is
# masked by WORD_MASKS alone.
DIGIT_MASKS = [
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}\b(?:,?\s+\d{{4}})?"),
    re.compile(rf"\b{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"),
    re.compile(rf"\b{MONTHS}\.?\s+\d{{4}}\b"),
    # clock times: "13:51", "6pm", "3.45pm" (but "3.45 million" is a figure)
    re.compile(
        r"\b\d{1,2}(?::\d{2})?\s?[ap]\.m\.|\b\d{1,2}:\d{2}\b(?:\s?(?:am|pm))?|\b\d{1,2}\.\d{2}\s?(?:am|pm)\b|"
        r"\b\d{1,2}\s?(?:am|pm)\b|\b\w+\s+o[’']clock\b",
        re.I,
    ),
    # labels with a number: "No 10", "Article 50", "section 55 of the act", "Title 42"
    re.compile(
        r"\b(?:No\.?|Number|Level|Figure|Table|Round|Season|Episode|Radio|Channel|Fortune|FTSE|Brexit|Covid-?)"
        r"\s?\d+\b"
    ),
    re.compile(
        r"\b(?:section|article|clause|chapter|schedule|paragraph|annex|rule|title|part|tier|stage|phase|room|"
        r"route|gate|terminal|platform|ward|flight|page|amendment|motion|question)\s\d+[A-Z]?\b",
        re.I,
    ),
    re.compile(r"\b[GMA]\d+\b"),  # "G7", "the M25", "the A1"
    re.compile(r"\b[A-Z][a-z]+\s\d{1,3}(?=’s\b|'s\b)"),  # a name with a number: "BBC Radio 4's Today"
    re.compile(r"\b\d+(?:st|nd|rd|th)\b"),
    re.compile(r"\b\d{10,}\b"),  # ten digits and more with no separators: an id, a timestamp, a phone number
    re.compile(
        r"\b\d{4}s\b|\b'\d0s\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b24/7\b|\b\d{4}-\d{2}(?:-\d{2})?\b|\b\d{4}/\d{2}\b"
    ),
    re.compile(r"\b\d+-year-olds?\b|\b\d{1,3}\s+years?\s+old\b", re.I),
    re.compile(r"\b[A-Z][a-z'’.-]+,\s\d{1,3}(?:,\s|\s[―—–]\s?)"),  # an age after a name: "Ms Morales, 27, a nurse"
]
WORD_MASKS = [
    re.compile(rf"\b(?:the|these|those)\s+(?:two|three|four)\s+{PAIR_NOUNS}\b|\bbetween\s+the\s+(?:two|three)\b", re.I),
    re.compile(
        r"\b(?:no|any|every|each|the|this|that|which)\s+one\b|\bone\s+(?:of(?!\s+every)|another|way|thing|side|hand|point|"
        r"time|reason)\b|\bone(?:-|\s)off\b|\bnumber\s+one\b",
        re.I,
    ),
    re.compile(r"\b\w+-year-olds?\b", re.I),  # "a five-year-old"
]
# A year followed by what it counts ("2,000 people", "1,500 migrants") is a figure, not a year.
PEOPLE_NOUNS = re.compile(
    r"^\s*(?:(?!(?:for|to|in|of|on|at|by|from|with|and|or|the|a|an|went|were|was|is|are|had|has|"
    r"have|will|when|after|before)\b)[a-z-]+\s+){0,2}?(people|migrants|asylum seekers|refugees|crossings|arrivals|children|"
    r"adults|men|women|workers|students|voters|families|applications|claims|cases|visas|"
    r"deportations|removals|returns|flights|hotels|boats|deaths|arrests|encounters)\b",
    re.I,
)
_COUNTED = re.compile(rf"\s+(?:[\w’'-]+\s+){{0,3}}?(?P<noun>[A-Za-z-]+s|{'|'.join(IRREGULAR_PLURALS)}|[a-z]+men)\b")
_VERB_AFTER = re.compile(r"\s+(?:were|are|have|had|was|will|would|could|can|did|remain|remained|died|survived)\b", re.I)
_OF_GROUP = re.compile(r"\s+of\s+(?:the|them|their|her|his|its|these|those|our|us|whom|which|my|your)\b", re.I)
# Anonymous sources are counted in words but are not figures the article reports.
_SOURCES = re.compile(
    r"(?:\s+[\w-]+){0,3}?,?\s+(?:familiar with|briefed on|with knowledge of|granted anonymity|"
    r"who (?:spoke|asked|requested|declined)|speaking on (?:the )?condition)",
    re.I,
)
_ONE_QUALIFIER = re.compile(r"\b(?:at least|more than|fewer than|less than|up to|as many as)\s+$", re.I)


@dataclass(frozen=True)
class Found:
    """A figure as the scanner reads it: its span, value and unit, before its context is read."""

    kind: str
    start: int
    end: int
    value: float
    unit: str | None
    qualifier: str | None = None
    low: float | None = None
    high: float | None = None
    rule: str = ""


def _scaled(num: str, scale: str | None) -> float | None:
    value = read_number(num)
    if value is None:
        return None
    return value * SCALES.get((scale or "").strip(" -").lower(), 1.0)


_DIGIT = re.compile(r"\d")


def _masked(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pat in (DIGIT_MASKS + WORD_MASKS) if _DIGIT.search(text) else WORD_MASKS:
        spans.extend((m.start(), m.end()) for m in pat.finditer(text))
    return spans


def _is_year(raw: str, scale: str | None, after: str) -> bool:
    if "," in raw or "." in raw or len(raw) != 4 or (scale or "").strip():
        return False
    if not 1800 <= int(raw) <= 2100:
        return False
    return not PEOPLE_NOUNS.match(after)


def scan(text: str, lo: int, hi: int) -> list[Found]:
    """Every figure in text[lo:hi] (one paragraph), offsets into text."""
    chunk = text[lo:hi]
    lowered = chunk.lower()
    patterns = [(kind, pat) for kind, pat in PATTERNS if _triggered(kind, lowered)]
    if not patterns:
        return []  # most paragraphs: no pattern can match, so the masks need not be read
    taken = _masked(chunk)
    found: list[Found] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for kind, pat in patterns:
        for m in pat.finditer(chunk):
            s, e = m.start(), m.end()
            if not free(s, e):
                continue
            items = _read(kind, m, chunk)
            if items is None:
                continue  # not this pattern's: a later one may read the span
            taken.append((s, e))  # read, or claimed as a reference period, an age, a vague amount
            found.extend(replace(item, start=lo + item.start, end=lo + item.end) for item in items)
    return _shared_scales(text, sorted(found, key=lambda f: f.start))


# "11 to 12 million", "2 or 3 billion": the first number borrows the scale written after the second
SCALE_AFTER = re.compile(r"\s?(?:thousand|million|billion|trillion|bn|mn|tn)\b", re.I)
SCALE_SHARED_BY = re.compile(r"^\s*(?:to|or|and|-|–)\s*$")


def _shared_scales(text: str, found: list[Found]) -> list[Found]:
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        scale = SCALE_AFTER.search(text, b.start, b.end)
        if a.kind != "plain" or scale is None or SCALE_AFTER.search(text, a.start, a.end):
            continue
        if not SCALE_SHARED_BY.match(text[a.end : b.start]):
            continue
        factor = SCALES[scale.group().strip().lower()]
        if a.value * factor <= b.value:
            out[i] = _times(a, factor)
    return [_range_scaled(text, f) for f in out]


def _range_scaled(text: str, f: Found) -> Found:
    """ "between 2 and 3 million": the lower bound is 2 million."""
    scales = list(SCALE_AFTER.finditer(text, f.start, f.end))
    if f.kind != "range" or f.low is None or f.high is None or len(scales) != 1:
        return f  # no scale, or each bound has its own ("between 500,000 and 2 million")
    factor = SCALES[scales[0].group().strip().lower()]
    if f.low * factor > f.high or f.low >= factor:
        return f
    return replace(f, value=f.low * factor, low=f.low * factor)


def _times(f: Found, factor: float) -> Found:
    return replace(
        f,
        value=f.value * factor,
        low=None if f.low is None else f.low * factor,
        high=None if f.high is None else f.high * factor,
    )


def _read(kind: str, m: re.Match[str], chunk: str) -> list[Found] | None:
    """The figures a match stands for: None when the pattern does not apply, [] when the span is
    claimed without a figure."""
    reader = _READERS[kind]
    return reader(m, chunk)


def _range(m: re.Match[str], chunk: str) -> list[Found] | None:
    a, b = _money_or_num(m.group("a")), _money_or_num(m.group("b"))
    if a is None or b is None or a[0] >= b[0]:
        return None
    if a[0] >= 1800 and b[0] <= 2100 and not a[1] and "," not in m.group("a"):
        return None  # "between 2022 and 2024" is a period, not a range
    unit = "percent" if m.group("pct") else (a[1] or b[1])
    # the value of a range is its lower bound; the upper bound is kept in value_high
    return [Found("range", m.start(), m.end(), a[0], unit, "between", a[0], b[0], "range")]


def _money(m: re.Match[str], chunk: str) -> list[Found] | None:
    value = _scaled(m.group("num"), m.group("scale"))
    if value is None:
        return None
    cur = CURRENCIES.get(m.group("cur").upper(), "USD")
    return [Found("money", m.start(), m.end(), value, cur, rule="currency and amount")]


def _money_words(m: re.Match[str], chunk: str) -> list[Found] | None:
    value = _scaled(m.group("num"), m.group("scale")) if m.group("num") else read_number(m.group("words"))
    if value is None:
        return None
    return [Found("money", m.start(), m.end(), value, CURRENCY_WORDS[m.group("cw").lower()], rule="amount in words")]


def _percent(m: re.Match[str], chunk: str) -> list[Found] | None:
    value = read_number(m.group("num") or m.group("words"))
    return None if value is None else [Found("percent", m.start(), m.end(), value, "percent", rule="percentage")]


def _split(m: re.Match[str], chunk: str) -> list[Found] | None:
    a, b = read_number(m.group("a")), read_number(m.group("b"))
    if a is None or b is None:
        return None
    if a >= b:  # a vote or a score: each side is a figure
        return [
            Found("plain", m.start("a"), m.end("a"), a, None, rule="split (a-b)"),
            Found("plain", m.start("b"), m.end("b"), b, None, rule="split (a-b)"),
        ]
    return [Found("range", m.start(), m.end(), a, None, "between", a, b, "range (a-b)")]


def _ratio(m: re.Match[str], chunk: str) -> list[Found] | None:
    a, b = read_number(m.group("a")), read_number(m.group("b"))
    if not a or not b or a >= b:
        return None
    if re.fullmatch(r"\d{4}", m.group("b")) and 1800 <= b <= 2100:
        return None  # "13 in 2020" is a figure and a year
    return [Found("ratio", m.start(), m.end(), a / b, "ratio", rule="x in y")]


def _fraction(m: re.Match[str], chunk: str) -> list[Found] | None:
    phrase = m.group("frac")
    frac = fraction_value(phrase)
    if frac is None:
        return None
    before = chunk[max(0, m.start() - 12) : m.start()]
    if re.search(r"\b(?:first|second|third|fourth|last|final|latter|former|other)\s+$", before, re.I):
        return []  # "the first half of the year" names a period
    s, e = m.start(), m.start() + len(phrase)
    if m.group("scale"):
        value = frac * SCALES[m.group("scale").lower()]
        if m.group("cw"):
            return [
                Found("money", s, m.end(), value, CURRENCY_WORDS[m.group("cw").lower()], rule="fraction of a scale")
            ]
        return [Found("plain", s, m.end(), value, None, rule="fraction of a scale")]
    # a fraction stands alone as a figure when it is a share of something ("half of", "two-thirds")
    if m.group("of") or "-" in phrase:
        return [Found("ratio", s, e, frac, "ratio", rule="fraction")]
    return None


def _fraction_change(m: re.Match[str], chunk: str) -> list[Found] | None:
    frac = fraction_value(m.group("frac"))
    if frac is None:
        return None
    return [Found("percent", m.start("frac"), m.end(), round(frac * 100, 1), "percent", rule="fraction as a change")]


def _multiplier(m: re.Match[str], chunk: str) -> list[Found] | None:
    if m.group("fold"):
        value = read_number(m.group("fold"))
        return None if value is None else [Found("multiplier", m.start(), m.end(), value, "factor", rule="n-fold")]
    if m.group("bare"):
        # "almost double the previous year": a multiple only when qualified
        if not _QUALIFIER_BEFORE.search(chunk[max(0, m.start() - 25) : m.start()]):
            return None
        word = m.group("bare").lower()
    else:
        word = (m.group("mult") or m.group("mult2") or m.group("mult3") or "").lower()
    return [Found("multiplier", m.start(), m.end(), MULTIPLIERS[word], "factor", rule="multiplier word")]


def _compound(m: re.Match[str], chunk: str) -> list[Found] | None:
    num, noun = m.group("num"), m.group("noun").lower()
    if len(noun) < 3 or noun in COMPOUND_NOT_COUNTED or noun in FRACTION_WORDS or noun in WORD_VALUES:
        return None  # "3-D", "one-off", "two-thirds", "twenty-one"
    value = read_number(num) if num.lower() not in SCALE_WORDS else SCALE_WORDS[num.lower()]
    if value is None:
        return None
    unit_key = noun.rstrip("s") if noun.rstrip("s") in TIME_UNITS else ("century" if noun == "century" else None)
    if unit_key is not None:
        value *= TIME_UNITS[unit_key]
        unit = "years" if unit_key in ("decade", "century") else unit_key + "s"
        return [Found("duration", m.start(), m.end(), value, unit, rule="duration")]
    if (
        not num[0].isdigit()
        and not any(w in SCALE_WORDS for w in num.lower().split())
        and noun.rstrip("s") not in MEASURE_NOUNS
    ):
        return None  # "a three-bedroom home", "a two-party system": a kind of thing, not a count
    if noun in CURRENCY_WORDS:
        return [Found("money", m.start(), m.end(), value, CURRENCY_WORDS[noun], rule="amount as an adjective")]
    unit = noun if noun.endswith("s") else noun + "s"
    return [Found("word", m.start(), m.end(), value, unit, rule="number as an adjective")]


def _duration(m: re.Match[str], chunk: str) -> list[Found] | None:
    s, e = m.start(), m.end()
    num, unit = m.group("num"), m.group("unit").lower()
    before, after = chunk[max(0, s - 60) : s], chunk[e : e + 30]
    value = read_number(num)
    if value is None:
        return None
    if re.match(r"[\s-]+old\b", after):
        return []  # an age
    qualified = bool(_QUALIFIER_BEFORE.search(before))
    if (
        re.match(rf"\s+(?:to|ending|until|through)\s+(?:{MONTHS}|the end|\d{{4}})", after)
        or re.search(r"\b(?:first|opening|final)\s+$", before)
        or re.search(r"\b(?:in|during|over|within)\s+the\s+(?:past|last|previous|preceding)\s+$", before, re.I)
    ):
        return []  # "the 12 months to June", "the first six months", "in the past three years": a reference period
    if re.search(r"\bin\s+$", before) and CHANGE_WORDS.search(before[-45:]):
        return []  # "has almost halved in twelve months": the period of a change
    if num.lower() in ("a", "an", "one") and not _article_duration(before, after, unit, qualified):
        return []
    key = unit.rstrip("s") if not unit.startswith("centur") else "century"
    value *= TIME_UNITS[key]
    out_unit = "years" if key in ("decade", "century") else key + "s"
    return [Found("duration", s, e, value, out_unit, rule="duration")]


def _article_duration(before: str, after: str, unit: str, qualified: bool) -> bool:
    """Whether "a month", "one day" is a quoted length of time rather than a rate ("£8m a day"),
    a point in time ("a year ago") or a period ("in a year")."""
    if qualified:
        return True  # "more than a month", "within a month", "over a decade"
    if re.match(r"\s+(?:ago|earlier|on)\b", after) or re.search(r"\bin\s+$", before):
        return False
    if re.match(r"\s+(?:after|before|later)\b", after):
        return True  # "a month after the city fell"
    if re.search(r"(?:\d[\d,.]*\s*(?:[a-z%]+\s+){0,3}|\b(?:once|twice|times)\s+)$", before, re.I):
        return False  # a rate: "£8m a day", "3,000 men a month", "twice a year"
    if unit.startswith(("decade", "centur")):
        return True
    return bool(
        re.search(r"\b(?:for|spent|spend|spends|been|lasted|lasts|took|takes|wait|waited|served)\s+$", before, re.I)
    )


def _decade(m: re.Match[str], chunk: str) -> list[Found] | None:
    if m.group("rel").lower() in ("past", "last", "previous") and re.search(
        r"\b(?:in|during|over|within)\s+$", chunk[max(0, m.start() - 10) : m.start()], re.I
    ):
        return []  # "in the past decade": a reference period
    value = 100.0 if m.group("unit").lower() == "century" else 10.0
    return [Found("duration", m.start(), m.end(), value, "years", rule="duration")]


def _plain(m: re.Match[str], chunk: str) -> list[Found] | None:
    if _is_year(m.group("num"), m.group("scale"), chunk[m.end() : m.end() + 30]):
        return None
    value = _scaled(m.group("num"), m.group("scale"))
    return None if value is None else [Found("plain", m.start(), m.end(), value, None, rule="digits")]


def _word(m: re.Match[str], chunk: str) -> list[Found] | None:
    phrase = m.group("num")
    words = phrase.lower().split()
    value = read_number(phrase)
    if value is None:
        return None
    s, e = m.start(), m.end()
    before, after = chunk[max(0, s - 30) : s], chunk[e : e + 50]
    if _SOURCES.match(after):
        return []  # "two people familiar with the talks": who the reporter spoke to, not a quantity
    bare_scale = words[0] in ("hundred", "thousand", "million", "billion", "trillion", "dozen")
    if bare_scale:
        return []  # "a few hundred", "several thousand": vague
    if any(w in ("hundred", "thousand", "million", "billion", "trillion", "dozen") for w in words):
        return [Found("word", s, e, value, None, rule="number words")]
    if words == ["one"]:
        if not _ONE_QUALIFIER.search(before):
            return None  # "one" is a figure when it is counted against something: "at least one minister"
        return [Found("word", s, e, value, None, rule="number word")]
    counted = _COUNTED.match(after)
    if counted and counted.group("noun").lower() not in NOT_NOUNS:
        return [Found("word", s, e, value, None, rule="number word")]
    if _VERB_AFTER.match(after) or _OF_GROUP.match(after):
        return [Found("word", s, e, value, None, rule="number word")]  # "four had been returned", "two of them"
    return None  # a number word stands as a figure only when it counts something


def _money_or_num(text: str) -> tuple[float, str | None] | None:
    text = text.strip()
    cur = None
    mm = re.match(rf"({_CUR})", text)
    if mm:
        cur, text = CURRENCIES[mm.group(1).upper()], text[mm.end() :]
    mm = re.match(rf"({_NUM})\s?(\w+)?", text)
    if not mm:
        return None
    value = _scaled(mm.group(1), mm.group(2))
    return None if value is None else (value, cur)


_READERS = {
    "range": _range,
    "money": _money,
    "money_words": _money_words,
    "percent": _percent,
    "split": _split,
    "ratio": _ratio,
    "fraction": _fraction,
    "fraction_change": _fraction_change,
    "multiplier": _multiplier,
    "compound": _compound,
    "decade": _decade,
    "duration": _duration,
    "plain": _plain,
    "word": _word,
}
