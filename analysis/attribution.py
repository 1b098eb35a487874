"""Who said each quoted span, and reported speech without quote marks.

Pure helpers over parsed paragraphs: a speech cue (a reporting verb, "according to", or a noun
such as "promise") is found through the dependency parse, its subject is the speaker, and the
speaker is resolved by the SpeakerBook. Every result names the rule that fired.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from analysis.attribution_rules import AttributionRule, CueKind, explain
from analysis.lexical import form_table, lemma, upos
from analysis.quotes import QuoteChain, word_count
from analysis.records import Mention
from analysis.registry import fold
from analysis.speakers import (
    GROUP_NOUNS,
    PARTY_ROLE,
    ROLE_NOUNS,
    SUBJECT_DEPS,
    TITLE_WORDS,
    UNNAMED_PERSON_HEADS,
    Entity,
    Parsed,
    SpeakerBook,
)

# Reporting verbs (lemmas). Started from the PARC 3.0 attribution cue list and news style guides,
# trimmed to verbs that introduce what someone said.
SPEECH_VERBS = frozenset(
    """
say add warn promise suggest argue claim insist tell state declare announce explain note write
tweet post urge accuse admit acknowledge concede confirm deny reply respond retort vow pledge
predict stress emphasise emphasize maintain contend assert allege complain comment remark recall
reveal boast joke observe ask caution hit brand describe call continue agree disagree told
estimate rule dismiss condemn criticise criticize hail praise welcome slam blast attack defend
chant shout label term charge testify tell concede forecast report insist signal indicate
propose blame reject endorse decry applaud thank recommend threaten reiterate request appeal demand
conclude confess dub herald deride refer mock advise bemoan lament imply tout
think believe fear hope expect know feel suspect worry
find show conclude
""".split()
)
# Verbs whose complement is reported speech even without quote marks (stricter than the above).
REPORTING_VERBS = SPEECH_VERBS - {
    "call",
    "describe",
    "brand",
    "hit",
    "continue",
    "ask",
    "agree",
    "disagree",
    "dismiss",
    "condemn",
    "criticise",
    "criticize",
    "hail",
    "praise",
    "welcome",
    "slam",
    "blast",
    "attack",
    "defend",
    "chant",
    "shout",
    "label",
    "term",
    "charge",
    "signal",
    "indicate",
}
SPEECH_NOUNS = frozenset(
    """
