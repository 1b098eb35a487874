"""Candidate mentions of people and organisations in an article, before they are resolved.

Each source (offices, descriptions, tagged names, names known by their apposition, pronouns,
organisations) yields (start, end, rule, extra); `raw_mentions` takes them in a fixed order and an
earlier source wins any overlap, so "the Prime Minister" never becomes a person named "Minister".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Span as SpacySpan

from analysis.cues import speaking_it
from analysis.name_genders import looks_like_first_name
from analysis.parsed import Parsed
from analysis.registry import Registry, fold
from analysis.speaker_phrases import strip_the
from analysis.speaker_words import (
    DATELINE_RE,
    DESCRIPTION_RE,
    HONORIFICS,
    ORG_NAME_LEAD_RE,
    PLATFORM_NAMES,
    ROLE_NOUNS,
    SUBJECT_DEPS,
    first_name_genders,
)

HONORIFIC_NAME_RE = re.compile(
    r"\b(?:Sir|Mr|Mrs|Ms|Miss|Dame|Lord|Lady|Baroness|Dr|Prof|Professor|Sen|Senator|Rep|Gov|Governor)\.?"
    r"\s+[A-Z][a-z]*(?:['’-][A-Z][a-z]+)*(?:\s+(?:von der |de |van |Le )?[A-Z][a-z]*(?:['’-][A-Z][a-z]+)*)?"
)


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

# (start, end, text, rule, extra): a mention as found, with what its source knows of it
RawMention = tuple[int, int, str, str, object]
# (start, end, rule, extra): what a source yields
Found = tuple[int, int, str, object]


def raw_mentions(
    text: str, parsed: list[Parsed], registry: Registry, speaker_names: Sequence[tuple[int, int]], *, home_country: str
) -> list[RawMention]:
    """(start, end, text, rule, extra) for every candidate mention, unresolved, in reading order."""
    found: list[RawMention] = []
    sources: tuple[Iterator[Found], ...] = (
        # offices and descriptions first: "the Prime Minister" must not become a person named "Minister"
        iter(office_matches(text, registry)),
        _descriptions(text),
        _tagged_people(text, parsed, registry),
        _honorific_names(text),
        _names_by_apposition(text),
        ((s, e, "name", None) for s, e in speaker_names),
        iter(registry_name_matches(text, registry)),
        _untagged_full_names(text, parsed),
        _surname_echoes(text, found),  # lazily: reads the names the sources above found
        _pronouns_and_tagged_organisations(parsed, registry, home_country),
        _registry_organisations(text, registry),
    )
    taken: list[tuple[int, int]] = []
    for source in sources:
        for s, e, rule, extra in source:
            if e > s and all(e <= a or s >= b for a, b in taken):
                taken.append((s, e))
                found.append((s, e, text[s:e], rule, extra))
    found.sort(key=lambda f: f[0])
    return found


CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.’'-]* $")  # "Bernie Sanders", "Sen. Sanders": part of a longer name


def _surname_echoes(text: str, found: list[RawMention]) -> Iterator[Found]:
    """A full name's surname used alone later ("Sanders is pushing back") where the tagger missed
    it: a capitalised word standing apart from other capitalised words, after the full name."""
    first_at: dict[str, int] = {}
    for s, _, name, rule, _ in found:
        words = re.findall(r"[A-Z][\w’'-]+", name) if rule == "name" else []
        if len(words) >= 2 and len(words[-1]) >= 3 and words[0].lower().rstrip(".") not in HONORIFICS:
            first_at.setdefault(words[-1], s)
    for surname, since in first_at.items():
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])(?![’'](?:[a-rt-z]|s\w))(?! [A-Z])", text):
            if m.start() > since and not CAPITALISED_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                yield m.start(), m.end(), "name", None


def _untagged_full_names(text: str, parsed: list[Parsed]) -> Iterator[Found]:
    """ "Fox News’ Bret Baier noticed ...": a known first name joined to a capitalised surname that
    the tagger left untagged, outside the headline (whose title case makes anything look a name).
    Two words exactly: a third capitalised word makes it a name of something ("Grace Church School")."""
    title_end = text.find("\n") if "\n" in text else len(text)
    for p in parsed:
        if p.base < title_end:
            continue
        for m in TWO_CAPITALISED_WORDS.finditer(p.text):
            if CAPITALISED_WORD_BEFORE.search(p.text[max(0, m.start() - 30) : m.start()]) or not looks_like_first_name(
                m.group(1)
            ):
                continue
            span = p.doc.char_span(m.start(), m.end())
            if span is None or len(span) != 2:
                continue
            if _reads_as_a_name(span):
                yield p.base + m.start(), p.base + m.end(), "name", None


def _reads_as_a_name(span: SpacySpan) -> bool:
    """Two words the tagger left out, or took whole for something else ("Carly Fiorina" as ORG,
    "Cornel West" as a product), that the parse (where the paragraph has one) joins as one proper noun."""
    first, last = span[0], span[1]
    whole_org = any(e.label_ in MISTYPED_NAME_LABELS and (e.start, e.end) == (span.start, span.end) for e in span.ents)
    if (first.ent_type_ or last.ent_type_) and not whole_org:
        return False
    if not span.doc.has_annotation("DEP"):
        return True  # a paragraph the parser skipped: the words alone decide
    return first.dep_ == "compound" and first.head.i == last.i and first.tag_ == last.tag_ == "NNP"


# Entity types the tagger gives a two-word person's name by mistake (a first name the lists know decides)
MISTYPED_NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "NORP"})  # not places: "West Virginia"
# Two capitalised words not joined to a third: "Bret Baier" but not "Grace Church School"
TWO_CAPITALISED_WORDS = re.compile(r"(?<![\w’'-])([A-Z][a-z]+) ([A-Z][a-z]+)(?![\w’'-]| [A-Z])")
CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][\w.-]* $")  # "Grace Church School"; a possessive ("Fox News’") is not


def _descriptions(text: str) -> Iterator[Found]:
    for m in DESCRIPTION_RE.finditer(text):
        # "The mayor of Westerwolde, Anneke Bos," names the person right after: not an anaphor
        # "the Republican Party" is a name, not a description of someone
        after = text[m.end() : m.end() + 60]
        if is_description(m.group(2)) and not re.match(r"(?: of [^,.;]{1,50})?, [A-Z]| [A-Z]", after):
            yield m.start(), m.end(), "description", m.group(2)


def _tagged_people(text: str, parsed: list[Parsed], registry: Registry) -> Iterator[Found]:
    """The people the entity tagger found, with honorifics and without possessives."""
    title_end = text.find("\n") if "\n" in text else len(text)
    for p in parsed:
        for ent in p.doc.ents:
            if ent.label_ == "PERSON" and ent.text.lower() not in PLATFORM_NAMES:
                s, e = person_extent(ent, p)
                if ORG_NAME_LEAD_RE.search(text[max(0, s - 40) : s]):
                    continue  # "the Council of Economic Advisors": part of an organisation's name
                if s < title_end and not plausible_title_name(text, registry, text[s:e], title_end):
                    continue  # a title-case headline reads as names to the tagger: "... Border Closures"
                yield s, e, "name", ent


def _honorific_names(text: str) -> Iterator[Found]:
    for m in HONORIFIC_NAME_RE.finditer(text):
        yield m.start(), m.end(), "name", None


def _names_by_apposition(text: str) -> Iterator[Found]:
    """Names the tagger missed, known by their apposition ("Joost Verhagen, an MP for ...")."""
    for pattern in (NAME_THEN_ROLE_RE, ROLE_THEN_NAME_RE):
        for m in pattern.finditer(text):
            if fold(m.group("name").split()[0]) not in NOT_FIRST_NAMES and not ORG_NAME_LEAD_RE.search(
                text[max(0, m.start("name") - 40) : m.start("name")]
            ):
                yield m.start("name"), m.end("name"), "name", None


def _pronouns_and_tagged_organisations(parsed: list[Parsed], registry: Registry, home_country: str) -> Iterator[Found]:
    """ "he", "she", "they", and the organisations the tagger found that the registry knows, that
    are a party, or that are the subject of their clause, in reading order."""
    for p in parsed:
        ents_at = {e.start: e for e in p.doc.ents}
        for tok in p.doc:
            low = tok.lower_
            if low in ("he", "she", "they") or low == "it" and speaking_it(tok):
                yield p.base + tok.idx, p.base + tok.idx + len(tok), "pronoun", tok
            elif tok.ent_type_ in ("ORG", "FAC", "NORP") and tok.ent_iob_ == "B":
                ent = ents_at[tok.i]
                if DATELINE_RE.match(ent.text):
                    continue  # "OTTAWA - Canada's": a dateline the tagger ran into the first words
                org = registry.org_named(ent.text) or registry.org_named(strip_the(ent.text))
                party = registry.party_of_word(strip_the(ent.text), country=home_country)
                if (
                    org
                    or (party and ent.root.dep_ in SUBJECT_DEPS)
                    or (ent.label_ == "ORG" and ent.root.dep_ in SUBJECT_DEPS)
                ):
                    yield p.base + ent.start_char, p.base + ent.end_char, "organisation", (org, party)


def _registry_organisations(text: str, registry: Registry) -> Iterator[Found]:
    for org in registry.orgs:
        for alias in sorted((org.name, *org.aliases), key=len, reverse=True):  # the fullest form first
            if alias.lower().startswith("the ") or alias in ("ministers", "Whitehall"):
                continue  # too generic to find by name alone
            if alias not in text:  # a plain substring test first: most aliases are absent
                continue
            for m in re.finditer(rf"\b{re.escape(alias)}\b", text):
                yield m.start(), m.end(), "organisation", (org, None)


def plausible_title_name(text: str, registry: Registry, name: str, title_end: int) -> bool:
    """A name in the headline counts when the article names that person again, the registry
    knows them, or it starts with a known first name."""
    words = [w for w in re.findall(r"[\w’'-]+", name) if w.lower() not in HONORIFICS]
    if not words:
        return False
    body = text[title_end:]
    # the surname again in the body, also as a transcript label in capitals ("MR. EARNEST:")
    if re.search(rf"\b(?:{re.escape(words[-1])}|{re.escape(words[-1].upper())})\b", body):
        return True
    return bool(registry.people_named(name)) or fold(words[0]) in first_name_genders()


QUESTION_AUXILIARIES = frozenset(
    "will can could should would may might must did does do is are was were has have had".split()
)


def person_extent(ent: SpacySpan, p: Parsed) -> tuple[int, int]:
    """Article offsets of a tagged person with the honorifics before it and without a possessive."""
    s, e = ent.start, ent.end
    doc = ent.doc
    # "Megyn Kelly" tagged as "Kelly": a first name the parser joined to the tagged name is part of it
    if s > 0 and doc[s - 1].tag_ == "NNP" and doc[s - 1].dep_ == "compound" and s <= doc[s - 1].head.i < e:
        if doc[s - 1].is_title and looks_like_first_name(doc[s - 1].text):
            s -= 1
    while s > 0 and doc[s - 1].lower_.rstrip(".") in HONORIFICS and doc[s - 1].is_title:
        s -= 1
    # "Will Sanders come down?": a question's auxiliary the tagger took for a first name
    # (a paragraph the parser skipped has no sentences or tags: its words and marks decide)
    opens = s == 0 or doc[s - 1].text in (".", "!", "?", ":")
    if e > s + 1 and doc[s].lower_ in QUESTION_AUXILIARIES and opens and "?" in doc.text[doc[s].idx : doc[s].idx + 200]:
        s += 1
    # "Keir Starmer’s" -> "Keir Starmer"; trailing possessives are not part of the name
    while e > s + 1 and (doc[e - 1].tag_ == "POS" or doc[e - 1].lower_ in ("'s", "’s", "'", "’")):
        e -= 1
    span = doc[s:e]
    return p.base + span.start_char, p.base + span.end_char


def office_matches(text: str, registry: Registry) -> list[Found]:
    """Offices the registry knows ("the Prime Minister", "the French president") and "his counterpart"."""
    pattern = registry.office_pattern()
    out: list[Found] = []
    for m in pattern.finditer(text):
        title = m.group(4)
        if not title[0].isupper() and re.match(r"\s+of\b", text[m.end() : m.end() + 5]):
            continue  # "the president of the club" is not an office we know
        out.append((m.start(), m.end(), "office", (title, m.group(2), m.group(3))))
    for m in re.finditer(r"\b([Hh]is|[Hh]er) ((?:[A-Z][a-z]+ )?counterpart)\b", text):
        out.append((m.start(), m.end(), "office", ("counterpart", None, None)))
    return out


def registry_name_matches(text: str, registry: Registry) -> list[Found]:
    pattern = registry.full_name_pattern()
    return [(m.start(), m.end(), "name", None) for m in pattern.finditer(text)] if pattern else []


def is_description(phrase: str) -> bool:
    """Whether a description match describes someone: "the Home Office" or "the European Commission"
    are organisations."""
    words = phrase.split()
    return not (
        len(words) >= 2
        and all(w[0].isupper() for w in words)
        and words[-1] not in ("Tory", "Conservative", "Republican", "Democrat", "MP", "MEP", "Green", "Labour")
    )


def looks_like_a_name(text: str, registry: Registry, name: str) -> bool:
    """A person the article names again, the registry knows, or a known first name starts."""
    words = [w for w in name.replace("’s", "").split() if w[:1].isupper()]
    if not words:
        return False
    body = text[text.find("\n") :] if "\n" in text else ""
    return (
        bool(re.search(rf"\b{re.escape(words[-1])}\b", body))
        or bool(registry.people_named(name))
        or fold(words[0]) in first_name_genders()
    )
