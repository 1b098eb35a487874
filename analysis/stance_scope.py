"""What a quote's words do to the things migration debate is about, read through the parse.

Phrase cues ("stop the boats") cannot tell "the scheme would not stop a single smuggler" from
a promise to stop them, or "the focus on deterrence was misplaced" from a call for deterrence.
These rules read small word classes (data/stance_lexicon.json, 'composition') in their syntactic
relations:

- an action on a thing: 'stop' + smugglers is restrictive, 'protect' + refugees open, 'end' + a
  restrictive measure open, 'suspend' + visas restrictive;
- negation: a denied action on a measure flips ("should never have scrapped the deterrent" backs
  the deterrent); a denied action on a problem or on the border cancels the cue and, when the
  subject is not the speaker, criticises that subject ("Labor can never manage our borders");
- an evaluation of a measure: "deterrence was misplaced", "offshore deterrents work",
  "suspending visas will hamstring our recovery", "cruel deportations";
- harm to people the quote values: "the halt will deter foreign students" is criticism;
- "open borders": a demand when the speaker asks for it, an accusation otherwise.

With a dependency parse the relations are the parse's arcs; a paragraph parsed without the
dependency parser (or text from a correction) gets the same rules over a short window of words.
Every rule returns Evidence with article offsets.

A quote's words and the word lists are in `analysis.scope_words`; the relations the rules read
(object classes, objects, subjects, negation) in `analysis.scope_relations`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.records import Evidence
from analysis.registry import fold
from analysis.scope_relations import direction_of, first_person, negated, object_class, objects_of, subject_of
from analysis.scope_words import (
    ADMITTED_FORMS,
    CLAUSE_BREAK,
    CONDITIONAL_MARKS,
    CONTROL_NOUNS,
    DECLINE_FORMS,
    DEMAND_VERBS,
    GROWTH_FORMS,
    MODALS,
    MORE,
    SUBJECT_DEPS,
    WINDOW,
    ObjectClass,
    Tok,
    Words,
)
from analysis.stance_cues import WordClasses

# ----- the rules -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A direction, criticism or praise a rule read, with the tokens it rests on."""

    label: str
    first: int
    last: int
    keys: tuple[int, ...]  # the tokens that carry it (for overlap with phrase cues)
    cause: tuple[int, ...] = ()  # for a harm: the tokens of what causes it


def action_findings(words: Words, wc: WordClasses) -> list[Finding]:
    """Actions done to measures, problems, people and the border (with negation)."""
    out: list[Finding] = []
    for tok in words.toks:
        if tok.low in CONTROL_NOUNS:
            out += _control_of_border(words, tok.i, wc)
            continue
        misread = _infinitive_read_as_adjective(words, tok)
        if words.parsed and not tok.tag.startswith("VB") and not misread:
            continue
        if _open_border_adjective(words, tok.i):  # "open borders" is read by open_border_findings
            continue
        action = _action_lemma(words, tok, wc)
        if action is None or conditional(words, tok.i) or _describes_people(words, tok.i, wc):
            continue  # a condition, or a relative clause describing someone ("people who were granted asylum")
        for j in [tok.head] if misread else objects_of(words, tok.i):
            if j > 0 and _open_border_adjective(words, j - 1):
                break  # wanting "open borders" is a demand or an accusation: open_border_findings decides
            cls = object_class(words, j, wc)
            direction = direction_of(action, cls, wc) if cls is not None else None
            if direction is None:
                continue
            first, last = min(tok.i, j), max(tok.i, j)
            if _harms(action, cls, wc):
                if negated(words, tok.i, wc):
                    break
                cause = tuple(t.i for t in subject_of(words, tok.i))  # what does the harm
                out.append(Finding("direction:open", first, last, (tok.i, j), cause))
                out.append(Finding("government:criticism", first, last, (tok.i,)))
            elif negated(words, tok.i, wc):
                out += _denied(words, tok.i, j, direction, cls, wc)
            elif cls in ("people", "migrants", "valued") and reported_event(words, tok.i):
                out.append(Finding(f"event:{direction}", first, last, (tok.i, j)))
            else:
                out.append(Finding(f"direction:{direction}", first, last, (tok.i, j)))
            break
    return _absorb_causes(out)