promise pledge vow slogan claim warning words statement remarks message insistence comments
description mantra catchphrase refrain
""".split()
)
# Verbs that make what follows hedged or future: "is expected to announce", "is set to say".
HEDGE_HEADS = frozenset("expect set due likely going plan prepare poise tip schedule hope intend".split())
HEDGE_AUX = frozenset("will would could might may should to shall".split())
NARRATOR_SOURCES = frozenset("data figure figures statistic statistics number numbers record records".split())
SCARE_MARKERS = re.compile(
    r"(?:so-called|so called|dubbed|known as|nicknamed|termed|labelled|labeled|titled|entitled|headlined|"
    r"the term|the phrase|the word|the words|called)\s*[\"“‘']?$",
    re.I,
)
STATEMENT_END = re.compile(r"[.!?…]")
# Head words of a subject that are a title or role, so that a name beside them is the speaker.
ROLE_HEAD_WORDS = (
    frozenset(ROLE_NOUNS)
    | UNNAMED_PERSON_HEADS
    | {
        "minister",
        "secretary",
        "president",
        "senator",
        "governor",
        "chairman",
        "chairwoman",
        "chair",
        "mayor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "attorney",
        "leader",
        "head",
        "chief",
        "director",
    }
)
MIN_FULL_QUOTE_WORDS = 5


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


@dataclass(frozen=True)
class Attribution:
    """Who said a statement, through which mention and cue, by which rule."""

    entity: Entity | None
    mention: Mention | None
    cue: Cue | None
    rule_id: AttributionRule
    confidence: float

    @property
    def rule(self) -> str:
        """The rule in words, for people."""
        return explain(self.rule_id, self.cue.rule if self.cue else None)


def parsed_at(parsed: list[Parsed], pos: int) -> Parsed | None:
    """The parsed paragraph holding character `pos`."""
    for p in parsed:
        if p.base <= pos <= p.base + len(p.text):
            return p
    return None


def _misparsed_report(tok: Token) -> bool:
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


def is_finite_report(tok: Token) -> bool:
    """A reporting verb that states something was said (not "is expected to say", not "will say")."""
    if upos(tok) not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in HEDGE_AUX for c in tok.children):
        return False
    if tok.dep_ in ("xcomp", "amod", "acl", "compound") or (lemma(tok.head) in HEDGE_HEADS and tok.head.i != tok.i):
        return False
    if tok.tag_ == "VBN" and not any(lemma(c) == "have" for c in tok.children):
        return (
            tok.dep_ in ("conj", "ROOT", "advcl", "ccomp")
            and any(c.dep_ in SUBJECT_DEPS for c in tok.children)
            and not any(c.dep_ == "auxpass" for c in tok.children)
        )
    if tok.tag_ == "VB":
        return False
    return True


def subject_of(tok: Token) -> Token | None:
    """The subject of a verb, following conjunctions and participles ("..., adding: ")."""
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and upos(tok.head) in ("NOUN", "PROPN"):
        return tok.head  # "protesters chanting ..."
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":
        reporter = _reporting_ancestor(tok)
        if reporter is not None:
            return reporter  # "X said it would add agents, adding that ...": X adds
    speech_head = tok.head
    while speech_head.head.i != speech_head.i and lemma(speech_head) not in SPEECH_VERBS:
        speech_head = speech_head.head
    subj = _own_subject(tok)
    if (
        subj is not None
        and upos(subj) in ("NOUN",)
        and subj.lower_ not in ("spokesman", "spokeswoman", "spokesperson")
        and tok.dep_ in ("conj", "advcl")
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
        if lemma(head) in SPEECH_VERBS and head.dep_ not in ("ccomp", "xcomp"):
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
        if head.i == head.head.i:
            return None
        head = head.head
    return None


def _own_subject(tok: Token) -> Token | None:
    seen = 0
    while seen < 4:
        seen += 1
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if subjects:
            # two subjects mean a misparse ('"..., people who ...," Melissa Crow said'): the nearer one speaks
            return min(subjects, key=lambda c: abs(c.i - tok.i))
        if tok.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep") and tok.head.i != tok.i:
            tok = tok.head  # "responded by first saying ...": through "by" to the verb it modifies
            continue
        return None
    return None


CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "parataxis", "ccomp"})


def subject_extent(subj: Token) -> tuple[int, int]:
    """Character extent (in the paragraph) of the subject phrase: the whole noun phrase with its
    conjuncts ("U.N. officials and relief workers") and appositions, without relative clauses."""
    cut: set[int] = set()
    for t in subj.subtree:
        if t.i != subj.i and t.dep_ in CLAUSE_DEPS:
            cut |= {x.i for x in t.subtree}
    kept = [t.i for t in subj.subtree if t.i not in cut]
    doc = subj.doc
    left, right = min(kept), max(kept)
    while right > left and (doc[right].is_punct or doc[right].tag_ == "POS"):
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right])


@lru_cache(maxsize=1)
def _speech_candidates() -> frozenset[str]:
    """Lower-cased forms whose form-table lemma is a speech verb or noun, and "according".

    `find_cues` skips every other token without looking it up: most tokens are not cues.
    """
    speech = SPEECH_VERBS | SPEECH_NOUNS
    table = form_table()
    return frozenset(
        {form for form, lem in table.items() if lem in speech} | {w for w in speech if w not in table} | {"according"}
    )


def find_cues(p: Parsed, quoted: list[tuple[int, int]]) -> list[Cue]:
    """Speech cues in one paragraph that are outside quoted text."""
    cues = []
    doc = p.doc
    end = p.base + len(p.text)
    local = sorted((a, b) for a, b in quoted if a < end and b > p.base)
    starts = [a for a, _ in local]

    def outside(tok: Token) -> bool:
        pos = p.base + tok.idx
        i = bisect_right(starts, pos) - 1
        return i < 0 or pos >= local[i][1]

    candidates = _speech_candidates()
    for tok in doc:
        if not tok.lemma_ and tok.lower_ not in candidates:
            continue  # cannot be a speech verb, a speech noun or "according" (see _speech_candidates)
        if not outside(tok):
            continue
        agent = _passive_agent(tok) if lemma(tok) in SPEECH_VERBS and tok.tag_ == "VBN" else None
        if agent is not None:  # "..., as reported by the National Foundation for American Policy"
            s, e = subject_extent(agent)
            cues.append(
                Cue(
                    tok,
                    p.base,
                    p.base + s,
                    p.base + e,
                    tok.text,
                    p.base + tok.idx,
                    p.base + tok.idx + len(tok),
                    "passive_report",
                    p.base + agent.idx,
                )
            )
            continue
        if lemma(tok) in SPEECH_VERBS and (upos(tok) in ("VERB", "AUX") or tok.tag_.startswith("VB")):
            subj = subject_of(tok)
            if subj is None:
                continue
            if subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl" and upos(tok.head) in ("NOUN", "PROPN"):
                subj = tok.head  # "a spokesperson for the OMB, who said ...": the antecedent speaks
            if subj.lower_ in ("it", "this", "that", "which", "there", "what") or lemma(subj) in NARRATOR_SOURCES:
                continue  # "figures show ...": the article's own voice, by our annotation convention
            s, e = subject_extent(subj)
            cues.append(
                Cue(
                    tok,
                    p.base,
                    p.base + s,
                    p.base + e,
                    tok.text,
                    p.base + tok.idx,
                    p.base + tok.idx + len(tok),
                    "speech_verb",
                    p.base + subj.idx,
                )
            )
        elif tok.lower_ == "according" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                s, e = subject_extent(obj)
                cues.append(
                    Cue(
                        tok,
                        p.base,
                        p.base + s,
                        p.base + e,
                        "according to",
                        p.base + tok.idx,
                        p.base + doc[tok.i + 1].idx + 2,
                        "according_to",
                        p.base + obj.idx,
                    )
                )
        elif lemma(tok) in SPEECH_NOUNS and upos(tok) == "NOUN":
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None:
                verb = tok.head
                while verb.dep_ not in ("ROOT",) and upos(verb) not in ("VERB", "AUX") and verb.head.i != verb.i:
                    verb = verb.head
                owner = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if owner is None or owner.lower_ in ("it", "this", "that", "which", "there"):
                continue
            s, e = subject_extent(owner)
            left = tok.left_edge.i if tok.left_edge.dep_ == "compound" else tok.i
            for c in tok.lefts:
                if c.dep_ == "compound":
                    left = min(left, c.i)
            cue_text = doc[left : tok.i + 1].text
            cues.append(
                Cue(
                    tok,
                    p.base,
                    p.base + s,
                    p.base + e,
                    cue_text,
                    p.base + doc[left].idx,
                    p.base + tok.idx + len(tok),
                    "speech_noun",
                    p.base + owner.idx,
                )
            )
    cues.extend(_cues_read_from_words(p, cues, outside))
    return cues


def _passive_agent(tok: Token) -> Token | None:
    """The agent of a passive report set off from what it reports ("as reported by X", "as noted by X")."""
    if tok.dep_ not in ("advcl", "acl") and not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    by = next((c for c in tok.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def cue_subject_name(p: Parsed, cue: Cue, article: str) -> tuple[int, int] | None:
    """Article offsets of the proper name heading a cue's subject ("Gorka declared"), so that the
    speaker book knows the name even when the entity tagger missed it; None for other subjects."""
    if cue.subject_head < 0 or cue.rule not in ("speech_verb", "passive_report"):
        return None
    span = p.doc.char_span(cue.subject_head - p.base, cue.subject_head - p.base + 1, alignment_mode="expand")
    if not span:
        return None
    head = span[0]
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


def _cues_read_from_words(p: Parsed, found: list[Cue], outside: Callable[[Token], bool]) -> list[Cue]:
    """Cues for "A, B and C report that ..." sentences whose verb the parser read as a noun."""
    out = []
    doc = p.doc
    for sent in p.sentences():
        m = LEADING_REPORT.match(sent.text)
        if not m:
            continue
        span = doc.char_span(sent.start_char + m.start("verb"), sent.start_char + m.end("verb"))
        if span is None or any(c.token.i == span[0].i for c in found) or not outside(span[0]):
            continue
        subj_s, subj_e = p.base + sent.start_char + m.start("subj"), p.base + sent.start_char + m.end("subj")
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


def resolve_cue(book: SpeakerBook, cue: Cue) -> tuple[Entity | None, Mention | None]:
    """The entity a cue's subject names."""
    head = cue.base + cue.token.idx
    inside = [
        (ent, mention)
        for mention, ent in book.mention_owner
        if mention.start >= cue.subject_start and mention.end <= cue.subject_end
    ]
    # The mention that holds the subject's head word names the speaker: in "White House press
    # secretary Karoline Leavitt said" that is Leavitt, not the White House.
    possessed = _possessed(book, cue, inside)
    if possessed is not None:
        return _spoke(possessed, head)
    hit = _first_of_coordinated_people(book.text, inside) or next(
        ((ent, m) for ent, m in inside if m.start <= cue.subject_head < m.end), None
    )
    if hit is None and inside:
        head_word = (
            book.text[cue.subject_head :].split(" ", 1)[0].strip(",.;:").lower() if cue.subject_head >= 0 else ""
        )
        named = _named_person_in_apposition(book.text, cue, inside, head_word.split("-")[-1])
        if named is not None:
            hit = named
        elif head_word in GROUP_NOUNS or head_word in UNNAMED_PERSON_HEADS:
            # "Analysts at the Border Policy Institute said": they speak for the institute;
            # "White House officials said": a group, not the White House itself
            hit = None
            for ent, m in inside:
                between = book.text[cue.subject_head : m.start].lower()
                if (
                    ent.kind == "organisation"
                    and m.start > cue.subject_head
                    and re.match(r"^\w+\s+(?:at|from|for|of|with)\s+(?:the\s+)?$", between)
                ):
                    hit = (ent, m)
                    break
        else:
            hit = min(inside, key=lambda x: (x[1].rule == "pronoun", x[1].start))
    if hit is None and not inside:
        hit = book.entity_at(cue.subject_start, cue.subject_end)
    if hit is None:
        text = book.text[cue.subject_start : cue.subject_end]
        hit = book.entity_for_phrase(text, cue.subject_start, cue.subject_end)
    if hit is None and cue.rule == "according_to":
        hit = book.named_source(text, cue.subject_start, cue.subject_end)  # "according to a CNN tally"
    if hit is None and text.strip().lower() in ("he", "she", "they"):
        at = cue.subject_start + len(text) - len(text.lstrip())
        pronoun = Mention(text.strip(), at, at + len(text.strip()), "pronoun")
        hit = _latest_speaker(book, cue.subject_start, pronoun, person=text.strip().lower() != "they")
    if hit is None:
        return None, None
    ent, mention = hit
    subject = book.text[cue.subject_start : cue.subject_end]
    if ent.article_role == PARTY_ROLE and re.fullmatch(
        r"(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,3}" + re.escape(mention.text), subject.strip(" ,")
    ):
        hit = book.party_group(ent, subject, cue.subject_start, cue.subject_end) or hit
        ent, mention = hit
    elif ent.kind == "organisation" and ent.org is None:
        _complete_org_name(ent, subject)
    return _spoke(hit, head)


