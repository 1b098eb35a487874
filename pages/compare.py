"""Compare: two parties, two speakers, or a party and a speaker, side by side.

The mode and both sides are kept in the URL (`mode`, `a`, `b`), so a shared link reopens the same view.
"""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import streamlit as st

from analysis import tables
from analysis.store import DIRECTIONS
from ui.caches import current_filters, derived_df, filters_key, get_store, memo, numbers_df, quotes_df
from ui.charts import direction_bar
from ui.compare import (
    MODE_LABELS,
    MODES,
    Side,
    by_label,
    figures_by_metric,
    figures_html,
    header_html,
    infer_mode,
    plural,
    speakers_of,
    table_html,
)
from ui.sidebar import url_param
from ui.widgets import empty_state

QUOTES_SHOWN = 30  # per side; the sidebar downloads give them all

store = get_store()
filters = current_filters()
quotes = quotes_df(store, filters)
numbers = numbers_df(store, filters)

st.title("Compare")
if quotes.empty:
    empty_state("No quotes match the filters. Clear some filters in the sidebar, or add articles.")
    st.stop()

speakers = derived_df(store, filters, "speakers")  # cached per data version and filters
speaker_names = dict(zip(speakers["speaker_id"], speakers["speaker"]))
party_list = sorted(quotes["party"].dropna().astype(str).unique())
choices = {"speaker": list(speaker_names), "party": party_list}
names = {"speaker": speaker_names, "party": {p: p for p in party_list}}

if "compare_mode" not in st.session_state:  # a session's first run: the link decides
    wanted = st.query_params.get("mode")
    st.session_state["compare_mode"] = (
        wanted
        if wanted in MODES
        else infer_mode(st.query_params.get("a"), st.query_params.get("b"), party_list, list(speaker_names))
    )
mode = st.segmented_control("Compare", list(MODES), format_func=MODE_LABELS.get, key="compare_mode") or "speakers"
url_param("mode", mode)
kinds = MODES[mode]

sides: list[Side] = []
picks = st.columns(2)
for i, (side_key, kind) in enumerate(zip(("a", "b"), kinds)):
    options = choices[kind]
    if not options or (kinds[0] == kinds[1] and len(options) < 2):
        empty_state(
            f"Comparing needs {'two' if kinds[0] == kinds[1] else 'one'} {kind}{'s' if kinds[0] == kinds[1] else ''}"
            f" with quotes; the filters leave {len(options)}."
        )
        st.stop()
    key = f"compare_{side_key}_{mode}"
    if key not in st.session_state or st.session_state[key] not in options:
        wanted = st.query_params.get(side_key)
        if wanted and wanted not in options and key not in st.session_state:
            picks[i].warning(f"“{wanted}” is not a {kind} in the filtered quotes; showing another.")
        default = options[min(i, len(options) - 1)] if kinds[0] == kinds[1] else options[0]
        st.session_state[key] = wanted if wanted in options else default
    label = f"{'Left' if i == 0 else 'Right'}: {kind}"
    chosen = picks[i].selectbox(label, options, format_func=names[kind].get, key=key)
    url_param(side_key, chosen)
    sides.append(Side(kind, chosen, names[kind][chosen]))


def build() -> dict:
    """Everything below the pickers, for these two sides: cached per corpus version, filters and sides."""
    mine = [s.quotes(quotes) for s in sides]
    about = [m[m["about_migration"].astype(bool)] for m in mine]
    counts = [
        a["migration"]
        .value_counts()
        .reindex(DIRECTIONS, fill_value=0)
        .rename_axis("direction")
        .reset_index(name="quotes")
        for a in about
    ]
    y_max = max(int(c["quotes"].max()) for c in counts) or 1  # one scale for both charts
    figs = [s.figures(numbers) for s in sides]
    heads, bars = [], []
    for side, m, a, c, f in zip(sides, mine, about, counts, figs):
        colour = side.colour(m)
        facts = [
            ("Quotes", plural(len(m), "quote")),
            ("On migration", f"{tables.overall_direction(a['migration'])} ({plural(len(a), 'quote')})"),
            ("Toward government", tables.overall_government(a["government"])),
            ("Figures cited", plural(len(f), "figure")),
        ]
        if side.kind == "speaker" and not m.empty:
            role, party = m["role"].dropna(), m["party"].dropna()
            who = f"{party.iloc[0] if len(party) else 'no party'} · {role.iloc[0] if len(role) else 'no role known'}"
            facts.insert(0, ("Party · role", who))
        heads.append(header_html(side, colour, facts))
        bars.append(direction_bar(c, colour, y_max))
    labels = []
    for heading, column in (
        ("Targets (what they want done)", "targets"),
        ("Frames (the argument used)", "frames"),
        ("Direction on migration", "migration"),
    ):
        cells = []
        for a in about:
            table = by_label(a, column)
            first = table.columns[0]
            cells.append(
                None
                if table.empty
                else table_html(
                    table,
                    [(first, first), ("quotes", "quotes"), ("example", "example quote"), ("speaker", "said by")],
                    numeric=("quotes",),
                )
            )
        labels.append((heading, cells))
    lined = figures_by_metric(*figs)
    figures = None
    if lined:
        urls = {str(a): u for f in figs for a, u in zip(f["article_id"], f["article_url"]) if isinstance(u, str)}
        figures = figures_html(lined, sides[0], sides[1], urls)
    who = []
    for side, m in zip(sides, mine):
        parts = []
        if side.kind == "party":
            parts.append(
                table_html(
                    speakers_of(m),
                    [("speaker", "speaker"), ("role", "role"), ("party", "party"), ("quotes", "quotes")],
                    numeric=("quotes",),
                )
            )
        parts.append(
            table_html(
                m.head(QUOTES_SHOWN),
                [
                    ("speaker", "speaker"),
                    ("text", "quote"),
                    ("migration", "migration"),
                    ("government", "government"),
                    ("article_title", "article"),
                ],
            )
        )
        who.append(("".join(parts), len(m)))
    return {"heads": heads, "bars": bars, "labels": labels, "figures": figures, "who": who}


view = memo(store, "compare", (filters_key(filters), mode, *(s.key for s in sides)), build)

for n, (col, head, bar) in enumerate(zip(st.columns(2), view["heads"], view["bars"])):
    col.html(head)
    col.plotly_chart(bar, key=f"compare_bar_{n}")

st.subheader("Stance by target and by frame")
st.caption("Quotes about migration only; the example is the longest quote with that label.")
for heading, cells in view["labels"]:
    st.markdown(f"**{heading}**")
    for col, cell in zip(st.columns(2), cells):
        if cell is None:
            col.caption("None.")
        else:
            col.html(cell)

st.subheader("Figures, lined up by metric")
if view["figures"] is None:
    st.caption("Neither side cites a figure in the filtered articles.")
else:
    st.html(view["figures"])

st.subheader("Who speaks, and their quotes")
for col, side, (body, n) in zip(st.columns(2), sides, view["who"]):
    col.markdown(f"**{side.name}**")
    col.html(body)
    if n > QUOTES_SHOWN:
        col.caption(f"First {QUOTES_SHOWN} of {plural(n, 'quote')}; download them all from the sidebar.")
