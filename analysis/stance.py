"""Where a quote stands on migration, and toward the government of the article's country.

Two steps, so that each can be tested on small inputs and a correction can redo the second:

1. `read(text, ...)`: what the words say, whoever said them: phrase cues (data/stance_lexicon.json)
   and the parse rules of analysis/stance_scope.py, as Evidence with offsets. Criticism is
   sorted by whom it is aimed at (the government, or the opposition and previous governments).
2. `decide(evidence, relation)`: the labels, from that evidence and the speaker's relation to the
   incumbent government (analysis/government.py), each with the ids of the rules used
   (analysis/stance_rules.py) and a confidence.

Sentiment is not stance: "weak, spineless", aimed at a government's migration record, is a
restrictive position. Nothing is copied between quotes: a quote with no cue of its own stays
neutral, with a confidence that says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from analysis.government import Relation, SpeakerFacts, Voice, relation, sides
from analysis.records import Evidence, Stance
from analysis.registry import Registry, load_registry
from analysis.scope_relations import object_class
from analysis.scope_words import Tok, Words, words_from_span, words_from_text
from analysis.stance_cues import LEXICON_PATH, Lexicon, WordClasses, find_cues, load_lexicon, migration_cue_count
from analysis.stance_rules import StanceRule, explain
from analysis.stance_scope import Sides, criticised_side, key_spans, read_words, to_evidence, token_at

__all__ = [
    "LEXICON_PATH",
    "PARTIAL_QUOTE_WORDS",
    "SpeakerFacts",
    "decide",
    "judge",
    "load_lexicon",
    "migration_cue_count",
    "quote_stance",
    "read",
    "restance",
]

NO_SIDES = Sides()  # no government known: criticism is read as aimed at the government
PARTIAL_QUOTE_WORDS = 8  # shorter quotes are judged with the sentence around them
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z])")


# ----- 1. what the words say ---------------------------------------------------------------------


WordsSource = Words | Callable[[], Words | None] | None


def read(text: str, start: int, *, words: WordsSource = None, aimed: Sides = NO_SIDES) -> tuple[Evidence, ...]:
    """Every cue of `text` (at article offset `start`), speaker-independent, sorted by offset.

    `words` is the quote's parse, or a function that builds it (called only when a rule needs
    it), or None (the window rules then read the plain text)."""
    lex = load_lexicon()
    got: list[Words] = []

    def parse() -> Words:
        if not got:
            built = words() if callable(words) else words
            got.append(built if built is not None and built.toks else words_from_text(text, start))
        return got[0]

    findings = read_words(parse(), lex.words) if lex.triggers.matches(text) else []
    taken = key_spans(parse(), findings) if findings else []
    names = [(start + a, start + b) for a, b in lex.names.spans(text)]
    found = to_evidence(parse(), findings, text, start) if findings else []
    phrases = (
        find_cues(lex.restrictive, text, start, "direction:restrictive")
        + find_cues(lex.open, text, start, "direction:open")
        + find_cues(lex.criticism, text, start, "government:criticism")
        + find_cues(lex.praise, text, start, "government:praise")
    )
    phrases = [
        _denied_accusation(e, text, start, lex)
        for e in phrases
        if not any(e.start < b and e.end > a for a, b in taken)
        and not any(a <= e.start and e.end <= b for a, b in names)
        and not (e.label == "government:criticism" and _names_a_category(parse(), e, lex.words))
    ]
    cues = _aim(found + phrases, parse, aimed, text, start)
    cues += find_cues(lex.self_reference, text, start, "government:self")
    cues += find_cues(lex.topic, text, start, "topic")
    if lex.any_target.matches(text):
        cues += [e for name, p in lex.targets.items() for e in find_cues(p, text, start, f"target:{name}")]
    if lex.any_frame.matches(text):
        cues += [e for name, p in lex.frames.items() for e in find_cues(p, text, start, f"frame:{name}")]
    return tuple(sorted(cues, key=lambda e: (e.start, e.label)))


def _names_a_category(words: Words, e: Evidence, wc: WordClasses) -> bool:
    """ "failed asylum seekers", "failed claimants": a word of criticism that only names a class of
    people (refused applicants) judges no one."""
    i = token_at(words, e.start)
    if i is None or not words.parsed:
        return False
    tok = words.toks[i]
    if tok.dep != "amod" or tok.head < 0:
        return False
    return object_class(words, tok.head, wc) == "migrants"


def _aim(cues: list[Evidence], parse: Callable[[], Words], aimed: Sides, text: str, start: int) -> list[Evidence]:
    """Criticism of the opposition or of a previous government is relabelled as such."""
    if not (aimed.government or aimed.opposition):
        return cues
    out = []
    for e in cues:
        if e.label == "government:criticism":
            words = parse()
            at = token_at(words, e.start)
            if (
                at is not None
                and criticised_side(words, at, aimed, _sentence_at(text, e.start - start)) == "opposition"
            ):
                e = Evidence("opposition:criticism", e.text, e.start, e.end)
        out.append(e)
    return out


DENIAL = re.compile(r"\b(?:not|n[’']t|never|no|nothing|nobody)\b(?:\s+[\w’'-]+){0,2}\s*$", re.I)


def _denied_accusation(e: Evidence, text: str, start: int, lex: Lexicon) -> Evidence:
    """A denied cue is no cue: "that is not cruelty", "we are not racists" (a denied accusation),
    "a plan that would not cut numbers" (a denied action; adjectives such as "not tough enough"
    keep their direction)."""
    if e.label not in ("direction:open", "direction:restrictive", "government:criticism"):
        return e
    if e.label != "government:criticism" and _rejected_for_another(text, e.start - start, e.end - start):
        # "the right response is not walls or deterrence, but a common asylum policy": argued against
        other = "open" if e.label == "direction:restrictive" else "restrictive"
        return Evidence(f"direction:{other}", e.text, e.start, e.end)
    accusation = lex.denied_accusations.fullmatch(e.text) is not None
    first = e.text.split()[0].lower()
    action = first in lex.words.against_actions or first in lex.words.for_actions or first in PHRASE_VERBS
    if not (accusation or (action and e.label != "government:criticism")):
        return e
    before = text[max(0, e.start - start - 30) : e.start - start]
    if not DENIAL.search(before):
        return e
    if e.label == "government:criticism":
        return Evidence("negated:criticism", e.text, e.start, e.end)
    return Evidence(e.label.replace("direction:", "negated:"), e.text, e.start, e.end)


REJECTED_BEFORE = re.compile(r"\b(?:is|are|was|be|means?)\s+not\s+(?:[\w’'-]+\s+(?:or|nor|and)\s+)?$", re.I)
INSTEAD_AFTER = re.compile(
    r"^[^.;!?]{0,80}?,?\s+but\s+(?:rather\s+)?(?:a|an|the|to|more|common|shared|[a-z]+ing)\b", re.I
)


def _rejected_for_another(text: str, start: int, end: int) -> bool:
    """ "The answer is not walls or deterrence, but ...": a measure named only to be set aside for
    another ("is not X but Y"), which argues the other way."""
    return bool(REJECTED_BEFORE.search(text[max(0, start - 40) : start])) and bool(INSTEAD_AFTER.match(text[end:]))


PHRASE_VERBS = {
    "bring",
    "bringing",
    "take",
    "taking",
    "decide",
    "deciding",
    "tackling",
    "smashing",
    "cracking",
    "clamping",
    "stem",
    "break",
}


def _sentence_at(text: str, offset: int) -> str:
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    for a, b in zip(bounds, bounds[1:]):
        if a <= offset < b:
            return text[a:b]
    return text


# ----- 2. the labels -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """One label with the rule that gave it and how sure that rule is."""

    label: str
    rule: StanceRule
    confidence: float


def decide(evidence: Sequence[Evidence], rel: Relation, *, about_migration: bool = True) -> Stance:
    """The stance of a quote from its evidence and its speaker's relation to the government."""
    if not about_migration:
        return Stance(
            False,
            "n/a",
            "n/a",
            rule=explain(("not_about_migration",)),
            rule_ids=("not_about_migration",),
            confidence=0.6,
            toward=rel.government.id if rel.government else None,
        )
    n = Counter(e.label for e in evidence)
    if rel.voice == "government" or n["government:self"]:  # what the government did is its policy
        n["direction:restrictive"] += n["event:restrictive"]
        n["direction:open"] += n["event:open"]
    direction = _direction(n, rel)
    government = _government(n, rel, direction.label if direction.rule in FROM_CUES else "neutral")
    rules = (direction.rule, government.rule)
    return Stance(
        about_migration=True,
        migration=direction.label,  # type: ignore[arg-type]
        government=government.label,  # type: ignore[arg-type]
        targets=tuple(dict.fromkeys(e.label.split(":", 1)[1] for e in evidence if e.label.startswith("target:"))),
        frames=tuple(dict.fromkeys(e.label.split(":", 1)[1] for e in evidence if e.label.startswith("frame:"))),
        evidence=tuple(evidence),
        confidence=round(min(direction.confidence, government.confidence), 2),  # the weaker label decides
        rule=explain(rules),
        rule_ids=rules,
        toward=rel.government.id if rel.government else None,
    )


