"""Who a speech cue's subject is: the entity in the speaker book that its subject phrase names.

"White House press secretary Karoline Leavitt said" is Leavitt, "her office said" is her office,
"analysts at the Border Policy Institute said" is the institute. Each step takes the cue and the
mentions inside its subject and returns a speaker or None; `resolve_cue` tries them in order.
"""

from __future__ import annotations

import re

from analysis.cues import AUTHORED_WORDS, Cue, subject_extent
from analysis.entities import Entity
from analysis.lexical import lemma
from analysis.records import Mention
from analysis.registry import fold
from analysis.speaker_phrases import PERSON_SUFFIX_RE, phrase_kind, strip_the
from analysis.speaker_words import DOCUMENT_HEADS, GROUP_NOUNS, PARTY_ROLE, ROLE_NOUNS, UNNAMED_PERSON_HEADS
from analysis.speakers import SpeakerBook
from analysis.speech_words import SPEECH_NOUNS

Hit = tuple[Entity, Mention]

# Head words of a subject that are a title or role, so that a name beside them is the speaker.
ROLE_HEAD_WORDS = (
    frozenset(ROLE_NOUNS)
    | UNNAMED_PERSON_HEADS
    | {
        "minister",
        "secretary",
        "president",
        "senator",
        "governor",
        "chairman",
        "chairwoman",
        "chair",
        "mayor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "attorney",
        "leader",
        "head",
        "chief",
        "director",
    }
)


def resolve_cue(book: SpeakerBook, cue: Cue) -> tuple[Entity | None, Mention | None]:
    """The entity a cue's subject names."""
    head = cue.base + cue.token.idx
    inside = [
        (ent, mention)
        for mention, ent in book.mention_owner
        if mention.start >= cue.subject_start and mention.end <= cue.subject_end
    ]
    possessed = _possessed(book, cue, inside)
    if possessed is not None:
        # "her personal lawyer, Ann Hale, wrote": the lawyer is named, and she speaks
        named = _person_in_apposition_to_head(cue, inside)
        return _spoke(named if named is not None and named[0] is not possessed[0] else possessed, head)
    author = _author_of_document(book, cue)
    if author is not None:
        return _spoke(author, head)
    hit = _speaker_among(book.text, cue, inside) or _speaker_beyond_mentions(book, cue, inside)
    if hit is None:
        return None, None
    partners = _joint_partners(book.text, inside, hit)
    if partners:  # "Nadler and Lofgren said": Lofgren speaks too
        book.note_joint(hit[1], partners)
    return _spoke(_as_the_subject_names_it(book, cue, hit), head)


def _speaker_among(text: str, cue: Cue, inside: list[Hit]) -> Hit | None:
    """The speaker among the mentions inside the subject. The mention that holds the subject's head
    word names the speaker: in "White House press secretary Karoline Leavitt said" that is Leavitt,
    not the White House."""
    at_head = next(((ent, m) for ent, m in inside if m.start <= cue.subject_head < m.end), None)
    # "Nadler and Lofgren said" is a joint statement; "Cross, a speechwriter for X and Y, wrote" is Cross's
    coordinated = _first_of_coordinated_people(text, inside)
    hit = (
        coordinated
        if coordinated is not None and (at_head is None or at_head[1].start >= coordinated[1].start)
        else at_head
    )
    if hit is None or hit[1].rule in ("office", "description"):  # "The Minister for Home Affairs, Peter Dutton,"
        hit = _person_in_apposition_to_head(cue, inside) or hit
    if hit is None and inside:
        return _speaker_by_head_word(text, cue, inside)
    return hit


