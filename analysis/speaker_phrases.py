"""Pure helpers over the words of a speaker phrase: what kind of speaker it names, and by what name."""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.registry import fold
from analysis.speaker_words import (
    DESCRIPTION_HEADS,
    DOCUMENT_HEADS,
    GROUP_NOUNS,
    HONORIFICS,
    ORG_HEADS,
    ROLE_NOUNS,
    SHARE_HEADS,
    SHARE_OF_RE,
    UNNAMED_PERSON_HEADS,
)

# one member of a party or a body, as copy describes an unnamed source
DESCRIBED_MEMBER_RE = re.compile(r"(?i:a|an|one|another)\s")
MEMBER_HEADS = frozenset(h.split()[-1].lower() for h in DESCRIPTION_HEADS)


def phrase_kind(phrase: str) -> str | None:
    """What a subject phrase that names no one is: a group ("critics", "The newspapers", "47 percent"),
    an organisation ("the department", "the National Foundation for American Policy"), an unnamed
    person ("a senior official"), or None."""
    core = re.sub(r"\s+(?:here|there|now|today|too|also)$", "", phrase)  # "relief workers here"
    bare = re.sub(r"^(?:the|a|an|some|many|other)\s+", "", core, flags=re.I)
    proper = bare[:1].isupper() and core.split()[-1][:1].isupper()
    # the head is the last word before a prepositional tail: "a court in Rome" -> court
    head_words = (
        re.split(r"\s+(?:close to|familiar with|in|at|of|from|for|with|on|to|like|such as|including)\s+", core)[
            0
        ].split()
        if not proper
        else core.split()
    )
    head = re.sub(r"[^\w-]", "", head_words[-1].lower())
    if proper:
        # "Authorities in the northern French port city of Calais": a common noun capitalised only
        # because it opens the sentence is the head, whatever place follows it
        common = re.split(r"\s+(?:in|at|of|from|for|with|on|like|such as|including)\s+", bare)[0].split()
        if len(common) == 1 and common[0].lower() in GROUP_NOUNS:
            return "group"
    if SHARE_OF_RE.match(core) or re.match(r"(?i:those)\s", core):
        return "group"  # "Six in 10 Virginia voters", "two out of three Republicans", "those surveyed"
    if head in GROUP_NOUNS or head in SHARE_HEADS or (head.endswith("s") and not proper):
        return "group"  # "critics", "47 percent" (of those polled)
    if head in ORG_HEADS or head in DOCUMENT_HEADS:
        return "organisation"  # "the department"; "the congressional report" speaks for its authors
    if (head in UNNAMED_PERSON_HEADS or head in ROLE_NOUNS) and re.match(
        r"(?:a|an|one|another|the|his|her|their|[A-Z][\w.-]*[’']s)\s", phrase, re.I
    ):
        return "person"  # "a senior administration official": a source the article does not name
    if DESCRIBED_MEMBER_RE.match(core) and head in MEMBER_HEADS:
        return "person"  # "one New Hampshire Democrat", "a Tory backbencher": someone, not the party
    if proper and ("," in bare or " and " in bare) and len(bare.split()) <= 16:
        return "group"  # "The Telegraph, Times, FT, Mail, Independent and the Today Programme"
    if proper and len(bare.split()) <= 8 and head[:1].isalpha():
        return "organisation"  # "Acme Corp", "the National Foundation for American Policy"
    return None


# "the moderator", "the gambling tycoon", "the 46-year-old", "The ad": a determiner and a few
# lower-case words, the way copy names a speaker it does not name
DESCRIBED_SPEAKER_RE = re.compile(r"(?i:the|a|an|one|another|his|her|their|this)(?: [a-z0-9][a-z0-9-]*){1,4}")
PERSON_SUFFIX_RE = re.compile(r"(?:er|or|ist|ian|ant|ent|ee|man|woman|person|old|child|boy|girl)$")
PERSON_DESCRIPTION_HEADS = frozenset("tycoon mogul star host anchor boss candidate nominee veteran kid guy".split())


def described_speaker_kind(phrase: str) -> str | None:
    """The kind of speaker a plain description that is the subject of a speech verb stands for:
    a person when its head reads as one ("the moderator", "the 46-year-old", "the tycoon"), an
    organisation or a document that speaks ("The ad", "the network", "A slide from the
    presentation"). The words of a thing a relative clause describes are not its speech (see
    `analysis.cues`)."""
    if not DESCRIBED_SPEAKER_RE.fullmatch(phrase):
        return None
    head = phrase.split()[-1].lower()
    if PERSON_SUFFIX_RE.search(head) or head in PERSON_DESCRIPTION_HEADS:
        return "person"
    return "organisation"


def phrase_name(phrase: str) -> str:
    """The name to show for a speaker the article names only by a phrase: the phrase as written,
    article included ("The department", "Some U.S. lawmakers", "The Home Affairs Committee"), since
    that is how a reader would find it in the text."""
    return phrase[0].upper() + phrase[1:]


@lru_cache(maxsize=4096)
def name_tokens(name: str) -> list[str]:
    """The folded words of a name without honorifics or dots: "Sir Keir Starmer" -> ["keir", "starmer"]."""
    return [t for t in fold(name).replace(".", "").split() if t not in HONORIFICS]


def strip_the(text: str) -> str:
    """The text without a leading "the"."""
    return re.sub(r"^(?:the|The)\s+", "", text).strip()


def mention_rule(rule: str, text: str) -> str:
    """How a mention names its entity, for people: "full name", "honorific + name", "surname", or the finder's rule."""
    if rule != "name":
        return rule
    toks = [t for t in fold(text).replace(".", "").split() if t not in HONORIFICS]
    if len(toks) >= 2:
        return "full name"
    return "honorific + name" if fold(text).split()[0].rstrip(".") in HONORIFICS else "surname"