def _spoke(hit: tuple[Entity, Mention], at: int) -> tuple[Entity, Mention]:
    ent, _ = hit
    if at not in ent.spoke_at:
        ent.spoke_at.append(at)
    return hit


# What someone's organisation or staff is: "Sanders' campaign said", "her office said".
POSSESSED_HEADS = frozenset(
    {
        "campaign",
        "office",
        "team",
        "staff",
        "aide",
        "aides",
        "lawyer",
        "lawyers",
        "attorney",
        "attorneys",
        "camp",
        "allies",
    }
)
POSSESSIVE_PRONOUNS = {"his": "m", "her": "f"}


def _possessed(book: SpeakerBook, cue: Cue, inside: list[tuple[Entity, Mention]]) -> tuple[Entity, Mention] | None:
    """The speaker of "X's campaign said" / "her office said": X's campaign, not X."""
    text = book.text
    if cue.subject_head < 0:
        return None
    head = text[cue.subject_head :].split(" ", 1)[0].strip(",.;:")
    if head.lower() not in POSSESSED_HEADS:
        return None
    before = text[cue.subject_start : cue.subject_head]
    owner = None
    pron = re.search(r"\b(his|her)\s+(?:[\w-]+\s+){0,2}$", before, re.I)
    if pron:
        owner = book.person_before(cue.subject_start + pron.start(), POSSESSIVE_PRONOUNS[pron.group(1).lower()])
    else:
        for ent, m in sorted(inside, key=lambda x: -x[1].end):
            if m.end <= cue.subject_head and re.match(r"[’']s?\s", text[m.end : m.end + 3]) and m.rule != "pronoun":
                owner = ent
                break
    if owner is None:
        return None
    phrase = text[cue.subject_start : cue.subject_end]
    return book.possessed_speaker(owner, head.lower(), cue.subject_start, cue.subject_end) if phrase else None


