"""Mentions of people and organisations, resolved to one canonical speaker each.

Resolution runs in reading order, the way a reader does: a full name introduces a person; a
surname, "Sir Keir" or "Mr Rama" refers back to the most recent compatible person; an office
("the PM") goes to the person the article gave that role, else to the registry's holder on the
publication date; a description ("the senior Tory") goes to the most recent compatible speaker;
a pronoun to the most recent subject of the same gender.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from analysis import government
from analysis.blocks import Turn
from analysis.records import Mention, Speaker
from analysis.registry import Registry, RegistryOrg, RegistryPerson, fold
from analysis.resolution import Candidate, is_main_clause_subject, pronoun_antecedent

FIRST_NAMES_PATH = Path(__file__).with_name("data") / "first_names.json"
HONORIFICS = {
    "sir": "m",
    "mr": "m",
    "lord": "m",
    "ms": "f",
    "mrs": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "baroness": "f",
    "dr": None,
    "prof": None,
    "professor": None,
    "sen": None,
    "senator": None,
    "rep": None,
    "gov": None,
    "governor": None,
}
FIRST_NAME_HONORIFICS = {"sir", "dame"}  # British usage: "Sir Keir" is Keir Starmer
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Words that can stand before a name as part of a title ("shadow home secretary Chris Philp").
TITLE_WORDS = {
    "prime",
    "minister",
    "secretary",
    "home",
    "foreign",
    "shadow",
    "president",
    "vice",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "gov.",
    "chancellor",
    "mayor",
    "leader",
    "mp",
    "mep",
    "deputy",
    "former",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "justice",
    "interior",
    "immigration",
    "migration",
    "border",
    "security",
    "tory",
    "conservative",
    "labour",
    "labor",
    "republican",
    "democrat",
    "democratic",
    "reform",
    "liberal",
    "green",
    "uk",
    "us",
    "eu",
    "opposition",
    "party",
    "chair",
    "chairman",
    "chairwoman",
    "attorney",
    "general",
    "speaker",
    "house",
    "senate",
    "commissioner",
    "first",
    "junior",
    "senior",
    "veteran",
    "backbencher",
    "backbench",
    "councillor",
    "congressman",
    "congresswoman",
    "lawmaker",
    "premier",
    "taoiseach",
    "affairs",
    "state",
    "director",
    "executive",
    "head",
    "officer",
    "minority",
    "majority",
    "whip",
    "campaigner",
    "activist",
    "mr",
    "ms",
    "mrs",
    "sir",
    "dame",
    "lord",
    "lady",
    "dr",
    "baroness",
    "counterpart",
    "his",
    "her",
    "their",
    "fellow",
    "economist",
    "professor",
    "prof",
    "analyst",
    "czar",
    "tsar",
    "press",
    "white",
}
ROLE_NOUNS = (
    "secretary",
    "minister",
    "leader",
    "mp",
    "mep",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "director",
    "chair",
    "chairman",
    "chairwoman",
    "president",
    "senator",
    "mayor",
    "governor",
    "professor",
    "head",
    "founder",
    "campaigner",
    "executive",
    "officer",
    "ceo",
    "chancellor",
    "member",
    "councillor",
    "lawmaker",
    "congressman",
    "congresswoman",
    "commissioner",
    "premier",
    "economist",
    "analyst",
    "researcher",
    "fellow",
    "advocate",
    "lawyer",
    "solicitor",
    "barrister",
    "adviser",
    "advisor",
    "coordinator",
    "manager",
    "organiser",
    "organizer",
    "czar",
    "tsar",
    "speaker",
    "whip",
    "representative",
    "candidate",
    "deputy",
    "counterpart",
    "activist",
    "resident",
    "owner",
    "worker",
    "volunteer",
    "priest",
    "bishop",
    "doctor",
    "nurse",
    "teacher",
    "judge",
    "correspondent",
    "editor",
)
DESCRIPTION_HEADS = (
    "Tory",
    "Conservative",
    "Labour MP",
    "MP",
    "minister",
    "senator",
    "congressman",
    "congresswoman",
    "Republican",
    "Democrat",
    "leader",
    "politician",
    "MEP",
    "lawmaker",
    "peer",
    "official",
    "campaigner",
    "activist",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mayor",
    "governor",
    "councillor",
    "backbencher",
    "chancellor",
    "secretary",
    "premier",
    "president",
    "chief",
    "economist",
    "professor",
    "academic",
    "analyst",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "congressman",
    "Labour politician",
    "veteran",
    "frontbencher",
    "Lib Dem",
    "Green",
    "Liberal",
    "Labor",
    "Reform UK",
    "nationalist",
    "populist",
    "far-right leader",
    "opposition leader",
    # people the copy names by what they stand for or are running as: "the self-described
    # democratic socialist", "the Republican front-runner", "the billionaire businessman"
    "socialist",
    "billionaire",
    "businessman",
    "businesswoman",
    "mogul",
    "tycoon",
    "candidate",
    "nominee",
    "front-runner",
    "frontrunner",
    "hopeful",
    "incumbent",
    "challenger",
)
DESCRIPTION_RE = re.compile(
    r"\b([Tt]he) ((?:(?:senior|veteran|former|junior|outspoken|local|backbench|shadow|new|top|"
    r"embattled|then|presidential|democratic|presumptive|eventual|likely|leading|longtime|outgoing|incoming|"
    r"[a-z]+-[a-z]+(?:-[a-z]+)*|\d+-year-old|[A-Z]{2,5}|"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?)[ -]){0,3}"
    r"(?:" + "|".join(sorted((re.escape(h) for h in DESCRIPTION_HEADS), key=len, reverse=True)) + r"))\b"
)
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
GROUP_NOUNS = {
    "critics",
    "campaigners",
    "charities",
    "officials",
    "ministers",
    "mps",
    "protesters",
    "residents",
    "experts",
    "activists",
    "opponents",
    "supporters",
    "lawyers",
    "unions",
    "councils",
    "police",
    "sources",
    "insiders",
    "aides",
    "allies",
    "rebels",
    "backbenchers",
    "tories",
    "conservatives",
    "democrats",
    "republicans",
    "economists",
    "analysts",
    "groups",
    "advocates",
    "leaders",
    "organisations",
    "organizations",
    "researchers",
    "figures",
    "statistics",
    "data",
    "polls",
}
ORG_HEADS = {
    "department",
    "ministry",
    "agency",
    "office",
    "council",
    "government",
    "administration",
    "court",
    "party",
    "campaign",
    "company",
    "union",
    "charity",
    "group",
    "organisation",
    "organization",
    "police",
    "committee",
    "commission",
    "embassy",
    "service",
    "board",
    "authority",
    "force",
    "institute",
    "centre",
    "center",
    "foundation",
    "coalition",
    "alliance",
    "network",
    "association",
    "federation",
    "watchdog",
}
UNNAMED_PERSON_HEADS = {
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "source",
    "adviser",
    "advisor",
    "lawyer",
    "resident",
    "protester",
    "worker",
    "economist",
    "analyst",
    "expert",
    "diplomat",
    "minister",
    "lawmaker",
    "insider",
    "staffer",
    "officer",
    "agent",
    "volunteer",
    "campaigner",
    "activist",
    "teacher",
    "doctor",
    "nurse",
    "parent",
    "student",
    "migrant",
    "refugee",
    "asylum-seeker",
    "owner",
    "farmer",
    "mother",
    "father",
    "judge",
    "senator",
    "congressman",
    "congresswoman",
    "representative",
    "governor",
    "mayor",
    "strategist",
    "pollster",
    "consultant",
    "voter",
    "supporter",
    "member",
    "man",
    "woman",
    "witness",
    "researcher",
    "professor",
    "attorney",
    "prosecutor",
    "lobbyist",
    "executive",
    "leader",
    # anonymous and ordinary sources as the copy names them: "a person familiar with the
    # planning", "a campaign surrogate", "his childhood friend", "one California delegate"
    "person",
    "producer",
    "surrogate",
    "operative",
    "donor",
    "delegate",
    "friend",
    "brother",
    "sister",
    "wife",
    "husband",
    "son",
    "daughter",
    "general",
    "trader",
    "columnist",
    "commentator",
    "host",
    "reporter",
    "journalist",
    "historian",
    "scholar",
    "scientist",
    "pastor",
    "rabbi",
    "imam",
    "sheriff",
    "businessman",
    "businesswoman",
}
# "a Home Office spokesperson", "a White House official": the organisation is a proper name
DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'’-]{2,}(?:\s*\([A-Za-z. ]+\))?\s*[—–-]+\s*")
# "Analysts at the Border Policy Institute", "researchers from the Migration Observatory"
PEOPLE_AT_ORG_RE = re.compile(
    r"^(?i:(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:analysts?|researchers?|experts?|officials?|economists?|"
    r"lawyers?|staff|spokes(?:man|woman|person)|sources?)\s+(?:at|from|for|with)\s+(?:the\s+)?)"
    r"([A-Z][\w&’'.-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w&’'.-]*)*)"
)
# "a just-released poll from Florida Atlantic University", "a report by the National Audit Office"
DOCUMENT_BY_ORG_RE = re.compile(
    r"^(?i:(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:poll|survey|study|report|analysis|review|audit|letter|"
    r"statement|tally|count|estimate|data)s?\s+(?:from|by|of|for|(?:conducted|commissioned|published|released) by)"
    r"\s+(?:the\s+)?)([A-Z][\w&’'.-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w&’'.-]*)*)"
)
ORG_SUFFIX_RE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+([A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w.&’'-]*)*)"
    r"\s+(?:spokesman|spokeswoman|spokesperson|source|official)\b"
)
SPOKES_FOR_RE = re.compile(
    r"\b(?:spokesman|spokeswoman|spokesperson|source|official)s? (?:for|from|at) (?:the )?(.+)$", re.I
)


@dataclass
class Entity:
    """A speaker being built up while reading the article (mutable; frozen into Speaker at the end)."""

    id: str
    name: str
    kind: str = "person"
    gender: str | None = None
    registry: RegistryPerson | None = None
    org: RegistryOrg | None = None
    affiliation: RegistryOrg | None = None  # the organisation a spokesperson or official speaks for
    article_role: str | None = None
    article_party: str | None = None
    article_country: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    spoke_at: list[int] = field(default_factory=list)

    @property
    def name_tokens(self) -> list[str]:
        return _name_tokens(self.name)

    def last_mention(self) -> int:
        return self.mentions[-1].start if self.mentions else -1

    @property
    def speaks_for(self) -> RegistryOrg | None:
        """The registry organisation this speaker is or speaks for."""
        return self.org or self.affiliation


@dataclass(frozen=True)
class Parsed:
    """A parsed paragraph and where it starts in the article."""

    doc: Doc
    base: int

    @property
    def text(self) -> str:
        """The paragraph's text, built once (spaCy joins every token on each `doc.text`)."""
        cached = self.__dict__.get("_text")
        if cached is None:
            cached = self.doc.text
            object.__setattr__(self, "_text", cached)
        return cached

    def sentences(self) -> tuple[SpacySpan, ...]:
        """The paragraph's sentences, computed once (spaCy rebuilds them on every `doc.sents`)."""
        cached = self.__dict__.get("_sentences")
        if cached is None:
            cached = tuple(self.doc.sents)
            object.__setattr__(self, "_sentences", cached)
        return cached

    def sentence_at(self, char: int) -> SpacySpan | None:
        """The sentence holding paragraph offset `char` (or ending right before it)."""
        for sent in self.sentences():
            if sent.start_char <= char < sent.end_char + 1:
                return sent
        return None


