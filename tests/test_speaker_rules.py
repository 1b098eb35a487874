"""Who a speaker is: descriptions, unnamed sources, shares of voters, surnames and offices, on
short articles run through the whole pipeline."""

from datetime import date

import pytest

from analysis.pipeline import analyze


@pytest.mark.model
def test_a_party_possessive_before_a_name_gives_the_party_not_a_new_name(nlp):
    text = "Title\n\nLabour’s Jane Doe said the plan would fail."
    result = analyze(text, published=date(2025, 6, 1), nlp=nlp)
    (quote,) = result.quotes
    assert quote.speaker_name == "Jane Doe" and result.speaker(quote.speaker_id).party == "Labour"


@pytest.mark.model
def test_a_description_by_role_is_the_person_the_article_gave_that_role(nlp):
    text = (
        "Title\n\nMaria Lopez, a Houston resident, lost her job.\n\n"
        "The Houston resident said the raids had terrified her neighbours."
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "Maria Lopez"


@pytest.mark.model
def test_a_description_by_candidacy_or_creed_is_the_person_the_copy_is_about(nlp):
    text = (
        "Title\n\nBernie Sanders held a rally in Springfield that drew 5,000 people. "
        "The self-described democratic socialist said he would win the primary if turnout were high.\n\n"
        "Hillary Clinton spoke in Toledo. The Democratic presidential nominee said every child deserved a chance."
    )
    first, second = analyze(text, nlp=nlp).quotes
    assert first.speaker_name == "Bernie Sanders"
    assert second.speaker_name == "Hillary Clinton"


@pytest.mark.model
def test_a_description_picks_up_the_latest_subject_not_the_latest_name(nlp):
    text = (
        "Title\n\nDonald Trump, appearing after Hillary Clinton at the forum, cited problems he blamed on "
        "President Obama and Clinton.\n\n"
        "The billionaire businessman said running for president is tough."
    )
    quote = analyze(text, nlp=nlp).quotes[-1]
    assert quote.text == "running for president is tough" and quote.speaker_name == "Donald Trump"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "A producer for Yahoo Studios told The New York Times that the interview was off.",
            "A producer for Yahoo Studios",
        ),
        ("A person familiar with the planning said the meeting would go ahead.", "A person familiar with the planning"),
        ("Sources close to her campaign said she would run again.", "Sources close to her campaign"),
        (
            "About four in 10 South Carolina voters said the economy mattered most.",
            "About four in 10 South Carolina voters",
        ),
    ],
)
@pytest.mark.model
def test_unnamed_sources_and_shares_of_voters_are_speakers_in_their_own_words(nlp, sentence, speaker):
    (quote,) = analyze("Title\n\n" + sentence, nlp=nlp).quotes
    assert quote.kind == "indirect" and quote.speaker_name == speaker


@pytest.mark.model
def test_a_described_surname_is_the_person_of_that_name(nlp):
    text = "Title\n\nJohn Kasich spoke in Ohio. The more moderate Kasich said he would stay in the race."
    (quote,) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "John Kasich"


@pytest.mark.model
def test_a_share_of_a_group_is_a_group_speaker(nlp):
    (quote,) = analyze("Title\n\nSix in 10 Virginia voters said Clinton is honest and trustworthy.", nlp=nlp).quotes
    assert quote.text == "Clinton is honest and trustworthy" and quote.speaker_name == "Six in 10 Virginia voters"


@pytest.mark.model
def test_an_office_the_registry_does_not_know_is_still_a_speaker(nlp):
    text = "Title\n\nPoland's prime minister said the pact would not be imposed on Poland."
    (quote,) = analyze(text, published=date(2025, 6, 1), nlp=nlp).quotes
    assert quote.speaker_name == "Poland's prime minister"


@pytest.mark.model
def test_a_quoted_clause_after_a_possessive_is_not_the_possessor_s_words(nlp):
    text = (
        "Title\n\nHillary Clinton spoke in New York.\n\n"
        "Chris Philp, the shadow home secretary, said Hillary Clinton’s “entire visit is pure theatre”.\n\n"
        "Donald Trump attacked Hillary Clinton’s “basket of deplorables” at a rally."
    )
    quotes = [(q.speaker_name, q.text) for q in analyze(text, nlp=nlp).quotes if q.kind == "direct"]
    assert quotes == [("Chris Philp", "entire visit is pure theatre"), ("Hillary Clinton", "basket of deplorables")]


