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
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Span as SpacySpan

from analysis.records import Evidence
from analysis.registry import fold
from analysis.stance_cues import WordClasses

ObjectClass = (
    str  # "restrictive_measure", "open_measure", "problem", "migrants", "people", "valued", "border", "security"
)
QUANTITY_HEADS = {
    "number",
    "numbers",
    "level",
    "levels",
    "total",
    "share",
    "proportion",
    "thousands",
    "hundreds",
    "millions",
    "flow",
    "flows",
}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
NOUN_MODIFIERS = {"compound", "amod", "nmod", "poss"}
CLAUSE_BREAK = re.compile(r"^(?:[.,;:!?()\u2014\u2013\"“”‘’']|and|but|or|because|while|although|which|who|that)$", re.I)
TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|n['’]t|[^\w\s]")
DEMAND_VERBS = {
    "call",
    "calls",
    "calling",
    "called",
    "believe",
    "believes",
    "demand",
    "demands",
    "demanding",
    "favour",
    "favor",
    "favours",
    "favors",
}
# "more returns", "faster removals": more of a measure is that measure's direction; "fewer" the other
MORE = {
    "more": 1,
    "faster": 1,
    "quicker": 1,
    "swifter": 1,
    "swift": 1,
    "rapid": 1,
    "increased": 1,
    "tougher": 1,
    "fewer": -1,
    "less": -1,
}
# Heads that make a phrase about administration, not about who comes: "reduce the asylum backlog"
GENERIC_HEADS = {
    "system",
    "systems",
    "backlog",
    "backlogs",
    "cost",
    "costs",
    "delay",
    "delays",
    "time",
    "times",
    "caseload",
    "queue",
    "queues",
    "process",
    "processes",
    "accommodation",
    "hotel",
    "hotels",
    "work",
    "case",
    "cases",
    "decision",
    "decisions",
    "spending",
    "budget",
    "court",
    "courts",
    "debate",
    "issue",
    "issues",
    "problem",
    "problems",
    "question",
    "questions",
    "money",
    "funding",
}
# Heads that name a policy: only a restrictive measure or a problem among their modifiers says which
# way it goes ("the Rwanda scheme", "a deportation plan"); "the asylum plan" says nothing
POLICY_HEADS = {
    "plan",
    "plans",
    "scheme",
    "schemes",
    "deal",
    "deals",
    "policy",
    "policies",
    "law",
    "laws",
    "rules",
    "bill",
    "bills",
    "agreement",
    "agreements",
    "programme",
    "flights",
    "operation",
    "operations",
}
CONTROL_NOUNS = {"control", "security", "protection", "integrity", "defence", "defense"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
MODALS = {"will", "would", "shall", "should", "must", "can", "could", "may", "might", "'ll", "wo", "to"}
OBJECT_PREPS = {"on", "against", "down", "back", "away", "off"}
TRANSFER_FORMS = {"returned", "deported", "removed", "expelled", "detained", "sent", "intercepted", "relocated"}
PHRASE_ENDS = {
    "back",
    "away",
    "home",
    "to",
    "from",
    "into",
    "of",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "across",
    "over",
    "out",
    "off",
    "before",
    "after",
    "so",
}
BE_HAVE = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "'s", "'re"}
WINDOW = 4  # words between an action and its object when there is no parse


class Tok(NamedTuple):
    """One word of a quote: its text, article offsets and (with a parse) its arc (a named tuple:
    a quote's words are built for every quote, and tuples are the cheapest record to build)."""

    i: int
    text: str
    low: str
    start: int
    end: int
    dep: str = ""
    head: int = -1  # index in the quote's tokens; -1 for the root or a head outside the quote
    tag: str = ""


@dataclass(frozen=True)
class Words:
    """A quote's tokens, with or without a dependency parse."""

    toks: tuple[Tok, ...]
    parsed: bool

    def children(self, i: int) -> list[Tok]:
        kids: list[list[Tok]] | None = self.__dict__.get("_kids")
        if kids is None:  # built once: the rules ask for children again and again
            kids = [[] for _ in self.toks]
            for t in self.toks:
                if t.head >= 0:
                    kids[t.head].append(t)
            object.__setattr__(self, "_kids", kids)
        return kids[i]

    def subtree(self, i: int) -> list[Tok]:
        out: list[Tok] = []
        todo = [i]
        while todo:
            j = todo.pop()
            out.append(self.toks[j])
            todo.extend(c.i for c in self.children(j))
        return sorted(out, key=lambda t: t.i)

    def ancestors(self, i: int, limit: int = 6) -> list[Tok]:
        out: list[Tok] = []
        j = self.toks[i].head
        while j >= 0 and len(out) < limit:
            out.append(self.toks[j])
            j = self.toks[j].head
        return out


def words_from_span(span: SpacySpan, base: int) -> Words:
    """Words of a parsed span; `base` is the article offset of the span's doc."""
    first, last = span.start, span.end
    parsed = span.doc.has_annotation("DEP")
    toks = []
    for t in span:
        text, idx = t.text, base + t.idx
        if parsed:
            h = t.head.i
            head = h - first if h != t.i and first <= h < last else -1
            toks.append(
                Tok(t.i - first, text, text.lower().replace("’", "'"), idx, idx + len(text), t.dep_, head, t.tag_)
            )
        else:
            toks.append(Tok(t.i - first, text, text.lower().replace("’", "'"), idx, idx + len(text), "", -1, t.tag_))
    return Words(tuple(toks), parsed)


def words_from_text(text: str, base: int) -> Words:
    """Words of plain text (no parse): the window rules apply."""
    toks = tuple(
        Tok(i, m.group(0), m.group(0).lower().replace("’", "'"), base + m.start(), base + m.end())
        for i, m in enumerate(TOKEN_RE.finditer(text))
    )
    return Words(toks, False)


# ----- word classes ---------------------------------------------------------------------------


def object_class(words: Words, i: int, wc: WordClasses) -> ObjectClass | None:
    """What the noun at `i` is: its head word decides ("asylum backlog" is a backlog, not asylum);
    a head the classes do not know is read through its modifiers ("Rwanda scheme", "smuggling
    networks") and a quantity through what it counts ("the number of migrants")."""
    tok = words.toks[i]
    head = tok.low
    if head in GENERIC_HEADS:
        return None
    mods = (
        [t.low for t in words.children(i) if t.dep in NOUN_MODIFIERS]
        if words.parsed
        else [t.low for t in words.toks[max(0, i - 2) : i]]
    )
    counted = []
    if words.parsed:
        for prep in (c for c in words.children(i) if c.dep == "prep" and c.low == "of"):
            counted += [c.i for c in words.children(prep.i) if c.dep == "pobj"]
    if head in wc.restrictive_measures:
        return "restrictive_measure"
    if head in wc.problem:
        return "problem"
    if head in ("border", "borders", "door") and "open" in mods:
        return "open_measure"
    if head in wc.open_measures:
        return "open_measure"
    if head in wc.migrants:
        return "problem" if any(m in wc.problem for m in mods) else "migrants"  # "illegal immigrants"
    if head in wc.valued and not any(m in wc.problem for m in mods):
        return "valued"
    if head in QUANTITY_HEADS and counted:  # "the number of migrants", "the number of border officers"
        return next((c for c in (object_class(words, j, wc) for j in counted) if c is not None), None)
    if head in wc.people:
        if any(m in wc.problem for m in mods):
            return "problem"
        return "migrants" if any(m in wc.migrants for m in mods) else "people"
    if head in wc.border:
        return "border"
    if head == "security":
        return "security"
    if any(m in wc.restrictive_measures for m in mods):
        return "restrictive_measure"
    if any(m in wc.problem for m in mods):
        return "problem"
    if head not in POLICY_HEADS and any(m in wc.open_measures for m in mods):
        return "open_measure"
    return None


def direction_of(action: str, obj: ObjectClass, wc: WordClasses) -> str | None:
    """'restrictive' or 'open' for an action done to a class of thing, None when it says nothing."""
    against = action in wc.against_actions
    closing, opening = action in wc.closing_verbs, action in wc.opening_verbs
    backing = action in wc.for_actions and not (closing or opening)
    if obj == "border":
        return "restrictive" if closing else "open" if opening else None
    if obj == "security":  # "delivering security", "protect our security"
        return "restrictive" if backing or closing else None
    if obj == "restrictive_measure":
        return "open" if against else "restrictive" if (backing or closing) else None
    if obj == "open_measure":
        return "restrictive" if against or closing else "open" if backing or opening else None
    if obj == "problem":
        return "restrictive" if against or closing else None
    if obj == "migrants":  # "deport migrants" restrictive, "welcome refugees" open
        return "restrictive" if against else "open" if backing else None
    if obj == "people":  # "remove people" restrictive; "help people" says nothing about migration
        return "restrictive" if against else None
    if obj == "valued":  # "hurt students" is harm (see _harms); "help families" says nothing
        return "open" if action in wc.harm_verbs else None
    return None


# ----- relations: parse arcs, or a window of words ---------------------------------------------


def objects_of(words: Words, i: int) -> list[int]:
    """The things action `i` is done to: its objects, the object of its preposition, or its
    passive subject. Without a parse: the nearest class word in the next few words of the clause."""
    if words.parsed:
        tok = words.toks[i]
        out = [tok.head] if tok.dep == "acl" and tok.tag == "VBN" and tok.head >= 0 else []  # "the number returned"
        for c in words.children(i):
            if c.dep in ("dobj", "nsubjpass", "oprd"):
                out.append(c.i)
                out += [d.i for d in words.children(c.i) if d.dep == "conj"]
            elif c.dep in ("prep", "prt") and c.low in OBJECT_PREPS:  # "crack down on", "fight against"
                out += [d.i for d in words.children(c.i) if d.dep == "pobj"]
                out += [
                    e.i
                    for d in words.children(c.i)
                    if d.dep == "prep" and d.low in OBJECT_PREPS
                    for e in words.children(d.i)
                    if e.dep == "pobj"
                ]
        if not out and tok.low in TRANSFER_FORMS:  # "the number returned to Albania": the mover is the subject
            out = [c.i for c in words.children(i) if c.dep == "nsubj"]
        return out
    run = []  # the noun phrase after the action: its last word is its head
    for t in words.toks[i + 1 : i + 1 + WINDOW]:
        if CLAUSE_BREAK.match(t.low) or t.low in PHRASE_ENDS or t.low in MODALS or t.low in BE_HAVE:
            break
        run.append(t.i)
    return run[-1:]


def subject_of(words: Words, i: int) -> list[Tok]:
    """The subject of the clause of `i` (climbing through auxiliaries and conjoined verbs)."""
    if not words.parsed:
        before: list[Tok] = []
        for t in reversed(words.toks[max(0, i - WINDOW - 2) : i]):
            if CLAUSE_BREAK.match(t.low):
                break
            before.insert(0, t)
        return before
    j = i
    for _ in range(4):
        subj = [c for c in words.children(j) if c.dep in SUBJECT_DEPS and c.dep != "nsubjpass"]
        if subj:
            return words.subtree(subj[0].i)
        tok = words.toks[j]
        if tok.head < 0 or tok.dep not in ("conj", "xcomp", "aux", "advcl"):
            return []
        j = tok.head
    return []


def negated(words: Words, i: int, wc: WordClasses) -> bool:
    """True when the clause of `i` is denied: a 'not' or 'never' on it, or a 'nobody' subject."""
    if words.parsed:
        heads = [words.toks[i]] + (
            [words.toks[words.toks[i].head]]
            if words.toks[i].dep in ("xcomp", "conj") and words.toks[i].head >= 0
            else []
        )
        for h in heads:
            for c in words.children(h.i):
                if c.dep == "neg" or (c.dep in SUBJECT_DEPS and c.low in ("nobody", "nothing", "none", "no one")):
                    return True
            if h.dep == "pcomp" and h.head >= 0 and words.toks[h.head].low == "without":  # "without deporting"
                return True
        return False
    window = []
    for t in reversed(words.toks[max(0, i - 3) : i]):
        if CLAUSE_BREAK.match(t.low):
            break
        window.append(t.low)
    return any(w in wc.negators for w in window)


def first_person(toks: Iterable[Tok], wc: WordClasses) -> bool:
    return any(t.low in wc.first_person for t in toks)


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
        if words.parsed and not tok.tag.startswith("VB"):
            continue
        if _open_border_adjective(words, tok.i):  # "open borders" is read by open_border_findings
            continue
        action = _action_lemma(words, tok, wc)
        if action is None or conditional(words, tok.i) or _describes_people(words, tok.i, wc):
            continue  # a condition, or a relative clause describing someone ("people who were granted asylum")
        for j in objects_of(words, tok.i):
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
    """Harm done to people: "punish people", "separate families"; deterring is harm only to
    people the quote values ("deter students"), not to migrants ("deter crossings")."""
    if action not in wc.harm_verbs or cls not in ("people", "migrants", "valued"):
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
            return [Finding("direction:restrictive", min(i, j), max(i, j), (i, j))]
    return []


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


def _action_lemma(words: Words, tok: Tok, wc: WordClasses) -> str | None:
    low = tok.low
    if low in ("crack", "cracking", "cracked", "clamp", "clamping", "clamped"):
        nxt = words.toks[tok.i + 1].low if tok.i + 1 < len(words.toks) else ""
        return "crack" if nxt == "down" else None
    if low in ("turn", "turns", "turning", "turned"):  # only "turn back", "turn away"
        back = any(t.low in ("back", "away") for t in words.toks[tok.i + 1 : tok.i + 6])
        return "turn" if back else None
    nxt = words.toks[tok.i + 1].low if tok.i + 1 < len(words.toks) else ""
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


def read_words(words: Words, wc: WordClasses) -> list[Finding]:
    """Every finding of the rules above."""
    return action_findings(words, wc) + evaluation_findings(words, wc) + open_border_findings(words, wc)


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