class SpeakerBook:
    """All people and organisations of one article, resolved in reading order."""

    def __init__(
        self,
        text: str,
        parsed: list[Parsed],
        registry: Registry,
        published: date | None,
        quoted: Sequence[tuple[int, int]] = (),
        speaker_names: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self.quoted = tuple(quoted)
        # proper names that are the subject of a speech verb, found by the parse where the tagger saw none
        self.speaker_names = tuple(speaker_names)
        self.parsed = parsed
        self.registry = registry
        self.published = published
        self.entities: list[Entity] = []
        self.mention_owner: list[tuple[Mention, Entity]] = []
        self.home_country = self._home_country()
        self._resolve_all()
        self.home_country = self._home_country(resolved=True)

    # ----- the article's country -------------------------------------------------------------
    def _home_country(self, *, resolved: bool = False) -> str:
        """The country whose politics the article is about. Before resolution: place words and
        registry names. After: every mention of a person or organisation whose country we know
        counts three times, since an article about a UK-France deal quotes mostly UK politicians."""
        votes: dict[str, int] = {}
        low = self.text
        for country, words in self.registry.places.items():
            for w in words:
                if w not in low:  # a plain substring test first: most place words are absent
                    continue
                n = len(re.findall(rf"\b{re.escape(w)}\b", low))
                if n:
                    votes[country] = votes.get(country, 0) + n
        if not resolved:
            for p in self.registry.people:
                if p.country and p.name in low and re.search(rf"\b{re.escape(p.name)}\b", low):
                    votes[p.country] = votes.get(p.country, 0) + 3
        else:
            for ent in self.entities:
                country = (
                    (ent.registry.country if ent.registry else None)
                    or (ent.org.country if ent.org else None)
                    or ent.article_country
                )
                if country and country not in ("EU", "NATO"):
                    votes[country] = votes.get(country, 0) + 3 * len([m for m in ent.mentions if m.rule != "pronoun"])
        return max(votes, key=votes.__getitem__) if votes else "UK"

    # ----- collecting mentions ---------------------------------------------------------------
    def _raw_mentions(self) -> list[tuple[int, int, str, str, object]]:
        """(start, end, text, rule, extra) for every candidate mention, unresolved."""
        found: list[tuple[int, int, str, str, object]] = []
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b in taken)

        def add(s: int, e: int, rule: str, extra: object = None) -> None:
            if e > s and free(s, e):
                taken.append((s, e))
                found.append((s, e, self.text[s:e], rule, extra))

        # Offices and descriptions first: "the Prime Minister" must not become a person named "Minister".
        for office in self._office_matches():
            add(*office)
        for m in DESCRIPTION_RE.finditer(self.text):
            # "The mayor of Westerwolde, Anneke Bos," names the person right after: not an anaphor
            if self._is_description(m.group(2)) and not re.match(
                r"(?: of [^,.;]{1,50})?, [A-Z]", self.text[m.end() : m.end() + 60]
            ):
                add(m.start(), m.end(), "description", m.group(2))
        title_end = self.text.find("\n") if "\n" in self.text else len(self.text)
        for p in self.parsed:
            for ent in p.doc.ents:
                if ent.label_ == "PERSON":
                    s, e = self._person_extent(ent, p)
                    if ORG_NAME_LEAD_RE.search(self.text[max(0, s - 40) : s]):
                        continue  # "the Council of Economic Advisors": part of an organisation's name
                    if s < title_end and not self._plausible_title_name(self.text[s:e], title_end):
                        continue  # a title-case headline reads as names to the tagger: "... Border Closures"
                    add(s, e, "name", ent)
        for m in HONORIFIC_NAME_RE.finditer(self.text):
            add(m.start(), m.end(), "name", None)
        for pattern in (NAME_THEN_ROLE_RE, ROLE_THEN_NAME_RE):
            for m in pattern.finditer(self.text):  # names the tagger missed, known by their apposition
                if fold(m.group("name").split()[0]) not in NOT_FIRST_NAMES and not ORG_NAME_LEAD_RE.search(
                    self.text[max(0, m.start("name") - 40) : m.start("name")]
                ):
                    add(m.start("name"), m.end("name"), "name", None)
        for s, e in self.speaker_names:
            add(s, e, "name", None)
        for named in self._registry_name_matches():
            add(*named)
        for p in self.parsed:
            ents_at = {e.start: e for e in p.doc.ents}
            for tok in p.doc:
                low = tok.lower_
                if low in ("he", "she", "they"):
                    add(p.base + tok.idx, p.base + tok.idx + len(tok), "pronoun", tok)
                elif tok.ent_type_ in ("ORG", "FAC", "NORP") and tok.ent_iob_ == "B":
                    ent = ents_at[tok.i]
                    org = self.registry.org_named(ent.text) or self.registry.org_named(_strip_the(ent.text))
                    party = self._party_word(_strip_the(ent.text))
                    if (
                        org
                        or (party and ent.root.dep_ in SUBJECT_DEPS)
                        or (ent.label_ == "ORG" and ent.root.dep_ in SUBJECT_DEPS)
                    ):
                        add(p.base + ent.start_char, p.base + ent.end_char, "organisation", (org, party))
        for org in self.registry.orgs:
            for alias in sorted((org.name, *org.aliases), key=len, reverse=True):  # the fullest form first
                if alias.lower().startswith("the ") or alias in ("ministers", "Whitehall"):
                    continue  # too generic to find by name alone
                if alias not in self.text:  # a plain substring test first: most aliases are absent
                    continue
                for m in re.finditer(rf"\b{re.escape(alias)}\b", self.text):
                    add(m.start(), m.end(), "organisation", (org, None))
        found.sort(key=lambda f: f[0])
        return found

    def _plausible_title_name(self, name: str, title_end: int) -> bool:
        """A name in the headline counts when the article names that person again, the registry
        knows them, or it starts with a known first name."""
        words = [w for w in re.findall(r"[\w’'-]+", name) if w.lower() not in HONORIFICS]
        if not words:
            return False
        body = self.text[title_end:]
        if re.search(rf"\b{re.escape(words[-1])}\b", body):
            return True
        return bool(self.registry.people_named(name)) or fold(words[0]) in first_name_genders()

    def _person_extent(self, ent: SpacySpan, p: Parsed) -> tuple[int, int]:
        s, e = ent.start, ent.end
        doc = ent.doc
        while s > 0 and doc[s - 1].lower_.rstrip(".") in HONORIFICS and doc[s - 1].is_title:
            s -= 1
        # "Keir Starmer’s" -> "Keir Starmer"; trailing possessives are not part of the name
        while e > s + 1 and doc[e - 1].tag_ == "POS":
            e -= 1
        span = doc[s:e]
        return p.base + span.start_char, p.base + span.end_char

    def _office_matches(self) -> list[tuple[int, int, str, object]]:
        pattern = self.registry.office_pattern()
        out: list[tuple[int, int, str, object]] = []
        for m in pattern.finditer(self.text):
            title = m.group(4)
            if not title[0].isupper() and re.match(r"\s+of\b", self.text[m.end() : m.end() + 5]):
                continue  # "the president of the club" is not an office we know
            out.append((m.start(), m.end(), "office", (title, m.group(2), m.group(3))))
        for m in re.finditer(r"\b([Hh]is|[Hh]er) ((?:[A-Z][a-z]+ )?counterpart)\b", self.text):
            out.append((m.start(), m.end(), "office", ("counterpart", None, None)))
        return out

    def _registry_name_matches(self) -> list[tuple[int, int, str, object]]:
        pattern = self.registry.full_name_pattern()
        return [(m.start(), m.end(), "name", None) for m in pattern.finditer(self.text)] if pattern else []

    def _is_description(self, phrase: str) -> bool:
        words = phrase.split()
        # "the Home Office" or "the European Commission" are organisations, not descriptions
        return not (
            len(words) >= 2
            and all(w[0].isupper() for w in words)
            and words[-1] not in ("Tory", "Conservative", "Republican", "Democrat", "MP", "MEP", "Green", "Labour")
        )

    # ----- resolving -------------------------------------------------------------------------
    def _resolve_all(self) -> None:
        for s, e, text, rule, extra in self._raw_mentions():
            entity: Entity | None
            if rule == "name" and (self._party_word(text) or self.registry.org_named(text)):
                org = self.registry.org_named(text)
                entity = self._resolve_org(text, (org, None if org else self._party_word(text)))
            elif rule == "name":
                entity = self._resolve_name(s, e, text)
            elif rule == "office":
                entity = self._resolve_office(s, e, text, extra)
            elif rule == "description":
                entity = self._resolve_description(s, text, extra)
            elif rule == "pronoun":
                entity = self._resolve_pronoun(s, extra)
            elif extra == (None, None) and self._is_known_surname(text):
                entity = self._resolve_name(s, e, text)  # "Eagle said": the tagger took a surname for an organisation
                rule = "name"
            else:
                entity = self._resolve_org(text, extra)
            if entity is None:
                continue
            mention = Mention(text, s, e, self._mention_rule(rule, text, entity))
            entity.mentions.append(mention)
            if rule != "pronoun" and text not in entity.aliases:
                entity.aliases.append(text)
            self.mention_owner.append((mention, entity))
            if rule == "name":
                self._read_role_context(entity, s, e)

    def _is_known_surname(self, text: str) -> bool:
        key = fold(text).replace(".", "")
        return " " not in key and any(ent.kind == "person" and ent.name_tokens[-1:] == [key] for ent in self.entities)

    def _mention_rule(self, rule: str, text: str, entity: Entity) -> str:
        if rule != "name":
            return rule
        toks = [t for t in fold(text).replace(".", "").split() if t not in HONORIFICS]
        if len(toks) >= 2:
            return "full name"
        return "honorific + name" if fold(text).split()[0].rstrip(".") in HONORIFICS else "surname"

    def _new(self, name: str, **kw: Any) -> Entity:
        base = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "speaker"
        eid, n = base, 2
        while any(x.id == eid for x in self.entities):
            eid, n = f"{base}-{n}", n + 1
        ent = Entity(eid, name, **kw)
        self.entities.append(ent)
        return ent

    def _from_registry(self, person: RegistryPerson) -> Entity:
        for ent in self.entities:
            if ent.registry is person:
                return ent
        ent = self._new(person.name, registry=person, gender=person.gender)
        ent.id = person.id if not any(x.id == person.id for x in self.entities if x is not ent) else ent.id
        return ent

    def _resolve_name(self, s: int, e: int, text: str) -> Entity | None:
        words = text.replace("’", "'").split()
        if len(words) > 1 and re.search(r"[^s]'s$|s'$", words[-1]):
            words[-1] = re.sub(r"'s?$", "", words[-1])  # "Keir Starmer's": the name without the possessive
        party_of = self._party_word(words[0][:-2]) if len(words) > 2 and words[0].endswith("'s") else None
        if party_of is not None:  # "Labour's Jane Doe": the party, then the person
            ent = self._resolve_name(s, e, " ".join(words[1:]))
            if ent is not None and ent.article_party is None and not (ent.registry and ent.registry.party):
                ent.article_party = party_of[0]
            return ent
        honor = words[0].lower().rstrip(".") if words and words[0].lower().rstrip(".") in HONORIFICS else None
        core_words = words[1:] if honor else words
        while len(core_words) > 2 and core_words[0].lower().strip(",") in TITLE_WORDS:
            core_words = core_words[1:]  # "Minister Clare O'Neil" -> "Clare O'Neil"
        core = " ".join(core_words)
        if not core:
            return None
        core_tokens = fold(core).replace(".", "").split()
        if honor and len(core_tokens) >= 2:
            # "Mr Van der Burg": a surname of several words, not a first name and surname
            for ent in sorted(self.entities, key=lambda x: -x.last_mention()):
                if (
                    ent.kind == "person"
                    and len(ent.name_tokens) > len(core_tokens)
                    and ent.name_tokens[-len(core_tokens) :] == core_tokens
                ):
                    return ent
        if len(core_tokens) >= 2:
            for ent in self.entities:
                if ent.kind == "person" and ent.name_tokens == core_tokens:
                    return ent
            people = self.registry.people_named(core) or self.registry.people_named(text)
            if len(people) == 1:
                return self._from_registry(people[0])
            # an earlier surname-only mention ("Starmer") now gets its full name
            for ent in reversed(self.entities):
                if ent.kind == "person" and len(ent.name_tokens) == 1 and ent.name_tokens[0] == core_tokens[-1]:
                    ent.name = core
                    return ent
            gender = HONORIFICS.get(honor or "") or first_name_genders().get(core_tokens[0])
            return self._new(core, gender=gender)
        token = core_tokens[0]
        gender = HONORIFICS.get(honor or "")
        by_first = honor in FIRST_NAME_HONORIFICS
        candidates = [
            ent
            for ent in self.entities
            if ent.kind == "person"
            and ent.name_tokens
            and (ent.name_tokens[0] == token if by_first else ent.name_tokens[-1] == token)
            and (gender is None or ent.gender in (None, gender))
        ]
        if not candidates and not by_first:
            candidates = [
                ent
                for ent in self.entities
                if ent.kind == "person"
                and token in ent.name_tokens
                and (gender is None or ent.gender in (None, gender))
            ]
        if candidates:
            ent = max(candidates, key=lambda x: x.last_mention())
            if gender and ent.gender is None:
                ent.gender = gender
            return ent
        people = [p for p in self.registry.people_named(text) + self.registry.people_named(core)]
        people = list({p.id: p for p in people}.values())
        current = [p for p in people if p.offices_on(self.published)] or people
        if len(current) == 1:
            return self._from_registry(current[0])
        return self._new(core if not honor else text, gender=gender)

    def _resolve_office(self, s: int, e: int, text: str, extra: object) -> Entity | None:
        title, demonym, tense = cast("tuple[str, str | None, str | None]", extra)
        country = self.registry.demonyms.get(demonym) if demonym else None
        if title == "counterpart":
            return None
        if tense in ("former", "late"):
            return self._resolve_description(s, text, title)
        want = fold(title)
        # 1. someone the article itself gave this role
        best = None
        for ent in self.entities:
            if ent.kind != "person":
                continue
            role = fold(ent.article_role or "")
            holds = [
                o
                for o in (ent.registry.offices_on(self.published) if ent.registry else [])
                if want in (fold(t) for t in o.titles)
            ]
            role_has = bool(re.search(rf"\b{re.escape(want)}\b", role))
            ent_country = ent.article_country or (holds[0].country if holds else None)
            if country is None and role_has and ent.article_country and ent.article_country != self.home_country:
                continue
            if country is not None and ent_country not in (None, country):
                continue
            if role_has or holds:
                if country is None and holds and all(o.country != self.home_country for o in holds) and not role_has:
                    continue
                if best is None or ent.last_mention() > best.last_mention():
                    best = ent
        if best is not None:
            return best
        # 2. the registry's holder on the publication date
        offices = [o for o in self.registry.offices_titled(title) if o.country == (country or self.home_country)]
        for office in offices:
            holders = self.registry.holders(office, self.published)
            if len(holders) == 1:
                ent = self._from_registry(holders[0])
                return ent
        return None

    def _resolve_description(self, s: int, text: str, phrase: object) -> Entity | None:
        words = fold(str(phrase)).replace("-", " ").split()
        party = None
        for w in words:
            hit = self._party_word(w)
            if hit:
                party = hit[0]
        demonym_country = next(
            (self.registry.demonyms[w] for w in str(phrase).split() if w in self.registry.demonyms), None
        )
        role_words = [w for w in words if w in ROLE_NOUNS or w in ("mp", "mep", "senator", "minister")]
        people = [ent for ent in self.entities if ent.kind == "person" and ent.mentions and ent.last_mention() < s]
        if not people:
            return None
        latest = self._latest_subject(people, s) or max(people, key=lambda x: x.last_mention())

        def latest_at(ent: Entity) -> int:
            return max((m.start for m in ent.mentions if m.start < s), default=-1)

        def score(ent: Entity) -> tuple[int, int]:
            ent_party = self.party(ent)
            role = fold(self.role(ent) or "")
            sc = 0
            if party:
                if ent_party == party:
                    sc += 4
                elif ent_party is not None:
                    return (-1, 0)
            if demonym_country:
                country = ent.article_country or (ent.registry.country if ent.registry else None)
                if country == demonym_country or fold(str(phrase).split()[0]) in role:
                    sc += 3
                elif country is not None:
                    return (-1, 0)
            for w in role_words:
                if w in role or (w == "mep" and "european parliament" in role):
                    sc += 2
            if ent.spoke_at:
                sc += 1
            if ent is latest and s - latest_at(ent) < 400:
                sc += 5  # a description usually picks up the person the text is about right now
            return (sc, ent.last_mention())

        best = max(people, key=score)
        if score(best)[0] < 0:
            return None
        if party and best.article_party is None and not (best.registry and best.registry.party):
            best.article_party = party  # "the veteran Conservative" tells us the party
        return best

    def _resolve_pronoun(self, s: int, tok: object) -> Entity | None:
        assert isinstance(tok, Token)
        low = tok.lower_
        if low == "they":
            orgs = [ent for ent in self.entities if ent.kind != "person" and ent.mentions and ent.last_mention() < s]
            if orgs and tok.dep_ in SUBJECT_DEPS:
                recent = max(orgs, key=lambda x: x.last_mention())
                if s - recent.last_mention() < 400:
                    return recent
            return None
        gender = PRONOUN_GENDER[low]
        in_quote = self._in_quote(s)
        candidates = [
            Candidate(
                ent.id,
                ent.gender,
                m.start,
                *self._subject_roles(m),
                self._in_quote(m.start),
                self._sentence_index(m.start),
            )
            for ent in self.entities
            if ent.kind == "person"
            for m in ent.mentions
            if m.start < s
        ]
        best_id = pronoun_antecedent(s, gender, candidates, in_quote=in_quote, sentence=self._sentence_index(s))
        best = next((ent for ent in self.entities if ent.id == best_id), None)
        if best is not None and best.gender is None:
            best.gender = gender
        return best

    def _sentence_index(self, pos: int) -> int:
        """The index of the sentence holding `pos`, counted over the whole article."""
        if not hasattr(self, "_sentence_starts"):
            self._sentence_starts = [p.base + sent.start_char for p in self.parsed for sent in p.sentences()]
        return bisect_right(self._sentence_starts, pos) - 1

    def _in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    def _latest_subject(self, people: list[Entity], s: int) -> Entity | None:
        """The person the text is about just before `s`: the latest one named as the subject of a
        sentence ("Trump, appearing after Clinton, cited the policies of Obama and Clinton. The
        New York businessman said" is Trump), None when no one was."""
        best: tuple[int, Entity] | None = None
        for ent in people:
            for m in ent.mentions:
                if m.start < s and (best is None or m.start > best[0]) and self._subject_roles(m)[0]:
                    best = (m.start, ent)
        return best[1] if best else None

    def _subject_roles(self, m: Mention) -> tuple[bool, bool]:
        """(is a subject, is a main-clause subject) for a mention, from its paragraph's parse."""
        for p in self.parsed:
            if p.base <= m.start < p.base + len(p.text):
                span = p.doc.char_span(m.start - p.base, m.end - p.base, alignment_mode="expand")
                if not span:
                    return False, False
                subject = any(
                    t.dep_ in SUBJECT_DEPS or t.head.dep_ in SUBJECT_DEPS and t.dep_ in ("compound", "appos")
                    for t in span
                )
                return subject, subject and any(is_main_clause_subject(t) for t in span)
        return False, False

    def _resolve_org(self, text: str, extra: object) -> Entity:
        org, party = cast("tuple[RegistryOrg | None, tuple[str, str] | None]", extra)
        if org is not None:
            for ent in self.entities:
                if ent.org is org:
                    return ent
            ent = self._new(org.name, kind="organisation", org=org)
            ent.id = org.id if not any(x.id == org.id for x in self.entities if x is not ent) else ent.id
            return ent
        name = _strip_the(text)
        if party is not None:
            name = party[0]
        for ent in self.entities:
            if ent.kind == "organisation" and fold(ent.name) == fold(name):
                return ent
        ent = self._new(name, kind="organisation")
        if party is not None:
            ent.article_party = party[0]
            ent.article_country = party[1]
            ent.article_role = PARTY_ROLE
        return ent

    # ----- roles from the article ------------------------------------------------------------
    def _read_role_context(self, ent: Entity, s: int, e: int) -> None:
        before = self.text[max(0, s - 80) : s]
        m = re.search(r"((?:[\w.’'-]+ ){1,6})$", before)
        if m:
            words = m.group(1).split()
            kept: list[str] = []
            for w in reversed(words):
                lw = w.lower().strip(",")
                if lw in TITLE_WORDS or w in self.registry.demonyms or self._party_word(w.rstrip("’s'")):
                    kept.insert(0, w)
                else:
                    break
            if kept and kept[0].lower() in ("his", "her", "their"):
                kept = kept[1:]
            if any(
                w.lower() in ROLE_NOUNS or w.lower() in ("prime", "minister", "secretary") or self._party_word(w)
                for w in kept
            ):
                self._set_role(ent, " ".join(kept))
        after = self.text[e : e + 140]
        m = re.match(
            r"^(?:’s?|'s?)?,\s+((?:the|a|an)\s+)?([^,.;:“”\"\n]{3,90}?)(?:,|\.|;|\s+(?:said|says|told|added|warned))",
            after,
        )
        if m and any(re.search(rf"\b{w}\b", m.group(2).lower()) for w in ROLE_NOUNS):
            self._set_role(ent, m.group(2).strip())
        m = re.match(r"^\s*(?:\(|,\s*)([RDI])[-–]([A-Z][A-Za-z. ]+)(?:\)|,)", after)
        if m:  # "Sen. Jane Doe (R-Texas)" or "Sen. Jane Doe, R-Ohio,"
            ent.article_party = {"R": "Republican", "D": "Democratic", "I": "Independent"}[m.group(1)]
            ent.article_country = ent.article_country or "US"

    def _party_word(self, word: str) -> tuple[str, str] | None:
        """A party named by a word, if it is a party of this article's country (or of no known one)."""
        return self.registry.party_of_word(word, country=self.home_country)

    def _set_role(self, ent: Entity, role: str) -> None:
        words = role.replace("’s", "").split()
        for w in words:
            hit = self._party_word(w.strip(",'’"))
            if hit and ent.article_party is None:
                ent.article_party = hit[0]
            if w in self.registry.demonyms and ent.article_country is None:
                ent.article_country = self.registry.demonyms[w]
        if ent.article_role is None:
            ent.article_role = role

    # ----- lookups used by attribution -------------------------------------------------------
    def entity_at(self, start: int, end: int) -> tuple[Entity, Mention] | None:
        """The entity mentioned inside [start, end), preferring the mention nearest its end."""
        best = None
        for mention, ent in self.mention_owner:
            if mention.start >= start and mention.end <= end or (mention.start < end and mention.end > start):
                if best is None or mention.end > best[1].end:
                    best = (ent, mention)
        return best

    def resolve_turn_labels(self, turns: Sequence[Turn]) -> list[tuple[Entity, Mention]]:
        """The speaker of each transcript turn. A label that is only a role ("Assistant Minister:")
        is the person an earlier label gave that role ("Matt Thistlethwaite, Assistant Minister for
        ..."); a label of role words with no one named ("SENIOR ADMINISTRATION OFFICIAL") is an
        unnamed speaker of that role."""
        out: list[tuple[Entity, Mention]] = []
        roles: list[tuple[str, Entity]] = []
        for turn in turns:
            label = turn.label.title() if turn.label.isupper() else turn.label
            words = [w.lower().strip(".") for w in label.split()]
            earlier = next((ent for role, ent in roles if fold(role).startswith(fold(label))), None)
            if earlier is not None:
                out.append(
                    (
                        earlier,
                        self._add_mention(
                            earlier,
                            self.text[turn.label_start : turn.label_end],
                            turn.label_start,
                            turn.label_end,
                            "transcript label",
                        ),
                    )
                )
                continue
            role_words = words[-1] in ROLE_NOUNS or words[-1] in UNNAMED_PERSON_HEADS
            if (
                turn.anonymous
                or role_words
                and fold(words[0]) not in first_name_genders()
                or all(w in TITLE_WORDS or w in ROLE_NOUNS or w in UNNAMED_PERSON_HEADS for w in words)
            ):
                role = (
                    "Journalist"
                    if turn.anonymous and words[0] in ("journalist", "reporter", "question", "q")
                    else label[0].upper() + label[1:].lower()
                    if not turn.anonymous
                    else "Unnamed speaker"
                )
                out.append(self.resolve_label(role, turn.label_start, turn.label_end, anonymous=True))
                continue
            ent, mention = self.resolve_label(label, turn.label_start, turn.label_end, anonymous=False)
            if turn.role:
                roles.append((turn.role, ent))
                if ent.article_role is None:
                    self._set_role(ent, turn.role)
            out.append((ent, mention))
        return out

    def resolve_label(self, name: str, start: int, end: int, *, anonymous: bool) -> tuple[Entity, Mention]:
        """The speaker a transcript label names ("CLARE O'NEIL", read as "Clare O'Neil"); an
        anonymous label ("JOURNALIST") is one unnamed speaker of that role."""
        if anonymous:
            role = name
            ent = next((e for e in self.entities if e.name == role and e.article_role == "unnamed"), None) or self._new(
                role, article_role="unnamed"
            )
        else:
            ent = self._resolve_name(start, end, name) or self._new(name)
            if ent.name.isupper():
                ent.name = name  # the tagger read the capitalised label as the name itself
        mention = Mention(self.text[start:end], start, end, "transcript label")
        ent.mentions.append(mention)
        self.mention_owner.append((mention, ent))
        return ent, mention

    def resolve_headline_name(
        self, name: str, start: int, end: int, *, people_only: bool
    ) -> tuple[Entity, Mention] | None:
        """The speaker a name before a colon stands for ("Lynch: ...", "PolitiFact: ..."): an
        organisation or party the registry knows, else a person, found again if the article names them."""
        words = name.split()
        org = self.registry.org_named(name) or self.registry.org_named(_strip_the(name))
        party = self._party_word(name)
        if (org or party) and not people_only:
            ent = self._resolve_org(name, (org, None if org else party))
        elif org or party:
            return None
        else:
            tokens = [w for w in words if w[:1].isupper()]
            if not tokens or not self._looks_like_a_name(name):
                return None
            ent = self._resolve_name(start, end, name) or self._new(name)
        return ent, self._add_mention(ent, name, start, end, "headline name")

    def _looks_like_a_name(self, name: str) -> bool:
        """A person the article names again, the registry knows, or a known first name starts."""
        words = [w for w in name.replace("’s", "").split() if w[:1].isupper()]
        if not words:
            return False
        body = self.text[self.text.find("\n") :] if "\n" in self.text else ""
        return (
            bool(re.search(rf"\b{re.escape(words[-1])}\b", body))
            or bool(self.registry.people_named(name))
            or fold(words[0]) in first_name_genders()
        )

    def party_group(self, party_ent: Entity, phrase: str, start: int, end: int) -> tuple[Entity, Mention] | None:
        """ "House Democrats", "Senate Republicans", "Tory MPs": a group within a party, named as the
        article names it, with the party's name and country."""
        clean = _strip_the(phrase.strip(" ,"))
        party_name = self.display_name(party_ent)
        if fold(clean) == fold(party_name) or len(clean.split()) > 4 or not clean[:1].isupper():
            return None
        ent = next((e for e in self.entities if e.kind == "group" and fold(e.name) == fold(clean)), None)
        if ent is None:
            ent = self._new(
                clean, kind="group", article_party=self.party(party_ent), article_country=self.country(party_ent)
            )
        return ent, self._add_mention(ent, clean, start, end, "subject phrase")

    def entity_for_phrase(self, phrase: str, start: int, end: int) -> tuple[Entity, Mention] | None:
        """A speaker for a subject phrase that names no known entity ("a Home Office spokesperson", "critics")."""
        clean = DATELINE_RE.sub("", phrase.strip(" ,"))  # "WASHINGTON (AP) — A federal judge"
        # "The lawsuit, filed in Portland by ...,": the phrase before a lower-case aside names it
        clean = re.sub(r",\s+(?:[a-z(]|who\b|which\b).*$", "", clean).strip()
        if not clean or clean.lower() in (
            "it",
            "this",
            "that",
            "there",
            "which",
            "who",
            "i",
            "we",
            "you",
            "he",
            "she",
            "they",
            "him",
            "her",
            "them",
            "us",
            "me",
        ):
            return None
        # "the more moderate Kasich": a known surname after words that describe its bearer
        described = re.fullmatch(r"(?i:the|a|an)\s+(?:[a-z][\w-]*\s+){1,3}([A-Z][\w’'-]+)", clean)
        surname = described.group(1) if described else clean
        if self._is_known_surname(surname):  # "Doe said" after "Sen. Jane Doe"
            ent = self._resolve_name(start, end, surname)
            if ent is not None:
                return ent, self._add_mention(ent, clean, start, end, "surname")
        named = self.registry.org_named(re.sub(r"^(?:a|an|the)\s+", "", clean, flags=re.I))
        if named is not None:  # "the Prime Minister's spokesman" is Downing Street
            ent = self._resolve_org(clean, (named, None))
            return ent, self._add_mention(ent, clean, start, end, "organisation")
        spokes = self._spokesperson(clean)
        if spokes is not None:
            return spokes, self._add_mention(spokes, clean, start, end, "spokesperson")
        m = PEOPLE_AT_ORG_RE.search(clean) or DOCUMENT_BY_ORG_RE.search(clean)
        if m:  # "analysts at the Border Policy Institute", "a poll from Florida Atlantic University"
            org_name = m.group(1).strip()
            ent = self._resolve_org(org_name, (self.registry.org_named(org_name), self._party_word(org_name)))
            if ent is not None:
                return ent, self._add_mention(ent, clean, start, end, "spokesperson")
        earlier = self._earlier_org_of_kind(clean, start) or self._earlier_person_of_role(clean, start)
        if earlier is not None:
            return earlier, self._add_mention(earlier, clean, start, end, "description")
        kind = phrase_kind(clean)
        if kind is None:
            return None
        name = phrase_name(clean)
        ent = next((e for e in self.entities if fold(e.name) == fold(name)), None) or self._new(name, kind=kind)
        mention = self._add_mention(ent, clean, start, end, "subject phrase")
        if clean not in ent.aliases:
            ent.aliases.append(clean)
        return ent, mention

    def person_before(self, pos: int, gender: str) -> Entity | None:
        """Whom a "his" or "her" at `pos` refers to (the pronoun rule, without a token)."""
        candidates = [
            Candidate(ent.id, ent.gender, m.start, *self._subject_roles(m), self._in_quote(m.start))
            for ent in self.entities
            if ent.kind == "person"
            for m in ent.mentions
            if m.start < pos
        ]
        best_id = pronoun_antecedent(pos, gender, candidates, in_quote=self._in_quote(pos))
        return next((ent for ent in self.entities if ent.id == best_id), None)

    def possessed_speaker(self, owner: Entity, head: str, start: int, end: int) -> tuple[Entity, Mention]:
        """ "Bernie Sanders' campaign", "her office": a speaker of its own, named after its owner,
        on the owner's side."""
        name = f"{owner.name}’s {head}" if not owner.name.endswith("s") else f"{owner.name}’ {head}"
        kind = "person" if head.split()[-1].lower() in UNNAMED_PERSON_HEADS else "organisation"
        ent = next((e for e in self.entities if fold(e.name) == fold(name)), None)
        if ent is None:
            ent = self._new(name, kind=kind, article_party=self.party(owner), article_country=self.country(owner))
            ent.article_role = f"{head[0].upper()}{head[1:]} of {owner.name}"
        return ent, self._add_mention(ent, self.text[start:end], start, end, "possessive")

    def named_source(self, phrase: str, start: int, end: int) -> tuple[Entity, Mention] | None:
        """Whatever "according to" names is the source, as the article names it ("a CNN tally",
        "state law", "polling by the AFL-CIO"), even when it is not a person or an organisation."""
        clean = phrase.strip(" ,")
        if not clean or clean.lower() in ("him", "her", "them", "it", "this", "that", "me", "us"):
            return None
        name = phrase_name(clean)
        ent = next((e for e in self.entities if fold(e.name) == fold(name)), None)
        if ent is None:
            ent = self._new(name, kind="group" if phrase_kind(clean) == "group" else "organisation")
        return ent, self._add_mention(ent, clean, start, end, "subject phrase")

    def _add_mention(self, ent: Entity, text: str, start: int, end: int, rule: str) -> Mention:
        if self.text[start:end] != text:  # a phrase cleaned of spaces, commas or "the": offsets follow its words
            at = self.text.find(text, start, end)
            if at >= 0:
                start, end = at, at + len(text)
        mention = Mention(text, start, end, rule)
        ent.mentions.append(mention)
        self.mention_owner.append((mention, ent))
        return mention

    def _spokesperson(self, phrase: str) -> Entity | None:
        """ "A Home Office spokesperson", "a spokesman for the department": a speaker of its own,
        named as the article names it, speaking for the organisation."""
        m = ORG_SUFFIX_RE.search(phrase) or SPOKES_FOR_RE.search(phrase)
        if not m:
            return None
        org_name = m.group(1).strip()
        org = self.registry.org_named(org_name) or self.registry.org_named(_strip_the(org_name))
        name = phrase_name(phrase)
        ent = next((e for e in self.entities if fold(e.name) == fold(name)), None)
        if ent is None:
            ent = self._new(name, kind="person", affiliation=org)
            ent.article_role = "Spokesperson" if org is None else f"Spokesperson for {org.name}"
            party = self._party_word(org_name)
            if party and org is None:
                ent.article_party, ent.article_country = party
        return ent

    def _earlier_person_of_role(self, phrase: str, start: int) -> Entity | None:
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
            for e in self.entities
            if e.kind == "person"
            and e.article_role
            and e.last_mention() < start
            and set(words) <= set(fold(e.article_role).replace(",", " ").split())
        ]
        return max(matches, key=lambda e: e.last_mention()) if matches else None

    def _earlier_org_of_kind(self, phrase: str, start: int) -> Entity | None:
        """ "The department said": the organisation of that kind named most recently before."""
        head = re.sub(r"[^\w-]", "", phrase.split()[-1].lower())
        if head not in ORG_HEADS or not re.match(r"(?:the|its|this)\s", phrase, re.I):
            return None

        def latest_before(e: Entity) -> int:
            return max((m.start for m in e.mentions if m.start < start), default=-1)

        earlier = [
            e
            for e in self.entities
            if e.kind == "organisation" and head in fold(e.name).split() and latest_before(e) >= 0
        ]
        return max(earlier, key=latest_before) if earlier else None

    def display_name(self, ent: Entity) -> str:
        """The name to show: for an organisation, the fullest form the article used
        ("U.S. Immigration and Customs Enforcement" rather than the registry's short form)."""
        if ent.kind != "organisation":
            return ent.name
        if ent.article_role == PARTY_ROLE and ent.aliases:
            return _strip_the(ent.aliases[0])  # a party as the article first names it: "Democrats", "Labour"
        longer = [
            a for a in ent.aliases if fold(ent.name) in fold(a) and not a.lower().startswith(("a ", "an ", "the "))
        ]
        return max(longer, key=len) if longer else ent.name

    def role(self, ent: Entity) -> str | None:
        if ent.registry:
            offices = ent.registry.offices_on(self.published)
            if offices:
                return offices[0].label
        if ent.org:
            return ent.org.role
        return ent.article_role[0].upper() + ent.article_role[1:] if ent.article_role else None

    def party(self, ent: Entity) -> str | None:
        if ent.article_party:
            return ent.article_party
        if ent.registry and ent.registry.party:
            return ent.registry.party
        if ent.speaks_for and ent.speaks_for.government and ent.speaks_for.country:
            return self.registry.governing_party(ent.speaks_for.country, self.published)
        return government.party_from_role(self.role(ent), self.home_country, self.published, self.registry)

    def country(self, ent: Entity) -> str | None:
        if ent.registry and ent.registry.country:
            return ent.registry.country
        if ent.speaks_for and ent.speaks_for.country:
            return ent.speaks_for.country
        if ent.article_country:
            return ent.article_country
        party = self.party(ent)
        if party:
            hit = self._party_word(party)
            if hit:
                return hit[1]
        return None

    def speakers(self, quoted_ids: set[str]) -> tuple[Speaker, ...]:
        out = []
        for ent in self.entities:
            if ent.kind != "person" and ent.id not in quoted_ids:
                continue
            named = [m for m in ent.mentions if m.rule != "pronoun"]
            if not named and ent.id not in quoted_ids:
                continue
            name = self.display_name(ent)
            out.append(
                Speaker(
                    id=ent.id,
                    name=name,
                    kind=ent.kind,  # type: ignore[arg-type]
                    role=self.role(ent),
                    party=self.party(ent),
                    country=self.country(ent),
                    aliases=tuple(dict.fromkeys(ent.aliases)),
                    mentions=tuple(ent.mentions),
                    quoted=ent.id in quoted_ids,
                    role_source="registry"
                    if (ent.registry and ent.registry.offices_on(self.published)) or ent.org
                    else ("article" if ent.article_role else None),
                    registry_id=ent.registry.id if ent.registry else (ent.org.id if ent.org else None),
                )
            )
        return tuple(out)


