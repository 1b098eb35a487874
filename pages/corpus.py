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

FORM_KEYS = {"paste_text": "", "paste_title": "", "paste_date": None, "paste_source": "", "url_text": ""}
if st.session_state.pop("corpus_clear_form", False):  # after a successful add: the next paste starts blank
    # Set, not deleted: a deleted widget value comes back from the browser, which still holds it.
    st.session_state.update(FORM_KEYS)

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


def no_quotes_note(article_id: str) -> list[tuple[str, str]]:
    """A warning when the analyser found no quotes in a newly added article."""
    analysis = store.get_analysis(article_id, refresh=False)
    if analysis is not None and not analysis.quotes:
        return [
            (
                "warning",
                "The analyser found no quotes in this article, so it adds nothing to the Stance, "
                "Who said what and Compare pages. Check the text was pasted in full, or add a "
                "missed quote on the Corrections page.",
            )
        ]
    return []


def report(result) -> None:
    if result.status == "duplicate":
        st.warning(f"Already in the corpus as “{result.title}”: nothing added.")
    else:
        st.session_state["corpus_clear_form"] = True
        flash_and_rerun([("success", f"Added “{result.title}”."), *no_quotes_note(result.article_id)])


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
            empty = [
                ("warning", f"{r.filename}: the analyser found no quotes in it.")
                for r in ok
                if getattr(r, "article_id", None) and no_quotes_note(r.article_id)
            ]
            flash_and_rerun(
                [("success", r.message) for r in ok] + empty + [("error", r.message) for r in results if not r.ok]
            )

with url:
    address = st.text_input("Address of a news article", key="url_text", placeholder="https://…")
    if st.button("Fetch, analyse and add", key="url_add", type="primary"):
        status = st.status("Fetching the page…", expanded=True)
        try:
            status.write(f"Fetching {address.strip()[:200]} (up to 15 seconds)…")
            page = fetch_url(address)
            status.write(f"Fetched “{page.title or page.final_url}”. Analysing the article…")
            status.update(label="Analysing…")
            result = store.add(
                page.html, title=page.title, published=page.published, source=page.source, url=page.final_url
            )
        except (FetchError, ValueError) as exc:
            status.update(label="Could not add the page", state="error")
            st.error(str(exc))
        else:
            status.update(label="Saved.", state="complete")
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

st.subheader("Edit an article's headline, date or outlet")
st.caption(
    "Edits are kept as corrections: a re-analysis keeps them, and each can be undone. "
    "The text itself cannot be edited; add the corrected text as a new article instead."
)
edit_pick = st.selectbox("Article to edit", list(labels), format_func=labels.get, key="edit_pick")
if st.session_state.get("_edit_loaded") != edit_pick:  # a new choice: fill the form with its values
    meta = store.article_meta(edit_pick)
    st.session_state["_edit_loaded"] = edit_pick
    st.session_state["edit_title"] = (meta.title if meta else None) or ""
    st.session_state["edit_date"] = meta.published if meta else None
    st.session_state["edit_source"] = (meta.source if meta else None) or ""
e1, e2, e3 = st.columns([3, 1, 2])
e1.text_input("Headline", key="edit_title")
e2.date_input("Published", key="edit_date")
e3.text_input("Outlet", key="edit_source")


def keep_picked(article_id: str) -> None:
    """After a headline or date change, keep the pickers on this article.

    A selectbox's choice travels back from the browser as its label; once the label has changed
    the old one matches nothing, and the picker would jump to the first article.
    """
    for key in ("edit_pick", "reanalyse_pick", "delete_pick"):
        if key == "edit_pick" or st.session_state.get(key) == article_id:
            st.session_state[key] = article_id


def save_edit(article_id: str, label: str) -> None:
    try:
        made = store.edit_article(
            article_id,
            title=st.session_state["edit_title"],
            published=st.session_state["edit_date"],
            source=st.session_state["edit_source"],
        )
    except (ValueError, KeyError) as exc:
        st.session_state["corpus_flash"] = [("error", f"Not saved: {exc}")]
        return
    st.session_state["_edit_loaded"] = None
    keep_picked(article_id)
    st.session_state["corpus_flash"] = [
        ("success", f"Saved {len(made)} change{'s' if len(made) != 1 else ''} to “{label}”.")
        if made
        else ("info", "Nothing changed.")
    ]


st.button("Save changes", key="edit_save", on_click=save_edit, args=(edit_pick, labels[edit_pick]))
history = store.article_edits(edit_pick)
if history:
    st.markdown("**Changes made to this article**")
    for ed in history[:10]:
        h1, h2 = st.columns([5, 1])
        h1.text(f"{ed.field}: “{ed.old_value or '—'}” → “{ed.new_value or '—'}” ({ed.edited_at[:16]} UTC)")

        def undo(edit_id: int = ed.id) -> None:
            store.undo_edit(edit_id)
            st.session_state["_edit_loaded"] = None
            keep_picked(edit_pick)
            st.session_state["corpus_flash"] = [("success", "Change undone.")]

        h2.button("Undo", key=f"edit_undo_{ed.id}", on_click=undo)
