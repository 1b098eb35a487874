"""Attribution and speaker rules on small inputs: hand-built parses and short real articles."""

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from analysis.cues import find_cues, is_finite_report
from analysis.parsed import Parsed
from analysis.parsing import parse_paragraphs
from analysis.pipeline import analyze
from analysis.reported_speech import _without_trailing_name, misparsed_report_clause

# English lexical attributes (lower case, is_punct) without a trained pipeline
ENGLISH_VOCAB = spacy.blank("en").vocab


def hand_parsed(words, heads, deps, tags, lemmas, pos):
    doc = Doc(ENGLISH_VOCAB, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas, pos=pos)
    return Parsed(doc, 0)


def test_subject_of_reporting_verb_is_the_cue_speaker_on_a_hand_built_parse():
    # "Mr Rama said : “ Yes . ”"
    p = hand_parsed(
        ["Mr", "Rama", "said", ":", "“", "Yes", ".", "”"],
        [1, 2, 2, 2, 5, 2, 2, 2],
        ["compound", "nsubj", "ROOT", "punct", "punct", "ccomp", "punct", "punct"],
        ["NNP", "NNP", "VBD", ":", "``", "UH", ".", "''"],
        ["Mr", "Rama", "say", ":", "“", "yes", ".", "”"],
        ["PROPN", "PROPN", "VERB", "PUNCT", "PUNCT", "INTJ", "PUNCT", "PUNCT"],
    )
    cues = find_cues(p, quoted=[(15, 18)])
    assert [c.text for c in cues] == ["said"]
    assert p.doc.text[cues[0].subject_start : cues[0].subject_end] == "Mr Rama"


def test_hedged_future_verb_is_not_a_report():
    # "He is expected to announce it"
    p = hand_parsed(
        ["He", "is", "expected", "to", "announce", "it"],
        [2, 2, 2, 4, 2, 4],
        ["nsubjpass", "auxpass", "ROOT", "aux", "xcomp", "dobj"],
        ["PRP", "VBZ", "VBN", "TO", "VB", "PRP"],
        ["he", "be", "expect", "to", "announce", "it"],
        ["PRON", "AUX", "VERB", "PART", "VERB", "PRON"],
    )
    assert not is_finite_report(p.doc[4])


def speakers_of(result):
    return [(q.kind, q.speaker_name, q.text) for q in result.quotes]


@pytest.mark.model
def test_attribution_after_the_quote_and_split_quote(nlp):
    text = (
        "Jane Holloway, the chief executive of the Refugee Council, spoke on Monday.\n"
        "“The system is broken,” Ms Holloway said, “and people are suffering.”"
    )
    result = analyze(text, published=date(2024, 3, 1), nlp=nlp)
    names = {q.speaker_name for q in result.quotes}
    assert names == {"Jane Holloway"}
    assert len(result.quotes) == 2


@pytest.mark.model
def test_pronoun_speaker_resolves_to_the_person_named_before(nlp):
    text = "Tom Baxter, a Labour MP, visited the centre.\nHe said: “We must do more for these families.”"
    result = analyze(text, published=date(2024, 3, 1), nlp=nlp)
    assert [q.speaker_name for q in result.quotes] == ["Tom Baxter"]
    assert result.speaker(result.quotes[0].speaker_id).party == "Labour"


@pytest.mark.model
def test_office_resolves_by_publication_date(nlp):
    text = "The Prime Minister said: “We will stop the boats this year, whatever it takes.”"
    in_2023 = analyze(text, published=date(2023, 6, 1), nlp=nlp)
    in_2025 = analyze(text, published=date(2025, 6, 1), nlp=nlp)
    assert in_2023.quotes[0].speaker_name == "Rishi Sunak"
    assert in_2025.quotes[0].speaker_name == "Keir Starmer"


@pytest.mark.model
def test_two_people_sharing_a_surname_stay_apart(nlp):
    text = (
        "Gareth Evans, a local councillor, and his neighbour Sian Evans both spoke.\n"
        "Mr Evans said: “The hotel must close before the winter, it is the wrong place.”\n"
        "Ms Evans said: “These are families who need our help and our welcome.”"
    )
    result = analyze(text, published=date(2024, 3, 1), nlp=nlp)
    assert [q.speaker_name for q in result.quotes] == ["Gareth Evans", "Sian Evans"]


@pytest.mark.model
def test_description_resolves_to_compatible_party(nlp):
    text = (
        "Chris Philp, the shadow home secretary, said Sir Keir’s “entire visit is pure theatre”.\n"
        "The senior Tory added: “The returns deal was decisive action by the previous government.”"
    )
    result = analyze(text, published=date(2025, 5, 15), nlp=nlp)
    assert {q.speaker_name for q in result.quotes} == {"Chris Philp"}
    assert "The returns deal was decisive action by the previous government." in {q.text for q in result.quotes}


@pytest.mark.model
def test_reported_speech_without_marks_and_hedge_is_not_a_quote(nlp):
    text = (
        "The Home Office said the number of hotels had fallen to 200 this year.\n"
        "The minister is expected to announce new rules on Thursday."
    )
    result = analyze(text, published=date(2025, 3, 1), nlp=nlp)
    assert [(q.kind, q.speaker_name) for q in result.quotes] == [("indirect", "Home Office")]
    assert result.quotes[0].text.startswith("the number of hotels had fallen")


@pytest.mark.model
def test_scare_quotes_are_not_speech(nlp):
    text = "Ministers want to end the so-called “revolving door effect” at the border."
    result = analyze(text, published=date(2025, 3, 1), nlp=nlp)
    assert result.quotes == ()
    assert [s.text for s in result.scare_quotes] == ["revolving door effect"]


@pytest.mark.model
def test_quote_outside_migration_gets_n_a_not_a_guess(nlp):
    text = "Rachel Reeves said: “This budget fixes the foundations of our economy and rebuilds the NHS.”"
    result = analyze(text, published=date(2024, 10, 30), nlp=nlp)
    stance = result.quotes[0].stance
    assert (stance.about_migration, stance.migration, stance.government) == (False, "n/a", "n/a")


@pytest.mark.model
def test_surname_alone_the_tagger_calls_an_organisation_is_still_the_person(nlp):
    text = (
        "Angela Eagle, the border security minister, visited Dover on Monday.\n"
        "Eagle said: “We are going after the gangs with everything we have, and we will not stop.”"
    )
    result = analyze(text, published=date(2025, 3, 1), nlp=nlp)
    assert [q.speaker_name for q in result.quotes] == ["Angela Eagle"]


@pytest.mark.model
def test_a_speaker_added_to_the_registry_is_known_in_later_articles(nlp):
    from analysis.registry import load_registry

    text = "Ms Okonkwo said: “The council cannot house everyone who arrives, we need help now.”"
    plain = analyze(text, published=date(2025, 3, 1), nlp=nlp)
    assert plain.speaker(plain.quotes[0].speaker_id).party is None
    extra = {
        "id": "ada-okonkwo",
        "name": "Ada Okonkwo",
        "aliases": ["Ms Okonkwo"],
        "gender": "f",
        "party": "Labour",
        "country": "UK",
        "offices": [],
    }
    known = analyze(text, published=date(2025, 3, 1), nlp=nlp, registry=load_registry().extended(people=[extra]))
    speaker = known.speaker(known.quotes[0].speaker_id)
    assert (speaker.name, speaker.party) == ("Ada Okonkwo", "Labour")


@pytest.mark.model
def test_us_wire_attributions(nlp):
    text = (
        "Sen. Jane Doe, R-Ohio, criticized the plan on Tuesday.\n"
        "“This bill does nothing to secure the border,” Doe said.\n"
        "The Department of Homeland Security defended the program. The department said the number of "
        "border encounters had fallen by 40% since January.\n"
        "A senior administration official said, speaking on condition of anonymity, that more deportation "
        "flights would begin next week."
    )
    result = analyze(text, published=date(2025, 3, 1), nlp=nlp)
    got = [(q.kind, q.speaker_name) for q in result.quotes]
    assert got == [
        ("direct", "Jane Doe"),
        ("indirect", "Department of Homeland Security"),
        ("indirect", "A senior administration official"),
    ]
    assert result.quotes[2].text.startswith("more deportation flights")
    assert result.speaker(result.quotes[0].speaker_id).party == "Republican"


@pytest.mark.model
def test_reports_said_in_a_statement_and_by_analysts_at_an_institute(nlp):
    text = (
        "The ministry said in a statement that about 17% of the orders issued last year had been enforced.\n"
        "Analysts at the Border Policy Institute, a think tank, said the ONS figure was likely to be revised again."
    )
    result = analyze(text, published=date(2023, 12, 20), nlp=nlp)
    got = [(q.kind, q.speaker_name, q.text[:20]) for q in result.quotes]
    assert got == [
        ("indirect", "The ministry", "about 17% of the ord"),
        ("indirect", "Border Policy Institute", "the ONS figure was l"),
    ]


@pytest.mark.model
def test_the_department_refers_back_even_when_named_again_later_and_who_said_antecedent(nlp):
    text = (
        "The Department of Homeland Security said it would appeal.\n"
        "“These men have had their day in court and must now leave,” the department said.\n"
        "The White House backs the bill, according to a spokesperson for the Office of Management "
        "and Budget, who said it “builds on the historic progress” made at the border.\n"
        "The Department of Homeland Security declined to comment further."
    )
    result = analyze(text, published=date(2025, 4, 10), nlp=nlp)
    names = [q.speaker_name for q in result.quotes]
    assert names[1] == "Department of Homeland Security"
    # the spokesperson speaks for the office, and is named as the article names them
    assert names[-1] == "A spokesperson for the Office of Management and Budget"


def test_pronoun_takes_the_latest_main_clause_subject_not_a_subject_inside_reported_words():
    from analysis.resolution import Candidate, pronoun_antecedent

    # "Ryan said Obama has never respected the right. He says ..."
    ryan = Candidate("ryan", "m", 0, subject=True, main_clause=True, in_quote=False)
    obama = Candidate("obama", "m", 10, subject=True, main_clause=False, in_quote=False)
    assert pronoun_antecedent(50, "m", [ryan, obama]) == "ryan"