def _infinitive_read_as_adjective(words: Words, tok: Tok) -> bool:
    """ "urged states to resettle 160,000 refugees": the tagger read "resettle" as an adjective of
    "refugees" and "to" as a preposition; after "to", a word before the noun it modifies is the verb."""
    return (
        words.parsed
        and tok.dep == "amod"
        and tok.tag == "JJ"
        and tok.i > 0
        and words.toks[tok.i - 1].low == "to"
        and tok.head > tok.i
    )


def _describes_people(words: Words, i: int, wc: WordClasses) -> bool:
    tok = words.toks[i]
    if not words.parsed or tok.dep != "relcl" or tok.head < 0:
        return False
    return object_class(words, tok.head, wc) in ("people", "migrants", "valued")


def _open_border_adjective(words: Words, i: int) -> bool:
    nxt = [t.low for t in words.toks[i + 1 : i + 3]]
    return (
        words.toks[i].low == "open"
        and bool(nxt)
        and (nxt[0] in ("borders", "border", "door") or nxt[:2] in (["-", "borders"], ["-", "door"]))
    )


def _harms(action: str, cls: ObjectClass | None, wc: WordClasses) -> bool:
    """Harm done to people: "punish people", "separate families", or to the protection they have
    ("eroding the institution of asylum"); deterring is harm only to people the quote values
    ("deter students"), not to migrants ("deter crossings")."""
    if action not in wc.harm_verbs or cls not in ("people", "migrants", "valued", "open_measure"):
        return False
    return action != "deter" or cls == "valued"


def reported_event(words: Words, i: int) -> bool:
    """True for an action told as something that happened ("were detained", "officers detained
    people"), not asked for or promised: its direction is the speaker's only if the speaker is
    the one who did it."""
    tok = words.toks[i]
    if words.parsed:
        if tok.tag not in ("VBD", "VBN"):
            return False
        aux = [c.low for c in words.children(i) if c.dep in ("aux", "auxpass")]
        return not any(a in MODALS for a in aux)
    before = [t.low for t in words.toks[max(0, i - 2) : i]]
    return tok.low.endswith("ed") and any(b in ("was", "were", "been", "had", "have", "has") for b in before)


def _absorb_causes(findings: list[Finding]) -> list[Finding]:
    """A measure named as the cause of a harm is criticised, not backed: "suspending visas will
    hamstring our recovery" drops the restrictive reading of "suspending visas"."""
    causes = {i for f in findings for i in f.cause}
    return [f for f in findings if f.cause or not (f.label.startswith("direction:") and set(f.keys) <= causes)]


def _control_of_border(words: Words, i: int, wc: WordClasses) -> list[Finding]:
    """ "control of America's border", "the security of our borders": restrictive."""
    if words.parsed:
        inner = [
            c.i
            for prep in words.children(i)
            if prep.dep == "prep" and prep.low == "of"
            for c in words.children(prep.i)
            if c.dep == "pobj"
        ]
    else:
        inner = (
            [t.i for t in words.toks[i + 1 : i + 4]]
            if i + 1 < len(words.toks) and words.toks[i + 1].low == "of"
            else []
        )
    for j in inner:
        if words.toks[j].low in wc.border and words.toks[j].low != "control":
            found = [Finding("direction:restrictive", min(i, j), max(i, j), (i, j))]
            if _lost(words, i):  # "has lost control of our borders": a charge against whoever had it
                found.append(Finding("government:criticism", min(i, j), max(i, j), (i,)))
            return found
    return []


LOSE_FORMS = frozenset({"lose", "loses", "losing", "lost"})


def _lost(words: Words, i: int) -> bool:
    if words.parsed:
        head = words.toks[i].head
        return 0 <= head < len(words.toks) and words.toks[head].low in LOSE_FORMS
    return any(t.low in LOSE_FORMS for t in words.toks[max(0, i - 2) : i])


def conditional(words: Words, i: int) -> bool:
    """True for an action in an if-clause: a condition, not a demand ("if they open the border")."""
    if words.parsed:
        for t in [words.toks[i]] + words.ancestors(i, 2):
            if any(c.dep == "mark" and c.low in CONDITIONAL_MARKS for c in words.children(t.i)):
                return True
            if t.dep in ("advcl", "ccomp", "ROOT") or t.head < 0:
                break
        return False
    for t in reversed(words.toks[max(0, i - WINDOW) : i]):
        if t.low in CONDITIONAL_MARKS:
            return True
        if CLAUSE_BREAK.match(t.low):
            break
    return False


SENT_BACK_FORMS = frozenset("take takes taking took taken push pushes pushing pushed".split())


