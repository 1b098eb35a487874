"""The phrase gate only skips scans that could not match: it never hides a match."""

import json
from pathlib import Path

from analysis.phrase_gate import GatedPattern, PhraseGate
from analysis.stance_cues import _alternation

DATA = Path(__file__).resolve().parent.parent / "analysis" / "data"


def _phrase_lists():
    lexicon = json.loads((DATA / "stance_lexicon.json").read_text(encoding="utf-8"))
    for key in ("topic", "restrictive", "open", "government_criticism", "government_praise"):
        yield lexicon[key]
    for group in ("targets", "frames"):
        yield from lexicon[group].values()
    for concept in json.loads((DATA / "metrics.json").read_text(encoding="utf-8"))["concepts"].values():
        yield concept["cues"]


def test_every_listed_phrase_is_still_found_in_a_sentence_through_its_gate():
    for phrases in _phrase_lists():
        gated = _alternation(phrases)
        for phrase in phrases:
            text = "Officials said that " + phrase.replace("*", "ing") + " was the issue."
            assert gated.search(text) is not None or gated.pattern.search(text) is None, phrase


def test_a_text_without_any_first_word_skips_the_scan():
    gate = PhraseGate.of(["small boats", "deport*"])
    assert gate.admits("They will deport them") and gate.admits("Small boats crossed")
    assert gate.admits("deportations rose")
    assert not gate.admits("The budget passed the Senate")


def test_a_gated_pattern_finds_what_the_pattern_finds():
    import re

    gated = GatedPattern(re.compile(r"(?<!\w)(?:stop the boats)(?!\w)", re.I), PhraseGate.of(["stop the boats"]))
    assert [m.group(0) for m in gated.finditer("We will STOP the boats.")] == ["STOP the boats"]
    assert list(gated.finditer("We will end it.")) == []


def test_the_word_lookup_picks_the_same_paragraphs_for_the_parse_as_a_regex_of_the_same_words():
    import re

    from analysis.parsing import APOSTROPHE, needs_dependency_parse, speech_words
    from analysis.quotes import ALL_MARKS, split_paragraphs

    alternation = "|".join(sorted(map(re.escape, speech_words()), key=len, reverse=True))
    words = re.compile(rf"\b(?:{alternation})\b", re.I)
    marks = re.compile(rf"[{re.escape(ALL_MARKS)}]")
    root = Path(__file__).resolve().parent
    paragraphs = [
        p.text
        for f in sorted((root / "articles").glob("*.txt"))
        for p in split_paragraphs(f.read_text(encoding="utf-8"))
    ]
    assert len(paragraphs) > 300
    expected = [bool(marks.search(APOSTROPHE.sub("", t)) or words.search(t)) for t in paragraphs]
    assert [needs_dependency_parse(t) for t in paragraphs] == expected


def test_the_lower_cased_scan_finds_the_same_places_as_the_case_blind_pattern():
    texts = [
        "We will STOP the Boats, and Stop The Boats again.",
        "İstanbul: we will stop the boats.",  # "İ" lower-cases to two characters: offsets must still hold
        "Nothing here.",
    ]
    for phrases in _phrase_lists():
        gated = _alternation([*phrases, "stop the boats"])
        assert gated.folded is not None
        for text in texts + ["Officials said " + p.replace("*", "ing").upper() + "." for p in phrases[:20]]:
            expected = [m.span() for m in gated.pattern.finditer(text)]
            assert gated.spans(text) == expected, text
            assert gated.matches(text) == bool(expected), text
