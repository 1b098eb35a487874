"""Speech cues: the reporting verb, "according to" or speech noun in a paragraph, and its subject.

A cue is found through the dependency parse (and, where the parser often fails, from the words);
its subject phrase is who speaks. Which entity that phrase names is `analysis.cue_speakers`' job.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from analysis.attribution_rules import CueKind
from analysis.lexical import form_table, lemma, upos
from analysis.misparsed_subjects import (
    CLOSING_MARKS,
    FINITE_TAGS,
    misread_subject,
    past_a_vocative,
    quoted_title_after,
    subject_of_conjunct_before,
)
from analysis.parsed import Parsed
from analysis.speaker_words import (
    DOCUMENT_HEADS,
    ORG_HEADS,
    ROLE_NOUNS,
    SUBJECT_DEPS,
    TITLE_WORDS,
    UNNAMED_PERSON_HEADS,
)
from analysis.speech_words import HEDGE_AUX, HEDGE_HEADS, NARRATOR_SOURCES, REPORTING_VERBS, SPEECH_NOUNS, SPEECH_VERBS


@dataclass(frozen=True)
class Cue:
    """A speech cue and the speaker it points to."""

    token: Token
    base: int
    subject_start: int
    subject_end: int
    text: str
    start: int
    end: int
    rule: CueKind
    subject_head: int = -1  # article offset of the subject's head word, -1 if unknown

    def subject_token(self) -> Token | None:
        """The subject's head word as a token of the cue's paragraph; None when unknown."""
        if self.subject_head < 0:
            return None
        at = self.subject_head - self.base
        span = self.token.doc.char_span(at, at + 1, alignment_mode="expand")
        return span[0] if span else None


def misparsed_report(tok: Token) -> bool:
    """ "Merkel added Germany has benefited ...": the parser read the past-tense verb as a modifier of
    the next word. A reporting verb right after its subject, with a clause after it, is a report."""
    doc = tok.doc
    return (
        tok.dep_ in ("amod", "compound")
        and tok.tag_ in ("VBD", "VBN", "VBZ")
        and lemma(tok) in REPORTING_VERBS
        and tok.i > 0
        and doc[tok.i - 1].dep_ in SUBJECT_DEPS
        and tok.i + 4 < len(doc)
        and any(t.dep_ == "ROOT" and t.i > tok.i + 1 for t in doc[tok.i + 1 :])
    )


def verb_read_as_noun(tok: Token) -> bool:
    """ "MEPs urge EU leaders to ...": the tagger made the sentence's verb a noun, but the parse still
    gives it a subject and makes it the root."""
    return tok.tag_ in ("NN", "NNS") and tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children)


def is_finite_report(tok: Token) -> bool:
    """A reporting verb that states something was said (not "is expected to say", not "will say")."""
    if verb_read_as_noun(tok):
        return True
    if upos(tok) not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in HEDGE_AUX for c in tok.children):
        return False
    # "expected to say" is hedged; "His wife, he says, plans to leave" only interjects into a "plans"
    hedged_by_head = lemma(tok.head) in HEDGE_HEADS and tok.head.i != tok.i and tok.dep_ != "parataxis"
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and _issued(tok.head) and any(c.dep_ == "ccomp" for c in tok.children):
        return True  # "issued a statement saying that ...": what the statement says was said
    if _main_verb_read_as_participle(tok):
        return True
    if tok.dep_ in ("xcomp", "amod", "acl", "compound") or hedged_by_head:
        return False
    if tok.tag_ == "VBN" and not any(lemma(c) == "have" for c in tok.children):
        return (
            tok.dep_ in ("conj", "ROOT", "advcl", "ccomp")
            and any(c.dep_ in SUBJECT_DEPS for c in tok.children)
            and not any(c.dep_ == "auxpass" for c in tok.children)
        )
    if tok.tag_ == "VB":
        return _present_tense_tagged_as_base(tok)
    return True


def _main_verb_read_as_participle(tok: Token) -> bool:
    """ "Senator Ann Hale, a Republican who backs the plan, called on ...": with no verb left for the
    sentence, the parser made its subject the root and the past-tense verb after the apposition's
    comma a participle on it."""
    head = tok.head
    return (
        tok.dep_ == "acl"
        and tok.tag_ in ("VBD", "VBN")
        and head.dep_ == "ROOT"
        and head.tag_ in ("NNP", "NNPS")
        and tok.i > 0
        and tok.doc[tok.i - 1].text == ","
        and any(c.dep_ == "appos" for c in head.children)
    )


def _present_tense_tagged_as_base(tok: Token) -> bool:
    """ "Groups that have endorsed him say ...": the tagger gave a present-tense "say" the base form.
    With a subject of its own and no auxiliary, "to" or "let", it is a report."""
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    if tok.dep_ in ("ROOT", "conj") and any(
        c.dep_ == "nsubj" and c.lower_ not in OBJECT_PRONOUNS for c in tok.children
    ):
        return True
    # "Critics say the process is unfair, and accuse the state of ...": a second present-tense verb
    # sharing the subject, joined to a present-tense verb that nothing hedges
    first = tok
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ == "ccomp" and lemma(first.head) in SPEECH_VERBS:
        first = first.head  # the parser hung the second verb inside the first one's clause
    return (
        tok.dep_ == "conj"
        and first.tag_ in ("VBP", "VBZ")
        and not any(c.dep_ == "aux" and c.lower_ in HEDGE_AUX for c in first.children)
    )


OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})


def subject_of(tok: Token) -> Token | None:
    """The subject of a verb, following conjunctions and participles ("..., adding: ")."""
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and upos(tok.head) in ("NOUN", "PROPN"):
        issued = _issued(tok.head)
        sender = _sender(tok.head) if issued else None
        if sender is not None:
            return sender  # "emails from the department stating ...": who sent them speaks
        if issued and tok.head.dep_ == "dobj":
            if tok.head.head.lower_ in RECEIVING_VERBS:
                return tok.head  # "the families received a letter saying ...": the letter, not the families
            # "Black Lives Matter issued a statement saying ...": who issued it speaks
            return _own_subject(tok.head.head) or tok.head
        via = tok.head.head
        if tok.head.dep_ in ("pobj", "appos") and via.lower_ in ("from", "by") and _issued(via.head):
            return tok.head  # "emails from the Department (DHS) stating ...": the parser hung it on the sender
        if tok.head.dep_ == "pobj" and tok.head.tag_ != "NNS":
            # "..., at one point calling the mayor a liar": the sentence's subject, not the point
            return _root_subject_before(tok) or tok.head
        return tok.head  # "protesters chanting ..."
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp") and tok.head.lower_ in RECEIVING_VERBS:
        message = next((c for c in tok.head.children if c.dep_ == "dobj" and _issued(c)), None)
        if message is not None:  # "the families received a letter from the Home Office saying ..."
            return _sender(message) or _sender(tok.head) or message  # "received emails from X stating"
    if _continues_a_report(tok):
        reporter = _reporting_ancestor(tok)
        if reporter is not None:
            return reporter  # "X said it would add agents, adding that ...", "X said ... before claiming": X
    subj = _subject_through_heads(tok)
    if tok.tag_ == "VBG" and (subj is None or subj.i > tok.i):
        # a participle's subject comes before it; one after it is in the words the parser hung the
        # participle on ("Clinton seemed ready, telling the crowd, "Some people get ...""): the sentence's
        return _root_subject_before(tok) or subj
    return subj


CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})


def _issued(tok: Token) -> bool:
    """A word for something issued or sent, singular or plural ("a letter", "emails")."""
    return lemma(tok) in ISSUED_WORDS or (tok.tag_ == "NNS" and tok.lower_[:-1] in ISSUED_WORDS)


def _sender(message: Token) -> Token | None:
    """Who a letter, email or statement is from: "a letter from the Home Office", "a post by Hale"."""
    for prep in message.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


# Verbs whose subject receives a message rather than sends it
# (word forms: the form table lemmatises speech words only)
RECEIVING_VERBS = frozenset(
    "receive receives received receiving get gets got getting obtain obtained open opened see saw seen "
    "find found".split()  # not "read": "Hale read a statement saying ..." is Hale's statement
)
# Words someone issues, sends or posts: a participle on them ("a statement saying") reports its author.
ISSUED_WORDS = SPEECH_NOUNS | {"letter", "email", "memo", "note", "tweet", "post", "release"}
# ... and things they release that say something: "Trump released a video that said, ..."
AUTHORED_WORDS = ISSUED_WORDS | {"video", "ad"}


def _continues_a_report(tok: Token) -> bool:
    """A participle with no subject of its own that goes on with a report: "..., adding that",
    "... before claiming that" (not "by showing that", which says how the verb it modifies works)."""
    if tok.tag_ != "VBG" or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return False
    return tok.dep_ == "advcl" or tok.dep_ == "pcomp" and tok.head.lower_ in ("before", "after", "while")


def _root_subject_before(tok: Token) -> Token | None:
    """The subject of `tok`'s sentence, when it comes before `tok`."""
    root = tok.sent.root
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:  # "Republicans are opposed ..., arguing": the parser may hang the subject on "are"
        aux = (c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i)
        subj = next((g for a in aux for g in a.children if g.dep_ in SUBJECT_DEPS), None)
    if subj is None and any(c.dep_ == "expl" for c in root.children):
        subj = next((c for c in root.children if c.dep_ == "attr"), None)  # "There was Murray Watt saying ..."
    return subj if subj is not None and subj.i < tok.i else None


