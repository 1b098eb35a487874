"""Human corrections: stored apart, shown everywhere, kept through re-analysis and upgrades."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from analysis import corrections as corr
from analysis import tables
from analysis.corrections import Correction
from analysis.store import Filters, Store
from tests.app_fixtures import seed_analysis, seed_text


class Analyser:
    """The seed's gold analysis; `upgrade()` imitates a new analyser that renumbers quotes,
    widens one by a character and stops finding another."""

    def __init__(self) -> None:
        self.version = "v1"
        self.drop: set[str] = set()
        self.shift = False

    def __call__(self, text, **kw):
        a = seed_analysis(self.version)
        if text != a.article.text:  # an edited text: keep the quotes whose words are still there
            quotes = []
            for q in a.quotes:
                at = text.find(q.text)
                if at >= 0:
                    quotes.append(replace(q, start=at, end=at + len(q.text)))
            return replace(a, article=replace(a.article, text=text), quotes=tuple(quotes), numbers=())
        quotes = kept = [q for q in a.quotes if q.text[:20] not in self.drop]
        if self.shift:
            quotes = [
                replace(q, id=f"q{len(quotes) - i}", start=q.start - 1, text=a.article.text[q.start - 1 : q.end])
                if q.id == "q11"
                else replace(q, id=f"q{len(quotes) - i}")
                for i, q in enumerate(quotes)
            ]
            new_id = {old.id: new.id for old, new in zip(kept, quotes)}
            numbers = tuple(replace(n, quote_id=new_id.get(n.quote_id)) for n in a.numbers)
            return replace(a, quotes=tuple(quotes), numbers=numbers)
        return replace(a, quotes=tuple(quotes))

    def upgrade(self, version: str = "v2") -> None:
        self.version, self.shift = version, True


@pytest.fixture
def analyser():
    return Analyser()


@pytest.fixture
def store(tmp_path, analyser):
    return Store(tmp_path / "c.db", analyser=analyser, version="v1")


@pytest.fixture
def article_id(store):
    return store.add(seed_text(), title="Seed", published="2025-05-15").article_id


def quote(store, article_id, starts: str):
    a = store.get_analysis(article_id, refresh=False)
    return next(q for q in a.quotes if starts in q.text[: len(starts) + 2])


def span(q, kind, **value):
    return dict(kind=kind, start=q.start, end=q.end, text=q.text, quote_id=q.id, value=value)


def reanalyse_upgraded(tmp_path, analyser, store, article_id, version="v2"):
    analyser.upgrade(version)
    upgraded = Store(store.path, analyser=analyser, version=version)
    assert upgraded.stale_ids() == [article_id]
    assert upgraded.get_analysis(article_id).analyser_version == version
    return upgraded


# -- each kind, applied, then through a forced re-analysis and an analyser upgrade ---------

PHILP = "The returns deal with Albania"  # q11: the quote the upgrade widens
THEATRE = "entire visit is pure theatre"


def _check_reassign(store, aid):
    q = quote(store, aid, PHILP)
    assert (q.speaker_id, q.speaker_name) == ("kemi-badenoch", "Kemi Badenoch")
    rows = store.query_quotes(Filters(speakers=("kemi-badenoch",)))
    assert len(rows) == 1 and rows[0]["corrected"] == "speaker reassigned"
    # the figure inside the quote follows its new speaker
    (n,) = [r for r in store.query_numbers() if r["text"] == "over 90%"]
    assert n["cited_by"] == "kemi-badenoch"


def _check_stance(store, aid):
    q = quote(store, aid, THEATRE)
    assert (q.stance.migration, q.stance.government, q.stance.rule) == ("open", "supports", corr.USER_RULE)
    assert len(store.query_quotes(Filters(stances=("open",)))) == 1


def _check_not_quote(store, aid):
    a = store.get_analysis(aid, refresh=False)
    assert not any(q.text.startswith("smash the gangs") for q in a.quotes)
    assert len(store.query_quotes()) == 15


def _check_add(store, aid):
    rows = [r for r in store.query_quotes() if r["rule"] == corr.USER_RULE]
    assert (
        len(rows) == 1
        and rows[0]["text"] == "agree measures to clamp down on people smuggling"
        and rows[0]["speaker_id"] == "edi-rama"
    )
    assert rows[0]["corrected"] == "quote added by hand"


def _check_merge(store, aid):
    a = store.get_analysis(aid, refresh=False)
    assert a.speaker("downing-street") is None
    assert {q.speaker_id for q in a.quotes if q.text.startswith("the number of Albanians")} == {"keir-starmer"}
    assert "downing-street" not in {r["speaker_id"] for r in store.query_speakers()}
    assert {r["cited_by"] for r in store.query_numbers() if r["text"] in ("95%", "doubled")} == {"keir-starmer"}


def _check_edit(store, aid):
    a = store.get_analysis(aid, refresh=False)
    assert (a.speaker("chris-philp").role, a.speaker("chris-philp").party) == ("Tory MP", "Reform UK")
    (row,) = [r for r in store.query_speakers() if r["speaker_id"] == "chris-philp"]
    assert row["party"] == "Reform UK"
    assert len(store.query_quotes(Filters(parties=("Reform UK",)))) == 7


def _make(store, aid, kind):
    if kind == "reassign_speaker":
        q = quote(store, aid, PHILP)
        return Correction(
            article_id=aid,
            **span(q, kind, speaker_id="kemi-badenoch", name="Kemi Badenoch", party="Conservative", new=True),
        )
    if kind == "set_stance":
        return Correction(
            article_id=aid, **span(quote(store, aid, THEATRE), kind, migration="open", government="supports")
        )
    if kind == "not_quote":
        return Correction(article_id=aid, **span(quote(store, aid, "smash the gangs"), kind))
    if kind == "add_quote":
        text = store.get_analysis(aid, refresh=False).article.text
        start, end, words = corr.span_from_selection(text, words="agree measures to clamp down on people smuggling")
        return Correction(
            kind=kind,
            article_id=aid,
            start=start,
            end=end,
            text=words,
            value={"speaker_id": "edi-rama", "name": "Edi Rama"},
        )
    if kind == "merge_speakers":
        return Correction(
            kind=kind,
            article_id=None,
            speaker_id="downing-street",
            value={"into_id": "keir-starmer", "into_name": "Keir Starmer"},
        )
    return Correction(
        kind=kind, article_id=None, speaker_id="chris-philp", value={"role": "Tory MP", "party": "Reform UK"}
    )


CHECKS = {
    "reassign_speaker": _check_reassign,
    "set_stance": _check_stance,
    "not_quote": _check_not_quote,
    "add_quote": _check_add,
    "merge_speakers": _check_merge,
    "edit_speaker": _check_edit,
}


@pytest.mark.parametrize("kind", corr.KINDS)
def test_each_kind_survives_reanalysis_and_an_analyser_upgrade(tmp_path, store, analyser, article_id, kind):
    c = store.add_correction(_make(store, article_id, kind))
    assert c.id is not None and c.analyser_version == "v1"
    CHECKS[kind](store, article_id)
    # the machine's output is kept as it was
    machine = store.get_analysis(article_id, refresh=False, corrected=False)
    assert machine == store.get_analysis(article_id, refresh=False, corrected=False)
    assert machine.quotes == seed_analysis("v1").quotes and len(machine.quotes) == 16

    store.reanalyse(article_id, force=True)
    CHECKS[kind](store, article_id)

    upgraded = reanalyse_upgraded(tmp_path, analyser, store, article_id)
    CHECKS[kind](upgraded, article_id)
    (row,) = upgraded.corrections()
    assert row.status == "applied", row.detail


def test_upgrade_through_pipeline_version(tmp_path, monkeypatch, analyser):
    from analysis import pipeline

    monkeypatch.setattr(pipeline, "ANALYSER_VERSION", "1.0-old")
    store = Store(tmp_path / "c.db", analyser=analyser)
    aid = store.add(seed_text()).article_id
    store.add_correction(_make(store, aid, "set_stance"))
    monkeypatch.setattr(pipeline, "ANALYSER_VERSION", "2.0-new")
    analyser.shift = True
    upgraded = Store(tmp_path / "c.db", analyser=analyser)
    assert upgraded.stale_ids() == [aid]
    assert upgraded.get_analysis(aid).analyser_version == "2.0-new"
    _check_stance(upgraded, aid)


def test_a_correction_that_no_longer_fits_is_kept_for_review(tmp_path, store, analyser, article_id):
    store.add_correction(_make(store, article_id, "set_stance"))
    store.add_correction(_make(store, article_id, "reassign_speaker"))
    analyser.drop = {THEATRE[:20]}
    analyser.upgrade()
    upgraded = Store(store.path, analyser=analyser, version="v2")
    upgraded.refresh_stale()
    review = upgraded.review()
    assert [r.correction.kind for r in review] == ["set_stance"]
    assert "no longer finds a quote" in review[0].detail
    assert len(upgraded.corrections()) == 2
    _check_reassign(upgraded, article_id)
    # the analyser finds the quote again: the correction applies again by itself
    analyser.drop = set()
    upgraded.reanalyse(article_id, force=True)
    assert upgraded.review() == []
    _check_stance(upgraded, article_id)


def test_corrections_follow_edited_text_and_survive_article_deletion(store, article_id):
    store.add_correction(_make(store, article_id, "set_stance"))
    text = store.get_analysis(article_id, refresh=False).article.text
    store.update_text(article_id, "Breaking.\n\n" + text)  # every offset moves by 11
    q = quote(store, article_id, THEATRE)
    assert q.stance.migration == "open" and q.start > 11
    store.update_text(article_id, text.replace(THEATRE, "entire visit is a sham"))
    (row,) = store.review()
    assert "no longer in the article" in row.detail
    store.delete(article_id)
    (row,) = store.review()
    assert "no longer in the corpus" in row.detail


def test_undo_restores_the_machine_output(store, article_id):
    c = store.add_correction(_make(store, article_id, "not_quote"))
    assert len(store.query_quotes()) == 15
    assert store.delete_correction(c.id)
    assert len(store.query_quotes()) == 16 and store.corrections() == []


def test_corrections_reach_frames_exports_and_charts(store, article_id):
    store.add_correction(_make(store, article_id, "reassign_speaker"))
    store.add_correction(_make(store, article_id, "edit_speaker"))
    df = tables.quotes_frame(store)
    row = df[df["text"].str.startswith(PHILP)].iloc[0]
    assert (row["speaker"], row["party"], row["corrected"]) == ("Kemi Badenoch", "Conservative", "speaker reassigned")
    assert set(df["analyser_version"]) == {"v1"}
    out = tables.export_frame(df, "quotes")
    assert {"corrected", "analyser_version", "rule", "start", "end"} <= set(out.columns)
    assert "Kemi Badenoch" in set(tables.speakers_frame(df)["speaker"])
    assert "Reform UK" in set(tables.positions_frame(df)["label"])
    nums = tables.export_frame(tables.numbers_frame(store), "numbers")
    assert (nums.loc[nums["text"] == "over 90%", "cited_by_name"] == "Kemi Badenoch").all()


def test_corrections_are_stored_apart_keyed_to_offsets_and_words(store, article_id):
    store.add_correction(_make(store, article_id, "set_stance"))
    with sqlite3.connect(store.path) as conn:
        (row,) = conn.execute('SELECT kind, article_id, start, "end", text, value FROM corrections').fetchall()
        machine = json.loads(conn.execute("SELECT json FROM analyses").fetchone()[0])
    q = quote(store, article_id, THEATRE)
    assert row[:5] == ("set_stance", article_id, q.start, q.end, q.text)
    assert json.loads(row[5]) == {"government": "supports", "migration": "open"}
    assert all(x["stance"]["rule"] != corr.USER_RULE for x in machine["quotes"])


def test_bad_corrections_are_refused(store, article_id):
    q = quote(store, article_id, THEATRE)
    with pytest.raises(ValueError, match="not at those offsets"):
        store.add_correction(
            Correction(kind="not_quote", article_id=article_id, start=q.start + 1, end=q.end, text=q.text)
        )
    with pytest.raises(ValueError, match="two different"):
        store.add_correction(Correction(kind="merge_speakers", article_id=None, speaker_id="x", value={"into_id": "x"}))
    text = store.get_analysis(article_id, refresh=False).article.text
    with pytest.raises(ValueError, match="not in the article"):
        corr.span_from_selection(text, words="words that are nowhere")
    with pytest.raises(ValueError, match="appear"):
        corr.span_from_selection(text, words="Starmer")
    assert corr.span_from_selection(text, start=q.start, end=q.end) == (q.start, q.end, q.text)
    assert store.corrections() == []


def test_user_added_speakers_extend_the_registry_for_later_articles(tmp_path):
    from analysis.registry import load_registry

    seen = {}

    def analyser(text, *, published=None, title=None, source=None, registry=None):
        seen["registry"] = registry
        return (
            seed_analysis("v1")
            if text == seed_text()
            else replace(
                seed_analysis("v1"), article=replace(seed_analysis("v1").article, text=text), quotes=(), numbers=()
            )
        )

    store = Store(tmp_path / "c.db", analyser=analyser, version="v1")
    aid = store.add(seed_text()).article_id
    assert seen["registry"] is None  # nothing added yet: the bundled registry
    store.add_correction(_make(store, aid, "reassign_speaker"))
    store.add_correction(
        Correction(
            kind="edit_speaker", article_id=None, speaker_id="keir-starmer", value={"party": "Labour Party (UK)"}
        )
    )
    store.add("Another article about asylum policy with enough words to be analysed by the fake.")
    reg = seen["registry"]
    assert reg is not None
    (kemi,) = reg.people_named("Kemi Badenoch")
    assert kemi.party == "Conservative"
    keir = reg.person("keir-starmer")
    assert keir.party == "Labour Party (UK)" and keir.terms == load_registry().person("keir-starmer").terms
    assert reg.party_of_word("Labour Party (UK)") == ("Labour Party (UK)", "UK")


# -- the Corrections page ----------------------------------------------------------------------


@pytest.fixture
def app(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.app_fixtures import FAKE_VERSION, ROOT, fake_analyze

    monkeypatch.setenv("STANCE_EXPLORER_DB", str(tmp_path / "corpus.db"))
    monkeypatch.setattr(Store, "_analyser", lambda self: (fake_analyze, FAKE_VERSION))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/corrections.py").run()
    assert not at.exception, [e.value for e in at.exception]
    at.db = Store(tmp_path / "corpus.db", analyser=fake_analyze, version=FAKE_VERSION)
    return at


def pick_quote(at, starts):
    box = at.selectbox(key="fix_quote")
    (i,) = [i for i, label in enumerate(box.options) if starts in label]
    box.select_index(i).run()


@pytest.mark.app
def test_page_reassigns_to_a_new_speaker_and_shows_it_corrected(app):
    pick_quote(app, THEATRE)
    app.selectbox(key="fix_speaker").set_value("__new__").run()
    app.text_input(key="fix_name").input("Kemi <b>Badenoch</b>")
    app.text_input(key="fix_party").input("Conservative").run()
    app.button(key="fix_reassign").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    (row,) = app.db.corrections()
    assert row.status == "applied" and row.correction.value["name"] == "Kemi <b>Badenoch</b>"
    (q,) = [r for r in app.db.query_quotes() if r["text"] == THEATRE]
    assert q["speaker_id"] == "kemi-b-badenoch-b" and q["corrected"] == "speaker reassigned"
    assert any("✎" in label and THEATRE in label for label in app.selectbox(key="fix_quote").options)


@pytest.mark.app
def test_page_changes_stance_removes_a_quote_adds_one_and_undoes(app):
    pick_quote(app, THEATRE)
    app.selectbox(key="fix_migration").set_value("open").run()
    app.button(key="fix_stance").click().run()
    pick_quote(app, "smash the gangs")
    app.button(key="fix_not_quote").click().run()
    app.text_area(key="add_words").input("agree measures to clamp down on\npeople smuggling")
    app.selectbox(key="add_speaker").set_value("edi-rama").run()
    app.button(key="add_quote").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    kinds = [r.correction.kind for r in app.db.corrections()]
    assert kinds == ["set_stance", "not_quote", "add_quote"]
    assert len(app.db.query_quotes()) == 16  # 16 - 1 removed + 1 added
    app.selectbox(key="fix_undo_pick").set_value(app.db.corrections()[1].correction.id).run()
    app.button(key="fix_undo").click().run()
    assert len(app.db.query_quotes()) == 17 and len(app.db.corrections()) == 2


@pytest.mark.app
def test_page_refuses_words_that_are_not_in_the_article(app):
    app.text_area(key="add_words").input("nobody said this")
    app.button(key="add_quote").click().run()
    assert not app.exception and app.error and "not in the article" in app.error[0].value
    assert app.db.corrections() == []


@pytest.mark.app
def test_page_edits_and_merges_speakers_in_every_article(app):
    app.selectbox(key="sp_pick").set_value("chris-philp").run()
    app.text_input(key="sp_party_chris-philp").input("Reform UK")
    app.button(key="sp_edit").click().run()
    app.selectbox(key="sp_pick").set_value("downing-street").run()
    app.selectbox(key="sp_into").set_value("keir-starmer").run()
    app.button(key="sp_merge").click().run()
    assert not app.exception and not app.error
    assert [r.status for r in app.db.corrections()] == ["applied", "applied"]
    assert "Reform UK" in app.db.options()["parties"]
    assert "downing-street" not in {r["speaker_id"] for r in app.db.query_speakers()}
    # the sidebar's options follow at once
    assert "Reform UK" in app.sidebar.multiselect(key="f_party").options


# -- provenance ----------------------------------------------------------------------------------


def test_provenance_of_articles_quotes_and_numbers(store):
    from analysis.store import add_files, text_hash

    (res,) = add_files(store, [("seed_article.txt", seed_text().encode("utf-8"))])
    (again,) = add_files(store, [("copy.txt", seed_text().replace("\n", "\r\n").encode("utf-8"))])
    assert res.ok and not again.ok and "already in the corpus" in again.message
    (row,) = store.articles()
    assert (row.filename, row.content_hash) == ("seed_article.txt", text_hash(seed_text()))
    assert row.analyser_version == "v1"
    for q in store.query_quotes():
        assert (q["article_id"], q["analyser_version"], q["content_hash"]) == (row.id, "v1", row.content_hash)
        assert q["rule"] and seed_text()[q["start"] : q["end"]] == q["text"]
    for n in store.query_numbers():
        assert n["rule"] and n["analyser_version"] == "v1" and seed_text()[n["start"] : n["end"]] == n["text"]
    frame = tables.articles_frame(store.articles())
    assert list(frame[["file", "content hash"]].iloc[0]) == ["seed_article.txt", row.content_hash[:12]]


def test_registry_additions_keep_bundled_offices_and_old_names():
    from analysis.registry import REGISTRY_PATH

    bundled = json.loads(REGISTRY_PATH.read_text("utf-8"))
    add = corr.registry_additions(
        [
            Correction(
                kind="edit_speaker", article_id=None, speaker_id="keir-starmer", value={"name": "K. Starmer"}, id=1
            ),
            Correction(kind="edit_speaker", article_id=None, speaker_id="someone-unknown", value={"role": "MP"}, id=2),
            Correction(kind="edit_speaker", article_id="a1", speaker_id="chris-philp", value={"party": "X"}, id=3),
        ],
        bundled,
    )
    (keir,) = add["people"]
    assert keir["name"] == "K. Starmer" and "Keir Starmer" in keir["aliases"] and keir["offices"]
    assert add["parties"] == {}


@pytest.mark.app
@pytest.mark.model
def test_every_page_runs_with_every_kind_of_correction(app):
    from tests.test_app import PAGES

    aid = app.db.articles()[0].id
    for kind in corr.KINDS:
        app.db.add_correction(_make(app.db, aid, kind))
    added = next(r for r in app.db.corrections() if r.correction.kind == "add_quote")
    app.query_params["quote"] = added.quote_id
    for page in PAGES:
        app.switch_page(page).run()
        assert not app.exception, (page, [e.value for e in app.exception])
    app.switch_page("pages/how_it_works.py").run()
    assert app.selectbox(key="hiw_quote").value == added.quote_id  # How it works explains a hand-added quote


# -- a correction of who said it decides the stance again ----------------------------------


def _fix(analysis, starts: str, kind: str, cid: int, **value) -> Correction:
    q = next(q for q in analysis.quotes if q.text.startswith(starts))
    return Correction(
        kind=kind, article_id=analysis.article.id, start=q.start, end=q.end, text=q.text, id=cid, value=value
    )


@pytest.mark.model
def test_reassigning_a_quote_to_a_minister_decides_its_stance_again(seed_analysis):
    before = next(q for q in seed_analysis.quotes if q.text.startswith(THEATRE))
    assert before.stance.government == "opposes"
    fix = _fix(seed_analysis, THEATRE, "reassign_speaker", 1, speaker_id="keir-starmer")
    after = next(q for q in corr.apply(seed_analysis, [fix]).analysis.quotes if q.text.startswith(THEATRE))
    assert after.speaker_id == "keir-starmer"
    assert after.stance.government == "supports" and after.stance.rule_ids[1] == "government_voice"
    assert after.stance.evidence == before.stance.evidence  # the words are the same: only the decision changes


@pytest.mark.model
def test_a_stance_a_user_set_survives_a_later_speaker_change(seed_analysis):
    fixes = [
        _fix(seed_analysis, THEATRE, "set_stance", 1, migration="open", government="neutral"),
        _fix(seed_analysis, THEATRE, "reassign_speaker", 2, speaker_id="keir-starmer"),
    ]
    after = next(q for q in corr.apply(seed_analysis, fixes).analysis.quotes if q.text.startswith(THEATRE))
    assert (after.stance.migration, after.stance.government) == ("open", "neutral")
    assert after.stance.rule_ids == (corr.USER_STANCE,)


@pytest.mark.model
def test_editing_a_speakers_party_moves_their_quotes_to_the_other_side(seed_analysis):
    fix = Correction(
        kind="edit_speaker",
        article_id=seed_analysis.article.id,
        speaker_id="chris-philp",
        id=1,
        value={"role": "Labour MP", "party": "Labour"},
    )
    quotes = [q for q in corr.apply(seed_analysis, [fix]).analysis.quotes if q.speaker_id == "chris-philp"]
    assert quotes and all(q.stance.rule_ids[1].startswith("governing_party") for q in quotes)


@pytest.mark.model
def test_deciding_again_for_the_same_speaker_changes_nothing(seed_analysis):
    from analysis.government import facts_of
    from analysis.stance import restance

    for q in seed_analysis.quotes:
        sp = seed_analysis.speaker(q.speaker_id)
        again = restance(q.stance, facts_of(sp) if sp else None, seed_analysis.article.published)
        assert again == q.stance, q.text[:40]


@pytest.mark.model
def test_a_quote_added_by_hand_without_labels_gets_the_rules_stance(seed_analysis):
    text = "agree measures to clamp down on people smuggling"
    at = seed_analysis.article.text.index(text)
    fix = Correction(
        kind="add_quote",
        article_id=seed_analysis.article.id,
        start=at,
        end=at + len(text),
        text=text,
        id=1,
        value={"speaker_id": "keir-starmer"},
    )
    added = next(q for q in corr.apply(seed_analysis, [fix]).analysis.quotes if q.text == text)
    assert (added.stance.migration, added.stance.government) == ("restrictive", "supports")