def _person_in_apposition_to_head(cue: Cue, inside: list[Hit]) -> Hit | None:
    """ "Clinton's Democratic opponent, Vermont Sen. Bernie Sanders, said", "The head of the PAC
    backing Jeb Bush, Mike Murphy, said": the person named in apposition to the subject's head word
    is the speaker, whatever the description before it and whoever it names."""
    head = cue.subject_token()
    if head is None:
        return None
    # "OTTAWA - Canada's Minister of Immigration, Refugees and Citizenship, Ahmed Hussen, said": the
    # name may hang on an apposition of the head, one level down
    nested = [a for c in head.children if c.dep_ == "appos" for a in c.children if a.dep_ == "appos"]
    for appos in [c for c in head.children if c.dep_ == "appos"] + nested:
        lo, hi = cue.base + appos.left_edge.idx, cue.base + appos.idx + len(appos)
        people = [(ent, m) for ent, m in inside if ent.kind == "person" and m.rule != "pronoun"]
        within = [(ent, m) for ent, m in people if lo <= m.start and m.end <= hi]
        # "her husband, longtime Ruth Porter aide Daniel Okafor,": the name the apposition ends on is
        # the person; a name before it only describes her
        at_appos = [(ent, m) for ent, m in within if m.start <= cue.base + appos.idx < m.end]
        if at_appos or within:
            return (at_appos or within)[0]
    return None


def _speaker_by_head_word(text: str, cue: Cue, inside: list[Hit]) -> Hit | None:
    """The speaker when no mention holds the subject's head word: the person a title names, the
    organisation a group speaks for, else the earliest mention that is not a pronoun."""
    head_word = text[cue.subject_head :].split(" ", 1)[0].strip(",.;:").lower() if cue.subject_head >= 0 else ""
    named = _named_person_in_apposition(text, cue, inside, head_word.split("-")[-1])
    if named is not None:
        return named
    if head_word in GROUP_NOUNS or head_word in UNNAMED_PERSON_HEADS:
        return _organisation_of_group(text, cue, inside)
    standing = [(ent, m) for ent, m in inside if not _modifier_mention(text, cue, m)]
    return min(standing, key=lambda x: (x[1].rule == "pronoun", x[1].start)) if standing else None


def _possessor(text: str, m: Mention) -> bool:
    """A mention followed by a possessive ("Carter's", "Sanders'")."""
    return re.match(r"[’']s?\b", text[m.end : m.end + 2]) is not None


def _modifier_mention(text: str, cue: Cue, m: Mention) -> bool:
    """A name that only modifies the subject: a possessor ("John McCain's win"), or one inside a
    relative clause or after a preposition ("veterans at Trump rallies", "who worked for Bush")."""
    if _possessor(text, m):
        return True
    before = text[cue.subject_start : m.start]
    return bool(
        re.search(r"\b(?:who|which|that|whose)\b", before)
        or re.search(r"\b(?:at|in|of|for|from|on|with|by|to|like|including)\s+(?:the\s+)?$", before)
    )


def _organisation_of_group(text: str, cue: Cue, inside: list[Hit]) -> Hit | None:
    """ "Analysts at the Border Policy Institute said": they speak for the institute; "White House
    officials said": a group, not the White House itself."""
    for ent, m in inside:
        between = text[cue.subject_head : m.start].lower()
        if (
            ent.kind == "organisation"
            and m.start > cue.subject_head
            and re.match(r"^\w+\s+(?:at|from|for|of|with)\s+(?:the\s+)?$", between)
        ):
            return ent, m
    return None


def _speaker_beyond_mentions(book: SpeakerBook, cue: Cue, inside: list[Hit]) -> Hit | None:
    """The speaker when no mention inside the subject gives one: an entity the book finds for the
    phrase, a named source ("according to a CNN tally"), or the last speaker for a bare pronoun."""
    hit = None if inside else book.entity_at(cue.subject_start, cue.subject_end)
    if hit is not None:
        return hit
    text = book.text[cue.subject_start : cue.subject_end]
    described = ORG_DESCRIPTION.fullmatch(text.strip())
    if described:
        org = _organisation_named_before(book, cue.subject_start, described.group("head").lower())
        if org is not None:  # "Human Rights Watch criticised the camps. The group said ...": HRW
            return org[0], Mention(text.strip(), cue.subject_start, cue.subject_end, "description")
    if PAIR_DESCRIPTION.fullmatch(text.strip()):
        pair = _pair_named_before(book, cue.subject_start)
        if pair is not None:  # "The two Ministers agreed ...": the joint statement of the pair
            mention = Mention(text.strip(), cue.subject_start, cue.subject_end, "description")
            book.note_joint(mention, [pair[1]])
            return pair[0][0], mention
    at = cue.subject_start + len(text) - len(text.lstrip())
    if text.strip().lower() in POSSESSIVE_PRONOUNS:  # "his concerns about ...": the person "his" stands for
        return _possessor_of(book, text.strip(), at)
    if text.strip().lower() in ("he", "she", "they", "their"):
        pronoun = Mention(text.strip(), at, at + len(text.strip()), "pronoun")
        plural = text.strip().lower() in ("they", "their")
        hit = _latest_speaker(book, cue.subject_start, pronoun, person=not plural)
        return (_group_subject_before(book, cue, hit) or hit) if plural else hit
    hit = book.entity_for_phrase(text, cue.subject_start, cue.subject_end)
    if hit is None and cue.rule == "according_to":
        hit = book.named_source(text, cue.subject_start, cue.subject_end)  # "according to a CNN tally"
    return hit