WORDS_NOUNS = SPEECH_NOUNS | {
    "speech",
    "remark",
    "remarks",
    "comment",
    "phrase",
    "slogan",
    "line",
    "pledge",
    "call",
    "rhetoric",
    "language",
    "jibe",
    "quip",
    "boast",
    "attack",
    "tweet",
    "post",
}


def _names_words(text: str, chain: QuoteChain, p: Parsed) -> bool:
    """Whether a quote after a possessive is that person's words: a slogan ("Starmer's 'take back
    control'"), a phrase ("Clinton's 'basket of deplorables'") or words followed by a speech noun
    ("Starmer's 'island of strangers' speech"); not a clause about them ("Sir Keir's 'entire visit
    is pure theatre'")."""
    after = re.match(r"[”\"’']*\s*([\w-]+)", text[chain.end : chain.end + 30])
    if after and after.group(1).lower() in WORDS_NOUNS:
        return True
    span = p.doc.char_span(chain.start - p.base, min(chain.end, chain.parts[0].end) - p.base, alignment_mode="expand")
    if not span:
        return False
    # a slogan ("take back control") or a noun phrase ("basket of deplorables") is the owner's;
    # a clause ("entire visit is pure theatre") is someone else's words about the owner
    return span[0].tag_ == "VB" or not any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") for t in span)


def _quoted_from(book: SpeakerBook, quote_start: int) -> tuple[Entity, Mention] | None:
    """ "Badenoch responded to Starmer's 'take back control'": words quoted with a speaker's
    possessive before them are that speaker's, whoever quotes them."""
    lead = book.text[max(0, quote_start - 60) : quote_start - 1]
    m = re.search(r"([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3})[’']s?\s*$", lead)
    if not m:
        return None
    s = quote_start - 1 - len(lead) + m.start(1)
    e = s + len(m.group(1))
    hit = next(((ent, men) for men, ent in book.mention_owner if men.start <= s < men.end or s <= men.start < e), None)
    if hit is None or hit[0].kind != "person":
        return None
    return hit


def _first_of_coordinated_people(text: str, inside: list[tuple[Entity, Mention]]) -> tuple[Entity, Mention] | None:
    """ "Chairman Jerrold Nadler and chairwoman Zoe Lofgren said": a joint statement is given to the
    first person named (the others are its co-speakers)."""
    people = sorted(((e, m) for e, m in inside if e.kind == "person" and m.rule != "pronoun"), key=lambda x: x[1].start)
    for (a, ma), (b, mb) in zip(people, people[1:]):
        if a is not b and re.search(r"\band\b", text[ma.end : mb.start]):
            return a, ma
    return None


def _latest_speaker(book: SpeakerBook, pos: int, pronoun: Mention, *, person: bool) -> tuple[Entity, Mention] | None:
    """A pronoun the book could not resolve ("The minister said X but he warned Y"): the speaker who
    spoke last before it, when that was within the same stretch of text."""
    spoken = [
        (max(at for at in e.spoke_at if at < pos), e)
        for e in book.entities
        if (e.kind == "person") == person and any(at < pos for at in e.spoke_at)
    ]
    if not spoken:
        return None
    at, ent = max(spoken, key=lambda x: x[0])
    if pos - at > 300:
        return None
    return ent, pronoun


ORG_NAME_END = re.compile(r"\s*(?:\(|[–—-]\s|,|$)")


def _complete_org_name(ent: Entity, subject: str) -> None:
    """ "The Association of Public and Land-grant Universities (APLU) – an advocacy ...": the tagger
    often cuts an organisation's name short; the subject phrase, up to a bracket or dash, gives it whole."""
    phrase = subject.strip(" ,")
    abbreviation = re.match(r"[^(]*\([A-Z&]{2,8}\)", phrase)
    cut = ORG_NAME_END.search(phrase)
    assert cut is not None  # the pattern ends in "$": it always matches
    phrase = abbreviation.group(0) if abbreviation else phrase[: cut.start()].strip()
    words = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I).replace("(", "").split()
    if (
        len(phrase) > len(ent.name)
        and fold(ent.name).removeprefix("the ") in fold(phrase)
        and all(w[0].isupper() or w in ("for", "of", "and", "the", "on", "in", "&") for w in words)
        and len(words) <= 12
    ):
        ent.name = phrase[0].upper() + phrase[1:]  # as the article names it, article and abbreviation included


def _named_person_in_apposition(
    text: str, cue: Cue, inside: list[tuple[Entity, Mention]], head_word: str
) -> tuple[Entity, Mention] | None:
    """ "The Minister for Home Affairs Peter Dutton said", "Carter's press secretary, Peter Cook, told":
    a title or role at the head, and the person it names beside it. A possessor ("Carter's") and a
    name after a preposition ("an attorney with ...") are not that person."""
    if head_word not in ROLE_HEAD_WORDS:
        return None
    for ent, m in sorted(inside, key=lambda x: x[1].start):
        if ent.kind != "person" or m.rule == "pronoun":
            continue
        if re.match(r"[’']s?\b", text[m.end : m.end + 2]):
            continue
        before = text[cue.subject_start : m.start].lower()
        if re.search(r"\b(?:of|at|with|from|for|by|to)\s+(?:the\s+)?$", before):
            continue
        return ent, m
    return None


