"""The web app, driven headless with Streamlit's AppTest (one temp database per test)."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from analysis.store import Filters, Store

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("[!_]*.py"))

# The pages run on the real analyser: what a user sees depends on what it finds.
pytestmark = [pytest.mark.app, pytest.mark.model]

ARTICLE = (
    "Minister defends asylum plan\n"
    "Yvette Cooper, the home secretary, said: “We are clearing the asylum backlog and returning "
    "people with no right to be here.”\n"
    "Asylum claims reached 84,000 last year, according to Home Office figures.\n"
)


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "corpus.db"
    monkeypatch.setenv("STANCE_EXPLORER_DB", str(path))
    return path


@pytest.fixture
def at(db) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def store_for(db: Path) -> Store:
    return Store(db)


def go(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figure(el) -> dict:
    """The Plotly figure behind a chart element, with typed arrays decoded."""
    spec = json.loads(el.proto.spec)

    def decode(v):
        if isinstance(v, dict) and "bdata" in v:
            return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).tolist()
        return v

    for trace in spec["data"]:
        for k in ("x", "y"):
            trace[k] = decode(trace.get(k))
    return spec


def figures_table(at: AppTest) -> str:
    """The Numbers page's table of every figure (escaped HTML)."""
    (table,) = [h.value for h in at.html if ">sentence</th>" in h.value]
    return table


def test_starts_on_the_seed_already_analysed(at, db):
    assert [t.value for t in at.title] == ["Article"]
    assert "Starmer visits Albania" in at.selectbox(key="article_pick").format_func(
        at.selectbox(key="article_pick").value
    )
    body = "".join(h.value for h in at.html)
    assert 'data-speaker="keir-starmer"' in body and "se-number" in body
    assert store_for(db).count() == 1


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(at, page):
    go(at, page)
    assert at.title, f"{page} shows no title"


def test_filter_by_speaker_narrows_pages_and_goes_into_the_url(at, db):
    at.sidebar.multiselect(key="f_speaker").set_value(["chris-philp"]).run()
    assert at.query_params.get("speaker") == "chris-philp"
    go(at, "pages/speakers.py")
    cards = [h.value for h in at.html if "font-weight:700" in h.value]
    assert len(cards) == 1 and "Chris Philp" in cards[0]
    facts = "".join(h.value for h in at.html if 'class="se-facts"' in h.value)
    (quotes,) = re.findall(r'se-k">Quotes</div><div class="se-v">([\d,]+)<', facts)
    assert int(quotes.replace(",", "")) == len(store_for(db).query_quotes(Filters(speakers=("chris-philp",)))) > 0
    go(at, "pages/stance.py")
    assert at.sidebar.multiselect(key="f_speaker").value == ["chris-philp"]
    assert at.query_params.get("speaker") == "chris-philp"


def test_filters_are_read_from_the_url(db):
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.query_params["speaker"] = "keir-starmer"
    app.query_params["q"] = "Albania"
    app.run()
    assert not app.exception
    assert app.sidebar.multiselect(key="f_speaker").value == ["keir-starmer"]
    assert app.sidebar.text_input(key="f_q").value == "Albania"


def test_add_article_by_paste(at, db):
    go(at, "pages/corpus.py")
    at.text_area(key="paste_text").input(ARTICLE)
    at.text_input(key="paste_title").input("Minister defends asylum plan")
    at.button(key="paste_add").click().run()
    assert not at.exception and not at.error
    assert any("Added" in s.value for s in at.success)
    assert store_for(db).count() == 2
    # The sidebar offers the new article straight away.
    assert len(at.sidebar.multiselect(key="f_article").options) == 2


def test_pasting_the_same_article_twice_is_refused(at, db):
    go(at, "pages/corpus.py")
    for _ in range(2):
        at.text_area(key="paste_text").input(ARTICLE)
        at.button(key="paste_add").click().run()
    assert any("Already in the corpus" in w.value for w in at.warning)
    assert store_for(db).count() == 2


def test_empty_paste_shows_an_error_and_changes_nothing(at, db):
    go(at, "pages/corpus.py")
    at.text_area(key="paste_text").input("   ")
    at.button(key="paste_add").click().run()
    assert not at.exception and at.error
    assert store_for(db).count() == 1


