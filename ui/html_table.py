"""Tables as escaped HTML that wrap: long quotes and sentences are read in full, at any width.

`st.dataframe` draws on a canvas and cuts a cell at its column's width; these tables wrap every
cell instead. Every value is escaped: article text is untrusted.
"""

from __future__ import annotations

import html

import pandas as pd

CSS = """
<style>
.se-cmp table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:1rem;line-height:1.45}
.se-cmp th,.se-cmp td{border-bottom:1px solid #E5E7EB;padding:0.35rem 0.4rem;text-align:left;
  vertical-align:top;overflow-wrap:anywhere;white-space:normal}
.se-cmp th{font-weight:600;background:#F9FAFB}
.se-cmp .se-num{width:4.5rem;text-align:right}
.se-cmp .se-muted{color:#4B5563;font-size:0.9rem}
.se-cmp a{color:#1D4ED8}
.se-scroll{max-height:26rem;overflow-y:auto}
.se-facts{display:flex;flex-wrap:wrap;gap:0.5rem 1.5rem;margin:0.4rem 0 0.6rem 0}
.se-facts div{min-width:7rem}
.se-facts .se-k{font-size:0.85rem;color:#4B5563}
.se-facts .se-v{font-size:1.25rem;font-weight:600;white-space:normal;overflow-wrap:anywhere}
</style>
"""


def e(value: object) -> str:
    """Escaped text; missing values as an em dash."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return "—"
    return html.escape(str(value))


def table_html(
    frame: pd.DataFrame,
    columns: list[tuple[str, str]],
    *,
    numeric: tuple[str, ...] = (),
    scroll: bool = False,
    widths: dict[str, str] | None = None,
) -> str:
    """A wrapping table of `frame`'s columns [(column, heading)], every cell escaped.

    `scroll`: at most about 15 rows high, scrolling; `widths`: CSS widths of some columns ("30%").
    """
    cols = "".join(f'<col style="width:{html.escape((widths or {}).get(c, "auto"))}">' for c, _h in columns)
    head = "".join(f'<th class="{"se-num" if c in numeric else ""}">{e(h)}</th>' for c, h in columns)
    body = "".join(
        "<tr>"
        + "".join(f'<td class="{"se-num" if c in numeric else ""}">{e(row[c])}</td>' for c, _h in columns)
        + "</tr>"
        for _, row in frame.iterrows()
    )
    return (
        CSS
        + f'<div class="se-cmp{" se-scroll" if scroll else ""}"><table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
    )


def facts_html(facts: list[tuple[str, str]]) -> str:
    """Headline values (label above, value below) that wrap rather than truncate, unlike st.metric."""
    cells = "".join(f'<div><div class="se-k">{e(k)}</div><div class="se-v">{e(v)}</div></div>' for k, v in facts)
    return CSS + f'<div class="se-facts">{cells}</div>'