def attribute_chain(
    chain: QuoteChain,
    book: SpeakerBook,
    parsed: list[Parsed],
    cues_by_para: dict[int, list[Cue]],
    previous: Attribution | None,
    previous_end: int,
) -> Attribution | None:
    """The speaker of one quoted statement; None means it is not speech (scare quote, title)."""
    text = book.text
    first = chain.parts[0]
    p = parsed_at(parsed, first.start)
    quote_text = text[chain.start : chain.end]
    words = word_count(quote_text)
    stripped = quote_text.rstrip()
    full = (
        words >= MIN_FULL_QUOTE_WORDS
        or bool(STATEMENT_END.search(stripped[:-1] or "x"))
        or (stripped[:1].isupper() and stripped[-1:] in ".!?…" and words >= 2)
    )  # "That is now changing."
    if p is None:
        return Attribution(None, None, None, "unparsed", 0.0)
    owner = _quoted_from(book, first.start) if _names_words(text, chain, p) else None
    if owner is not None:
        return Attribution(owner[0], owner[1], None, "quoted_from_another", 0.75)
    best: tuple[float, Cue] | None = None
    # A quote over several paragraphs is attributed where its speaker is named: usually after its
    # first paragraph, sometimes only after its last ("..., Mr Dutton said.").
    for k, part in enumerate(chain.parts):
        pp = p if k == 0 else parsed_at(parsed, part.start)
        if pp is None:
            continue
        later = k > 0  # a cue around a later part counts only when that part closes the quote
        if later and part is not chain.parts[-1]:
            continue
        found = _best_cue(part.start, part.end, pp, cues_by_para.get(pp.base, []), full)
        if found is not None and (best is None or found[0] + (50 if later else 0) < best[0]):
            best = (found[0] + (50 if later else 0), found[1])
    linked = best is not None and best[0] < -500  # the quote sits in the cue's own clause
    lead = text[max(0, first.start - 40) : first.start - 1]
    if not full and not linked and SCARE_MARKERS.search(lead.rstrip()):
        return None  # "the so-called 'revolving door'": the narrator's scare quote
    if (
        not full
        and all(
            w[:1].isupper() or w.lower() in ("of", "for", "the", "and", "in", "a", "to")
            for w in re.findall(r"[\w’'-]+", quote_text)
        )
        and quote_text[:1].isupper()
    ):
        return None  # "Liberation Day", "Plan for Change": a name or title, not speech
    if best is None:
        prev_para = _previous_paragraph_cue(p, parsed, cues_by_para)
        if prev_para is not None and full:
            ent, mention = resolve_cue(book, prev_para)
            return Attribution(ent, mention, prev_para, "cue_ends_previous_paragraph", 0.8)
        if not full:
            return None  # a short quoted phrase with no one saying it: scare quote or title
        if (
            previous is not None
            and previous.entity is not None
            and chain.start - previous_end < 400
            and _opens_paragraph(text, first.start, p)
        ):
            return Attribution(previous.entity, previous.mention, previous.cue, "continues_previous_speaker", 0.6)
        return Attribution(None, None, None, "no_cue", 0.0)
    cue = best[1]
    ent, mention = resolve_cue(book, cue)
    rule: AttributionRule = "cue_before_quote" if cue.start < chain.start else "cue_after_quote"
    return Attribution(ent, mention, cue, rule, 0.9 if ent is not None else 0.3)


def _best_cue(q_lo: int, q_hi: int, p: Parsed, cues: list[Cue], full: bool) -> tuple[float, Cue] | None:
    """The cue in paragraph `p` that best explains the quoted piece [q_lo, q_hi), with its score
    (lower is better): a cue whose clause holds the quote, then one in the same sentence, then the nearest."""
    sent = p.sentence_at(q_lo - p.base)
    best: tuple[float, Cue] | None = None
    for cue in cues:
        cue_sent = p.sentence_at(cue.start - p.base)
        dist = q_lo - cue.end if cue.start < q_lo else cue.start - q_hi
        same_sentence = sent is not None and cue_sent is not None and cue_sent.start == sent.start
        linked = _linked(cue, q_lo - p.base, q_hi - p.base, p)
        if not full and not (same_sentence or linked):
            continue
        if not same_sentence and not linked and dist > 120:
            continue
        score = dist - (1000 if linked else 0) - (200 if same_sentence else 0)
        if (
            cue.rule == "speech_verb"
            and upos(cue.token) == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.token.children)
        ):
            score += 1100  # "want the court to declare that ...": wished for, not said; the outer report speaks
        if best is None or score < best[0]:
            best = (score, cue)
    return best


def _linked(cue: Cue, q_start: int, q_end: int, p: Parsed) -> bool:
    """The quote sits in the cue's clause (its complement, or its subject's noun phrase for nouns)."""
    for tok in cue.token.subtree:
        if q_start <= tok.idx < q_end:
            return True
    tok = cue.token
    head = tok.head
    for t in p.doc:
        if q_start <= t.idx < q_end and (t.head.i == tok.i or t.head.i == head.i and head.i != tok.i):
            return True
    return False


def _opens_paragraph(text: str, quote_start: int, p: Parsed) -> bool:
    return text[p.base : quote_start].strip() in ("“", '"', "‘", "'", "«", "„", "''")


def _previous_paragraph_cue(p: Parsed, parsed: list[Parsed], cues_by_para: dict[int, list[Cue]]) -> Cue | None:
    """ "Sir Keir said:" closing the previous paragraph introduces this one."""
    idx = parsed.index(p)
    if idx == 0:
        return None
    prev = parsed[idx - 1]
    if not prev.text.rstrip().endswith(":"):
        return None
    cues = cues_by_para.get(prev.base, [])
    return cues[-1] if cues else None


