"""A speaker being built up while an article is read, before it is frozen into a `Speaker` record."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from analysis.records import Mention
from analysis.registry import RegistryOrg, RegistryPerson, fold
from analysis.speaker_phrases import name_tokens


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
        return name_tokens(self.name)

    def last_mention(self) -> int:
        return self.mentions[-1].start if self.mentions else -1

    @property
    def speaks_for(self) -> RegistryOrg | None:
        """The registry organisation this speaker is or speaks for."""
        return self.org or self.affiliation


def new_entity_id(name: str, entities: Sequence[Entity]) -> str:
    """A readable id for a new speaker, unique in the article ("keir-starmer", "keir-starmer-2")."""
    base = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "speaker"
    eid, n = base, 2
    while any(x.id == eid for x in entities):
        eid, n = f"{base}-{n}", n + 1
    return eid