def test_pronoun_outside_quotes_ignores_names_inside_quotation_marks():
    from analysis.resolution import Candidate, pronoun_antecedent

    # 'Graham said: "Trump is destroying the party." He added ...'
    graham = Candidate("graham", "m", 0, subject=True, main_clause=True, in_quote=False)
    trump = Candidate("trump", "m", 20, subject=True, main_clause=True, in_quote=True)
    assert pronoun_antecedent(60, "m", [graham, trump]) == "graham"
    assert pronoun_antecedent(60, "m", [graham, trump], in_quote=True) == "trump"


def test_pronoun_prefers_the_sentences_own_subject_to_a_subordinate_one_but_not_across_sentences():
    from analysis.resolution import Candidate, pronoun_antecedent

    # "Ann Hale said she left after her daughter, Mia, was born. 'It was hard,' she said."
    ann = Candidate("ann", "f", 0, subject=True, main_clause=True, in_quote=False, sentence=1)
    mia = Candidate("mia", "f", 40, subject=True, main_clause=True, in_quote=False, sentence=1, subordinate=True)
    assert pronoun_antecedent(80, "f", [ann, mia], sentence=2) == "ann"
    # "Ann Hale spoke first. Later, as Jane Corbin and her staff left, she said ...": the later sentence's
    ann_before = Candidate("ann", "f", 0, subject=True, main_clause=True, in_quote=False, sentence=0)
    jane = Candidate("jane", "f", 30, subject=True, main_clause=True, in_quote=False, sentence=1, subordinate=True)
    assert pronoun_antecedent(80, "f", [ann_before, jane], sentence=2) == "jane"


def test_pronoun_gender_must_agree():
    from analysis.resolution import Candidate, pronoun_antecedent

    jane = Candidate("jane", "f", 0, subject=True, main_clause=True, in_quote=False)
    tom = Candidate("tom", "m", 10, subject=True, main_clause=True, in_quote=False)
    assert pronoun_antecedent(50, "f", [jane, tom]) == "jane"


@pytest.mark.model
def test_reported_speech_with_a_quoted_fragment_gives_the_report_and_the_fragment(nlp):
    # ../shared/real convention: the paraphrase is reported speech, the quoted words a partial quote
    text = (
        "The lawsuit, filed by civil rights groups, alleges the administration has "
        '"manipulated the immigration court system to serve an anti-immigrant agenda."'
    )
    quotes = [(q.kind, q.text) for q in analyze(text, nlp=nlp).quotes]
    assert ("direct", "manipulated the immigration court system to serve an anti-immigrant agenda.") in quotes
    assert (
        "indirect",
        'the administration has "manipulated the immigration court system to serve an anti-immigrant agenda."',
    ) in quotes


@pytest.mark.model
def test_a_quote_after_said_that_is_only_the_quote(nlp):
    text = 'The senator said that "we will not back down on this bill."'
    assert [q.kind for q in analyze(text, nlp=nlp).quotes] == ["direct"]


@pytest.mark.model
def test_adding_that_is_a_report_of_the_main_speaker(nlp):
    text = (
        "Representative Mark Benton said the bill would add 3,000 agents, "
        "adding that the backlog had become a national embarrassment."
    )
    quotes = [(q.speaker_name, q.cue, q.text) for q in analyze(text, nlp=nlp).quotes]
    assert ("Mark Benton", "adding", "the backlog had become a national embarrassment") in quotes
    assert ("Mark Benton", "said", "the bill would add 3,000 agents") in quotes


def test_phrase_names_keep_the_words_the_article_uses():
    from analysis.speaker_phrases import phrase_kind, phrase_name

    assert phrase_name("the Home Affairs Committee") == "The Home Affairs Committee"
    assert phrase_name("the department") == "The department"
    assert phrase_name("some U.S. lawmakers") == "Some U.S. lawmakers"
    assert phrase_kind("some U.S. lawmakers") == "group"
    assert phrase_kind("the department") == "organisation"
    assert phrase_kind("a senior official") == "person"


@pytest.mark.model
def test_speaker_after_a_long_quote_is_the_subject_next_to_the_verb(nlp):
    text = (
        'Courts\n\n"The courts decide cases for people seeking asylum, people who depend on a fair system," '
        "Melissa Crow, an attorney with the Southern Poverty Law Center, said on Monday."
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "Melissa Crow"


@pytest.mark.model
def test_speech_acts_with_an_object_or_infinitive_report_it(nlp):
    cases = {
        "House Democrats urged immediate action on the fate of young immigrants Monday, using a procedural move.": (
            "House Democrats",
            "immediate action on the fate of young immigrants",
        ),
        "President Donald Trump called on Congress to find a permanent solution for the program.": (
            "Donald Trump",
            "Congress to find a permanent solution for the program",
        ),
        "The minister pledged to intensify joint work against people smugglers.": (
            "The minister",
            "to intensify joint work against people smugglers",
        ),
    }
    for sentence, (speaker, content) in cases.items():
        quotes = [(q.speaker_name, q.text) for q in analyze("Title\n\n" + sentence, nlp=nlp).quotes]
        assert quotes == [(speaker, content)], sentence


@pytest.mark.model
def test_naming_something_in_quote_marks_is_only_the_quote(nlp):
    text = "Title\n\nThe Chancellor said the rises would fill what she called a “£22bn black hole” in the budget."
    quotes = [(q.kind, q.cue, q.text) for q in analyze(text, nlp=nlp).quotes]
    assert ("direct", "called", "£22bn black hole") in quotes
    assert not any(cue == "called" and kind == "indirect" for kind, cue, _ in quotes)


@pytest.mark.model
def test_report_before_the_verb_needs_the_comma_that_sets_it_off(nlp):
    text = "Title\n\nThe order will deter international students, education experts say."
    (quote,) = analyze(text, nlp=nlp).quotes
    assert (quote.speaker_name, quote.text) == ("Education experts", "The order will deter international students")


@pytest.mark.model
def test_attribution_in_mid_sentence_gives_one_statement_in_two_pieces(nlp):
    text = "Title\n\nIn his state, Christie said, nonviolent first-time drug offenders are sent to treatment."
    quotes = [(q.speaker_name, q.text) for q in analyze(text, nlp=nlp).quotes]
    assert quotes == [
        ("Christie", "In his state"),
        ("Christie", "nonviolent first-time drug offenders are sent to treatment"),
    ]


@pytest.mark.model
def test_said_before_its_subject_after_the_report(nlp):
    text = "Title\n\nThe margins are not good enough, said Howard Rubel, a senior analyst at Jefferies."
    (quote,) = analyze(text, nlp=nlp).quotes
    assert (quote.speaker_name, quote.text) == ("Howard Rubel", "The margins are not good enough")


@pytest.mark.model
def test_documents_and_shares_of_people_are_sources(nlp):
    text = (
        "Title\n\nHackers compromised 12 workstations, the congressional report said.\n\n"
        "Around that time, 47 percent said they would vote for the senator."
    )
    assert [q.speaker_name for q in analyze(text, nlp=nlp).quotes] == ["The congressional report", "47 percent"]


@pytest.mark.model
def test_a_joint_statement_goes_to_the_first_person_named(nlp):
    text = (
        'Title\n\n"The administration ignored this bipartisan agreement," committee chairman Jerrold Nadler and '
        "subcommittee chairwoman Zoe Lofgren said in a statement."
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "Jerrold Nadler"


@pytest.mark.model
def test_a_question_put_to_a_speaker_is_not_their_statement(nlp):
    text = (
        "Title\n\nAsked by reporters if the department had any comment on the case, spokesman "
        'Alexei Woltornist said, "nope."'
    )
    assert [(q.kind, q.text) for q in analyze(text, nlp=nlp).quotes] == [("direct", "nope.")]


@pytest.mark.model
def test_a_group_within_a_party_is_named_as_the_article_names_it(nlp):
    text = (
        "Title\n\nThe U.S. Congress met in Washington, where President Donald Trump is pressing for a wall.\n\n"
        "House Democrats urged immediate action on the fate of young immigrants.\n\n"
        "The Democrats said they would vote against the bill."
    )
    result = analyze(text, nlp=nlp)
    assert [q.speaker_name for q in result.quotes] == ["House Democrats", "Democrats"]
    assert result.speaker(result.quotes[0].speaker_id).party == "Democratic"


@pytest.mark.model
def test_words_a_speaker_wants_someone_to_say_are_still_the_speaker_s(nlp):
    text = (
        "Title\n\nThe plaintiffs said they want the court to declare that the minister "
        "“has failed to take care that the laws be faithfully executed.”"
    )
    quotes = [(q.kind, q.speaker_name) for q in analyze(text, nlp=nlp).quotes]
    assert ("direct", "The plaintiffs") in quotes


@pytest.mark.model
def test_a_title_case_headline_is_not_read_as_a_person(nlp):
    text = (
        "Refugees Stranded Amid Border Closures\n\nThe engineer from Mosul sat in front of his tent.\n\n"
        "“Will they even let us pass?” he asked."
    )
    result = analyze(text, nlp=nlp)
    assert "Border Closures" not in {s.name for s in result.speakers}


@pytest.mark.model
def test_as_reported_by_gives_the_report_to_its_agent(nlp):
    text = (
        "Title\n\nVisa approvals rose above 97% in 2024, as reported by the National Foundation for American "
        "Policy.\n\nAs reported by Reuters, the minister resigned after the vote."
    )
    quotes = [(q.speaker_name, q.text) for q in analyze(text, nlp=nlp).quotes]
    assert quotes == [
        ("The National Foundation for American Policy", "Visa approvals rose above 97% in 2024"),
        ("Reuters", "the minister resigned after the vote"),
    ]


@pytest.mark.model
def test_what_a_noun_says_was_proposed_by_someone_is_that_noun_not_the_whole_sentence(nlp):
    text = (
        "Title\n\nIt is clear member states must deliver on their promises, to reach the agreed figure of "
        "30,000 places proposed by the Council."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.text, q.speaker_name) for q in quotes] == [("30,000 places", "The Council")]


@pytest.mark.model
def test_ministers_agreeing_that_something_should_happen_is_their_joint_statement(nlp):
    text = (
        "Title\n\nThe two ministers agreed that their officials should meet again in March.\n\n"
        "The two ministers agreed to a new fund.\n\n"
        "Aides said the minister had agreed that the fund would grow."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("their officials should meet again in March", "The two ministers"),
        ("the minister had agreed that the fund would grow", "Aides"),
    ]


@pytest.mark.model
def test_a_group_named_with_an_example_speaks_mid_sentence(nlp):
    text = "Title\n\nIf Reyes wins on the same day, critics like Hale say it would help Mora keep the seat."
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.text, q.speaker_name) for q in quotes] == [("it would help Mora keep the seat", "Critics like Hale")]


