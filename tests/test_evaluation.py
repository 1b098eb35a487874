"""The evaluation loop itself: PolNeAR conversion, micro-averaged set figures, the floor updater."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import evaluate  # noqa: E402
import polnear_gold  # noqa: E402

from analysis.evaluation import CaseResult, EvalSet, GoldCase, summarise  # noqa: E402

ARTICLE = (
    "Senate vote today.\n\nTrump wins.\n\nThe senator said the plan would fail, and called it “a disaster for workers.”\n\n"
    "“We will not back down,” she said.\n\nIt is believed that taxes will rise."
)


def _ann(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _range(text: str) -> str:
    start = ARTICLE.index(text)
    return f"{start} {start + len(text)}"


def test_polnear_fully_quoted_content_is_one_direct_quote_without_its_marks():
    content = "“We will not back down,”"
    ann = _ann(
        f"T1\tSource {_range('she')}\tshe",
        f"T2\tCue {_range(' said.')}\tsaid",
        f"T3\tContent {_range(content)}\t{content}",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
    )
    gold = polnear_gold.convert(ARTICLE, ann, None, name="x", published=None)
    (quote,) = gold["quotes"]
    assert quote["kind"] == "direct" and quote["text"] == "We will not back down"
    assert ARTICLE[quote["start"] : quote["end"]] == quote["text"]


def test_polnear_paraphrase_with_a_quoted_fragment_gives_indirect_and_partial_direct():
    content = "the plan would fail, and called it “a disaster for workers.”"
    ann = _ann(
        f"T1\tSource {_range('The senator')}\tThe senator",
        f"T2\tCue {_range('said the')}\tsaid",
        f"T3\tContent {_range(content)}\t{content}",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
    )
    gold = polnear_gold.convert(ARTICLE, ann, None, name="x", published=None)
    kinds = [(q["kind"], q["partial"], q["inside"]) for q in gold["quotes"]]
    assert kinds == [("indirect", False, None), ("direct", True, "q1")]
    assert gold["quotes"][1]["text"] == "a disaster for workers."
    assert gold["speakers"][0]["name"] == "The senator"


def test_polnear_attribution_without_a_source_is_optional():
    content = "taxes will rise"
    ann = _ann(
        f"T1\tCue {_range('believed')}\tbelieved",
        f"T2\tContent {_range(content)}\t{content}",
        "E1\tAttribution-no-source:T1 Content:T2 Cue:T1",
    )
    (quote,) = polnear_gold.convert(ARTICLE, ann, None, name="x", published=None)["quotes"]
    assert quote["optional"] and quote["speaker"] is None


def test_polnear_pronoun_source_takes_the_name_of_its_coreference_chain():
    she = ARTICLE.index("she said")
    trump = ARTICLE.index("Trump")
    xml = f"""<root><document><sentences>
      <sentence id="1"><tokens>
        <token id="1"><word>Trump</word><CharacterOffsetBegin>{trump}</CharacterOffsetBegin>
          <CharacterOffsetEnd>{trump + 5}</CharacterOffsetEnd><POS>NNP</POS><NER>PERSON</NER></token>
      </tokens></sentence>
      <sentence id="2"><tokens>
        <token id="1"><word>she</word><CharacterOffsetBegin>{she}</CharacterOffsetBegin>
          <CharacterOffsetEnd>{she + 3}</CharacterOffsetEnd><POS>PRP</POS><NER>O</NER></token>
      </tokens></sentence></sentences>
      <coreference><coreference>
        <mention representative="true"><sentence>1</sentence><start>1</start><end>2</end><head>1</head><text>Trump</text></mention>
        <mention><sentence>2</sentence><start>1</start><end>2</end><head>1</head><text>she</text></mention>
      </coreference></coreference></document></root>"""
    content = "“We will not back down,”"
    ann = _ann(
        f"T1\tSource {she} {she + 3}\tshe",
        f"T3\tContent {_range(content)}\t{content}",
        "E1\tAttribution:T1 Content:T3 Source:T1",
    )
    gold = polnear_gold.convert(ARTICLE, ann, xml, name="x", published=None)
    assert gold["speakers"][0]["name"] == "Trump" and gold["speakers"][0]["type"] == "person"
    assert gold["quotes"][0]["proper_speaker"] is True


def test_polnear_converter_refuses_the_test_split(tmp_path):
    with pytest.raises(SystemExit, match="refusing split 'test'"):
        polnear_gold.convert_split(tmp_path, "test", tmp_path / "out")


def test_set_figures_are_summed_over_articles_before_dividing():
    big = CaseResult("a", {"all_gold": 9, "all_pred": 9, "all_matched": 9, "all_speaker_ok": 9})
    small = CaseResult("b", {"all_gold": 1, "all_pred": 1, "all_matched": 1, "all_speaker_ok": 0})
    summary = summarise([big, small], figures=False, stance=False)
    assert summary["speaker_accuracy"] == 0.9  # a mean of per-article figures would say 0.5
    assert summary["attributed_recall"] == 0.9


def _fake_set(tmp_path: Path) -> EvalSet:
    gold, article = tmp_path / "g.json", tmp_path / "a.txt"
    gold.write_text("{}", encoding="utf-8")
    article.write_text("x", encoding="utf-8")
    return EvalSet("fake", "", (GoldCase("g", gold, article, None),))


def test_floor_update_refuses_to_lower_a_floor_without_the_flag(tmp_path, monkeypatch, capsys):
    floors = tmp_path / "floors.json"
    monkeypatch.setattr(evaluate, "FLOORS_PATH", floors)
    fake = _fake_set(tmp_path)
    assert evaluate.update_floors([(fake, {"speaker_accuracy": 0.8}, 0.0)], allow_regression=False) == 0
    assert evaluate.update_floors([(fake, {"speaker_accuracy": 0.7}, 0.0)], allow_regression=False) == 1
    assert "refusing to lower" in capsys.readouterr().out
    assert json.loads(floors.read_text())["fake"]["floors"]["speaker_accuracy"] == 0.8
    assert evaluate.update_floors([(fake, {"speaker_accuracy": 0.7}, 0.0)], allow_regression=True) == 0
    assert json.loads(floors.read_text())["fake"]["floors"]["speaker_accuracy"] == 0.7


def test_polnear_sentence_picked_out_of_a_longer_quote_is_direct():
    article = "Title\n\n“I came here young. I became part of that group. I stayed,” he said."
    piece = "I became part of that group."
    start = article.index(piece)
    ann = _ann(f"T1\tContent {start} {start + len(piece)}\t{piece}", "E1\tAttribution-no-source:T1 Content:T1")
    (quote,) = polnear_gold.convert(article, ann, None, name="x", published=None)["quotes"]
    assert quote["kind"] == "direct"


def test_polnear_pieces_of_one_quote_by_one_speaker_merge_into_one_entry():
    article = "Title\n\n“I came here young. I became part of that group,” he said."
    ann = []
    for k, piece in enumerate(("I came here young.", "I became part of that group"), start=1):
        start = article.index(piece)
        ann += [
            f"T{k}\tContent {start} {start + len(piece)}\t{piece}",
            f"E{k}\tAttribution-no-source:T{k} Content:T{k}",
        ]
    (quote,) = polnear_gold.convert(article, _ann(*ann), None, name="x", published=None)["quotes"]
    assert quote["text"] == "I came here young. I became part of that group"


def test_stance_agreement_is_counted_per_confidence_band(tmp_path):
    from analysis.evaluation import confidence_band, score_prediction, stance_bands

    text = "“We will stop the boats,” she said. “Refugees are welcome,” he said."
    a, b = text.index("We will"), text.index("Refugees")
    gold = {
        "speakers": [{"id": "s", "name": "S", "aliases": []}],
        "numbers": [],
        "quotes": [
            {
                "kind": "direct",
                "text": text[a : a + 22],
                "start": a,
                "end": a + 22,
                "speaker": "s",
                "stance": {"restriction": "favor", "government_policy": "support"},
            },
            {
                "kind": "direct",
                "text": text[b : b + 19],
                "start": b,
                "end": b + 19,
                "speaker": "s",
                "stance": {"restriction": "against", "government_policy": "oppose"},
            },
        ],
    }
    pred = {
        "speakers": [],
        "numbers": [],
        "quotes": [
            {
                "kind": "direct",
                "text": text[a : a + 22],
                "start": a,
                "end": a + 22,
                "stance": {"migration": "restrictive", "government": "supports", "confidence": 0.9},
            },
            {
                "kind": "direct",
                "text": text[b : b + 19],
                "start": b,
                "end": b + 19,
                "stance": {"migration": "restrictive", "government": "neutral", "confidence": 0.3},
            },
        ],
    }
    (tmp_path / "g.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = score_prediction(GoldCase("g", tmp_path / "g.json", tmp_path / "a.txt", None), pred, figures=False)
    bands = stance_bands([result])
    assert bands["high"] == {"migration": (1, 1), "government": (1, 1)}
    assert bands["low"] == {"migration": (0, 1), "government": (0, 1)}
    assert bands["medium"] == {"migration": (0, 0), "government": (0, 0)}
    assert [confidence_band(c) for c in (0.0, 0.49, 0.5, 0.69, 0.7, 1.0)] == [
        "low",
        "low",
        "medium",
        "medium",
        "high",
        "high",
    ]


def test_changing_a_data_file_the_rules_read_changes_the_analyser_version(tmp_path):
    import shutil

    from analysis.version import PACKAGE, digest

    copy = tmp_path / "analysis"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = digest(copy)
    for storage_only in ("store/queries.py", "store/__init__.py", "serialization.py"):
        (copy / storage_only).write_text("# storage only\n", encoding="utf-8")
    assert digest(copy) == before  # how results are stored does not change them
    lexicon = copy / "data" / "stance_lexicon.json"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert digest(copy) != before


def test_polnear_speaker_name_is_the_person_a_source_names():
    assert (
        polnear_gold._heading_name(
            "New York Times columnist David Brooks", [("New York Times", "ORGANIZATION"), ("David Brooks", "PERSON")]
        )[0]
        == "David Brooks"
    )
    assert (
        polnear_gold._heading_name(
            "Jeb Bush and Chris Christie", [("Jeb Bush", "PERSON"), ("Chris Christie", "PERSON")]
        )[0]
        == "Jeb Bush"
    )
    assert (
        polnear_gold._heading_name(
            "The head of the PAC backing Jeb Bush, Mike Murphy", [("Jeb Bush", "PERSON"), ("Mike Murphy", "PERSON")]
        )[0]
        == "Mike Murphy"
    )
    assert (
        polnear_gold._heading_name(
            "Representative Ann Hale, Democrat of Ohio, who replaced Mr. Ward in the House",
            [("Ann Hale", "PERSON"), ("Ward", "PERSON")],
        )[0]
        == "Ann Hale"
    )
    assert (
        polnear_gold._heading_name(
            "Transport Secretary Lee Moss, a former mayor and a key Ward supporter",
            [("Lee Moss", "PERSON"), ("Ward", "PERSON")],
        )[0]
        == "Lee Moss"
    )
    assert (
        polnear_gold._heading_name("Former Ward spokesman Ray Dunn", [("Ward", "PERSON"), ("Ray Dunn", "PERSON")])[0]
        == "Ray Dunn"
    )
    assert polnear_gold.LEADING_NAME.match("Dean Johnson, a 55-year-old salesman").group(0) == "Dean Johnson"


def test_polnear_name_run_is_never_an_honorific_alone():
    article = "Title\nMr. Devine said so."
    at = article.index
    tokens = (
        polnear_gold.Token(at("Mr."), at("Mr.") + 3, "NNP", "PERSON"),
        polnear_gold.Token(at("Devine"), at("Devine") + 6, "NNP", "O"),
        polnear_gold.Token(at("said"), at("said") + 4, "VBD", "O"),
    )
    assert polnear_gold.name_runs(article, tokens) == [("Mr. Devine", "PERSON")]


def test_polnear_a_name_corenlp_calls_an_organisation_is_a_person_when_the_article_names_that_person():
    assert polnear_gold._a_person_after_all("Hale", {"Hale", "Dunn"})
    assert polnear_gold._a_person_after_all("Mr. Dunn", set())
    assert not polnear_gold._a_person_after_all("Daily Courier", {"Hale"})
    assert not polnear_gold._a_person_after_all("St. Paul City Council", set())


def _corenlp(
    article: str,
    words: list[tuple[str, str, str]],
    *,
    chain: list[tuple[int, int]] | None = None,
    deps: list[tuple[str, int, int]] | None = None,
) -> str:
    """CoreNLP XML for one sentence of (word, POS, NER) tokens found in order in the article, with
    one coreference chain of (first token, last token + 1) mentions and basic dependencies as
    (relation, governor, dependent), all 1-based as CoreNLP writes them (governor 0: the root)."""
    tokens, at = [], 0
    for i, (word, pos, ner) in enumerate(words, start=1):
        at = article.index(word, at)
        tokens.append(
            f"<token id='{i}'><word>{word}</word><CharacterOffsetBegin>{at}</CharacterOffsetBegin>"
            f"<CharacterOffsetEnd>{at + len(word)}</CharacterOffsetEnd><POS>{pos}</POS><NER>{ner}</NER></token>"
        )
        at += len(word)
    arcs = "".join(
        f"<dep type='{rel}'><governor idx='{g}'>x</governor><dependent idx='{d}'>y</dependent></dep>"
        for rel, g, d in deps or ()
    )
    mentions = "".join(
        f"<mention><sentence>1</sentence><start>{a}</start><end>{b}</end><head>{a}</head><text>x</text></mention>"
        for a, b in chain or ()
    )
    return (
        f"<root><document><sentences><sentence id='1'><tokens>{''.join(tokens)}</tokens>"
        f"<dependencies type='basic-dependencies'>{arcs}</dependencies></sentence></sentences>"
        f"<coreference><coreference>{mentions}</coreference></coreference></document></root>"
    )


def _speaker_from_source(article: str, xml: str | None, source: str, content: str) -> dict:
    """The gold speaker the converter makes for one attribution: Source `source`, Content `content`."""
    at, c = article.index(source), article.index(content)
    ann = _ann(
        f"T1\tSource {at} {at + len(source)}\t{source}",
        f"T3\tContent {c} {c + len(content)}\t{content}",
        "E1\tAttribution:T1 Content:T3 Source:T1",
    )
    return polnear_gold.convert(article, ann, xml, name="x", published=None)["speakers"][0]


def test_polnear_he_takes_the_person_of_his_chain_not_the_organisation_in_an_apposition():
    article = "Title\n\nAnn Hale, head of the Miners Union Trust, spoke.\n\n“We lost,” she said."
    tokens = [("Ann", "NNP", "PERSON"), ("Hale", "NNP", "PERSON")]
    tokens += [(w, "NNP", "ORGANIZATION") for w in "Miners Union Trust".split()] + [("she", "PRP", "O")]
    xml = _corenlp(article, tokens, chain=[(1, 3), (3, 6), (6, 7)])
    assert _speaker_from_source(article, xml, "she", "We lost")["name"] == "Ann Hale"


def test_polnear_source_without_corenlp_is_the_name_before_its_apposition():
    article = "Title\n\n“We lost,” said Peter Dunn, a lawyer for the Miners Union, who filed the case."
    source = "Peter Dunn, a lawyer for the Miners Union, who filed the case"
    speaker = _speaker_from_source(article, None, source, "We lost")
    assert speaker["name"] == "Peter Dunn" and source in speaker["aliases"]


def test_polnear_organisation_is_also_known_without_its_article():
    article = "Title\n\nThe White House said the plan would fail."
    xml = _corenlp(
        article, [("White", "NNP", "O"), ("House", "NNP", "ORGANIZATION")], chain=[(1, 3)]
    )  # CoreNLP's "House"
    speaker = _speaker_from_source(article, xml, "The White House", "the plan would fail")
    assert "White House" in [speaker["name"], *speaker["aliases"]]


def test_polnear_a_relative_pronoun_source_is_the_name_it_hangs_on():
    article = "Vote\n\nThe bill was backed by Ann Hale, who said the plan would fail."
    words = [("The", "DT", "O"), ("bill", "NN", "O"), ("was", "VBD", "O"), ("backed", "VBN", "O"), ("by", "IN", "O"),
             ("Ann", "NNP", "PERSON"), ("Hale", "NNP", "PERSON"), (",", ",", "O"), ("who", "WP", "O"),
             ("said", "VBD", "O"), ("the", "DT", "O"), ("plan", "NN", "O"), ("would", "MD", "O"),
             ("fail", "VB", "O")]  # fmt: skip
    deps = [("root", 0, 4), ("nsubjpass", 4, 2), ("case", 7, 5), ("compound", 7, 6), ("nmod", 4, 7), ("punct", 7, 8),
            ("nsubj", 10, 9), ("acl:relcl", 7, 10), ("ccomp", 10, 14), ("nsubj", 14, 12)]  # fmt: skip
    xml = _corenlp(article, words, deps=deps)
    assert _speaker_from_source(article, xml, "who", "the plan would fail")["name"] == "Ann Hale"


def test_polnear_a_source_marked_on_the_speech_verb_is_the_verbs_named_subject():
    article = "Vote\n\nSenator Tom Reyes said taxes will rise."
    words = [("Senator", "NNP", "O"), ("Tom", "NNP", "PERSON"), ("Reyes", "NNP", "PERSON"), ("said", "VBD", "O"),
             ("taxes", "NNS", "O"), ("will", "MD", "O"), ("rise", "VB", "O")]  # fmt: skip
    deps = [("root", 0, 4), ("compound", 3, 1), ("compound", 3, 2), ("nsubj", 4, 3), ("ccomp", 4, 7), ("nsubj", 7, 5)]
    xml = _corenlp(article, words, deps=deps)
    assert _speaker_from_source(article, xml, "said", "taxes will rise")["name"] == "Tom Reyes"


def test_polnear_a_source_marked_on_an_inverted_speech_verb_is_the_name_after_it():
    article = "Vote\n\n“Taxes will rise,” said Tom Reyes."
    words = [("Taxes", "NNS", "O"), ("will", "MD", "O"), ("rise", "VB", "O"), ("said", "VBD", "O"),
             ("Tom", "NNP", "PERSON"), ("Reyes", "NNP", "PERSON")]  # fmt: skip
    deps = [("root", 0, 4), ("ccomp", 4, 3), ("nsubj", 3, 1), ("dobj", 4, 6), ("compound", 6, 5)]
    xml = _corenlp(article, words, deps=deps)
    assert _speaker_from_source(article, xml, "said", "“Taxes will rise,”")["name"] == "Tom Reyes"