def _action_lemma(words: Words, tok: Tok, wc: WordClasses) -> str | None:
    low = tok.low
    if low in ("crack", "cracking", "cracked", "clamp", "clamping", "clamped"):
        nxt = words.toks[tok.i + 1].low if tok.i + 1 < len(words.toks) else ""
        return "crack" if nxt == "down" else None
    if low in ("turn", "turns", "turning", "turned"):  # only "turn back", "turn away"
        back = any(t.low in ("back", "away") for t in words.toks[tok.i + 1 : tok.i + 6])
        return "turn" if back else None
    nxt = words.toks[tok.i + 1].low if tok.i + 1 < len(words.toks) else ""
    if low in SENT_BACK_FORMS and nxt == "back":
        # "take back migrants" is a return ("take 800,000 migrants" admits them); "pushed back 2,000
        # migrants" is a pushback, not harm done to them
        return "return"
    out = nxt in ("out", "away") or (
        words.parsed and any(c.dep == "prt" and c.low in ("out", "away") for c in words.children(tok.i))
    )
    if out and (low in wc.for_actions or low in wc.against_actions):
        return "bar"  # "keep out", "shut out", "turn away": keeping people out
    for table in (wc.against_actions, wc.for_actions):
        if low in table:
            return table[low]
    return None


def _denied(words: Words, i: int, j: int, direction: str, cls: ObjectClass | None, wc: WordClasses) -> list[Finding]:
    first, last = min(i, j), max(i, j)
    if cls in ("restrictive_measure", "open_measure"):  # not scrapping a measure keeps it
        flipped = "open" if direction == "restrictive" else "restrictive"
        return [Finding(f"direction:{flipped}", first, last, (i, j))]
    out = [Finding(f"negated:{direction}", first, last, (i, j))]
    agent = subject_of(words, i)
    passive = words.parsed and any(c.dep == "nsubjpass" for c in words.children(i))
    if agent and not passive and not first_person(agent, wc):  # "the scheme would not stop a single smuggler"
        out.append(Finding("government:criticism", first, last, (i,)))
    return out


def evaluation_findings(words: Words, wc: WordClasses) -> list[Finding]:
    """Measures judged: as the subject of an evaluative predicate, or with an evaluative modifier."""
    out: list[Finding] = []
    judges: set[int] = set()
    for tok in words.toks:
        cls = _measure_class(tok, wc)
        if cls is None:
            continue
        polarity, at = _judged(words, tok.i, wc)
        if polarity is None or at in judges:  # "offshore deterrents work": one measure, judged once
            continue
        judges.add(at)
        own = "restrictive" if cls == "restrictive_measure" else "open"
        direction = own if polarity > 0 else ("open" if own == "restrictive" else "restrictive")
        first, last = min(tok.i, at), max(tok.i, at)
        out.append(Finding(f"direction:{direction}", first, last, (tok.i, at)))
        if words.toks[at].low not in MORE:  # "more returns" asks for more; it judges nobody
            out.append(Finding("government:praise" if polarity > 0 else "government:criticism", first, last, (at,)))
    return out


def _measure_class(tok: Tok, wc: WordClasses) -> ObjectClass | None:
    if tok.low in wc.restrictive_measures:
        return "restrictive_measure"
    if (
        tok.low in wc.open_measures
        and tok.low not in ("visa", "visas", "program", "programme", "protection")
        and tok.dep not in ("compound", "amod", "nmod")
    ):  # "the asylum plan" is a plan, not asylum
        return "open_measure"
    return None


