"""Speech marked by layout, not quote marks: transcript turns and block quotes after "X said:"."""

from datetime import date

import pytest

from analysis.blocks import (
    block_after_intro,
    heading_says_after,
    is_heading,
    signed_quote,
    speaker_line,
    transcript_turns,
)
from analysis.ingest import classify_line
from analysis.pipeline import analyze
from analysis.quotes import split_paragraphs


def _paragraphs(text):
    return split_paragraphs(text)


def test_transcript_turn_runs_on_through_unlabelled_paragraphs_until_the_next_label():
    text = "Press conference\n\nJANE DOE: Welcome, everyone.\n\nWe are here to talk.\n\nQ: When?\n\nJANE DOE: Today."
    turns = transcript_turns(_paragraphs(text))
    assert [(t.label, [text[s:e] for s, e in t.pieces]) for t in turns] == [
        ("JANE DOE", ["Welcome, everyone.", "We are here to talk."]),
        ("Q", ["When?"]),
        ("JANE DOE", ["Today."]),
    ]
    assert turns[1].anonymous and not turns[0].anonymous


def test_one_capitalised_label_is_a_headline_not_a_transcript():
    assert transcript_turns(_paragraphs("BREAKING: Minister quits\n\nThe minister resigned today.")) == []


def test_block_quote_ends_at_a_heading_or_a_paragraph_in_quote_marks():
    text = "Title\n\nThe minister said:\n\nWe will act.\n\nIt is vital.\n\nKnife crime\n\nMore text."
    paras = _paragraphs(text)
    assert [text[s:e] for s, e in block_after_intro(paras, 1)] == ["We will act.", "It is vital."]
    text2 = "Title\n\nThe minister said:\n\n“We will act.”\n\nMore text."
    assert block_after_intro(_paragraphs(text2), 1) == []


def test_a_quote_opened_after_x_said_and_never_closed_runs_on_through_the_next_paragraphs():
    text = (
        "Title\n\nThe minister said:\n\n“The system is not working.\n\nIt is my belief that reform is needed.\n\n"
        "These changes include a faster process.\n\nNotes to editors\n\nMore text."
    )
    pieces = [text[s:e] for s, e in block_after_intro(_paragraphs(text), 1)]
    assert pieces == ["It is my belief that reform is needed.", "These changes include a faster process."]
    closed = "Title\n\nThe minister said:\n\n“We will act.\n\nIt is vital.”\n\nThe port reopened on Monday."
    assert [closed[s:e] for s, e in block_after_intro(_paragraphs(closed), 1)] == ["It is vital.”"]


def test_headings_are_short_lines_without_closing_punctuation():
    assert is_heading("Channel migrant crossings")
    assert not is_heading("Home Secretary Sajid Javid said:")
    assert not is_heading("We will act.")


@pytest.mark.model
def test_press_release_paragraphs_after_x_said_are_x_s_words(nlp):
    text = (
        "Minister visits port\n\nThe Home Secretary visited Dover on Monday.\n\n"
        "Home Secretary Jane Holloway said:\n\n"
        "Our borders must be secure, and we will stop the gangs.\n\n"
        "I am grateful to Border Force for their tireless work.\n\n"
        "Notes to editors\n\nThe scheme started in 2020."
    )
    result = analyze(text, published=date(2024, 3, 1), nlp=nlp)
    quotes = [(q.kind, q.speaker_name, q.text) for q in result.quotes]
    assert quotes == [
        ("direct", "Jane Holloway", "Our borders must be secure, and we will stop the gangs."),
        ("direct", "Jane Holloway", "I am grateful to Border Force for their tireless work."),
    ]