def _subject_through_heads(tok: Token) -> Token | None:
    """The subject of a verb or of the verb it continues, past a misplaced conjunction."""
    speech_head = tok.head
    while speech_head.head.i != speech_head.i and lemma(speech_head) not in SPEECH_VERBS:
        speech_head = speech_head.head
    subj = _own_subject(tok)
    if (
        subj is not None
        and upos(subj) in ("NOUN",)
        and subj.lower_ not in ("spokesman", "spokeswoman", "spokesperson")
        and tok.dep_ in ("conj", "advcl")
        # "While one company says X, another says Y": a contrast between two sources, each its own
        and not any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in tok.children)
        and speech_head.i != tok.i
        and lemma(speech_head) in SPEECH_VERBS
    ):
        # "said the pact amounted to X and claimed that Y": the parser may hang "claimed" on "amounted"
        other = _own_subject(speech_head)
        if other is not None:
            return other
    return subj


def _reporting_ancestor(tok: Token) -> Token | None:
    """The subject of the report a participle ("..., adding that ...") continues: the nearest speech
    verb above it that is not itself inside reported words."""
    head = tok.head
    while head.i != head.head.i or head.dep_ == "ROOT":
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None) if lemma(head) in SPEECH_VERBS else None
        # '“...,” Lewandowski added, saying': a report right after a quote is an attribution, even
        # when the parser hung it inside the sentence before
        if subj is not None and (head.dep_ not in ("ccomp", "xcomp") or _just_after_a_quote(subj)):
            return subj
        if head.i == head.head.i:
            return None
        head = head.head
    return None


