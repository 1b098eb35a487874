"""Corrections: fix what the analyser got wrong; every fix is kept apart and survives re-analysis."""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import pandas as pd
import streamlit as st

from analysis.corrections import Correction, slug, span_from_selection
from analysis.store import DIRECTIONS, GOVERNMENT
from ui.caches import current_filters, get_store, memo, options
from ui.sidebar import url_param
from ui.widgets import articles_to_pick, empty_state

NEW = "__new__"
_MD = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!<>|~$"})


def md(value: object) -> str:
    """User text made literal inside a Markdown message."""
    return str(value).translate(_MD)


store = get_store()
filters = current_filters()
st.title("Corrections")
st.caption(
    "Fix a speaker, a stance or a quote the analyser missed. Corrections are stored apart from the "
    "analyser's output, keyed to the exact words and their place in the article, and laid over every "
    "page, chart and download. After a re-analysis or an analyser upgrade each one is attached again; "
    "one that no longer fits is kept and listed under “Needs review”."
)
for kind, message in st.session_state.pop("fix_flash", []):
    getattr(st, kind)(message)

arts = articles_to_pick(store, filters)
labels = {a[0]: f"{a[1] or a[0]} ({a[2] or 'no date'})" for a in arts}
ids = list(labels)
if st.session_state.get("fix_article") not in ids:
    wanted = st.query_params.get("id")
    st.session_state["fix_article"] = wanted if wanted in ids else ids[0]
article_id = st.selectbox("Article", ids, format_func=labels.get, key="fix_article")
url_param("id", article_id)
applied = memo(store, "applied", (article_id,), lambda: store.applied(article_id))  # per corpus version
if applied is None:
    empty_state("That article is no longer in the corpus.")
    st.stop()
analysis = applied.analysis
text = analysis.article.text


def save(correction: Correction, done: str) -> None:
    """Store a correction; say what happened after the rerun."""
    try:
        store.add_correction(correction)
    except ValueError as exc:
        st.session_state["fix_flash"] = [("error", md(exc))]
    else:
        st.session_state["fix_flash"] = [("success", done)]


def speaker_value(choice: str, name: str, role: str, party: str) -> dict:
    """What a speaker picker chose: a speaker of the article, or a new one typed in."""
    if choice != NEW:
        sp = analysis.speaker(choice)
        return {"speaker_id": choice, "name": sp.name if sp else choice}
    name = name.strip()
    return (
        {
            "speaker_id": slug(name),
            "name": name,
            "role": role.strip() or None,
            "party": party.strip() or None,
            "new": True,
        }
        if name
        else {}
    )


speaker_names = {s.id: s.name + (f" ({s.party})" if s.party else "") for s in analysis.speakers}


def speaker_picker(prefix: str) -> dict:
    choices = [*speaker_names, NEW]
    choice = st.selectbox(
        "Speaker",
        choices,
        key=f"{prefix}_speaker",
        format_func=lambda k: "Someone else (type the name)…" if k == NEW else speaker_names[k],
    )
    name = role = party = ""
    if choice == NEW:
        c1, c2, c3 = st.columns(3)
        name = c1.text_input("Name", key=f"{prefix}_name")
        role = c2.text_input("Role (optional)", key=f"{prefix}_role")
        party = c3.text_input("Party (optional)", key=f"{prefix}_party")
    return speaker_value(choice, name, role, party)


# -- one quote -------------------------------------------------------------------------------

st.subheader("Fix a quote")
if not analysis.quotes:
    st.info("The analyser found no quotes in this article. Add one below.")
else:
    by_id = {q.id: q for q in analysis.quotes}

    def quote_label(qid: str) -> str:
        q = by_id[qid]
        mark = " ✎" if qid in applied.quote_marks else ""
        words = q.text if len(q.text) < 90 else q.text[:89] + "…"
        return f"{q.speaker_name or 'Unattributed'}: “{words}” (chars {q.start}–{q.end}){mark}"

    if st.session_state.get("fix_quote") not in by_id:
        st.session_state["fix_quote"] = next(iter(by_id))
    qid = st.selectbox("Quote", list(by_id), format_func=quote_label, key="fix_quote")
    q = by_id[qid]
    key = dict(article_id=article_id, start=q.start, end=q.end, text=q.text, quote_id=q.id)
    if qid in applied.quote_marks:
        st.caption("Corrected: " + "; ".join(applied.quote_marks[qid]))
    who, stance, drop = st.tabs(["Speaker", "Stance", "Not a quote"])
    with who:
        value = speaker_picker("fix")
        if st.button("Reassign the speaker", key="fix_reassign", disabled=not value):
            save(Correction(kind="reassign_speaker", value=value, **key), f"Reassigned to {md(value.get('name'))}.")
            st.rerun()
    with stance:
        c1, c2 = st.columns(2)
        mig = c1.selectbox(
            "On migration",
            DIRECTIONS,
            index=DIRECTIONS.index(q.stance.migration) if q.stance.migration in DIRECTIONS else 0,
            key="fix_migration",
        )
        gov = c2.selectbox(
            "Toward the government",
            GOVERNMENT,
            index=GOVERNMENT.index(q.stance.government) if q.stance.government in GOVERNMENT else 0,
            key="fix_government",
        )
        if st.button("Change the stance", key="fix_stance"):
            save(Correction(kind="set_stance", value={"migration": mig, "government": gov}, **key), "Stance changed.")
            st.rerun()
    with drop:
        st.caption("For a title, a scare quote or a phrase that nobody said.")
        if st.button("Mark as not a quote", key="fix_not_quote"):
            save(Correction(kind="not_quote", **key), "Marked as not a quote.")
            st.rerun()

