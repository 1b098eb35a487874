"""Who governs where and when, and where a speaker stands relative to that government.

Map of the module:
- `incumbent(country, on)`: the government term in office (data/registry.json, 'governments').
- `SpeakerFacts`: what the analysis knows about a speaker, as plain values.
- `relation(facts, country, on)` -> `Relation`: the speaker's voice toward the incumbent
  government (its own voice, its party, the opposition, a migrants' advocate, another country,
  a statistics or scrutiny body, a news outlet, or unknown).
- `party_from_role(role, country, on)`: a shadow minister's party when the article gives none.
- `sides(term)`: words that name the government side and the opposition side, for telling whom
  a criticism is aimed at.

Voices come from the speaker's registry office, organisation, role words and party, in that
order; the role words are lists at the top of the module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from analysis.records import Speaker
from analysis.registry import GovernmentTerm, Registry, fold, load_registry
from analysis.stance_scope import Sides

Voice = Literal[
    "government", "governing_party", "opposition", "foreign", "advocate", "neutral_body", "media", "unknown"
]

# Roles that speak for a government: ministers, its departments, agencies and spokespeople.
OFFICIAL_ROLE = re.compile(
    r"\b(?:ministers?|ministry|secretary of state|home secretary|foreign secretary|secretary|prime minister|premier|"
    r"taoiseach|t[áa]naiste|chancellor|attorney general|department|home office|home affairs|interior|"
    r"white house|downing street|number 10|no 10|[ée]lys[ée]e|administration officials?|government|"
    r"border force|border patrol|border czar|border tsar|border chief|immigration and customs enforcement|ice director|"
    r"customs and border protection|homeland security|citizenship and immigration services|uscis|"
    r"council of economic advis\w*|press secretary|cabinet|european commission(?:er)?|commissioner for)\b",
    re.I,
)
MINISTER_ROLE = re.compile(
    r"\b(?:minister|secretary|prime|president of|chancellor|taoiseach|premier|commissioner|attorney general|czar|"
    r"tsar)\b",
    re.I,
)
NOT_OFFICIAL = re.compile(
    r"\b(?:shadow|former|ex-|then-|opposition|candidate|nominee|elect|general secretary|secretary[- ]general|"
    r"party|union|unions|vice-chancellor|university|campaign|committee|high commissioner|united nations|u\.n\.|un|unhcr)\b|"
    r"-elect\b",
    re.I,
)
SHADOW = re.compile(r"\bshadow\b", re.I)
MEDIA = re.compile(
    r"\b(?:newspapers?|broadcasters?|tabloids?|magazines?|news agency|outlet|telegraph|guardian|daily mail|"
    r"the mail|mail on sunday|mirror|express|the sun|metro|the times|financial times|\bft\b|bbc|itv|sky news|"
    r"channel 4 news|cnn|fox news|msnbc|nbc|abc news|cbs|npr|reuters|associated press|afp|bloomberg|politico|"
    r"axios|new york times|washington post|wall street journal|voice of america|\bvoa\b|today programme|"
    r"newsnight|press association)\b",
    re.I,
)
MIGRANT_WORDS = (
    r"(?:refugees?|migrants?|immigrants?|asylum|immigration|human rights|civil rights|civil liberties|rights)"
)
ADVOCACY_WORDS = (
    r"(?:charit\w*|groups?|advoca\w*|campaign\w*|council|action|network|alliance|forum|coalition|"
    r"project|justice|cent(?:re|er)|union|organi[sz]ations?|welcomes?|support)"
)
ADVOCATE = re.compile(
    rf"\b{MIGRANT_WORDS}\b[^.;]{{0,40}}\b{ADVOCACY_WORDS}\b|\b{ADVOCACY_WORDS}\b[^.;]{{0,30}}\b(?:for|of)\s+"
    rf"{MIGRANT_WORDS}\b|\b(?:aclu|amnesty international|human rights watch|care4calais|safe passage|"
    r"detention action|freedom from torture|doctors without borders|m[ée]decins sans fronti[èe]res|sea-watch|"
    r"sos m[ée]diterran[ée]e|southern poverty law center|splc|rights groups?|advocacy groups?)\b",
    re.I,
)
# Unions and associations of the staff who enforce immigration law speak for the staff, not for migrants.
ENFORCEMENT_STAFF = re.compile(
    r"\b(?:immigration services|immigration officers?|border (?:staff|force|guards?|agents?|patrol|officers?)|"
    r"customs officers?|police)\b",
    re.I,
)
COMMITTEE_VOICE = re.compile(
    r"\b(?:chair\w*|head)\s+of\s+the\s+[^,;]{0,60}\b(?:committee|inquiry)\b|"
    r"\bcommittee\s+chair\w*",
    re.I,
)
NEUTRAL_BODY = re.compile(
    r"\b(?:statistic\w*|census|observatory|think[- ]tank|research\w*|institute|universit\w*|professor|academic|"
    r"economist|analyst|court|judge|tribunal|committee|inspector\w*|watchdog|auditor|audit office|budget office|"
    r"ombudsman|united nations|u\.n\.|unhcr|high commissioner|iom|relief workers|aid workers|pollster|survey|data)\b",
    re.I,
)


def incumbent(country: str | None, on: date | None, registry: Registry | None = None) -> GovernmentTerm | None:
    """The government of `country` on `on` (the one in office now when `on` is None)."""
    return (registry or load_registry()).government_on(country, on)


@dataclass(frozen=True)
class SpeakerFacts:
    """What the analysis knows about one speaker, as plain values."""

    id: str | None
    name: str | None
    role: str | None = None
    party: str | None = None
    country: str | None = None
    organisation: bool = False  # an organisation or group rather than a person
    government_body: bool = False  # a registry organisation marked as part of a government


def facts_of(speaker: Speaker, registry: Registry | None = None) -> SpeakerFacts:
    """The plain facts of a Speaker record (as kept in an analysis or typed by a user)."""
    org = (registry or load_registry()).org_named(speaker.name) if speaker.kind != "person" else None
    if speaker.registry_id and speaker.kind != "person":
        org = next((o for o in (registry or load_registry()).orgs if o.id == speaker.registry_id), org)
    return SpeakerFacts(
        speaker.id,
        speaker.name,
        speaker.role,
        speaker.party,
        speaker.country,
        organisation=speaker.kind != "person",
        government_body=bool(org and org.government),
    )


@dataclass(frozen=True)
class Relation:
    """Where a speaker stands relative to the incumbent government of the article's country."""

    voice: Voice
    government: GovernmentTerm | None  # the incumbent; None when the registry has none
    minister: bool = False  # a member of the government itself, not a department or spokesperson
    dated: bool = True  # False when the article has no date and `government` is only today's

    @property
    def policy(self) -> str | None:
        """The incumbent's migration policy; None when no government is known or the article is
        undated (then whose policy it is is unknown)."""
        return self.government.migration_policy if self.government is not None and self.dated else None