@pytest.mark.model
def test_transcript_turns_are_direct_quotes_of_the_labelled_speaker(nlp):
    text = (
        "Press conference\n\nJANE HOLLOWAY: Welcome, everyone. We are here to launch a plan.\n\n"
        "It will fix the system.\n\nJOURNALIST: Will numbers fall?\n\nJANE HOLLOWAY: Yes, they will fall."
    )
    result = analyze(text, nlp=nlp)
    quotes = [(q.speaker_name, q.text) for q in result.quotes]
    assert quotes[0] == ("Jane Holloway", "Welcome, everyone. We are here to launch a plan.")
    assert quotes[1] == ("Jane Holloway", "It will fix the system.")
    assert quotes[2] == ("Journalist", "Will numbers fall?")
    assert quotes[3] == ("Jane Holloway", "Yes, they will fall.")


@pytest.mark.model
def test_quote_over_several_paragraphs_takes_the_speaker_named_after_its_last(nlp):
    text = (
        "Boats intercepted\n\nThe minister spoke in Canberra.\n\n"
        "“The arrival of the boat is a reminder that the threat has not gone away.\n\n"
        "“All 17 people on board have been returned.\n\n"
        "“This should be a wake-up call for the opposition,” Mr Holloway said.\n\n"
        "Peter Holloway is the Minister for Home Affairs."
    )
    result = analyze(text, nlp=nlp)
    assert {q.speaker_name for q in result.quotes if q.kind == "direct"} == {"Peter Holloway"}


@pytest.mark.model
def test_headline_name_colon_claim_is_reported_speech_of_that_name(nlp):
    text = (
        "Lynch: No outside influence on FBI probe into Clinton emails\n\n"
        "Attorney General Loretta Lynch is reaffirming that the probe will be handled by career staff."
    )
    quotes = [(q.kind, q.speaker_name, q.text) for q in analyze(text, nlp=nlp).quotes]
    assert quotes[0] == ("indirect", "Loretta Lynch", "No outside influence on FBI probe into Clinton emails")


def test_a_label_like_headline_word_is_not_a_speaker():
    from analysis.blocks import headline_claim

    assert headline_claim("BREAKING: Minister resigns over visa scandal") is None
    assert headline_claim("Analysis: what the new rules mean for you") is None
    assert headline_claim("Darrell Scott: 'You find me an aberration'") is not None


@pytest.mark.model
def test_a_speaker_label_in_the_body_gives_the_words_after_it(nlp):
    text = (
        "Debate night\n\nThe panel discussed the tax plans of both candidates.\n\n"
        "Chris Matthews: Seriously, seriously about this, the tax plan will not work at all."
    )
    quotes = [(q.kind, q.speaker_name) for q in analyze(text, nlp=nlp).quotes]
    assert quotes == [("direct", "Chris Matthews")]


@pytest.mark.model
def test_interview_with_mixed_case_labels_and_a_role_label_for_a_named_speaker(nlp):
    text = (
        "Interview\n\nJane Host, Presenter: Joining me is the minister, Tom Ashby. Thanks for your time.\n\n"
        "Tom Ashby, Assistant Minister for Trade: Good morning, Jane.\n\n"
        "Host: What do we know about the attack today?\n\n"
        "Assistant Minister: We know very little so far, and the police will investigate it."
    )
    quotes = [(q.speaker_name, q.text[:14]) for q in analyze(text, nlp=nlp).quotes]
    assert quotes[-1] == ("Tom Ashby", "We know very l")
    assert quotes[1] == ("Tom Ashby", "Good morning, ")


@pytest.mark.model
def test_a_label_of_role_words_is_an_unnamed_speaker_of_that_role(nlp):
    text = (
        "Background call\n\nSENIOR ADMINISTRATION OFFICIAL: Hi, everybody. Thank you for joining.\n\n"
        "SENIOR ADMINISTRATION OFFICIAL: This afternoon the department sent its report to Congress."
    )
    assert {q.speaker_name for q in analyze(text, nlp=nlp).quotes} == {"Senior administration official"}


@pytest.mark.model
def test_quotes_attributable_to_a_minister_are_the_minister_s(nlp):
    text = (
        "Humanitarian program\n\nThe number of places will rise to 20,000.\n\n"
        "Quotes attributable to Minister for Immigration Andrew Giles\n\n"
        "“The Government reaffirms its commitment to those in need.”\n\n"
        "“Refugees have made an invaluable contribution to our country.”"
    )
    assert [q.speaker_name for q in analyze(text, nlp=nlp).quotes] == ["Andrew Giles", "Andrew Giles"]