def test_add_articles_by_upload(at, db):
    go(at, "pages/corpus.py")
    other = ARTICLE.replace("84,000", "91,000").replace("Minister defends", "Home Office defends")
    at.file_uploader(key="upload_files").set_value(
        [
            ("asylum.txt", ARTICLE.encode("utf-8"), "text/plain"),
            ("asylum_latin1.txt", other.replace("“", '"').replace("”", '"').encode("latin-1"), "text/plain"),
        ]
    ).run()
    at.button(key="upload_add").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert sum("added" in s.value for s in at.success) == 2
    assert store_for(db).count() == 3


def test_bad_upload_shows_an_error_and_changes_nothing(at, db):
    go(at, "pages/corpus.py")
    at.file_uploader(key="upload_files").set_value([("scan.txt", b"%PDF-1.7\n\x00\x01\x02binary", "text/plain")]).run()
    at.button(key="upload_add").click().run()
    assert not at.exception
    assert at.error and "scan.txt" in at.error[0].value
    assert store_for(db).count() == 1


def test_numbers_page_shows_the_seed_figures(at):
    go(at, "pages/numbers.py")
    texts = figures_table(at)
    assert "12,699" in texts and "95%" in texts
    charts = " ".join(e.proto.spec for e in at.get("plotly_chart"))
    assert "12,699" in charts and "95%" in charts
    for el in at.get("plotly_chart"):  # figure labels stay labels ("12,000" is not the number 12000)
        assert json.loads(el.proto.spec)["layout"]["yaxis"]["type"] == "category"
    assert at.get("plotly_chart"), "no chart drawn"


def test_stance_map_puts_starmer_and_philp_on_opposite_sides_of_the_government_axis(at):
    go(at, "pages/stance.py")
    (spec,) = [figure(e) for e in at.get("plotly_chart") if '"speakers"' in e.proto.spec]
    (speakers,) = [t for t in spec["data"] if t["name"] == "speakers"]
    y = {c[5]: v for c, v in zip(speakers["customdata"], speakers["y"])}
    assert y["Keir Starmer"] < 0 < y["Chris Philp"]


def test_how_it_works_draws_the_parse(at):
    go(at, "pages/how_it_works.py")
    body = "".join(h.value for h in at.html)
    (data,) = re.findall(r'class="se-displacy"[^>]*src="data:image/svg\+xml;base64,([^"]+)"', body)[:1]
    assert base64.b64decode(data).decode().startswith("<svg")
    assert 'class="entities"' in body  # the entity view


def _compare(db, **params) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.run()
    app.query_params.update(params)
    return go(app, "pages/compare.py")


def test_compare_two_speakers_from_the_url(db):
    app = _compare(db, a="keir-starmer", b="chris-philp")
    assert app.segmented_control(key="compare_mode").value == "speakers"
    heads = [h.value for h in app.html if "se-head" in h.value]
    assert "Keir Starmer" in heads[0] and "supports" in heads[0]
    assert "Chris Philp" in heads[1] and "opposes" in heads[1]
    assert app.query_params.get("mode") == "speakers"


def test_compare_parties_from_a_shared_link_keeps_mode_and_sides(db):
    app = _compare(db, a="Labour", b="Conservative")  # no mode: two party names mean parties
    assert app.segmented_control(key="compare_mode").value == "parties"
    assert app.query_params.get("mode") == "parties"
    assert (app.query_params.get("a"), app.query_params.get("b")) == ("Labour", "Conservative")
    body = "".join(h.value for h in app.html)
    # who speaks for each party, with role, and the charts on one scale
    assert "Keir Starmer" in body and "Chris Philp" in body
    bars = [figure(e) for e in app.get("plotly_chart")]
    assert len(bars) == 2 and bars[0]["layout"]["yaxis"]["range"] == bars[1]["layout"]["yaxis"]["range"]


def test_compare_lines_figures_up_by_metric(db):
    app = _compare(db, mode="parties", a="Labour", b="Conservative")
    (table,) = [h.value for h in app.html if "se-figures" in h.value]
    rows = re.findall(r'<tr data-metric="([^"]+)"><th>.*?</th><td>(.*?)</td><td>(.*?)</td></tr>', table, re.S)
    assert rows, table[:500]
    for _metric, left, right in rows:  # each figure sits in its side's column, with its citer and sentence
        assert "cited by" in left + right and "article?id=" in left + right
    assert "90%" in table and "Chris Philp" in table