def bare_party(party: str) -> str:
    """'Liberal (Canada)' -> 'liberal': registry keys carry a country only to tell them apart."""
    return fold(party.split(" (")[0])


def _in_government(party: str, term: GovernmentTerm) -> bool:
    return bare_party(party) in {bare_party(p) for p in term.parties}


def _executive(role: str, registry: Registry) -> str | None:
    """The country of the registry executive office whose label is this role, if any."""
    key = fold(role)
    for office_id in registry.executive_offices:
        office = registry.offices[office_id]
        if fold(office.label) == key:
            return office.country
    return None


def _party_of_description(facts: SpeakerFacts, country: str | None, registry: Registry) -> str | None:
    """The party an unnamed speaker's description names: "Every Republican member of the committee"."""
    name = facts.name or ""
    if not re.match(r"(?:[Tt]he|[Aa]n?|[Ee]very|[Aa]ll|[Ss]ome|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any)\b", name):
        return None  # a proper name ("Ann Labour") names a person, not a party
    return party_named_in(name, country, registry)


def _names_country(name: str, country: str, registry: Registry) -> bool:
    """The speaker's name is the country itself ("Kenya", "Britain")."""
    words = registry.places.get(country) or registry.other_places.get(country) or ()
    bare = re.sub(r"^(?:the|The)\s+", "", name.strip())
    return bare == country or bare in words[:1]


def _country_in(text: str, registry: Registry) -> str | None:
    """A country named by a demonym in a role ("French interior minister")."""
    for word, country in registry.demonyms.items():
        if word in ("UK", "US", "U.S.", "EU") or len(word) < 3:
            continue
        if re.search(rf"\b{re.escape(word)}\b", text):
            return country
    return None


def relation(
    facts: SpeakerFacts | None, country: str | None, on: date | None, registry: Registry | None = None
) -> Relation:
    """The speaker's voice toward the government of `country` on `on`."""
    return _relation(facts, country, on, registry or load_registry())


@lru_cache(maxsize=4096)  # a speaker's quotes ask the same question again and again
def _relation(facts: SpeakerFacts | None, country: str | None, on: date | None, registry: Registry) -> Relation:
    term = incumbent(country, on, registry)
    if facts is None:
        return Relation("unknown", term, dated=on is not None)
    voice, minister = _voice(facts, country, on, term, registry)
    return Relation(voice, term, minister, dated=on is not None)


def _voice(
    facts: SpeakerFacts, country: str | None, on: date | None, term: GovernmentTerm | None, registry: Registry
) -> tuple[Voice, bool]:
    """The speaker's voice and whether they are a minister: from their office, then their role words
    (official, media, advocate, committee), then their party, then what kind of body they are."""
    role = facts.role or ""
    words = " ".join(x for x in (role, facts.name or "") if x)
    home = facts.country or _country_in(role, registry)
    abroad = home is not None and country is not None and home != country
    if facts.organisation and country is not None and _names_country(facts.name or "", country, registry):
        return "government", False  # "Kenya has asked the refugee agency to ...": the country's government
    office = _office_voice(facts, role, country, abroad, registry)
    if office is not None:
        return office
    party = (
        facts.party or party_from_role(role, country, on, registry) or _party_of_description(facts, country, registry)
    )
    governing = party is not None and term is not None and _in_government(party, term)
    if OFFICIAL_ROLE.search(words) and not NOT_OFFICIAL.search(words) and (party is None or governing):
        return ("foreign", False) if abroad else ("government", bool(MINISTER_ROLE.search(role)))
    if term is not None and _officials_of(words, term):  # "Biden officials", "Trump administration aides"
        return "government", False
    described = _described_voice(facts, role, words)
    if described is not None:
        return described
    if party is not None:
        return _party_voice(party, country, term, registry, governing=governing)
    if NEUTRAL_BODY.search(words):
        return "neutral_body", False
    if abroad:
        return "foreign", False
    return "unknown", False