@pytest.mark.model
def test_a_report_interjected_into_a_sentence_about_plans_gives_both_pieces(nlp):
    text = (
        "Title\n\nTom Reyes, a voter in Fresno, spoke on Monday.\n\n"
        "His wife, he says, plans to leave the party.\n\nThe plan, Reyes said, would fail."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("His wife", "Tom Reyes"),
        ("plans to leave the party", "Tom Reyes"),
        ("The plan", "Tom Reyes"),
        ("would fail", "Tom Reyes"),
    ]


@pytest.mark.model
def test_asking_someone_to_act_or_asking_whether_is_a_speech_act_and_a_topic_is_not(nlp):
    text = (
        "Title\n\nTwo committees on Monday asked the department to investigate whether the minister lied.\n\n"
        "The senator asked whether the plan would work.\n\n"
        "Reporters asked the minister about the emails.\n\n"
        "Asked by reporters if the department had any comment, spokesman Tom Reyes said no."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("the department to investigate whether the minister lied", "Two committees"),
        ("whether the plan would work", "The senator"),
    ]


@pytest.mark.model
def test_a_vote_expected_by_the_end_of_the_week_has_no_speaker(nlp):
    text = "Title\n\nThe Senate limited debate, setting the stage for a final vote expected by the end of the week."
    assert analyze(text, nlp=nlp).quotes == ()


@pytest.mark.model
def test_asking_people_as_a_policy_inside_a_warning_is_no_request(nlp):
    text = "Title\n\nAnn Hale warned that asking refugees to reapply every few years would leave them in limbo."
    quotes = analyze(text, nlp=nlp).quotes
    assert [q.speaker_name for q in quotes] == ["Ann Hale"]


def test_the_person_before_says_speaks_when_the_parser_gives_says_a_second_subject():
    # "Reade , a senator , says amendments should help": the parser hung "amendments" on "says" as a
    # second subject, nearer the verb than the senator
    p = hand_parsed(
        ["Reade", ",", "a", "senator", ",", "says", "amendments", "should", "help", "."],
        [5, 0, 3, 0, 0, 5, 5, 8, 5, 5],
        ["nsubj", "punct", "det", "appos", "punct", "ROOT", "nsubj", "aux", "ccomp", "punct"],
        ["NNP", ",", "DT", "NN", ",", "VBZ", "NNS", "MD", "VB", "."],
        ["Reade", ",", "a", "senator", ",", "say", "amendment", "should", "help", "."],
        ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "NOUN", "AUX", "VERB", "PUNCT"],
    )
    p.doc.ents = [p.doc.char_span(0, 5, label="PERSON")]
    cues = find_cues(p, quoted=[])
    assert [p.doc.text[c.subject_start : c.subject_end] for c in cues] == ["Reade , a senator"]


@pytest.mark.model
def test_a_participle_argues_for_the_subject_the_parser_hung_on_are(nlp):
    text = "Title\n\nMany Republicans are opposed to a guest worker program, arguing it represents amnesty."
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.text, q.speaker_name) for q in quotes] == [("it represents amnesty", "Many Republicans")]


def test_the_head_of_a_phrase_is_before_its_prepositional_tail():
    from analysis.speaker_phrases import phrase_kind

    assert phrase_kind("A court in Rome") == "organisation"
    assert phrase_kind("critics like Huffman") == "group"  # a name given as an example is not the head
    assert phrase_kind("Critics such as Ann Hale") == "group"
    assert phrase_kind("U.N. officials and relief workers here") == "group"
    assert phrase_kind("The commissioner") == "person"
    assert phrase_kind("the National Foundation for American Policy") == "organisation"


@pytest.mark.model
def test_a_phrase_a_speaker_dubs_someone_is_their_words_but_the_narrator_s_so_called_is_not(nlp):
    text = (
        "Title\n\nDonald Trump took swipes at Marco Rubio, whom he dubbed “the little senator.”\n\n"
        "The so-called “revolving door” of asylum claims was discussed."
    )
    quotes = [(q.kind, q.speaker_name, q.text) for q in analyze(text, nlp=nlp).quotes]
    assert quotes == [("direct", "Donald Trump", "the little senator.")]


@pytest.mark.model
def test_whatever_according_to_names_is_the_source(nlp):
    text = "Title\n\nTrump has won 758 pledged delegates so far, according to a CNN tally."
    (quote,) = analyze(text, nlp=nlp).quotes
    assert (quote.speaker_name, quote.text) == ("A CNN tally", "Trump has won 758 pledged delegates so far")


