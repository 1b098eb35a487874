"""Quote-mark pairing: curly, straight, mixed, single, unbalanced, multi-paragraph."""

import time

from analysis.quotes import chain_quotes, find_quoted_spans


def quoted(text):
    return [text[s.start : s.end] for s in find_quoted_spans(text)]


def test_curly_open_closed_by_straight_mark_is_one_quote():
    text = 'He said: “Global challenges need shared solutions."'
    assert quoted(text) == ["Global challenges need shared solutions."]


def test_straight_quotes_pair_in_order():
    text = 'She said "we will act" and then "soon".'
    assert quoted(text) == ["we will act", "soon"]


def test_unclosed_quote_stops_at_its_paragraph_and_does_not_shift_later_pairs():
    text = "He said “this never closes.\nLater she said “fine” and “good”."
    assert quoted(text) == ["this never closes.", "fine", "good"]


def test_stray_closing_mark_is_ignored():
    text = "A stray ” mark, then “a real quote here”."
    assert quoted(text) == ["a real quote here"]


def test_apostrophes_are_not_single_quote_marks():
    text = "Keir’s plan isn’t new, the voters’ view is clear and it's fine."
    assert quoted(text) == []


def test_single_quote_style_with_apostrophe_closing_mark():
    text = "Minister: ‘We’ll stop the boats,’ he said, ‘and the voters’ patience is right.’"
    assert quoted(text) == ["We’ll stop the boats,", "and the voters’ patience is right."]


def test_quote_running_over_three_paragraphs_is_one_chain():
    text = "He added: “First paragraph.\n“Second paragraph.\n“Third and last.”\nNarrator again."
    chains = chain_quotes(text, find_quoted_spans(text))
    assert len(chains) == 1
    assert len(chains[0].parts) == 3
    assert text[chains[0].start : chains[0].end].endswith("Third and last.")


def test_closed_quote_does_not_chain_into_next_paragraph_quote():
    text = "He said: “Done.”\n“New quote,” she said."
    assert len(chain_quotes(text, find_quoted_spans(text))) == 2


def test_thousands_of_quote_marks_are_not_thousands_of_empty_quotes():
    text = ("“" * 3000) + " text " + ('"' * 3001)
    started = time.monotonic()
    spans = find_quoted_spans(text)
    assert time.monotonic() - started < 2
    assert [text[s.start : s.end] for s in spans] == ["text"]  # the one run of words, not the marks


def test_two_apostrophes_are_one_double_quote_mark():
    from analysis.quotes import find_quoted_spans

    text = "''I love Oreos,'' he said, ''I will never eat them again'' - and he's here."
    assert [text[s.start : s.end] for s in find_quoted_spans(text)] == ["I love Oreos,", "I will never eat them again"]


def test_quote_marks_inside_markup_tags_are_attribute_values_not_words():
    text = '<tweet author="realDonaldTrump" timestamp="1449075600">Praying for “those” people.</tweet> He said "yes".'
    assert [text[q.start : q.end] for q in find_quoted_spans(text)] == ["those", "yes"]


def test_a_lone_angle_bracket_does_not_hide_a_quote():
    text = 'Turnout was < 40% and "we lost", she said > 3 times.'
    assert [text[q.start : q.end] for q in find_quoted_spans(text)] == ["we lost"]


def test_an_opening_mark_typed_where_the_quote_closes_still_closes_it():
    text = "“Not at all,“ he said. “The plan has not changed one bit.”"
    spans = [text[s.start : s.end] for s in find_quoted_spans(text)]
    assert spans[:2] == ["Not at all,", "The plan has not changed one bit."]


def test_a_single_mark_quote_after_said_colon_runs_on_into_the_next_paragraph():
    text = "Title\n\nMinister Ann Hale said: ‘Our rules are working.\n\n‘We will keep going until numbers fall.’"
    chains = chain_quotes(text, find_quoted_spans(text))
    assert [[text[p.start : p.end] for p in c.parts] for c in chains] == [
        ["Our rules are working.", "We will keep going until numbers fall."]
    ]


def test_a_lone_opening_single_mark_mid_sentence_is_no_quote():
    text = "Title\n\nThe ‘dossier was leaked on Tuesday, officials said."
    assert find_quoted_spans(text) == []
