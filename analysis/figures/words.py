"""Numbers written in words: "two", "Thirty three", "two hundred and fifty", "a thousand",
"one-quarter", "two and a half".

`WORDS` (a pattern fragment) finds a run of number words; `words_value` reads it, keeping the
longest prefix that is a well-formed number ("two and three" is "two", not five); `read_number`
reads digits or words.
"""

from __future__ import annotations

import re

ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Denominators of fractions, singular and plural ("a third", "two-thirds", "one-quarter").
FRACTION_WORDS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}

_WORD_VALUES: dict[str, float] = {**ONES, **TEENS, **TENS, "hundred": 100, "dozen": 12, **SCALE_WORDS}


def _alternation(words: object) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[call-overload]


_ANY = _alternation(_WORD_VALUES)
# A run of number words, with no groups so that a pattern can hold it twice. "a"/"an" counts only
# before a multiplier word ("a thousand", "a dozen"); "and" only inside a run ("two hundred and six").
WORDS = (
    rf"\b(?:an?[-\s]+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?(?:{_ANY})"
    rf"(?:(?:[-\s]+|\s+and\s+)(?:{_ANY}))*\b"
)
HALF = r"(?:\s+and\s+an?\s+half\b)"  # "two and a half"
FRACTION = rf"\b(?:(?:a|an|one|{_alternation(ONES)})[-\s]+(?:{_alternation(FRACTION_WORDS)})|half)\b"
WORD_VALUES: dict[str, float] = dict(_WORD_VALUES)


def words_value(phrase: str) -> tuple[float, int] | None:
    """(value, characters used) of the longest well-formed number at the start of `phrase`."""
    tokens = [(m.group(0).lower(), m.end()) for m in re.finditer(r"[A-Za-z]+", phrase)]
    total = 0.0  # completed thousands, millions, ...
    group = 0.0  # the part below the last scale word
    last: str | None = None  # the kind of the token before: "a", "one", "teen", "ten", "hundred", "scale", "and"
    value: tuple[float, int] | None = None
    for word, end in tokens:
        if word in ("a", "an") and last is None:
            last = "a"
            continue
        if word == "and":
            if last not in ("hundred", "scale"):
                break
            last = "and"
            continue
        if word == "dozen":
            if last not in (None, "a", "one", "ten", "teen"):
                break
            group = (group or 1) * 12
            last = "scale"
        elif word in ONES:
            if last in ("one", "teen"):
                break
            group += ONES[word]
            last = "one"
        elif word in TEENS:
            if last in ("one", "teen", "ten"):
                break
            group += TEENS[word]
            last = "teen"
        elif word in TENS:
            if last in ("one", "teen", "ten"):
                break
            group += TENS[word]
            last = "ten"
        elif word == "hundred":
            if last == "hundred" or group >= 100:
                break
            group = (group or 1) * 100
            last = "hundred"
        elif word in SCALE_WORDS:
            scale = SCALE_WORDS[word]
            if last == "scale" and scale <= _last_scale(total):
                break
            total += (group or 1) * scale
            group = 0.0
            last = "scale"
        else:
            break
        value = (total + group, end)
    return value


def _last_scale(total: float) -> float:
    for scale in sorted(SCALE_WORDS.values(), reverse=True):
        if total >= scale:
            return scale
    return 1.0


def fraction_value(phrase: str) -> float | None:
    """The value of a fraction in words: "two-thirds" is 2/3, "a quarter" 1/4, "half" 1/2."""
    words = re.split(r"[-\s]+", phrase.strip().lower())
    if words == ["half"]:
        return 0.5
    if len(words) != 2 or words[1] not in FRACTION_WORDS:
        return None
    top = 1 if words[0] in ("a", "an", "one") else ONES.get(words[0])
    return None if top is None else top / FRACTION_WORDS[words[1]]


def read_number(text: str) -> float | None:
    """The value of digits ("1,200", "3.5") or number words ("Thirty three", "two and a half",
    "a", "an"), or None when the text is neither."""
    text = text.strip()
    plain = text.replace(",", "")
    try:
        return float(plain)
    except ValueError:
        pass
    low = text.lower()
    if low in ("a", "an"):
        return 1.0
    read = words_value(text)
    if read is None:
        return None
    value, used = read
    rest = text[used:].lower().split()
    if rest[:3] in (["and", "a", "half"], ["and", "an", "half"]):
        value += 0.5
        if len(rest) > 3 and rest[3] in SCALE_WORDS:
            value *= SCALE_WORDS[rest[3]]
    return value
