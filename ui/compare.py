"""The Compare page's views: two sides (a speaker or a party each) as plain frames and escaped HTML.

Pure pandas and strings, no Streamlit, so the tests can call them on small frames. Every piece of
article text is escaped: it is untrusted.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from ui.colours import party_colour, speaker_colour
from ui.html_table import e, facts_html, table_html  # noqa: F401 - the page imports table_html from here too
from ui.widgets import plural  # noqa: F401 - the page imports it from here too

Kind = Literal["speaker", "party"]
# URL value of the mode -> (kind of side a, kind of side b), and its label on the page.
MODES: dict[str, tuple[Kind, Kind]] = {
    "parties": ("party", "party"),
    "speakers": ("speaker", "speaker"),
    "party-speaker": ("party", "speaker"),
}
MODE_LABELS = {"parties": "Two parties", "speakers": "Two speakers", "party-speaker": "A party and a speaker"}
EXAMPLE_CHARS = 220
NO_QUOTES_COLOUR = "#9CA3AF"


def infer_mode(a: str | None, b: str | None, parties: list[str], speakers: list[str]) -> str:
    """The mode a link without `mode=` meant: two party names compare parties, and so on."""
    a_party, b_party = a in parties and a not in speakers, b in parties and b not in speakers
    if a_party and b_party:
        return "parties"
    if a_party and b in speakers:
        return "party-speaker"
    return "speakers"


@dataclass(frozen=True)
class Side:
    """One side of the comparison: a speaker id or a party name, and its display name."""

    kind: Kind
    key: str
    name: str

    def quotes(self, quotes: pd.DataFrame) -> pd.DataFrame:
        """This side's quotes."""
        if quotes.empty:
            return quotes
        col = "speaker_id" if self.kind == "speaker" else "party"
        return quotes[quotes[col] == self.key]

    def colour(self, quotes: pd.DataFrame) -> str:
        """The party's colour, or the speaker's as their first quote (`quotes`: this side's) shows it."""
        if quotes.empty:
            return NO_QUOTES_COLOUR
        if self.kind == "party":
            return party_colour(self.key)
        return speaker_colour(self.key, quotes["party"].iloc[0])

    def figures(self, numbers: pd.DataFrame) -> pd.DataFrame:
        """The figures this side cited."""
        if numbers.empty:
            return numbers
        col = "cited_by" if self.kind == "speaker" else "party"
        return numbers[numbers[col] == self.key]


