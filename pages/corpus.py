"""Corpus: list, add (paste, upload, URL), delete and re-analyse articles."""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import streamlit as st

from analysis import tables
from analysis.fetch import FetchError, fetch_url
from analysis.store import add_files
from ui.caches import CORPUS_SHOWN, corpus_listing, current_filters, get_store, options

store = get_store()
st.title("Corpus")

for kind, message in st.session_state.pop("corpus_flash", []):
    getattr(st, kind)(message)


def flash_and_rerun(messages: list[tuple[str, str]]) -> None:
    """Show these messages after the rerun that refreshes the sidebar and tables."""
    st.session_state["corpus_flash"] = messages
    st.rerun()


def review_note() -> list[tuple[str, str]]:
    """After a re-analysis: corrections that no longer fit (kept, listed on the Corrections page)."""
    n = len(store.review())
    return (
        [("warning", f"{n} corrections no longer fit and are listed for review on the Corrections page.")] if n else []
    )


def report(result) -> None:
    if result.status == "duplicate":
        st.warning(f"Already in the corpus as “{result.title}”: nothing added.")
    else:
        flash_and_rerun([("success", f"Added “{result.title}”.")])


paste, upload, url = st.tabs(["Paste text", "Upload files", "From a web address"])

with paste:
    text = st.text_area(
        "Article text (or the page's HTML)",
        height=220,
        key="paste_text",
        placeholder="Paste the whole article here, including its headline.",
    )
    c1, c2, c3 = st.columns(3)
    title = c1.text_input("Headline (optional)", key="paste_title")
    published = c2.date_input("Published (optional)", value=None, key="paste_date")
    source = c3.text_input("Outlet (optional)", key="paste_source")
    if st.button("Analyse and add", key="paste_add", type="primary"):
        bar = st.progress(0.1, text="Analysing…")
        try:
            result = store.add(text, title=title or None, published=published, source=source or None)
        except ValueError as exc:
            bar.empty()
            st.error(str(exc))
        else:
            bar.progress(1.0, text="Saved.")
            report(result)

with upload:
    files = st.file_uploader(
        "Text or HTML files (several at once)",
        type=["txt", "html", "htm"],
        accept_multiple_files=True,
        key="upload_files",
    )
    if st.button("Analyse and add files", key="upload_add", type="primary", disabled=not files):
        bar = st.progress(0.0, text="Reading files…")

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(done / max(total, 1), text=f"Analysing {name} ({done + 1} of {total})" if name else "Done.")

        results = add_files(store, [(f.name, f.getvalue()) for f in files], progress=progress)
        bar.empty()
        ok = [r for r in results if r.ok]
        for r in results:
            if not r.ok:
                st.error(r.message)
        if ok:
            flash_and_rerun([("success", r.message) for r in ok] + [("error", r.message) for r in results if not r.ok])

with url:
    address = st.text_input("Address of a news article", key="url_text", placeholder="https://…")
    if st.button("Fetch, analyse and add", key="url_add", type="primary"):
        bar = st.progress(0.1, text="Fetching the page…")
        try:
            page = fetch_url(address)
            bar.progress(0.4, text="Analysing…")
            result = store.add(
                page.html, title=page.title, published=page.published, source=page.source, url=page.final_url
            )
        except (FetchError, ValueError) as exc:
            bar.empty()
            st.error(str(exc))
        else:
            bar.progress(1.0, text="Saved.")
            report(result)

st.subheader("Articles")
SHOWN = CORPUS_SHOWN  # a 10,000-article table costs seconds to send to the browser
rows, stale = corpus_listing(store, SHOWN)
if not rows:
    st.info("The corpus is empty. Paste, upload or fetch an article above to start.")
    st.stop()
total = len(options(store)["articles"])
st.dataframe(tables.articles_frame(rows), hide_index=True)
if total > SHOWN:
    st.caption(f"The {SHOWN} most recently published of {total:,} articles.")

# The pickers offer the articles chosen in the sidebar's Articles filter, else the ones listed above:
# a list of 10,000 titles would be sent to the browser on every run.
picked = set(current_filters().articles)
labels = {
    a_id: f"{title or a_id} ({published or 'no date'})"
    for a_id, title, published in options(store)["articles"]
    if a_id in picked
} or {r.id: f"{r.title or r.id} ({r.published or 'no date'})" for r in rows}
if total > SHOWN and not picked:
    st.caption("To re-analyse or delete an older article, choose it in the sidebar's Articles filter.")
c1, c2 = st.columns(2)
with c1:
    st.markdown("**Re-analyse**")
    if stale:
        st.caption(f"{len(stale)} articles were analysed by an older analyser or have new text.")
    if st.button(f"Re-analyse out-of-date articles ({len(stale)})", key="refresh_stale", disabled=not stale):
        bar = st.progress(0.0)
        n = store.refresh_stale(
            progress=lambda i, total, _id: bar.progress(i / max(total, 1), text=f"{i + 1} of {total}")
        )
        flash_and_rerun([("success", f"Re-analysed {n} articles."), *review_note()])
    pick = st.selectbox("Article to re-analyse", list(labels), format_func=labels.get, key="reanalyse_pick")
    if st.button("Re-analyse this article", key="reanalyse_one"):
        with st.spinner("Analysing…"):
            store.reanalyse(pick, force=True)
        flash_and_rerun([("success", f"Re-analysed “{labels[pick]}”."), *review_note()])
with c2:
    st.markdown("**Delete**")
    victim = st.selectbox("Article to delete", list(labels), format_func=labels.get, key="delete_pick")
    sure = st.checkbox("Yes, delete it and its analysis", key="delete_sure")

    def delete(article_id: str, label: str) -> None:
        store.delete(article_id)
        st.session_state["delete_sure"] = False
        st.session_state["corpus_flash"] = [("success", f"Deleted “{label}”.")]

    st.button("Delete article", key="delete_one", disabled=not sure, on_click=delete, args=(victim, labels[victim]))