CLAUSE_VERB_TAGS = FINITE_TAGS | {"MD"}  # a verb or modal that makes a clause of its own


def _just_after_a_quote(tok: Token) -> bool:
    """A word that follows a closing quote mark: '“...,” Lewandowski added'."""
    start = tok.left_edge.i
    return start > 0 and tok.doc[start - 1].text in CLOSING_MARKS


def _a_person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or tok.lower_ in ("he", "she", "i", "we", "they")


def _own_subject(tok: Token) -> Token | None:
    seen = 0
    while seen < 4:
        seen += 1
        subjects = [c for c in tok.children if c.dep_ == "nsubj" and not quoted_title_after(tok, c)]
        if subjects:
            # two subjects mean a misparse ('"..., people who ...," Melissa Crow said'): the nearer one
            # speaks, and after the verb a name before any other word ('said party co-chair Tom Reyes'
            # parses as three subjects, "co", "-" and "Reyes")
            inverted = all(c.i > tok.i for c in subjects)
            names = [c for c in subjects if inverted and upos(c) == "PROPN" and c.ent_type_ == "PERSON"]
            before = [c for c in subjects if c.i < tok.i and _a_person(c)]
            if before and not any(_a_person(c) for c in subjects if c.i > tok.i):
                # "Reid says a new amendment ... should help": a thing after the verb is the subject of
                # the reported clause, flattened onto the verb by the parser ("..., said Mr Schulz" is not)
                subjects = before
            return past_a_vocative(min(names or subjects, key=lambda c: abs(c.i - tok.i)))
        misread = misread_subject(tok)
        if misread is not None:
            return misread
        controller = _object_controller(tok)
        if controller is not None:
            return controller
        if tok.dep_ == "conj":
            # "X, now 70 and living in Y, said": the nearest conjunct before with a subject of its own
            shared = subject_of_conjunct_before(tok)
            if shared is not None:
                return shared
        if tok.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep") and tok.head.i != tok.i:
            tok = tok.head  # "responded by first saying ...": through "by" to the verb it modifies
            continue
        return None
    return None


# What shows a person speaking: "footage of Clinton asking", "a video of him saying"
DEPICTIONS = frozenset({"footage", "video", "clip", "recording", "tape", "audio", "images", "film"})


def _object_controller(tok: Token) -> Token | None:
    """ "heard her say", "caught Hale saying", "uses footage of Clinton asking": a speech verb
    completing a verb with an object speaks for that object (or for the person the footage shows),
    not for the main verb's subject."""
    if tok.dep_ != "xcomp" or tok.head.i == tok.i:
        return None
    obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
    if obj is None:
        return None
    if obj.lower_ in DEPICTIONS:
        shown = [
            g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        return shown[0] if shown and _a_person(shown[0]) else None
    return obj if _a_person(obj) or obj.lower_ in ("him", "her", "them", "me", "us") else None


CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "parataxis", "ccomp"})
# Heads whose clause is all that says who they are: "those who back the plan", "those surveyed"
DESCRIBED_BY_CLAUSE = frozenset({"those", "anyone", "everyone", "someone"})


