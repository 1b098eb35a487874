"""Bytes or HTML in; clean article text, metadata and page chrome out.

Offsets everywhere else point into `IngestedText.text`. For plain text that is the text exactly
as given; for HTML it is the main text that trafilatura extracts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, cast

from analysis.blocks import SIGNED_QUOTE, heading_says_after
from analysis.records import Chrome, ChromeKind

if TYPE_CHECKING:
    from trafilatura.settings import Document

MAX_CHARS = 1_000_000  # about 150,000 words: far beyond any news article
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH_RE})\.?,? (\d{{4}})\b", re.I)
MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", re.I)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
ISO_MONTH = re.compile(r"\s*(\d{4})-(\d{2})\s*")  # "2020-06": archives often give the month only

# Page furniture seen on news sites: programme banners ("Clare Foges 6pm - 9pm"), time stamps,
# "Read more" links and bylines.
_TIME = r"\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)"
BANNER = re.compile(rf"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){{0,4}}:? {_TIME}\s?[-–—]\s?{_TIME}$", re.I)
TIMESTAMP = re.compile(
    rf"^(?:(?:published|updated|last updated|posted)\s*:?\s*)?(?:\w+day,? )?"
    rf"(?:\d{{1,2}} (?:{_MONTH_RE})|(?:{_MONTH_RE}) \d{{1,2}}),? \d{{4}}"
    rf"(?:,? (?:at )?\d{{1,2}}[:.]\d{{2}}(?:\s?(?:am|pm))?(?: \w{{2,4}})?)?"
    rf"(?:\s*[|•·-]\s*(?:updated|last updated)?:?\s*.*)?$",
    re.I,
)
CHROME_PREFIX = re.compile(
    r"^(?:read more|more:|watch|listen|advertisement|share this|share on|related:|related articles|"
    r"image:|photo:|picture:|credit:|getty images|sign up|subscribe|follow us|click here)\b",
    re.I,
)
BYLINE = re.compile(r"^By [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}(?:,.*)?$")
# A line ending like a sentence (or a salutation: "Ladies and Gentlemen,") is prose, not a caption.
PROSE_END = tuple(".!?:;\"”’'…),")
# "... make a statement on the matter. [6397/23]": a sentence and a record's reference number
SENTENCE_AND_REFERENCE = re.compile(r"[.!?]\s*\[[^\]\n]{1,20}\]$")
HTML_SNIFF = re.compile(r"<(?:!doctype|html|head|body|p|div|article|span|script|meta)\b", re.I)


class InputError(ValueError):
    """Input that cannot be analysed; str() is a message fit to show a user."""


@dataclass(frozen=True)
class IngestedText:
    """Text ready for analysis, with what the page said about itself."""

    text: str
    title: str | None
    published: date | None
    published_rule: str | None
    chrome: tuple[Chrome, ...]
    is_html: bool
    content_hash: str


def decode_bytes(data: bytes, *, filename: str | None = None) -> str:
    """Decode an upload: UTF-8, else a detected legacy encoding; reject binary files."""
    name = f" {filename!r}" if filename else ""
    if not data or not data.strip():
        raise InputError(f"The file{name} is empty.")
    head = data[:8192]
    if head.startswith(b"%PDF"):
        raise InputError(f"The file{name} is a PDF. Copy its text and paste it, or save it as .txt.")
    if head.startswith((b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")):
        raise InputError(f"The file{name} is a binary file (archive or image), not an article.")
    for bom, codec in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return _checked(data.decode(codec, errors="replace"), name)
    if b"\x00" in head:
        raise InputError(f"The file{name} looks binary (it contains NUL bytes), not text.")
    try:
        return _checked(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError:
        pass
    # Windows-1252 first: it is what Word and old CMS exports with smart quotes use.
    for fallback in ("cp1252", _detected_codec(data), "latin-1"):
        if not fallback:
            continue
        try:
            return _checked(data.decode(fallback), name)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(f"The file{name} is not in a text encoding we can read.")


def _detected_codec(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: cp1252 and latin-1 still cover Western text
        return None
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best else None


def _checked(text: str, name: str) -> str:
    sample = text[:20_000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if sample and controls / len(sample) > 0.02:
        raise InputError(f"The file{name} looks binary (too many control characters), not text.")
    return text


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page rather than article prose."""
    head = text[:3000].lstrip()
    return head.startswith("<") and bool(HTML_SNIFF.search(head))


