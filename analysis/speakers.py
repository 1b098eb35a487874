"""Mentions of people and organisations, resolved to one canonical speaker each.

Resolution runs in reading order, the way a reader does: a full name introduces a person; a
surname, "Sir Keir" or "Mr Rama" refers back to the most recent compatible person; an office
("the PM") goes to the person the article gave that role, else to the registry's holder on the
publication date; a description ("the senior Tory") goes to the most recent compatible speaker;
a pronoun to the most recent subject of the same gender.

`SpeakerBook` holds the entities of one article. Finding the candidate mentions is
`analysis.mentions`' job; the pure steps of resolution are in `analysis.name_rules` and
`analysis.resolution`; what a finished entity shows (name, role, party, country) is in
`analysis.speaker_facts`; the word lists are in `analysis.speaker_words`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from spacy.tokens import Token

from analysis import speaker_facts
from analysis.blocks import Turn
from analysis.entities import Entity, new_entity_id
from analysis.mentions import looks_like_a_name, raw_mentions
from analysis.name_genders import name_gender
from analysis.name_rules import (
    NameParts,
    earlier_org_of_kind,
    earlier_person_of_role,
    later_named_leader,
    later_named_of_role,
    name_parts,
    name_words,
    office_holder_in_article,
    person_called,
    person_named,
    person_with_surname,
    surname_only_person,
    titles_held,
    untagged_first_name,
)
from analysis.parsed import Parsed
from analysis.records import Mention, Speaker
from analysis.registry import Registry, RegistryOrg, RegistryPerson, fold
from analysis.resolution import Candidate, in_subordinate_clause, latest_subject, pronoun_antecedent, subject_roles
from analysis.speaker_phrases import described_speaker_kind, mention_rule, phrase_kind, phrase_name, strip_the
from analysis.speaker_words import (
    DATELINE_RE,
    DOCUMENT_BY_ORG_RE,
    FIRST_NAME_HONORIFICS,
    HONORIFICS,
    NOT_SPEAKER_WORDS,
    ORG_DOCUMENT_RE,
    ORG_SUFFIX_RE,
    PARTY_ROLE,
    PEOPLE_AT_ORG_RE,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    SPOKES_FOR_RE,
    SUBJECT_DEPS,
    TITLE_JOINERS,
    TITLE_WORDS,
    UNNAMED_PERSON_HEADS,
    first_name_genders,
)

__all__ = ["Entity", "Parsed", "SpeakerBook"]


# Words a registry organisation answers to only in its own country's copy
GENERIC_GOVERNMENT_WORDS = frozenset({"government", "ministers", "cabinet"})
COUNTRY_LEADER = re.compile(r"(?i:the)\s+(?P<demonym>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+(?i:leader)")


# "X, who was appointed as the Minister for Syrian Refugees in September": a relative clause that
# gives the person's office, up to the first word that says when, where or why.
APPOINTED_AS_RE = re.compile(
    r"^(?:’s?|'s?)?,\s+who\s+(?:(?:was|has\s+been|had\s+been)\s+(?:appointed|named|elected|made)|"
    r"is|was|has\s+been|had\s+been|became|serves|served)\s+(?:as\s+)?(?:the\s+|a\s+|an\s+)?"
    r"([^,.;:“”\"\n]{3,80}?)(?=\s*[,.;]|\s+(?:in|since|until|from|to|at|on|when|after|before|who|under|last|this)\b)"
)


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
        self._joint: dict[tuple[int, int], tuple[Entity, ...]] = {}
        self.registry = registry
        self.published = published
        self.entities: list[Entity] = []
        self.mention_owner: list[tuple[Mention, Entity]] = []
        # a mention's place in its sentence, read from the parse once (every pronoun weighs them all)
        self._clause_roles: dict[tuple[int, int], tuple[bool, bool, bool]] = {}
        self.home_country = speaker_facts.home_country(text, registry, self.entities, resolved=False)
        self._resolve_all()
        self.home_country = speaker_facts.home_country(text, registry, self.entities, resolved=True)

    # ----- resolving -------------------------------------------------------------------------
    def _resolve_all(self) -> None:
        for s, e, text, rule, extra in raw_mentions(
            self.text, self.parsed, self.registry, self.speaker_names, home_country=self.home_country
        ):
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
            mention = Mention(text, s, e, mention_rule(rule, text))
            entity.mentions.append(mention)
            if rule != "pronoun" and text not in entity.aliases:
                entity.aliases.append(text)
            self.mention_owner.append((mention, entity))
            if rule == "name":
                self._read_role_context(entity, s, e)

    def _is_known_surname(self, text: str) -> bool:
        key = fold(text).replace(".", "")
        return " " not in key and any(ent.kind == "person" and ent.name_tokens[-1:] == [key] for ent in self.entities)

    def person_by_surname(self, surname: str, start: int, end: int) -> tuple[Entity, Mention] | None:
        """The person the article already named with this surname, mentioned again here; None when
        nobody has it (the tagger may have missed "Biden’s" as a person)."""
        if not self._is_known_surname(surname):
            return None
        ent = self._resolve_name(start, end, surname)
        return (ent, self._add_mention(ent, surname, start, end, "surname")) if ent is not None else None

    def _new(self, name: str, **kw: Any) -> Entity:
        ent = Entity(new_entity_id(name, self.entities), name, **kw)
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
        words = name_words(text)
        party_of = self._party_word(words[0][:-2]) if len(words) > 2 and words[0].endswith("'s") else None
        if party_of is not None:  # "Labour's Jane Doe": the party, then the person
            ent = self._resolve_name(s, e, " ".join(words[1:]))
            if ent is not None and ent.article_party is None and not (ent.registry and ent.registry.party):
                ent.article_party = party_of[0]
            return ent
        parts = name_parts(words)
        if parts is None:
            return None
        if len(parts.tokens) >= 2:
            return self._resolve_full_name(text, parts)
        return self._resolve_one_word_name(text, parts)

    def _resolve_full_name(self, text: str, parts: NameParts) -> Entity:
        # "Mr Van der Burg": a surname of several words, not a first name and surname
        gender = HONORIFICS.get(parts.honor or "") or name_gender(parts.tokens[0])
        known = (person_with_surname(self.entities, parts.tokens) if parts.honor else None) or person_named(
            self.entities, parts.tokens
        )
        if known is not None:
            return _with_gender(known, gender)
        people = self.registry.people_named(parts.core) or self.registry.people_named(text)
        if len(people) == 1:
            return self._from_registry(people[0])
        earlier = surname_only_person(self.entities, parts.tokens[-1])
        if earlier is not None:
            earlier.name = parts.core  # an earlier surname-only mention ("Starmer") now gets its full name
            return _with_gender(earlier, gender)  # "Clinton" in the headline, "Hillary Clinton" later: she
        return self._new(parts.core, gender=gender)

    def _resolve_one_word_name(self, text: str, parts: NameParts) -> Entity:
        gender = HONORIFICS.get(parts.honor or "")
        ent = person_called(self.entities, parts.tokens[0], gender, by_first=parts.honor in FIRST_NAME_HONORIFICS)
        if ent is not None:
            return _with_gender(ent, gender)
        people = [p for p in self.registry.people_named(text) + self.registry.people_named(parts.core)]
        people = list({p.id: p for p in people}.values())
        current = [p for p in people if p.offices_on(self.published)] or people
        if len(current) == 1:
            return self._from_registry(current[0])
        first = None if parts.honor else untagged_first_name(self.text, parts.core)
        full = name_parts([first, parts.core]) if first else None  # "Megyn Kelly" tagged only as "Kelly"
        if full is not None:
            return self._resolve_full_name(full.core, full)
        return self._new(parts.core if not parts.honor else text, gender=gender)

    def _resolve_office(self, s: int, e: int, text: str, extra: object) -> Entity | None:
        title, demonym, tense = cast("tuple[str, str | None, str | None]", extra)
        country = self.registry.demonyms.get(demonym) if demonym else None
        if title == "counterpart":
            return None
        if tense in ("former", "late"):
            return self._resolve_description(s, text, title)
        # 1. someone the article itself gave this role
        best = office_holder_in_article(self.entities, fold(title), country, self.home_country, self.published)
        if best is not None:
            return best
        # 2. the registry's holder on the publication date
        offices = [o for o in self.registry.offices_titled(title) if o.country == (country or self.home_country)]
        for office in offices:
            holders = self.registry.holders(office, self.published)
            if len(holders) == 1:
                return self._from_registry(holders[0])
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
        latest = latest_subject(self.parsed, people, s, quoted=self._in_quote) or max(
            people, key=lambda x: x.last_mention()
        )

        def latest_at(ent: Entity) -> int:
            return max((m.start for m in ent.mentions if m.start < s), default=-1)

        def role_of(ent: Entity) -> str:
            return f"{fold(self.role(ent) or '')} {titles_held(ent)}"

        # "the senator" after "Sen. Bernie Sanders": when someone titled with that office was named, it is one of them
        of_office = any(w in titles_held(ent).split() for ent in people for w in role_words)

        def score(ent: Entity) -> tuple[int, int]:
            ent_party = self.party(ent)
            role = role_of(ent)
            if of_office and not any(w in re.findall(r"\w+", role) for w in role_words):
                return (-1, 0)
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
        if low in ("they", "it"):  # "it" only for an organisation; "they" for a group too
            kinds = ("organisation",) if low == "it" else ("organisation", "group")
            orgs = [ent for ent in self.entities if ent.kind in kinds and ent.mentions and ent.last_mention() < s]
            if orgs and tok.dep_ in SUBJECT_DEPS:
                recent = max(orgs, key=lambda x: x.last_mention())
                if s - recent.last_mention() < 400:
                    return recent
            return None
        gender = PRONOUN_GENDER[low]
        best = self.person_before(s, gender, sentence=self._sentence_index(s))
        if best is not None and best.gender is None and not self._in_quote(s):
            best.gender = gender  # not from inside a quote: a speaker's "she" is often someone else
        return best

    def _candidates(self, pos: int) -> list[Candidate]:
        """Every mention of a person before `pos`, as the pronoun rule weighs it."""
        out = []
        for ent in self.entities:
            if ent.kind != "person":
                continue
            for m in ent.mentions:
                if m.start >= pos:
                    continue
                subject, main, subordinate = self._roles_of(m)
                out.append(
                    Candidate(
                        ent.id,
                        ent.gender,
                        m.start,
                        subject,
                        main,
                        self._in_quote(m.start),
                        self._sentence_index(m.start),
                        subordinate,
                    )
                )
        return out

    def _roles_of(self, m: Mention) -> tuple[bool, bool, bool]:
        """(subject, main-clause subject, subject of a subordinate clause) for a mention, cached."""
        key = (m.start, m.end)
        if key not in self._clause_roles:
            self._clause_roles[key] = (*subject_roles(self.parsed, m), in_subordinate_clause(self.parsed, m))
        return self._clause_roles[key]

    def _sentence_index(self, pos: int) -> int:
        """The index of the sentence holding `pos`, counted over the whole article."""
        if not hasattr(self, "_sentence_starts"):
            self._sentence_starts = [p.base + sent.start_char for p in self.parsed for sent in p.sentences()]
        return bisect_right(self._sentence_starts, pos) - 1

    def _in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    def _resolve_org(self, text: str, extra: object) -> Entity:
        org, party = cast("tuple[RegistryOrg | None, tuple[str, str] | None]", extra)
        if org is not None:
            for ent in self.entities:
                if ent.org is org:
                    return ent
            ent = self._new(org.name, kind="organisation", org=org)
            ent.id = org.id if not any(x.id == org.id for x in self.entities if x is not ent) else ent.id
            return ent
        name = strip_the(text)
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

    def _org_by_initials(self, name: str) -> Entity | None:
        """The organisation the text names in full whose initials an acronym spells ("HRW":
        Human Rights Watch)."""
        letters = name.replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            return None
        known = next(
            (e for e in self.entities if e.kind == "organisation" and initials(strip_the(e.name)) == letters), None
        )
        if known is not None:
            return known
        for m in FULL_NAME_RUN.finditer(self.text):
            phrase = m.group(0)
            if initials(phrase) == letters and len(phrase.split()) >= 2:
                return self._resolve_org(phrase, (self.registry.org_named(phrase), None))
        return None

    # ----- roles from the article ------------------------------------------------------------
    def _read_role_context(self, ent: Entity, s: int, e: int) -> None:
        before = self.text[max(0, s - 100) : s]
        after = self.text[e : e + 140]
        title = self._title_before(before)
        if title is None and before.endswith(", ") and after.startswith(","):
            # "Italy's interior minister, Matteo Salvini, said": a title set off by commas before the
            # name, the whole phrase ("Task Force Chair, X" is not a chair's title)
            title = self._title_before(before[:-2] + " ")
            rest = before[:-2][: -len(title)] if title else ""
            if title is not None and not re.search(r"(?:^|[.,:;—–-]|\b(?:the|a|an|[Tt]he))\s*$", rest):
                title = None
        if title is not None:
            self._set_role(ent, title)
        m = re.match(
            # (not "Clinton, said he has spoken with fellow delegates": a verb after the comma is the sentence's)
            r"^(?:’s?|'s?)?,\s+((?:the|a|an)\s+)?(?!(?:said|says|told|tells|added|adds|warned|wrote|noted|argued)\b|who\s+(?:is|was|has|had|became|serves|served)\b)"
            r"([^,.;:“”\"\n]{3,90}?)(?:,|\.|;|\s+(?:said|says|told|added|warned))",
            after,
        )
        if m and any(re.search(rf"\b{w}\b", m.group(2).lower()) for w in ROLE_NOUNS):
            self._set_role(ent, m.group(2).strip())
        m = APPOINTED_AS_RE.match(after)
        if m and any(re.search(rf"\b{w}\b", m.group(1).lower()) for w in ROLE_NOUNS):
            self._set_role(ent, m.group(1).strip())  # "Mr Harrington, who was appointed as the Minister for ..."
        m = re.match(r"^\s*(?:\(|,\s*)([RDI])[-–]([A-Z][A-Za-z. ]+)(?:\)|,)", after)
        if m:  # "Sen. Jane Doe (R-Texas)" or "Sen. Jane Doe, R-Ohio,"
            ent.article_party = {"R": "Republican", "D": "Democratic", "I": "Independent"}[m.group(1)]
            ent.article_country = ent.article_country or "US"

    def _lede_end(self) -> int:
        """Where the article's first paragraph after the title ends."""
        body = self.text.find("\n\n")
        end = self.text.find("\n\n", body + 2) if body >= 0 else -1
        return end if end >= 0 else len(self.text)

    def _title_before(self, before: str) -> str | None:
        """The title right before a name: "Home Secretary", "Minister of State for Immigration",
        "Italy's interior minister", "Minister of Immigration, Refugees and Citizenship" (title words,
        demonyms, parties and countries; after "of", "for" or "and" any capitalised words); None
        unless it holds a role noun or a party."""
        m = re.search(r"((?:[\w.’'-]+,? ){1,10})$", before)
        if not m:
            return None
        kept: list[str] = []
        for w in reversed(m.group(1).split()):
            core = w.rstrip(",")
            if self._title_word(core, possessive_ok=bool(kept)) or core.lower() in TITLE_JOINERS or core[:1].isupper():
                kept.insert(0, w)
            else:
                break
        while kept and not self._title_word(kept[0].rstrip(","), possessive_ok=True):
            kept.pop(0)  # "Task Force Chair", "Donald Trump's Attorney General": the title starts at a title word
        joined = False
        for k, w in enumerate(kept):
            core = w.rstrip(",")
            if core.lower() in TITLE_JOINERS:
                joined = True
            elif not joined and (w.endswith(",") or not self._title_word(core, possessive_ok=True)):
                kept = kept[:k]
                break  # before any "of"/"for", every word is a title word and no comma falls inside
        while kept and kept[0].lower() in ("his", "her", "their"):  # title words, but no part of one
            kept = kept[1:]
        while kept and kept[-1].lower().rstrip(",") in TITLE_JOINERS:
            kept = kept[:-1]
        words = [w.rstrip(",") for w in kept]
        if any(
            w.lower() in ROLE_NOUNS or w.lower() in ("prime", "minister", "secretary") or self._party_word(w)
            for w in words
        ):
            return " ".join(kept).rstrip(",")
        return None

    def _title_word(self, word: str, possessive_ok: bool) -> bool:
        """A word that can be part of a title on its own: a title word, a demonym, a party, or (inside
        a title) a country's possessive ("Italy's")."""
        return bool(
            word.lower() in TITLE_WORDS
            or word in self.registry.demonyms
            or self._party_word(word.rstrip("’s'"))
            or (possessive_ok and self._possessive_country(word))
        )

    def _possessive_country(self, word: str) -> str | None:
        """The country a possessive names ("Italy's" -> Italy), else None."""
        bare = re.sub(r"[’']s?$", "", word)
        return bare if bare != word and bare in self.registry.places else None

    def _party_word(self, word: str) -> tuple[str, str] | None:
        """A party named by a word, if it is a party of this article's country (or of no known one)."""
        return self.registry.party_of_word(word, country=self.home_country)

    def note_joint(self, mention: Mention, partners: Sequence[Entity]) -> None:
        """The others who make a statement together with the speaker named at `mention`."""
        self._joint[(mention.start, mention.end)] = tuple(partners)

    def co_speakers(self, mention: Mention | None) -> tuple[Entity, ...]:
        """Who else speaks in the statement given to the speaker at `mention`."""
        return self._joint.get((mention.start, mention.end), ()) if mention is not None else ()

    def note_role(self, ent: Entity, role: str) -> None:
        """A role the article gives a speaker outside a sentence (a quote's signature, a member's line)."""
        self._set_role(ent, role)

    def note_party_words(self, ent: Entity, words: str) -> None:
        """A party or country named beside a speaker ("Louth, Independent"), without a role."""
        self._set_role(ent, words, with_role=False)

    def _set_role(self, ent: Entity, role: str, *, with_role: bool = True) -> None:
        words = role.replace("’s", "").split()
        for w in words:
            hit = self._party_word(w.strip(",'’"))
            if hit and ent.article_party is None:
                ent.article_party = hit[0]
            if w in self.registry.demonyms and ent.article_country is None:
                ent.article_country = self.registry.demonyms[w]
            if ent.article_country is None:
                ent.article_country = self._possessive_country(w)  # "Italy's interior minister"
        if ent.article_role is None and with_role:
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
        org = self.registry.org_named(name) or self.registry.org_named(strip_the(name))
        party = self._party_word(name)
        if (org or party) and not people_only:
            ent = self._resolve_org(name, (org, None if org else party))
        elif org or party:
            return None
        elif (acronym := self._org_by_initials(name)) is not None and not people_only:
            ent = acronym  # "HRW: Australia's refugee policy cruel" over a story about Human Rights Watch
        else:
            tokens = [w for w in words if w[:1].isupper()]
            if not tokens or not looks_like_a_name(self.text, self.registry, name):
                return None
            ent = self._resolve_name(start, end, name) or self._new(name)
        return ent, self._add_mention(ent, name, start, end, "headline name")

    def headline_source(self, name: str, start: int, end: int) -> tuple[Entity, Mention] | None:
        """Who a headline's "- Minister" or "- Jenrick" is: the person the article's opening names
        with that title, or the person of that surname; None for anyone else."""
        words = fold(name).replace(".", "").split()
        if words and words[-1] in ROLE_NOUNS:
            ent = later_named_of_role(self.entities, f"a {name}", start, start + 1)
        else:
            ent = next(
                (
                    e
                    for e in self.entities
                    if e.kind == "person" and words and words[-1:] == e.name_tokens[-1:] and e.last_mention() > end
                ),
                None,
            )
        return (ent, self._add_mention(ent, name, start, end, "headline name")) if ent is not None else None

    def party_group(self, party_ent: Entity, phrase: str, start: int, end: int) -> tuple[Entity, Mention] | None:
        """ "House Democrats", "Senate Republicans", "Tory MPs": a group within a party, named as the
        article names it, with the party's name and country."""
        clean = strip_the(phrase.strip(" ,"))
        party_name = self.display_name(party_ent)
        if fold(clean) == fold(party_name) or len(clean.split()) > 4 or not clean[:1].isupper():
            return None
        ent = next((e for e in self.entities if e.kind == "group" and fold(e.name) == fold(clean)), None)
        if ent is None:
            ent = self._new(
                clean, kind="group", article_party=self.party(party_ent), article_country=self.country(party_ent)
            )
        return ent, self._add_mention(ent, clean, start, end, "subject phrase")

    def _country_leader(self, phrase: str, start: int) -> Entity | None:
        """ "the U.S. leader", "the Australian leader": the head of that country's government on the
        publication date, when the article has already named them."""
        m = COUNTRY_LEADER.fullmatch(phrase)
        country = self.registry.demonyms.get(m.group("demonym")) if m else None
        term = self.registry.government_on(country, self.published) if country else None
        if term is None:
            return None
        surname = fold(term.head.split()[-1])
        named = [
            ent
            for ent in self.entities
            if ent.kind == "person"
            and any(m.start < start for m in ent.mentions)
            and fold(ent.name).split()[-1:] == [surname]
        ]
        return named[0] if len(named) == 1 else None

    def entity_for_phrase(self, phrase: str, start: int, end: int) -> tuple[Entity, Mention] | None:
        """A speaker for a subject phrase that names no known entity ("a Home Office spokesperson", "critics")."""
        clean = DATELINE_RE.sub("", phrase.strip(" ,"))  # "WASHINGTON (AP) — A federal judge"
        # "The lawsuit, filed in Portland by ...,": the phrase before a lower-case aside names it
        clean = re.sub(r",\s+(?:[a-z(]|who\b|which\b).*$", "", clean).strip()
        if not clean or clean.lower() in NOT_SPEAKER_WORDS:
            return None
        # "the more moderate Kasich": a known surname after words that describe its bearer
        described = re.fullmatch(r"(?i:the|a|an)\s+(?:[a-z][\w-]*\s+){1,3}([A-Z][\w’'-]+)", clean)
        surname = described.group(1) if described else clean
        if self._is_known_surname(surname):  # "Doe said" after "Sen. Jane Doe"
            ent = self._resolve_name(start, end, surname)
            if ent is not None:
                return ent, self._add_mention(ent, clean, start, end, "surname")
        bare = re.sub(r"^(?:a|an|the)\s+", "", clean, flags=re.I)
        named = self.registry.org_named(bare)
        if named is not None and bare.lower() in GENERIC_GOVERNMENT_WORDS and named.country != self.home_country:
            named = None  # "the ministers" of a Canadian release are not Whitehall's
        if named is not None:  # "the Prime Minister's spokesman" is Downing Street
            ent = self._resolve_org(clean, (named, None))
            return ent, self._add_mention(ent, clean, start, end, "organisation")
        spokes = self._spokesperson(clean)
        if spokes is not None:
            return spokes, self._add_mention(spokes, clean, start, end, "spokesperson")
        m = PEOPLE_AT_ORG_RE.search(clean) or DOCUMENT_BY_ORG_RE.search(clean) or ORG_DOCUMENT_RE.match(clean)
        if m:  # "analysts at the Border Policy Institute", "a poll from Florida Atlantic University"
            org_name = re.sub(r"[’']s?$", "", m.group(1).strip())  # "The Home Office's report": the Home Office
            ent = self._resolve_org(org_name, (self.registry.org_named(org_name), self._party_word(org_name)))
            if ent is not None:
                return ent, self._add_mention(ent, clean, start, end, "spokesperson")
        head = self._country_leader(clean, start)
        if head is not None:  # "the U.S. leader said" after "President Donald Trump"
            return head, self._add_mention(head, clean, start, end, "description")
        leader = later_named_leader(self.entities, clean, start)
        if leader is not None:
            ent, org = leader
            role = ent.article_role or ""
            if len(role.split()) <= 2 and fold(org) not in fold(role):  # "Commissioner" of which body
                ent.article_role = f"{role} of {org}".strip() if role else f"Head of {org}"
            return ent, self._add_mention(ent, clean, start, end, "description")
        earlier = (
            earlier_org_of_kind(self.entities, clean, start)
            or earlier_person_of_role(self.entities, clean, start)
            or later_named_of_role(self.entities, clean, start, self._lede_end())
        )
        if earlier is not None:
            return earlier, self._add_mention(earlier, clean, start, end, "description")
        kind = phrase_kind(clean) or described_speaker_kind(clean)
        if kind is None:
            return None
        name = phrase_name(clean)
        ent = next((e for e in self.entities if fold(e.name) == fold(name)), None) or self._new(name, kind=kind)
        if kind == "person" and ent.article_role is None:  # "another New Hampshire Republican": party, place
            self._set_role(ent, clean.split(None, 1)[-1])
        if kind == "group" and ent.article_party is None:  # "Republican lawmakers", "Labour MPs"
            party = next((hit[0] for w in clean.split() if w[:1].isupper() and (hit := self._party_word(w))), None)
            ent.article_party = party
        mention = self._add_mention(ent, clean, start, end, "subject phrase")
        if clean not in ent.aliases:
            ent.aliases.append(clean)
        return ent, mention

    def person_before(self, pos: int, gender: str, *, sentence: int = -1) -> Entity | None:
        """Whom a "he", "his" or "her" at `pos` refers to; `sentence` (its sentence's index) puts
        names in the same or the previous sentence first."""
        best_id = pronoun_antecedent(
            pos, gender, self._candidates(pos), in_quote=self._in_quote(pos), sentence=sentence
        )
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
        org = self.registry.org_named(org_name) or self.registry.org_named(strip_the(org_name))
        name = phrase_name(phrase)
        ent = next((e for e in self.entities if fold(e.name) == fold(name)), None)
        if ent is None:
            plural = re.search(r"\b(officials|sources|spokespeople|spokesmen|spokeswomen)\b", phrase, re.I)
            # "Officials from the ministry say": several people, who may be "they" later
            ent = self._new(name, kind="group" if plural else "person", affiliation=org)
            title = plural.group(1).capitalize() if plural else "Spokesperson"
            ent.article_role = title if org is None else f"{title} for {org.name}"
            party = self._party_word(org_name)
            if party and org is None:
                ent.article_party, ent.article_country = party
        return ent

    # ----- what a finished entity shows ------------------------------------------------------
    def display_name(self, ent: Entity) -> str:
        """The name to show (for an organisation, the fullest form the article used)."""
        return speaker_facts.display_name(ent)

    def role(self, ent: Entity) -> str | None:
        return speaker_facts.role(ent, self.published)

    def party(self, ent: Entity) -> str | None:
        return speaker_facts.party(ent, self.registry, self.published, self.home_country)

    def country(self, ent: Entity) -> str | None:
        return speaker_facts.country(ent, self.registry, self.published, self.home_country)

    def speakers(self, quoted_ids: set[str]) -> tuple[Speaker, ...]:
        """The finished records: every person named, and every other speaker that is quoted."""
        return speaker_facts.speakers(self.entities, quoted_ids, self.registry, self.published, self.home_country)


def _with_gender(ent: Entity, gender: str | None) -> Entity:
    """The entity, given the gender a later, fuller mention shows when it had none."""
    if gender and ent.gender is None:
        ent.gender = gender
    return ent


MINOR_NAME_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "to"})
# A run of capitalised words, with the small words names keep ("Office for National Statistics")
FULL_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:(?:of|for|the|and|on)\s+)?[A-Z][a-z]+)+")


def initials(name: str) -> str:
    """The capitals an acronym of a name would use: "Human Rights Watch" -> "HRW"."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in MINOR_NAME_WORDS).upper()
