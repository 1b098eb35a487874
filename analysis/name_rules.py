"""Small rules that find which speaker already in the article a name or an office refers to.

Each takes the entities read so far and plain values, and returns an entity or None; it changes
nothing, so it can be tested on hand-built entities. `SpeakerBook` applies what they find.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from analysis.entities import Entity
from analysis.name_genders import looks_like_first_name
from analysis.registry import fold
from analysis.speaker_words import HONORIFICS, ORG_HEADS, ROLE_NOUNS, TITLE_WORDS, UNNAMED_PERSON_HEADS


@dataclass(frozen=True)
class NameParts:
    """A name as written, read into its honorific ("Mr"), its core ("Van der Burg") and the core's folded words."""

    honor: str | None
    core: str
    tokens: tuple[str, ...]


def name_words(text: str) -> list[str]:
    """The words of a name, apostrophes made plain and a possessive dropped ("Keir Starmer's")."""
    words = text.replace("’", "'").split()
    if len(words) > 1 and re.search(r"[^s]'s$|s'$", words[-1]):
        words[-1] = re.sub(r"'s?$", "", words[-1])
    return words


def name_parts(words: Sequence[str]) -> NameParts | None:
    """The honorific and core of a name's words ("Minister Clare O'Neil" -> "Clare O'Neil"); None when no core is left."""
    honor = words[0].lower().rstrip(".") if words and words[0].lower().rstrip(".") in HONORIFICS else None
    core_words = list(words[1:] if honor else words)
    while len(core_words) > 2 and core_words[0].lower().strip(",") in TITLE_WORDS:
        core_words = core_words[1:]
    core = " ".join(core_words)
    if not core:
        return None
    return NameParts(honor, core, tuple(fold(core).replace(".", "").split()))


def person_with_surname(entities: Sequence[Entity], tokens: Sequence[str]) -> Entity | None:
    """ "Mr Van der Burg": the latest person whose longer name ends in these words (a surname of several words)."""
    want = list(tokens)
    for ent in sorted(entities, key=lambda x: -x.last_mention()):
        if ent.kind == "person" and len(ent.name_tokens) > len(want) and ent.name_tokens[-len(want) :] == want:
            return ent
    return None


def person_named(entities: Sequence[Entity], tokens: Sequence[str]) -> Entity | None:
    """The first person whose name is exactly these words."""
    want = list(tokens)
    return next((ent for ent in entities if ent.kind == "person" and ent.name_tokens == want), None)