def _people_word(plural: str) -> bool:
    """ "officials", "lawmakers", "migrants" name people; "the storms" and "the camps" do not."""
    return plural in GROUP_NOUNS or PERSON_SUFFIX_RE.search(plural.removesuffix("s")) is not None


def _group_subject_before(book: SpeakerBook, cue: Cue, latest: Hit | None) -> Hit | None:
    """ "Officials from Australia have defended the camps. They say ...": a "they" refers to the
    people the sentence before was about, though they had not spoken yet, unless someone spoke since."""
    sents = list(cue.token.doc.sents)
    here = next((i for i, s in enumerate(sents) if s.start <= cue.token.i < s.end), 0)
    if here == 0:
        return None
    subj = next((t for t in sents[here - 1] if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    if subj is None or subj.tag_ not in ("NNS", "NNPS") or not _people_word(subj.lower_):
        return None
    lo, hi = subject_extent(subj)
    start, end = cue.base + lo, cue.base + hi
    if latest is not None and any(start < at < cue.subject_start for at in latest[0].spoke_at):
        return None
    phrase = book.text[start:end]
    if phrase_kind(phrase) != "group":
        return None
    found = next(((e, m) for m, e in book.mention_owner if m.start == start and m.end == end), None)
    return found or book.entity_for_phrase(phrase, start, end)


def _as_the_subject_names_it(book: SpeakerBook, cue: Cue, hit: Hit) -> Hit:
    """ "Senate Democrats said" is a party group, not the party; an organisation the tagger cut short
    takes its whole name from the subject."""
    ent, mention = hit
    subject = book.text[cue.subject_start : cue.subject_end]
    if ent.article_role == PARTY_ROLE and phrase_kind(subject.strip(" ,")) == "person":
        # "another New Hampshire Republican added": one of the party's members, not the party
        return book.entity_for_phrase(subject, cue.subject_start, cue.subject_end) or hit
    if ent.article_role == PARTY_ROLE and re.fullmatch(
        r"(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,3}" + re.escape(mention.text), subject.strip(" ,")
    ):
        return book.party_group(ent, subject, cue.subject_start, cue.subject_end) or hit
    if ent.kind == "organisation" and ent.org is None:
        _complete_org_name(ent, subject)
    return hit


def _author_of_document(book: SpeakerBook, cue: Cue) -> Hit | None:
    """ "a fundraising email sent out by Ann Hale warned", "an analysis released by the department
    reveals", "according to a speech Ms Hale delivered": a message or document speaks for whoever
    sent, released or delivered it (the parse's "by" phrase or relative clause on it; the subject
    phrase leaves both out)."""
    head = cue.subject_token()
    if head is None or lemma(head) not in AUTHORED_WORDS | AUTHORED_DOCUMENTS:
        return None
    for verb in (c for c in head.children if c.dep_ in ("acl", "relcl")):
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            agents = [w for by in verb.children if by.dep_ == "agent" for w in by.children if w.dep_ == "pobj"]
        elif verb.dep_ == "relcl" and AUTHORING_VERB.fullmatch(verb.lower_):
            agents = [w for w in verb.children if w.dep_ == "nsubj"]
        else:
            continue
        for who in agents:
            lo, hi = (cue.base + at for at in subject_extent(who))
            hit = next(
                ((ent, m) for m, ent in book.mention_owner if lo <= m.start and m.end <= hi and m.rule != "pronoun"),
                None,
            )
            if hit is None and who.tag_ in ("NNP", "NNPS"):  # "by the Department of Veterans Affairs"
                hit = book.entity_for_phrase(book.text[lo:hi], lo, hi)
            if hit is not None and hit[0].kind in ("person", "organisation"):
                return hit
    return None


# Documents and addresses with an author: "a report published by ...", "a speech she delivered"
AUTHORED_DOCUMENTS = DOCUMENT_HEADS | {"speech", "address", "presentation", "testimony", "interview"}
AUTHORING_VERB = re.compile(
    r"deliver(?:ed|s)?|g[ai]ve[ns]?|given|ma(?:de|kes?)|wr(?:ote|itten|ites?)|issue[ds]?|sen(?:t|ds?)|"
    r"release[ds]?|publish(?:ed|es)?|post(?:ed|s)?|file[ds]?|submit(?:ted|s)?|present(?:ed|s)?|prepare[ds]?"
)


def _spoke(hit: tuple[Entity, Mention], at: int) -> tuple[Entity, Mention]:
    ent, _ = hit
    if at not in ent.spoke_at:
        ent.spoke_at.append(at)
    return hit


# What someone's organisation or staff is: "Sanders' campaign said", "her office said".
# What someone says, writes or proposes: "her plan promises to ..." is her promise.
OWNERS_WORDS = SPEECH_NOUNS | {"plan", "proposal", "assumption", "argument", "position", "platform", "agenda"}
OWNERS_WORDS |= {"account", "version", "recollection", "view", "views"}  # "according to her account"
# ... and what someone signs or sends: "Biden's executive order says ...", "Hale's letter warns ..."
OWNERS_WORDS |= {"order", "proclamation", "memo", "memorandum", "budget", "bill", "letter", "email", "tweet"}
# ... and what they file or rule: "Ivana Trump's brief said ...", "the judge's ruling found ..."
OWNERS_WORDS |= {
    "brief",
    "filing",
    "complaint",
    "lawsuit",
    "petition",
    "submission",
    "testimony",
    "ruling",
    "affidavit",
}
POSSESSED_HEADS = frozenset(
    {
        "campaign",
        "office",
        "team",
        "staff",
        "aide",
        "aides",
        "lawyer",
        "lawyers",
        "attorney",
        "attorneys",
        "camp",
        "allies",
    }
)
POSSESSIVE_PRONOUNS = {"his": "m", "her": "f"}


def _possessor_of(book: SpeakerBook, pronoun: str, at: int) -> Hit | None:
    """The person a "his" or "her" at `at` stands for, with the pronoun as the mention."""
    person = book.person_before(at, POSSESSIVE_PRONOUNS[pronoun.lower()])
    return (person, Mention(pronoun, at, at + len(pronoun), "pronoun")) if person else None


def _possessed(book: SpeakerBook, cue: Cue, inside: list[tuple[Entity, Mention]]) -> tuple[Entity, Mention] | None:
    """The speaker of "X's campaign said" / "her office said": X's campaign, not X."""
    text = book.text
    if cue.subject_head < 0:
        return None
    head = text[cue.subject_head :].split(" ", 1)[0].strip(",.;:")
    words_of_owner = head.lower() in OWNERS_WORDS  # "his remarks calling ...", "her plan promises": the owner speaks
    if head.lower() not in POSSESSED_HEADS and not words_of_owner:
        return None
    before = text[cue.subject_start : cue.subject_head]
    owner: tuple[Entity, Mention] | None = None
    pron = re.search(r"\b(his|her)\s+(?:[\w-]+\s+){0,2}$", before, re.I)
    if pron:
        owner = _possessor_of(book, pron.group(1), cue.subject_start + pron.start(1))
    else:
        for ent, m in sorted(inside, key=lambda x: -x[1].end):
            if m.end <= cue.subject_head and re.match(r"[’']s?\s", text[m.end : m.end + 3]) and m.rule != "pronoun":
                owner = (ent, m)
                break
        named = re.search(r"\b([A-Z][\w-]+)[’']s?\s+(?:[\w-]+\s+){0,2}$", before)
        if owner is None and named:  # "Biden’s executive order", the tagger having missed the name
            at = cue.subject_start + named.start(1)
            owner = book.person_by_surname(named.group(1), at, at + len(named.group(1)))
    if owner is None:
        return None
    if words_of_owner:
        return owner
    phrase = text[cue.subject_start : cue.subject_end]
    return book.possessed_speaker(owner[0], head.lower(), cue.subject_start, cue.subject_end) if phrase else None


# "the group", "the rights group", "the UN agency", "the department": an organisation named before
ORG_DESCRIPTION = re.compile(
    r"(?i:the)\s+(?:(?:[a-z][\w-]*|[A-Z]{2,4})\s+)?(?P<head>(?i:group|organi[sz]ation|charity|agency|department|"
    r"ministry|watchdog|committee|union|coalition|council|commission|institute|foundation))"
)
# Heads that must appear in the organisation's own name: "the union" is a union, not the company
NAMED_KIND_HEADS = frozenset({"committee", "union", "coalition", "council", "commission", "institute", "foundation"})
ORG_LOOKBACK = 1200


def _organisation_named_before(book: SpeakerBook, pos: int, head: str) -> tuple[Entity, Mention] | None:
    """The organisation named last before `pos` (one the book knows, or one the tagger found), within
    the stretch of text before it, of the kind the description's head word names."""

    def fits(name: str) -> bool:
        return head not in NAMED_KIND_HEADS or head in name.lower()

    known = [
        (m.start, (ent, m))
        for m, ent in book.mention_owner
        if ent.kind == "organisation"
        and ent.article_role != PARTY_ROLE
        and m.end <= pos
        and m.rule != "description"
        and fits(ent.name)
    ]
    latest_known = max(known, key=lambda x: x[0]) if known else None
    named = [
        (p.base + ent.start_char, p.base + ent.end_char, ent.text)
        for p in book.parsed
        if p.base < pos and p.base + len(p.text) > pos - ORG_LOOKBACK
        for ent in p.doc.ents
        if ent.label_ == "ORG" and p.base + ent.end_char <= pos
    ]
    for start, end, name in sorted(named, reverse=True):
        if latest_known is not None and latest_known[0] >= start:
            break
        if pos - end > ORG_LOOKBACK:
            return None
        bare = strip_the(name)
        if not fits(bare) or book.registry.org_named(bare) is None and phrase_kind(bare) != "organisation":
            continue  # a name the tagger called an organisation but that reads as a person's
        hit = book.resolve_headline_name(bare, start, end, people_only=False)
        if hit is not None and hit[0].kind == "organisation" and hit[0].article_role != PARTY_ROLE:
            return hit
    if latest_known is not None and pos - latest_known[1][1].end <= ORG_LOOKBACK:
        return latest_known[1]
    return None


# "The two Ministers", "Both leaders", "the senators", "the pair": people the text named together
PAIR_DESCRIPTION = re.compile(
    r"(?i:the|both|the two|the three|both the)\s+(?:[a-z]+\s+)?"
    r"(?i:ministers|leaders|senators|secretaries|presidents|men|women|commissioners|lawmakers|governors|"
    r"congressmen|congresswomen|mps|meps|premiers|chancellors|mayors|pair|duo)"
)
PAIR_GAP = re.compile(
    r"\s*(?:\([^)]{1,30}\))?\s*,?\s+(?:and|(?:spoke|talked|met)(?: with)?|held talks with)\s+"
    r"(?:(?:[A-Z][\w.’'-]*|of|for|the|his|her)\s+){0,6}"
)


def _pair_named_before(book: SpeakerBook, pos: int) -> tuple[tuple[Entity, Mention], Entity] | None:
    """The first of the last two people named together ("Home Secretary Ann Hale and French
    Interior Minister Tom Reyes") in the stretch of text before `pos`, and the second."""
    people = sorted(
        ((e, m) for m, e in book.mention_owner if e.kind == "person" and m.rule != "pronoun" and m.end <= pos),
        key=lambda x: x[1].start,
    )
    for (a, ma), (b, mb) in reversed(list(zip(people, people[1:]))):
        if pos - mb.end > 1500:
            return None
        if a is not b and PAIR_GAP.fullmatch(book.text[ma.end : mb.start]):
            return (a, ma), b
    return None


# What stands between two people named together in a subject: "Nadler and Lofgren", "A, B and C",
# "Sen. Ann Hale (D-Ore.) and Rep. Tom Reyes"
JOINED_BY = re.compile(
    r"\s*(?:\([^)]{1,30}\))?\s*(?:,?\s+and\s+(?:[\w.’'-]+\s+){0,6}|,\s+(?:[A-Z][\w.’'-]*\s+){0,4})"
)  # not "Dunn, a speechwriter for Hale and Reyes": a comma and lower-case words are an apposition


def _joint_partners(text: str, inside: list[Hit], hit: Hit) -> list[Entity]:
    """The people named with the speaker in one coordinated subject, after the speaker."""
    people = sorted(((e, m) for e, m in inside if e.kind == "person" and m.rule != "pronoun"), key=lambda x: x[1].start)
    out: list[Entity] = []
    previous = hit[1]
    for ent, m in people:
        if m.start < hit[1].end or ent is hit[0] or ent in out:
            continue
        if not JOINED_BY.fullmatch(text[previous.end : m.start]):
            break
        out.append(ent)
        previous = m
    return out


def _first_of_coordinated_people(text: str, inside: list[tuple[Entity, Mention]]) -> tuple[Entity, Mention] | None:
    """ "Chairman Jerrold Nadler and chairwoman Zoe Lofgren said": a joint statement is given to the
    first person named (the others are its co-speakers)."""
    people = sorted(((e, m) for e, m in inside if e.kind == "person" and m.rule != "pronoun"), key=lambda x: x[1].start)
    for (a, ma), (b, mb) in zip(people, people[1:]):
        if a is not b and re.search(r"\band\b", text[ma.end : mb.start]):
            return a, ma
    return None


def _latest_speaker(book: SpeakerBook, pos: int, pronoun: Mention, *, person: bool) -> tuple[Entity, Mention] | None:
    """A pronoun the book could not resolve ("The minister said X but he warned Y"): the speaker who
    spoke last before it, when that was within the same stretch of text."""
    spoken = [
        (max(at for at in e.spoke_at if at < pos), e)
        for e in book.entities
        if (e.kind == "person") == person and any(at < pos for at in e.spoke_at)
    ]
    if not spoken:
        return None
    at, ent = max(spoken, key=lambda x: x[0])
    if pos - at > 300:
        return None
    return ent, pronoun


ORG_NAME_END = re.compile(r"\s*(?:\(|[–—-]\s|,|$)")


def _complete_org_name(ent: Entity, subject: str) -> None:
    """ "The Association of Public and Land-grant Universities (APLU) – an advocacy ...": the tagger
    often cuts an organisation's name short; the subject phrase, up to a bracket or dash, gives it whole."""
    phrase = subject.strip(" ,")
    abbreviation = re.match(r"[^(]*\([A-Z&]{2,8}\)", phrase)
    cut = ORG_NAME_END.search(phrase)
    assert cut is not None  # the pattern ends in "$": it always matches
    phrase = abbreviation.group(0) if abbreviation else phrase[: cut.start()].strip()
    words = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I).replace("(", "").split()
    if (
        len(phrase) > len(ent.name)
        and fold(ent.name).removeprefix("the ") in fold(phrase)
        and all(w[0].isupper() or w in ("for", "of", "and", "the", "on", "in", "&") for w in words)
        and len(words) <= 12
    ):
        ent.name = phrase[0].upper() + phrase[1:]  # as the article names it, article and abbreviation included


def _named_person_in_apposition(
    text: str, cue: Cue, inside: list[tuple[Entity, Mention]], head_word: str
) -> tuple[Entity, Mention] | None:
    """ "The Minister for Home Affairs Peter Dutton said", "Carter's press secretary, Peter Cook, told":
    a title or role at the head, and the person it names beside it. A possessor ("Carter's") and a
    name after a preposition ("an attorney with ...") are not that person."""
    if head_word not in ROLE_HEAD_WORDS:
        return None
    for ent, m in sorted(inside, key=lambda x: x[1].start):
        if ent.kind != "person" or m.rule == "pronoun":
            continue
        if _possessor(text, m):
            continue
        before = text[cue.subject_start : m.start].lower()
        if re.search(r"\b(?:of|at|with|from|for|by|to)\s+(?:the\s+)?$", before):
            continue
        return ent, m
    return None