@pytest.mark.model
def test_outlets_named_before_report_that_are_one_group_speaker_even_when_the_parser_misses_the_verb(nlp):
    text = (
        "Title\n\nThe Telegraph, Times, FT, Mail, Independent and the Today Programme report that the "
        "minister has agreed to pay the navy £20,000 a day."
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "The Telegraph, Times, FT, Mail, Independent and the Today Programme"
    assert quote.text.startswith("the minister has agreed")


@pytest.mark.model
def test_a_report_the_parser_read_as_a_modifier_is_still_a_report(nlp):
    text = (
        "Title\n\nAngela Merkel spoke in Berlin.\n\n"
        "Merkel added Germany has benefited from the closure of the Balkan migrant route."
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert (quote.speaker_name, quote.text) == (
        "Angela Merkel",
        "Germany has benefited from the closure of the Balkan migrant route",
    )


@pytest.mark.model
def test_an_interjected_report_after_a_relative_word_reports_only_what_follows(nlp):
    text = (
        "Title\n\nThe administration introduced asylum measures that, Secretary Alejandro Mayorkas says, "
        "will lead to the expulsion of most migrants."
    )
    quotes = [(q.speaker_name, q.text) for q in analyze(text, nlp=nlp).quotes]
    assert quotes == [("Alejandro Mayorkas", "will lead to the expulsion of most migrants")]


@pytest.mark.model
def test_what_someone_is_said_to_believe_or_fear_is_reported_as_theirs(nlp):
    text = "Title\n\nSenator Jane Holloway believes the bill would hurt farmers in her state."
    (quote,) = analyze(text, nlp=nlp).quotes
    assert (quote.kind, quote.speaker_name, quote.cue) == ("indirect", "Jane Holloway", "believes")


@pytest.mark.model
def test_words_quoted_from_another_speaker_are_that_speaker_s(nlp):
    text = "Title\n\nKemi Badenoch responded to Keir Starmer’s “take back control of our borders” with scorn."
    (quote,) = analyze(text, published=date(2025, 6, 1), nlp=nlp).quotes
    assert quote.speaker_name == "Keir Starmer"
    assert analyze(text, published=date(2025, 6, 1), nlp=nlp).speaker(quote.speaker_id).party == "Labour"


def test_a_pronoun_looks_back_to_the_sentence_before_first():
    from analysis.resolution import Candidate, pronoun_antecedent

    # "Whitman spoke at length (sentence 0) ... To professor Harrison, the stare seemed sad (1). 'It looked like
    # heartbreak,' she said (2)": Harrison, in the sentence before, though not a subject
    whitman = Candidate("whitman", "f", 0, subject=True, main_clause=True, in_quote=False, sentence=0)
    harrison = Candidate("harrison", "f", 40, subject=False, main_clause=False, in_quote=False, sentence=1)
    assert pronoun_antecedent(90, "f", [whitman, harrison], sentence=2) == "harrison"
    assert pronoun_antecedent(90, "f", [whitman, harrison], sentence=5) == "whitman"


@pytest.mark.model
def test_according_to_in_mid_sentence_reports_both_pieces(nlp):
    text = (
        "Title\n\nAt the heart of the trouble, according to Dennis Ross, a former envoy, was a decision "
        "by the president to keep his distance."
    )
    quotes = [(q.speaker_name, q.text) for q in analyze(text, nlp=nlp).quotes]
    assert quotes == [
        ("Dennis Ross", "At the heart of the trouble"),
        ("Dennis Ross", "was a decision by the president to keep his distance"),
    ]


@pytest.mark.model
def test_what_a_report_found_is_reported_by_the_body_behind_it(nlp):
    text = (
        "Title\n\nA report by the National Audit Office found that the scheme had cost more than planned.\n\n"
        "According to a new poll from Florida Atlantic University, the governor leads by 32 points."
    )
    quotes = [(q.speaker_name, q.cue) for q in analyze(text, nlp=nlp).quotes]
    assert quotes == [("National Audit Office", "found"), ("Florida Atlantic University", "according to")]


def test_clause_the_parser_hung_on_an_occasion_noun_is_still_the_report():
    # "Adelson said on Friday at a news conference that he may wait": "wait" parsed as a relative clause
    words = ["Adelson", "said", "on", "Friday", "at", "a", "news", "conference", "that", "he", "may", "wait"]
    p = hand_parsed(
        words,
        [1, 1, 1, 2, 1, 7, 7, 4, 11, 11, 11, 7],
        ["nsubj", "ROOT", "prep", "pobj", "prep", "det", "compound", "pobj", "mark", "nsubj", "aux", "relcl"],
        ["NNP", "VBD", "IN", "NNP", "IN", "DT", "NN", "NN", "IN", "PRP", "MD", "VB"],
        ["Adelson", "say", "on", "Friday", "at", "a", "news", "conference", "that", "he", "may", "wait"],
        ["PROPN", "VERB", "ADP", "PROPN", "ADP", "DET", "NOUN", "NOUN", "SCONJ", "PRON", "AUX", "VERB"],
    )
    assert [t.text for t in misparsed_report_clause(p.doc[1], p.doc)] == ["wait"]


def test_a_relative_clause_on_the_object_is_not_a_report():
    # "Adelson said the words to a woman that he met": an object between verb and clause
    words = ["Adelson", "said", "the", "words", "to", "a", "woman", "that", "he", "met"]
    p = hand_parsed(
        words,
        [1, 1, 3, 1, 1, 6, 4, 9, 9, 6],
        ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "mark", "nsubj", "relcl"],
        ["NNP", "VBD", "DT", "NNS", "IN", "DT", "NN", "IN", "PRP", "VBD"],
        ["Adelson", "say", "the", "word", "to", "a", "woman", "that", "he", "meet"],
        ["PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "SCONJ", "PRON", "VERB"],
    )
    assert misparsed_report_clause(p.doc[1], p.doc) == []


def test_report_that_opens_with_a_gerund_is_reported_whole():
    # "He said legalizing it could put people to work": "legalizing" parsed as the verb's xcomp
    words = ["He", "said", "legalizing", "it", "could", "put", "people", "to", "work"]
    p = hand_parsed(
        words,
        [1, 1, 1, 5, 5, 2, 5, 8, 5],
        ["nsubj", "ROOT", "xcomp", "nsubj", "aux", "ccomp", "dobj", "aux", "advcl"],
        ["PRP", "VBD", "VBG", "PRP", "MD", "VB", "NNS", "TO", "VB"],
        ["he", "say", "legalize", "it", "could", "put", "people", "to", "work"],
        ["PRON", "VERB", "VERB", "PRON", "AUX", "VERB", "NOUN", "PART", "VERB"],
    )
    assert [t.text for t in misparsed_report_clause(p.doc[1], p.doc)] == ["legalizing"]


# -- found by the property tests (tests/test_properties.py) ---------------------------------------


@pytest.mark.model
def test_according_to_with_one_word_before_and_nothing_after_is_no_statement_and_no_crash(nlp):
    # was an IndexError that took the whole article down with it
    assert analyze("The according to minister", nlp=nlp).quotes == ()


@pytest.mark.model
def test_a_source_phrase_with_spaces_inside_the_quote_marks_is_marked_where_its_words_are(nlp):
    text = "The according to“  minister“"
    (quote,) = analyze(text, nlp=nlp).quotes
    m = quote.speaker_mention
    assert (m.text, text[m.start : m.end]) == ("minister", "minister")  # was " minister"


@pytest.mark.model
def test_a_pronoun_given_to_the_last_speaker_is_marked_on_the_pronoun(nlp):
    text = (
        "Chris Philp, the shadow home secretary, warned that the plan would fail."
        "“We will not back down,” the home secretary said.She told reporters: “This is a disaster for the country.”"
    )
    quote = next(q for q in analyze(text, nlp=nlp).quotes if q.text.startswith("This is a disaster"))
    m = quote.speaker_mention
    assert (m.rule, m.text, text[m.start : m.end]) == ("pronoun", "She", "She")  # was an empty span at "She"


@pytest.mark.model
def test_a_participle_the_parser_hung_on_the_quote_reports_the_sentence_subject(nlp):
    text = (
        "Title\n\nHillary Clinton seemed ready to riff on the incident in Iowa, telling the crowd, "
        '"Some people get a little carried away, have you noticed that?"'
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert (quote.speaker_name, quote.cue) == ("Hillary Clinton", "telling")


@pytest.mark.model
def test_before_claiming_inside_a_report_is_the_reporter_speaking(nlp):
    text = (
        "Title\n\nDonald Trump said the deadlock had kept the country safe before claiming that "
        'open borders are "tearing American families apart."'
    )
    claimed = [q for q in analyze(text, nlp=nlp).quotes if q.cue == "claiming"]
    assert claimed and {q.speaker_name for q in claimed} == {"Donald Trump"}


@pytest.mark.model
def test_a_sentence_naming_a_person_and_ending_in_a_colon_introduces_their_quote(nlp):
    text = (
        "Title\n\nSen. Tim Kaine has adopted the stance common among some Catholics: "
        '"I am pro-life in my personal life, but I support choice in my public life."\n\n'
        'The crowd was large. The banner read: "We will not be moved from this place by anyone."'
    )
    first, second = analyze(text, nlp=nlp).quotes
    assert first.speaker_name == "Tim Kaine"
    assert second.speaker_name is None  # no one is named before that colon


@pytest.mark.model
def test_a_speaker_the_parser_read_as_the_object_after_a_quote_still_speaks(nlp):
    text = (
        "Title\n\n"
        '"Voters like the guy, even those not likely to vote for him," added a New Hampshire Democrat.\n\n'
        '"She has done that and she will close the gap," added a South Carolina Democrat.'
    )
    speakers = [q.speaker_name for q in analyze(text, nlp=nlp).quotes]
    assert speakers == ["A New Hampshire Democrat", "A South Carolina Democrat"]


@pytest.mark.model
def test_a_quote_opening_the_sentence_after_its_speakers_attribution_is_theirs(nlp):
    text = (
        "Title\n\n“It misses the point,” said Representative Dan Kildee, a Michigan Democrat who flew to "
        "Germany with the family of Amir Hekmati, another freed American. “This is a complicated world, "
        "and we can attempt to deny the way the world works.”"
    )
    assert [q.speaker_name for q in analyze(text, nlp=nlp).quotes] == ["Dan Kildee", "Dan Kildee"]


@pytest.mark.model
def test_a_reporting_verb_after_a_quote_the_parser_read_as_a_noun_is_a_cue(nlp):
    text = (
        "Title\n\nDonald Trump spoke on Monday.\n\n"
        '"It was very different in tone and content from what people are accustomed to," Conway notes.'
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert (quote.speaker_name, quote.cue) == ("Conway", "notes")


@pytest.mark.model
def test_what_a_thing_in_a_relative_clause_shows_is_not_its_speech(nlp):
    text = (
        "Title\n\nThe Home Office said every death in the Channel was “a tragedy” that showed why the "
        "gangs had to be stopped."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert {q.speaker_name for q in quotes} == {"Home Office"} and all(q.cue == "said" for q in quotes)


@pytest.mark.model
def test_a_reporting_verb_in_a_relative_clause_does_not_introduce_the_next_sentences_quote(nlp):
    text = (
        "Title\n\n“The economy is slowing,” said Alan B. Krueger, a former chairman of Mr. Obama's Council "
        "of Economic Advisers who has advised Mrs. Clinton. “He would recommend policies that would "
        "strengthen the economy.”"
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.speaker_name, q.cue) for q in quotes] == [("Alan B. Krueger", "said")] * 2


@pytest.mark.model
def test_yelled_answered_and_assured_report_speech(nlp):
    text = (
        "Title\n\nAs the man was led away, Donald Trump yelled, “Out, out, out!”\n\n"
        "“I would say this,” Trump answered. \n\n"
        "Ms. Clinton assured voters that the plan would be paid for."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.speaker_name, q.cue) for q in quotes] == [
        ("Donald Trump", "yelled"),
        ("Donald Trump", "answered"),
        ("Ms. Clinton", "assured"),
    ]


@pytest.mark.model
def test_a_party_member_the_article_does_not_name_speaks_for_themselves_with_the_party(nlp):
    text = (
        "Iowa result shakes up the race\n\nWASHINGTON — President Barack Obama spoke on Monday.\n\n"
        "“Iowa proved polls are misleading,” another New Hampshire Republican added.\n\n"
        "“We will win,” Senate Democrats said."
    )
    analysis = analyze(text, nlp=nlp, published="2016-02-03")
    by_name = {s.name: s for s in analysis.speakers}
    assert [q.speaker_name for q in analysis.quotes] == ["Another New Hampshire Republican", "Senate Democrats"]
    member = by_name["Another New Hampshire Republican"]
    assert (member.kind, member.party) == ("person", "Republican")


@pytest.mark.model
def test_a_participle_on_a_phrase_of_time_reports_the_sentence_subject(nlp):
    text = (
        "Title\n\nDonald Trump quarreled with the mayor over the city's finances, at one point calling "
        'him a "liar" who was not "honorable."'
    )
    assert {q.speaker_name for q in analyze(text, nlp=nlp).quotes} == {"Donald Trump"}


@pytest.mark.model
def test_what_someones_remarks_call_a_thing_is_their_own_words(nlp):
    text = (
        "Title\n\nWhen Donald Trump tried to defend his remarks calling the Chinese government ‘strong’ when "
        "it ended the democracy movement, John Kasich differed."
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert (quote.speaker_name, quote.cue) == ("Donald Trump", "calling")


@pytest.mark.model
def test_people_named_in_the_speakers_description_are_not_a_joint_statement(nlp):
    text = (
        "Title\n\nRichard Cross, a former speechwriter for Maryland Republicans such as former Gov. Bob "
        "Ehrlich and former Rep. Helen Bentley, wrote in an op-ed that he penned the remarks."
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert (quote.speaker_name, quote.cue) == ("Richard Cross", "wrote")


@pytest.mark.model
def test_a_participle_after_an_attribution_that_follows_a_quote_goes_on_with_that_speaker(nlp):
    text = (
        "Title\n\nComey cannot say that “from his perspective,” Lewandowski added, saying it should be "
        "“up to the prosecutor to move forward or not.”"
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [q.speaker_name for q in quotes if q.cue == "saying"] == ["Lewandowski", "Lewandowski"]


@pytest.mark.model
def test_what_a_statement_someone_released_says_is_theirs(nlp):
    text = (
        "Title\n\nCommunications Secretary Martin Andanar released a statement saying that Trump had "
        '"professed his love for the Philippines."'
    )
    assert {q.speaker_name for q in analyze(text, nlp=nlp).quotes} == {"Martin Andanar"}


@pytest.mark.model
def test_the_object_of_a_verb_like_denounced_after_a_quote_is_not_its_speaker(nlp):
    text = (
        "Title\n\nTrump further summed up Clinton as “terrible,” denounced her record as secretary of state "
        "and said she should not even be allowed to run."
    )
    speakers = {q.speaker_name for q in analyze(text, nlp=nlp).quotes}
    assert not any(name and name.lower().startswith("her record") for name in speakers)


@pytest.mark.model
def test_the_name_right_after_a_reporting_verb_speaks_when_the_parser_hung_it_elsewhere(nlp):
    text = (
        'Title\n\n"What\'s shaping up is a battle for the ages," said David Brock, a Clinton confidant who '
        "heads the pro-Clinton super PAC Correct the Record.\n\n"
        '"Debate recap," tweeted Rubio spokesman Alex Conant.'
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.kind, q.speaker_name) for q in quotes] == [("direct", "David Brock"), ("direct", "Alex Conant")]


@pytest.mark.model
def test_remembered_and_countered_report_speech(nlp):
    text = (
        'Title\n\n"She wanted to prove them wrong," remembered Roy Verley, the company\'s former spokesman.\n\n'
        "Jane Doe countered that the plan would cost jobs."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.speaker_name, q.cue) for q in quotes] == [("Roy Verley", "remembered"), ("Jane Doe", "countered")]


@pytest.mark.model
def test_what_her_plan_promises_and_a_video_he_released_says_are_theirs(nlp):
    text = (
        'Title\n\nHillary Clinton spoke in Iowa. Her economic plan promises to "lift up participation in the '
        'workforce - especially for women."\n\n'
        'Donald Trump released a marketing video that said, "We are going to have professors that are '
        'absolutely terrific."'
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert {q.speaker_name for q in quotes if q.kind == "direct"} == {"Hillary Clinton", "Donald Trump"}


@pytest.mark.model
def test_made_it_clear_that_and_let_them_know_that_report_speech_by_someone(nlp):
    text = (
        "Title\n\nSenator Jane Doe made it clear that the scheme would go ahead.\n\n"
        "Priscilla Orta is advising migrants to use the app and letting them know that if they cross "
        "without authorization, they will be removed immediately.\n\n"
        "The storm made it clear that the roads were unsafe."
    )
    quotes = analyze(text, nlp=nlp).quotes
    told = [(q.speaker_name, q.text) for q in quotes if q.cue in ("made", "letting")]
    assert told == [
        ("Jane Doe", "the scheme would go ahead"),
        ("Priscilla Orta", "if they cross without authorization, they will be removed immediately"),
    ]


@pytest.mark.model
def test_the_name_an_apposition_ends_on_speaks_not_a_name_that_describes_them(nlp):
    text = "Title\n\nHer husband, longtime Ruth Porter aide Daniel Okafor, announced they would appeal the ruling."
    assert [q.speaker_name for q in analyze(text, nlp=nlp).quotes] == ["Daniel Okafor"]


def test_a_name_the_parser_hung_on_as_is_the_subject_of_the_verb_it_left_without_one():
    # "Anger grew as Maria Lopez, the mayor's sister, attacked Jones": "as" read as a preposition
    p = hand_parsed(
        ["Anger", "grew", "as", "Maria", "Lopez", ",", "the", "mayor", "'s", "sister", ",", "attacked", "Jones", "."],
        [1, 1, 1, 4, 2, 4, 7, 9, 7, 4, 4, 1, 11, 1],
        ["nsubj", "ROOT", "prep", "compound", "pobj", "punct", "det", "poss", "case", "appos", "punct", "advcl"]
        + ["dobj", "punct"],
        ["NN", "VBD", "IN", "NNP", "NNP", ",", "DT", "NN", "POS", "NN", ",", "VBD", "NNP", "."],
        ["anger", "grow", "as", "Maria", "Lopez", ",", "the", "mayor", "'s", "sister", ",", "attack", "Jones", "."],
        ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PART", "NOUN", "PUNCT", "VERB"]
        + ["PROPN", "PUNCT"],
    )
    cue = next(c for c in find_cues(p, quoted=[]) if c.text == "attacked")
    assert p.doc.text[cue.subject_start : cue.subject_end].startswith("Maria Lopez")


def test_according_to_names_its_source_only_up_to_the_comma_when_the_clause_was_hung_on_it():
    # "According to Reuters, 412 of the delegates — a bloc — backed Okafor": the parser made the
    # figure and the bloc appositions of Reuters and "backed" a modifier of the bloc
    p = hand_parsed(
        ["According", "to", "Reuters", ",", "412", "of", "the", "delegates", "—", "a", "bloc", "—", "backed"]
        + ["Okafor", "."],
        [0, 0, 1, 2, 2, 4, 7, 5, 2, 10, 2, 10, 10, 12, 0],
        ["ROOT", "prep", "pobj", "punct", "appos", "prep", "det", "pobj", "punct", "det", "appos", "punct", "acl"]
        + ["dobj", "punct"],
        ["VBG", "IN", "NNP", ",", "CD", "IN", "DT", "NNS", ":", "DT", "NN", ":", "VBD", "NNP", "."],
        ["accord", "to", "Reuters", ",", "412", "of", "the", "delegate", "—", "a", "bloc", "—", "back", "Okafor", "."],
        ["VERB", "ADP", "PROPN", "PUNCT", "NUM", "ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"]
        + ["PROPN", "PUNCT"],
    )
    cue = next(c for c in find_cues(p, quoted=[]) if c.rule == "according_to")
    assert p.doc.text[cue.subject_start : cue.subject_end] == "Reuters"


@pytest.mark.model
def test_mused_and_elaborated_introduce_quotes(nlp):
    text = (
        "Title\n\n“We will see what the voters think,” mused campaign co-chair Ellen Marsh.\n\n"
        "“In my view,” she elaborated, “the plan has failed.”"
    )
    assert {q.speaker_name for q in analyze(text, nlp=nlp).quotes} == {"Ellen Marsh"}


@pytest.mark.model
def test_a_paragraph_left_unparsed_gives_no_cues_and_is_never_walked_as_a_tree(nlp):
    # "Let's" comes from the tokenizer's special cases with stale tree edges: walking them crashed
    text = "Dinner is about to begin. Let's save the speeches for later in the evening."
    doc = next(parse_paragraphs(nlp, [text]))
    assert not doc.has_annotation("DEP")
    assert find_cues(Parsed(doc, 0), []) == []


@pytest.mark.model
def test_a_hyphenated_title_before_a_name_after_said_leaves_the_name_as_the_speaker(nlp):
    # "co-host" splits into "co", "-", "host", which the parser reads as three subjects or objects
    text = "Title\n\n“Not yet,” said radio co-host Tom Reyes.\n\n“Not yet,” said party co-chair Tom Reyes."
    assert [q.speaker_name for q in analyze(text, nlp=nlp).quotes] == ["Tom Reyes", "Tom Reyes"]


@pytest.mark.model
def test_a_second_speech_act_joined_to_a_first_reports_its_own_object(nlp):
    text = (
        "Title\n\nTenant groups filed a complaint on Monday decrying the council’s eviction policy and accusing "
        "the mayor of ignoring the housing crisis."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.cue, q.text) for q in quotes] == [
        ("decrying", "the council’s eviction policy"),
        ("accusing", "the mayor of ignoring the housing crisis"),
    ]


@pytest.mark.model
def test_the_person_an_existential_sentence_presents_speaks_its_participle(nlp):
    text = "Title\n\nThere was Chris Bowen effectively saying the deal would cost the budget $2 billion."
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.speaker_name, q.text) for q in quotes] == [("Chris Bowen", "the deal would cost the budget $2 billion")]


def test_the_subject_of_a_participle_the_parser_made_the_verb_is_the_subject_of_say():
    # "Activists clamoring to stop him say they gain": "clamoring" read as the verb, "say" hung on it
    p = hand_parsed(
        ["Activists", "clamoring", "to", "stop", "him", "say", "they", "gain", "."],
        [1, 1, 3, 1, 3, 1, 7, 5, 5],
        ["nsubj", "ROOT", "aux", "advcl", "dobj", "dep", "nsubj", "ccomp", "punct"],
        ["NNS", "VBG", "TO", "VB", "PRP", "VBP", "PRP", "VBP", "."],
        ["activist", "clamor", "to", "stop", "he", "say", "they", "gain", "."],
        ["NOUN", "VERB", "PART", "VERB", "PRON", "VERB", "PRON", "VERB", "PUNCT"],
    )
    cue = next(c for c in find_cues(p, quoted=[]) if c.text == "say")
    assert p.doc.text[cue.subject_start : cue.subject_end] == "Activists"


@pytest.mark.model
def test_what_a_relative_clause_says_was_said_starts_after_the_verb(nlp):
    text = (
        "Title\n\nVoters had to register by May 2, a date that several county clerks said was missed by "
        "hundreds of students."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.speaker_name, q.text) for q in quotes] == [
        ("Several county clerks", "was missed by hundreds of students")
    ]


@pytest.mark.model
def test_two_sources_set_against_each_other_by_while_keep_their_own_words(nlp):
    text = (
        "Title\n\nWhile one survey firm says there are more than 900 such schools in the state, another firm "
        "says there are about 600."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.speaker_name, q.text) for q in quotes] == [
        ("One survey firm", "there are more than 900 such schools in the state"),
        ("Another firm", "there are about 600"),
    ]