# Directions read from the quote's own words (not from who the speaker is): only these argue a side.
FROM_CUES: frozenset[StanceRule] = frozenset({"restrictive_cues", "open_cues", "mostly_restrictive", "mostly_open"})


def _direction(n: Counter[str], rel: Relation) -> Call:
    r, o = n["direction:restrictive"], n["direction:open"]
    if r and o:
        if min(r, o) / max(r, o) >= 0.5:
            critic = rel.voice == "advocate" or rel.voice in CRITIC_VOICES and rel.policy in ("restrictive", "open")
            if critic and n["government:criticism"] and not n["government:praise"]:
                # "cruel policies to deter asylum seekers": the restrictive words name what is criticised
                against = "open" if rel.voice == "advocate" else OTHER_WAY[str(rel.policy)]
                return Call(against, "critic_of_policy", 0.5)
            return Call("neutral", "balanced_cues", 0.5)
        return Call("restrictive", "mostly_restrictive", 0.6) if r > o else Call("open", "mostly_open", 0.6)
    if r or o:
        sure = 0.85 if max(r, o) >= 2 else 0.75
        return Call("restrictive", "restrictive_cues", sure) if r else Call("open", "open_cues", sure)
    if rel.voice == "advocate":  # the article says whose side they are on: a migrants' charity, a rights group
        if n["government:criticism"]:
            return Call("open", "advocate_criticism", 0.6)
        return Call("open", "advocate_role", 0.45)
    policy = rel.policy
    if policy in ("restrictive", "open"):
        if rel.voice == "government" and rel.minister and not any(n[k] for k in POSITION_CUES):
            return Call(policy, "minister_policy", 0.5)  # a minister on migration argues the policy they run
        if rel.voice in CRITIC_VOICES and n["government:criticism"] and not n["government:praise"]:
            return Call(OTHER_WAY[policy], "critic_of_policy", 0.5)  # an unaligned critic of a restrictive policy
    return Call("neutral", "no_direction_cue", 0.45)


