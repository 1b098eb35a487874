"""The journalist's and the teacher's workbench in a real browser (issue 11), as a user would use it.

One `streamlit run` server for the module, over a temporary copy of the demonstration corpus
(the seed and ten synthetic articles from five countries, scripts/demo_corpus.py), and one
Debian Chromium. Tests that change the corpus add or edit their own article, so the others do
not depend on the order they run in. Skipped when /usr/bin/chromium or Playwright is missing.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, _require_browser, _running_server

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
MAIN = '[data-testid="stMainBlockContainer"]'
SEED_TITLE = "Starmer visits Albania to boost cooperation on illegal migration"
# Every page of the app, as a user reaches it (Compare from a shared link).
PAGES = {
    "Article": "/",
    "Who said what": "/speakers",
    "Stance": "/stance",
    "Numbers": "/numbers",
    "Trends": "/trends",
    "Compare": "/compare?mode=parties&a=Labour&b=Conservative",
    "How it works": "/how_it_works",
    "Corrections": "/corrections",
    "Corpus": "/corpus",
}
NEW_HEADLINE = "Care visa curbs will cut migration, says Labour MP"
NEW_ARTICLE = (
    f"{NEW_HEADLINE}\n"
    "Priya Castellane, the Labour MP for Northbrook, said: “We will bring net migration down by ending "
    "the overseas recruitment of care workers.”\n"
    "Some 130,000 care worker visas were issued last year, she said.\n"
    "“Ending it overnight would leave care homes without staff,” said Tom Aldridge, who runs a care "
    "home in Northbrook.\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    _require_browser()
    tmp = tmp_path_factory.mktemp("workbench")
    sys.path.insert(0, str(ROOT / "scripts"))
    from demo_corpus import build_demo_corpus

    build_demo_corpus(tmp / "corpus.db")
    return tmp


@pytest.fixture(scope="module")
def server(corpus):
    yield from _running_server(corpus)


@pytest.fixture(scope="module")
def chromium():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def seed_id(corpus: Path) -> str:
    with sqlite3.connect(corpus / "corpus.db") as conn:
        return conn.execute("SELECT id FROM articles WHERE id LIKE 'starmer-visits-albania%'").fetchone()[0]


def settled(page) -> None:
    """Wait until the app has finished its script run (and for the browser to draw it)."""
    page.wait_for_timeout(300)
    page.locator(IDLE).wait_for()
    page.wait_for_timeout(300)
    page.locator(IDLE).wait_for()


def open_page(page, url: str, heading: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.locator('[data-testid="stMainBlockContainer"] h1', has_text=heading).first.wait_for()
    settled(page)
    assert page.locator('[data-testid="stException"]').count() == 0


def nav(page, title: str) -> None:
    """Click a page in the sidebar's navigation: the same session, as a user moves between pages."""
    page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
    page.locator('[data-testid="stMainBlockContainer"] h1', has_text=title).first.wait_for()
    settled(page)
    assert page.locator('[data-testid="stException"]').count() == 0, title


def choose(page, label: str, typed: str) -> None:
    """Pick an option of a selectbox by typing part of it, as one does in a long list."""
    box = page.locator('[data-testid="stSelectbox"]', has_text=label).first
    box.locator("input").click()
    page.keyboard.type(typed)
    page.get_by_role("option", name=re.compile(re.escape(typed))).first.click()
    settled(page)


