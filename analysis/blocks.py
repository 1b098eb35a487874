"""Speech that is marked by layout, not by quote marks: transcripts and block quotes.

Two conventions of real copy give a speaker's words as plain paragraphs:
- transcripts and interviews label each turn ("CLARE O'NEIL: Okay, welcome everyone.", "Q: ...");
  the turn runs on through unlabelled paragraphs until the next label;
- press releases introduce a speaker with "Home Secretary Priti Patel said:" and give the words
  as block quotes, paragraphs whose quote marks were lost when the page became text.

Pure functions over paragraphs: they say where such speech is and who the text names as its
speaker; resolving that name to a canonical speaker is the speaker book's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.quotes import ALL_MARKS, Paragraph

# "CLARE O'NEIL:", "SEN. JOHN CORNYN:", "Q:" at the start of a paragraph. All capitals, so that a
# headline such as "Brexit: what happens next" is never taken for a speaker.
# A transcript quoted whole opens each turn with a quote mark: '"PENCE: Well, look, ...'.
TURN_LABEL = re.compile(r"^[\"“]?(?P<label>[A-Z][A-Z.’'-]*(?: [A-Z][A-Z.’'-]*){0,3})\s*:\s+(?P<rest>\S)")
# Labels that name a role, not a person: the turn is real speech by someone unnamed.
ANONYMOUS_LABELS = frozenset(
    {
        "SPEAKER",
        "JOURNALIST",
        "REPORTER",
        "QUESTION",
        "Q",
        "HOST",
        "PRESENTER",
        "MODERATOR",
        "INTERVIEWER",
        "UNIDENTIFIED",
        "UNIDENTIFIED SPEAKER",
        "UNIDENTIFIED JOURNALIST",
        "AUDIENCE MEMBER",
        "CALLER",
        "ANCHOR",
        "VOICE",
        "MALE VOICE",
        "FEMALE VOICE",
    }
)
# Words that end a block: a new section of the page rather than more of the speaker's words.
SECTION_STARTS = re.compile(
    r"^(?:ends\b|notes? to editors|background\b|further information|for more information|"
    r"find out more|read more|media enquiries|contact\b)",
    re.I,
)
MIN_TRANSCRIPT_TURNS = 2
# "Lynch: No outside influence on FBI probe", "Former AG Mukasey at RNC: Clinton email ...": a
# headline that gives a claim to the name before its colon.
HEADLINE_CLAIM = re.compile(
    r"^(?:(?:EXCLUSIVE|WATCH|VIDEO|LISTEN)\s*[–—:-]\s*)?"
    r"(?P<name>(?:[A-Z][\w.’'-]*|of|at|the|and|de|van|von|in)(?: (?:[A-Z][\w.’'-]*|of|at|the|and|de|van|von|in)){0,5})"
    r"\s*:\s+(?P<claim>\S.{8,})$"
)
# "Senators Vow to Block Visa Plan", "Charity Calls Asylum Rules Cruel": a headline
# naming who makes a speech act, in headline grammar the parser cannot read ("Says" it can).
HEADLINE_SPEECH_ACT = re.compile(
    r"^(?P<name>[A-Z][\w.’'&-]*(?: [A-Z][\w.’'&-]*){0,3}) "
    r"(?:Vows|Pledges|Promises|Urges|Warns|Threatens|Demands|Slams|Blasts|Rejects|Denies|Accuses|Criticizes|"
    r"Criticises|Condemns|Calls(?: for| on)?) (?P<claim>\S.{8,})$"
)
# "UK Must Tighten Migrant Barriers - Minister": wire-copy headline grammar, the source after a dash.
HEADLINE_DASH_SOURCE = re.compile(r"^(?P<claim>\S.{8,}?)\s+[-–—]\s+(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2})$")
NOT_HEADLINE_NAMES = frozenset(
    {
        "breaking",
        "live",
        "watch",
        "update",
        "updated",
        "exclusive",
        "analysis",
        "opinion",
        "video",
        "review",
        "explainer",
        "comment",
        "editorial",
        "factbox",
        "timeline",
        "q&a",
        "poll",
        "revealed",
        "latest",
        "the latest",
        "read",
        "listen",
        "photos",
        "in pictures",
        "fact check",
        "morning email",
        "report",
    }
)
# "Chris Matthews: Seriously, seriously about this." in the body: a speaker label in mixed case.
MIXED_CASE_LABEL = re.compile(r"^(?P<label>[A-Z][a-z]+(?:[ -][A-Z][\w’'-]+){1,2})\s*:\s+(?P<rest>\S.*[.!?…\"”’)])\s*$")
MAX_HEADING_WORDS = 10


@dataclass(frozen=True)
class Turn:
    """One speaker's turn in a transcript: the label and the pieces of speech (one per paragraph)."""

    label: str
    label_start: int
    label_end: int
    pieces: tuple[tuple[int, int], ...]
    role: str | None = None  # "Andrew Clennell, Host:" gives the role after the name

    @property
    def anonymous(self) -> bool:
        return self.label.upper().rstrip(".") in ANONYMOUS_LABELS