def subject_extent(subj: Token) -> tuple[int, int]:
    """Character extent (in the paragraph) of the subject phrase: the whole noun phrase with its
    conjuncts ("U.N. officials and relief workers") and appositions, without relative clauses."""
    cut: set[int] = set()
    for t in subj.subtree:
        if (
            t.i != subj.i
            and t.dep_ in CLAUSE_DEPS
            # "those surveyed", "30 percent of those polled": the clause is who they are
            and not (t.dep_ in ("relcl", "acl") and t.head.lower_ in DESCRIBED_BY_CLAUSE)
        ):
            cut |= {x.i for x in t.subtree}
    kept = [t.i for t in subj.subtree if t.i not in cut]
    doc = subj.doc
    left, right = min(kept), max(kept)
    while right > left and (doc[right].is_punct or doc[right].tag_ == "POS"):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].lower_ in FOCUS_WORDS and doc[left].dep_ == "advmod"):
        left += 1  # "Even China said ...": China
    return doc[left].idx, doc[right].idx + len(doc[right])


# Words that single out a subject without being part of its name
FOCUS_WORDS = frozenset({"even", "only", "also", "just", "both"})


@lru_cache(maxsize=1)
def _speech_candidates() -> frozenset[str]:
    """Lower-cased forms whose form-table lemma is a speech verb or noun, and "according".

    `find_cues` skips every other token without looking it up: most tokens are not cues.
    """
    speech = SPEECH_VERBS | SPEECH_NOUNS
    table = form_table()
    return frozenset(
        {form for form, lem in table.items() if lem in speech}
        | {w for w in speech if w not in table}
        | {"according"}
        | MAKE_AND_LET  # "made it clear that", "let reporters know that": see `made_known`
        | PUT_FORMS  # "as she put it": see `_as_one_put_it`
    )


MAKE_FORMS = frozenset({"make", "makes", "made", "making"})
LET_FORMS = frozenset({"let", "lets", "letting"})
MAKE_AND_LET = MAKE_FORMS | LET_FORMS
PUT_FORMS = frozenset({"put", "puts"})


# Verbs of thinking and finding: inside someone's report they are part of what was reported.
THOUGHT_VERBS = frozenset("think believe fear hope expect know feel suspect worry find show".split())


def _reporter_above(tok: Token) -> Token | None:
    """The subject of the report whose complement holds `tok` ("X said he hopes the plan sends a
    message": X), or None when `tok` is not inside a report."""
    child, head = tok, tok.head
    while head.i != child.i:
        if child.dep_ == "ccomp" and lemma(head) in REPORTING_VERBS:
            subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None and (upos(subj) in ("PROPN", "PRON") or _names_someone(subj)):
                return subj
        child, head = head, head.head
    return None


# Verbs of showing and finding: a report only with what they show as a clause or a quote after them
SHOWING_VERBS = frozenset({"show", "find"})


def _reports_something(tok: Token) -> bool:
    """ "The poll shows that ...", "found: “...”", "showed “...”": a clause or a quote follows, or
    a quote comes before it in its sentence ("‘...,’ a new report has found.")."""
    if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return True
    subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is not None:  # the subject right after a closing mark
        k = subj.left_edge.i - 1
        while k >= 0 and tok.doc[k].text == ",":
            k -= 1
        if k >= 0 and tok.doc[k].is_quote:
            return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (nxt.is_quote or nxt.text in (":", ",") or nxt.lower_ == "that")


def _asked_when(tok: Token) -> bool:
    """ "when asked", "if pressed": a passive participle in a time clause, with no speaker of its own."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ in ("advcl", "conj")
        and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "if", "once", "as") for c in tok.children)
    )


def _thought_inside_a_report(tok: Token) -> bool:
    """ "X said voters would find it ...", "X said it was "mischief" that shows their "disconnect"":
    a thought anywhere in the complement of the nearest speech verb above it, a report with a subject.
    So is a speech act that did not happen: "X said the platform should reiterate its "stalwart allies"."""
    hedged = any(c.dep_ == "aux" and c.lower_ in HEDGE_AUX and c.lower_ != "to" for c in tok.children)
    if lemma(tok) not in THOUGHT_VERBS and not hedged:
        return False
    child, head = tok, tok.head
    while head.i != child.i and (lemma(head) not in SPEECH_VERBS or upos(head) not in ("VERB", "AUX")):
        child, head = head, head.head  # "her remarks" is no report of its own
    return (
        head.i != child.i
        # a hedged act may hang anywhere below the report but its subject ("said in her remarks that ...")
        and (child.dep_ == "ccomp" or (hedged and child.dep_ not in SUBJECT_DEPS))
        and lemma(head) in REPORTING_VERBS
        and lemma(head) not in THOUGHT_VERBS
        and subject_of(head) is not None
    )