def _judged(words: Words, i: int, wc: WordClasses) -> tuple[int | None, int]:
    """(+1 or -1, index of the judging word) when the measure at `i` is evaluated, else (None, i)."""

    def polarity(t: Tok) -> int | None:
        if t.low in wc.negative_evaluation:
            return -1
        if t.low in wc.positive_evaluation:
            return 1
        return None

    if not words.parsed:
        for t in words.toks[i + 1 : i + 1 + WINDOW]:
            if CLAUSE_BREAK.match(t.low):
                break
            if (sign := polarity(t)) is not None:
                return _signed(words, t.i, sign, wc)
        prev = words.toks[i - 1] if i > 0 else None
        if prev is not None and polarity(prev) is not None:
            return polarity(prev), prev.i
        if prev is not None and prev.low in MORE:
            return MORE[prev.low], prev.i
        return None, i
    for c in words.children(i):  # "cruel deportations", "more returns"
        if c.dep == "amod" and polarity(c) is not None:
            return polarity(c), c.i
        if c.dep == "amod" and c.low in MORE:
            return MORE[c.low], c.i
    # climb from the measure to the head of its noun phrase, then to the predicate it is subject of
    j = i
    for _ in range(4):
        tok = words.toks[j]
        if tok.dep in SUBJECT_DEPS and tok.head >= 0:
            pred = words.toks[tok.head]
            if polarity(pred) is not None and pred.low not in ("protect", "help") or pred.low in ("work", "works"):
                return _signed(words, pred.i, polarity(pred) or 1, wc)
            for c in words.children(pred.i):
                if c.dep in ("acomp", "attr", "oprd", "xcomp", "dobj") and (sign := polarity(c)) is not None:
                    return _signed(words, pred.i, sign, wc, at=c.i)
            return None, i
        if tok.dep not in ("compound", "pobj", "prep", "dobj", "amod") or tok.head < 0:
            return None, i
        j = tok.head
    return None, i


def _signed(words: Words, pred: int, polarity: int, wc: WordClasses, *, at: int | None = None) -> tuple[int, int]:
    return (-polarity if negated(words, pred, wc) else polarity), (pred if at is None else at)


def open_border_findings(words: Words, wc: WordClasses) -> list[Finding]:
    """'open borders' asked for by the speaker is open; pinned on others, an accusation (restrictive)."""
    out: list[Finding] = []
    for tok in words.toks:
        if tok.low not in ("borders", "border", "door") or tok.i == 0:
            continue
        prev = words.toks[tok.i - 1]
        if prev.low == "-" and tok.i >= 2:
            prev = words.toks[tok.i - 2]
        if prev.low != "open":
            continue
        accuser = _accuser(words, tok.i, wc)
        if accuser is not None and not first_person(accuser, wc):
            continue  # "they accuse us of wanting open borders": someone else's accusation, reported
        head = _governing_verb(words, tok.i)
        wants = head is not None and (words.toks[head].low in wc.for_actions or words.toks[head].low in DEMAND_VERBS)
        if head is not None and wants and negated(words, head, wc):
            continue  # "nobody is calling for open borders": no direction
        own = (
            accuser is None
            and head is not None
            and wants
            and (first_person(subject_of(words, head), wc) or not subject_of(words, head))
        )
        if own and tok.low != "door":
            out.append(Finding("direction:open", prev.i, tok.i, (prev.i, tok.i)))
        else:
            out.append(Finding("direction:restrictive", prev.i, tok.i, (prev.i, tok.i)))
            out.append(Finding("government:criticism", prev.i, tok.i, (prev.i, tok.i)))
    return out


def _accuser(words: Words, i: int, wc: WordClasses) -> list[Tok] | None:
    """Who makes the accusation that token `i` sits in ("Republicans claim we want open borders"):
    the subject of an accusing verb above it, or None when no such verb governs it."""
    if words.parsed:
        for a in words.ancestors(i, 5):
            if a.low in wc.accusation_heads:
                return subject_of(words, a.i)
        return None
    for t in reversed(words.toks[max(0, i - 2 * WINDOW) : i]):
        if t.low in wc.accusation_heads:
            return subject_of(words, t.i)
    return None


def _governing_verb(words: Words, i: int) -> int | None:
    if words.parsed:
        for a in words.ancestors(i, 3):
            if a.tag.startswith("VB"):
                return a.i
        return None
    for t in reversed(words.toks[max(0, i - WINDOW - 1) : i - 1]):
        if CLAUSE_BREAK.match(t.low):
            break
        if t.low in (
            "want",
            "wants",
            "need",
            "needs",
            "call",
            "calling",
            "calls",
            "support",
            "supports",
            "believe",
            "demand",
            "demanding",
            "back",
            "backs",
            "favour",
            "favor",
        ):
            return t.i
    return None


def change_findings(words: Words, wc: WordClasses) -> list[Finding]:
    """ "The number of people resettled through the program will increase to 20,000": a rise promised
    in what people are admitted through is open, a promised fall restrictive. A rise told as a fact
    ("applications rose") is no position."""
    out: list[Finding] = []
    if not words.parsed:
        return out
    for tok in words.toks:
        direction = "open" if tok.low in GROWTH_FORMS else "restrictive" if tok.low in DECLINE_FORMS else None
        if direction is None or objects_of(words, tok.i) or negated(words, tok.i, wc):
            continue
        if not any(c.low in MODALS for c in words.children(tok.i) if c.dep in ("aux", "auxpass")):
            continue
        subject = subject_of(words, tok.i)
        if any(t.low in wc.open_measures or t.low in ADMITTED_FORMS for t in subject):
            out.append(Finding(f"direction:{direction}", min(t.i for t in subject), tok.i, (tok.i,)))
    return out


