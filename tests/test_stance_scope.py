"""Parse rules of analysis/stance_scope.py on hand-built parses (spaCy's Doc(words, heads, deps,
tags), no model) and on the same sentences without a parse (the window rules)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc
from spacy.vocab import Vocab

from analysis.government import sides
from analysis.registry import load_registry
from analysis.scope_words import words_from_span, words_from_text
from analysis.stance_cues import load_lexicon
from analysis.stance_scope import criticised_side, read_words

VOCAB = Vocab()
WC = load_lexicon().words


def parsed(sentence: str, heads: list[int], deps: str, tags: str):
    words = sentence.split()
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps.split(), tags=tags.split())
    return words_from_span(doc[:], 0)


def labels(words) -> list[str]:
    return sorted(f.label for f in read_words(words, WC))


DENIED_STOP = (
    "The scheme would not stop a single smuggler .",
    [1, 4, 4, 4, 4, 7, 7, 4, 4],
    "det nsubj aux neg ROOT det amod dobj punct",
    "DT NN MD RB VB DT JJ NN .",
)
MISPLACED = (
    "The focus on deterrence was misplaced .",
    [1, 5, 1, 2, 5, 5, 5],
    "det nsubjpass prep pobj auxpass ROOT punct",
    "DT NN IN NN VBD VBN .",
)
HAMSTRING = (
    "Suspending new visas will hamstring our economic recovery .",
    [4, 2, 0, 4, 4, 7, 7, 4, 4],
    "csubj amod dobj aux ROOT poss amod dobj punct",
    "VBG JJ NNS MD VB PRP$ JJ NN .",
)


def test_a_denied_stop_on_smugglers_is_criticism_not_a_restrictive_cue():
    assert labels(parsed(*DENIED_STOP)) == ["government:criticism", "negated:restrictive"]


def test_a_promise_to_stop_smugglers_is_restrictive():
    words = parsed(
        "We will stop the smugglers .", [2, 2, 2, 4, 2, 2], "nsubj aux ROOT det dobj punct", "PRP MD VB DT NNS ."
    )
    assert labels(words) == ["direction:restrictive"]


def test_a_misplaced_focus_on_deterrence_is_open_criticism():
    assert labels(parsed(*MISPLACED)) == ["direction:open", "government:criticism"]


def test_offshore_deterrents_that_work_are_restrictive_praise():
    words = parsed("Offshore deterrents work .", [1, 2, 2, 2], "amod nsubj ROOT punct", "JJ NNS VBP .")
    assert labels(words) == ["direction:restrictive", "government:praise"]


def test_never_scrapping_a_deterrent_backs_it():
    words = parsed(
        "He should never have scrapped the Rwanda deterrent .",
        [4, 4, 4, 4, 4, 7, 7, 4, 4],
        "nsubj aux neg aux ROOT det compound dobj punct",
        "PRP MD RB VB VBN DT NNP NN .",
    )
    assert labels(words) == ["direction:restrictive"]


def test_a_measure_blamed_for_a_harm_is_criticised_not_backed():
    assert labels(parsed(*HAMSTRING)) == ["direction:open", "government:criticism"]


def test_a_policy_is_read_through_its_restrictive_modifiers_and_admin_words_through_none():
    scrap = words_from_text("We will scrap the Rwanda scheme.", 0)
    backlog = words_from_text("We will reduce the asylum backlog.", 0)
    assert labels(scrap) == ["direction:open"]
    assert labels(backlog) == []


def test_an_action_in_an_if_clause_is_a_condition_not_a_demand():
    words = parsed(
        "If they open the border , we will act .",
        [2, 2, 8, 4, 2, 8, 8, 8, 8, 8],
        "mark nsubj advcl det dobj punct nsubj aux ROOT punct",
        "IN PRP VBP DT NN , PRP MD VB .",
    )
    assert labels(words) == []


def test_a_relative_clause_describing_people_takes_no_position():
    words = parsed(
        "Places for people who have been granted asylum .",
        [0, 0, 1, 6, 6, 6, 2, 6, 0],
        "ROOT prep pobj nsubjpass aux auxpass relcl dobj punct",
        "NNS IN NNS WP VBP VBN VBN NN .",
    )
    assert labels(words) == []


def test_open_borders_asked_for_by_the_speaker_is_open_and_pinned_on_others_an_accusation():
    ours = parsed("We want open borders .", [1, 1, 3, 1, 1], "nsubj ROOT amod dobj punct", "PRP VBP JJ NNS .")
    theirs = parsed("They want open borders .", [1, 1, 3, 1, 1], "nsubj ROOT amod dobj punct", "PRP VBP JJ NNS .")
    assert labels(ours) == ["direction:open"]
    assert labels(theirs) == ["direction:restrictive", "government:criticism"]


def test_an_accusation_of_open_borders_someone_else_makes_is_only_reported():
    words = words_from_text("Republicans claim that we want open borders.", 0)
    assert labels(words) == []
    mine = words_from_text("I accuse them of wanting open borders.", 0)
    assert labels(mine) == ["direction:restrictive", "government:criticism"]


def test_a_reported_removal_is_an_event_not_a_demand():
    # as en_core_web_sm parses it: "number" the subject of "returned"
    words = parsed(
        "The number returned to Albania had doubled .",
        [1, 2, 6, 2, 3, 6, 6, 6],
        "det nsubj advcl prep pobj aux ROOT punct",
        "DT NN VBD IN NNP VBD VBN .",
    )
    assert labels(words) == ["event:restrictive"]


def test_harm_to_people_is_criticism_even_without_a_parse():
    assert labels(words_from_text("This law will punish people who have done nothing wrong.", 0)) == [
        "direction:open",
        "government:criticism",
    ]


def test_the_window_rules_read_the_same_sentences_without_a_parse():
    for sentence, heads, deps, tags in (DENIED_STOP, MISPLACED, HAMSTRING):
        with_parse = labels(parsed(sentence, heads, deps, tags))
        assert labels(words_from_text(sentence, 0)) == with_parse, sentence


def test_findings_carry_article_offsets():
    words = words_from_text("They want to stop the boats.", 100)
    (finding,) = read_words(words, WC)
    assert (words.toks[finding.first].start, words.toks[finding.last].end) == (113, 127)


def test_criticism_of_a_previous_government_or_the_opposition_is_aimed_at_the_opposition():
    uk = sides(load_registry().government_on("UK", date(2025, 6, 1)))  # Labour governs
    for text, side in (
        ("The previous Conservative government failed .", "opposition"),
        ("The Tories failed on migration .", "opposition"),
        ("Labour has failed on migration .", "government"),
    ):
        words = words_from_text(text, 0)
        at = next(t.i for t in words.toks if t.low == "failed")
        assert criticised_side(words, at, uk, text) == side, text


def test_helping_people_says_nothing_about_migration_but_welcoming_refugees_is_open():
    assert labels(words_from_text("We will help families with their bills.", 0)) == []
    assert labels(words_from_text("We will welcome refugees.", 0)) == ["direction:open"]
    assert labels(words_from_text("We will remove people with no right to be here.", 0)) == ["direction:restrictive"]


def test_keeping_migrants_out_is_restrictive():
    words = parsed(
        "We must keep migrants out .", [2, 2, 2, 2, 2, 2], "nsubj aux ROOT dobj prt punct", "PRP MD VB NNS RP ."
    )
    assert labels(words) == ["direction:restrictive"]


def test_a_number_is_what_it_counts():
    officers = parsed(
        "We will increase the number of border officers .",
        [2, 2, 2, 4, 2, 4, 7, 5, 2],
        "nsubj aux ROOT det dobj prep compound pobj punct",
        "PRP MD VB DT NN IN NN NNS .",
    )
    migrants = parsed(
        "We will cut the number of migrants .",
        [2, 2, 2, 4, 2, 4, 5, 2],
        "nsubj aux ROOT det dobj prep pobj punct",
        "PRP MD VB DT NN IN NNS .",
    )
    assert labels(officers) == []
    assert labels(migrants) == ["direction:restrictive"]


def test_protecting_asylum_keeps_it_open_and_closing_a_route_restricts():
    protect = parsed("We must protect asylum .", [2, 2, 2, 2, 2], "nsubj aux ROOT dobj punct", "PRP MD VB NN .")
    assert labels(protect) == ["direction:open"]
    close = parsed(
        "We will close the route .", [2, 2, 2, 4, 2, 2], "nsubj aux ROOT det dobj punct", "PRP MD VB DT NN ."
    )
    assert labels(close) == ["direction:restrictive"]


def test_opposing_all_forms_of_a_measure_opposes_the_measure():
    words = parsed(
        "We oppose all forms of refoulement .",
        [1, 1, 3, 1, 3, 4, 1],
        "nsubj ROOT det dobj prep pobj punct",
        "PRP VBP DT NNS IN NN .",
    )
    assert labels(words) == ["direction:open"]


def test_eroding_the_institution_of_asylum_is_harm_criticised():
    words = parsed(
        "Fears are eroding the institution of asylum .",
        [2, 2, 2, 4, 2, 4, 5, 2],
        "nsubj aux ROOT det dobj prep pobj punct",
        "NNS VBP VBG DT NN IN NN .",
    )
    assert labels(words) == ["direction:open", "government:criticism"]


def test_bringing_refugees_here_is_open():
    bring = parsed(
        "We want to bring the refugees here .",
        [1, 1, 3, 1, 5, 3, 3, 1],
        "nsubj ROOT aux xcomp det dobj advmod punct",
        "PRP VBP TO VB DT NNS RB .",
    )
    assert labels(bring) == ["direction:open"]


def test_an_agreement_on_resettlement_backs_it_and_no_agreement_says_nothing():
    agreed = parsed(
        "We have an agreement on the resettlement of refugees .",
        [1, 1, 3, 1, 3, 6, 4, 6, 7, 1],
        "nsubj ROOT det dobj prep det pobj prep pobj punct",
        "PRP VBP DT NN IN DT NN IN NNS .",
    )
    assert "direction:open" in labels(agreed)
    none = parsed(
        "There is no agreement on relocation .",
        [1, 1, 3, 1, 3, 4, 1],
        "expl ROOT det attr prep pobj punct",
        "EX VBZ DT NN IN NN .",
    )
    assert labels(none) == []
