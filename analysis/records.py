"""Typed, immutable records that every stage of the analysis returns.

Every extracted item carries `start`/`end` character offsets into `Article.text` and the
`rule` that produced it, so the UI can highlight it and a teacher can show why. They become
JSON and database rows in `analysis.serialization`, and only there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

SpeakerKind = Literal["person", "organisation", "group"]
QuoteKind = Literal["direct", "indirect", "mixed"]
MigrationDirection = Literal["restrictive", "open", "mixed", "neutral", "unclear", "n/a"]
GovernmentPosition = Literal["supports", "opposes", "neutral", "n/a"]
NumberKind = Literal["level", "change", "percent_change", "factor", "money", "duration", "count", "target", "ratio"]
ChromeKind = Literal["banner", "timestamp", "caption", "byline", "heading"]
NARRATOR = "Narrator (article's own voice)"  # who people are told cites a figure with no `cited_by`


@dataclass(frozen=True)
class Span:
    """A piece of the article: its text and where it is."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Chrome:
    """A line of page furniture (programme banner, timestamp, video caption), not article prose."""

    kind: ChromeKind
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """The text being analysed, exactly as read, with what is known about it."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    content_hash: str = ""
    published_rule: str | None = None  # "given", "stamp in text", "html metadata"


@dataclass(frozen=True)
class Mention:
    """One place in the text where a speaker is named or referred to."""

    text: str
    start: int
    end: int
    rule: str  # e.g. "full name", "surname", "office", "description", "pronoun"


@dataclass(frozen=True)
class Speaker:
    """One canonical person, organisation or group, with everything we know about it."""

    id: str
    name: str
    kind: SpeakerKind = "person"
    role: str | None = None
    party: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quoted: bool = False
    role_source: str | None = None  # "article", "registry" or None
    registry_id: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A cue phrase behind a label, with where it is in the article."""

    label: str  # e.g. "direction:restrictive", "frame:security", "target:caps"
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Stance:
    """Where one quote stands on migration, and why."""

    about_migration: bool
    migration: MigrationDirection
    government: GovernmentPosition
    targets: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.0
    rule: str = ""  # for people: the explanation of `rule_ids`
    rule_ids: tuple[str, ...] = ()  # for the program: analysis.stance_rules.StanceRule ids
    toward: str | None = None  # id of the registry government term `government` is measured against


@dataclass(frozen=True)
class Quote:
    """A statement: direct words in quote marks, or reported speech, with its speaker."""

    id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker_id: str | None
    speaker_name: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    rule: str
    stance: Stance
    speaker_mention: Mention | None = None
    paragraphs: int = 1
    confidence: float = 1.0
    # the others of a joint statement ("Hale and Reyes said", "The two Ministers agreed")
    co_speaker_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class NumberMention:
    """A figure quoted in the article, what it measures and who cited it."""

    id: str
    text: str
    start: int
    end: int
    value: float
    kind: NumberKind
    unit: str | None = None
    qualifier: str | None = None
    value_low: float | None = None
    value_high: float | None = None
    metric: str | None = None
    metric_group: str | None = None
    period: str | None = None
    cited_by: str | None = None  # speaker id, None for the article's own voice
    cited_by_name: str | None = None
    quote_id: str | None = None
    sentence: Span | None = None
    disagrees: bool = False  # grouped with figures whose ranges do not overlap
    rule: str = ""


@dataclass(frozen=True)
class Analysis:
    """Everything the analyser found in one article."""

    article: Article
    speakers: tuple[Speaker, ...]
    quotes: tuple[Quote, ...]
    numbers: tuple[NumberMention, ...]
    chrome: tuple[Chrome, ...] = ()
    scare_quotes: tuple[Span, ...] = ()
    analyser_version: str = ""
    warnings: tuple[str, ...] = field(default=())

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        """The speaker with this id, or None."""
        return next((s for s in self.speakers if s.id == speaker_id), None)