@pytest.mark.model
def test_a_bare_surname_the_tagger_missed_is_still_that_person(nlp):
    text = (
        "Title\n\nBernie Sanders and Hillary Clinton met in Milwaukee. Barack Obama said the party was united. "
        "Hillary Clinton is telling voters she can win.\n\n"
        "Sanders is pushing back, questioning Clinton’s judgment in supporting the war in Iraq.\n\n"
        "He asks, “Do we really feel confident about a candidate saying she is going to bring change?”"
    )
    quote = analyze(text, nlp=nlp).quotes[-1]
    assert quote.kind == "direct" and quote.speaker_name == "Bernie Sanders"


@pytest.mark.model
def test_a_spokesperson_is_a_speaker_of_their_own_speaking_for_the_organisation(nlp):
    text = "Crime figures\n\nA Home Office spokesperson said the police must take every crime seriously."
    result = analyze(text, nlp=nlp)
    (quote,) = result.quotes
    assert quote.speaker_name == "A Home Office spokesperson"
    speaker = result.speaker(quote.speaker_id)
    assert speaker.kind == "person" and speaker.registry_id is None


@pytest.mark.model
def test_coordinated_subject_is_one_speaker_with_every_conjunct(nlp):
    text = (
        "Camp\n\nU.N. officials and relief workers here say more than 70 percent of the people are women and children."
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "U.N. officials and relief workers here"


@pytest.mark.model
def test_an_aside_after_a_description_is_not_part_of_its_name(nlp):
    text = (
        "Court case\n\nThe lawsuit, filed in Portland by civil rights groups, alleges the administration broke the law."
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "The lawsuit"


@pytest.mark.model
def test_a_title_and_the_name_beside_it_give_the_named_person(nlp):
    text = "Borders\n\nThe Minister for Home Affairs Peter Dutton said the measures would secure the coast."
    (quote,) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "Peter Dutton"


@pytest.mark.model
def test_a_possessor_before_a_role_is_not_the_speaker(nlp):
    text = "Emails\n\nCarter’s press secretary, Peter Cook, told the Times that Carter regrets the mistake."
    (quote,) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "Peter Cook"


@pytest.mark.model
def test_a_surname_the_tagger_missed_still_introduces_its_speaker_for_later_pronouns(nlp):
    text = (
        "Title\n\nSebastian Gorka, a former adviser, spoke to the conference on Friday alongside John Bolton.\n\n"
        "“Let’s boil it down to the essentials,” Gorka declared.\n\n"
        "“I have met Mr. Trump on more than one occasion,” he continued."
    )
    quotes = [q.speaker_name for q in analyze(text, nlp=nlp).quotes]
    assert quotes == ["Sebastian Gorka", "Sebastian Gorka"]


@pytest.mark.model
def test_a_campaign_or_office_speaks_for_its_owner_but_is_not_its_owner(nlp):
    text = (
        "Title\n\nHillary Clinton spoke in Iowa on Monday.\n\n"
        "Her campaign said she would attend the debate in New Hampshire on Friday.\n\n"
        "Bernie Sanders’ campaign says it raised more than $21 million in January."
    )
    quotes = [q.speaker_name for q in analyze(text, nlp=nlp).quotes]
    assert quotes == ["Hillary Clinton’s campaign", "Bernie Sanders’ campaign"]


@pytest.mark.model
def test_a_description_the_article_never_names_speaks_as_itself(nlp):
    text = (
        "Title\n\nTrump was asked about the police.\n\n"
        '"There are many who argue that phones now show what has been happening," the moderator said.\n\n'
        '"It was very nice," the gambling tycoon told Reuters in a rare interview.'
    )
    first, second = analyze(text, nlp=nlp).quotes
    assert first.speaker_name == "The moderator"
    assert second.speaker_name == "The gambling tycoon"


@pytest.mark.model
def test_he_skips_a_woman_whose_first_name_only_the_name_table_knows(nlp):
    text = (
        "Title\n\nMegyn Kelly interviewed Donald Trump on Tuesday. Kelly asked about his remarks.\n\n"
        '"I never said that, and everybody knows it," he said.'
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "Donald Trump"


@pytest.mark.model
def test_the_person_in_apposition_to_a_description_is_the_speaker_not_the_names_inside_it(nlp):
    text = (
        "Title\n\nClinton’s Democratic opponent, Vermont Sen. Bernie Sanders, also praised the actions "
        'as "a step forward for the country."\n\n'
        "The head of the major Super PAC backing former Florida Gov. Jeb Bush for president, Mike Murphy, "
        'praised the efforts of a donor as "a brilliant idea for the campaign."\n\n'
        'The Minister for Home Affairs, Peter Dutton, said the boats "would be turned back every single time."'
    )
    speakers = {q.speaker_name for q in analyze(text, nlp=nlp).quotes}
    assert speakers == {"Bernie Sanders", "Mike Murphy", "Peter Dutton"}


@pytest.mark.model
def test_a_she_inside_a_quote_does_not_make_the_speaker_a_woman(nlp):
    text = (
        "Title\n\nHillary Clinton spoke in Ohio on Monday.\n\n"
        "Bolton said that voters were wrong. “I think she is wrong on national security, as she always was,” he said."
    )
    quotes = analyze(text, nlp=nlp).quotes
    assert [q.speaker_name for q in quotes if q.kind == "direct"] == ["Bolton"]


@pytest.mark.model
def test_a_first_name_and_surname_the_tagger_left_untagged_are_a_person(nlp):
    text = (
        "Networks cut away\n\nFox News’ Bret Baier noticed that none of the networks cut away for Clinton. "
        'He commented that "that was the right call for our viewers."'
    )
    (quote, *_) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "Bret Baier"


@pytest.mark.model
def test_a_who_clause_hung_on_a_description_is_the_person_described(nlp):
    text = (
        "Title\n\n“That may be of concern to people in the community,” said Alan Berger, a gynecologist "
        "from Englewood, New Jersey, who said he is friendly with the family."
    )
    assert {q.speaker_name for q in analyze(text, nlp=nlp).quotes} == {"Alan Berger"}


@pytest.mark.model
def test_a_name_that_only_modifies_the_subject_does_not_speak(nlp):
    text = (
        "Title\n\nNumerous military veterans interviewed at Trump rallies in South Carolina this week said "
        "they had no problem with the comments."
    )
    (quote,) = analyze(text, nlp=nlp).quotes
    assert quote.speaker_name == "Numerous military veterans"


@pytest.mark.model
def test_a_headline_question_and_a_possessive_do_not_make_new_people(nlp):
    text = (
        "Game over. Will Sanders come down off the pique?\n\n"
        "After Tuesday night, Bernie Sanders's chance of winning the nomination is slim.\n\n"
        'Sanders said he would "fight on to the convention in July, whatever the count."'
    )
    result = analyze(text, nlp=nlp)
    assert {s.name for s in result.speakers} == {"Bernie Sanders"}


@pytest.mark.model
def test_a_person_the_tagger_took_for_an_organisation_is_still_she(nlp):
    text = (
        "Title\n\nCarly Fiorina spoke in Iowa on Monday about her years at the company.\n\n"
        '"What kept me going during that time," she said, "is that I knew these people were capable of more."'
    )
    assert {q.speaker_name for q in analyze(text, nlp=nlp).quotes} == {"Carly Fiorina"}


def test_one_member_of_a_party_described_without_a_name_is_a_person_not_the_party():
    from analysis.speaker_phrases import phrase_kind

    assert phrase_kind("one New Hampshire Democrat") == "person"
    assert phrase_kind("another New Hampshire Republican") == "person"
    assert phrase_kind("a Tory backbencher") == "person"
    assert phrase_kind("New Hampshire Democrats") == "group"


@pytest.mark.model
def test_the_senator_is_the_person_titled_senator_not_the_host_who_spoke_last(nlp):
    text = (
        "Title\n\nSen. Bernie Sanders appeared on CNN on Sunday with Gloria Borger.\n\n"
        '"I am running against the establishment," Sanders remarked.\n\n'
        '"That would be you?" Borger asked.\n\n'
        '"That would be me, yes. I think that\'s probably right," the senator said.'
    )
    names = [q.speaker_name for q in analyze(text, nlp=nlp).quotes]
    assert names == ["Bernie Sanders", "Gloria Borger", "Bernie Sanders"]


@pytest.mark.model
def test_a_pronoun_inside_the_quote_does_not_make_its_referent_the_described_speaker(nlp):
    text = (
        "Title\n\nDonald Trump attacked Hillary Clinton on Monday for her speech.\n\n"
        "“I was curious to see whether she’d do a class act and not mention my name,” the Republican "
        "nominee said at a rally."
    )
    quote = analyze(text, nlp=nlp).quotes[-1]
    assert (quote.speaker_name, quote.cue) == ("Donald Trump", "said")


def test_the_republican_party_is_a_name_not_a_description_of_someone():
    from analysis.mentions import _descriptions

    found = [m[3] for m in _descriptions("He said the Republican Party was fine. The Republican said so.")]
    assert found == ["Republican"]


@pytest.mark.model
def test_a_social_platform_the_tagger_calls_a_person_is_never_the_speaker_a_pronoun_names(nlp):
    text = (
        "Title\n\nJane Whitfield, a former aide to the governor, joined in when she took to Twitter.\n\n"
        "“Someone should publish the list. I will do it myself,” she tweeted."
    )
    analysis = analyze(text, nlp=nlp)
    assert [q.speaker_name for q in analysis.quotes] == ["Jane Whitfield"]
    assert "Twitter" not in {s.name for s in analysis.speakers}


@pytest.mark.model
def test_a_president_of_an_earlier_term_is_known_by_the_registry_on_that_date(nlp):
    text = "Title\n\nPresident Obama said the new actions would keep families together."
    analysis = analyze(text, published=date(2015, 11, 20), nlp=nlp)
    speaker = next(s for s in analysis.speakers if s.id == analysis.quotes[0].speaker_id)
    assert (speaker.name, speaker.party, speaker.country) == ("Barack Obama", "Democratic", "US")


@pytest.mark.model
def test_those_a_clause_describes_are_a_group_named_with_that_clause(nlp):
    text = (
        "Title\n\nThose close to the governor said he would sign the bill.\n\n"
        "But those who back the rival plan say the attention has hurt the campaign.\n\n"
        "By a wide margin, those surveyed said the economy should come first."
    )
    assert [q.speaker_name for q in analyze(text, nlp=nlp).quotes] == [
        "Those close to the governor",
        "Those who back the rival plan",
        "Those surveyed",
    ]


@pytest.mark.model
def test_it_as_the_subject_of_a_speech_verb_is_the_organisation_before_it(nlp):
    text = (
        "Title\n\nThe UNHCR published new arrival figures on Tuesday. It also appealed for $45 million in fresh "
        "funding for shelters in the region."
    )
    a = analyze(text, published=date(2015, 11, 3), nlp=nlp)
    names = {s.id: s.name for s in a.speakers}
    assert [names[q.speaker_id] for q in a.quotes] == ["UNHCR"]
    assert next(n for n in a.numbers if "45" in n.text).cited_by == a.quotes[0].speaker_id


@pytest.mark.model
def test_it_inside_what_an_organisation_said_leaves_the_organisation_the_speaker(nlp):
    text = (
        "Title\n\nThe European Commission said it was preparing countermeasures and would respond "
        "“in a proportionate way” if talks failed."
    )
    a = analyze(text, published=date(2025, 4, 3), nlp=nlp)
    names = {s.id: s.name for s in a.speakers}
    assert a.quotes and {names[q.speaker_id] for q in a.quotes} == {"European Commission"}


@pytest.mark.model
def test_a_lede_describing_the_head_of_a_body_is_the_titled_person_the_next_paragraph_names(nlp):
    text = (
        "Title\n\nThe head of U.S. Customs and Border Protection is warning smugglers that their boats will be "
        "seized.\n\nOn a visit to Miami, Commissioner Ann Hale said she had met port officials.\n\n"
        "Later in the year, President Ray Dunn said the numbers had fallen."
    )
    a = analyze(text, published=date(2016, 8, 2), nlp=nlp)
    assert a.quotes[0].speaker_name == "Ann Hale"
    assert "Customs and Border Protection" in (a.speaker(a.quotes[0].speaker_id).role or "")


@pytest.mark.model
def test_a_lede_description_with_no_titled_person_after_it_stays_a_description(nlp):
    text = "Title\n\nThe head of the Refugee Council warned that the plan would fail.\n\nAnn Hale, a nurse, agreed."
    a = analyze(text, published=date(2016, 8, 2), nlp=nlp)
    assert a.quotes[0].speaker_name != "Ann Hale"


@pytest.mark.model
def test_the_countrys_leader_is_its_head_of_government_the_article_named(nlp):
    text = (
        "Title\n\nPresident Donald Trump met aides on Sunday. He said talks would go on.\n\n"
        "The U.S. leader said, “We will not sign a bill without money for the border.”"
    )
    a = analyze(text, published=date(2019, 1, 6), nlp=nlp)
    assert {q.speaker_name for q in a.quotes} == {"Donald Trump"}


@pytest.mark.model
def test_a_group_named_by_a_party_word_carries_that_party(nlp):
    text = "Title\n\nPresident Barack Obama spoke on Thursday. Republican lawmakers said they would block his plan."
    a = analyze(text, published=date(2014, 11, 20), nlp=nlp)
    (quote,) = a.quotes
    assert a.speaker(quote.speaker_id).party == "Republican"


@pytest.mark.model
def test_a_title_before_a_name_keeps_its_department_and_rank(nlp):
    text = (
        "Title\n\nAttorney General Jane Corbin announced the change on Tuesday. "
        "Acting Homeland Security Secretary Paul Dunmore said agents would enforce it."
    )
    roles = {s.name: s.role for s in analyze(text, published=date(2017, 9, 5), nlp=nlp).speakers}
    assert roles["Jane Corbin"] == "Attorney General"
    assert roles["Paul Dunmore"] == "Acting Homeland Security Secretary"


@pytest.mark.model
def test_an_attorney_general_named_by_title_speaks_for_the_government(nlp):
    text = (
        "Trump ends immigration program\n\nAttorney General Jane Corbin said the department would publish "
        "the new rules for immigration courts next week."
    )
    (quote,) = analyze(text, published=date(2017, 9, 5), nlp=nlp).quotes
    assert quote.stance.government == "supports"


@pytest.mark.model
def test_a_title_joined_by_of_and_for_is_read_whole(nlp):
    text = "Title\n\nMinister of State for Immigration Tom Ashby said the asylum plan would be published."
    (speaker,) = analyze(text, published=date(2021, 6, 1), nlp=nlp).speakers
    assert speaker.role == "Minister of State for Immigration"


@pytest.mark.model
def test_a_title_set_off_by_commas_before_a_name_is_the_persons_role(nlp):
    text = (
        "Title\n\nROME - Italy's interior minister, Marco Bellini, said the ports would stay closed.\n\n"
        "The Task Force Chair, Anna Ricci, said little. Deputy Minister and Task Force Chair, Paolo Verdi, spoke."
    )
    roles = {s.name: (s.role, s.country) for s in analyze(text, published=date(2019, 6, 1), nlp=nlp).speakers}
    assert roles["Marco Bellini"] == ("Italy's interior minister", "Italy")
    assert roles["Paolo Verdi"][0] != "Chair"  # only part of the phrase before the comma is a title


@pytest.mark.model
def test_a_generic_minister_title_in_another_countrys_copy_is_that_countrys_government(nlp):
    # "Immigration Minister" is also the label of a UK office: in Canadian copy it is Canada's minister
    text = (
        "Canada asylum claims\n\nOTTAWA - Immigration Minister Dan Fortier said the asylum claims of the "
        "Ontario families would be processed faster."
    )
    (quote,) = analyze(text, published=date(2018, 6, 1), nlp=nlp).quotes
    assert quote.stance.government == "supports"


@pytest.mark.model
def test_a_dateline_run_into_a_long_title_is_not_the_speaker(nlp):
    text = (
        "Canada asylum\n\nOTTAWA - Canada's Minister of Immigration, Refugees and Citizenship, Dan Fortier, "
        "said the asylum claims would be processed faster."
    )
    a = analyze(text, published=date(2018, 3, 1), nlp=nlp)
    (quote,) = a.quotes
    assert quote.speaker_name == "Dan Fortier"
    (speaker,) = [s for s in a.speakers if s.name == "Dan Fortier"]
    assert speaker.role == "Canada's Minister of Immigration, Refugees and Citizenship"


@pytest.mark.model
def test_a_title_runs_on_through_capitalised_words_after_for(nlp):
    text = (
        "Australia boats\n\nMinister for Immigration and Border Protection Tom Ashby said there had been no "
        "boats for six months.\n\nThe Task Force Chair, Ann Hale, said the review of the camps was finished."
    )
    roles = {s.name: s.role for s in analyze(text, published=date(2014, 6, 20), nlp=nlp).speakers}
    assert roles["Tom Ashby"] == "Minister for Immigration and Border Protection"
    assert roles["Ann Hale"] != "Chair"  # not a truncated "Task Force Chair"


@pytest.mark.model
def test_she_after_a_sentence_is_its_main_subject_not_a_name_in_a_subordinate_clause(nlp):
    text = (
        "Leave policy\n\nAnn Hale, who runs the family firm, told the Chronicle that she took off eight days "
        "in 2011 after her first child, Mia, was born.\n\n"
        "“The projects I was running required me to take a short leave,” she told the newspaper."
    )
    assert analyze(text, published=date(2016, 8, 1), nlp=nlp).quotes[-1].speaker_name == "Ann Hale"


@pytest.mark.model
def test_the_agent_of_a_passive_is_who_a_later_she_refers_to(nlp):
    text = (
        "Email row\n\nOfficials said the emails of Jane Corbin would be withheld.\n\n"
        "Corbin’s position was supported Friday by Sen. Ann Hale of Ohio, the ranking Democrat on the "
        "committee, who said none of the emails in question originated with Corbin.\n\n"
        "“It has never made sense to me that she can be held responsible,” she said in a statement."
    )
    assert analyze(text, published=date(2016, 1, 31), nlp=nlp).quotes[-1].speaker_name == "Ann Hale"


@pytest.mark.model
def test_a_name_inside_a_description_of_the_subject_is_not_the_subject(nlp):
    text = (
        "Delegates\n\nTom Reyes said delegates should switch to him.\n\n"
        "Rep. Paul M. Dorne (Mich.), a superdelegate supporting Obama, said he has spoken with many fellow "
        "superdelegates.\n\n"
        '"The reality is that most are committed to her," he said.'
    )
    a = analyze(text, published=date(2016, 5, 5), nlp=nlp)
    assert a.quotes[-1].speaker_name == "Paul M. Dorne"
    assert all(s.role is None or not s.role.lower().startswith("said") for s in a.speakers)


@pytest.mark.model
def test_they_after_a_sentence_about_a_group_is_that_group_though_it_had_not_spoken(nlp):
    text = (
        "Camps\n\nOfficials from the island have defended the detention camps. They say the camps deter "
        "smugglers. They say the camps also save lives at sea."
    )
    said = {q.text: q.speaker_name for q in analyze(text, published=date(2016, 3, 1), nlp=nlp).quotes}
    assert said.get("the camps deter smugglers") == "Officials from the island"
    assert said.get("the camps also save lives at sea") == "Officials from the island"
    storms = "Weather\n\nThe storms have hit the coast. They say the roads are closed."
    assert analyze(storms, published=date(2016, 3, 1), nlp=nlp).quotes == ()  # storms do not talk


@pytest.mark.model
def test_a_group_described_by_a_relative_clause_reports_in_the_present_tense(nlp):
    text = "Delegates\n\nGroups that have endorsed him say superdelegates should follow the voters."
    quotes = analyze(text, published=date(2016, 6, 9), nlp=nlp).quotes
    assert [(q.text, q.kind) for q in quotes] == [("superdelegates should follow the voters", "indirect")]
    assert quotes[0].speaker_name == "Groups"


@pytest.mark.model
def test_a_base_form_say_with_an_auxiliary_is_no_report(nlp):
    text = "Delegates\n\nThe delegates will say the vote was fair. Let them say what they want."
    assert analyze(text, published=date(2016, 6, 9), nlp=nlp).quotes == ()


@pytest.mark.model
def test_an_office_given_in_a_who_clause_is_the_persons_role(nlp):
    text = (
        "Visit\n\nTom Reyes, who was appointed as the Minister for Refugee Resettlement in September, said "
        "the families were settling well. Ann Hale, who was deported in 2010, said she was afraid."
    )
    roles = {s.name: s.role for s in analyze(text, published=date(2015, 10, 1), nlp=nlp).speakers}
    assert roles["Tom Reyes"] == "Minister for Refugee Resettlement"
    assert roles["Ann Hale"] is None


@pytest.mark.model
def test_a_middle_initial_does_not_hide_a_person_the_registry_knows(nlp):
    text = "Border\n\nSecretary Alejandro N. Mayorkas said the border was not open."
    speakers = analyze(text, published=date(2023, 1, 16), nlp=nlp).speakers
    assert [(s.name, s.party) for s in speakers] == [("Alejandro Mayorkas", "Democratic")]


@pytest.mark.model
def test_a_lede_description_is_the_person_the_next_paragraph_names_with_that_title(nlp):
    text = (
        "Ministers\n\nA British cabinet minister on Tuesday vowed tougher rules on small boats.\n\n"
        "Immigration Minister Tom Reyes told reporters the rules would come within weeks.\n\n"
        "A Labour senator said the bill was dead.\n\n"
        "Sen. Ann Hale said she would vote for it."
    )
    said = {q.text: q.speaker_name for q in analyze(text, published=date(2022, 11, 1), nlp=nlp).quotes}
    assert said["tougher rules on small boats"] == "Tom Reyes"
    assert said["the bill was dead"] == "A Labour senator"  # outside the lede: no guess


@pytest.mark.model
def test_a_speech_verb_the_tagger_read_as_a_noun_still_reports(nlp):
    text = (
        "Summit\n\nMEPs urge EU leaders to work out a solution to the impasse on asylum.\n\n"
        "Ahead of the summit, MEPs underline that Europe needs a common asylum system."
    )
    said = {q.text: q.speaker_name for q in analyze(text, published=date(2018, 6, 28), nlp=nlp).quotes}
    assert said == {
        "EU leaders to work out a solution to the impasse on asylum": "MEPs",
        "Europe needs a common asylum system": "MEPs",
    }


@pytest.mark.model
def test_what_someones_signed_order_says_is_theirs_though_the_tagger_missed_the_name(nlp):
    text = (
        "Asylum\n\nPresident Joe Biden signed the order on Tuesday. Biden’s executive order says those who "
        "cross into the country illegally won’t be eligible for asylum."
    )
    quotes = analyze(text, published=date(2024, 6, 5), nlp=nlp).quotes
    assert [(q.kind, q.speaker_name) for q in quotes] == [("indirect", "Joe Biden")]


@pytest.mark.model
def test_a_woman_first_named_by_surname_in_the_headline_is_she_once_her_first_name_is_given(nlp):
    from analysis.parsing import parse_paragraphs
    from analysis.quotes import split_paragraphs
    from analysis.registry import load_registry
    from analysis.speakers import Parsed, SpeakerBook

    text = "Former chairman calls for Okafor contingency plan.\n\nThe party needs a successor for Ann Okafor."
    paragraphs = split_paragraphs(text)
    docs = parse_paragraphs(nlp, [p.text for p in paragraphs])
    book = SpeakerBook(text, [Parsed(d, p.start) for d, p in zip(docs, paragraphs)], load_registry(), None, [], [])
    (okafor,) = [e for e in book.entities if "Okafor" in e.name]
    assert okafor.name == "Ann Okafor" and okafor.gender == "f"


@pytest.mark.model
def test_the_two_ministers_are_the_pair_named_before_and_the_first_of_them_speaks(nlp):
    text = (
        "Ministers meet\n\n"
        "Home Secretary Ann Hale spoke with French Interior Minister Tom Reyes on Friday.\n\n"
        "The two Ministers agreed that their teams should continue to discuss ways to disrupt the gangs.\n\n"
        "Senators Lisa Marlow (R-Alaska) and Jean Sharp (D-N.H.) wrote to the agency on Tuesday.\n\n"
        "The Senators said the notices had caused alarm."
    )
    quotes = analyze(text, published=date(2019, 6, 7), nlp=nlp).quotes
    assert [q.speaker_name for q in quotes] == ["Ann Hale", "Lisa Marlow"]


@pytest.mark.model
def test_senators_nobody_named_together_stay_a_group(nlp):
    text = "Visas\n\nAnn Hale runs the program.\n\nThe senators said the program was economic gerrymandering."
    (quote,) = analyze(text, published=date(2016, 9, 12), nlp=nlp).quotes
    assert quote.speaker_name == "The senators"


@pytest.mark.model
def test_a_headline_acronym_is_the_organisation_the_story_names_in_full(nlp):
    text = (
        "RAC: Offshore Refugee Policy Cruel\n\n"
        "The Refugee Action Coalition has criticised the offshore camps in a report released on Monday."
    )
    quotes = analyze(text, published=date(2014, 1, 21), nlp=nlp).quotes
    assert quotes[0].text == "Offshore Refugee Policy Cruel"
    assert quotes[0].speaker_name == "The Refugee Action Coalition"


@pytest.mark.model
def test_the_group_or_the_department_is_the_organisation_named_just_before(nlp):
    text = (
        "Camps\n\nThe Refugee Action Coalition has criticised the offshore camps. "
        "The group said the detention policy was cruel and had to end.\n\n"
        "The Home Office has defended the camps. The department said the policy was working as intended."
    )
    quotes = analyze(text, published=date(2014, 1, 21), nlp=nlp).quotes
    said = {q.text[:12]: q.speaker_name for q in quotes}
    assert said["the detentio"] == "The Refugee Action Coalition" and said["the policy w"] == "Home Office"


@pytest.mark.model
def test_the_union_is_never_a_company_named_before(nlp):
    text = (
        "Mine\n\nPeabody Energy sold the mine to Arch Coal last year. "
        "The union said the new owner would keep the mine open for years."
    )
    (quote,) = analyze(text, published=date(2016, 10, 2), nlp=nlp).quotes
    assert quote.speaker_name == "The union"


JOINT = (
    "Bill\n\nHome Secretary Ann Hale spoke with French Interior Minister Tom Reyes on Friday.\n\n"
    "The two Ministers agreed that their teams should keep working on ways to disrupt the gangs.\n\n"
    "Chairman Jerry Nadell and chairwoman Zoe Lofton said the bill would fail.\n\n"
    "Dunn, a speechwriter for Nadell and Lofton, wrote that the rule was unlawful."
)


@pytest.mark.model
def test_a_joint_statement_records_the_other_speakers_and_an_apposition_does_not(nlp):
    quotes = analyze(JOINT, published=date(2019, 6, 7), nlp=nlp).quotes
    assert [(q.speaker_name, q.co_speaker_ids) for q in quotes] == [
        ("Ann Hale", ("tom-reyes",)),
        ("Jerry Nadell", ("zoe-lofton",)),
        ("Dunn", ()),
    ]


@pytest.mark.model
def test_the_hover_text_names_a_joint_statements_other_speakers(nlp):
    from ui.article_html import quote_tooltip

    result = analyze(JOINT, published=date(2019, 6, 7), nlp=nlp)
    assert quote_tooltip(result.quotes[0], result).splitlines()[0] == "Ann Hale (with Tom Reyes)"


@pytest.mark.model
def test_reassigning_a_joint_statement_leaves_one_speaker(nlp):
    from analysis.corrections import Correction, apply

    result = analyze(JOINT, published=date(2019, 6, 7), nlp=nlp)
    q = result.quotes[0]
    fix = Correction(
        kind="reassign_speaker",
        article_id=result.article.id,
        start=q.start,
        end=q.end,
        text=q.text,
        value={"speaker_id": "tom-reyes", "name": "Tom Reyes"},
    )
    fixed = next(x for x in apply(result, [fix]).analysis.quotes if x.start == q.start)
    assert (fixed.speaker_id, fixed.co_speaker_ids) == ("tom-reyes", ())


@pytest.mark.model
def test_merging_a_co_speaker_into_another_speaker_renames_it_in_the_joint_statement(nlp):
    from analysis.corrections import Correction, apply

    result = analyze(JOINT, published=date(2019, 6, 7), nlp=nlp)
    merge = Correction(
        kind="merge_speakers",
        article_id=result.article.id,
        speaker_id="tom-reyes",
        value={"into_id": "dunn", "into_name": "Dunn"},
    )
    first = apply(result, [merge]).analysis.quotes[0]
    assert (first.speaker_id, first.co_speaker_ids) == ("ann-hale", ("dunn",))