def untagged_first_name(text: str, surname: str) -> str | None:
    """ "Megyn Kelly interviewed him. Kelly asked ...": the first name the article writes before a
    surname the tagger only found alone, when there is exactly one and it is a known first name."""
    firsts = {m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b", text)}
    known = [f for f in firsts if looks_like_first_name(f)]
    return known[0] if len(known) == 1 and len(firsts) == 1 else None


def surname_only_person(entities: Sequence[Entity], surname: str) -> Entity | None:
    """The latest person named so far only by this surname ("Starmer"), who a full name now completes."""
    for ent in reversed(entities):
        if ent.kind == "person" and len(ent.name_tokens) == 1 and ent.name_tokens[0] == surname:
            return ent
    return None


def person_called(entities: Sequence[Entity], token: str, gender: str | None, *, by_first: bool) -> Entity | None:
    """The person one word names, most recently mentioned: by surname ("Starmer", "Mr Rama"), by first
    name after "Sir" or "Dame", else (not after "Sir") by any of their names; of a compatible gender."""

    def compatible(ent: Entity) -> bool:
        return gender is None or ent.gender in (None, gender)

    candidates = [
        ent
        for ent in entities
        if ent.kind == "person"
        and ent.name_tokens
        and (ent.name_tokens[0] == token if by_first else ent.name_tokens[-1] == token)
        and compatible(ent)
    ]
    if not candidates and not by_first:
        candidates = [ent for ent in entities if ent.kind == "person" and token in ent.name_tokens and compatible(ent)]
    return max(candidates, key=lambda x: x.last_mention()) if candidates else None


def holds_office_in_article(
    ent: Entity, want: str, country: str | None, home_country: str, published: date | None
) -> bool:
    """Whether the article gave `ent` the office titled `want` (folded), or the registry says they hold
    it, in the office's country (the article's own when the title names none)."""
    if ent.kind != "person":
        return False
    role = fold(ent.article_role or "")
    holds = [
        o for o in (ent.registry.offices_on(published) if ent.registry else []) if want in (fold(t) for t in o.titles)
    ]
    role_has = bool(re.search(rf"\b{re.escape(want)}\b", role))
    ent_country = ent.article_country or (holds[0].country if holds else None)
    if country is None and role_has and ent.article_country and ent.article_country != home_country:
        return False
    if country is not None and ent_country not in (None, country):
        return False
    if not (role_has or holds):
        return False
    # an office held abroad does not answer "the president" in an article about home
    return not (country is None and holds and all(o.country != home_country for o in holds) and not role_has)


def office_holder_in_article(
    entities: Sequence[Entity], want: str, country: str | None, home_country: str, published: date | None
) -> Entity | None:
    """The person mentioned most recently who holds the office titled `want` (folded) in the article."""
    best = None
    for ent in entities:
        if holds_office_in_article(ent, want, country, home_country, published) and (
            best is None or ent.last_mention() > best.last_mention()
        ):
            best = ent
    return best


def earlier_person_of_role(entities: Sequence[Entity], phrase: str, start: int) -> Entity | None:
    """ "The Houston resident said" after "Maria Lopez, a Houston resident,": the person the
    article gave that role, the latest such before."""
    m = re.match(r"(?:the|this|that)\s+(.+)$", phrase, re.I)
    if not m:
        return None
    words = fold(m.group(1)).split()
    if not words or words[-1] not in ROLE_NOUNS and words[-1] not in UNNAMED_PERSON_HEADS:
        return None
    matches = [
        e
        for e in entities
        if e.kind == "person"
        and e.article_role
        and e.last_mention() < start
        and set(words) <= set(fold(e.article_role).replace(",", " ").split())
    ]
    return max(matches, key=lambda e: e.last_mention()) if matches else None


# "The head of the Border Agency is warning ...": a lede that describes the person the next
# paragraphs name ("Commissioner Ann Hale said").
LEADER_DESCRIPTION = re.compile(r"(?i)^the\s+(?:head|chief|leader|boss)\s+of\s+(?P<org>(?:the\s+)?[A-Z].+)$")
LEADER_TITLES = frozenset(
    "commissioner director chief head chair chairman chairwoman chairperson president secretary minister "
    "administrator commander leader executive governor mayor".split()
)


def later_named_leader(entities: Sequence[Entity], phrase: str, start: int) -> tuple[Entity, str] | None:
    """The first person named with a leader's title in the paragraphs right after a "the head of X"
    description, and X; None when there is no such person."""
    m = LEADER_DESCRIPTION.match(phrase.strip())
    if not m:
        return None
    first = _first_titled_after(entities, LEADER_TITLES, start)
    return (first, m.group("org")) if first is not None else None


def _first_titled_after(entities: Sequence[Entity], titles: frozenset[str], start: int) -> Entity | None:
    """The first person named after `start`, within the lede's reach, whose role or titles hold one
    of `titles`; a headline's "- Minister" is no naming."""
    named_after = [
        (min(x.start for x in body), e)
        for e in entities
        if e.kind == "person"
        and (body := [x for x in e.mentions if x.rule != "headline name"])
        and titles & set(f"{fold(e.article_role or '')} {titles_held(e)}".replace(",", " ").split())
    ]
    first = min(((at, e) for at, e in named_after if start < at < start + LEDE_REACH), default=None, key=lambda x: x[0])
    return first[1] if first is not None else None


LEDE_REACH = 700  # characters: the lede and the paragraph or two after it


def later_named_of_role(entities: Sequence[Entity], phrase: str, start: int, lede_end: int) -> Entity | None:
    """ "A British cabinet minister on Tuesday vowed ..." and then "Immigration Minister Robert
    Jenrick told ...": a lede that describes the person the next paragraph names with that title.
    The first person named after the description, within the lede's reach, whose role holds its head;
    only for a description in the lede, where news copy names its subject a paragraph later."""
    m = re.match(r"(?:a|an)\s+(.+)$", phrase.strip(), re.I)
    if not m or start >= lede_end:
        return None
    head = fold(m.group(1)).split()[-1]
    if head not in ROLE_NOUNS:
        return None
    return _first_titled_after(entities, frozenset({head}), start)


def earlier_org_of_kind(entities: Sequence[Entity], phrase: str, start: int) -> Entity | None:
    """ "The department said": the organisation of that kind named most recently before."""
    head = re.sub(r"[^\w-]", "", phrase.split()[-1].lower())
    if head not in ORG_HEADS or not re.match(r"(?:the|its|this)\s", phrase, re.I):
        return None

    def latest_before(e: Entity) -> int:
        return max((m.start for m in e.mentions if m.start < start), default=-1)

    earlier = [
        e for e in entities if e.kind == "organisation" and head in fold(e.name).split() and latest_before(e) >= 0
    ]
    return max(earlier, key=latest_before) if earlier else None


# The office a title before a name stands for: "Sen. Bernie Sanders" is a senator.
TITLE_OFFICES = {
    "sen": "senator",
    "senator": "senator",
    "rep": "representative congressman congresswoman",
    "representative": "representative congressman congresswoman",
    "gov": "governor",
    "governor": "governor",
    "president": "president",
    "mayor": "mayor",
}


def titles_held(ent: Entity) -> str:
    """The offices the titles on a person's mentions name ("Sen. Bernie Sanders" -> "senator")."""
    firsts = {fold(m.text.split()[0]).rstrip(".") for m in ent.mentions if m.rule != "pronoun" and m.text.split()}
    return " ".join(TITLE_OFFICES[t] for t in sorted(firsts) if t in TITLE_OFFICES)