def test_a_heading_that_ends_with_says_x_gives_the_claim_and_who_makes_it():
    text = "Asylum plan will fail, warn charities"
    (ns, ne), (cs, ce) = heading_says_after(text)
    assert (text[cs:ce], text[ns:ne]) == ("Asylum plan will fail", "charities")
    assert heading_says_after("Hotels, homes and camps") is None
    assert heading_says_after("The minister says the plan will work, but not yet") is None


def test_a_subheading_with_a_claim_is_article_content_and_a_video_caption_is_not():
    assert classify_line("Companies exploit program, say critics", first=False) == "heading"
    assert classify_line("WATCH: the minister arrives in Tirana", first=False) == "caption"


@pytest.mark.model
def test_a_subheading_claim_is_reported_speech_of_who_it_names(nlp):
    text = (
        "Visa program faces uncertainty\n\nCritics of the visa program have long argued that it is misused, "
        "and charities working with migrants agree.\n\nCompanies exploit program, say critics\n\n"
        "The program was created in 1990."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.kind, q.text, q.speaker_name) for q in quotes if q.text.startswith("Companies")] == [
        ("indirect", "Companies exploit program", "Critics")
    ]


@pytest.mark.model
def test_paragraphs_after_following_remarks_are_the_speakers_words(nlp):
    text = (
        "Minister on arrivals\n\n"
        "Minister Ann Hale delivered the following remarks during a press call.\n\n"
        "Thank you all for joining. Arrivals fell again in March.\n\n"
        "We have continued to enforce the law at the border."
    )
    quotes = analyze(text, published=date(2024, 4, 2), nlp=nlp).quotes
    assert [(q.text, q.kind, q.speaker_name) for q in quotes] == [
        ("Thank you all for joining. Arrivals fell again in March.", "direct", "Ann Hale"),
        ("We have continued to enforce the law at the border.", "direct", "Ann Hale"),
    ]


@pytest.mark.model
def test_a_report_inside_a_subordinate_clause_does_not_end_a_block_quote(nlp):
    text = (
        "Crossings\n\nA Home Office spokesperson said:\n\n"
        "Anyone crossing the Channel in a small boat is taking a huge risk.\n\n"
        "Since the Home Secretary declared a major incident in December, two cutters have returned to UK waters."
    )
    quotes = analyze(text, published=date(2019, 1, 10), nlp=nlp).quotes
    assert [q.speaker_name for q in quotes] == ["A Home Office spokesperson"] * 2


@pytest.mark.model
def test_a_headline_claim_before_a_dash_is_the_source_the_body_names(nlp):
    text = (
        "Borders Must Be Tightened - Minister\n\n"
        "A cabinet minister on Tuesday vowed tougher rules.\n\n"
        "Immigration Minister Tom Reyes told reporters the rules would come soon."
    )
    quotes = analyze(text, published=date(2022, 11, 1), nlp=nlp).quotes
    assert (quotes[0].text, quotes[0].kind, quotes[0].speaker_name) == (
        "Borders Must Be Tightened",
        "indirect",
        "Tom Reyes",
    )
    site = "Migrants cross the Channel - BBC News\n\nMinister Tom Reyes said the crossings were rising."
    assert [q.text for q in analyze(site, published=date(2022, 1, 1), nlp=nlp).quotes] == ["the crossings were rising"]


def test_a_speech_title_names_the_speaker_and_a_news_title_does_not():
    from analysis.blocks import speech_title

    def named(title):
        found = speech_title(title)
        return title[found[0] : found[1]] if found else None

    assert named("Remarks of Commissioner Ann Hale after the Home Affairs Council on 3 May 2016") == (
        "Commissioner Ann Hale"
    )
    assert named("Speech by the Prime Minister at the Migration Summit") == "the Prime Minister"
    assert named("Home Secretary's statement on small boats") == "Home Secretary"
    assert named("Latest statement in response to small boat crossings") is None
    assert named("Ministers agree new returns deal") is None


