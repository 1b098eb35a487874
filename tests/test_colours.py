"""The UI's colours (from the registry's party data) and the highlighted-article markup."""

from __future__ import annotations

import dataclasses
import re

from analysis.records import Speaker
from analysis.registry import load_registry
from tests.app_fixtures import seed_analysis
from ui.article_html import article_html
from ui.colours import NO_PARTY_COLOUR, party_colour, speaker_colour


def test_colours_are_stable_and_conventional():
    assert party_colour("Labour") == party_colour("labour party") == "#E4003B"
    assert party_colour("Tory") == party_colour("Conservative") == "#0087DC"
    assert party_colour("Some New Party") == party_colour("some new party")
    assert re.fullmatch(r"#[0-9A-F]{6}", party_colour("Some New Party"))
    assert speaker_colour("keir-starmer", "Labour") == speaker_colour("keir-starmer", "Labour")
    assert speaker_colour(None) == speaker_colour(float("nan"))


def test_article_html_marks_quotes_and_escapes_everything():
    a = seed_analysis()
    hostile = dataclasses.replace(
        a,
        article=dataclasses.replace(a.article, text="<script>alert(1)</script>" + a.article.text[25:]),
        speakers=tuple(
            dataclasses.replace(s, name="<img src=x onerror=alert(1)>") if s.id == "keir-starmer" else s
            for s in a.speakers
        ),
    )
    out = article_html(hostile)
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert out.count('<mark class="se-quote') >= len(a.quotes)
    assert 'data-speaker="keir-starmer"' in out
    # Stripping the tags gives back the article text exactly.
    body = out.split('<div class="se-article">', 1)[1]
    import html as h

    assert h.unescape(re.sub(r"<[^>]+>", "", body)) == hostile.article.text


def test_article_html_handles_overlapping_quotes():
    a = seed_analysis()
    q = a.quotes[2]
    inner = dataclasses.replace(
        q, id="inner", start=q.start + 5, end=q.start + 20, text=a.article.text[q.start + 5 : q.start + 20]
    )
    out = article_html(dataclasses.replace(a, quotes=a.quotes + (inner,)))
    assert 'data-quote="inner"' in out
    assert isinstance(Speaker(id="x", name="y"), Speaker)


def test_party_colours_come_from_the_registry_by_name_or_alias():
    registry = load_registry()
    for party in registry.parties:
        if party.colour:
            assert party_colour(party.name) == party.colour
            assert all(
                party_colour(alias) == party.colour for alias in party.aliases if registry.party_named(alias) == party
            )
    assert party_colour("Sinn Fein") == party_colour("Sinn Féin") == "#326760"
    assert party_colour(None) == party_colour("") == party_colour(float("nan")) == NO_PARTY_COLOUR


def test_a_party_without_a_colour_gets_a_stable_one_from_its_name():
    assert party_colour("Republican") == party_colour(" republican ") != NO_PARTY_COLOUR
    assert party_colour("Labour (Ireland)") != party_colour("Labour")
    # an alias several countries' parties share keeps its own colour, not the first such party's
    assert party_colour("Social Democrats") != party_colour("SPD")


def test_speakers_of_a_party_get_shades_of_its_colour():
    shades = {speaker_colour(f"speaker-{i}", "Labour") for i in range(40)}
    assert party_colour("Labour") in shades and len(shades) > 2
    assert speaker_colour("jane-doe") == speaker_colour("jane-doe", None) != NO_PARTY_COLOUR


def test_a_speakers_colour_is_the_same_in_every_run():
    # Pinned: a salted hash() would give another colour in the next process, and a link shared
    # today would show its speakers in other colours tomorrow.
    assert speaker_colour("keir-starmer", "Labour") == "#A2002A"
    assert speaker_colour("keir-starmer") == "#BCBD22"