def test_compare_says_when_a_linked_side_is_unknown(db):
    app = _compare(db, mode="speakers", a="nobody-at-all", b="chris-philp")
    assert any("nobody-at-all" in w.value for w in app.warning)


def test_delete_article(at, db):
    go(at, "pages/corpus.py")
    at.checkbox(key="delete_sure").check().run()
    at.button(key="delete_one").click().run()
    assert not at.exception
    assert store_for(db).count() == 0
    go(at, "pages/article.py")
    assert any("no articles yet" in i.value for i in at.info)  # the empty state says what to do next
    assert "Add articles on the Corpus page" in [link.value for link in at.page_link]


def test_numbers_page_follows_a_speaker_filter(at):
    go(at, "pages/numbers.py")
    at.sidebar.multiselect(key="f_speaker").set_value(["chris-philp"]).run()
    assert not at.exception
    texts = figures_table(at)
    assert "90%" in texts and "12,699" not in texts


def test_url_to_a_local_address_is_refused(at, db):
    go(at, "pages/corpus.py")
    at.text_input(key="url_text").input("http://127.0.0.1:8501/admin")
    at.button(key="url_add").click().run()
    assert not at.exception
    assert at.error and "local or private" in at.error[0].value
    assert store_for(db).count() == 1


def test_add_article_from_a_url(at, db, monkeypatch):
    from analysis import fetch

    html = (
        "<html><head><title>Minister defends asylum plan</title></head><body><article>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE.strip().splitlines())
        + "</article></body></html>"
    )

    def fake_fetch(url, **kwargs):
        return fetch.FetchedPage(
            url=url,
            final_url=url,
            html=html,
            title="Minister defends asylum plan",
            published=None,
            source="Example News",
        )

    monkeypatch.setattr(fetch, "fetch_url", fake_fetch)
    go(at, "pages/corpus.py")
    at.text_input(key="url_text").input("https://news.example/asylum")
    at.button(key="url_add").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert store_for(db).count() == 2
    (row,) = [r for r in store_for(db).articles() if r.url]
    assert row.source == "Example News" and row.url == "https://news.example/asylum"


def test_the_paste_form_clears_after_an_add(at, db):
    go(at, "pages/corpus.py")
    at.text_area(key="paste_text").input(ARTICLE)
    at.text_input(key="paste_title").input("Minister defends asylum plan")
    at.text_input(key="paste_source").input("Example News")
    at.button(key="paste_add").click().run()
    assert any("Added" in s.value for s in at.success)
    assert at.text_area(key="paste_text").value == ""
    assert at.text_input(key="paste_title").value == ""
    assert at.text_input(key="paste_source").value == ""


def test_an_article_without_quotes_gets_a_warning(at, db):
    go(at, "pages/corpus.py")
    at.text_area(key="paste_text").input("Weather report\nRain is expected across the north on Tuesday.\n")
    at.button(key="paste_add").click().run()
    assert any("Added" in s.value for s in at.success)
    assert any("no quotes" in w.value for w in at.warning)


def test_editing_a_headline_survives_a_reanalysis(at, db):
    go(at, "pages/corpus.py")
    at.text_input(key="edit_title").input("A corrected headline")
    at.text_input(key="edit_source").input("The Corrected Times")
    at.button(key="edit_save").click().run()
    assert not at.exception and any("Saved 2 changes" in s.value for s in at.success)
    (row,) = store_for(db).articles()
    assert (row.title, row.source) == ("A corrected headline", "The Corrected Times")
    at.button(key="reanalyse_one").click().run()
    (row,) = store_for(db).articles()
    assert row.title == "A corrected headline"
    go(at, "pages/stance.py")  # every page reads the new headline
    assert "A corrected headline" in at.sidebar.multiselect(key="f_article").format_func(row.id)


def test_an_empty_headline_is_refused_with_a_message(at, db):
    go(at, "pages/corpus.py")
    at.text_input(key="edit_title").input("   ")
    at.button(key="edit_save").click().run()
    assert not at.exception and any("cannot be empty" in e.value for e in at.error)