# Nouns that commit to what their preposition names: "an agreement on the resettlement of 20,000
# refugees", "pledges for resettlement", "a deal on returns".
COMMITMENT_NOUNS = frozenset(
    {"agreement", "agreements", "pledge", "pledges", "commitment", "commitments", "deal", "deals", "consensus"}
)
COMMITMENT_PREPS = frozenset({"on", "for", "to", "towards"})


def commitment_findings(words: Words, wc: WordClasses) -> list[Finding]:
    """An agreement or pledge on a measure backs it, as "support" would; "no agreement on" says nothing."""
    out: list[Finding] = []
    if not words.parsed:
        return out
    for tok in words.toks:
        if tok.low not in COMMITMENT_NOUNS or any(c.low in ("no", "without") for c in words.children(tok.i)):
            continue
        for prep in words.children(tok.i):
            if prep.dep != "prep" or prep.low not in COMMITMENT_PREPS:
                continue
            for obj in words.children(prep.i):
                cls = object_class(words, obj.i, wc) if obj.dep == "pobj" else None
                direction = direction_of("support", cls, wc) if cls is not None else None
                if direction is not None:
                    out.append(Finding(f"direction:{direction}", tok.i, obj.i, (tok.i, obj.i)))
    return out


def read_words(words: Words, wc: WordClasses) -> list[Finding]:
    """Every finding of the rules above."""
    return (
        action_findings(words, wc)
        + evaluation_findings(words, wc)
        + open_border_findings(words, wc)
        + change_findings(words, wc)
        + commitment_findings(words, wc)
    )


def to_evidence(words: Words, findings: Sequence[Finding], text_of: str, base: int) -> list[Evidence]:
    """Findings as Evidence over the article text (`text_of` starts at article offset `base`)."""
    out = []
    for f in findings:
        s, e = words.toks[f.first].start, words.toks[f.last].end
        out.append(Evidence(f.label, text_of[s - base : e - base], s, e))
    return out


def key_spans(words: Words, findings: Sequence[Finding]) -> list[tuple[int, int]]:
    """Article spans of the tokens findings rest on, and of what a harm is blamed on (phrase cues
    overlapping them give way)."""
    return [(words.toks[k].start, words.toks[k].end) for f in findings for k in (*f.keys, *f.cause)]


# ----- who is criticised -------------------------------------------------------------------


@dataclass(frozen=True)
class Sides:
    """Folded words naming the government side and the opposition side in an article's country."""

    government: frozenset[str] = frozenset()
    opposition: frozenset[str] = frozenset()


PREDECESSOR_RE = re.compile(
    r"\b(?:previous|last|former|outgoing|past)\s+(?:\w+\s+){0,2}(?:government|administration)s?\b", re.I
)


def token_at(words: Words, offset: int) -> int | None:
    """The index of the token covering article offset `offset`."""
    return next((t.i for t in words.toks if t.start <= offset < t.end), None)


def criticised_side(words: Words, at: int, sides: Sides, sentence: str) -> str:
    """'government' or 'opposition': whom a criticism at token `at` is aimed at (the government
    unless its subject, possessor or 'under X' names the opposition or a previous government)."""
    if PREDECESSOR_RE.search(sentence):
        return "opposition"
    if words.parsed:
        near = subject_of(words, at) + [c for c in words.children(at) if c.dep == "poss"]
        tok = words.toks[at]
        if tok.head >= 0:
            near += [c for c in words.children(tok.head) if c.dep == "poss"]
    else:
        near = list(words.toks[max(0, at - WINDOW - 2) : at + WINDOW])
    for t in near:
        name = fold(t.text.removesuffix("’s").removesuffix("'s"))
        if name in sides.opposition:
            return "opposition"
        if name in sides.government:
            return "government"
    for m in re.finditer(r"\bunder\s+(?:the\s+)?([A-Z][\w-]+)", sentence):
        if fold(m.group(1)) in sides.opposition:
            return "opposition"
    return "government"
