"""Small rules that pick which earlier mention a later one refers to.

Each rule takes plain values (where mentions are, what role they play in their sentence) and
returns an answer; it changes nothing, so it can be tested on hand-made candidates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from analysis.entities import Entity
from analysis.parsed import Parsed
from analysis.records import Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Candidate:
    """An earlier mention of a person that a pronoun might refer to."""

    entity_id: str
    gender: str | None  # "m", "f" or None when unknown
    start: int
    subject: bool  # the subject of its clause
    main_clause: bool  # ... of a main clause, not of words reported inside someone's speech
    in_quote: bool  # inside quotation marks
    sentence: int = -1  # index of its sentence in the article, -1 when unknown
    subordinate: bool = False  # the subject of a clause opened by "after", "as", "when" ...


def pronoun_antecedent(
    start: int, gender: str, candidates: Sequence[Candidate], *, in_quote: bool = False, sentence: int = -1
) -> str | None:
    """The entity a "he" or "she" at `start` refers to. Names in the pronoun's own sentence or the
    one before come first, as a reader looks back; among them, and then among the rest, the
    latest main-clause subject of that gender, else the latest subject, else the latest mention.
    Within one sentence the subject of the sentence's own verb comes before the subject of a
    clause opened by "after" or "when" ("Ann Hale said she left after her child, Mia, was born.
    'It was hard,' she said": Ann Hale). Outside quotes, names inside quotation marks do not count: in `"I met Trump," he said` the
    "he" is not Trump."""
    best: tuple[int, int, int, bool, int] | None = None
    best_id = None
    for c in candidates:
        if c.start >= start or c.gender not in (None, gender):
            continue
        if c.in_quote and not in_quote:
            continue
        near = int(sentence >= 0 and c.sentence >= 0 and sentence - c.sentence <= 1)
        rank = 2 if c.subject and c.main_clause else 1 if c.subject else 0
        key = (near, rank, c.sentence, not c.subordinate, c.start)
        if best is None or key > best:
            best, best_id = key, c.entity_id
    return best_id


def is_main_clause_subject(tok: Token) -> bool:
    """A subject whose verb is the sentence's own (or conjoined with it), not a clause reported by
    a speech verb ("Ryan said Obama has never respected ...": Obama is not a main-clause subject)."""
    if tok.dep_ not in SUBJECT_DEPS:
        tok = next(
            (t for t in (tok.head,) if tok.dep_ in ("compound", "appos", "flat") and t.dep_ in SUBJECT_DEPS), tok
        )
        if tok.dep_ not in SUBJECT_DEPS:
            return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("ROOT", "advcl", "parataxis") or verb.head.i == verb.i


def latest_subject(
    parsed: Sequence[Parsed], people: Sequence[Entity], s: int, *, quoted: Callable[[int], bool] | None = None
) -> Entity | None:
    """The person the text is about just before `s`: the latest one named as the subject of a
    sentence ("Trump, appearing after Clinton, cited the policies of Obama and Clinton. The
    New York businessman said" is Trump), None when no one was. Mentions inside quote marks
    (`quoted`) are someone's words about others ("whether she'd mention my name")."""
    best: tuple[int, Entity] | None = None
    for ent in people:
        for m in ent.mentions:
            if quoted is not None and quoted(m.start):
                continue
            if m.start < s and (best is None or m.start > best[0]) and subject_roles(parsed, m)[0]:
                best = (m.start, ent)
    return best[1] if best else None


def subject_roles(parsed: Sequence[Parsed], m: Mention) -> tuple[bool, bool]:
    """(is a subject, is a main-clause subject) for a mention, from its paragraph's parse."""
    span = _mention_span(parsed, m)
    if not span:
        return False, False
    subject = any(t.dep_ in SUBJECT_DEPS or t.head.dep_ in SUBJECT_DEPS and _part_of_subject(t) for t in span)
    if not subject:
        # "Her position was backed by Sen. Ann Hale": the agent of a passive is who acts
        verb = next((v for t in span if (v := _passive_agent_of(t)) is not None), None)
        if verb is not None:
            return True, verb.dep_ in ("ROOT", "parataxis") or verb.head.i == verb.i
    return subject, subject and any(is_main_clause_subject(t) for t in span)


def _mention_span(parsed: Sequence[Parsed], m: Mention) -> SpacySpan | None:
    """The tokens of a mention in its paragraph's parse, None when they do not align."""
    for p in parsed:
        if p.base <= m.start < p.base + len(p.text):
            return p.doc.char_span(m.start - p.base, m.end - p.base, alignment_mode="expand")
    return None


def _passive_agent_of(tok: Token) -> Token | None:
    """The passive verb whose "by" phrase holds `tok` ("backed by Ann Hale"), or None."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    by = tok.head
    if tok.dep_ == "pobj" and by.dep_ == "agent" and by.head.i != by.i:
        return by.head
    return None


def _part_of_subject(tok: Token) -> bool:
    """A word hung on a subject that names the subject itself: part of its name, or the name in
    apposition to a description ("the senator, Ann Hale,"). A name in apposition to another
    name describes it ("Rep. Levin, a delegate supporting Clinton,": Clinton is not the subject)."""
    if tok.dep_ == "compound":
        return True
    return tok.dep_ == "appos" and tok.head.ent_type_ != "PERSON"


def in_subordinate_clause(parsed: Sequence[Parsed], m: Mention) -> bool:
    """Whether a mention is the subject of a clause opened by a subordinator ("after her child,
    Mia, was born"), from its paragraph's parse."""
    for t in _mention_span(parsed, m) or ():
        subj = t if t.dep_ in SUBJECT_DEPS else t.head if t.head.dep_ in SUBJECT_DEPS else None
        if subj is not None and any(c.dep_ == "mark" for c in subj.head.children):
            return True
    return False
