"""Who said each quoted statement: the cue that explains a quote chain, and the speaker it names.

The rule engine is split by job:
- `analysis.speech_words`: the reporting verbs and speech nouns;
- `analysis.cues`: speech cues in a parsed paragraph and their subject phrases;
- `analysis.cue_speakers`: the entity a cue's subject names (`resolve_cue`);
- `analysis.reported_speech`: what a cue reports without quote marks (`reported_speech`);
- this module: which cue, if any, a quoted statement belongs to (`attribute_chain`).
Every result names the rule that fired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.attribution_rules import AttributionRule, explain
from analysis.cue_speakers import resolve_cue
from analysis.cues import CLAUSE_VERB_TAGS, Cue, in_relative_clause
from analysis.entities import Entity
from analysis.lexical import upos
from analysis.parsed import Parsed
from analysis.quotes import QuoteChain, word_count
from analysis.records import Mention
from analysis.resolution import subject_roles
from analysis.speakers import SpeakerBook
from analysis.speech_words import SPEECH_NOUNS

SCARE_MARKERS = re.compile(
    r"(?:so-called|so called|dubbed|known as|nicknamed|termed|labelled|labeled|titled|entitled|headlined|"
    r"the term|the phrase|the word|the words|called)\s*[\"“‘']?$",
    re.I,
)
STATEMENT_END = re.compile(r"[.!?…]")
MIN_FULL_QUOTE_WORDS = 5


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
    return span[0].tag_ == "VB" or not any(t.tag_ in CLAUSE_VERB_TAGS for t in span)


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
    full = _full_statement(quote_text)
    if p is None:
        return Attribution(None, None, None, "unparsed", 0.0)
    owner = _quoted_from(book, first.start) if _names_words(text, chain, p) else None
    if owner is not None:
        return Attribution(owner[0], owner[1], None, "quoted_from_another", 0.75)
    best = _best_cue_of_chain(chain, p, parsed, cues_by_para, full)
    linked = best is not None and best[0] < -500  # the quote sits in the cue's own clause
    if not full and (_scare_quoted(text, first.start, linked) or _name_or_title(quote_text)):
        return None
    if best is None:
        return _without_cue(chain, book, p, parsed, cues_by_para, previous, previous_end, full=full)
    cue = best[1]
    ent, mention = resolve_cue(book, cue)
    rule: AttributionRule = "cue_before_quote" if cue.start < chain.start else "cue_after_quote"
    return Attribution(ent, mention, cue, rule, 0.9 if ent is not None else 0.3)


def _full_statement(quote_text: str) -> bool:
    """Whether quoted words are a statement, not a phrase: long enough, or a sentence ("That is now changing.")."""
    words = word_count(quote_text)
    stripped = quote_text.rstrip()
    return (
        words >= MIN_FULL_QUOTE_WORDS
        or bool(STATEMENT_END.search(stripped[:-1] or "x"))
        or (stripped[:1].isupper() and stripped[-1:] in ".!?…" and words >= 2)
    )


def _best_cue_of_chain(
    chain: QuoteChain, p: Parsed, parsed: list[Parsed], cues_by_para: dict[int, list[Cue]], full: bool
) -> tuple[float, Cue] | None:
    """The best cue for a chain with its score. A quote over several paragraphs is attributed where
    its speaker is named: usually after its first paragraph, sometimes only after its last
    ("..., Mr Dutton said.")."""
    best: tuple[float, Cue] | None = None
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
    return best


def _scare_quoted(text: str, quote_start: int, linked: bool) -> bool:
    """ "the so-called 'revolving door'": the narrator's scare quote."""
    lead = text[max(0, quote_start - 40) : quote_start - 1]
    return not linked and bool(SCARE_MARKERS.search(lead.rstrip()))


def _name_or_title(quote_text: str) -> bool:
    """ "Liberation Day", "Plan for Change": a name or title, not speech."""
    return (
        all(
            w[:1].isupper() or w.lower() in ("of", "for", "the", "and", "in", "a", "to")
            for w in re.findall(r"[\w’'-]+", quote_text)
        )
        and quote_text[:1].isupper()
    )


