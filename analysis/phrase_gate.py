"""A cheap test that lets a long phrase alternation skip texts it cannot match.

Python's `re` tries every alternative at every position, so a list of a few hundred phrases costs
far more than looking up the text's words in a set. A phrase can only match where its first word
(or, for "deport*", a word starting with its stem) is a word of the text: when none is, the
pattern is not run at all. The gate never hides a match; it only saves scans.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

WORD_RUN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=8192)
def text_words(text: str) -> frozenset[str]:
    """The lower-cased runs of letters and digits in a text."""
    return frozenset(WORD_RUN.findall(text.lower()))


@lru_cache(maxsize=8192)
def sorted_words(text: str) -> tuple[str, ...]:
    """The same words in order, to find one starting with a stem by bisection."""
    return tuple(sorted(text_words(text)))


def has_word_starting(text: str, stems: tuple[str, ...]) -> bool:
    words = sorted_words(text)
    for stem in stems:
        i = bisect_left(words, stem)
        if i < len(words) and words[i].startswith(stem):
            return True
    return False


@dataclass(frozen=True)
class PhraseGate:
    """The first words (and stems) a text must hold for any of the phrases to match."""

    words: frozenset[str]
    stems: tuple[str, ...]
    open_ended: bool  # some phrase starts with no word (a bare wildcard): always run

    @classmethod
    def of(cls, phrases: Iterable[str]) -> PhraseGate:
        words: set[str] = set()
        stems: set[str] = set()
        open_ended = False
        for phrase in phrases:
            first = phrase.strip().split()[0].lower() if phrase.strip() else ""
            run = WORD_RUN.match(first)
            if run is None:
                open_ended = True
                continue
            if run.end() < len(first) and first[run.end()] == "*":
                stems.add(run.group(0))
            else:
                words.add(run.group(0))
        return cls(frozenset(words), tuple(sorted(stems)), open_ended)

    def admits(self, text: str) -> bool:
        if self.open_ended:
            return True
        tokens = text_words(text)
        if not self.words.isdisjoint(tokens):
            return True
        return bool(self.stems) and has_word_starting(text, self.stems)


@dataclass(frozen=True)
class GatedPattern:
    """A compiled phrase alternation with its gate: `search` and `finditer` as on a pattern."""

    pattern: re.Pattern[str]
    gate: PhraseGate
    # The same alternation without re.I, for lower-cased text: case-blind matching is several
    # times slower. Only for patterns written in lower case (no "\W", no capitals).
    folded: re.Pattern[str] | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.pattern.flags & re.I and not re.search(r"[A-Z]", self.pattern.pattern):
            object.__setattr__(self, "folded", re.compile(self.pattern.pattern, self.pattern.flags & ~re.I))

    def _fast(self, text: str) -> tuple[re.Pattern[str], str]:
        """The pattern to run and the text to run it on: the folded one over lower-cased text when
        every character lower-cases to one (so offsets hold), else the case-blind one as it is."""
        if self.folded is not None:
            lowered = text.lower()
            if len(lowered) == len(text):
                return self.folded, lowered
        return self.pattern, text

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the pattern matches in `text`, as `finditer` would find them."""
        if not self.gate.admits(text):
            return []
        pattern, target = self._fast(text)
        return [m.span() for m in pattern.finditer(target)]

    def matches(self, text: str) -> bool:
        """Whether the pattern matches anywhere in `text`."""
        if not self.gate.admits(text):
            return False
        pattern, target = self._fast(text)
        return pattern.search(target) is not None

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.gate.admits(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.gate.admits(text) else iter(())

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.pattern.fullmatch(text) if self.gate.admits(text) else None