# Cues that say more than the topic: with any of them a minister's words are read as they stand.
POSITION_CUES = ("government:criticism", "government:praise", "opposition:criticism", "government:self")
# Speakers with no party line of their own: their criticism of a policy argues the other way.
# (Opposition parties criticise from either side, so their criticism alone gives no direction.)
CRITIC_VOICES = frozenset({"neutral_body", "unknown"})
OTHER_WAY = {"restrictive": "open", "open": "restrictive"}


@dataclass(frozen=True)
class GovernmentCues:
    """What a quote's cues say toward the incumbent government, counted once for every voice's rule."""

    criticism: int
    praise: int
    at_opposition: int  # criticism of the opposition (or of the predecessor, when the speaker says "we")
    self_ref: int  # the government speaking of itself: "we inherited a system in chaos"
    directed: bool  # the quote argues restrictive or open
    aligned: bool  # ... the way the government's policy goes
    against: bool  # ... the other way
    policy: str | None  # the government's migration policy, None when undated or unknown
    direction: str
    minister: bool


def _government_cues(n: Counter[str], rel: Relation, direction: str) -> GovernmentCues:
    criticism, praise = n["government:criticism"], n["government:praise"]
    at_opposition, self_ref = n["opposition:criticism"], n["government:self"]
    if self_ref:  # "we inherited a system in chaos": the chaos is the predecessor's
        at_opposition, criticism = at_opposition + criticism, 0
    directed = direction in ("restrictive", "open")
    policy = rel.policy
    return GovernmentCues(
        criticism=criticism,
        praise=praise,
        at_opposition=at_opposition,
        self_ref=self_ref,
        directed=directed,
        aligned=directed and direction == policy,
        against=directed and policy in ("restrictive", "open") and direction != policy,
        policy=policy,
        direction=direction,
        minister=rel.minister,
    )