def ingest(text: str, *, title: str | None = None, published: date | None = None) -> IngestedText:
    """Validate, extract from HTML if needed, and find title, date and page chrome."""
    if not isinstance(text, str):
        raise InputError("Expected text; decode bytes with decode_bytes() first.")
    if not text.strip():
        raise InputError("The article is empty: paste or upload some text.")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"The article is {len(text):,} characters long; the limit is {MAX_CHARS:,}. "
            "Split it into separate articles."
        )
    is_html = looks_like_html(text)
    html_date = None
    if is_html:
        text, html_title, html_date = _extract_html(text)
        title = title or html_title
    if "\x00" in text:
        raise InputError("The text contains NUL characters: it looks like a binary file.")
    letters = sum(c.isalpha() for c in text[:50_000])
    if letters < 20:
        raise InputError("The text has almost no words in it, so there is nothing to analyse.")
    chrome, heading = find_chrome(text)
    if title is None and heading is not None:
        title = heading
    rule = "given" if published else None
    if published is None and html_date is not None:
        published, rule = html_date, "html metadata"
    if published is None:
        published = find_published_date(text)
        rule = "stamp in text" if published else None
    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    return IngestedText(text, title, published, rule, tuple(chrome), is_html, digest)


def _extract_html(html: str) -> tuple[str, str | None, date | None]:
    import trafilatura

    try:
        # a Document or None (a dict only with as_dict=True)
        doc = cast("Document | None", trafilatura.bare_extraction(html, with_metadata=True, include_comments=False))
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(f"Could not read this HTML page ({type(exc).__name__}).") from exc
    if doc is None or not doc.text or not doc.text.strip():
        raise InputError("No article text was found in this HTML page.")
    parsed = parse_date(doc.date) if doc.date else None
    return doc.text, doc.title, parsed


def month_only(value: object) -> bool:
    """True for a date given as a month alone ("2020-06")."""
    return isinstance(value, str) and ISO_MONTH.fullmatch(value) is not None


def parse_date(value: str | date | None) -> date | None:
    """A date from ISO text ('2025-05-15'; a month alone, '2020-06', gives its first day), a date,
    or None."""
    if value is None or isinstance(value, date):
        return value
    m = ISO_DATE.search(value)
    month = None if m else ISO_MONTH.fullmatch(value)
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        return date(int(month[1]), int(month[2]), 1) if month else None
    except ValueError:
        return None


def find_published_date(text: str) -> date | None:
    """The first date stated near the top of the article ("15 May 2025, 00:39 | Updated: ...")."""
    head = text[:600]
    candidates = []
    for m in DAY_MONTH_YEAR.finditer(head):
        candidates.append((m.start(), int(m[3]), MONTHS[m[2].lower()], int(m[1])))
    for m in MONTH_DAY_YEAR.finditer(head):
        candidates.append((m.start(), int(m[3]), MONTHS[m[1].lower()], int(m[2])))
    for m in ISO_DATE.finditer(head):
        candidates.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    for _, y, mo, d in sorted(candidates):
        try:
            return date(y, mo, d)
        except ValueError:
            continue
    return None


def iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) for every line, offsets into text."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def find_chrome(text: str) -> tuple[list[Chrome], str | None]:
    """Lines that are page furniture, and the headline if the text opens with one."""
    chrome: list[Chrome] = []
    heading: str | None = None
    seen_prose = False
    for start, _end, line in iter_lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        s, e = start + lead, start + lead + len(stripped)
        kind = classify_line(stripped, first=not seen_prose and heading is None)
        if kind == "heading":
            heading = stripped
            chrome.append(Chrome("heading", stripped, s, e))
            continue
        if kind == "caption" and heading is not None and not seen_prose and _standfirst(stripped):
            # "50 Syrian refugees resettled under the IRPP today" under the title: the summary lines
            # of a press release, content like the title
            chrome.append(Chrome("heading", stripped, s, e))
            continue
        if kind is not None:
            chrome.append(Chrome(kind, stripped, s, e))
            continue
        seen_prose = True
    return chrome, heading


def _standfirst(line: str) -> bool:
    """A summary line under the title: a sentence of at least five words, not a byline ("Ann Hale,
    Home Affairs correspondent") or a list of links."""
    words = line.split()
    return len(words) >= 5 and ", " not in line[:40] and "|" not in line and line[:1].isalnum()


def classify_line(line: str, *, first: bool) -> ChromeKind | None:
    """'banner', 'timestamp', 'byline', 'caption', 'heading' or None for article prose."""
    if BANNER.match(line):
        return "banner"
    if TIMESTAMP.match(line):
        return "timestamp"
    if BYLINE.match(line):
        return "byline"
    if CHROME_PREFIX.match(line):
        return "caption"
    words = line.split()
    ends_like_prose = line.endswith(PROSE_END) or SENTENCE_AND_REFERENCE.search(line) is not None
    if first and len(words) <= 30 and not line.endswith("."):
        return "heading"
    if not ends_like_prose and len(words) <= 30:
        if SIGNED_QUOTE.match(line):
            return None  # "“We lost.” ― Ann Hale": a quote signed with its speaker's name
        if heading_says_after(line) is not None:
            return "heading"  # "Companies exploit program, say critics": a claim, kept as content
        return "caption"  # video captions and link texts have no closing punctuation
    return None