@pytest.mark.model
def test_a_joined_verb_with_a_subject_of_its_own_is_not_a_second_act_of_the_first_speaker(nlp):
    text = (
        "Title\n\nThe government will cap enrolments, as the opposition promised to go further and universities "
        "warned of job losses."
    )
    assert [(q.speaker_name, q.text) for q in analyze(text, nlp=nlp).quotes if q.cue == "warned"] == []


@pytest.mark.model
def test_a_quote_alone_in_the_paragraph_after_a_report_is_the_reporters(nlp):
    text = (
        "Title\n\nGreens Senator Jane Okoro says her country is failing people who need help.\n\n"
        "“They have been found to be refugees, so they deserve to be looked after.”\n\n"
        "The minister did not respond."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.kind, q.speaker_name) for q in quotes] == [("indirect", "Jane Okoro"), ("direct", "Jane Okoro")]


def _speakers(text: str, nlp) -> list[str | None]:
    return [q.speaker_name for q in analyze(text, published=date(2016, 1, 20), nlp=nlp).quotes]


@pytest.mark.model
def test_a_vocative_inside_the_quote_is_not_the_speaker_after_it(nlp):
    text = (
        "Title\n\n“That was a fine speech you gave last night, Mr. President,” Representative Ann Hale, "
        "Democrat of Ohio, told the president as the line moved on."
    )
    assert _speakers(text, nlp) == ["Ann Hale"]


