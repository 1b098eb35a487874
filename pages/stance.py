"""Stance: where speakers and parties stand on migration and toward the government.

The positions map is drawn per government (`gov` in the URL): "supports the government" means
something else for the UK's Labour government and for the US administration.
"""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import streamlit as st

from analysis.store import DIRECTIONS, GOVERNMENT
from analysis.tables.quote_governments import term_label
from ui.caches import (
    current_filters,
    derived_df,
    filters_key,
    get_store,
    government_positions,
    government_rows,
    memo,
    quotes_df,
)
from ui.charts import MAP_LABELS, positions_map, stacked_direction_bars
from ui.html_table import table_html
from ui.sidebar import url_param
from ui.widgets import empty_state, plural

TABLE_ROWS = 50  # per list; longer lists: use the sidebar downloads
QUOTE_COLUMNS = [
    ("speaker", "speaker"),
    ("text", "quote"),
    ("migration", "migration"),
    ("government", "government"),
    ("article_title", "article"),
]

store = get_store()
filters = current_filters()
quotes = quotes_df(store, filters)
fkey = filters_key(filters)  # what the cached figures and tables below depend on, with the corpus version

st.title("Stance")
if quotes.empty:
    empty_state("No quotes match the filters. Clear some filters in the sidebar, or add articles.")
    st.stop()

about_count = int(quotes["about_migration"].sum())
st.caption(
    f"{about_count:,} of {plural(len(quotes), 'quote')} {'is' if about_count == 1 else 'are'} about migration. Each quote is labelled for its "
    "direction on migration and its position toward the migration policy of the government of the "
    "country the article is about."
)

for column, order, title in (
    ("migration", DIRECTIONS, "Direction on migration"),
    ("government", GOVERNMENT, "Position toward the government"),
):
    bars = memo(
        store,
        "stance_bars",
        (fkey, column),
        lambda column=column, order=order, title=title: stacked_direction_bars(
            derived_df(store, filters, f"{column}_counts"), column, order, title
        ),
    )
    st.plotly_chart(bars, key=f"bar_{column}")


@st.fragment
def positions_section() -> None:
    """The map of one government's speakers and parties; a click or a search lists a speaker's quotes.

    A fragment: choosing a government, a speaker or a point reruns this section, not the page.
    """
    st.subheader("Positions map")
    governments = government_rows(store, filters)  # term id -> rows, most quoted first
    if not governments:
        st.info("None of the filtered quotes is about migration.")
        return
    if st.session_state.get("map_government") not in governments:
        wanted = st.query_params.get("gov")
        st.session_state["map_government"] = wanted if wanted in governments else next(iter(governments))
    term = st.segmented_control(
        "Government the quotes are measured against",
        list(governments),
        format_func=lambda t: f"{term_label(t)} ({plural(len(governments[t]), 'quote')})",
        key="map_government",
    ) or next(iter(governments))
    url_param("gov", term)
    positions = government_positions(store, filters, term)
    if positions.empty:
        st.info("None of these quotes carries a direction or a position toward the government.")
        return
    keys = positions["key"].tolist()
    names = {k: f"{label} ({kind})" for k, label, kind in zip(keys, positions["label"], positions["kind"])}
    found = st.selectbox(
        f"Find a speaker or party on the map ({plural(len(keys), 'point')})",
        keys,
        index=None,
        format_func=names.get,
        placeholder="Type a name…",
        key=f"map_find_{term}",
    )
    event = st.plotly_chart(
        memo(store, "stance_map", (fkey, term, found), lambda: positions_map(positions, highlight=found)),
        key=f"positions_map_{term}",
        on_select="rerun",
        selection_mode=("points",),
    )
    st.caption(
        f"Each point is the average of a speaker's (circle) or party's (diamond) quotes about migration, "
        f"measured against the {term_label(term)}. Parties and up to {MAP_LABELS} of the most quoted "
        "speakers are named where their names fit; point at any other to see its name, or find it above. "
        "Points at the same place are spread slightly. Click a point to read its quotes."
    )
    picked = event.selection.points if event and event.selection else []
    kind_key = tuple(picked[0]["customdata"][:2]) if picked and picked[0].get("customdata") else None
    if kind_key is None and found is not None:
        kind_key = (positions.loc[positions["key"] == found, "kind"].iloc[0], found)
    if kind_key is not None:
        kind, key = kind_key
        rows = governments[term]
        about = quotes.iloc[rows]
        chosen = about[about["speaker_id" if kind == "speaker" else "party"] == key]
        name = names.get(key, key).rsplit(" (", 1)[0]
        st.markdown(f"**{plural(len(chosen), 'quote')} by {name}**")
        st.html(table_html(chosen.head(TABLE_ROWS), QUOTE_COLUMNS, scroll=True))
    with st.expander(f"Every point on this map ({len(keys)})"):
        st.html(memo(store, "stance_points", (fkey, term), lambda: points_html(positions)))


def points_html(positions) -> str:  # a positions frame
    """Every point of one map as a wrapping table, parties first, then the most quoted."""
    table = positions.sort_values(["kind", "quotes"], ascending=[True, False]).assign(
        direction=lambda d: d["x"].round(2), toward=lambda d: d["y"].round(2)
    )
    return table_html(
        table,
        [
            ("label", "name"),
            ("kind", "kind"),
            ("party", "party"),
            ("quotes", "quotes"),
            ("direction", "direction (−1 restrictive … +1 open)"),
            ("toward", "government (−1 supports … +1 opposes)"),
        ],
        numeric=("quotes",),
        scroll=True,
    )


positions_section()

st.subheader("What they want done (targets)")
targets = derived_df(store, filters, "targets")
if targets.empty:
    st.info("No policy targets (caps, deportations, safe routes…) were named in the filtered quotes.")
else:
    st.html(
        memo(
            store,
            "stance_targets",
            (fkey,),
            lambda: table_html(targets.head(TABLE_ROWS), [(c, c) for c in targets.columns]),
        )
    )


def label_tables() -> list[tuple[str, list[tuple[str, int, str]]]]:
    """Per stance column, per label: (label, quotes, the first quotes as a wrapping table)."""
    out = []
    for column, title, other in (
        ("migration", "Direction on migration", "government"),
        ("government", "Position toward the government", "migration"),
    ):
        rows_of = derived_df(store, filters, f"about_rows_by_{column}")  # row positions per label
        shown = []
        for label in DIRECTIONS if column == "migration" else GOVERNMENT:
            rows = rows_of.get(label, [])
            if len(rows):
                columns = [
                    ("speaker", "speaker"),
                    ("party", "party"),
                    (other, other),
                    ("text", "quote"),
                    ("article_title", "article"),
                ]
                shown.append((label, len(rows), table_html(quotes.iloc[rows[:TABLE_ROWS]], columns)))
        out.append((title, shown))
    return out


st.subheader("Quotes by label")
for title, shown in memo(store, "stance_labels", (fkey,), label_tables):
    st.markdown(f"**{title}**")
    for label, n, body in shown:
        with st.expander(f"{label} ({n})", expanded=False):
            st.html(body)
            if n > TABLE_ROWS:
                st.caption(f"First {TABLE_ROWS} of {n}; download them all from the sidebar.")