def _without_cue(
    chain: QuoteChain,
    book: SpeakerBook,
    p: Parsed,
    parsed: list[Parsed],
    cues_by_para: dict[int, list[Cue]],
    previous: Attribution | None,
    previous_end: int,
    *,
    full: bool,
) -> Attribution | None:
    """A statement with no cue of its own: a cue closing the previous paragraph ("Sir Keir said:"),
    or the previous quote's speaker when it opens the next paragraph."""
    prev_para = _previous_paragraph_cue(p, parsed, cues_by_para)
    if prev_para is not None and full:
        ent, mention = resolve_cue(book, prev_para)
        return Attribution(ent, mention, prev_para, "cue_ends_previous_paragraph", 0.8)
    if not full:
        return None  # a short quoted phrase with no one saying it: scare quote or title
    introduced = _colon_intro(book, parsed, p, chain.parts[0].start)
    if introduced is not None:
        return Attribution(introduced[0], introduced[1], None, "colon_intro", 0.5)
    if (
        previous is not None
        and previous.entity is not None
        and chain.start - previous_end < 400
        and (
            _opens_paragraph(book.text, chain.parts[0].start, p)
            or _follows_its_attribution(book.text, chain, p, previous)
        )
    ):
        return Attribution(previous.entity, previous.mention, previous.cue, "continues_previous_speaker", 0.6)
    reporter = _reporter_of_previous_paragraph(book, chain, p, parsed, cues_by_para, previous_end)
    if reporter is not None:
        return reporter
    return Attribution(None, None, None, "no_cue", 0.0)


def _reporter_of_previous_paragraph(
    book: SpeakerBook,
    chain: QuoteChain,
    p: Parsed,
    parsed: list[Parsed],
    cues_by_para: dict[int, list[Cue]],
    previous_end: int,
) -> Attribution | None:
    """ "Senator Sarah Hanson-Young says her country is not supporting people who need help." and
    then a paragraph that is only a quote: the quote is hers. Only for a quote that opens its
    paragraph, after a paragraph with a report and no quote of its own."""
    idx = parsed.index(p)
    if idx == 0 or not _opens_paragraph(book.text, chain.parts[0].start, p):
        return None
    prev = parsed[idx - 1]
    if previous_end > prev.base:
        return None  # the paragraph before holds a quote: its speaker is the one that continues
    cues = [c for c in cues_by_para.get(prev.base, []) if c.rule in ("speech_verb", "according_to")]
    if not cues:
        return None
    ent, mention = resolve_cue(book, cues[-1])
    if ent is None:
        return None
    return Attribution(ent, mention, cues[-1], "reporter_of_previous_paragraph", 0.5)


def _colon_intro(book: SpeakerBook, parsed: list[Parsed], p: Parsed, quote_start: int) -> tuple[Entity, Mention] | None:
    """ "Kaine has taken the stance of many Catholics: "I'm pro-life ..."": a sentence of the quote's
    paragraph that names a person and ends in a colon just before the quote introduces their words.
    The subject is the speaker; with no named subject, the one person the sentence names."""
    lead = book.text[p.base : quote_start].rstrip().rstrip("“\"‘'«„").rstrip()
    if not lead.endswith(":") or p is parsed[0]:  # a headline's "Name: claim" is the headline rule's
        return None
    colon = p.base + len(lead) - 1
    sent = p.sentence_at(colon - p.base)
    begin = p.base + (sent.start_char if sent is not None else 0)
    people = [(ent, m) for m, ent in book.mention_owner if begin <= m.start and m.end <= colon and ent.kind == "person"]
    subjects = [(ent, m) for ent, m in people if subject_roles(parsed, m)[0]]
    if subjects:
        return min(subjects, key=lambda pair: pair[1].start)
    if people and len({ent.id for ent, _ in people}) == 1:
        return people[0]
    return None


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
        if (
            not linked
            and cue.start < q_lo
            and in_relative_clause(cue.token)
            and _opens_sentence_after(p, cue.end, q_lo)
        ):
            continue  # "an adviser who has advised X." describes someone; it does not introduce the next quote
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


def _opens_sentence_after(p: Parsed, lo: int, quote_start: int) -> bool:
    """The quote opens a sentence that starts after `lo`, whatever the parser's sentence boundaries say."""
    return bool(re.search(r"[.!?][”\"’']*\s*[“\"‘']*\s*$", p.text[lo - p.base : quote_start - p.base]))


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


def _follows_its_attribution(text: str, chain: QuoteChain, p: Parsed, previous: Attribution) -> bool:
    """ "“...,” said Dan Kildee, a Michigan Democrat who flew to Germany. “This is ...”": a quote that
    opens the sentence after the previous quote's own attribution, in the same paragraph."""
    cue = previous.cue
    if cue is None or not p.base <= cue.start < chain.start:
        return False
    between = text[cue.end : chain.parts[0].start]
    # 'Corker said they were "meticulous" about it. "If we ...': phrases the same report quoted
    # on the way do not break it
    unquoted = QUOTED_PHRASE.sub("", between[:-2])
    return bool(re.search(r"[.!?][”\"’']*\s*[“\"‘']*\s*$", between)) and not re.search(r"[“”\"]", unquoted)


QUOTED_PHRASE = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"")


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