def speaking_it(it: Token) -> bool:
    """ "It also asked donors for ...", "it said": "it" as the subject of the main speech verb of its
    sentence can be an organisation speaking (not "it is said", not an "it" inside another report)."""
    verb = it.head
    return it.dep_ == "nsubj" and verb.dep_ == "ROOT" and verb.tag_.startswith("VB") and lemma(verb) in SPEECH_VERBS


def _as_one_put_it(tok: Token) -> bool:
    """ "as she put it", "as one aide puts it": a speech act in an "as" clause with "it" for what was said."""
    kids = list(tok.children)
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in kids) and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in kids
    )


def find_cues(p: Parsed, quoted: list[tuple[int, int]]) -> list[Cue]:
    """Speech cues in one paragraph that are outside quoted text."""
    if not p.doc.has_annotation("DEP"):
        # no speech by the parse gate; and in an unparsed doc spaCy's tree walks read stale edges
        # (a "Let's" copied from the tokenizer's special cases) and can crash the process
        return []
    outside = _outside_quotes(p, quoted)
    candidates = _speech_candidates()
    cues = []
    for tok in p.doc:
        if not tok.lemma_ and tok.lower_ not in candidates:
            continue  # cannot be a speech verb, a speech noun or "according" (see _speech_candidates)
        if not outside(tok):
            continue
        cue = _cue_at(p, tok)
        if cue is None or _subject_inside_quote(p, cue, outside):
            cue = _speaker_after_verb(p, tok, outside) or cue
        if cue is not None:
            cues.append(cue)
    cues.extend(_cues_read_from_words(p, cues, outside))
    return cues


def _subject_inside_quote(p: Parsed, cue: Cue, outside: Callable[[Token], bool]) -> bool:
    """A subject the parser found inside the quoted words: never who says them."""
    head = cue.subject_token() if cue.rule == "speech_verb" else None
    return head is not None and not outside(head)


def _speaker_after_verb(p: Parsed, tok: Token, outside: Callable[[Token], bool]) -> Cue | None:
    """ "“...,” added a New Hampshire Democrat": a reporting verb right after a quote, whose speaker
    the parser read as its object. The noun phrase after the verb speaks (not after a verb that takes
    an object: "“terrible,” denounced her record" is what was denounced)."""
    if lemma(tok) not in REPORTING_VERBS or tok.tag_ not in ("VBD", "VBZ") or tok.i == 0:
        return None
    before = p.doc[tok.i - 1]  # the closing mark, or a comma after it ("...", added X)
    if not (before.is_quote or before.text == "," and tok.i > 1 and p.doc[tok.i - 2].is_quote):
        return None
    nouns = [
        c
        for c in tok.rights
        if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "oprd") and upos(c) in ("NOUN", "PROPN")
    ]
    # "mused party co-chair Tom Reyes" parses as three objects, "co", "-" and "Reyes": the name speaks
    names = [c for c in nouns if upos(c) == "PROPN" and c.ent_type_ == "PERSON"]
    speaker = names[0] if names else _last_of_run(nouns) if nouns else _noun_phrase_after(tok)
    if speaker is None or not outside(speaker):
        return None
    return _cue(p, tok, speaker, "speech_verb", tok.text, tok.idx, tok.idx + len(tok))


def _last_of_run(nouns: list[Token]) -> Token:
    """The last of the nouns that follow the first one word by word: "the co-host" parsed as three
    objects "co", "-", "host" is one phrase headed by "host"."""
    at = {t.i for t in nouns}
    head = nouns[0]
    while head.i + 1 in at:
        head = head.doc[head.i + 1]
    return head


def _noun_phrase_after(tok: Token) -> Token | None:
    """The head of the noun phrase right after a verb, however the parser hung it ('“...,” said
    David Brock, a Clinton confidant who heads Correct the Record' read Brock as the subject of
    "Correct")."""
    if tok.i + 1 >= len(tok.doc) or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None
    word = tok.doc[tok.i + 1]
    while word.dep_ in ("compound", "det", "amod", "nummod") and word.head.i > word.i:
        word = word.head
    return word if upos(word) == "PROPN" else None