def headline_claim(title: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """((name start, end), (claim start, end)) for a "Name: claim" headline, offsets into `title`."""
    m = HEADLINE_CLAIM.match(title.rstrip())
    if not m or m.group("name").split()[-1].lower() in NOT_HEADLINE_NAMES:
        return None
    return _name_and_claim(m, title)


def headline_speech_act(title: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """((name start, end), (claim start, end)) for a "Name Vows to ..." headline, offsets into `title`."""
    m = HEADLINE_SPEECH_ACT.match(title.rstrip())
    return _name_and_claim(m, title) if m else None


def headline_dash_source(title: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """((name start, end), (claim start, end)) for a "Claim - Minister" headline, offsets into `title`.
    Who the name is decides whether it is a source at all ("- BBC News" is the site's name)."""
    m = HEADLINE_DASH_SOURCE.match(title.rstrip())
    if not m or m.group("name").lower() in NOT_HEADLINE_NAMES:
        return None
    return (m.start("name"), m.end("name")), (m.start("claim"), m.end("claim"))


def _name_and_claim(m: re.Match[str], title: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The name and claim spans of a headline match, the claim without a closing full stop."""
    if m.group("name").lower() in NOT_HEADLINE_NAMES:
        return None
    claim_end = len(title.rstrip())
    while claim_end > m.start("claim") and title[claim_end - 1] in ".":
        claim_end -= 1
    return (m.start("name"), m.end("name")), (m.start("claim"), claim_end)


# "Companies exploit program, say critics", "Plan will fail, warns minister": a heading's claim and
# who makes it, after a comma at its end (headline grammar defeats the parser)
HEADING_SAYS_AFTER = re.compile(
    r"^(?P<claim>\S.{8,}?),\s+(?:says?|warns?|claims?|insists?|argues?|admits?)\s+"
    r"(?P<name>[\w’'.-]+(?: [\w’'.-]+){0,4})$"
)


def heading_says_after(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """((name start, end), (claim start, end)) for a heading "Claim, says X", offsets into `text`."""
    m = HEADING_SAYS_AFTER.match(text.rstrip().rstrip("."))
    if not m:
        return None
    return (m.start("name"), m.end("name")), (m.start("claim"), m.end("claim"))


def labelled_speech(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """((label start, end), (speech start, end)) for a body paragraph "Chris Matthews: Seriously ...",
    a speaker's words given after their name in mixed case."""
    m = MIXED_CASE_LABEL.match(text)
    if not m or len(m.group("rest").split()) < 5:
        return None
    return (m.start("label"), m.end("label")), (m.start("rest"), len(text.rstrip()))


def is_heading(text: str) -> bool:
    """A short line without closing punctuation: a section heading, not prose."""
    stripped = text.strip()
    if not stripped or stripped[-1] in ".!?…:;\"”’')":
        return False
    return len(stripped.split()) <= MAX_HEADING_WORDS


def opens_with_quote_mark(text: str) -> bool:
    return text.lstrip()[:1] in ALL_MARKS


def ends_section(text: str) -> bool:
    return is_heading(text) or bool(SECTION_STARTS.match(text.strip()))


def transcript_turns(paragraphs: list[Paragraph]) -> list[Turn]:
    """Speaker turns, when the text is a transcript: at least two paragraphs with capitalised labels
    ("CLARE O'NEIL:"), or at least three with mixed-case labels ("Andrew Clennell, Host:",
    "Clennell:") of which one speaker has two turns. One capitalised label is enough when it stands
    alone on its line ("PETER DUTTON:") or the title calls the page a transcript ("Doorstop
    Interview", "Gaggle by Press Secretary ...")."""
    labelled = [
        (i, m)
        for i, p in enumerate(paragraphs)
        if (m := TURN_LABEL.match(p.text) or TURN_LABEL_ALONE.match(p.text)) is not None
    ]
    if len(labelled) == 1 and not _one_turn_transcript(paragraphs, *labelled[0]):
        labelled = []
    if not labelled:
        labelled = _mixed_case_turns(paragraphs)
        if len(labelled) < MIN_TRANSCRIPT_TURNS:
            return []
    turns = []
    starts = {i for i, _ in labelled}
    for i, m in labelled:
        para = paragraphs[i]
        rest = m.groupdict().get("rest")
        pieces = [(para.start + m.start("rest"), para.start + len(para.text.rstrip()))] if rest else []
        j = i + 1
        while j < len(paragraphs) and j not in starts and not ends_section(paragraphs[j].text):
            pieces.append(stripped_span(paragraphs[j]))
            j += 1
        turns.append(
            Turn(
                m.group("label"),
                para.start + m.start("label"),
                para.start + m.end("label"),
                tuple(pieces),
                m.groupdict().get("role"),
            )
        )
    return turns


# "PETER DUTTON:" on a line of its own, the turn in the paragraphs below it.
TURN_LABEL_ALONE = re.compile(r"^(?P<label>[A-Z][A-Z.’'-]*(?: [A-Z][A-Z.’'-]*){0,3})\s*:\s*$")
TRANSCRIPT_TITLE = re.compile(
    r"\b(?:transcripts?|doorstop|interview|press conference|media conference|news conference|gaggle|"
    r"press briefing|q ?& ?a)\b",
    re.I,
)


def _one_turn_transcript(paragraphs: list[Paragraph], i: int, label: re.Match[str]) -> bool:
    """A lone label is a speaker's turn, not a headline ("BREAKING: ..."), when it is below the title
    and either stands on its own line or the title names a transcript."""
    if i == 0 or label.group("label") in ANONYMOUS_LABELS:
        return False
    return label.groupdict().get("rest") is None or bool(TRANSCRIPT_TITLE.search(paragraphs[0].text))


MIXED_TURN_LABEL = re.compile(
    r"^(?P<label>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3})(?:, (?P<role>[^:\n]{2,80}?))?\s*:\s+(?P<rest>\S)"
)
MIN_MIXED_TURNS = 3


def _mixed_case_turns(paragraphs: list[Paragraph]) -> list[tuple[int, re.Match[str]]]:
    labelled = [(i, m) for i, p in enumerate(paragraphs) if i > 0 and (m := MIXED_TURN_LABEL.match(p.text))]
    surnames = [m.group("label").split()[-1].lower() for _, m in labelled]
    if len(labelled) < MIN_MIXED_TURNS or len(set(surnames)) == len(surnames):
        return []  # labels that never come back are headings or list items, not speakers taking turns
    return labelled


# "Quotes attributable to Minister ... Andrew Giles": a press release's introduction without a verb.
ATTRIBUTABLE_TO = re.compile(
    r"^(?:quotes?|comments?|remarks?)\s+(?:attributable to|from|by)\s+(?P<who>.+?):?\s*$", re.I
)


# "Secretary Alejandro Mayorkas delivered the following remarks during a press call.": a speech page's
# introduction; every paragraph after it is the speaker's.
FOLLOWING_REMARKS = re.compile(
    r"^(?P<who>[A-Z][^:;]{2,120}?)\s+(?:delivered|gave|made|issued|released)\s+the\s+following\s+"
    r"(?:remarks|statement|speech|address|comments|testimony)\b[^:]{0,120}[.:]?\s*$"
)


# "Remarks of Commissioner Avramopoulos after the Council", "Speech by the Prime Minister at ...",
# "Home Secretary's statement on ...": a speech page whose body is the speaker's words.
SPEECH_TITLE = re.compile(
    r"^(?i:(?:opening |closing |introductory |keynote |prepared |full )?"
    r"(?:remarks|speech|statement|address|testimony) (?:of|by|from) )"
    r"(?P<who>(?:the )?[A-Z][^,:;()]{2,80}?)"
    r"(?:(?:\s+(?:at|after|on|to|before|during|following|in|for|about|regarding|as)\b|\s*[,:(–—]|\s+-\s).*)?$"
)
POSSESSIVE_SPEECH_TITLE = re.compile(
    r"^(?P<who>[A-Z][^,:;()]{2,60}?)['’]s (?i:(?:opening |closing |keynote |full )?"
    r"(?:remarks|speech|statement|address|testimony)) (?:at|after|on|to|before|during|following|in|for|about)\b"
)
# "Brussels, 20 July 2015", "Check against delivery": lines of a speech page that are not the speech.
SPEECH_PAGE_LINE = re.compile(
    r"^(?:[A-Z][\w.’' -]{1,40},\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},?)\s+\d{4}\.?$"
    r"|^\W*(?i:check against delivery|as delivered|as prepared for delivery)\W*$"
)


def speech_title(title: str) -> tuple[int, int] | None:
    """(start, end) of the speaker in a speech page's title ("Remarks of Commissioner X after ...",
    "Home Secretary's statement on ..."), offsets into `title`."""
    stripped = title.strip()
    return _who(title, SPEECH_TITLE.match(stripped) or POSSESSIVE_SPEECH_TITLE.match(stripped))


def speech_body(paragraphs: list[Paragraph], first: int = 1) -> list[Paragraph]:
    """The paragraphs of a speech from paragraph `first` on: all but datelines, delivery notes,
    headings and a quotation the speaker introduces with a colon (the quote reader gives that to
    whom it quotes), up to a section that is not the speech ("Notes to editors") or the next
    speaker's line."""
    out = []
    for j in range(first, len(paragraphs)):
        text = paragraphs[j].text.strip()
        if SECTION_STARTS.match(text) or (j > first and speaker_line(text) is not None):
            break
        if SPEECH_PAGE_LINE.match(text) or (is_heading(text) and not text.endswith(",")):
            continue
        if opens_with_quote_mark(text) and paragraphs[j - 1].text.rstrip().endswith(":"):
            continue
        out.append(paragraphs[j])
    return out


# "Harriet Harman, Chair, Human Rights (Joint Committee)", "Ann Hale (Barnsley North) (Lab)": the line
# that opens a member's speech in a parliamentary record.
SPEAKER_LINE = re.compile(
    r"^(?P<who>(?:(?:Sir|Dame|Dr|Mr|Mrs|Ms|Lord|Baroness) )?[A-Z][\w’'-]+(?: (?:[A-Z]\.|[A-Z][\w’'-]+)){0,2} [A-Z][\w’'-]+)"
    r"(?:, (?P<role>[^.!?:;]{2,80})|(?P<seat> \([^)]{2,100}\)(?: ?\([^)]{2,30}\))?)|(?P<bare>))$"
)
OFFICE_WORDS = re.compile(
    r"\b(?:MP|Chair|Chairman|Chairwoman|Minister|Secretary|Member|Senator|Speaker|Leader|Committee|"
    r"Spokesperson|Commissioner|Rapporteur|MEP|TD|Deputy|Shadow)\b"
)


# Hansard gives a minister's office first: "The Parliamentary Under-Secretary of State for the Home
# Department (Tom Pursglove)", "The Minister for Immigration (Ann Hale)".
OFFICE_FIRST_SPEAKER_LINE = re.compile(
    r"^(?P<role>(?:The )?(?:[A-Z][\w’'-]*|of|for|the|and|in)(?:[ -](?:[A-Z][\w’'-]*|of|for|the|and|in)){0,14})"
    r" \((?P<who>(?:(?:Sir|Dame|Dr|Mr|Mrs|Ms|Lord|Baroness) )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})\)$"
)


@dataclass(frozen=True)
class NameAndRole:
    """A name on a line of its own and what the line says of its bearer: an office ("Minister of
    Immigration") or a seat and party ("Louth, Independent")."""

    name_start: int
    name_end: int
    role: str | None
    seat: str | None = None
    bare: bool = False  # the name alone ("Stuart C. McDonald"): a member's line only before "I" or "we"


BYLINE_START = re.compile(r"(?:By|From|Photo|Image|Credit|Reporting|Written|Edited)\b")
PHOTO_POSITION = re.compile(r"\((?:left|right|centre|center|pictured|file|above|below|top|bottom)\b", re.I)


def speaker_line(text: str) -> NameAndRole | None:
    """The name (offsets into `text`) on a line that opens a member's speech, with its office or seat."""
    m = SPEAKER_LINE.match(text.strip())
    if m and m.group("role") is not None and not OFFICE_WORDS.search(m.group("role")):
        return None  # "Ann Hale, Political Editor": a byline
    if m is None:
        m = OFFICE_FIRST_SPEAKER_LINE.match(text.strip())
        if m and not OFFICE_WORDS.search(m.group("role")):
            return None  # "The Daily Courier (Ann Hale)": not an office
    who = _who(text, m)
    if m is None or who is None:
        return None
    seat = m.groupdict().get("seat")
    if seat and PHOTO_POSITION.search(seat):
        return None  # "Ann Hale (left)": a photo caption, not a member's line
    bare = m.groupdict().get("bare") is not None
    if bare and BYLINE_START.match(m.group("who")):
        return None
    return NameAndRole(
        who[0], who[1], m.group("role"), seat.strip(" ()").replace(") (", ", ") if seat else None, bare=bare
    )


def attributable_to(text: str) -> tuple[int, int] | None:
    """(start, end) of the name in a "Quotes attributable to X" or "X delivered the following
    remarks" line, offsets into `text`."""
    return _who(text, ATTRIBUTABLE_TO.match(text.strip()) or FOLLOWING_REMARKS.match(text.strip()))


def _who(text: str, m: re.Match[str] | None) -> tuple[int, int] | None:
    """The "who" group of a match on the stripped `text`, as offsets into `text`."""
    if not m:
        return None
    lead = len(text) - len(text.lstrip())
    return lead + m.start("who"), lead + m.end("who")


def paragraphs_after(paragraphs: list[Paragraph], intro: int) -> list[Paragraph]:
    """The paragraphs an introduction without a verb governs, up to the next heading or introduction."""
    out = []
    for j in range(intro + 1, len(paragraphs)):
        text = paragraphs[j].text
        if ends_section(text) or text.rstrip().endswith(":") or attributable_to(text) is not None:
            break
        out.append(paragraphs[j])
    return out


def block_after_intro(
    paragraphs: list[Paragraph], intro: int, *, labelled: set[int] | None = None
) -> list[tuple[int, int]]:
    """The block quote after paragraph `intro` ("X said:", "Quotes attributable to X"): the
    paragraphs up to the next heading, the next introduction, a paragraph in quote marks (read as
    a quote) or a transcript label."""
    if not paragraphs[intro].text.rstrip().endswith(":") and attributable_to(paragraphs[intro].text) is None:
        return []
    labelled = labelled or set()
    pieces = []
    running_on = False
    for j in range(intro + 1, len(paragraphs)):
        text = paragraphs[j].text
        if j == intro + 1 and opens_with_quote_mark(text) and _left_open(text):
            # 'X said: / “The system is not working ... / It is my belief ...': a quote opened and
            # never closed runs on through the paragraphs after it (the quote reader has the first)
            running_on = True
            continue
        if j in labelled or opens_with_quote_mark(text) or ends_section(text) or text.rstrip().endswith(":"):
            break
        pieces.append(stripped_span(paragraphs[j]))
        if running_on and _closes(text):
            break  # the mark that closes the opened quote ends the block
    return pieces


def _left_open(text: str) -> bool:
    """A paragraph that opens a quote and never closes it."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _closes(text: str) -> bool:
    return "”" in text or text.count('"') % 2 == 1


def stripped_span(p: Paragraph) -> tuple[int, int]:
    """(start, end) of a paragraph without its surrounding white space."""
    lead = len(p.text) - len(p.text.lstrip())
    return p.start + lead, p.start + len(p.text.rstrip())


# "“We will not back down.” ― Ann Hale" and the Canadian release's
# "“...” / – The Honourable Ann Hale, Minister of Immigration": a quote signed after a dash.
SIGNATURE = (
    r"[-–—―]{1,2}\s*(?:The\s+Honourable\s+|The\s+Hon\.?\s+|Hon\.?\s+)?"
    r"(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}?)(?:\s*,\s*(?P<role>[^\n]*?))?\.?"
)
SIGNED_QUOTE = re.compile(rf"^[“\"](?:.|\n)*[”\"]\s*{SIGNATURE}$")
SIGNATURE_LINE = re.compile(rf"^{SIGNATURE}$")


def signed_quote(paragraphs: list[Paragraph], i: int) -> NameAndRole | None:
    """The signature of paragraph `i` (offsets into the article) when it is a quote signed after a
    dash on its own last line, or when it is all quote and the next paragraph is the signature."""
    text = paragraphs[i].text.strip()
    m = SIGNED_QUOTE.match(text)
    signing = paragraphs[i]
    if m is None:
        nxt = paragraphs[i + 1].text.strip() if i + 1 < len(paragraphs) else ""
        whole = text[:1] in '“"' and text[-1:] in '”"'
        if not whole or (m := SIGNATURE_LINE.match(nxt)) is None:
            return None
        signing = paragraphs[i + 1]
    base = stripped_span(signing)[0]
    who = m.group("who")
    # "― Steve Quinlan." ends the sentence: the full stop is not part of the name ("Jr." is)
    end = m.end("who") - (who.endswith(".") and not re.search(r"(?:\b[A-Z]|Jr|Sr)\.$", who))
    return NameAndRole(base + m.start("who"), base + end, m.group("role") or None)
