"""How it works: the tokens, entities, dependency arcs and rules behind one attribution."""

from ui.shell import ensure_app

ensure_app()  # opened directly by Streamlit's pages/ runner: hand over to app.py's navigation

import base64
import re

import streamlit as st
from spacy import displacy

from analysis import tables
from ui.caches import current_filters, get_nlp, get_store, memo
from ui.sidebar import url_param
from ui.teaching import CSS as TEACH_CSS
from ui.teaching import (
    ENT_NAMES,
    POS_NAMES,
    dep_name,
    earlier_naming,
    explanation_html,
    link_html,
    passage_html,
    passage_ranges,
    plain_entities,
    plain_parse,
)
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
# Stale ones are re-analysed in the background or on the Corpus page; parsed once per corpus version.
analysis = memo(store, "analysis", (article_id,), lambda: store.get_analysis(article_id, refresh=False))
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

mention = quote.speaker_mention
link = earlier_naming(quote, list(analysis.speakers))

# The passage around the quote, its cue and the speaker mention; the earlier name a pronoun or title
# was linked to is shown too, in a piece of its own when it is further back.
points = [p for p in (quote.cue_start, quote.start, quote.end, quote.cue_end) if p is not None]
if mention:
    points += [mention.start, mention.end]
named = (link.named_start, link.named_start + len(link.named or "")) if link and link.named_start is not None else None
ranges = passage_ranges(text, points, named, limit=MAX_CONTEXT)
lo, hi = next(r for r in ranges if r[0] <= points[0] < r[1])  # the quote's piece: parsed below

st.subheader("1 · In plain words")
marks = []
if mention:
    marks.append((mention.start, mention.end, "se-t-mention", "who"))
if quote.cue_start is not None and quote.cue_end is not None:
    marks.append((quote.cue_start, quote.cue_end, "se-t-cue", "speech word"))
if link and link.named_start is not None:
    marks.append((link.named_start, link.named_start + len(link.named or ""), "se-t-named", "earlier name"))
marks.append((quote.start, quote.end, "se-t-quote", "quote"))
body = passage_html(text, ranges, marks)
if link is not None:
    body += link_html(link, quote.speaker_name)
st.html(TEACH_CSS + '<div class="se-teach">' + body + explanation_html(quote, link) + "</div>")
st.caption(
    f"Quote kind: {quote.kind} · confidence {quote.confidence:.0%} · characters {quote.start}–{quote.end}."
    " Click or tap a step to open it."
)


def parse_views() -> tuple[list[str], str, object]:
    """spaCy's reading of the passage: the grammar diagrams of the quote's sentences, the names it
    recognised and every word, all in plain words. Cached per corpus version and quote, so the
    parse runs once, not on every rerun of every student's page."""
    doc = get_nlp()(text[lo:hi])
    focus = [
        s
        for s in doc.sents
        if any(
            a is not None and lo + s.start_char <= a < lo + s.end_char
            for a in (quote.cue_start, mention.start if mention else None)
        )
    ]
    diagrams = []
    for sent in (focus or list(doc.sents)[:1])[:2]:
        svg = displacy.render(
            plain_parse(sent),
            style="dep",
            manual=True,
            page=False,
            jupyter=False,
            options={"compact": True, "distance": 120, "word_spacing": 30},
        )
        # As an image: the sanitiser behind st.html drops parts of displaCy's SVG (textPath links).
        width = re.search(r'width="(\d+)"', svg)
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        diagrams.append(
            '<div class="se-parse" style="overflow-x:auto;background:white;border:1px solid #E5E7EB;padding:0.5rem">'
            f'<img class="se-displacy" alt="grammar links of the sentence" src="data:image/svg+xml;base64,{data}"'
            f' style="max-width:none;width:{width.group(1) if width else 1200}px"></div>'
        )
    ents = displacy.render(plain_entities(doc), style="ent", manual=True, page=False, jupyter=False)
    tokens = tables.tokens_frame(doc)
    tokens["start"] += lo
    tokens["end"] += lo
    tokens["pos"] = tokens["pos"].map(lambda v: POS_NAMES.get(v, v))
    tokens["dep"] = tokens["dep"].map(dep_name)
    tokens["entity"] = tokens["entity"].map(lambda v: ENT_NAMES.get(v[2:], v[2:]) if v else "")
    return diagrams, f'<div style="font-size:1.25rem;line-height:2.3">{ents}</div>', tokens


diagrams, entities, tokens = memo(store, "parse_views", (article_id, quote.id, lo, hi), parse_views)

st.subheader("2 · Grammar links")
st.caption(
    "Each arrow joins two words; its label says how they are linked (\u201csubject\u201d: who does it, "
    "\u201cclause said\u201d: what was said). Attribution rules look for a speech word whose subject "
    "is a person and whose clause or quote is the statement. Scroll sideways to see the whole sentence."
)
for diagram in diagrams:
    st.html(diagram)

st.subheader("3 · Names the analyser recognised")
st.html(entities)

st.subheader("4 · Stance cue words")
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

with st.expander("5 · Every word, with its kind and grammar link"):
    st.dataframe(
        tokens.drop(columns=["tag"]).rename(
            columns={
                "i": "word no.",
                "token": "word",
                "lemma": "dictionary form",
                "pos": "kind of word",
                "dep": "grammar link",
                "head": "linked to",
                "head_i": "linked to word no.",
                "entity": "name of a",
            }
        ),
        hide_index=True,
    )

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