def _government_voice(c: GovernmentCues) -> Call:
    if c.directed or c.criticism or c.praise or c.at_opposition or c.self_ref:
        return Call("supports", "government_voice", 0.9)
    if c.minister:
        return Call("supports", "government_minister", 0.75)
    return Call("neutral", "government_facts", 0.5)


def _governing_party_voice(c: GovernmentCues) -> Call:
    if c.criticism and not c.praise:
        return Call("opposes", "governing_party_criticises", 0.6)
    if c.praise or c.at_opposition or c.self_ref:
        return Call("supports", "governing_party_backs", 0.7)
    if c.aligned:
        return Call("supports", "governing_party_aligned", 0.55)
    if c.against:
        return Call("opposes", "governing_party_against", 0.55)
    return Call("supports", "governing_party_no_cue", 0.55)


def _opposition_voice(c: GovernmentCues) -> Call:
    if c.praise and not c.criticism:
        return Call("supports", "opposition_praises", 0.55)
    if c.criticism or c.directed:
        return Call("opposes", "opposition_criticises", 0.85)
    return Call("opposes", "opposition_no_cue", 0.6)


def _advocate_voice(c: GovernmentCues) -> Call:
    if c.praise and not c.criticism:
        return Call("supports", "advocate_praises", 0.5)
    if c.criticism or c.direction == "open":
        return Call("opposes", "advocate_opposes", 0.8)
    if c.policy == "restrictive":  # advocates of migrants oppose a restrictive policy
        return Call("opposes", "advocate_no_cue", 0.6)
    return Call("neutral", "advocate_no_cue", 0.5)


def _foreign_voice(c: GovernmentCues) -> Call:
    if c.criticism and not c.praise:
        return Call("opposes", "foreign_criticises", 0.5)
    if c.praise and not c.criticism:
        return Call("supports", "foreign_praises", 0.5)
    return Call("neutral", "foreign_no_cue", 0.6)


def _neutral_body_voice(c: GovernmentCues) -> Call:
    if c.criticism and not c.praise:
        return Call("opposes", "neutral_body_criticises", 0.6)
    if c.against and not c.praise:  # the UN refugee agency calling for protection under a restrictive policy
        return Call("opposes", "neutral_body_against_policy", 0.5)
    return Call("neutral", "neutral_body", 0.75)


def _media_voice(c: GovernmentCues) -> Call:
    return Call("neutral", "media_report", 0.7)


def _unknown_voice(c: GovernmentCues) -> Call:
    """A speaker of no known side: the cues alone, then how the words sit with the government's policy."""
    if c.self_ref:
        return Call("supports", "self_reference", 0.7)
    if c.at_opposition and not c.criticism:
        return Call("supports", "criticises_opposition", 0.55)
    if c.criticism and not c.praise:
        return Call("opposes", "criticism_cues", 0.65)
    if c.praise and not c.criticism:
        return Call("supports", "praise_cues", 0.5)
    if c.aligned:
        return Call("supports", "aligned_with_policy", 0.5)
    if c.against:
        return Call("opposes", "against_policy", 0.5)
    return Call("neutral", "no_government_cue", 0.45)


GOVERNMENT_RULES: dict[Voice, Callable[[GovernmentCues], Call]] = {
    "government": _government_voice,
    "governing_party": _governing_party_voice,
    "opposition": _opposition_voice,
    "advocate": _advocate_voice,
    "foreign": _foreign_voice,
    "neutral_body": _neutral_body_voice,
    "media": _media_voice,
    "unknown": _unknown_voice,
}


def _government(n: Counter[str], rel: Relation, direction: str) -> Call:
    """The quote's position toward the incumbent government, by the rule of the speaker's voice."""
    if rel.government is None and rel.voice in ("governing_party", "opposition"):
        return Call("neutral", "no_incumbent_known", 0.5)
    # with no government the registry lists (a story about Kenya), a voice's rule still reads its cues:
    # the country's own minister argues its policy, a critic criticises it; no policy is known
    return GOVERNMENT_RULES.get(rel.voice, _unknown_voice)(_government_cues(n, rel, direction))


