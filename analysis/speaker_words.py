"""The words that describe speakers: honorifics, titles, roles, groups, organisations, unnamed sources.

Plain data (and the regular expressions built from it) that the mention finder, the speaker book
and the attribution rules share. Most lists grew from the evaluation articles, one phrase at a time.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from analysis.registry import fold

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
# Words that join title words inside a title ("Minister of State for Immigration", "Secretary of the Interior").
TITLE_JOINERS = frozenset({"of", "for", "and", "the"})
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
    # departments and ranks in a title before a name ("Homeland Security Secretary X", "Acting Secretary X")
    "homeland",
    "treasury",
    "finance",
    "defense",
    "defence",
    "health",
    "education",
    "citizenship",
    "integration",
    "asylum",
    "acting",
    "assistant",
    "parliamentary",
    "patrol",
    "vice-president",
    "commission",
    "european",
    "high",
    "un",
    "u.n.",
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
    "attorney",
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
    "those",  # "those close to the governor", "those who back the plan"
    "critics",
    "campaigners",
    "charities",
    "officials",
    "media",
    "authorities",
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
# "A Government Accountability Office report", "the latest Reuters/Ipsos opinion poll": the body named
# before the document speaks for it
ORG_DOCUMENT_RE = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?:(?:new|latest|recent|annual|final|draft|\d{4})\s+)*"
    r"([A-Z][\w.&’'/-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w.&’'/-]*)*)"
    r"(?:\s+[a-z][\w-]*){0,2}\s+(?:report|study|poll|survey|analysis|review|audit|assessment|estimate)s?$"
)
ORG_SUFFIX_RE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+([A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w.&’'-]*)*)"
    r"\s+(?:spokesman|spokeswoman|spokesperson|source|official)\b"
)
SPOKES_FOR_RE = re.compile(
    r"\b(?:spokesman|spokeswoman|spokesperson|source|official)s? (?:for|from|at) (?:the )?(.+)$", re.I
)


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
    r"(?:\w+|\d+)\s+(?:in|out of|of)\s+(?:\d+|ten|four|three|five)\b",  # "eight of 10 voters" too
    re.I,
)
SHARE_HEADS = frozenset({"percent", "%", "majority", "minority", "half", "third", "quarter", "most", "many", "some"})
SHARE_HEADS |= {"number", "handful", "couple"}  # "a number of Republicans", "a handful of MPs"


PARTY_ROLE = "Political party"
# Platforms the entity tagger often reads as people ("she took to Twitter"): never a speaker's name
PLATFORM_NAMES = frozenset(
    {
        "twitter",
        "facebook",
        "instagram",
        "youtube",
        "tiktok",
        "telegram",
        "reddit",
        "linkedin",
        "snapchat",
        "whatsapp",
        "bluesky",
        "truth social",
    }
)
ORG_NAME_LEAD_RE = re.compile(
    r"\b(?:Council|Department|Ministry|Office|Bureau|Institute|Association|Society|Board|Commission|Committee|"
    r"Agency|Foundation|Center|Centre|School|University|College|League|Federation|Union|Court) (?:of|for) (?:the )?$"
)


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First name (folded) -> 'm' or 'f', from data/first_names.json."""
    data = json.loads(FIRST_NAMES_PATH.read_text(encoding="utf-8"))
    return {fold(n): g for g in ("m", "f") for n in data[g]}


# Subject words that are never a speaker of their own: pronouns and relative words.
NOT_SPEAKER_WORDS = frozenset(
    {
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
    }
)
