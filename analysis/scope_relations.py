"""Relations the scope rules read: what class a noun is, what an action on it argues, an action's
objects and subject, and whether its clause is denied; through parse arcs, or a window of words
when there is no parse."""

from __future__ import annotations

from collections.abc import Iterable

from analysis.scope_words import (
    BE_HAVE,
    CLAUSE_BREAK,
    GENERIC_HEADS,
    MODALS,
    NOUN_MODIFIERS,
    OBJECT_PREPS,
    PHRASE_ENDS,
    POLICY_HEADS,
    QUANTITY_HEADS,
    SUBJECT_DEPS,
    TRANSFER_FORMS,
    WINDOW,
    ObjectClass,
    Tok,
    Words,
)
from analysis.stance_cues import WordClasses


def object_class(words: Words, i: int, wc: WordClasses) -> ObjectClass | None:
    """What the noun at `i` is: its head word decides ("asylum backlog" is a backlog, not asylum);
    a head the classes do not know is read through its modifiers ("Rwanda scheme", "smuggling
    networks") and a quantity through what it counts ("the number of migrants")."""
    head = words.toks[i].low
    if head in GENERIC_HEADS:
        return None
    mods = (
        [t.low for t in words.children(i) if t.dep in NOUN_MODIFIERS]
        if words.parsed
        else [t.low for t in words.toks[max(0, i - 2) : i]]
    )
    by_head = _class_of_head(head, mods, wc)
    if by_head is not None:
        return by_head
    counted = _counted(words, i)
    if head in QUANTITY_HEADS and counted:  # "the number of migrants", "the number of border officers"
        return next((c for c in (object_class(words, j, wc) for j in counted) if c is not None), None)
    return _class_of_people_or_place(head, mods, wc) or _class_of_modifiers(head, mods, wc)


def _counted(words: Words, i: int) -> list[int]:
    """What a quantity at `i` counts: the objects of its "of" ("the number of migrants")."""
    counted = []
    if words.parsed:
        for prep in (c for c in words.children(i) if c.dep == "prep" and c.low == "of"):
            counted += [c.i for c in words.children(prep.i) if c.dep == "pobj"]
    return counted


def _class_of_head(head: str, mods: list[str], wc: WordClasses) -> ObjectClass | None:
    """The class a measure, problem, migrant or valued head word gives."""
    if head in wc.restrictive_measures:
        return "restrictive_measure"
    if head in wc.problem:
        return "problem"
    if head in ("border", "borders", "door") and "open" in mods:
        return "open_measure"
    if head in wc.open_measures and head not in wc.migrants:  # "refugees" are people, not a "refuge"
        return "open_measure"
    if head in wc.migrants:
        return "problem" if any(m in wc.problem for m in mods) else "migrants"  # "illegal immigrants"
    if head in wc.valued and not any(m in wc.problem for m in mods):
        return "valued"
    return None


def _class_of_people_or_place(head: str, mods: list[str], wc: WordClasses) -> ObjectClass | None:
    if head in wc.people:
        if any(m in wc.problem for m in mods):
            return "problem"
        return "migrants" if any(m in wc.migrants for m in mods) else "people"
    if head in wc.border:
        return "border"
    if head == "security":
        return "security"
    return None


def _class_of_modifiers(head: str, mods: list[str], wc: WordClasses) -> ObjectClass | None:
    """A head the classes do not know, read through its modifiers ("Rwanda scheme", "smuggling networks")."""
    if any(m in wc.restrictive_measures for m in mods):
        return "restrictive_measure"
    if any(m in wc.problem for m in mods):
        return "problem"
    if head not in POLICY_HEADS and any(m in wc.open_measures for m in mods):
        return "open_measure"
    return None


# Verbs of admitting people: a direction only when what they take in is migrants.
ADMITTING = frozenset({"accept", "take", "host", "absorb", "shelter", "accommodate"})


SHUTTING = frozenset({"close", "shut", "seal"})


def direction_of(action: str, obj: ObjectClass, wc: WordClasses) -> str | None:
    """'restrictive' or 'open' for an action done to a class of thing, None when it says nothing."""
    if action in ADMITTING and obj != "migrants":
        return None  # "take 800,000 migrants" admits people; "take decisions", "accept applications" do not
    against = action in wc.against_actions
    closing, opening = action in wc.closing_verbs, action in wc.opening_verbs
    backing = action in wc.for_actions and not (closing or opening)
    if obj == "border":
        return "restrictive" if closing else "open" if opening else None
    if obj == "security":  # "delivering security", "protect our security"
        return "restrictive" if backing or closing else None
    if obj == "restrictive_measure":  # "close the detention centres" ends the measure
        if action in ("close", "shut"):
            return "open"
        return "open" if against else "restrictive" if (backing or closing) else None
    if obj == "open_measure":  # "close the route" restricts; "protect asylum", "strengthen protection" keep it
        if against or action in SHUTTING:
            return "restrictive"
        return "open" if backing or opening or closing else None
    if obj == "problem":
        return "restrictive" if against or closing else None
    if obj == "migrants":  # "deport migrants" restrictive, "welcome refugees", "protect refugees" open
        return "restrictive" if against else "open" if backing or action in ("protect", "defend") else None
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
            elif c.dep in ("ccomp", "xcomp") and c.tag == "VBG":  # "stop smugglers stealing boats": the smugglers
                out += [d.i for d in words.children(c.i) if d.dep == "nsubj"]
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