GLUE_WORDS = frozenset("that and but or as he she it they we i the a an said says".split())
MIN_PARAPHRASE_WORDS = 1


def paraphrase_beyond_quotes(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether reported speech says more than the quoted words inside it: "alleges the administration
    has 'manipulated the courts'" is a report of its own with a quoted fragment; "said 'we will win'"
    is only the quote."""
    inside = [(max(a, start), min(b, end)) for a, b in quoted if a < end and b > start]
    if not inside:
        return True
    pieces, pos = [], start
    for a, b in sorted(inside):
        pieces.append(text[pos : max(pos, a - 1)])
        pos = max(pos, b + 1)
    pieces.append(text[pos:end])
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", " ".join(pieces)) if w.lower() not in GLUE_WORDS]
    return len(words) >= MIN_PARAPHRASE_WORDS


def _close_open_quote(text: str, start: int, end: int) -> int:
    """Extend reported speech to the closing mark of a quote it opens ('... had become "a national
    embarrassment.' -> '... embarrassment."'): the quotation marks inside a report belong to it."""
    piece = text[start:end]
    opened = sum(piece.count(m) for m in "“") - piece.count("”") + (piece.count('"') % 2)
    if opened <= 0:
        return end
    m = re.match(r"[.,!?…]?[”\"]", text[end : end + 3])
    return end + m.end() if m else end


def reported_speech(
    p: Parsed, book: SpeakerBook, cues: list[Cue], quoted: list[tuple[int, int]]
) -> list[tuple[int, int, Cue]]:
    """Reported speech without quote marks: (start, end, cue) of each content clause."""
    out = []
    doc = p.doc
    for cue in cues:
        tok = cue.token
        if cue.rule == "speech_noun" or (
            cue.rule in ("speech_verb", "passive_report", "verb_read_from_words")
            and lemma(tok) not in REPORTING_VERBS
            and lemma(tok) not in OBJECT_SPEECH_VERBS
        ):
            continue
        misparsed = cue.rule == "speech_verb" and _misparsed_report(tok)
        if cue.rule == "speech_verb" and not is_finite_report(tok) and not misparsed:
            continue
        local = [(a - p.base, b - p.base) for a, b in quoted]
        sent = p.sentence_at(tok.idx) or tok.sent
        spans = (
            _trimmed(doc, tok.i + 1 + (doc[tok.i + 1].lower_ == "that"), sent.end - 1)
            if misparsed
            else _content_span(tok, cue, doc, local, sent)
        )
        for s, e in spans:
            abs_s, abs_e = p.base + s, p.base + e
            abs_e = _close_open_quote(book.text, abs_s, abs_e)
            if not paraphrase_beyond_quotes(book.text, abs_s, abs_e, quoted):
                continue  # only quoted words (and "that"): the quote itself is the statement
            if len(doc.char_span(s, e, alignment_mode="expand") or []) < 2:
                continue
            out.append((abs_s, abs_e, cue))
    out.extend(_trailing_attributions(p, out, quoted))
    return out


# "..., U.S. Immigration and Customs Enforcement said Wednesday." The parser often hangs such a
# trailing attribution on the wrong clause, so it is read from the words as well.
TRAILING = re.compile(
    r"^(?P<content>.{15,}?),\s+(?P<subj>(?:the |a |an )?[\w.’'&-]+(?: [\w.’'&-]+){0,9}?)\s+"
    r"(?P<verb>(?:has |have |had )?(?:said|says|added|warned|claimed|argued|stated|confirmed|announced|"
    r"insisted|noted|wrote|reported|estimated|told reporters|told [A-Z][\w ]{2,30}?))"
    r"(?:,? (?:on |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"last week|this week|in a statement|on Twitter|on X|in an interview)\b)*\s*(?:[.;!?]\W*)?$"
)


def _trailing_attributions(
    p: Parsed, found: list[tuple[int, int, Cue]], quoted: list[tuple[int, int]]
) -> Iterator[tuple[int, int, Cue]]:
    doc = p.doc
    for sent in p.sentences():
        m = TRAILING.match(sent.text)
        if not m:
            continue
        s = p.base + sent.start_char + m.start("content")
        e = p.base + sent.start_char + m.end("content")
        if any(a < e and b > s for a, b, _ in found) or any(a < e and b > s for a, b in quoted):
            continue
        subj_s = p.base + sent.start_char + m.start("subj")
        subj_e = p.base + sent.start_char + m.end("subj")
        if m.group("subj").split()[0].lower() in ("it", "this", "that", "which", "who", "and", "but"):
            continue
        verb_s = sent.start_char + m.start("verb")
        span = doc.char_span(verb_s, sent.start_char + m.end("verb"), alignment_mode="expand")
        if span is None:
            continue
        verb = next((t for t in span if lemma(t) in SPEECH_VERBS), span[-1])
        cue = Cue(
            verb,
            p.base,
            subj_s,
            subj_e,
            m.group("verb"),
            p.base + verb_s,
            p.base + sent.start_char + m.end("verb"),
            "verb_after_content",
            subj_e - len(m.group("subj").split()[-1]),
        )
        yield s, e, cue


_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TRAILING_TIME = re.compile(
    rf",?\s+(?:on\s+{_DAY}|{_DAY}(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:earlier|later)\s+this\s+(?:week|month))$"
)
CUT_CLAUSE = re.compile(r"\s*,?\s+(?:as|after|before|when|while|because|since)\s+(?:he|she|they|it)\b", re.I)