@pytest.mark.model
def test_a_speaker_with_a_long_aside_before_said_is_still_the_speaker(nlp):
    text = (
        "Title\n\nPaul Dorne was released in 1991.\n\n“Each day inside felt like a month,” Mr. Dorne, "
        "now 81 and retired in Salem, Ore., said by telephone this week."
    )
    assert _speakers(text, nlp) == ["Paul Dorne"]


@pytest.mark.model
def test_a_named_speaker_the_parser_hung_on_a_date_still_introduces_the_quote(nlp):
    text = (
        "Title\n\nBut in a call with reporters on Dec. 2, Col. Peter J. Marsh, a military spokesman in "
        "Kabul, said, “A patrol is a risky mission. We cannot pretend otherwise.”"
    )
    assert _speakers(text, nlp) == ["Peter J. Marsh"]


@pytest.mark.model
def test_who_after_a_list_of_descriptions_is_the_named_person_they_describe(nlp):
    text = (
        "Title\n\n“Voters here do not see him as one of their own,” said Leo Santos, an Ohio media "
        "consultant and an influential local Republican who said he would not vote for the senator."
    )
    assert _speakers(text, nlp) == ["Leo Santos", "Leo Santos"]


@pytest.mark.model
def test_as_someone_put_it_introduces_their_quote(nlp):
    text = (
        "Title\n\nAs Ann Hale, a historian at Leeds, put it, “Ministers should know that a deal now beats "
        "anything they could hope for next year.”"
    )
    assert _speakers(text, nlp) == ["Ann Hale"]


@pytest.mark.model
def test_pressed_after_a_question_and_confided_that_are_speech(nlp):
    pressed = "Title\n\n“Is that your final offer?” Tom Hale pressed. “Could some of the rules be eased?”"
    confided = "Title\n\nFreddy Ross confided to her that his family had been “worried sick” about the move."
    assert _speakers(pressed, nlp) == ["Tom Hale", "Tom Hale"]
    assert set(_speakers(confided, nlp)) == {"Freddy Ross"}


@pytest.mark.model
def test_the_name_before_a_who_clause_the_parser_misread_is_the_speaker(nlp):
    text = (
        "Title\n\nAnn Hale has 12 backers. Ray Dunn, meanwhile, who sits at zero backers, said "
        "the count shows which of the two is “ready to take on the party bosses.”"
    )
    assert set(_speakers(text, nlp)) == {"Ray Dunn"}


@pytest.mark.model
def test_a_thought_inside_someones_report_is_part_of_their_report(nlp):
    text = "Title\n\nAnn Hale said many voters in her county would find it “hard to accept” his record."
    a = analyze(text, published=date(2016, 1, 20), nlp=nlp)
    assert a.quotes and {q.speaker_name for q in a.quotes} == {"Ann Hale"}
    assert len([q for q in a.quotes if q.kind == "indirect"]) == 1


@pytest.mark.model
def test_fumed_after_a_quote_is_speech(nlp):
    assert _speakers("Title\n\n“That was never a fair offer,” Ann Hale fumed on Tuesday.", nlp) == ["Ann Hale"]


@pytest.mark.model
def test_a_headline_naming_who_vows_or_urges_gives_them_what_follows(nlp):
    text = "Ann Hale Vows to Cut Net Migration by Half\n\nAnn Hale, the home secretary, spoke in Leeds on Monday."
    a = analyze(text, published=date(2025, 6, 1), nlp=nlp)
    (quote,) = a.quotes
    assert (quote.text, quote.speaker_name, quote.kind) == ("to Cut Net Migration by Half", "Ann Hale", "indirect")


@pytest.mark.model
def test_a_country_pledging_in_a_headline_is_not_made_a_speaker(nlp):
    text = "Germany Pledges to Admit 5,000 Refugees\n\nThe chancellor spoke in Berlin on Monday."
    assert analyze(text, published=date(2022, 3, 24), nlp=nlp).quotes == ()


@pytest.mark.model
def test_calls_upon_commended_and_reaffirmed_report_what_follows(nlp):
    calls = "Title\n\nThe Committee calls upon the ministry to publish its figures on the people it holds."
    commended = "Title\n\nAnn Hale commended the work of the city council and reaffirmed her backing for its plan."
    (quote,) = analyze(calls, published=date(2019, 3, 21), nlp=nlp).quotes
    assert quote.text.startswith("the ministry to publish")
    assert {q.speaker_name for q in analyze(commended, published=date(2018, 5, 9), nlp=nlp).quotes} == {"Ann Hale"}


@pytest.mark.model
def test_the_ministers_of_another_country_are_not_the_uk_government(nlp):
    text = (
        "Title\n\nOTTAWA - Canada's immigration minister met his provincial counterparts.\n\n"
        "The Ministers said the new money would pay for more caseworkers in Montreal."
    )
    a = analyze(text, published=date(2018, 5, 9), nlp=nlp)
    assert a.quotes and all(q.speaker_name != "UK Government" for q in a.quotes)


@pytest.mark.model
def test_lauded_and_assailed_report_their_quoted_words(nlp):
    text = "Title\n\nThe minister lauded Ann Hale for the “overdue changes at the port” and assailed her critics."
    assert {q.speaker_name for q in analyze(text, published=date(2016, 8, 26), nlp=nlp).quotes} == {"The minister"}


@pytest.mark.model
def test_a_speaker_after_a_long_apposition_still_owns_the_quote_before_it(nlp):
    text = (
        "Title\n\nLena Ortiz spoke first.\n\n“The mayor needs a plan for the suburbs,” Carl Rivens, the "
        "polling analyst who founded a data site, tweeted on Wednesday. “They are drifting away.”"
    )
    assert _speakers(text, nlp) == ["Carl Rivens", "Carl Rivens"]


@pytest.mark.model
def test_a_participle_describing_a_name_before_the_main_verb_is_not_a_report(nlp):
    text = "Title\n\nCarl Rivens, the analyst, asked about the plan, said the council “has no idea what it wants.”"
    assert _speakers(text, nlp) == ["Carl Rivens"] * len(_speakers(text, nlp))


@pytest.mark.model
def test_a_quote_inside_a_report_after_shows_is_the_reporters(nlp):
    text = (
        "Title\n\nTom Delray, the mayor's senior adviser, said the council was engaged in misguided "
        '"mischief" that shows its "disconnect with voters."'
    )
    a = analyze(text, published=date(2016, 1, 20), nlp=nlp)
    assert {q.speaker_name for q in a.quotes if q.kind == "direct"} == {"Tom Delray"}


@pytest.mark.model
def test_ripped_reports_the_words_quoted_in_its_clause(nlp):
    text = (
        "Title\n\nJim Harlow, the mayor's fired campaign manager, ripped Police Chief Dana Oakes for acting "
        "as “the judge and the jury” in the case."
    )
    assert _speakers(text, nlp) == ["Jim Harlow"]


@pytest.mark.model
def test_a_possessive_surname_before_a_colon_introduces_the_quote(nlp):
    text = (
        "Title\n\nJim Harlow wrote to the council on Monday.\n\n"
        "Harlow’s letter makes a blunt case: “We cannot keep waiting for the council to act. The city "
        "deserves better.”"
    )
    assert _speakers(text, nlp) == ["Jim Harlow"]


@pytest.mark.model
def test_a_share_of_those_surveyed_keeps_the_clause_that_says_who_they_are(nlp):
    text = "Poll\n\nThirty-one percent of those surveyed say they would be satisfied if he won the nomination."
    assert _speakers(text, nlp) == ["Thirty-one percent of those surveyed"]


def test_reported_speech_ends_at_the_closing_mark_when_only_the_speakers_name_follows():
    # a parse that makes "the chairwoman" the subject of "recalled" leaves "Ann Hale" in the content
    text = "“He asked what it takes to win here,” Ann Hale, the chairwoman, recalled."
    end = text.index(", the chairwoman")
    assert text[: _without_trailing_name(text, 0, end)] == "“He asked what it takes to win here,”"
    plain = "The plan will fail, Ann Hale said."
    assert _without_trailing_name(plain, 0, plain.index(", Ann")) == plain.index(", Ann")


@pytest.mark.model
def test_a_place_named_like_a_person_is_not_a_speaker(nlp):
    place = "Title\n\nThe clean-up has been meeting the standards by some measures, one West Virginia official said."
    assert _speakers(place, nlp) != ["West Virginia"]


@pytest.mark.model
def test_a_named_apposition_speaks_rather_than_the_possessive_description(nlp):
    text = (
        "Title\n\nAnn Hale was not questioned.\n\nIn the filing, her personal lawyer, Paul Dorne, wrote that "
        'the request was "futile," because the records were gone.'
    )
    assert set(_speakers(text, nlp)) == {"Paul Dorne"}


@pytest.mark.model
def test_a_message_sent_by_someone_speaks_for_its_sender(nlp):
    text = (
        "Title\n\nA fundraising email sent out by Ann Hale on Tuesday night warned of the fight ahead: "
        '"There are 14 primaries over the next three weeks, and our victory will prompt a desperate response."'
        "\n\nA statement released by the Home Office said the camps would close."
    )
    assert _speakers(text, nlp) == ["Ann Hale", "Home Office"]


@pytest.mark.model
def test_told_an_addressee_that_reports_the_clause_the_parser_hung_on_the_addressee(nlp):
    text = (
        "Migrants at the port\n\nThe port was busy.\n\nInterior Minister Paul Dorne, speaking Tuesday, told the "
        "national news agency that police made some arrests, but he did not offer details."
    )
    (quote,) = analyze(text, published=date(2015, 7, 28), nlp=nlp).quotes
    assert (quote.speaker_name, quote.text) == ("Paul Dorne", "police made some arrests")


