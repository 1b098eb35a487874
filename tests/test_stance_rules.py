"""Stance rules on short inputs: cues, sentiment is not stance, fallbacks that say what they did."""

from datetime import date

from analysis.pipeline import analyze
from analysis.stance import StanceContext, judge

UK_MIGRATION = StanceContext(speaker_side=False, speaker_official=False, speaker_foreign=False,
                             context_about_migration=True, article_about_migration=True)


def test_negative_tone_against_a_soft_policy_is_restrictive_not_open():
    stance = judge("Their immigration white flag is weak, spineless and out of touch.", 0, UK_MIGRATION)
    assert (stance.migration, stance.government) == ("restrictive", "opposes")
    assert any(e.text == "spineless" for e in stance.evidence)


def test_safe_routes_and_humane_treatment_are_open():
    stance = judge("We need safe and legal routes and humane treatment of people fleeing war.", 0, UK_MIGRATION)
    assert stance.migration == "open"
    assert "safe and legal routes" in stance.targets


def test_evidence_offsets_point_at_the_cue_words():
    text = "The Prime Minister said: “We will smash the gangs and cut net migration.”"
    quote = analyze(text, published=date(2025, 1, 10)).quotes[0]
    for evidence in quote.stance.evidence:
        assert text[evidence.start:evidence.end] == evidence.text


def test_no_cue_quote_by_a_party_speaker_says_the_party_position_was_used(nlp):
    text = ("Nigel Farage visited Dover, where small boats landed again and asylum seekers and migrants arrived.\n"
            "“I have been coming here for years and I will keep coming,” Mr Farage said.")
    quote = analyze(text, published=date(2025, 6, 1), nlp=nlp).quotes[0]
    assert quote.stance.migration == "restrictive"
    assert "general position of the Reform UK party" in quote.stance.rule
    assert quote.stance.confidence <= 0.35


def test_the_combined_target_and_frame_patterns_find_every_listed_phrase():
    # judge() skips the per-target scans when the combined pattern finds nothing: it must find them all.
    import json

    from analysis.stance import LEXICON_PATH, load_lexicon

    lex = load_lexicon()
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    for kind, combined in (("targets", lex.any_target), ("frames", lex.any_frame)):
        for name, phrases in data[kind].items():
            for phrase in phrases:
                text = f"They said {phrase.replace('*', 'ed')} today."
                assert combined.search(text), (kind, name, phrase)
                assert any(p.search(text) for p in getattr(lex, kind)[name]), (kind, name, phrase)
