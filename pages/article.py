"""Article: the text with every quote in its speaker's colour and every figure marked."""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import streamlit as st

from analysis.corrections import for_display
from analysis.records import NARRATOR
from ui.article_html import article_html
from ui.caches import current_filters, get_store, memo, options
from ui.colours import speaker_colour
from ui.sidebar import url_param
from ui.widgets import empty_state, legend, plural

store = get_store()
filters = current_filters()
arts = options(store)["articles"]
if filters.articles:
    arts = [a for a in arts if a[0] in filters.articles]

st.title("Article")
if not arts:
    empty_state("There are no articles yet (or none match the filters).")
    st.stop()

ids = [a[0] for a in arts]
labels = {a[0]: f"{a[1] or a[0]} ({a[2] or 'no date'})" for a in arts}
wanted = st.query_params.get("id")
if "article_pick" not in st.session_state or st.session_state["article_pick"] not in ids:
    if wanted and wanted not in ids:
        st.warning(
            f"There is no article “{wanted}” in the corpus (or the filters hide it); showing the newest instead.",
            icon=":material/warning:",
        )
    st.session_state["article_pick"] = wanted if wanted in ids else ids[0]
article_id = st.selectbox("Article", ids, format_func=labels.get, key="article_pick")
url_param("id", article_id)

# Stale ones are re-analysed in the background or on the Corpus page. Cached per corpus version:
# the stored JSON is parsed, and the article drawn, once, not on every rerun.
applied = memo(store, "applied", (article_id,), lambda: store.applied(article_id))
if applied is None:
    empty_state("That article is no longer in the corpus.")
    st.stop()
analysis = memo(store, "for_display", (article_id,), lambda: for_display(applied))  # users' corrections laid over

art = analysis.article
meta = " · ".join(x for x in (art.source, art.published.isoformat() if art.published else None) if x)
st.subheader(art.title or "Untitled article")
if meta:
    st.caption(meta)

c1, c2, c3, c4 = st.columns(4)
c1.metric("Quotes", len(analysis.quotes))
c2.metric("Speakers quoted", len({q.speaker_id for q in analysis.quotes if q.speaker_id}))
c3.metric("Figures", len(analysis.numbers))
c4.metric("About migration", sum(q.stance.about_migration for q in analysis.quotes))

show_numbers = st.toggle("Mark figures", value=True, key="article_numbers")
seen: dict[str, tuple[str, str]] = {}
for q in analysis.quotes:
    sp = analysis.speaker(q.speaker_id)
    label = q.speaker_name or (sp.name if sp else None) or "Unattributed"
    party = sp.party if sp else None
    seen.setdefault(q.speaker_id or "", (label + (f" ({party})" if party else ""), speaker_colour(q.speaker_id, party)))

legend(list(seen.values()))
st.caption(
    "Hover over a highlighted quote to see who said it, their role and party, the stance "
    "and the words that cued it. Solid underline: direct quote; dashed: reported speech. "
    f"Outlined: a figure (red if it conflicts with another figure for the same thing). {NARRATOR}: "
    "figures the article states itself."
)
if applied.quote_marks or applied.removed:
    st.caption(
        f"✎ {plural(len(applied.quote_marks), 'quote')} corrected by users"
        + (f", {len(applied.removed)} removed as not quotes" if applied.removed else "")
        + ": their hover text says what changed."
    )
    st.page_link("pages/corrections.py", label="Correct this article", icon=":material/edit_note:")
if not analysis.quotes:
    st.info("No quotes were found in this article. The How it works page explains what the analyser looks for.")
st.html(
    memo(store, "article_html", (article_id, show_numbers), lambda: article_html(analysis, show_numbers=show_numbers))
)
if analysis.warnings:
    with st.expander("Analyser warnings"):
        for w in analysis.warnings:
            st.write(w)