@pytest.mark.model
def test_authorities_of_a_long_named_place_report_what_police_did(nlp):
    text = (
        "Migrants at the port\n\nThe port was busy.\n\nAuthorities in the northern French port city of Calais say "
        "police late Monday pushed back more than 2,000 migrants trying to enter the tunnel."
    )
    (quote,) = analyze(text, published=date(2015, 7, 28), nlp=nlp).quotes
    assert quote.speaker_name.startswith("Authorities in")
    assert quote.text.startswith("police late Monday pushed back")


@pytest.mark.model
def test_a_report_named_after_a_body_speaks_for_that_body(nlp):
    text = (
        "Visas\n\nA Government Accountability Office report released last year found that the agency could "
        "not be sure where the money came from.\n\nA 2019 Home Office review found that the scheme had failed."
        "\n\nThe new report said the camps were overcrowded."
    )
    assert _speakers(text, nlp) == ["Government Accountability Office", "Home Office", "The new report"]


@pytest.mark.model
def test_a_message_sent_by_a_thing_inside_someones_report_is_the_reporters(nlp):
    text = (
        "Schools\n\nMichael Reyes, president of the teachers union, said he hopes the day of action sends a "
        "message that “communities are standing up for their public schools.”\n\n"
        "The ad carries the message that “every child matters.”"
    )
    quotes = analyze(text, published=date(2016, 10, 7), nlp=nlp).quotes
    assert [q.speaker_name for q in quotes if q.kind == "direct"] == ["Michael Reyes", "The ad"]


@pytest.mark.model
def test_a_relative_clause_report_keeps_its_short_predicate(nlp):
    text = (
        "Border crisis\n\nThe border was tense.\n\n"
        "Sanctions were imposed over the election, which observers say was rigged."
    )
    (quote,) = analyze(text, published=date(2021, 11, 10), nlp=nlp).quotes
    assert (quote.speaker_name, quote.text) == ("Observers", "was rigged")


@pytest.mark.model
def test_local_media_report_that_is_a_report_even_when_parsed_as_a_noun(nlp):
    text = (
        "Boats\n\nThe number of boat arrivals has been small. Local media report that 199 migrants arrived "
        "on seven boats in 2022 and 74 people on four boats in 2023."
    )
    a = analyze(text, published=date(2024, 2, 1), nlp=nlp)
    assert [q.speaker_name for q in a.quotes] == ["Local media"]
    assert {n.cited_by for n in a.numbers if n.text == "199"} == {a.quotes[0].speaker_id}


@pytest.mark.model
def test_when_asked_is_not_a_speech_act_of_its_own(nlp):
    text = (
        "Emails\n\nAny decision would involve Attorney General Jane Corbin, who told Congress when asked last "
        'month about the email inquiry: "That matter is being handled by career independent agents. They follow '
        'the evidence."'
    )
    assert _speakers(text, nlp) == ["Jane Corbin"]


@pytest.mark.model
def test_questioned_reports_its_quote(nlp):
    text = "Title\n\n“What was the pivot point that made him change so fundamentally?” Glen Marsh questioned."
    assert _speakers(text, nlp) == ["Glen Marsh"]


@pytest.mark.model
def test_a_quote_after_a_report_with_quoted_phrases_continues_that_report(nlp):
    text = (
        "Title\n\nTom Reyes chairs the panel.\n\n"
        'Reyes said he and his partners were "meticulous" about ensuring that they were "in no way involving '
        'any language that would touch the deal." "If we were to touch it in any way, the administration would '
        'say that we were undermining the deal."'
    )
    quotes = analyze(text, published=date(2016, 7, 16), nlp=nlp).quotes
    assert quotes[-1].text.startswith("If we were to touch it")
    assert quotes[-1].speaker_name == "Tom Reyes"


@pytest.mark.model
def test_something_shown_is_not_said_and_the_quote_after_continues_the_speaker(nlp):
    text = (
        'Campaign\n\n"How do you know those bruises were not there before? I am not a lawyer," Tom Reyes told '
        'reporters on his plane, referring to bruises that Ann Hale showed to the police. "Would you not think '
        'she would have yelled out if she has bruises on her arm?"\n\n'
        "A poll showed that most voters backed the plan. The inspectors found “serious failings” in the centres."
        "\n\n‘The ministry has shown a cavalier attitude to detention,’ a new report by the Home Affairs "
        "Committee has found."
    )
    quotes = analyze(text, published=date(2016, 3, 30), nlp=nlp).quotes
    assert [(q.kind, q.speaker_name) for q in quotes] == [
        ("direct", "Tom Reyes"),
        ("direct", "Tom Reyes"),
        ("indirect", "A poll"),
        ("direct", "The inspectors"),
        ("direct", "Home Affairs Committee"),
    ]


@pytest.mark.model
def test_what_someone_described_something_as_is_their_statement(nlp):
    text = (
        "Film\n\nThe director Ann Hale made the film. Hale described the conditions at the camps as cruel. "
        "Sen. Tom Baxter portrayed the bill as an amnesty for lawbreakers. "
        "Hale described the scene to the police."
    )
    quotes = analyze(text, published=date(2016, 5, 1), nlp=nlp).quotes
    assert [(q.text, q.kind, q.speaker_name) for q in quotes] == [
        ("the conditions at the camps as cruel", "indirect", "Ann Hale"),
        ("the bill as an amnesty for lawbreakers", "indirect", "Tom Baxter"),
    ]


@pytest.mark.model
def test_a_description_in_quote_marks_is_the_quoted_words_alone(nlp):
    text = "Film\n\nSen. Tom Baxter described the bill as a “shambles”."
    quotes = analyze(text, published=date(2016, 5, 1), nlp=nlp).quotes
    assert [(q.text, q.kind) for q in quotes] == [("shambles", "direct")]


@pytest.mark.model
def test_something_described_by_someone_is_no_report_of_the_sentence_around_it(nlp):
    text = (
        "Committee\n\nThe Chair asked the minister whether the Home Office had followed up the cases "
        "described by the inspector in his report."
    )
    quotes = analyze(text, published=date(2018, 11, 22), nlp=nlp).quotes
    assert all(q.speaker_name != "Inspector" and "inspector" not in (q.speaker_name or "").lower() for q in quotes)


@pytest.mark.model
def test_newspapers_that_report_at_the_end_of_a_sentence_are_its_source(nlp):
    text = "Asylum\n\nA rugby player fighting deportation is asking the minister to end his ordeal, the Courier and Star report."
    quotes = analyze(text, published=date(2019, 1, 10), nlp=nlp).quotes
    # the player's request is nested in the newspapers' report, and ends before their names
    assert [(q.speaker_name, q.text) for q in quotes] == [
        ("The Courier and Star", "A rugby player fighting deportation is asking the minister to end his ordeal"),
        ("A rugby player", "the minister to end his ordeal"),
    ]


@pytest.mark.model
def test_a_correspondent_reporting_from_a_place_says_nothing(nlp):
    text = "Senate\n\nThe Senate is set to revisit the bill. Ann Hale reports from Capitol Hill."
    assert analyze(text, published=date(2007, 6, 23), nlp=nlp).quotes == ()


@pytest.mark.model
def test_what_someone_called_something_without_quote_marks_is_their_statement(nlp):
    text = "Delegates\n\nSen. Ann Hale called the count a rush to judgment. Hale called the plan “cruel”."
    quotes = analyze(text, published=date(2016, 6, 8), nlp=nlp).quotes
    assert [(q.text, q.kind) for q in quotes] == [("the count a rush to judgment", "indirect"), ("cruel", "direct")]


@pytest.mark.model
def test_a_speech_act_someone_says_should_happen_is_the_reporters_words(nlp):
    text = (
        "Platform\n\nAnn Hale said in her opening remarks that the platform should reiterate the party’s "
        "support for “stalwart allies,” naming Israel."
    )
    quotes = analyze(text, published=date(2016, 6, 9), nlp=nlp).quotes
    assert {q.speaker_name for q in quotes} == {"Ann Hale"}


@pytest.mark.model
def test_a_joined_act_with_its_own_object_does_not_report_the_clause_before_it(nlp):
    text = (
        "Wall\n\nHe is unhappy with lawmakers, but faced with the prospect of another shutdown, the president "
        "yielded to Congress this week but then declared a national emergency to collect wall funding."
    )
    assert analyze(text, published=date(2019, 2, 20), nlp=nlp).quotes == ()


@pytest.mark.model
def test_the_subject_of_a_participle_read_as_clausal_subject_speaks(nlp):
    text = (
        "Asylum\n\nA gay rugby player fighting deportation to his native Kenya is calling on the Home Secretary to end "
        "his three-year ordeal in “legal limbo”, the Mirror, Metro and Star report."
    )
    quotes = analyze(text, published=date(2019, 1, 10), nlp=nlp).quotes
    assert ("direct", "A gay rugby player") in {(q.kind, q.speaker_name) for q in quotes}


def test_a_quoted_programme_after_the_verb_is_not_the_speaker():
    # the parser's misreading of '“Fine,” Flynn, said on “Fox and Friends.”': the name hung on the
    # quote as an apposition, the programme as the subject after "said"
    words = ["“", "Fine", ",", "”", "Flynn", ",", "said", "on", "“", "Fox", "and", "Friends", ".", "”"]
    doc = Doc(
        ENGLISH_VOCAB,
        words=words,
        heads=[1, 6, 1, 1, 1, 6, 6, 6, 6, 6, 9, 9, 6, 6],
        deps=["punct", "ccomp", "punct", "punct", "appos", "punct", "ROOT"]
        + ["prep", "punct", "nsubj", "cc", "conj", "punct", "punct"],
        tags=["``", "JJ", ",", "''", "NNP", ",", "VBD", "IN", "``", "NNP", "CC", "NNPS", ".", "''"],
        lemmas=["“", "fine", ",", "”", "Flynn", ",", "say", "on", "“", "Fox", "and", "Friends", ".", "”"],
        pos=["PUNCT", "ADJ", "PUNCT", "PUNCT", "PROPN", "PUNCT", "VERB"]
        + ["ADP", "PUNCT", "PROPN", "CCONJ", "PROPN", "PUNCT", "PUNCT"],
        ents=["O"] * 4 + ["B-PERSON"] + ["O"] * 9,
    )
    (cue,) = find_cues(Parsed(doc, 0), quoted=[(1, 6)])
    assert doc.text[cue.subject_start : cue.subject_end] == "Flynn"