def _short(text: str, limit: int = EXAMPLE_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def by_label(about: pd.DataFrame, column: str) -> pd.DataFrame:
    """Quotes per label of `column` (a label or a tuple of labels), most used first, with an example quote.

    The example is the label's longest quote (the most to read), with its speaker.
    """
    cols = [column.rstrip("s") if column in ("targets", "frames") else column, "quotes", "example", "speaker"]
    if about.empty:
        return pd.DataFrame(columns=cols)
    rows = about[[column, "text", "speaker"]]
    if column in ("targets", "frames"):
        rows = rows.explode(column)
    rows = rows.dropna(subset=[column])
    if rows.empty:
        return pd.DataFrame(columns=cols)
    out = []
    for label, group in rows.groupby(column, sort=False, observed=True):
        best = group.loc[group["text"].astype(str).str.len().idxmax()]
        out.append({cols[0]: label, "quotes": len(group), "example": str(best["text"]), "speaker": best["speaker"]})
    return pd.DataFrame(out, columns=cols).sort_values(["quotes", cols[0]], ascending=[False, True])


def speakers_of(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who speaks on this side: name, role, party, quotes; most quoted first."""
    cols = ["speaker", "role", "party", "quotes"]
    if quotes.empty:
        return pd.DataFrame(columns=cols)
    grouped = quotes.groupby("speaker", observed=True, sort=False).agg(
        role=("role", "first"), party=("party", "first"), quotes=("text", "size")
    )
    return grouped.reset_index()[cols].sort_values(["quotes", "speaker"], ascending=[False, True])


def figures_by_metric(a: pd.DataFrame, b: pd.DataFrame) -> list[tuple[str, pd.DataFrame, pd.DataFrame]]:
    """(metric label, side a's figures, side b's figures) per metric group either side cited.

    Metrics both sides cited come first, then by how many figures they hold.
    """
    groups: dict[str, list[int]] = {}
    for side, frame in ((0, a), (1, b)):
        if frame.empty:
            continue
        for group, n in frame["metric_group"].astype(str).value_counts().items():
            groups.setdefault(group, [0, 0])[side] = int(n)
    order = sorted(groups, key=lambda g: (-(groups[g][0] > 0 and groups[g][1] > 0), -sum(groups[g]), g))
    out = []
    for group in order:
        fa = a[a["metric_group"].astype(str) == group] if not a.empty else a
        fb = b[b["metric_group"].astype(str) == group] if not b.empty else b
        first = fa if not fa.empty else fb
        metric = first["metric"].dropna().astype(str)
        label = metric.iloc[0] if len(metric) else group
        out.append((label, fa, fb))
    return out


# -- HTML --------------------------------------------------------------------------------------

CSS = """
<style>
.se-cmp table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:1rem;line-height:1.45}
.se-cmp th,.se-cmp td{border-bottom:1px solid #E5E7EB;padding:0.35rem 0.4rem;text-align:left;
  vertical-align:top;overflow-wrap:anywhere;white-space:normal}
.se-cmp th{font-weight:600;background:#F9FAFB}
.se-cmp .se-num{width:4.5rem;text-align:right}
.se-cmp .se-muted{color:#4B5563;font-size:0.9rem}
.se-cmp .se-fig{margin:0 0 0.6rem 0}
.se-cmp .se-value{font-weight:700;font-size:1.1rem}
.se-head{font-size:1.5rem;font-weight:700;padding-left:0.6rem;overflow-wrap:anywhere}
</style>
"""


def header_html(side: Side, colour: str, facts: list[tuple[str, str]]) -> str:
    """The side's name in its colour, and its headline values, which wrap rather than truncate."""
    return (
        CSS
        + f'<div class="se-head" style="border-left:0.5rem solid {html.escape(colour)}">{e(side.name)}</div>'
        + facts_html(facts)
    )


def _figure_html(row: pd.Series, urls: dict[str, str | None]) -> str:
    value = row["text"]
    bits = [
        f'<div class="se-value">{e(value)}</div>',
        f'<div class="se-muted">value {e(_number(row["value"]))} {e(row.get("unit") or "")}'
        f" · qualifier: {e(row.get('qualifier') or 'none')} · period: {e(row.get('period') or 'not given')}</div>",
        f'<div class="se-muted">cited by <b>{e(row.get("cited_by_name"))}</b></div>',
        f"<div>“{e(_short(row.get('sentence') or '', 400))}”</div>",
    ]
    article = row["article_id"]
    link = f'<a href="article?id={html.escape(str(article), quote=True)}" target="_self">{e(row["article_title"])}</a>'
    url = urls.get(str(article))
    if url and str(url).startswith(("http://", "https://")):
        link += f' · <a href="{html.escape(str(url), quote=True)}" target="_blank" rel="noopener">original</a>'
    bits.append(f'<div class="se-muted">{link}</div>')
    return '<div class="se-fig">' + "".join(bits) + "</div>"


def _number(value: object) -> str:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "—"
    return f"{v:,.0f}" if v.is_integer() else f"{v:,.2f}"


def figures_html(
    lined: list[tuple[str, pd.DataFrame, pd.DataFrame]], a: Side, b: Side, urls: dict[str, str | None]
) -> str:
    """One row per metric, each side's figures for it in its own column."""
    rows = []
    for label, fa, fb in lined:
        cells = [
            "".join(_figure_html(r, urls) for _, r in f.iterrows()) or '<span class="se-muted">none</span>'
            for f in (fa, fb)
        ]
        rows.append(f'<tr data-metric="{e(label)}"><th>{e(label)}</th><td>{cells[0]}</td><td>{cells[1]}</td></tr>')
    return (
        CSS + '<div class="se-cmp se-figures"><table><colgroup><col style="width:18%"><col><col></colgroup>'
        f"<thead><tr><th>metric</th><th>{e(a.name)}</th><th>{e(b.name)}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