def _outside_quotes(p: Parsed, quoted: list[tuple[int, int]]) -> Callable[[Token], bool]:
    """A test of whether a token of paragraph `p` lies outside every quoted span."""
    end = p.base + len(p.text)
    local = sorted((a, b) for a, b in quoted if a < end and b > p.base)
    starts = [a for a, _ in local]

    def outside(tok: Token) -> bool:
        pos = p.base + tok.idx
        i = bisect_right(starts, pos) - 1
        return i < 0 or pos >= local[i][1]

    return outside


def _cue_at(p: Parsed, tok: Token) -> Cue | None:
    """The cue `tok` makes, tried as a passive report, a speech verb, "according to", a speech noun."""
    agent = _passive_agent(tok) if lemma(tok) in SPEECH_VERBS and tok.tag_ == "VBN" else None
    if agent is not None:  # "..., as reported by the National Foundation for American Policy"
        return _cue(p, tok, agent, "passive_report", tok.text, tok.idx, tok.idx + len(tok))
    if lemma(tok) in SPEECH_VERBS and (
        upos(tok) in ("VERB", "AUX") or tok.tag_.startswith("VB") or verb_read_as_noun(tok)
    ):
        return _verb_cue(p, tok)
    if tok.lower_ in PUT_FORMS and _as_one_put_it(tok):  # "As Ann Hale, a law professor, put it, “...”"
        return _verb_cue(p, tok)
    if made_known(tok) is not None:  # "made it clear that ...", "let reporters know that ..."
        cue = _verb_cue(p, tok)
        subj = cue.subject_token() if cue is not None else None
        # someone, not something: "the storm made it clear that the roads were unsafe" is no statement
        return cue if subj is not None and (upos(subj) in ("PROPN", "PRON") or _names_someone(subj)) else None
    if tok.lower_ == "according" and tok.i + 2 < len(p.doc) and p.doc[tok.i + 1].lower_ == "to":
        return _according_to_cue(p, tok)
    if lemma(tok) in SPEECH_NOUNS and upos(tok) == "NOUN":
        return _noun_cue(p, tok)
    return None


def _cue(p: Parsed, tok: Token, speaker: Token, rule: CueKind, text: str, start: int, end: int) -> Cue:
    """A cue of paragraph `p` whose subject phrase is headed by `speaker` (offsets in the paragraph)."""
    s, e = subject_extent(speaker)
    return Cue(tok, p.base, p.base + s, p.base + e, text, p.base + start, p.base + end, rule, p.base + speaker.idx)


def _names_someone(tok: Token) -> bool:
    word = tok.lower_
    return word in ROLE_NOUNS or word in UNNAMED_PERSON_HEADS or word in ORG_HEADS


def made_known(tok: Token) -> Token | None:
    """The "that" of "made (it) clear that ...", "made it known that ...", "let X know that ...":
    a speech act told through "make" or "let"; None for any other verb."""
    if tok.lower_ in MAKE_FORMS:
        words = [c for c in tok.children if c.lower_ in ("clear", "known", "plain")]
    elif tok.lower_ in LET_FORMS:
        words = [c for c in tok.children if c.lower_ == "know"]
    else:
        return None
    for word in words:
        that = next((t for t in tok.doc[word.i + 1 : word.i + 2] if t.lower_ == "that"), None)
        if that is not None:
            return that
    return None


def _number_of_people(subj: Token) -> bool:
    """ "A number of Republicans accused ...": some people, not a statistic."""
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    people = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return people is not None and people.tag_ in ("NNS", "NNPS") and subj.lower_ == "number"


def _verb_cue(p: Parsed, tok: Token) -> Cue | None:
    if _thought_inside_a_report(tok):
        return None  # "Hale said voters would find it “hard to accept”": Hale's words
    if _asked_when(tok):
        return None  # "who told Congress when asked about it: “...”": the one who told speaks
    if lemma(tok) in SHOWING_VERBS and not _reports_something(tok):
        return None  # "bruises that she showed to the police": shown, not said
    subj = subject_of(tok)
    if subj is None:
        return None
    if lemma(tok) == "read" and not (_issued(subj) or lemma(subj) in DOCUMENT_HEADS):
        return None  # "The letter read: ..." is the letter's author; a banner's slogan is no one's speech
    if subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl" and upos(tok.head) in ("NOUN", "PROPN"):
        if _a_thing_that(subj, tok.head):
            return None  # "a tragedy that showed why ...": what a thing shows is the narrator's telling
        # "a spokesperson for the OMB, who said ...": the antecedent speaks
        subj = _person_described(tok.head)
        if lemma(tok.head) in AUTHORED_WORDS and tok.head.dep_ == "dobj":
            subj = _own_subject(tok.head.head) or subj  # "Trump released a video that said, ...": Trump
    if subj.lower_ in ("this", "that", "which", "there", "what") or (
        lemma(subj) in NARRATOR_SOURCES and not _number_of_people(subj)
    ):
        return None  # "figures show ...": the article's own voice, by our annotation convention
    if subj.lower_ == "it" and not (speaking_it(subj) and subj.head.i == tok.i):
        return None  # "it is said": no one; "said it would respond": the report of another cue
    return _cue(p, tok, subj, "speech_verb", tok.text, tok.idx, tok.idx + len(tok))


