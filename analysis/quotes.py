"""Find quoted spans by pairing quote marks, paragraph by paragraph.

Works on characters, not tokens, so it never depends on the parser. Pairing restarts in every
paragraph, so one stray or missing mark cannot shift the pairings after it. A paragraph that
ends inside a quote continues into the next one when that one opens with a quote mark (the
newspaper convention for quotes that run over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
_OPEN_CONTEXT = set(" \t([{—–-/:") | set(DOUBLE_OPEN) | set(SINGLE_OPEN) | {'"', "'"}
_CLOSE_FOLLOW = set(" \t,.;:!?)]}—–-…") | set(DOUBLE_CLOSE) | set(SINGLE_CLOSE) | {'"', "'"}


@dataclass(frozen=True)
class QuotedSpan:
    """Text between a pair of quote marks (offsets exclude the marks)."""

    start: int
    end: int
    open_mark: str
    close_mark: str | None  # None: the paragraph ended before a closing mark
    paragraph: int
    style: str  # "double" or "single"


@dataclass(frozen=True)
class QuoteChain:
    """One statement: a quoted span, or several paragraphs of one continued quote."""

    parts: tuple[QuotedSpan, ...]

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


@dataclass(frozen=True)
class Paragraph:
    """A line of the article with its offsets."""

    index: int
    start: int
    end: int
    text: str


def split_paragraphs(text: str) -> list[Paragraph]:
    """Every non-empty line, offsets into text."""
    out: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Paragraph(len(out), pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _can_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _OPEN_CONTEXT or prev.isspace()) and not nxt.isspace()


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (nxt in _CLOSE_FOLLOW or nxt.isspace())


def _typed_to_close(text: str, i: int) -> bool:
    """An opening mark right after a word or its punctuation and before a space: “Not at all,“ he said."""
    prev = text[i - 1] if i > 0 else " "
    return (prev.isalnum() or prev in ",.!?;…") and _can_close(text, i) and not _can_open(text, i)


def _is_apostrophe(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return True  # don't, Keir’s, O’Neill
    return False


def pair_double(text: str) -> list[tuple[int, int, str, str | None]]:
    """(open index, close index or None, open mark, close mark) for double marks in one paragraph."""
    spans: list[tuple[int, int, str, str | None]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch in DOUBLE_OPEN:
            if open_at is not None and _typed_to_close(text, i):  # “Not at all,“ he said
                spans.append((open_at, i, text[open_at], ch))
                open_at = None
                continue
            if open_at is not None:
                spans.append((open_at, i, text[open_at], None))  # never closed: end it here
            open_at = i
        elif ch in DOUBLE_CLOSE:
            if open_at is not None:
                spans.append((open_at, i, text[open_at], ch))
                open_at = None
            # a closing mark with nothing open is stray: ignored
        elif ch == STRAIGHT_DOUBLE:
            if open_at is None:
                if _can_open(text, i) or not _can_close(text, i):
                    open_at = i
            elif _can_close(text, i) or not _can_open(text, i):
                spans.append((open_at, i, text[open_at], ch))
                open_at = None
            else:
                spans.append((open_at, i, text[open_at], None))
                open_at = i
    if open_at is not None:
        spans.append((open_at, len(text), text[open_at], None))
    return spans


def pair_single(text: str, lo: int, hi: int) -> list[tuple[int, int, str, str | None]]:
    """Single-mark quotes in text[lo:hi]; the closing mark doubles as the apostrophe."""
    spans: list[tuple[int, int, str, str | None]] = []
    i = lo
    while i < hi:
        ch = text[i]
        if (ch in SINGLE_OPEN or ch == STRAIGHT_SINGLE) and _can_open(text, i) and not _is_apostrophe(text, i):
            if ch == STRAIGHT_SINGLE and i > 0 and text[i - 1].isalnum():
                i += 1
                continue
            close = _find_single_close(text, i + 1, hi)
            if close is not None:
                spans.append((i, close, ch, text[close]))
                i = close + 1
                continue
            if ch == "‘" and text[lo:i].rstrip()[-1:] in ("", ":"):
                # "Minister Ann Hale said: ‘Our rules are working ...": a quote that runs on into the
                # next paragraph, in British single marks
                spans.append((i, hi, ch, None))
                break
        i += 1
    return spans


def _find_single_close(text: str, lo: int, hi: int) -> int | None:
    """The closing single mark: prefer one next to punctuation or at the end, skip apostrophes."""
    candidates = [
        j
        for j in range(lo, hi)
        if text[j] in SINGLE_CLOSE + STRAIGHT_SINGLE and _can_close(text, j) and not _is_apostrophe(text, j)
    ]
    if not candidates:
        return None
    for j in candidates:
        before = text[j - 1]
        after = text[j + 1] if j + 1 < len(text) else " "
        # "voters’ concerns" is a plural possessive; "numbers,’ he said" closes a quote
        if before in ",.!?…" or after in ",.;:!?)" or j + 1 >= hi or after in "\n":
            return j
    return candidates[0] if text[candidates[0] - 1] != "s" else None


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted span in the article, in order, offsets excluding the marks."""
    out: list[QuotedSpan] = []
    for para in split_paragraphs(text):
        ptext = _mask_markup(_double_apostrophes(para.text))
        doubles = pair_double(ptext)
        covered = [(a, b) for a, b, _, _ in doubles]
        singles = []
        gaps = _gaps(covered, len(ptext))
        for lo, hi in gaps:
            singles.extend(pair_single(ptext, lo, hi))
        for style, spans in (("double", doubles), ("single", singles)):
            for a, b, om, cm in spans:
                start, end = _trim(ptext, a + 1, b)
                if end - start < 1:
                    continue
                out.append(QuotedSpan(para.start + start, para.start + end, om, cm, para.index, style))
    out.sort(key=lambda q: q.start)
    return out