@pytest.mark.model
def test_every_paragraph_of_a_speech_page_is_the_speakers_and_the_dateline_is_not(nlp):
    text = (
        "Remarks of Commissioner Ann Hale after the Home Affairs Council on 3 May 2016\n\n"
        "Lisbon, 3 May 2016\n\n"
        "In today's Council we agreed on resettlement. This is a good day for Europe.\n\n"
        "Member States adopted a plan that confirms the figure of 20,000 places.\n\n"
        "We would have preferred a binding scheme."
    )
    quotes = analyze(text, published=date(2016, 5, 3), nlp=nlp).quotes
    assert [(q.text[:25], q.kind, q.speaker_name) for q in quotes] == [
        ("In today's Council we agr", "direct", "Ann Hale"),
        ("Member States adopted a p", "direct", "Ann Hale"),
        ("We would have preferred a", "direct", "Ann Hale"),
    ]


@pytest.mark.model
def test_a_news_story_under_a_speech_title_keeps_its_narrators_voice(nlp):
    text = (
        "Speech by Commissioner Ann Hale on asylum\n\n"
        "Commissioner Ann Hale said on Tuesday that the scheme had failed.\n\n"
        "Critics were unimpressed."
    )
    quotes = analyze(text, published=date(2016, 5, 3), nlp=nlp).quotes
    assert [(q.text, q.kind) for q in quotes] == [("the scheme had failed", "indirect")]


@pytest.mark.model
def test_a_lone_speaker_label_on_its_own_line_opens_a_doorstop_transcript(nlp):
    text = (
        "Doorstop Interview, Canberra\n\nANN HALE:\n\nI'm pleased to say the boats have stopped. Labor failed.\n\n"
        "We will keep the borders secure."
    )
    quotes = analyze(text, published=date(2016, 10, 10), nlp=nlp).quotes
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("I'm pleased to say the boats have stopped. Labor failed.", "Ann Hale"),
        ("We will keep the borders secure.", "Ann Hale"),
    ]


@pytest.mark.model
def test_one_label_in_a_gaggle_is_the_press_secretary_the_title_names(nlp):
    text = (
        "Gaggle by Press Secretary Tom Reyes en route to Phoenix\n\n"
        "MR. REYES:  Good afternoon, everybody. I want to note a couple of things.\n\n"
        "First, the President will meet local officials."
    )
    quotes = analyze(text, published=date(2014, 7, 9), nlp=nlp).quotes
    assert [q.speaker_name for q in quotes] == ["Tom Reyes", "Tom Reyes"]


@pytest.mark.model
def test_a_capitalised_dateline_under_an_interview_title_is_no_speaker(nlp):
    text = "Interview with the minister\n\nLONDON: The minister gave an interview on Tuesday about asylum."
    assert analyze(text, published=date(2016, 10, 10), nlp=nlp).quotes == ()


@pytest.mark.model
def test_a_members_speech_in_a_parliamentary_record_runs_to_the_next_members_line(nlp):
    text = (
        "Asylum (Returns) Bill\n\n"
        "Ann Hale, Chair, Home Affairs Committee\n\n"
        "I will address the narrower question of detention. This Bill repeals the old rules.\n\n"
        "The Government told the families who are here:\n\n"
        "“You are our neighbours. We want you to stay.”\n\n"
        "We do not want the new system to be a detention centre.\n\n"
        "Tom Reyes (Northfield) (Con)\n\n"
        "I disagree with the honourable Member."
    )
    quotes = analyze(text, published=date(2019, 1, 28), nlp=nlp).quotes
    assert [(q.text[:30], q.speaker_name) for q in quotes] == [
        ("I will address the narrower qu", "Ann Hale"),
        ("The Government told the famili", "Ann Hale"),
        ("You are our neighbours. We wan", "UK Government"),
        ("We do not want the new system ", "Ann Hale"),
        ("I disagree with the honourable", "Tom Reyes"),
    ]