# Common nouns whose "which said" or "that showed" clause is a source speaking: documents, bodies, words
SPEAKING_NOUNS = (
    frozenset(DOCUMENT_HEADS)
    | frozenset(ORG_HEADS)
    | SPEECH_NOUNS
    | frozenset("comment remark tweet post message speech ad video letter email note".split())
)


def _a_thing_that(pronoun: Token, antecedent: Token) -> bool:
    """ "a tragedy that showed": an indefinite thing, not a document, body or statement, described
    by a "that" clause. ("The polls, which showed ..." and "new rules that require ..." are sources.)"""
    return (
        pronoun.lower_ == "that"
        and upos(antecedent) == "NOUN"
        and antecedent.lower_ not in SPEAKING_NOUNS
        and lemma(antecedent) not in SPEAKING_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in antecedent.children)
    )


def _person_described(tok: Token) -> Token:
    """The person a "who" clause's antecedent describes, when the parser hung the clause on the
    description: "Alan Berger, a gynecologist from Englewood, New Jersey, who said" is Berger, not
    New Jersey. Up through appositions and prepositions to a tagged person; else the antecedent."""
    cur = tok
    for _ in range(8):
        if cur.ent_type_ == "PERSON":
            return cur
        if cur.dep_ not in ("appos", "pobj", "prep", "compound", "npadvmod", "conj") or cur.head.i == cur.i:
            break
        cur = cur.head
    return tok