def _officials_of(words: str, term: GovernmentTerm) -> bool:
    """Officials or aides named after the head of the government in office: "Biden officials"."""
    surname = re.escape(term.head.split()[-1])
    return re.search(rf"\b{surname}(?:\s+administration)?\s+(?:officials?|aides?|staff)\b", words) is not None


def _office_voice(
    facts: SpeakerFacts, role: str, country: str | None, abroad: bool, registry: Registry
) -> tuple[Voice, bool] | None:
    """A government body, an executive office the registry knows, or a shadow minister."""
    if facts.government_body:
        return ("foreign", False) if abroad else ("government", False)
    office_country = _executive(role, registry) if role else None
    if office_country is not None:
        if country is None or office_country == country:
            return "government", True
        if facts.country == office_country:
            return "foreign", True
        # "Immigration Minister" is also the UK office's label: a title with no country of its own
        # says nothing about which country's minister speaks, so the role words decide below
    if SHADOW.search(role):
        return "opposition", False
    return None


def _described_voice(facts: SpeakerFacts, role: str, words: str) -> tuple[Voice, bool] | None:
    """Media, an advocate or a committee, known by the words of the speaker's role or name."""
    if (
        (facts.organisation or not facts.role)
        and MEDIA.search(words)
        or re.search(r"\bnewspaper|broadcaster", role, re.I)
    ):
        return "media", False
    if ADVOCATE.search(words) and not ENFORCEMENT_STAFF.search(words):
        return "advocate", False
    if COMMITTEE_VOICE.search(role):  # a committee chair speaks for a cross-party committee
        return "neutral_body", False
    return None


def _party_voice(
    party: str, country: str | None, term: GovernmentTerm | None, registry: Registry, *, governing: bool
) -> tuple[Voice, bool]:
    """A party's voice: foreign, in government or in opposition (unknown when no incumbent is known)."""
    party_country = registry.party_country(party)
    if party_country is not None and country is not None and party_country != country:
        return "foreign", False
    if term is None:
        return "unknown", False
    return ("governing_party", False) if governing else ("opposition", False)


def party_from_role(
    role: str | None, country: str | None, on: date | None, registry: Registry | None = None
) -> str | None:
    """A speaker's party read from their role: a party of the article's country named in it
    ("Senator from Ms Meloni's Brothers of Italy party"), or for a shadow minister the official
    opposition's party ("shadow immigration minister")."""
    if not role:
        return None
    registry = registry or load_registry()
    named = party_named_in(role, country, registry)
    if named is not None:
        return named
    if SHADOW.search(role):
        term = incumbent(country, on, registry)
        return term.opposition if term else None
    return None


def party_named_in(text: str, country: str | None, registry: Registry) -> str | None:
    """A party of `country` named in `text`, matched as written (party names are proper nouns:
    "Labour MP" names a party, "labour shortages" does not)."""
    if not country:
        return None
    for alias, party in _party_aliases(registry, country):
        if alias in text and re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
            return party
    return None


@lru_cache(maxsize=64)
def _party_aliases(registry: Registry, country: str) -> tuple[tuple[str, str], ...]:
    pairs = [(alias, name) for name, aliases in registry.parties_of(country).items() for alias in (name, *aliases)]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=64)
def _sides(term: GovernmentTerm | None, registry: Registry) -> Sides:
    if term is None:
        return Sides()
    gov = {
        "government",
        "administration",
        "ministers",
        "minister",
        "department",
        "white",
        "downing",
        fold(term.head.split()[-1]),
    }
    opp = {"opposition"}
    for name, aliases in registry.parties_of(term.country).items():
        side = gov if _in_government(name, term) else opp
        for alias in (name, *aliases):
            side.update(w for w in fold(alias.split(" (")[0]).split() if len(w) > 3 or alias.isupper())
    for earlier in registry.governments.get(term.country, ()):
        if (
            earlier.start
            and term.start
            and earlier.start < term.start
            and not (set(earlier.parties) & set(term.parties))
        ):
            opp.add(fold(earlier.head.split()[-1]))
    for generic in ("party", "democratic", "liberal", "national", "social", "people's", "union", "movement", "left"):
        gov.discard(generic)
        opp.discard(generic)
    return Sides(frozenset(gov - opp), frozenset(opp - gov))


def sides(term: GovernmentTerm | None, registry: Registry | None = None) -> Sides:
    """Folded words naming the government side and the opposition side of this term's country."""
    return _sides(term, registry or load_registry())
