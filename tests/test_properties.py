"""Properties of `analyze` on text nobody wrote to fit the rules: random Unicode, random and
unbalanced quote marks, random HTML fragments. Whatever comes in, the analyser either returns an
analysis or raises `InputError` with a message; every offset it returns points at the words it
names; and the same input gives the same output."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.pipeline import InputError, analyze
from analysis.records import Analysis
from analysis.serialization import analysis_to_dict

pytestmark = pytest.mark.model

# Modest: the analyser parses every example with the real model.
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

QUOTE_MARKS = ["“", "”", '"', "'", "«", "»", "‘", "’", "„", "‹", "›", "''"]
WORDS = [
    "The", "minister", "said", "Starmer", "Keir Starmer", "Philp", "she", "he", "they", "told", "reporters",
    "asylum", "migration", "borders", "small boats", "12,699", "95%", "£1.2bn", "according to", "Home Office",
    "will", "not", "cut", "net migration", "Labour", "Conservatives", "warned", "added", ":", ",", ".", "—",
]  # fmt: skip
HTML_PIECES = [
    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<article>", "</article>", "<title>", "</title>",
    "<script>var x = '“';</script>", "<style>p{}</style>", "<!-- a comment -->", "<!--", "-->", "&amp;",
    "&ldquo;", "&rdquo;", "&#8220;", "&nbsp;", "<a href='x'>", "</a>", "<h1>", "</h1>", "<blockquote>",
    "</blockquote>", "<", ">", "<html><body>", "</body></html>", "<meta name='date' content='2025-05-15'>",
]  # fmt: skip

# Sentences of the kind the rules are written for, so that random pieces land among real quotes,
# speakers and figures rather than in text refused for having no words.
SENTENCES = [
    "Keir Starmer said the government would cut net migration.",
    "“We will not back down,” the home secretary said.",
    "Asylum claims rose to 84,000 last year, according to Home Office figures.",
    "Chris Philp, the shadow home secretary, warned that the plan would fail.",
    "She told reporters: “This is a disaster for the country.”",
    "The Prime Minister added that crossings had fallen by 20%.",
    "“Small boats must be stopped,” said Nigel Farage, the Reform UK leader.",
]
separators = st.sampled_from([" ", " ", "\n", "\n\n"])
unicode_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(SENTENCES), st.text(max_size=40), separators), min_size=1, max_size=16).map(
        "".join
    ),
)
quote_text = st.lists(
    st.one_of(st.sampled_from(QUOTE_MARKS), st.sampled_from(WORDS), st.sampled_from(SENTENCES), separators),
    min_size=8,
    max_size=100,
).map("".join)
html_text = st.lists(
    st.one_of(st.sampled_from(HTML_PIECES), quote_text, st.sampled_from(SENTENCES), st.text(max_size=20)),
    min_size=1,
    max_size=40,
).map("".join)
published = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1)), st.text(max_size=12))
titles = st.one_of(st.none(), st.text(max_size=40))


def _analyse(text: str, nlp, **kw) -> Analysis | None:
    """The analysis, or None when the input is refused with an InputError (which must say why)."""
    try:
        return analyze(text, nlp=nlp, **kw)
    except InputError as exc:
        assert str(exc).strip(), "an InputError without a message"
        return None


def _spans(a: Analysis) -> list[tuple[str, str, int, int]]:
    """(what, text, start, end) of every offset-carrying item in an analysis."""
    out = []
    for q in a.quotes:
        out.append(("quote", q.text, q.start, q.end))
        if q.cue is not None or q.cue_start is not None:
            out.append(("cue", q.cue, q.cue_start, q.cue_end))
        if q.speaker_mention is not None:
            m = q.speaker_mention
            out.append(("speaker mention", m.text, m.start, m.end))
        out += [("evidence", e.text, e.start, e.end) for e in q.stance.evidence]
    out += [("mention", m.text, m.start, m.end) for s in a.speakers for m in s.mentions]
    for n in a.numbers:
        out.append(("number", n.text, n.start, n.end))
        if n.sentence is not None:
            out.append(("number sentence", n.sentence.text, n.sentence.start, n.sentence.end))
    out += [("chrome", c.text, c.start, c.end) for c in a.chrome]
    out += [("scare quote", s.text, s.start, s.end) for s in a.scare_quotes]
    return out


def _check_offsets(a: Analysis) -> None:
    text = a.article.text
    for what, words, start, end in _spans(a):
        assert isinstance(start, int) and isinstance(end, int), (what, words, start, end)
        assert 0 <= start <= end <= len(text), (what, words, start, end, len(text))
        assert text[start:end] == words, (what, words, text[start:end])
    quote_ids = {q.id for q in a.quotes}
    speaker_ids = {s.id for s in a.speakers}
    assert len(quote_ids) == len(a.quotes), "two quotes share an id"
    assert {q.speaker_id for q in a.quotes} - {None} <= speaker_ids
    assert {n.quote_id for n in a.numbers} - {None} <= quote_ids


@SETTINGS
@given(text=unicode_text, published=published, title=titles)
def test_random_unicode_is_analysed_or_refused_with_offsets_that_hold(nlp, text, published, title):
    a = _analyse(text, nlp, published=published, title=title)
    if a is not None:
        _check_offsets(a)


@SETTINGS
@given(text=quote_text)
def test_random_and_unbalanced_quote_marks_give_quotes_that_point_at_their_words(nlp, text):
    a = _analyse(text, nlp)
    if a is not None:
        _check_offsets(a)


@SETTINGS
@given(text=html_text)
def test_random_html_fragments_are_analysed_or_refused_with_offsets_that_hold(nlp, text):
    a = _analyse(text, nlp)
    if a is not None:
        _check_offsets(a)


@SETTINGS
@given(text=st.one_of(quote_text, html_text, unicode_text))
def test_the_same_input_gives_the_same_analysis(nlp, text):
    first, second = _analyse(text, nlp), _analyse(text, nlp)
    assert (first is None) == (second is None)
    if first is not None and second is not None:
        assert analysis_to_dict(first) == analysis_to_dict(second)
