"""How it works: the tokens, entities, dependency arcs and rules behind one attribution."""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import base64
import html
import re

import streamlit as st
from spacy import displacy

from analysis import tables
from ui.caches import current_filters, get_nlp, get_store
from ui.sidebar import url_param
from ui.widgets import articles_to_pick

MAX_CONTEXT = 700

store = get_store()
filters = current_filters()
st.title("How it works")
st.markdown(
    "Pick a quote to see what the analyser saw: the words spaCy split the sentence into, "
    "the names it recognised, the grammar links it drew, and the rule that tied the quote "
    "to its speaker."
)

arts = articles_to_pick(store, filters)
labels = {a[0]: a[1] or a[0] for a in arts}
ids = list(labels)
if st.session_state.get("hiw_article") not in ids:
    wanted = st.query_params.get("id")
    if wanted and wanted not in ids:
        st.warning(f"There is no article “{wanted}” in the corpus (or the filters hide it); showing another.")
    st.session_state["hiw_article"] = wanted if wanted in ids else ids[0]
article_id = st.selectbox("Article", ids, format_func=labels.get, key="hiw_article")
url_param("id", article_id)
analysis = store.get_analysis(
    article_id, refresh=False
)  # stale ones: re-analysed in the background / on the Corpus page
if analysis is None or not analysis.quotes:
    st.info("The analyser found no quotes in this article, so there is nothing to explain yet.")
    st.stop()

quote_ids = [q.id for q in analysis.quotes]
by_id = {q.id: q for q in analysis.quotes}
if st.session_state.get("hiw_quote") not in quote_ids:
    wanted = st.query_params.get("quote")
    if wanted and wanted not in quote_ids:
        st.warning(f"This article has no quote “{wanted}”; showing its first quote.")
    st.session_state["hiw_quote"] = wanted if wanted in quote_ids else quote_ids[0]


def quote_label(qid: str) -> str:
    q = by_id[qid]
    text = q.text if len(q.text) < 90 else q.text[:87] + "…"
    return f"{q.speaker_name or 'Unattributed'}: “{text}”"


quote = by_id[st.selectbox("Quote", quote_ids, format_func=quote_label, key="hiw_quote")]
url_param("quote", quote.id)
text = analysis.article.text

st.subheader("1 · The rule that fired")
mention = quote.speaker_mention
facts = [
    f"**Attribution rule:** {html.escape(quote.rule or '—')}",
    f"**Quote kind:** {quote.kind} · **confidence:** {quote.confidence:.0%}",
    f"**Speaker:** {html.escape(quote.speaker_name or 'none found')}",
    f"**Speech verb (cue):** {html.escape(quote.cue or '—')}"
    + (f" at characters {quote.cue_start}–{quote.cue_end}" if quote.cue_start is not None else ""),
    f"**Speaker named as:** “{html.escape(mention.text)}” ({mention.rule}, characters {mention.start}–{mention.end})"
    if mention
    else "**Speaker named as:** no mention linked",
    f"**Quote:** characters {quote.start}–{quote.end}",
]
st.markdown("  \n".join(facts))

# The passage around the quote, its cue and the speaker mention, cut at line breaks.
points = [quote.start, quote.end] + [p for p in (quote.cue_start, quote.cue_end) if p is not None]
if mention:
    points += [mention.start, mention.end]
lo, hi = min(points), max(points)
lo = text.rfind("\n", 0, lo) + 1
hi_line = text.find("\n", hi)
hi = len(text) if hi_line == -1 else hi_line
if hi - lo > MAX_CONTEXT:
    anchor = quote.cue_start if quote.cue_start is not None else quote.start
    lo, hi = max(lo, anchor - MAX_CONTEXT // 2), min(hi, anchor + MAX_CONTEXT // 2)
passage = text[lo:hi]
doc = get_nlp()(passage)

st.subheader("2 · Grammar links (dependency arcs)")
st.caption(
    "Arrows go from a word to the words that depend on it; the label is the grammatical "
    "relation (nsubj = subject, ccomp = clause it introduces). Attribution rules look for a "
    "speech verb whose subject is a person and whose clause or quote is the statement."
)
focus = [
    s
    for s in doc.sents
    if any(
        a is not None and lo + s.start_char <= a < lo + s.end_char
        for a in (quote.cue_start, mention.start if mention else None)
    )
]
focus = focus or list(doc.sents)[:1]
for sent in focus[:2]:
    svg = displacy.render(
        sent.as_doc(),
        style="dep",
        page=False,
        jupyter=False,
        options={"compact": True, "distance": 95, "word_spacing": 30},
    )
    # As an image: the sanitiser behind st.html drops parts of displaCy's SVG (textPath links).
    width = re.search(r'width="(\d+)"', svg)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    st.html(
        '<div style="overflow-x:auto;background:white;border:1px solid #E5E7EB;padding:0.5rem">'
        f'<img class="se-displacy" alt="dependency parse" src="data:image/svg+xml;base64,{data}"'
        f' style="max-width:none;width:{width.group(1) if width else 1200}px"></div>'
    )

st.subheader("3 · Names spaCy recognised (entities)")
ents = displacy.render(doc, style="ent", page=False, jupyter=False)
st.html(f'<div style="font-size:1.05rem;line-height:2.2">{ents}</div>')

st.subheader("4 · Stance cues")
st.markdown(
    f"**Migration:** {quote.stance.migration} · **Government:** {quote.stance.government}"
    f" · **Frames:** {', '.join(quote.stance.frames) or '—'}"
    f" · **Targets:** {', '.join(quote.stance.targets) or '—'} · **Rule:** {quote.stance.rule or '—'}"
)
if quote.stance.evidence:
    st.dataframe(
        [{"label": e.label, "cue words": e.text, "start": e.start, "end": e.end} for e in quote.stance.evidence],
        hide_index=True,
    )
else:
    st.caption("No cue words: the labels come from defaults, not evidence in the text.")

with st.expander("5 · Every token (word) with its part of speech and grammar role"):
    tokens = tables.tokens_frame(doc)
    tokens["start"] += lo
    tokens["end"] += lo
    st.dataframe(tokens, hide_index=True)

st.subheader("6 · What this method cannot do")
st.markdown(
    """
- **It reads rules, not meaning.** Stance comes from cue words (\u201ccrack down\u201d, \u201csafe
  routes\u201d); sarcasm, irony and quotes used to attack the speaker are misread.
- **Attribution follows grammar and nearby names.** Long quotes spread over paragraphs, pronouns
  (\u201che said\u201d) far from the name, and quotes inside quotes can be attributed wrongly.
- **The small English model makes mistakes** in tagging and parsing, especially on headlines and
  unusual punctuation; every such mistake can flow into the labels above.
- **Positions are averages of labelled quotes**, not a measure of a person's views; a speaker with
  two quotes is placed as confidently as one with fifty.
- Always check the highlighted text before quoting a result.
"""
)
