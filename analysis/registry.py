"""The bundled, dated registry of office holders, organisations, parties and governments.

Data lives in data/registry.json (readable, with its sources); this module only answers
questions about it: who held an office on a date, which party governed a country, what a party
or demonym word means.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

REGISTRY_PATH = Path(__file__).with_name("data") / "registry.json"


@dataclass(frozen=True)
class Office:
    id: str
    label: str
    titles: tuple[str, ...]
    country: str


@dataclass(frozen=True)
class Term:
    office: Office
    start: date | None
    end: date | None

    def covers(self, on: date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class RegistryPerson:
    id: str
    name: str
    aliases: tuple[str, ...]
    gender: str | None
    party: str | None
    country: str | None
    terms: tuple[Term, ...]

    def offices_on(self, on: date | None) -> list[Office]:
        return [t.office for t in self.terms if t.covers(on)]


PolicyDirection = Literal["restrictive", "open", "mixed"]


@dataclass(frozen=True)
class GovernmentTerm:
    """One government of one country: who led it, which parties held office, from when to when."""

    id: str
    country: str
    start: date | None
    end: date | None  # the first day of the next term; None while in office
    head: str
    parties: tuple[str, ...]  # parties holding cabinet posts, the head's party first
    opposition: str | None  # the official or largest opposition party
    migration_policy: PolicyDirection | None  # a coarse hint, never shown as a label

    def covers(self, on: date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    @property
    def label(self) -> str:
        """'UK: Conservative government (Sunak)' for people."""
        who = self.head.split()[-1]
        if not self.parties:
            return f"{self.country}: caretaker government ({who})"
        return f"{self.country}: {'–'.join(_bare(p) for p in self.parties)} government ({who})"


def _bare(party: str) -> str:
    """'Liberal (Canada)' -> 'Liberal': the parenthesis only tells registry keys apart."""
    return party.split(" (")[0]


@dataclass(frozen=True)
class RegistryParty:
    """A party as data/registry.json lists it."""

    name: str
    country: str
    aliases: tuple[str, ...]
    colour: str | None  # for the app's charts and highlights; no rule reads it


@dataclass(frozen=True)
class RegistryOrg:
    id: str
    name: str
    aliases: tuple[str, ...]
    role: str | None
    country: str | None
    government: bool


@lru_cache(maxsize=65536)  # names are folded again and again while mentions are resolved
def fold(text: str) -> str:
    """Lower case without accents or curly apostrophes, for name comparison."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# "Alejandro N. Mayorkas", "Joseph R. Biden": a middle initial the registry's names leave out
MIDDLE_INITIAL = re.compile(r"(?<=\w)\s+[A-Z]\.(?=\s+[A-Z])")