def _content_span(
    tok: Token, cue: Cue, doc: Doc, quoted: list[tuple[int, int]], sent: SpacySpan
) -> list[tuple[int, int]]:
    """Character spans (in the paragraph) of what the cue reports; several when quotes interrupt it."""
    if cue.rule == "according_to":
        to = doc[tok.i + 1]
        phrase_end = max(t.i for t in to.subtree)
        rest_tokens = [t for t in sent if not (tok.i <= t.i <= phrase_end) and not t.is_punct]
        if not rest_tokens:
            return []
        while phrase_end > tok.i + 1 and doc[phrase_end].is_punct:
            phrase_end -= 1  # the comma that closes an apposition belongs to the sentence
        resume = phrase_end + 1
        words_after = [t for t in doc[resume : sent.end] if not t.is_punct]
        if tok.i > sent.start + 1 and len(words_after) >= 3 and resume < len(doc) and doc[resume].text == ",":
            # "At the heart of it, according to Ross, was a decision ...": one statement, two pieces
            return _trimmed(doc, sent.start, tok.i - 1, min_words=1) + _trimmed(doc, resume + 1, sent.end - 1)
        if tok.i > sent.start + 1:
            first, last = sent[0], doc[tok.i - 1]
        elif resume >= sent.end:
            return []  # "The according to minister": one word before the phrase and none after it
        else:
            first, last = doc[resume], sent[-1]
        return _trimmed(doc, first.i, last.i)
    if cue.rule == "verb_read_from_words":
        that = tok.i + 1 if tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "that" else tok.i
        return _trimmed(doc, that + 1, sent.end - 1)
    if cue.rule == "passive_report":
        lead = tok.left_edge.i
        if lead <= sent.start + 1:
            return _trimmed(doc, tok.right_edge.i + 1, sent.end - 1)
        return _trimmed(doc, sent.start, lead - 1)
    comps = [c for c in tok.children if c.dep_ == "ccomp"] or misparsed_report_clause(tok, doc)
    after = [c for c in comps if c.i > tok.i]
    interjected = _interjected_report(tok, doc, sent)
    if interjected is not None:
        return interjected
    if not after and (comps or (tok.dep_ in ("ccomp", "parataxis", "conj") and tok.head.i < tok.i)):
        # "Arrests rose, ICE said Wednesday." / "..., the Home Office has said": reported before the verb,
        # set off by a comma (not "to fill what she called a black hole")
        left = min(cue_subject_left(tok), tok.i)  # "..., said Howard Rubel": the verb comes first
        set_off = (
            doc[left].is_punct or left > sent.start and doc[left - 1].text in (",", "—", "–", "-", ":", "”", '"', "’")
        )
        if left <= sent.start or not set_off:
            return []
        return _trimmed(doc, sent.start, left - 1)
    if not after:
        return _object_content(tok, doc) if lemma(tok) in OBJECT_SPEECH_VERBS else []
    units: list[set[int]] = []
    for comp in after:
        units.extend(_clause_units(comp))
    ranges = []
    for unit in units:
        lo, hi = min(unit), max(unit)
        cut = CUT_CLAUSE.search(doc[lo : hi + 1].text)
        if cut and cut.start() > 10:  # "..., as he warned ...": the narrator's framing, not the report
            limit = doc[lo].idx + cut.start()
            hi = max(i for i in range(lo, hi + 1) if doc[i].idx < limit)
        ranges.append((lo, hi))
    spans: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        # "said, speaking on condition of anonymity, that ...": the report starts after "that"
        mark = next((i for i in range(lo, min(hi, lo + 12)) if doc[i].lower_ == "that" and doc[i].dep_ == "mark"), None)
        if mark is not None and mark > lo and any(doc[i].is_punct for i in range(lo, mark)):
            lo = mark + 1
        gap = range(spans[-1][1] + 1, lo) if spans else range(0)
        starts_new_report = any(doc[i].lower_ == "that" and doc[i].dep_ == "mark" for i in range(lo, min(lo + 3, hi)))
        if (
            spans
            and lo <= spans[-1][1] + 3
            and not starts_new_report
            and all(doc[i].is_punct or doc[i].dep_ in ("cc", "mark") for i in gap)
        ):
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    out = []
    for lo, hi in spans:
        out.extend(_trimmed(doc, lo, hi))
    return out


# Between a speech verb and a clause the parser hung elsewhere: only time, place and occasion.
ADVERBIAL_DEPS = frozenset(
    {"advmod", "npadvmod", "prep", "pobj", "det", "compound", "amod", "nummod", "poss", "case", "dative"}
)


def misparsed_report_clause(tok: Token, doc: Doc) -> list[Token]:
    """The reported clause when the parser did not make it the verb's complement."""
    # "said earlier on Friday during a news conference that he may wait": the clause hung on
    # "conference"; a "that" marking a clause (not a relative pronoun) after adverbials only
    mark = next(
        (
            t
            for t in tok.subtree
            if t.i > tok.i
            and t.lower_ == "that"
            and t.dep_ == "mark"
            and t.head.i != tok.i
            and upos(t.head) in ("VERB", "AUX")
        ),
        None,
    )
    if mark is not None and mark.i - tok.i <= 12:
        if all(t.is_punct or t.dep_ in ADVERBIAL_DEPS for t in doc[tok.i + 1 : mark.i]):
            return [mark.head]
    # "He said legalizing it could put thousands to work": a gerund subject read as the verb's xcomp
    gerund = next((c for c in tok.children if c.dep_ == "xcomp" and c.i == tok.i + 1 and c.tag_ == "VBG"), None)
    if gerund is not None and any(t.dep_ == "ccomp" and t.i > gerund.i for t in gerund.children):
        return [gerund]
    return []


