"""The article as HTML with every quote in its speaker's colour and every figure outlined; legends.

Everything that puts article words into HTML lives here (and in the pages' own small cards) and
escapes them first: article text is untrusted.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from analysis.records import NARRATOR, Analysis, NumberMention, Quote
from ui.colours import speaker_colour, tint

ARTICLE_CSS = """
<style>
.se-article { white-space: pre-wrap; font-size: 1.15rem; line-height: 1.75; max-width: 62rem;
  font-family: Georgia, 'Times New Roman', serif; color: #111827; }
.se-article mark.se-quote { color: inherit; padding: 0.05em 0.1em; border-radius: 3px;
  border-bottom: 3px solid var(--se-colour); background: var(--se-tint); cursor: help; }
.se-article mark.se-quote.se-indirect { border-bottom-style: dashed; }
.se-article span.se-number { font-weight: 700; border: 2px dotted #111827; padding: 0 2px;
  border-radius: 3px; cursor: help; }
.se-article span.se-number.se-disagrees { border-color: #B91C1C; color: #B91C1C; }
.se-article span.se-chrome { color: #6B7280; font-style: italic; }
.se-legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; margin: 0.25rem 0 1rem 0;
  font-size: 1rem; }
.se-legend .se-chip { display: inline-block; width: 1rem; height: 1rem; border-radius: 3px;
  vertical-align: -0.15rem; margin-right: 0.35rem; }
</style>
"""


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str  # "quote", "number", "chrome"
    order: int
    tag_open: str
    tag_close: str


def quote_tooltip(quote: Quote, analysis: Analysis) -> str:
    """Plain-text hover text for a quote: speaker, role, party, stance and the cues behind it."""
    speaker = analysis.speaker(quote.speaker_id)
    who = quote.speaker_name or (speaker.name if speaker else "Unattributed")
    partners = [p.name for p in (analysis.speaker(x) for x in quote.co_speaker_ids) if p is not None]
    lines = [who + (f" (with {', '.join(partners)})" if partners else "")]
    if speaker and (speaker.role or speaker.party):
        lines.append(" · ".join(x for x in (speaker.role, speaker.party) if x))
    st = quote.stance
    lines.append(f"Migration: {st.migration} · Government: {st.government}")
    if st.frames:
        lines.append("Frames: " + ", ".join(st.frames))
    if st.targets:
        lines.append("Targets: " + ", ".join(st.targets))
    if st.evidence:
        lines.append("Evidence: " + "; ".join(f"{e.label} “{e.text}”" for e in st.evidence[:6]))
    lines.append(f"{quote.kind} quote · rule: {quote.rule}")
    return "\n".join(lines)


def number_tooltip(number: NumberMention) -> str:
    """Plain-text hover text for a figure."""
    parts = [f"{number.text} = {number.value:g}" + (f" {number.unit}" if number.unit else "")]
    if number.qualifier:
        parts.append(f"qualifier: {number.qualifier}")
    if number.metric:
        parts.append(f"metric: {number.metric}")
    if number.period:
        parts.append(f"period: {number.period}")
    parts.append(f"cited by: {number.cited_by_name or number.cited_by or NARRATOR}")
    if number.disagrees:
        parts.append("⚠ conflicts with another figure for the same metric")
    return "\n".join(parts)


def article_html(analysis: Analysis, *, show_numbers: bool = True) -> str:
    """The article text as escaped HTML with quotes and figures marked.

    Quotes get their speaker's colour (solid underline for direct speech, dashed for
    reported speech); figures are outlined. Marks may nest or overlap: the text is cut at
    every boundary and each piece is wrapped in the marks that cover it.
    """
    text = analysis.article.text
    marks: list[_Mark] = []
    for i, c in enumerate(analysis.chrome):
        marks.append(_Mark(c.start, c.end, "chrome", i, '<span class="se-chrome">', "</span>"))
    for i, q in enumerate(analysis.quotes):
        sp = analysis.speaker(q.speaker_id)
        colour = speaker_colour(q.speaker_id, sp.party if sp else None)
        cls = "se-quote" + (" se-indirect" if q.kind == "indirect" else "")
        tag = (
            f'<mark class="{cls}" data-speaker="{html.escape(q.speaker_id or "", quote=True)}" '
            f'data-quote="{html.escape(q.id, quote=True)}" '
            f'style="--se-colour: {colour}; --se-tint: {tint(colour)};" '
            f'title="{html.escape(quote_tooltip(q, analysis), quote=True)}">'
        )
        marks.append(_Mark(q.start, q.end, "quote", i, tag, "</mark>"))
    if show_numbers:
        for i, n in enumerate(analysis.numbers):
            cls = "se-number" + (" se-disagrees" if n.disagrees else "")
            tag = (
                f'<span class="{cls}" data-number="{html.escape(n.id, quote=True)}" '
                f'title="{html.escape(number_tooltip(n), quote=True)}">'
            )
            marks.append(_Mark(n.start, n.end, "number", i, tag, "</span>"))
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    rank = {"chrome": 0, "quote": 1, "number": 2}
    out = [ARTICLE_CSS, '<div class="se-article">']
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m.start <= a and b <= m.end]
        # Outer to inner: chrome, then the longest quote, then figures.
        covering.sort(key=lambda m: (rank[m.kind], -(m.end - m.start), m.order))
        if covering:
            # Overlapping quotes: keep the innermost one only, so each piece has one speaker.
            quotes = [m for m in covering if m.kind == "quote"]
            if len(quotes) > 1:
                covering = [m for m in covering if m.kind != "quote" or m is quotes[-1]]
        out.extend(m.tag_open for m in covering)
        out.append(html.escape(text[a:b]))
        out.extend(m.tag_close for m in reversed(covering))
    out.append("</div>")
    return "".join(out)


def legend_html(entries: list[tuple[str, str]]) -> str:
    """A row of colour chips with escaped labels: [(label, colour), ...]."""
    chips = "".join(
        f'<span><span class="se-chip" style="background:{colour}"></span>{html.escape(label)}</span>'
        for label, colour in entries
    )
    return ARTICLE_CSS + f'<div class="se-legend">{chips}</div>'