# Documents that say things: "the report said", "a new poll found", "the lawsuit alleges".
DOCUMENT_HEADS = frozenset(
    """
report study statement letter poll survey memo memorandum lawsuit complaint filing analysis review audit
assessment document dossier indictment ruling order proclamation bill motion resolution manifesto
""".split()
)
# Shares of people: "47 percent said", "a majority said".
SHARE_OF_RE = re.compile(
    r"(?:(?:about|nearly|almost|roughly|around|more than|fewer than|less than|over|under|just)\s+)?"
    r"(?:\w+|\d+)\s+(?:in|out of)\s+(?:\d+|ten|four|three|five)\b",
    re.I,
)
SHARE_HEADS = frozenset({"percent", "%", "majority", "minority", "half", "third", "quarter", "most", "many", "some"})


PARTY_ROLE = "Political party"
ORG_NAME_LEAD_RE = re.compile(
    r"\b(?:Council|Department|Ministry|Office|Bureau|Institute|Association|Society|Board|Commission|Committee|"
    r"Agency|Foundation|Center|Centre|School|University|College|League|Federation|Union|Court) (?:of|for) (?:the )?$"
)


def phrase_kind(phrase: str) -> str | None:
    """What a subject phrase that names no one is: a group ("critics", "The newspapers", "47 percent"),
    an organisation ("the department", "the National Foundation for American Policy"), an unnamed
    person ("a senior official"), or None."""
    core = re.sub(r"\s+(?:here|there|now|today|too|also)$", "", phrase)  # "relief workers here"
    bare = re.sub(r"^(?:the|a|an|some|many|other)\s+", "", core, flags=re.I)
    proper = bare[:1].isupper() and core.split()[-1][:1].isupper()
    # the head is the last word before a prepositional tail: "a court in Rome" -> court
    head_words = (
        re.split(r"\s+(?:close to|familiar with|in|at|of|from|for|with|on|to)\s+", core)[0].split()
        if not proper
        else core.split()
    )
    head = re.sub(r"[^\w-]", "", head_words[-1].lower())
    if SHARE_OF_RE.match(core):
        return "group"  # "Six in 10 Virginia voters", "two out of three Republicans"
    if head in GROUP_NOUNS or head in SHARE_HEADS or (head.endswith("s") and not proper):
        return "group"  # "critics", "47 percent" (of those polled)
    if head in ORG_HEADS or head in DOCUMENT_HEADS:
        return "organisation"  # "the department"; "the congressional report" speaks for its authors
    if (head in UNNAMED_PERSON_HEADS or head in ROLE_NOUNS) and re.match(
        r"(?:a|an|one|another|the|[A-Z][\w.-]*[’']s)\s", phrase, re.I
    ):
        return "person"  # "a senior administration official": a source the article does not name
    if proper and ("," in bare or " and " in bare) and len(bare.split()) <= 16:
        return "group"  # "The Telegraph, Times, FT, Mail, Independent and the Today Programme"
    if proper and len(bare.split()) <= 8 and head[:1].isalpha():
        return "organisation"  # "Acme Corp", "the National Foundation for American Policy"
    return None