# -- a missed quote --------------------------------------------------------------------------

st.subheader("Add a quote the analyser missed")
words = st.text_area("The exact words (copy them from the article)", key="add_words", height=80)
c1, c2 = st.columns(2)
start = c1.number_input("…or start offset", min_value=0, max_value=len(text), value=None, key="add_start")
end = c2.number_input("end offset", min_value=0, max_value=len(text), value=None, key="add_end")
add_value = speaker_picker("add")
add_mig = st.selectbox("On migration", DIRECTIONS, index=DIRECTIONS.index("n/a"), key="add_migration")
if st.button("Add the quote", key="add_quote", type="primary"):
    try:
        a, b, found = span_from_selection(text, start=start, end=end, words=words)
    except ValueError as exc:
        st.error(str(exc))
    else:
        save(
            Correction(
                kind="add_quote",
                article_id=article_id,
                start=a,
                end=b,
                text=found,
                value={**add_value, "migration": add_mig},
            ),
            f"Added the quote at chars {a}–{b}.",
        )
        st.rerun()

# -- speakers --------------------------------------------------------------------------------

st.subheader("Fix a speaker")
if analysis.speakers:
    sid = st.selectbox("Speaker", list(speaker_names), format_func=speaker_names.get, key="sp_pick")
    sp = analysis.speaker(sid)
    everywhere = st.checkbox("In every article (and for articles added later)", value=True, key="sp_everywhere")
    scope = None if everywhere else article_id
    edit, merge = st.tabs(["Role and party", "Merge with another speaker"])
    with edit:
        c1, c2 = st.columns(2)
        role = c1.text_input("Role", value=sp.role or "", key=f"sp_role_{sid}")
        party = c2.text_input("Party", value=sp.party or "", key=f"sp_party_{sid}")
        if st.button("Save role and party", key="sp_edit"):
            save(
                Correction(
                    kind="edit_speaker",
                    article_id=scope,
                    speaker_id=sid,
                    value={"role": role.strip() or None, "party": party.strip() or None},
                ),
                f"Saved {md(sp.name)}'s role and party.",
            )
            st.rerun()
    with merge:
        corpus = {s_id: name for s_id, name, _n in options(store)["speakers"]}
        targets = {k: v for k, v in {**corpus, **{s.id: s.name for s in analysis.speakers}}.items() if k != sid}
        into = st.selectbox("Is the same person as", list(targets), format_func=targets.get, key="sp_into")
        if st.button("Merge", key="sp_merge", disabled=not targets):
            save(
                Correction(
                    kind="merge_speakers",
                    article_id=scope,
                    speaker_id=sid,
                    value={"into_id": into, "into_name": targets[into]},
                ),
                f"Merged {md(sp.name)} into {md(targets[into])}.",
            )
            st.rerun()

# -- the list --------------------------------------------------------------------------------

st.subheader("All corrections")
rows = store.corrections()
review = [r for r in rows if r.status == "review"]
if review:
    st.warning(
        f"{len(review)} corrections no longer fit their article and need review. They are kept; "
        "fix them again or undo them."
    )
if not rows:
    st.info("No corrections yet.")
    st.stop()
table = pd.DataFrame(
    [
        {
            "status": "needs review" if r.status == "review" else "applied",
            "correction": r.correction.describe(),
            "why": r.detail,
            "article": r.article_title
            or ("every article" if r.correction.article_id is None else r.correction.article_id),
            "chars": f"{r.correction.start}–{r.correction.end}" if r.correction.start is not None else "",
            "made on analyser": r.correction.analyser_version,
            "when": r.correction.created_at,
            "id": r.correction.id,
        }
        for r in sorted(rows, key=lambda r: (r.status != "review", -(r.correction.id or 0)))
    ]
)
st.dataframe(table, hide_index=True)
undo_labels = {r.correction.id: f"#{r.correction.id} {r.correction.describe()}" for r in rows}
undo = st.selectbox("Undo a correction", list(undo_labels), format_func=undo_labels.get, key="fix_undo_pick")


def do_undo(cid: int) -> None:
    store.delete_correction(cid)
    st.session_state["fix_flash"] = [("success", "Correction undone: the analyser's output shows again.")]


st.button("Undo", key="fix_undo", on_click=do_undo, args=(undo,))