# Speech acts whose content is an object or an infinitive, not a clause: "urged immediate action",
# "called on Congress to act", "pledged to intensify joint work", "accused the department of ...".
OBJECT_SPEECH_VERBS = frozenset(
    """
urge call pledge promise vow demand propose criticise criticize condemn welcome praise blame accuse deny
reject dismiss defend endorse decry slam blast applaud hail thank recommend announce threaten warn offer
attack request reiterate insist appeal report advise
""".split()
)
OBJECT_DEPS = frozenset({"dobj", "xcomp", "prep", "dative", "ccomp", "attr"})
# "calling him 'a total stiff'", "described it as 'a shambles'": the quoted words are the statement.
NAMING_VERBS = frozenset({"call", "describe", "brand", "label", "term", "dub", "name"})


def _interjected_report(tok: Token, doc: Doc, sent: SpacySpan) -> list[tuple[int, int]] | None:
    """ "The plan, the senator said, would fail": a report set off by commas inside the sentence it
    reports gives one statement in two pieces, the words before and after it."""
    if tok.dep_ != "parataxis" or tok.head.i < tok.i:
        return None
    left = min(cue_subject_left(tok), tok.i)
    while left < tok.i and doc[left].is_punct:
        left += 1
    comma_before = left - 1
    comma_after = next((i for i in range(tok.i + 1, min(sent.end, tok.i + 8)) if doc[i].text == ","), None)
    if comma_before < sent.start or doc[comma_before].text != "," or comma_after is None:
        return None
    pieces = []
    # "measures that, Mayorkas says, will lead to ...": what comes before the relative word is the
    # narrator's; "The plan, the senator said, would fail" reports both pieces
    relative = doc[comma_before - 1].lower_ in ("that", "which", "who") if comma_before > sent.start else False
    if comma_before - sent.start >= 1 and not relative:
        pieces.extend(_trimmed(doc, sent.start, comma_before - 1, min_words=1))
    pieces.extend(_trimmed(doc, comma_after + 1, sent.end - 1))
    return pieces


def _object_content(tok: Token, doc: Doc) -> list[tuple[int, int]]:
    """What a speech act without a complement clause reports: its object and what follows it
    ("immediate action on the fate of 800,000 people"), up to a comma that starts an aside."""
    kids = [c for c in tok.rights if c.dep_ in OBJECT_DEPS]
    if not kids:
        return []
    if lemma(tok) in NAMING_VERBS and (
        any(c.dep_ == "oprd" for c in tok.children) or any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
    ):
        return []
    if lemma(tok) == "call" and not any(
        c.dep_ in ("prep", "xcomp") and (c.lower_ in ("for", "on") or c.dep_ == "xcomp") for c in tok.children
    ):
        return []  # "called the plan a disaster" names, "called for a vote" / "called on X to" asks
    lo = kids[0].left_edge.i
    hi = lo
    for c in tok.rights:
        if c.i < lo:
            continue
        if c.dep_ in OBJECT_DEPS:
            hi = max(hi, c.right_edge.i)
        elif c.dep_ == "punct" and c.i > hi:
            break
    if doc[lo].dep_ == "prep" and doc[lo].head.i == tok.i and doc[lo].lower_ in ("on", "for", "to"):
        lo += 1  # "called on Congress to ..." reports "Congress to ..."
    for i in range(lo + 2, hi + 1):
        # "urged action on X Monday, using a procedural move": the participle is how, not what
        if doc[i].tag_ == "VBG" and doc[i - 1].text == "," and lemma(doc[i]) not in ("include", "involve"):
            hi = i - 2
            break
    return _trimmed(doc, lo, hi) if hi - lo >= 1 else []


def _clause_units(root: Token) -> list[set[int]]:
    """A clause and each clause conjoined to it ("X and that Y") as separate sets of token indices.
    A conjoined speech verb ("... but warned that ...", "..., adding that ...") is a report of its
    own, found through its own cue: it is left out here."""
    conjs = [
        c
        for c in root.children
        if (c.dep_ == "conj" and upos(c) in ("VERB", "AUX"))
        or (c.dep_ == "advcl" and c.tag_ == "VBG" and lemma(c) in SPEECH_VERBS)
    ]
    own = {t.i for t in root.subtree}
    for c in conjs:
        own -= {t.i for t in c.subtree}
    units = [own]
    for c in conjs:
        if lemma(c) not in SPEECH_VERBS:
            units.extend(_clause_units(c))
    return units


def _trimmed(doc: Doc, lo: int, hi: int, *, min_words: int = 3) -> list[tuple[int, int]]:
    while lo <= hi and (
        doc[lo].is_punct
        or doc[lo].dep_ in ("cc", "mark")
        and doc[lo].lower_ in ("and", "that", "but", "or")
        or doc[lo].is_space
    ):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ == "cc"):
        hi -= 1
    if hi - lo < min(2, min_words - 1):
        return []
    s, e = doc[lo].idx, doc[hi].idx + len(doc[hi])
    m = CUT_CLAUSE.search(doc[lo : hi + 1].text)
    if m and m.start() > 10:
        e = s + m.start()
    span_text = doc[lo : hi + 1].text[: e - s]  # doc.text would rebuild the whole paragraph
    when = TRAILING_TIME.search(span_text)
    if when and when.start() > 0:
        e = s + when.start()  # "... to act earlier this month": when it was said, not what
        span_text = span_text[: when.start()]
    if len(span_text.split()) < min_words:
        return []  # "criticized the plan": too little to be a statement of its own
    return [(s, e)]


def cue_subject_left(tok: Token) -> int:
    subj = subject_of(tok)
    if subj is None:
        return tok.i
    left = subj.left_edge.i
    doc = tok.doc
    while left > 0 and doc[left - 1].is_punct:
        left -= 1
    return left
