"""Subjects the parser misplaces around speech verbs, found again from the shape of the parse.

spaCy's small model often hangs a speaker on the wrong word in the long subjects of news copy
("Col. Ann Hale, an army spokeswoman in Kabul, said", "X, now 70 and living in Y, said",
"Dunn, who has no backers yet, said", "X, an analyst who runs a site, tweeted"). Each function here reads one such shape; `misread_subject`
tries them in turn for a verb the parser gave no subject of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.lexical import upos
from analysis.speaker_words import SUBJECT_DEPS

CLOSING_MARKS = frozenset({"”", '"', "’", "'", "''"})

# Words that open a clause and that the parser sometimes reads as prepositions ("as Maria Lopez attacked")
SUBORDINATORS = frozenset({"as", "after", "before", "when", "while", "because", "since", "until"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _subject_read_as_object(tok: Token) -> Token | None:
    """ "Anger grew as Maria Lopez, the mayor's sister, attacked Jones": a finite verb has a
    subject, so when the parser gave it none and read "as Maria Lopez" as a preposition with its
    object right before the verb, that object is the subject."""
    if tok.tag_ not in FINITE_TAGS or tok.dep_ != "advcl":
        return None
    for prep in tok.head.children:
        if prep.dep_ == "prep" and prep.lower_ in SUBORDINATORS and prep.i < tok.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            between = [t for t in tok.doc[prep.right_edge.i + 1 : tok.i] if not t.is_punct]
            if obj is not None and upos(obj) == "PROPN" and not between:
                return obj
    return None


OPENING_MARKS = frozenset({"“", '"', "‘", "``"})


def quoted_title_after(verb: Token, subj: Token) -> bool:
    """ "..., Flynn said on Fox News’s “Fox and Friends.”": a "subject" after the verb that opens
    with a quote mark is a title the parser misread, never the speaker."""
    start = subj.left_edge.i
    return subj.i > verb.i and start > 0 and subj.doc[start - 1].text in OPENING_MARKS


def subject_of_conjunct_before(tok: Token) -> Token | None:
    before = [c for c in tok.head.children if c.dep_ == "conj" and c.i < tok.i]
    for conj in sorted(before, key=lambda c: -c.i):
        subj = next((c for c in conj.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    return None


def past_a_vocative(subj: Token) -> Token:
    """'"Good speech, Mr. President," Representative Ann Hale told him': the parser takes the
    vocative inside the quote for the subject and the speaker after the quote mark for its
    apposition; the speaker is the apposition."""
    appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
    if appos is not None and any(t.text in CLOSING_MARKS for t in subj.doc[subj.i + 1 : appos.left_edge.i]):
        return appos
    return subj


def _subject_read_as_apposition(tok: Token) -> Token | None:
    """ "On May 3, Col. Ann Hale, an army spokeswoman in Kabul, said": the parser hung the
    subject on the date (as an apposition or a conjunct) and gave the verb none. A verb with no subject, right after
    a named person's apposition phrase, has that person for its subject."""
    if tok.tag_ not in FINITE_TAGS or any(
        c.dep_ in SUBJECT_DEPS and not quoted_title_after(tok, c) for c in tok.children
    ):
        return None
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].is_punct:
        i -= 1
    if i < tok.sent.start:
        return None
    cur = tok.doc[i]
    for _ in range(6):
        named = upos(cur) == "PROPN" and cur.ent_type_ == "PERSON"
        if cur.dep_ in ("appos", "conj") and named and cur.right_edge.i < tok.i:
            return cur
        if cur.head.i == cur.i or cur.head.i > tok.i:
            break
        cur = cur.head
    return None


def _subject_of_misread_relative(tok: Token) -> Token | None:
    """ "Dunn, meanwhile, who has no backers yet, said that ...": the parser made the relative clause
    the verb's complement and gave it both subjects; the one before "who" is the verb's."""
    if tok.tag_ not in FINITE_TAGS:
        return None
    for clause in (c for c in tok.children if c.i < tok.i and c.dep_ in ("ccomp", "advcl", "parataxis")):
        subjects = sorted((c for c in clause.children if c.dep_ == "nsubj"), key=lambda c: c.i)
        if len(subjects) >= 2 and subjects[-1].lower_ in ("who", "which") and upos(subjects[0]) in ("PROPN", "NOUN"):
            return subjects[0]
    return None


def _subject_of_misread_participle(tok: Token) -> Token | None:
    """ "Activists clamoring to stop him say ...": the parser made the participle the
    sentence's verb and hung "say" on it; the participle's subject is the subject of "say"."""
    head = tok.head
    if tok.dep_ != "dep" or tok.tag_ not in FINITE_TAGS or head.tag_ != "VBG" or head.i > tok.i:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)


def _subject_inside_clausal_subject(tok: Token) -> Token | None:
    """ "A rugby player fighting deportation is calling on ...": the parser made "fighting deportation"
    the verb's clausal subject and "player" the participle's subject; the player is the verb's."""
    csubj = next((c for c in tok.children if c.dep_ == "csubj" and c.tag_ == "VBG" and c.i < tok.i), None)
    if csubj is None:
        return None
    return next((c for c in csubj.children if c.dep_ == "nsubj" and c.i < csubj.i), None)


def _report_read_as_modifier(tok: Token) -> Token | None:
    """ "“...,” Carl Rivens, an analyst who founded a data site, tweeted on Monday.": after a long
    apposition the parser read the reporting verb as a participle describing the name. A past
    form after the apposition's closing comma, with no passive of its own and no main verb after
    it in the sentence, is the name's report (not "X, asked about it, said": that one has a verb after)."""
    head = tok.head
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or upos(head) != "PROPN" or head.i > tok.i:
        return None
    if tok.i == 0 or tok.doc[tok.i - 1].text != "," or not any(c.dep_ == "appos" for c in head.children):
        return None
    if any(c.dep_ in ("auxpass", "agent") for c in tok.children):
        return None
    later = tok.doc[tok.right_edge.i + 1 : tok.sent.end]
    if any(t.tag_ in FINITE_TAGS or t.dep_ == "ROOT" for t in later):
        return None
    return head


def misread_subject(tok: Token) -> Token | None:
    """The subject of a speech verb that the parser hung elsewhere, or None."""
    return (
        _subject_read_as_object(tok)
        or _report_read_as_modifier(tok)
        or _subject_of_misread_participle(tok)
        or _subject_inside_clausal_subject(tok)
        or _subject_read_as_apposition(tok)
        or _subject_of_misread_relative(tok)
    )