def test_an_unknown_article_id_says_so(db):
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.query_params["id"] = "no-such-article"
    app.run()
    assert not app.exception
    assert any("no-such-article" in w.value for w in app.warning)


def test_the_date_range_follows_the_corpus_until_the_user_moves_it(at, db):
    import datetime as dt

    store = store_for(db)
    store.add(ARTICLE.replace("84,000", "85,000"), title="Older", published=dt.date(2020, 1, 1))
    at.run()
    lo, hi = at.sidebar.date_input(key="f_dates").value
    assert lo == dt.date(2020, 1, 1)
    store.add(ARTICLE.replace("84,000", "86,000"), title="Newest", published=dt.date(2026, 11, 30))
    at.run()
    assert at.sidebar.date_input(key="f_dates").value[1] == dt.date(2026, 11, 30)  # not stuck at the old end
    go(at, "pages/speakers.py")
    assert any("in 3 articles" in c.value for c in at.caption)  # the newest article is not filtered out


PRONOUN_ARTICLE = (
    "Cooper defends asylum plan\nYvette Cooper, the home secretary, visited Dover on Monday.\n"
    "“We are clearing the asylum backlog and returning people with no right to be here,” she said.\n"
)


def test_how_it_works_links_a_pronoun_to_the_earlier_name_in_plain_words(at, db):
    result = store_for(db).add(PRONOUN_ARTICLE, title="Cooper defends asylum plan")
    at.query_params["id"] = result.article_id
    at.session_state["hiw_article"] = result.article_id
    go(at, "pages/how_it_works.py")
    body = "".join(h.value for h in at.html)
    (link,) = re.findall(r'<div class="se-link" data-mention="([^"]*)" data-named="([^"]*)"', body)
    assert link == ("she", "Yvette Cooper")
    assert "<details" in body and "refers back to" in body  # opens on click or tap, no hover needed
    svg = base64.b64decode(re.findall(r'class="se-displacy"[^>]*src="data:image/svg\+xml;base64,([^"]+)"', body)[0])
    assert b"subject" in svg and b"nsubj" not in svg  # plain names instead of spaCy's labels


US_ARTICLE = (
    "Trump vows to close the border\n"
    "President Donald Trump said: “We will close the border to illegal immigration and deport criminals.”\n"
    "Senator Maria Alvarez, a Democrat, said: “Deporting families is cruel and will not make us safer.”\n"
)


def test_the_positions_map_is_drawn_per_government_and_finds_a_speaker(at, db):
    store_for(db).add(US_ARTICLE, title="Trump vows to close the border", published="2025-06-01")
    at.run()
    go(at, "pages/stance.py")
    picker = at.segmented_control(key="map_government")
    labels = " | ".join(picker.options)
    assert "UK: Labour government (Starmer)" in labels and "US: Republican government (Trump)" in labels
    picker.set_value("us-2025-01-20").run()
    assert at.query_params.get("gov") == "us-2025-01-20"
    (spec,) = [figure(e) for e in at.get("plotly_chart") if '"speakers"' in e.proto.spec]
    names = {c[5] for t in spec["data"] if t["name"] in ("speakers", "parties") for c in t["customdata"]}
    assert "Donald Trump" in names and "Keir Starmer" not in names  # one government per map
    at.selectbox(key="map_find_us-2025-01-20").set_value("donald-trump").run()
    assert not at.exception
    assert any("by Donald Trump" in m.value for m in at.markdown)
    body = "".join(h.value for h in at.html)
    assert "close the border" in body


def test_trends_by_outlet_and_month_list_the_quotes_of_a_period(at, db):
    go(at, "pages/trends.py")
    at.segmented_control(key="trend_by").set_value("outlet").run()
    assert at.query_params.get("by") == "outlet" and at.query_params.get("period") == "month"
    reading = at.selectbox(key="trend_read")
    (may,) = [o for o in reading.options if o.startswith("May 2025 · LBC")]
    reading.select_index(reading.options.index(may)).run()
    assert not at.exception
    assert any("May 2025 · LBC" in m.value for m in at.markdown)
    assert "smash the gangs" in "".join(h.value for h in at.html)