@pytest.mark.model
def test_a_byline_above_a_first_person_column_is_no_members_speech(nlp):
    text = "Why I moved\n\nAnn Hale, Political Editor\n\nI moved to Leeds in 2010 and I never looked back."
    assert analyze(text, published=date(2019, 1, 28), nlp=nlp).quotes == ()


@pytest.mark.model
def test_a_title_name_the_body_gives_only_as_a_capitalised_label_is_that_speaker(nlp):
    text = (
        "Press Briefing by Press Secretary Jory Quillan en route Dallas\n\n"
        "MR. QUILLAN:  Good afternoon, everybody. I want to note a couple of things.\n\n"
        "First, the department is adding resources at the border."
    )
    result = analyze(text, published=date(2014, 7, 9), nlp=nlp)
    assert {q.speaker_name for q in result.quotes} == {"Jory Quillan"}


@pytest.mark.model
def test_a_speechs_salutation_is_part_of_the_speech(nlp):
    text = (
        "Remarks of Commissioner Ann Hale after the Home Affairs Council\n\n"
        "Ladies and Gentlemen,\n\n"
        "In today's Council we agreed on resettlement."
    )
    quotes = analyze(text, published=date(2016, 5, 3), nlp=nlp).quotes
    assert [q.text for q in quotes] == ["Ladies and Gentlemen,", "In today's Council we agreed on resettlement."]


@pytest.mark.model
def test_a_quote_signed_after_a_dash_is_the_signers_even_after_another_speakers_paragraph(nlp):
    text = (
        "Readers answer our question on the new visa rules\n\n"
        "Many readers wrote to us. Hale said the rules were fair.\n\n"
        "“The rules split families. I am angry and so are my neighbours.” ― Maria Okafor\n\n"
        "“We were promised a fair system and got a lottery.” ― Tom Reyes.\n\n"
        "“Nobody asked us.”― Ines Duarte.\n\n"
        "We will print more letters next week."
    )
    quotes = analyze(text, published=date(2016, 9, 27), nlp=nlp).quotes
    assert [(q.text[:9], q.speaker_name) for q in quotes if q.kind == "direct"] == [
        ("The rules", "Maria Okafor"),
        ("We were p", "Tom Reyes"),
        ("Nobody as", "Ines Duarte"),
    ]


@pytest.mark.model
def test_a_release_quote_signed_on_the_next_line_is_the_ministers_with_the_role_it_gives(nlp):
    text = (
        "Government announces new funding for asylum housing\n\n"
        "OTTAWA - The Government of Canada announced $50 million today to house asylum claimants.\n\n"
        "“Provinces are critical partners. This funding will keep people warm.”\n\n"
        "– The Honourable Sandra Kowal, Minister of Immigration, Refugees and Citizenship\n\n"
        "“Our city has welcomed newcomers for decades.”\n\n"
        "– Peter Lindqvist, Mayor of Halden"
    )
    result = analyze(text, published=date(2025, 3, 14), nlp=nlp)
    direct = {q.text[:8]: q.speaker_name for q in result.quotes if q.kind == "direct"}
    assert direct == {"Province": "Sandra Kowal", "Our city": "Peter Lindqvist"}
    roles = {s.name: s.role for s in result.speakers}
    assert roles["Sandra Kowal"] == "Minister of Immigration, Refugees and Citizenship"


def test_a_dash_inside_a_quote_paragraph_signs_nothing():
    paragraphs = split_paragraphs("Title\n\n“We lost – badly,” she said – and left.\n\nMore text.")
    assert signed_quote(paragraphs, 1) is None


@pytest.mark.model
def test_a_ministers_speech_under_hansards_office_and_name_line_is_the_ministers_in_that_office(nlp):
    text = (
        "Refugees from Ostland\n\n"
        "The Parliamentary Under-Secretary of State for the Home Department (Ann Hale)\n\n"
        "I welcome this debate. We are opening two new visa routes for families.\n\n"
        "As of this week, 39,000 applications have been started."
    )
    result = analyze(text, published=date(2022, 3, 16), nlp=nlp)
    assert [q.speaker_name for q in result.quotes] == ["Ann Hale", "Ann Hale"]
    assert {s.name: s.role for s in result.speakers}["Ann Hale"] == (
        "Parliamentary Under-Secretary of State for the Home Department"
    )
    assert result.quotes[0].stance.government == "supports"


