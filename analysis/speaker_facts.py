"""What a resolved speaker shows: its name, role, party and country, and the finished `Speaker` records.

Functions of an entity and the article's context (registry, publication date, home country): they
read and change nothing, so the speaker book and tests call them alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from analysis import government
from analysis.entities import Entity
from analysis.records import Speaker
from analysis.registry import Registry, fold
from analysis.speaker_phrases import strip_the
from analysis.speaker_words import PARTY_ROLE

# A country the registry has no governments for is the article's only when the registry's countries
# have fewer votes than this and it has at least as many: a UK story about a deal with Rwanda names
# Rwanda often, yet is about UK politics.
OTHER_COUNTRY_VOTES = 3


def home_country(text: str, registry: Registry, entities: Sequence[Entity], *, resolved: bool) -> str:
    """The country whose politics the article is about. Before resolution: place words and
    registry names. After: every mention of a person or organisation whose country we know
    counts three times, since an article about a UK-France deal quotes mostly UK politicians."""
    votes = _place_votes(text, registry.places)
    low = text
    if not resolved:
        for p in registry.people:
            if p.country and p.name in low and re.search(rf"\b{re.escape(p.name)}\b", low):
                votes[p.country] = votes.get(p.country, 0) + 3
    else:
        for ent in entities:
            country = (
                (ent.registry.country if ent.registry else None)
                or (ent.org.country if ent.org else None)
                or ent.article_country
            )
            # a speaker from a country the registry has no governments for ("Syrian refugees") says
            # where they come from, not whose politics the article is about
            if country and country not in ("EU", "NATO") and country not in registry.other_places:
                votes[country] = votes.get(country, 0) + 3 * len([m for m in ent.mentions if m.rule != "pronoun"])
    for country in _counterparts(text, registry):
        if country in votes and len(votes) > 1:
            votes[country] -= COUNTERPART_WEIGHT  # "the Home Secretary and her French counterpart": not France
    best = max(votes, key=votes.__getitem__) if votes else None
    if best is None or votes[best] < OTHER_COUNTRY_VOTES:
        # hardly a word of any country the registry knows: a story about Kenya is Kenya's
        other = _place_votes(text, registry.other_places)
        best_other = max(other, key=other.__getitem__) if other else None
        if best_other is not None and other[best_other] >= OTHER_COUNTRY_VOTES:
            return best_other
    return best or "UK"


def _place_votes(text: str, places: dict[str, tuple[str, ...]]) -> dict[str, int]:
    votes: dict[str, int] = {}
    for country, words in places.items():
        for w in words:
            if w not in text:  # a plain substring test first: most place words are absent
                continue
            n = len(re.findall(rf"\b{re.escape(w)}\b", text))
            if n:
                votes[country] = votes.get(country, 0) + n
    return votes


COUNTERPART_WEIGHT = 100


def _counterparts(text: str, registry: Registry) -> set[str]:
    """Countries the text names as the other side: "his French counterpart", "Irish counterparts"."""
    if "counterpart" not in text:
        return set()
    found = set()
    for m in re.finditer(r"\b([A-Z][\w’'-]+)\s+counterparts?\b", text):
        country = registry.demonyms.get(m.group(1))
        if country:
            found.add(country)
    return found


def display_name(ent: Entity) -> str:
    """The name to show: for an organisation, the fullest form the article used
    ("U.S. Immigration and Customs Enforcement" rather than the registry's short form)."""
    if ent.kind != "organisation":
        return ent.name
    if ent.article_role == PARTY_ROLE and ent.aliases:
        return strip_the(ent.aliases[0])  # a party as the article first names it: "Democrats", "Labour"
    longer = [
        a
        for a in ent.aliases
        if fold(ent.name) in fold(a) and len(a) > len(ent.name) and not a.lower().startswith(("a ", "an ", "the "))
    ]
    return max(longer, key=len) if longer else ent.name  # the same words in lower case are no fuller


def role(ent: Entity, published: date | None) -> str | None:
    """The office the registry says it held on the publication date, else the role the article gave it."""
    if ent.registry:
        offices = ent.registry.offices_on(published)
        if offices:
            return offices[0].label
    if ent.org:
        return ent.org.role
    return ent.article_role[0].upper() + ent.article_role[1:] if ent.article_role else None


def party(ent: Entity, registry: Registry, published: date | None, home: str) -> str | None:
    """Its party: from the article, the registry, the government it speaks for, or its role."""
    if ent.article_party:
        return ent.article_party
    if ent.registry and ent.registry.party:
        return ent.registry.party
    if ent.speaks_for and ent.speaks_for.government and ent.speaks_for.country:
        return registry.governing_party(ent.speaks_for.country, published)
    return government.party_from_role(role(ent, published), home, published, registry)


def country(ent: Entity, registry: Registry, published: date | None, home: str) -> str | None:
    """Its country: from the registry, the organisation it speaks for, the article, or its party."""
    if ent.registry and ent.registry.country:
        return ent.registry.country
    if ent.speaks_for and ent.speaks_for.country:
        return ent.speaks_for.country
    if ent.article_country:
        return ent.article_country
    its_party = party(ent, registry, published, home)
    if its_party:
        hit = registry.party_of_word(its_party, country=home)
        if hit:
            return hit[1]
    return None


def speakers(
    entities: Sequence[Entity], quoted_ids: set[str], registry: Registry, published: date | None, home: str
) -> tuple[Speaker, ...]:
    """The finished records: every person named, and every other speaker that is quoted."""
    out = []
    for ent in entities:
        if ent.kind != "person" and ent.id not in quoted_ids:
            continue
        named = [m for m in ent.mentions if m.rule != "pronoun"]
        if not named and ent.id not in quoted_ids:
            continue
        out.append(
            Speaker(
                id=ent.id,
                name=display_name(ent),
                kind=ent.kind,  # type: ignore[arg-type]
                role=role(ent, published),
                party=party(ent, registry, published, home),
                country=country(ent, registry, published, home),
                aliases=tuple(dict.fromkeys(ent.aliases)),
                mentions=tuple(ent.mentions),
                quoted=ent.id in quoted_ids,
                role_source="registry"
                if (ent.registry and ent.registry.offices_on(published)) or ent.org
                else ("article" if ent.article_role else None),
                registry_id=ent.registry.id if ent.registry else (ent.org.id if ent.org else None),
            )
        )
    return tuple(out)