@pytest.mark.model
def test_a_speech_verb_completing_an_object_speaks_for_the_object_or_the_person_shown(nlp):
    text = (
        "Ads\n\nThe ad uses footage of Ann Hale asking, “Why aren’t we further ahead?”\n\n"
        "The ad uses the campaign's slogan, asking, “Who will pay?”"
    )
    quotes = analyze(text, published=date(2016, 9, 30), nlp=nlp).quotes
    assert [q.speaker_name for q in quotes] == ["Ann Hale", "The ad"]


@pytest.mark.model
def test_a_persons_brief_or_ruling_speaks_for_that_person(nlp):
    text = (
        "Court\n\nHowever, Ann Hale's brief said that was not her view and dismissed the reports as "
        '"misinterpreted statements."'
    )
    quotes = analyze(text, published=date(2016, 9, 22), nlp=nlp).quotes
    assert {q.speaker_name for q in quotes} == {"Ann Hale"} and len(quotes) == 2


@pytest.mark.model
def test_words_quoted_inside_reported_speech_are_the_reporters_when_their_own_verb_names_no_one(nlp):
    text = (
        "Letter\n\nCity Attorney Tom Reyes said in the letter that the advertisement “unmistakably and "
        "wrongfully” suggests that the police support the campaign."
    )
    quotes = analyze(text, published=date(2016, 9, 30), nlp=nlp).quotes
    assert [(q.kind, q.speaker_name) for q in quotes] == [("indirect", "Tom Reyes"), ("direct", "Tom Reyes")]


@pytest.mark.model
def test_an_organisations_report_is_named_without_the_possessive(nlp):
    quotes = analyze("Report\n\nThe Home Office's report said arrivals had doubled.", nlp=nlp).quotes
    assert quotes[0].speaker_name == "Home Office"


@pytest.mark.model
def test_a_time_phrase_after_the_verb_does_not_hide_the_reported_clause(nlp):
    text = "Endorsement\n\nHale said after the convention he would not accept Reyes's endorsement if it were offered."
    (quote,) = analyze(text, published=date(2016, 9, 26), nlp=nlp).quotes
    assert quote.text.startswith("he would not accept") and quote.speaker_name == "Hale"


@pytest.mark.model
def test_said_after_a_subordinate_clause_reports_nothing(nlp):
    assert analyze("Meeting\n\nHale said after she left the meeting.", nlp=nlp).quotes == ()


@pytest.mark.model
def test_a_share_of_voters_given_as_eight_of_ten_is_a_group_that_speaks(nlp):
    (quote,) = analyze("Poll\n\nNearly eight of 10 voters say they plan to watch the debate.", nlp=nlp).quotes
    assert quote.speaker_name == "Nearly eight of 10 voters"


@pytest.mark.model
def test_even_before_a_speaker_is_not_part_of_the_speaker(nlp):
    (quote,) = analyze("Test\n\nEven the minister said it was a mistake.", nlp=nlp).quotes
    assert quote.speaker_name == "The minister"


@pytest.mark.model
def test_a_message_someone_received_speaks_for_its_sender_not_for_the_receiver(nlp):
    text = (
        "Parole\n\nThe families received a letter from the Home Office saying that their claims had been refused.\n\n"
        "Ukrainians had received threatening emails from the Department of Homeland Security stating that "
        "their parole status had been terminated."
    )
    quotes = analyze(text, published=date(2025, 4, 8), nlp=nlp).quotes
    assert [q.speaker_name for q in quotes] == ["Home Office", "Department of Homeland Security"]


@pytest.mark.model
def test_a_statement_someone_issued_saying_that_is_their_reported_speech(nlp):
    text = "Protest\n\nThe Refugee Council issued a statement saying that the camps should close at once."
    (quote,) = analyze(text, published=date(2016, 7, 1), nlp=nlp).quotes
    assert quote.speaker_name == "Refugee Council" and quote.text == "the camps should close at once"


@pytest.mark.model
@pytest.mark.parametrize("verb", ["pointed out", "highlighted", "disclosed"])
def test_pointing_out_highlighting_and_disclosing_report_a_clause(nlp, verb):
    (quote,) = analyze(f"T\n\nAnn Hale {verb} that the new rules would split many families.", nlp=nlp).quotes
    assert (quote.text, quote.speaker_name) == ("the new rules would split many families", "Ann Hale")


@pytest.mark.model
def test_a_concern_or_promise_someone_voices_reports_its_that_clause(nlp):
    text = (
        "T\n\nCharities have raised concerns that the new rules would split many families.\n\n"
        "Ann Hale made a promise that the new rules would protect children."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("the new rules would split many families", "Charities"),
        ("the new rules would protect children", "Ann Hale"),
    ]


@pytest.mark.model
def test_a_concern_nobody_voices_reports_nothing(nlp):
    assert analyze("T\n\nThere is growing concern that the new rules would split many families.", nlp=nlp).quotes == ()


@pytest.mark.model
def test_a_letter_or_placard_that_read_words_is_their_source_and_reading_a_report_reports_nothing(nlp):
    text = 'T\n\nThe letter read: "We cannot accept this plan."\n\nAnn Hale read the report on Monday before the vote.'
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.text, q.speaker_name) for q in quotes] == [("We cannot accept this plan.", "The letter")]


@pytest.mark.model
def test_a_document_speaks_for_whoever_released_or_delivered_it(nlp):
    text = (
        "Report\n\nA 40-page analysis released by the Department of Rural Affairs last month reveals how fast "
        "the farms are closing.\n\nThe aim is to help small farms, according to a speech Mrs. Dorne delivered "
        "at the university in July."
    )
    assert _speakers(text, nlp) == ["The Department of Rural Affairs", "Mrs. Dorne"]


@pytest.mark.model
def test_a_possessive_pronoun_on_a_speech_noun_is_the_person_it_stands_for(nlp):
    text = (
        "Hearing\n\nDr. Ann Hale was the camp's doctor. According to her account, the water ran out on the third "
        "day.\n\nSenator Tom Reyes said he had his concerns about “lawyers trying to get rich” from the case."
    )
    quotes = analyze(text, published=date(2016, 9, 22), nlp=nlp).quotes
    assert [(q.text[:14], q.speaker_name) for q in quotes] == [
        ("the water ran ", "Ann Hale"),
        ("he had his con", "Tom Reyes"),
        ("lawyers trying", "Tom Reyes"),
    ]


@pytest.mark.model
def test_a_second_speech_verb_sharing_the_subject_reports_its_own_object(nlp):
    text = (
        "Camp\n\nBut Ann Hale and other residents say the process is hardly voluntary, and accuse the "
        "government of forcing families back to an unsafe country."
    )
    quotes = analyze(text, published=date(2016, 10, 1), nlp=nlp).quotes
    assert [(q.text[:22], q.speaker_name, q.cue) for q in quotes] == [
        ("the process is hardly ", "Ann Hale", "say"),
        ("the government of forc", "Ann Hale", "accuse"),
    ]


@pytest.mark.model
def test_a_second_verb_after_a_hedged_first_one_reports_nothing(nlp):
    text = "Camp\n\nAnn Hale will say the process is unfair and accuse the government of lying."
    assert analyze(text, published=date(2016, 10, 1), nlp=nlp).quotes == ()


@pytest.mark.model
def test_a_number_of_people_is_a_group_that_speaks_not_a_statistic(nlp):
    text = "Amnesty row\n\nA number of Republicans accused the president of preparing an illegal amnesty."
    (quote,) = analyze(text, published=date(2014, 11, 20), nlp=nlp).quotes
    assert quote.speaker_name == "A number of Republicans" and quote.text.startswith("the president of preparing")


@pytest.mark.model
def test_a_verb_after_a_long_apposition_is_the_sentences_verb_though_parsed_as_a_participle(nlp):
    text = (
        "Senate debate\n\nSenator Ann Hale, a Vermont Republican who supports the plan, called on Tom Reyes "
        "and Lee Moss to do more to convince members of their party."
    )
    (quote,) = analyze(text, published=date(2007, 4, 20), nlp=nlp).quotes
    assert quote.speaker_name == "Ann Hale" and quote.text.startswith("Tom Reyes and Lee Moss to do more")


@pytest.mark.model
def test_a_second_report_with_its_own_subject_reports_its_own_object_and_suggest_reports_an_infinitive(nlp):
    text = (
        "Detention report\n\nThe report finds that abuse is common, and the Committee calls upon the Home Office "
        "to meet its obligations to the people it detains.\n\nMinister Tom Reyes suggested to look at ways to "
        "enhance the surveillance already being undertaken by helicopter."
    )
    quotes = analyze(text, published=date(2019, 1, 28), nlp=nlp).quotes
    assert [(q.text[:20], q.cue) for q in quotes] == [
        ("abuse is common", "finds"),
        ("the Home Office to m", "calls"),
        ("to look at ways to e", "suggested"),
    ]


@pytest.mark.model
def test_a_second_speech_act_the_parser_hung_inside_the_first_ones_object_is_its_own_report(nlp):
    text = (
        "Ministers meet\n\nThe Ministers commended the work of the provinces to manage the situation and "
        "reaffirmed their support to help move the claimants who do not wish to remain in the city."
    )
    quotes = analyze(text, published=date(2018, 5, 1), nlp=nlp).quotes
    assert [(q.cue, q.text) for q in quotes] == [
        ("commended", "the work of the provinces to manage the situation"),
        ("reaffirmed", "their support to help move the claimants who do not wish to remain in the city"),
    ]


@pytest.mark.model
def test_apologised_for_reports_what_was_apologised_for(nlp):
    text = "Asylum\n\nThe opposition has apologised for the failure of its policy on asylum."
    (quote,) = analyze(text, published=date(2015, 8, 1), nlp=nlp).quotes
    assert (quote.speaker_name, quote.text) == ("The opposition", "the failure of its policy on asylum")