# ----- both steps --------------------------------------------------------------------------------


def judge(
    text: str,
    start: int,
    rel: Relation,
    *,
    article_about_migration: bool,
    words: WordsSource = None,
    aimed: Sides = NO_SIDES,
    sentence: tuple[str, int, WordsSource] | None = None,
) -> Stance:
    """Label one quote. A partial quote (fewer than PARTIAL_QUOTE_WORDS words) is judged with
    `sentence` (text, article offset, words) when given."""
    if sentence is not None and len(text.split()) < PARTIAL_QUOTE_WORDS:
        text, start, words = sentence
    evidence = read(text, start, words=words, aimed=aimed)
    about = article_about_migration or any(e.label == "topic" for e in evidence)
    return decide(evidence, rel, about_migration=about)


def quote_stance(
    text: str,
    start: int,
    *,
    speaker: SpeakerFacts | None,
    country: str | None,
    published: date | None,
    article_about_migration: bool,
    paragraphs: Sequence[tuple[Doc, int]] = (),
    registry: Registry | None = None,
) -> Stance:
    """The stance of one quote, from plain values: its text and article offset, its speaker, the
    article's country and date, and the article's parsed paragraphs (each with its offset), where
    the quote's parse and, for a partial quote, its sentence are found."""
    registry = registry or load_registry()
    rel = relation(speaker, country, published, registry)
    aimed = sides(rel.government, registry)
    if len(text.split()) < PARTIAL_QUOTE_WORDS:  # a partial quote is judged with its sentence
        around = _sentence(paragraphs, start)
        if around is not None:
            span, base = around
            return judge(
                span.text,
                base + span.start_char,
                rel,
                article_about_migration=article_about_migration,
                words=lambda: words_from_span(span, base),
                aimed=aimed,
            )
    end = start + len(text)
    return judge(
        text,
        start,
        rel,
        article_about_migration=article_about_migration,
        aimed=aimed,
        words=lambda: _join([words_from_span(span, base) for span, base in _spans(paragraphs, start, end)]),
    )


def _spans(paragraphs: Sequence[tuple[Doc, int]], start: int, end: int) -> list[tuple[SpacySpan, int]]:
    """The parsed pieces of [start, end), paragraph by paragraph, with each paragraph's offset."""
    out = []
    for doc, base in paragraphs:
        a, b = max(start, base) - base, min(end, base + _length(doc)) - base
        if a < b:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                out.append((span, base))
    return out


def _length(doc: Doc) -> int:
    """The length of a paragraph's text without building it (`doc.text` joins every token)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _sentence(paragraphs: Sequence[tuple[Doc, int]], start: int) -> tuple[SpacySpan, int] | None:
    """The sentence a quote starts in, with its paragraph's offset (None without sentence marks)."""
    for doc, base in paragraphs:
        if base <= start <= base + _length(doc):
            if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
                return None
            return next(
                ((sent, base) for sent in doc.sents if sent.start_char <= start - base < sent.end_char + 1), None
            )
    return None


def _join(pieces: list[Words]) -> Words | None:
    """One Words of several paragraphs' pieces (token indices and heads renumbered)."""
    if not pieces:
        return None
    if len(pieces) == 1:
        return pieces[0]
    toks: list[Tok] = []
    for piece in pieces:
        shift = len(toks)
        toks += [t._replace(i=t.i + shift, head=t.head + shift if t.head >= 0 else -1) for t in piece.toks]
    return Words(tuple(toks), all(p.parsed for p in pieces))


def restance(
    stance: Stance, speaker: SpeakerFacts | None, published: date | None, registry: Registry | None = None
) -> Stance:
    """The same quote's stance for another speaker: its evidence is kept, the labels decided again
    (what a correction of the speaker needs; no parse)."""
    if not stance.about_migration:
        return stance
    registry = registry or load_registry()
    term = registry.government_by_id(stance.toward) if stance.toward else None
    rel = relation(speaker, term.country if term else None, published, registry)
    return decide(stance.evidence, rel)
