"""A quote's words for the scope rules (`analysis.stance_scope`), and the small word lists they read.

`Words` holds a quote's tokens with their parse arcs when there is a parse, or without them (text
from a correction, a paragraph parsed without the dependency parser), so every rule can fall back
to a window of words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Span as SpacySpan

ObjectClass = (
    str  # "restrictive_measure", "open_measure", "problem", "migrants", "people", "valued", "border", "security"
)
QUANTITY_HEADS = {
    "form",  # "all forms of refoulement" is refoulement; "the institution of asylum" is asylum
    "institution",
    "forms",
    "kind",
    "kinds",
    "type",
    "types",
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
    # quantifiers read through their "of": "accommodate some of the refugees"
    "some",
    "many",
    "most",
    "all",
    "half",
    "dozens",
    "tens",
    "majority",
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
# A promised rise or fall in what people are admitted through ("the intake will increase")
GROWTH_FORMS = {"increase", "increases", "rise", "rises", "grow", "grows", "double", "triple", "expand"}
DECLINE_FORMS = {"decrease", "decreases", "fall", "falls", "drop", "drops", "shrink", "halve", "decline"}
ADMITTED_FORMS = {"resettled", "admitted", "granted", "welcomed", "accepted"}
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
