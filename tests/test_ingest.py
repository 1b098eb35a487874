"""Ingest: encodings, binary rejection, HTML extraction, dates and page chrome."""

from datetime import date

import pytest

from analysis.ingest import InputError, decode_bytes, find_chrome, find_published_date, ingest, parse_date
from analysis.pipeline import analyze


def test_windows_1252_smart_quotes_are_decoded_not_rejected():
    data = "He said \x93we will act\x94 on \x9312,000\x94 crossings.".encode("latin-1")
    assert decode_bytes(data) == "He said “we will act” on “12,000” crossings."


@pytest.mark.parametrize(
    "data, words",
    [
        (b"%PDF-1.7 binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n....", "binary"),
        (b"abc\x00\x01\x02def", "binary"),
        (b"   \n  ", "empty"),
    ],
)
def test_unreadable_uploads_get_a_clear_message(data, words):
    with pytest.raises(InputError, match=words):
        decode_bytes(data, filename="x.txt")


def test_empty_and_huge_text_are_rejected_with_a_message():
    with pytest.raises(InputError, match="empty"):
        ingest("   ")
    with pytest.raises(InputError, match="limit"):
        ingest("word " * 300_000)


def test_html_main_text_and_metadata_come_from_trafilatura():
    html = (
        "<html><head><title>Headline here</title><meta property='article:published_time' content='2024-03-02'>"
        "<script>alert(1)</script></head><body><nav>Home | News</nav><article><h1>Headline here</h1>"
        "<p>The minister said: “We will cut the numbers by half this year, whatever it takes.” "
        "This paragraph is long enough to be kept as the article's prose by the extractor.</p>"
        "</article></body></html>"
    )
    ing = ingest(html)
    assert ing.is_html and "alert" not in ing.text and "We will cut" in ing.text
    assert ing.published == date(2024, 3, 2)


def test_publication_stamp_and_chrome_lines_are_found():
    text = "\nClare Foges 6pm - 9pm\n15 May 2025, 00:39 | Updated: 15 May 2025, 13:51\nSir Keir visited.\nWatch the video of the visit here\nMore prose follows."
    assert find_published_date(text) == date(2025, 5, 15)
    kinds = [c.kind for c in find_chrome(text)[0]]
    assert kinds == ["banner", "timestamp", "caption"]


@pytest.mark.model
def test_a_month_alone_is_a_date_on_its_first_day_and_says_so(nlp):
    assert parse_date("2020-06") == date(2020, 6, 1)
    assert parse_date("2020-13") is None
    result = analyze("The minister said the plan would work. “We will act,” she said.", published="2020-06", nlp=nlp)
    assert result.article.published == date(2020, 6, 1)
    assert "month only" in (result.article.published_rule or "")
    # a full date keeps the plain rule
    full = analyze("The minister said the plan would work.", published="2020-06-22", nlp=nlp)
    assert full.article.published_rule == "given"


@pytest.mark.model
def test_figures_in_a_press_releases_summary_lines_under_the_title_are_found(nlp):
    text = (
        "Minister welcomes refugee families\n\n"
        "40 refugees resettled under the programme today\n\n"
        "Commitment for 1,800 more refugees by 2023\n\n"
        "The Minister greeted the families at the centre on Monday."
    )
    assert [n.text for n in analyze(text, nlp=nlp).numbers] == ["40", "1,800"]


def test_a_byline_under_the_title_stays_page_chrome():
    text = "Minister welcomes refugee families\n\nAnn Hale, Home and legal correspondent\n\nThe Minister spoke."
    kinds = [(c.kind, c.text) for c in find_chrome(text)[0]]
    assert ("heading", "Ann Hale, Home and legal correspondent") not in kinds