def _according_to_cue(p: Parsed, tok: Token) -> Cue | None:
    to = p.doc[tok.i + 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    cue = _cue(p, tok, obj, "according_to", "according to", tok.idx, to.idx + 2)
    last = according_to_source_end(to)
    if last < max(t.i for t in obj.subtree):
        end = p.doc[last].idx + len(p.doc[last])
        return dataclasses.replace(cue, subject_end=min(cue.subject_end, p.base + end))
    return cue


def according_to_source_end(to: Token) -> int:
    """The last word of the source "according to" names: its whole phrase, unless the parser hung the
    sentence's own clause on it ("According to Reuters, 412 of the 530 delegates ... backed
    Okafor"), a finite verb outside any relative clause; then the source ends before the first comma."""
    phrase = list(to.subtree)
    swallowed = any(t.tag_ in CLAUSE_VERB_TAGS and not in_relative_clause(t, to) for t in phrase)
    comma = next((t.i for t in phrase if t.i > to.i + 1 and t.text in (",", "—", "–")), None)
    if swallowed and comma is not None:
        return comma - 1
    return phrase[-1].i


def in_relative_clause(tok: Token, top: Token | None = None) -> bool:
    """Whether `tok` is inside a relative clause ("the AP, which said ..."), below `top` if given."""
    while (top is None or tok.i != top.i) and tok.head.i != tok.i:
        if tok.dep_ == "relcl":
            return True
        tok = tok.head
    return False


def _noun_cue(p: Parsed, tok: Token) -> Cue | None:
    """ "Sanders' promise", "the minister's warning": the owner of the noun, or the subject of its verb."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        verb = tok.head
        while verb.dep_ not in ("ROOT",) and upos(verb) not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        owner = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if owner is not None and upos(owner) == "NOUN" and not _names_someone(owner):
            # "X said he hopes the day of action sends a message that ...": X's words
            owner = _reporter_above(verb) or owner
    if owner is None or owner.lower_ in ("it", "this", "that", "which", "there"):
        return None
    doc = p.doc
    left = tok.left_edge.i if tok.left_edge.dep_ == "compound" else tok.i
    for c in tok.lefts:
        if c.dep_ == "compound":
            left = min(left, c.i)
    return _cue(p, tok, owner, "speech_noun", doc[left : tok.i + 1].text, doc[left].idx, tok.idx + len(tok))


def _passive_agent(tok: Token) -> Token | None:
    """The agent of a passive report set off from what it reports ("as reported by X", "as noted by X")."""
    if tok.dep_ not in ("advcl", "acl") and not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    by = next((c for c in tok.children if c.dep_ == "agent"), None)
    agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if agent is not None and (agent.ent_type_ in ("DATE", "TIME") or lemma(agent) in TIME_NOUNS):
        return None  # "a final vote expected by the end of the week": when, not who
    return agent


TIME_NOUNS = frozenset(
    "end start beginning middle day week month year weekend deadline date time summer autumn fall winter spring "
    "morning evening night noon midnight".split()
)


def cue_subject_name(p: Parsed, cue: Cue, article: str) -> tuple[int, int] | None:
    """Article offsets of the proper name heading a cue's subject ("Gorka declared"), so that the
    speaker book knows the name even when the entity tagger missed it; None for other subjects."""
    head = cue.subject_token() if cue.rule in ("speech_verb", "passive_report") else None
    if head is None:
        return None
    if (
        head.tag_ not in ("NNP", "NNPS")
        or head.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC")
        or head.ent_type_ == "PERSON"
    ):
        return None
    lo = head.i
    while (
        lo > 0
        and p.doc[lo - 1].tag_ == "NNP"
        and p.doc[lo - 1].dep_ in ("compound", "flat")
        and p.doc[lo - 1].head.i == head.i
    ):
        lo -= 1
    run = p.doc[lo : head.i + 1]
    if not all(t.text[:1].isupper() and t.lower_.rstrip(".") not in TITLE_WORDS for t in run):
        return None  # "the Minister said": a title, not a name
    subject = p.doc.char_span(cue.subject_start - p.base, cue.subject_end - p.base, alignment_mode="expand") or run
    if any(t.ent_type_ in ("ORG", "GPE", "NORP", "FAC") for t in subject):
        return None  # part of an organisation's name the tagger did find
    if len(run) == 1 and not re.search(rf"\b[A-Z][\w’'-]+ {re.escape(head.text)}\b", article[: p.base + head.idx]):
        return None  # one word is a name only as the surname of someone named before ("Gorka" after "Sebastian Gorka")
    return p.base + p.doc[lo].idx, p.base + head.idx + len(head)


# "The Guardian, Express and Mirror report that ...": news digests name outlets before "report"
# or "say", and the parser often reads "Mirror report" as a noun phrase.
LEADING_REPORT = re.compile(
    r"^(?P<subj>(?:The )?[A-Z][\w&’'.-]*(?: [A-Z][\w&’'.-]*)*(?:,? (?:and |& )?(?:the )?[A-Z][\w&’'.-]*"
    r"(?: [A-Z][\w&’'.-]*)*)+) (?P<verb>report|reports|say|says|claim|claims|reveal|reveals) that "
)
# "Local media report that ...": a sentence-opening plural noun phrase the parser took, with its verb, for a noun
LEADING_GROUP_REPORT = re.compile(r"^(?P<subj>[A-Z][a-z]+(?: [a-z]+){0,2}) (?P<verb>report|say|claim|reveal) that ")


# "“...,” Conway notes.": a name and a reporting verb the parser read as a plural noun, after a quote
TRAILING_REPORT = re.compile(
    r"[,”\"’']\s+(?P<subj>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,2}) (?P<verb>[a-z]+s)(?=[.,;]|\s+(?:on|in|at)\b)"
)


def _cues_read_from_words(p: Parsed, found: list[Cue], outside: Callable[[Token], bool]) -> list[Cue]:
    """Cues whose verb the parser read as a noun: "A, B and C report that ...", "“...,” Conway notes."."""
    out = []
    doc = p.doc
    matches = [
        (sent.start_char, m)
        for sent in p.sentences()
        if (m := LEADING_REPORT.match(sent.text) or LEADING_GROUP_REPORT.match(sent.text))
    ]
    matches += [(0, m) for m in TRAILING_REPORT.finditer(p.text) if form_table().get(m.group("verb")) in SPEECH_VERBS]
    for offset, m in matches:
        span = doc.char_span(offset + m.start("verb"), offset + m.end("verb"))
        if span is None or any(c.token.i == span[0].i for c in found) or not outside(span[0]):
            continue
        subj_s, subj_e = p.base + offset + m.start("subj"), p.base + offset + m.end("subj")
        verb = span[0]
        out.append(
            Cue(
                verb,
                p.base,
                subj_s,
                subj_e,
                verb.text,
                p.base + verb.idx,
                p.base + verb.idx + len(verb),
                "verb_read_from_words",
                subj_e - len(m.group("subj").split()[-1]),
            )
        )
    return out


def cue_subject_left(tok: Token) -> int:
    subj = subject_of(tok)
    if subj is None:
        return tok.i
    left = subj.left_edge.i
    doc = tok.doc
    while left > 0 and doc[left - 1].is_punct:
        left -= 1
    return left