def phrase_name(phrase: str) -> str:
    """The name to show for a speaker the article names only by a phrase: the phrase as written,
    article included ("The department", "Some U.S. lawmakers", "The Home Affairs Committee"), since
    that is how a reader would find it in the text."""
    return phrase[0].upper() + phrase[1:]


HONORIFIC_NAME_RE = re.compile(
    r"\b(?:Sir|Mr|Mrs|Ms|Miss|Dame|Lord|Lady|Baroness|Dr|Prof|Professor|Sen|Senator|Rep|Gov|Governor)\.?"
    r"\s+[A-Z][a-z]*(?:['’-][A-Z][a-z]+)*(?:\s+(?:von der |de |van |Le )?[A-Z][a-z]*(?:['’-][A-Z][a-z]+)*)?"
)


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First name (folded) -> 'm' or 'f', from data/first_names.json."""
    data = json.loads(FIRST_NAMES_PATH.read_text(encoding="utf-8"))
    return {fold(n): g for g in ("m", "f") for n in data[g]}


_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # Latin letters with accents: "Olivier Véran", "Micheál Martin"
_NAME = (
    rf"[{_UP}][{_LOW}]+(?:[-’'][{_UP}]?[{_LOW}]+)?(?: (?:van der |van |von |de |da |le |van den )?"
    rf"[{_UP}][{_LOW}]+(?:[-’'][{_UP}][{_LOW}]+)?){{1,2}}"
)
_ROLE_HEAD = "|".join(ROLE_NOUNS)
# "Joost Verhagen, an MP for the Freedom Party," and "The mayor of Westerwolde, Anneke Bos,"
NAME_THEN_ROLE_RE = re.compile(
    rf"(?<![\w’'])(?P<name>{_NAME}), (?:a|an|the|who|its|their|[A-Z][a-z]+’s|[A-Z][a-z]+'s)\b[^,.;“”\"]{{0,60}}?\b(?:{_ROLE_HEAD}|MP|MEP)s?\b"
)
ROLE_THEN_NAME_RE = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?) [^,.;“”\"]{{0,60}}?\b(?:{_ROLE_HEAD}|MP|MEP)\b[^,.;“”\"]{{0,40}}, (?P<name>{_NAME}),"
)
NOT_FIRST_NAMES = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "labour",
    "conservative",
    "tory",
    "reform",
    "prime",
    "home",
    "mr",
    "ms",
    "mrs",
    "sir",
    "dame",
    "president",
    "senator",
    "minister",
    "downing",
    "white",
    "european",
    "british",
    "french",
    "german",
    "italian",
    "dutch",
    "american",
    "australian",
}


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> list[str]:
    return [t for t in fold(name).replace(".", "").split() if t not in HONORIFICS]


def _strip_the(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text).strip()