@pytest.mark.model
def test_a_written_question_and_its_answer_are_each_members_words_though_not_in_the_first_person(nlp):
    text = (
        "International Protection\n\n"
        "Peter Dunn (Louth, Independent)\n\n"
        "202. To ask the Minister his views on the shortage of accommodation for refugees. [6397/23]\n\n"
        "Ann Hale (Dublin West, Labour Party)\n\n"
        "The Department is aware of its obligations to provide accommodation to applicants.\n\n"
        "Last year, over 15,000 people arrived seeking international protection."
    )
    quotes = analyze(text, published=date(2023, 2, 9), nlp=nlp).quotes
    assert [(q.text[:12], q.speaker_name) for q in quotes] == [
        ("202. To ask ", "Peter Dunn"),
        ("The Departme", "Ann Hale"),
        ("Last year, o", "Ann Hale"),
    ]
    assert quotes[2].stance.about_migration


def test_a_name_in_brackets_after_words_that_name_no_office_opens_no_speech():
    assert speaker_line("The Daily Courier Weekend Edition (Ann Hale)") is None
    assert speaker_line("Ann Hale (left)") is None  # a photo caption
    found = speaker_line("The Minister for Immigration (Ann Hale)")
    assert found is not None and found.role == "The Minister for Immigration"


@pytest.mark.model
def test_a_transcript_quoted_whole_gives_each_turn_to_its_label_once(nlp):
    text = (
        "Interview\n\nGovernor Ann Hale spoke to host Tom Reyes on Sunday.\n\n"
        '"REYES: Do you really see those two as equivalent?\n\n'
        '"HALE: Well, look, the plan will fail. It is a serious business.\n\n'
        '"REYES: Governor, I do not want to interrupt.'
    )
    quotes = analyze(text, published=date(2016, 9, 25), nlp=nlp).quotes
    assert [(q.text[:10], q.speaker_name) for q in quotes] == [
        ("Do you rea", "Tom Reyes"),
        ("Well, look", "Ann Hale"),
        ("Governor, ", "Tom Reyes"),
    ]


@pytest.mark.model
def test_a_members_line_with_seat_party_and_office_or_a_bare_name_opens_that_members_speech(nlp):
    text = (
        "Questions without Notice: Asylum Seekers\n\n"
        "Ann Hale (Northfield, Australian Labor Party, Leader of the Opposition)\n\n"
        "My question is to the Prime Minister. Will he offer more places to refugees?\n\n"
        "Tom B. Reyes\n\n"
        "I thank the Leader of the Opposition. We will always help people in trouble."
    )
    quotes = analyze(text, published=date(2015, 9, 7), nlp=nlp).quotes
    assert [(q.text[:12], q.speaker_name) for q in quotes] == [
        ("My question ", "Ann Hale"),
        ("I thank the ", "Tom B. Reyes"),
    ]
    assert quotes[1].stance.about_migration  # the title says what the debate is about


def test_a_bare_name_line_is_a_members_line_but_a_byline_is_not():
    found = speaker_line("Stuart C. McDonald")
    assert found is not None and found.bare
    assert speaker_line("By Ann Hale") is None


@pytest.mark.model
def test_a_name_alone_under_a_quoted_passage_signs_it_and_opens_no_speech(nlp):
    text = (
        "A year of the new visa rules\n\n"
        "A year ago the President changed the rules. In an address, the President reminded us that:\n\n"
        "Our tradition of welcoming newcomers has made us strong.\n\n"
        "President Ann Hale\n\n"
        "Our office has since processed the claims of many families."
    )
    quotes = analyze(text, published=date(2015, 11, 20), nlp=nlp).quotes
    assert [q.text[:12] for q in quotes] == ["Our traditio"]
