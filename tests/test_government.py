"""Who governs where and when (data/registry.json 'governments'), and which side a speaker is on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from analysis.government import SpeakerFacts, facts_of, incumbent, party_from_role, relation, sides
from analysis.pipeline import analyze
from analysis.records import Speaker
from analysis.registry import load_registry

REGISTRY = load_registry()
COVERED = (
    "UK",
    "US",
    "Ireland",
    "France",
    "Germany",
    "Italy",
    "Greece",
    "Poland",
    "Hungary",
    "Netherlands",
    "EU",
    "Australia",
    "Canada",
)


@pytest.mark.parametrize(
    ("country", "on", "head", "party"),
    [
        ("UK", date(2019, 1, 4), "Theresa May", "Conservative"),
        ("UK", date(2024, 7, 5), "Keir Starmer", "Labour"),
        ("UK", date(2012, 1, 1), "David Cameron", "Conservative"),
        ("US", date(2015, 11, 20), "Barack Obama", "Democratic"),
        ("US", date(2019, 12, 18), "Donald Trump", "Republican"),
        ("Australia", date(2018, 9, 9), "Scott Morrison", "Liberal"),
        ("Australia", date(2023, 12, 11), "Anthony Albanese", "Labor"),
        ("Germany", date(2016, 3, 1), "Angela Merkel", "CDU"),
        ("Ireland", date(2024, 5, 9), "Simon Harris", "Fine Gael"),
        ("Netherlands", date(2022, 8, 26), "Mark Rutte", "VVD"),
        ("Greece", date(2016, 3, 6), "Alexis Tsipras", "SYRIZA"),
        ("Poland", date(2017, 1, 1), "Beata Szydło", "PiS"),
        ("Hungary", date(2015, 9, 1), "Viktor Orbán", "Fidesz"),
        ("Canada", date(2020, 1, 1), "Justin Trudeau", "Liberal (Canada)"),
    ],
)
def test_the_incumbent_government_by_country_and_date(country, on, head, party):
    term = incumbent(country, on)
    assert (term.head, term.parties[0]) == (head, party)


def test_a_coalition_lists_every_party_holding_office_and_loses_one_that_leaves():
    assert incumbent("UK", date(2012, 1, 1)).parties == ("Conservative", "Liberal Democrats")
    assert "FDP" in incumbent("Germany", date(2023, 1, 1)).parties
    assert "FDP" not in incumbent("Germany", date(2025, 1, 1)).parties  # left on 7 November 2024


def test_every_covered_country_has_contiguous_terms_from_2010_to_today():
    for country in COVERED:
        terms = sorted(REGISTRY.governments[country], key=lambda t: t.start)
        assert terms[0].start <= date(2010, 6, 1), country
        assert terms[-1].end is None, country
        for before, after in zip(terms, terms[1:]):
            assert before.end == after.start, (country, before.id, after.id)


def test_every_governing_and_opposition_party_is_a_registry_party_of_that_country():
    for country, terms in REGISTRY.governments.items():
        for term in terms:
            for party in (*term.parties, *([term.opposition] if term.opposition else [])):
                assert REGISTRY.party_country(party) == country, (country, term.id, party)


def test_executive_offices_are_registry_offices():
    assert REGISTRY.executive_offices <= set(REGISTRY.offices)


def test_the_government_label_names_its_parties_and_head():
    assert incumbent("UK", date(2023, 1, 1)).label == "UK: Conservative government (Sunak)"
    assert incumbent("Canada", date(2025, 6, 1)).label == "Canada: Liberal government (Carney)"


def voice(where: str, on: date, **facts) -> str:
    return relation(SpeakerFacts("x", facts.pop("name", "X"), **facts), where, on).voice


def test_an_administration_official_outside_the_registry_speaks_for_the_government():
    assert voice("US", date(2019, 11, 6), role="State Department spokesperson") == "government"
    assert voice("UK", date(2019, 1, 4), role="Home Office spokesperson") == "government"


def test_the_border_czar_in_the_registry_speaks_for_the_administration_whatever_his_party():
    assert voice("US", date(2025, 6, 1), name="Tom Homan", role="Border czar") == "government"


def test_a_registry_organisation_of_the_government_is_its_voice():
    assert voice("UK", date(2025, 6, 1), name="Home Office", organisation=True, government_body=True) == "government"


def test_a_shadow_minister_outside_the_registry_gets_the_official_oppositions_party():
    assert party_from_role("Shadow immigration minister", "UK", date(2025, 6, 1)) == "Conservative"
    assert party_from_role("shadow immigration minister", "UK", date(2020, 6, 1)) == "Labour"
    assert voice("UK", date(2025, 6, 1), role="Shadow immigration minister") == "opposition"


def test_a_party_named_in_a_role_is_the_speakers_party():
    role = "Senator from Ms Meloni's Brothers of Italy party"
    assert party_from_role(role, "Italy", date(2024, 10, 19)) == "Brothers of Italy"
    assert party_from_role("expert on labour shortages", "UK", date(2024, 1, 1)) is None  # not a proper noun


def test_the_same_party_is_on_the_government_side_in_one_year_and_the_opposition_in_another():
    assert voice("UK", date(2023, 6, 1), role="Labour MP") == "opposition"
    assert voice("UK", date(2025, 6, 1), role="Labour MP") == "governing_party"
    assert voice("UK", date(2025, 6, 1), role="Conservative MP") == "opposition"


def test_former_ministers_and_ministers_of_other_countries_do_not_speak_for_this_government():
    assert voice("UK", date(2024, 1, 1), role="Former immigration minister", party="Conservative") == "governing_party"
    assert voice("UK", date(2025, 6, 1), role="French interior minister") == "foreign"
    assert voice("UK", date(2025, 6, 1), role="Prime Minister of Italy", country="Italy") == "foreign"


def test_advocates_statistics_bodies_committees_and_newspapers_have_their_own_voices():
    assert voice("UK", date(2025, 6, 1), role="Chief executive of the Refugee Council") == "advocate"
    assert voice("US", date(2019, 12, 18), name="Immigrant rights groups", organisation=True) == "advocate"
    assert voice("UK", date(2025, 6, 1), name="Office for National Statistics", organisation=True) == "neutral_body"
    assert voice("UK", date(2023, 10, 26), role="Chair of the Home Affairs Committee", party="Labour") == "neutral_body"
    assert voice("UK", date(2019, 1, 4), name="Telegraph", organisation=True) == "media"
    # "High Commissioner for Refugees" names an office, but the UN's, not a government's
    assert (
        voice("UK", date(2015, 6, 1), name="The U.N. High Commissioner for Refugees", organisation=True) != "government"
    )


def test_an_unknown_speaker_is_unknown():
    assert relation(None, "UK", date(2025, 6, 1)).voice == "unknown"
    assert voice("UK", date(2025, 6, 1), name="Jane Smith") == "unknown"


def test_an_undated_article_is_measured_against_todays_government_and_says_so():
    rel = relation(SpeakerFacts("x", "X"), "US", None)
    assert rel.government.end is None and not rel.dated


def test_sides_name_the_government_and_the_opposition_of_that_term():
    uk = sides(incumbent("UK", date(2025, 6, 1)))
    assert {"labour", "starmer", "government"} <= uk.government
    assert {"conservatives", "tories", "reform", "sunak"} <= uk.opposition
    assert not uk.government & uk.opposition


def test_facts_of_a_speaker_record_match_what_the_pipeline_passes():
    speaker = Speaker(
        id="home-office",
        name="Home Office",
        kind="organisation",
        role="UK interior ministry",
        country="UK",
        registry_id="home-office",
    )
    assert facts_of(speaker).government_body


def test_terms_do_not_overlap_so_every_day_has_one_government():
    for country in COVERED:
        day = date(2010, 6, 1)
        while day < date(2025, 12, 1):
            assert sum(t.covers(day) for t in REGISTRY.governments[country]) == 1, (country, day)
            day += timedelta(days=97)


HEADS_OF_GOVERNMENT = ("us_president", "uk_pm", "de_chancellor", "it_pm", "fr_president", "au_pm", "es_pm", "pl_pm")
HEADS_OF_GOVERNMENT += ("se_pm", "dk_pm", "ca_pm", "ie_taoiseach", "ec_president", "uk_home_secretary")


@pytest.mark.parametrize("office_id", HEADS_OF_GOVERNMENT)
def test_the_registry_knows_who_held_each_head_of_government_office_on_every_day_since_2015(office_id):
    registry = load_registry()
    office = registry.offices[office_id]
    day, gaps = date(2015, 1, 1), []
    while day < date(2025, 11, 1):
        if len(registry.holders(office, day)) != 1:
            gaps.append(day)
        day += timedelta(days=7)
    assert not gaps, f"{office_id}: {len(registry.holders(office, gaps[0]))} holders on {gaps[0]}"


def test_the_european_commission_speaks_for_the_eu_government_and_is_foreign_to_a_member_state():
    commission = Speaker(
        id="european-commission",
        name="European Commission",
        kind="organisation",
        role="Executive of the European Union",
        country="EU",
        registry_id="european-commission",
    )
    facts = facts_of(commission)
    assert relation(facts, "EU", date(2022, 6, 22)).voice == "government"
    assert relation(facts, "Italy", date(2022, 6, 22)).voice == "foreign"


def test_a_minister_of_another_european_country_is_foreign_not_this_government():
    assert voice("UK", date(2019, 1, 4), role="Czech Foreign Minister") == "foreign"
    assert voice("US", date(2019, 1, 4), role="Portuguese interior minister") == "foreign"


def test_a_un_high_commissioner_is_a_neutral_body_not_a_government_commissioner():
    assert voice("UK", date(2021, 6, 1), role="UN High Commissioner for Refugees") == "neutral_body"
    assert voice("UK", date(2021, 6, 1), role="High Commissioner for Refugees") == "neutral_body"
    assert voice("EU", date(2016, 3, 1), role="European Commissioner for Migration") == "government"


def test_governments_before_2009_are_known_for_archive_copy():
    assert incumbent("US", date(2007, 6, 23)).head == "George W. Bush"
    assert incumbent("UK", date(2005, 3, 1)).parties == ("Labour",)
    assert incumbent("Australia", date(2001, 9, 1)).head == "John Howard"
    assert incumbent("Ireland", date(2007, 9, 1)).parties == ("Fianna Fáil", "Green (Ireland)")
    assert incumbent("US", date(1999, 1, 1)) is None  # before the registry's reach: no guess


@pytest.mark.model
def test_a_story_about_a_call_with_a_french_counterpart_is_not_about_france(nlp):
    text = (
        "Home Secretary and French counterpart discuss small boats\n\n"
        "Home Secretary Ann Hale spoke with French Interior Minister Tom Reyes on Friday about crossings.\n\n"
        "Minister Reyes said France would add coastal patrols. Minister Reyes said France would buy drones. "
        "Minister Reyes said the French police would share intelligence.\n\n"
        "Ann Hale said: “I thank Minister Reyes for a productive conversation about the Channel crossings.”"
    )
    result = analyze(text, published=date(2019, 6, 7), nlp=nlp)
    hale = next(q for q in result.quotes if q.speaker_name == "Ann Hale")
    assert hale.stance.toward.startswith("uk-")


@pytest.mark.model
def test_a_story_about_a_country_the_registry_lacks_is_measured_against_no_other_government(nlp):
    text = (
        "Kenya orders refugees home\n\n"
        "NAIROBI - Kenya has asked the refugee agency to deport the refugees from the Dadaab camp within "
        "three months, after attacks near the border.\n\n"
        "Kenyan officials say the camp will close. Refugees in Kenya say they fear the return."
    )
    quotes = analyze(text, published=date(2015, 4, 27), nlp=nlp).quotes
    assert quotes and all(q.stance.toward is None for q in quotes)
    asked = next(q for q in quotes if q.cue == "asked")
    assert asked.stance.migration == "restrictive" and asked.stance.government == "supports"


@pytest.mark.model
def test_a_uk_story_about_a_partner_country_the_registry_lacks_stays_a_uk_story(nlp):
    text = (
        "Home Secretary signs Rwanda partnership\n\n"
        "Home Secretary Ann Hale signed a partnership with Rwanda in Kigali on Thursday. Rwanda will "
        "receive people who arrive in the UK illegally. Rwanda's minister welcomed the deal in London, "
        "where critics said Britain was shirking its duty.\n\n"
        "Ann Hale said the deal with Rwanda would break the business model of the smugglers."
    )
    quotes = analyze(text, published=date(2022, 4, 14), nlp=nlp).quotes
    hale = next(q for q in quotes if q.speaker_name == "Ann Hale")
    assert hale.stance.toward is not None and hale.stance.toward.startswith("uk-")


@pytest.mark.model
def test_a_description_that_names_a_party_speaks_for_that_party(nlp):
    text = (
        "Committee Republicans demand border hearings\n\n"
        "WASHINGTON - Every Republican member of the Senate Judiciary Committee is demanding that the "
        "chairman hold a hearing on the border with the Secretary on Tuesday."
    )
    quotes = analyze(text, published=date(2021, 9, 2), nlp=nlp).quotes
    demand = next(q for q in quotes if q.cue == "demanding")
    assert demand.stance.government == "opposes"