class Registry:
    """Questions answered from data/registry.json."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        self.offices = {
            oid: Office(oid, o["label"], tuple(o["titles"]), o["country"]) for oid, o in data["offices"].items()
        }
        self.people = tuple(
            RegistryPerson(
                p["id"],
                p["name"],
                tuple(p.get("aliases", ())),
                p.get("gender"),
                p.get("party"),
                p.get("country"),
                tuple(Term(self.offices[o], _date(s), _date(e)) for o, s, e in p.get("offices", ())),
            )
            for p in data["people"]
        )
        self.orgs = tuple(
            RegistryOrg(
                o["id"],
                o["name"],
                tuple(o.get("aliases", ())),
                o.get("role"),
                o.get("country"),
                bool(o.get("government")),
            )
            for o in data["organisations"]
        )
        governments = data["governments"]
        self.governments: dict[str, tuple[GovernmentTerm, ...]] = {
            country: tuple(
                GovernmentTerm(
                    t["id"],
                    country,
                    _date(t["start"]),
                    _date(t["end"]),
                    t["head"],
                    tuple(t["parties"]),
                    t.get("opposition"),
                    t.get("migration_policy"),
                )
                for t in terms
            )
            for country, terms in governments["terms"].items()
        }
        self.executive_offices = frozenset(governments.get("executive_offices", ()))
        self.parties = tuple(
            RegistryParty(name, info["country"], tuple(info["aliases"]), info.get("colour"))
            for name, info in data["parties"].items()
        )
        self._party_by_name = {fold(p.name): p for p in self.parties}
        self.party_words: dict[str, list[tuple[str, str]]] = {}
        for party, info in data["parties"].items():
            for alias in info["aliases"]:
                self.party_words.setdefault(fold(alias), []).append((party, info["country"]))
        self.demonyms: dict[str, str] = {k: v for k, v in data["demonyms"].items()}
        self.places = {c: tuple(words) for c, words in data["places"].items()}
        # countries with no government terms: an article about Kenya is not measured against the UK's
        self.other_places = {
            c: tuple(words) for c, words in data.get("places_without_government", {}).items() if c != "_about"
        }
        self._by_name: dict[str, list[RegistryPerson]] = {}
        for p in self.people:
            for n in (p.name, *p.aliases):
                same = self._by_name.setdefault(fold(n), [])
                if p not in same:  # "Clare O'Neil" and "Clare O’Neil" fold to one key
                    same.append(p)
        self._org_by_name: dict[str, RegistryOrg] = {}
        for o in self.orgs:
            for n in (o.name, *o.aliases):
                self._org_by_name[fold(n)] = o
                if fold(n).startswith("the "):
                    self._org_by_name[fold(n)[4:]] = o

    def extended(
        self,
        *,
        people: Sequence[dict[str, Any]] = (),
        organisations: Sequence[dict[str, Any]] = (),
        parties: dict[str, dict[str, Any]] | None = None,
    ) -> Registry:
        """A new registry with user-added entries (same JSON shapes as data/registry.json).

        An added entry with the id of a bundled one replaces it, so a user can correct a role."""
        data = dict(self._data)
        added_ids = {p["id"] for p in people}
        data["people"] = [p for p in self._data["people"] if p["id"] not in added_ids] + list(people)
        added_orgs = {o["id"] for o in organisations}
        data["organisations"] = [o for o in self._data["organisations"] if o["id"] not in added_orgs] + list(
            organisations
        )
        data["parties"] = {**self._data["parties"], **(parties or {})}
        return Registry(data)

    def full_name_pattern(self) -> re.Pattern[str] | None:
        """One regex for every registry name of two words or more, longest first (built once)."""
        cached: re.Pattern[str] | Literal[False] | None = self.__dict__.get("_full_name_pattern")
        if cached is None:
            names = {n for p in self.people for n in (p.name, *p.aliases) if len(n.split()) >= 2}
            body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            cached = re.compile(rf"\b(?:{body})\b") if body else False
            self.__dict__["_full_name_pattern"] = cached
        return cached or None

    def office_pattern(self) -> re.Pattern[str]:
        """'the (British) (former) Prime Minister' and the like: one regex, built once per registry."""
        cached = self.__dict__.get("_office_pattern")
        if cached is None:
            titles = sorted({t for o in self.offices.values() for t in o.titles}, key=len, reverse=True)
            demonyms = sorted(self.demonyms, key=len, reverse=True)
            cached = re.compile(
                r"\b([Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:((?:" + "|".join(map(re.escape, demonyms)) + r"))\s+)?"
                r"(?:(former|then|new|current|late)\s+)?"
                r"((?i:" + "|".join(map(re.escape, titles)) + r"))\b(?!\s+[A-Z][a-z]+\s+[A-Z])"
            )
            self.__dict__["_office_pattern"] = cached
        return cached

    def person(self, person_id: str) -> RegistryPerson | None:
        return next((p for p in self.people if p.id == person_id), None)

    def people_named(self, name: str) -> list[RegistryPerson]:
        """People whose name or alias is exactly this (accent- and case-insensitive), or is this
        without its middle initials ("Alejandro N. Mayorkas" is the registry's Alejandro Mayorkas)."""
        found = self._by_name.get(fold(name), ())
        if not found:
            bare = MIDDLE_INITIAL.sub("", name)
            found = self._by_name.get(fold(bare), ()) if bare != name else ()
        return list(found)

    def org_named(self, name: str) -> RegistryOrg | None:
        key = fold(name)
        return self._org_by_name.get(key) or self._org_by_name.get(key.removeprefix("the "))

    def offices_titled(self, title: str) -> list[Office]:
        key = fold(title)
        return [o for o in self.offices.values() if key in (fold(t) for t in o.titles)]

    def holders(self, office: Office, on: date | None) -> list[RegistryPerson]:
        return [p for p in self.people if any(t.office == office and t.covers(on) for t in p.terms)]

    def government_on(self, country: str | None, on: date | None) -> GovernmentTerm | None:
        """The government of `country` on `on` (the one in office now when `on` is None)."""
        return next((t for t in self.governments.get(country or "", ()) if t.covers(on)), None)

    def government_by_id(self, term_id: str) -> GovernmentTerm | None:
        return next((t for terms in self.governments.values() for t in terms if t.id == term_id), None)

    def governing_party(self, country: str | None, on: date | None) -> str | None:
        """The head of government's party on that date."""
        term = self.government_on(country, on)
        return term.parties[0] if term and term.parties else None

    def party_country(self, party: str) -> str | None:
        """The country of a party named as in 'parties' (None for a party the registry lacks)."""
        info = self._data["parties"].get(party)
        return info["country"] if info else None

    def parties_of(self, country: str) -> dict[str, tuple[str, ...]]:
        """Party name -> its aliases, for one country."""
        return {
            name: tuple(info.get("aliases", ()))
            for name, info in self._data["parties"].items()
            if info.get("country") == country
        }

    def party_named(self, text: str) -> RegistryParty | None:
        """The party with this name, else the first with this alias ("Tories" -> Conservative); None if none."""
        key = fold(text)
        if key in self._party_by_name:
            return self._party_by_name[key]
        options = self.party_words.get(key)
        return self._party_by_name[fold(options[0][0])] if options else None

    def party_of_word(self, word: str, country: str | None = None) -> tuple[str, str] | None:
        """('Conservative', 'UK') for 'Tory', None for a word that names no party (in that country)."""
        options = self.party_words.get(fold(word), [])
        if country is None:
            return options[0] if options else None
        return next((o for o in options if o[1] == country), None)


@lru_cache(maxsize=1)
def load_registry(path: Path = REGISTRY_PATH) -> Registry:
    """The bundled registry, read once."""
    with open(path, encoding="utf-8") as fh:
        return Registry(json.load(fh))