def charts_drawn(page) -> None:
    """Wait until every Plotly chart on the page has drawn its plot area."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        ".every(c => c.querySelector('.js-plotly-plot .main-svg'))"
    )
    page.wait_for_timeout(500)  # Plotly's transitions and automargin redraws


LAYOUT_JS = """() => {
  const box = el => { const b = el.getBoundingClientRect(); return {l: b.left, t: b.top, r: b.right, b: b.bottom}; };
  const charts = [...document.querySelectorAll('.js-plotly-plot')].map(plot => ({
    chart: box(plot),
    legend: plot.querySelector('g.legend') ? box(plot.querySelector('g.legend')) : null,
    areas: [...plot.querySelectorAll('.nsewdrag')].map(box),
    labels: [...plot.querySelectorAll('g.textpoint text')].filter(t => t.textContent.trim())
      .map(t => ({text: t.textContent, ...box(t)})),
  }));
  const cut = [...document.querySelectorAll('[data-testid="stMetricValue"], .se-v, .se-head, .se-cmp td')]
    .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.innerText.slice(0, 60));
  const main = document.querySelector('[data-testid="stMain"]');
  return {charts, cut, overflow: main.scrollWidth - main.clientWidth};
}"""


def _intersect(a: dict, b: dict, slack: float = 1.0) -> bool:
    return a["l"] < b["r"] - slack and b["l"] < a["r"] - slack and a["t"] < b["b"] - slack and b["t"] < a["b"] - slack


def layout_problems(page) -> list[str]:
    """What a reader would see as broken: a legend over a plot area, a plot squeezed by its legend,
    map labels on top of each other, a headline value or table cell cut off, a page wider than the window."""
    found = page.evaluate(LAYOUT_JS)
    problems = []
    for i, c in enumerate(found["charts"]):
        width = c["chart"]["r"] - c["chart"]["l"]
        for area in c["areas"]:
            if c["legend"] and _intersect(c["legend"], area):
                problems.append(f"chart {i}: the legend {c['legend']} covers the plot area {area}")
            if area["r"] - area["l"] < 0.5 * width or area["b"] - area["t"] < 100:
                problems.append(f"chart {i}: the plot area {area} is squeezed (chart width {width:.0f})")
        labels = c["labels"]
        for j, a in enumerate(labels):
            for b in labels[j + 1 :]:
                if _intersect(a, b):
                    problems.append(f"chart {i}: labels {a['text']!r} and {b['text']!r} overlap")
    problems += [f"cut off: {text!r}" for text in found["cut"]]
    if found["overflow"] > 1:
        problems.append(f"the page is {found['overflow']} px wider than the window")
    return problems


# -- the tests --------------------------------------------------------------------------------------


def test_party_comparison_from_a_shared_link_lines_the_figures_up_by_metric(server, page):
    # A journalist's colleague sends a link with two party names and no mode.
    open_page(page, server + "/compare?a=Labour&b=Conservative", "Compare")
    page.wait_for_function("() => new URLSearchParams(location.search).get('mode') === 'parties'")
    active = page.locator('[data-testid="stButtonGroup"]').get_by_role("radio", checked=True)
    assert active.count() == 1 and active.inner_text().strip() == "Two parties"
    heads = page.locator(".se-head").all_inner_texts()
    assert heads[:2] == ["Labour", "Conservative"]
    rows = page.evaluate(
        """() => {
      const box = el => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
      const table = document.querySelector('.se-figures table');
      const heads = [...table.querySelectorAll('thead th')].map(th => ({text: th.innerText, box: box(th)}));
      const rows = [...table.querySelectorAll('tbody tr')].map(tr => ({
        metric: tr.dataset.metric, th: box(tr.querySelector('th')),
        cells: [...tr.querySelectorAll('td')].map(td => ({box: box(td),
          figures: [...td.querySelectorAll('.se-fig')].map(f => ({box: box(f), text: f.innerText}))})),
      }));
      return {heads, rows};
    }"""
    )
    assert [h["text"] for h in rows["heads"]] == ["metric", "Labour", "Conservative"]
    both = 0
    for row in rows["rows"]:
        assert len(row["cells"]) == 2, row["metric"]
        for side, cell in enumerate(row["cells"]):
            head = rows["heads"][side + 1]["box"]
            assert abs(cell["box"][1] - row["th"][1]) < 1, f"{row['metric']}: a side's figures sit on another row"
            assert abs(cell["box"][0] - head[0]) < 1 and abs(cell["box"][2] - head[2]) < 1, row["metric"]
            for fig in cell["figures"]:  # inside its own cell: lined up under the side that cited it
                assert head[0] - 1 <= fig["box"][0] and fig["box"][2] <= head[2] + 1, fig["text"]
                assert "cited by" in fig["text"]
        both += all(cell["figures"] for cell in row["cells"])
    assert both >= 1, "no metric that both parties cite is lined up side by side"
    # Reopening the URL the app wrote reproduces the view exactly.
    url = page.url
    open_page(page, url, "Compare")
    assert page.locator(".se-head").all_inner_texts()[:2] == ["Labour", "Conservative"]


def test_a_pasted_article_clears_the_form_and_appears_on_every_page_of_the_session(server, page):
    open_page(page, server + "/corpus", "Corpus")
    page.get_by_label("Article text (or the page's HTML)").fill(NEW_ARTICLE)
    page.get_by_label("Headline (optional)").fill(NEW_HEADLINE)
    page.get_by_label("Outlet (optional)").fill("Example Gazette (synthetic)")
    for part, typed in (("year", "2026"), ("month", "03"), ("day", "02")):
        page.get_by_role("spinbutton", name=f"{part}, Published (optional)").click()
        page.keyboard.type(typed)
    page.get_by_role("button", name="Analyse and add").click()
    page.get_by_text(f"Added “{NEW_HEADLINE}”").wait_for(timeout=120_000)
    settled(page)
    # The form is blank for the next paste.
    assert page.get_by_label("Article text (or the page's HTML)").input_value() == ""
    assert page.get_by_label("Headline (optional)").input_value() == ""
    assert page.get_by_label("Outlet (optional)").input_value() == ""
    assert page.get_by_role("spinbutton", name="year, Published (optional)").inner_text() == "yyyy"
    # The corpus list has it, with its date, and the sidebar's date range now reaches it.
    assert NEW_HEADLINE in " ".join(page.locator('[data-testid="stDataFrame"] table td').all_inner_texts())
    dates = "".join(page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]').inner_text().split())
    assert dates.endswith("2026/03/02"), dates

    nav(page, "Article")  # the newest article opens first
    assert page.locator(MAIN + " h3", has_text=NEW_HEADLINE).count() == 1
    assert page.locator('mark.se-quote[data-speaker="priya-castellane"]').count() >= 1

    nav(page, "Who said what")
    assert page.get_by_text(re.compile(r"in 12 articles")).count() >= 1

    nav(page, "Stance")
    choose(page, "Find a speaker or party on the map", "Priya Castellane")
    page.get_by_text(re.compile(r"\d quotes? by Priya Castellane")).wait_for()

    nav(page, "Numbers")
    assert "Some 130,000" in page.locator(".se-cmp").last.inner_text()

    nav(page, "Trends")
    choose(page, "Period and group", "March 2026 · Labour")
    page.get_by_text(re.compile(r"March 2026 · Labour: \d quotes? about migration")).wait_for()
    assert "Priya Castellane" in page.locator(".se-cmp").first.inner_text()

    nav(page, "Compare")
    choose(page, "Left: speaker", "Priya Castellane")
    assert page.locator(".se-head").first.inner_text() == "Priya Castellane"
    assert "Labour MP for Northbrook" in page.locator(".se-facts").first.inner_text()

    nav(page, "How it works")  # the newest article opens first
    assert NEW_HEADLINE in page.get_by_role("combobox", name="Article", exact=True).input_value()

    nav(page, "Corrections")
    assert NEW_HEADLINE in page.get_by_role("combobox", name="Article", exact=True).input_value()


def test_an_edited_headline_survives_a_reanalysis(server, corpus, page):
    new = "Starmer in Tirana: a headline corrected by the desk"
    open_page(page, server + "/corpus", "Corpus")
    choose(page, "Article to edit", "Starmer visits Albania")
    headline = page.get_by_label("Headline", exact=True)
    assert headline.input_value() == SEED_TITLE
    headline.fill(new)
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text(re.compile(r"Saved 1 change to")).wait_for()
    settled(page)
    choose(page, "Article to re-analyse", "Starmer in Tirana")
    page.get_by_role("button", name="Re-analyse this article").click()
    page.get_by_text(re.compile(r"Re-analysed “Starmer in Tirana")).wait_for(timeout=120_000)
    settled(page)
    assert page.get_by_text(f"title: “{SEED_TITLE}” → “{new}”").count() == 1  # listed, with an undo
    open_page(page, f"{server}/?id={seed_id(corpus)}", "Article")
    assert page.locator(MAIN + " h3").first.inner_text() == new


def test_how_it_works_draws_the_link_from_a_pronoun_to_the_earlier_name(server, corpus, page):
    page.set_viewport_size({"width": 1280, "height": 720})  # a classroom projector
    open_page(page, f"{server}/how_it_works?id={seed_id(corpus)}&quote=q6", "How it works")
    link = page.locator(".se-link").first
    link.wait_for()
    assert link.get_attribute("data-mention") == "he"
    named = link.get_attribute("data-named")
    assert named and "Keir" in named
    assert "refers back to" in link.inner_text()
    mention, earlier = (
        page.locator(".se-passage mark.se-t-mention").first,
        page.locator(".se-passage mark.se-t-named").first,
    )
    for mark in (mention, earlier):
        box = mark.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1280, "a mark of the link is off screen"
    assert earlier.inner_text().startswith(named) and mention.inner_text().startswith("he")
    # The explanation opens on a click (no hover), in large type.
    step = page.locator("details.se-step").nth(1)
    step.locator("summary").click()
    assert step.get_attribute("open") is not None
    size = float(step.evaluate("el => getComputedStyle(el).fontSize").rstrip("px"))
    assert size >= 20
    # The grammar diagram scrolls sideways instead of being cut off.
    parse = page.locator(".se-parse").first
    widths = parse.evaluate("el => [el.scrollWidth, el.clientWidth, el.querySelector('img').naturalWidth]")
    assert widths[0] >= min(widths[2], 100) and parse.evaluate("el => getComputedStyle(el).overflowX") == "auto"


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)], ids=["1024px", "1280x720"])
def test_every_page_keeps_legends_off_the_charts_and_nothing_cut_off(server, page, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    problems = {}
    for title, path in PAGES.items():
        open_page(page, server + path, title)
        charts_drawn(page)
        found = layout_problems(page)
        if found:
            problems[title] = found
    assert not problems, problems


def test_the_csv_downloads_open_as_utf8_with_a_byte_order_mark(server, page):
    open_page(page, server + "/", "Article")
    sidebar = page.locator('[data-testid="stSidebar"]')
    for name, columns in (
        ("Quotes CSV", ("article_title", "article_url", "content_hash", "speaker", "text", "start", "end")),
        ("Numbers CSV", ("article_title", "article_url", "content_hash", "text", "value", "cited_by_name")),
    ):
        with page.expect_download() as download:
            sidebar.get_by_role("button", name=name).click()
        raw = Path(download.value.path()).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{name}: no byte-order mark, Excel would misread ß and “”"
        text = raw.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and set(columns) <= set(rows[0]), (name, list(rows[0]))
        assert all(r["content_hash"] and len(r["content_hash"]) == 64 for r in rows)
        assert any(c in text for c in "“”’"), f"{name}: curly quotes did not survive"


def test_trends_a_click_on_a_bar_lists_the_quotes_of_that_month_and_party(server, page):
    open_page(page, server + "/trends?by=party&period=month", "Trends")
    charts_drawn(page)
    bars = page.locator('[data-testid="stPlotlyChart"]').nth(1).locator("g.point path")
    bars.nth(3).wait_for()  # a chart further down can still be drawing on a loaded machine
    assert bars.count() > 3
    bars.first.scroll_into_view_if_needed()
    box = bars.first.bounding_box()  # Plotly listens on the drag layer above the bars: click where a user would
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(500)  # the hover that tells Plotly which bar is under the pointer
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_text(re.compile(r"^\w+ \d{4} · .+: \d+ quotes? about migration")).wait_for()
    settled(page)
    listed = page.locator(".se-cmp").first.inner_text()
    assert "quote" in listed and "outlet" in listed


def test_stance_a_click_on_a_point_of_the_map_lists_that_speakers_quotes(server, page):
    open_page(page, server + "/stance?gov=uk-2024-07-05", "Stance")
    charts_drawn(page)
    assert "UK: Labour government (Starmer)" in page.get_by_role("radio", checked=True).first.inner_text()
    points = (
        page.locator('[data-testid="stPlotlyChart"]').nth(2).locator("g.trace.scatter").nth(1).locator("path.point")
    )
    points.nth(9).wait_for()  # the map is the third chart: on a loaded machine it can still be drawing
    assert points.count() >= 10  # speakers on the UK Labour government's map
    points.first.scroll_into_view_if_needed()
    box = points.first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(500)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_text(re.compile(r"^\d+ quotes? by .+")).first.wait_for()
    assert "quote" in page.locator(".se-cmp").first.inner_text()
