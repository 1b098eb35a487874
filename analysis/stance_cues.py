"""The stance lexicon (data/stance_lexicon.json), compiled once, and the cue scan over a text.

Phrase lists become one regex each (longest phrase first); the word classes of 'composition'
become lemma sets with their inflected forms, for the parse rules of analysis/stance_scope.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.lexical import forms
from analysis.phrase_gate import GatedPattern, PhraseGate
from analysis.records import Evidence

LEXICON_PATH = Path(__file__).with_name("data") / "stance_lexicon.json"


def _body(phrase: str) -> str:
    return re.escape(phrase).replace(r"\*", r"[\w-]*").replace(r"\ ", r"\s+")


def _alternation(items: list[str]) -> GatedPattern:
    # One alternation per list, longest phrase first, so a scan costs one pass over the text; the
    # gate skips the scan when none of the phrases' first words is in the text.
    bodies = [_body(p) for p in sorted(set(items), key=len, reverse=True)]
    return GatedPattern(re.compile(r"(?<!\w)(?:" + "|".join(bodies) + r")(?!\w)", re.I), PhraseGate.of(items))


@dataclass(frozen=True)
class WordClasses:
    """Inflected form -> lemma, per class of 'composition' (see the data file's note)."""

    against_actions: dict[str, str]
    for_actions: dict[str, str]
    harm_verbs: dict[str, str]
    closing_verbs: dict[str, str]
    opening_verbs: dict[str, str]
    problem: dict[str, str]
    migrants: dict[str, str]
    people: dict[str, str]
    valued: dict[str, str]
    border: dict[str, str]
    restrictive_measures: dict[str, str]
    open_measures: dict[str, str]
    negative_evaluation: dict[str, str]
    positive_evaluation: dict[str, str]
    negators: frozenset[str]
    accusation_heads: frozenset[str]
    first_person: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    topic: GatedPattern
    restrictive: GatedPattern
    open: GatedPattern
    criticism: GatedPattern
    praise: GatedPattern
    self_reference: GatedPattern
    names: GatedPattern  # names of laws and bodies: cue words inside them are not cues
    denied_accusations: GatedPattern  # "cruel", "racist": denied ("not cruelty"), they defend a policy
    targets: dict[str, GatedPattern]
    frames: dict[str, GatedPattern]
    words: WordClasses
    # Every target phrase (every frame phrase) in one pattern: when it finds nothing, none of the
    # per-name patterns can, and one scan replaces a dozen (most quotes name no target).
    any_target: GatedPattern
    any_frame: GatedPattern
    # Every word the parse rules start from: a quote without one needs no look at its parse
    # (three quotes in four, on PolNeAR), which saves building its words.
    triggers: GatedPattern


def _forms_of(lemmas: list[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma in lemmas:
        for form in forms(lemma.lower()):
            table.setdefault(form, lemma.lower())
    return table


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """The cue lists, compiled once."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    comp = data["composition"]
    words = WordClasses(
        **{
            k: _forms_of(comp[k])
            for k in (
                "against_actions",
                "for_actions",
                "harm_verbs",
                "closing_verbs",
                "opening_verbs",
                "problem",
                "migrants",
                "people",
                "valued",
                "border",
                "restrictive_measures",
                "open_measures",
                "negative_evaluation",
                "positive_evaluation",
            )
        },
        negators=frozenset(comp["negators"]),
        accusation_heads=frozenset(comp["accusation_heads"]),
        first_person=frozenset(comp["first_person"]),
    )
    return Lexicon(
        topic=_alternation(data["topic"]),
        restrictive=_alternation(data["restrictive"]),
        open=_alternation(data["open"]),
        criticism=_alternation(data["government_criticism"]),
        praise=_alternation(data["government_praise"]),
        self_reference=_alternation(data["government_self"]),
        names=_alternation(data["names"]),
        denied_accusations=_alternation(data["denied_accusations"]),
        targets={k: _alternation(v) for k, v in data["targets"].items()},
        frames={k: _alternation(v) for k, v in data["frames"].items()},
        words=words,
        any_target=_alternation([p for v in data["targets"].values() for p in v]),
        any_frame=_alternation([p for v in data["frames"].values() for p in v]),
        triggers=_words_pattern(words),
    )


def _words_pattern(words: WordClasses) -> GatedPattern:
    forms: set[str] = {"open", "control", "security", "protection", "integrity", "defence", "defense"}
    for table in (words.against_actions, words.for_actions, words.restrictive_measures, words.open_measures):
        forms |= set(table)
    body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return GatedPattern(re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.I), PhraseGate.of(sorted(forms)))


def find_cues(pattern: GatedPattern, text: str, base: int, label: str) -> list[Evidence]:
    """Non-overlapping cue matches as evidence with article offsets (the alternation takes the
    longest phrase at each place)."""
    return [Evidence(label, text[s:e], base + s, base + e) for s, e in pattern.spans(text)]


@lru_cache(maxsize=4096)  # asked for each quote's paragraph and the one before
def migration_cue_count(text: str) -> int:
    """How many migration topic cues a text has (used to tell migration articles from others). A
    cue in the title (the first line) counts twice: a headline names what the story is about."""
    spans = load_lexicon().topic.spans(text)
    title_end = text.find("\n") if "\n" in text else len(text)
    return len(spans) + (1 if any(s[0] < title_end for s in spans) else 0)