def _gaps(covered: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    gaps, pos = [], 0
    for a, b in sorted(covered):
        if a > pos:
            gaps.append((pos, a))
        pos = max(pos, b + 1)
    if pos < n:
        gaps.append((pos, n))
    return gaps


MARKUP_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]+))?)*\s*/?>")


def _mask_markup(text: str) -> str:
    """Quote marks inside a markup tag left in pasted copy (<tweet author="x" id="1">) delimit
    attribute values, not anyone's words: they are blanked out, keeping every offset."""
    if "<" not in text:
        return text
    return MARKUP_TAG.sub(lambda m: re.sub("[\"']", FILLER, m.group(0)), text)


FILLER = "\x01"  # stands for the second apostrophe of a '' mark, so offsets stay as they are
TWO_APOSTROPHES = re.compile("''")


def _double_apostrophes(text: str) -> str:
    """Two apostrophes ('') are one double quote mark, as the New York Times writes them: rewrite
    each as a straight double mark beside a filler character, keeping every offset."""
    if "''" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        opening = (before.isspace() or before in "([{—–-") and not after.isspace()
        return '"' + FILLER if opening else FILLER + '"'

    return TWO_APOSTROPHES.sub(one, text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] == FILLER):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == FILLER):
        end -= 1
    return start, end


def chain_quotes(text: str, spans: list[QuotedSpan]) -> list[QuoteChain]:
    """Join an unclosed quote with the next paragraph's quote when that paragraph opens with a mark."""
    paragraphs = {p.index: p for p in split_paragraphs(text)}
    chains: list[list[QuotedSpan]] = []
    for span in spans:
        if chains:
            last = chains[-1][-1]
            para = paragraphs[span.paragraph]
            opens_paragraph = span.start - para.start <= 2 and text[para.start : span.start].strip() in (
                *ALL_MARKS,
                "''",
            )
            if (
                last.close_mark is None
                and span.paragraph == last.paragraph + 1
                and opens_paragraph
                and last.end >= paragraphs[last.paragraph].end - 1
                and last.style == span.style
            ):
                chains[-1].append(span)
                continue
        chains.append([span])
    return [QuoteChain(tuple(c)) for c in chains]


WORD = re.compile(r"[\w’'-]+")


def word_count(text: str) -> int:
    """Words in a span, for telling partial quotes from full statements."""
    return len(WORD.findall(text))
