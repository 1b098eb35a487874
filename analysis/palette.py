"""Colours for parties and speakers, and the highlighted-article markup built from them.

One colour per party and per speaker, the same on every page and in every session:
known parties get their conventional colours, anything else a colour derived from a hash
of its name (never from Python's salted `hash()`), so a link shared today looks the same
tomorrow.

Everything that puts article words into HTML lives here and escapes them first.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass
from functools import lru_cache

from analysis.records import Analysis, NumberMention, Quote

# Conventional UK party colours as used by the parties' own branding and by the BBC's
# election graphics; the others are the parties' own logo colours, darkened where the
# official colour is too light to read as a highlight on white (SNP yellow).
PARTY_COLOURS: dict[str, str] = {
    "labour": "#E4003B",
    "conservative": "#0087DC",
    "liberal democrats": "#FAA61A",
    "reform uk": "#12B6CF",
    "green": "#02A95B",
    "snp": "#B8A200",
    "plaid cymru": "#005B54",
    "dup": "#D46A4C",
    "sinn féin": "#326760",
    "socialist party of albania": "#C2185B",
    "brothers of italy": "#1B3A6B",
}
PARTY_ALIASES: dict[str, str] = {
    "tory": "conservative",
    "tories": "conservative",
    "conservatives": "conservative",
    "conservative party": "conservative",
    "labour party": "labour",
    "lib dem": "liberal democrats",
    "lib dems": "liberal democrats",
    "liberal democrat": "liberal democrats",
    "reform": "reform uk",
    "green party": "green",
    "greens": "green",
    "scottish national party": "snp",
}
NO_PARTY_COLOUR = "#6B7280"  # slate grey for speakers without a known party and the narrator

# Tableau 10 minus its grey, plus four darker companions: distinct at projector size and
# readable as a 25% tint behind black text.
SPEAKER_PALETTE: tuple[str, ...] = (
    "#1F77B4",
    "#D62728",
    "#2CA02C",
    "#9467BD",
    "#FF7F0E",
    "#8C564B",
    "#E377C2",
    "#17BECF",
    "#BCBD22",
    "#3B4CC0",
    "#B15928",
    "#006D2C",
    "#7A0177",
)
NARRATOR = "Narrator (article's own voice)"


@lru_cache(maxsize=4096)
def _digest(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")


def canonical_party(party: str | None) -> str | None:
    """The party name in lower case with common aliases folded ("Tory" -> "conservative")."""
    if not isinstance(party, str) or not party.strip():
        return None  # None, "" or pandas' NaN
    key = " ".join(party.lower().split())
    return PARTY_ALIASES.get(key, key)


@lru_cache(maxsize=1024)
def party_colour(party: str | None) -> str:
    """The party's conventional colour if known, else a stable colour derived from its name."""
    key = canonical_party(party)
    if key is None or not isinstance(party, str):
        return NO_PARTY_COLOUR
    if key in PARTY_COLOURS:
        return PARTY_COLOURS[key]
    digest = _digest(key)
    hue = digest % 360
    return _hsl_to_hex(hue, 0.55, 0.42)


def speaker_colour(speaker_key: str | None, party: str | None = None) -> str:
    """A stable colour for a speaker id; the narrator (None) is grey.

    A speaker with a party gets a shade of the party's colour (picked by a hash of the id,
    so two Labour speakers are both red but tell apart); one without a party gets a colour
    from `SPEAKER_PALETTE`.
    """
    if not isinstance(speaker_key, str) or not speaker_key:
        return NO_PARTY_COLOUR
    return _speaker_colour(speaker_key, party if isinstance(party, str) else None)


@lru_cache(maxsize=4096)
def _speaker_colour(speaker_key: str, party: str | None) -> str:
    digest = _digest(speaker_key)
    if isinstance(party, str) and party:
        hue, sat, light = _hex_to_hsl(party_colour(party))
        shift = SHADE_SHIFTS[digest % len(SHADE_SHIFTS)]
        return _hsl_to_hex(hue, sat, min(0.62, max(0.22, light + shift)))
    return SPEAKER_PALETTE[digest % len(SPEAKER_PALETTE)]


# Lightness offsets for the speakers of one party: the first is the party colour itself.
SHADE_SHIFTS: tuple[float, ...] = (0.0, -0.13, 0.1, -0.22, 0.16)


def _hex_to_hsl(colour: str) -> tuple[float, float, float]:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hi, lo = max(r, g, b), min(r, g, b)
    light = (hi + lo) / 2
    if hi == lo:
        return 0.0, 0.0, light
    d = hi - lo
    sat = d / (1 - abs(2 * light - 1))
    if hi == r:
        hue = 60 * (((g - b) / d) % 6)
    elif hi == g:
        hue = 60 * ((b - r) / d + 2)
    else:
        hue = 60 * ((r - g) / d + 4)
    return hue, sat, light


@lru_cache(maxsize=1024)
def tint(colour: str, alpha: float = 0.22) -> str:
    """The colour as an rgba() string with the given opacity, for highlight backgrounds."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _hsl_to_hex(hue: float, sat: float, light: float) -> str:
    c = (1 - abs(2 * light - 1)) * sat
    x = c * (1 - abs((hue / 60) % 2 - 1))
    m = light - c / 2
    sector = int(hue // 60) % 6
    r, g, b = [(c, x, 0), (x, c, 0), (0, c, x), (0, x, c), (x, 0, c), (c, 0, x)][sector]
    return "#{:02X}{:02X}{:02X}".format(*(round((v + m) * 255) for v in (r, g, b)))


# ---------------------------------------------------------------------------------------
# Highlighted article

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
    lines = [who]
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
