"""The whole analysis on the seed article: what a journalist would check first."""

from datetime import date

import pytest

from analysis.lexical import forms
from analysis.parsing import needs_dependency_parse, needs_full_parse, parse_paragraphs
from analysis.pipeline import analyze, analyze_many
from analysis.serialization import analysis_to_dict


@pytest.mark.model
def test_six_paragraph_quote_is_one_statement_by_the_senior_tory(seed_analysis):
    long_quotes = [q for q in seed_analysis.quotes if q.paragraphs == 6]
    assert len(long_quotes) == 1
    quote = long_quotes[0]
    assert quote.speaker_name == "Chris Philp"
    assert quote.speaker_mention.text == "The senior Tory"
    assert quote.text.startswith("The returns deal") and quote.text.endswith("Labour offers none.")


@pytest.mark.model
def test_people_mentioned_but_not_quoted_are_listed(seed_analysis):
    rama = next(s for s in seed_analysis.speakers if s.name == "Edi Rama")
    assert not rama.quoted
    assert rama.role == "Prime Minister of Albania"


@pytest.mark.model
def test_office_and_honorific_mentions_all_resolve_to_starmer(seed_analysis):
    starmer = next(s for s in seed_analysis.speakers if s.name == "Keir Starmer")
    assert {"the PM", "the Prime Minister", "Sir Keir"} <= set(starmer.aliases)
    assert (starmer.party, starmer.role_source) == ("Labour", "registry")


@pytest.mark.model
def test_page_chrome_is_not_a_quote_or_figure_and_date_comes_from_the_stamp(seed_analysis):
    assert seed_analysis.article.published == date(2025, 5, 15)
    chrome = {c.text for c in seed_analysis.chrome}
    assert "Clare Foges 6pm - 9pm" in chrome
    texts = {n.text for n in seed_analysis.numbers}
    assert not texts & {"6", "9", "00:39", "13:51", "2025", "15"}


@pytest.mark.model
def test_grouped_figures_from_both_sides_agree_as_ranges(seed_analysis):
    by_text = {n.text: n for n in seed_analysis.numbers}
    assert by_text["95%"].metric_group == by_text["over 90%"].metric_group
    assert by_text["95%"].cited_by == "downing-street" and by_text["over 90%"].cited_by == "chris-philp"
    assert not by_text["95%"].disagrees


@pytest.mark.model
def test_batch_gives_the_same_result_as_one_at_a_time(nlp, seed_text):
    other = "The Home Secretary said: “We will cut the backlog by half this year, and we will not stop there.”"
    one = [analyze(t, published=date(2025, 5, 15), nlp=nlp) for t in (seed_text, other)]
    batch = analyze_many([seed_text, other], published=[date(2025, 5, 15)] * 2, nlp=nlp)
    assert [analysis_to_dict(a) for a in one] == [analysis_to_dict(a) for a in batch]


def test_paragraphs_without_speech_or_figures_skip_the_parser():
    assert not needs_full_parse("The visit comes at a delicate moment for the government.")
    assert needs_full_parse("She said the plan would work.")
    assert needs_full_parse("Arrivals rose to 12,000.")
    assert needs_full_parse("“Enough,” he added.")


def test_an_apostrophe_is_no_quote_mark_but_single_quotes_are():
    assert not needs_dependency_parse("Labour’s lead over the Conservatives’ candidate didn't last.")
    assert needs_dependency_parse("The plan was ‘a disgrace’.")
    assert needs_dependency_parse("'We will win,' the mayor's office.")


@pytest.mark.model
def test_only_speech_gets_the_dependency_parse_and_figures_keep_their_sentences(nlp):
    paragraphs = [
        "Arrivals rose to 12,000 in 2024. They fell by 95% from Albania.",
        "The minister said the plan would work.",
        "The visit comes at a delicate moment for the government. It is raining.",
    ]
    figures, speech, plain = parse_paragraphs(nlp, paragraphs)
    assert [s.text for s in figures.sents] == ["Arrivals rose to 12,000 in 2024.", "They fell by 95% from Albania."]
    assert not any(t.dep_ for t in figures) and not any(t.dep_ for t in plain)
    assert len(list(plain.sents)) == 1
    said = next(t for t in speech if t.text == "said")
    assert said.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in said.children)


def test_inflected_forms_cover_irregular_reporting_verbs():
    assert "said" in forms("say") and "told" in forms("tell") and "admitted" in forms("admit")
