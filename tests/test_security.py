"""Escaping, in a real browser: markup in an article, its title and a speaker's name is shown as
text on every page, and none of it runs.

The article carries `<script>` and `<img src=x onerror=...>`; a user correction renames a speaker
to markup. Each payload would set `window.__pwned` and the document title, or open a dialog; the
test fails on any of those. Skipped (with the reason) when Chromium or Playwright is missing.
"""

from __future__ import annotations

import pytest

from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, _require_browser, _running_server

pytestmark = [pytest.mark.browser, pytest.mark.model]

SCRIPT = "<script>window.__pwned='script';document.title='PWNED';alert('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned='img';document.title='PWNED';alert('img')\">"
SVG = "<svg onload=\"window.__pwned='svg';alert('svg')\"></svg>"
TITLE = f"Minister {SCRIPT} defends {IMG} asylum plan"
EVIL_NAME = f"Jane {IMG} Doe {SCRIPT}"
TEXT = (
    f"Minister defends asylum plan {SVG}\n"
    f"Jane Doe, the home secretary, said: “We will {SCRIPT} cut the asylum backlog {IMG} this year.”\n"
    f"Asylum claims rose to 84,000 in 2024, according to Home Office figures {IMG}.\n"
    f"Chris Philp, the shadow home secretary, said: “This plan {SVG} will fail and the boats will keep coming.”\n"
)
PAGES = ("", "speakers", "stance", "numbers", "compare", "how_it_works", "corrections", "corpus")


@pytest.fixture(scope="module")
def evil_server(tmp_path_factory):
    _require_browser()
    from analysis.corrections import Correction
    from analysis.nlp import load_nlp
    from analysis.store import Store

    load_nlp()
    tmp = tmp_path_factory.mktemp("security")
    store = Store(tmp / "corpus.db")
    store.set_meta("seeded", "1")  # only the hostile article
    aid = store.add(TEXT, title=TITLE, source=f"Evil {IMG} News", published="2025-05-01").article_id
    analysis = store.get_analysis(aid)
    jane = next(q for q in analysis.quotes if q.text.startswith("We will"))
    store.add_correction(
        Correction(
            kind="edit_speaker",
            article_id=None,
            speaker_id=jane.speaker_id,
            value={"name": EVIL_NAME, "party": f"Party {SCRIPT}"},
        )
    )
    store.add_correction(
        Correction(
            kind="add_quote",
            article_id=aid,
            start=TEXT.index("Asylum claims"),
            end=TEXT.index("Asylum claims") + len("Asylum claims rose to 84,000"),
            text="Asylum claims rose to 84,000",
            value={"name": f"Bob {IMG}", "new": True, "migration": "neutral"},
        )
    )
    for base in _running_server(tmp):
        yield base, aid


def settle(page) -> None:
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=90_000)
    page.wait_for_timeout(700)  # charts and html blocks draw just after the run ends
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=90_000)


def test_markup_is_shown_as_text_and_never_runs(evil_server):
    from playwright.sync_api import sync_playwright

    base, aid = evil_server
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            # Control: in this browser the payloads do run when rendered as markup.
            page.set_content(f"<body>{IMG}</body>")
            page.wait_for_function("window.__pwned === 'img'", timeout=10_000)
            assert dialogs == ["img"]
            dialogs.clear()
            for path in PAGES:
                page.goto(f"{base}/{path}?id={aid}", wait_until="domcontentloaded")
                settle(page)
                # the server may still warm up: a page showing the skeleton only is not a pass
                page.locator('[data-testid="stMainBlockContainer"] h1').first.wait_for(timeout=90_000)
                assert page.evaluate("window.__pwned") is None, path
                assert "PWNED" not in page.title(), path
                assert not dialogs, (path, dialogs)
                assert page.locator("text=Traceback").count() == 0, path
            # Shown as text: the Article page prints the markup literally, in the text and the title,
            # and the Who said what page prints the corrected speaker name literally.
            page.goto(f"{base}/?id={aid}", wait_until="domcontentloaded")
            settle(page)
            page.locator("mark.se-quote").first.wait_for(timeout=90_000)
            body = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
            assert "<script>window.__pwned='script'" in body
            assert "<img src=x onerror=" in body and "<svg onload=" in body
            assert page.locator("img[src='x']").count() == 0 and page.locator("svg[onload]").count() == 0
            page.goto(f"{base}/speakers", wait_until="domcontentloaded")
            settle(page)
            page.get_by_text("Jane <img src=x", exact=False).first.wait_for(timeout=60_000)
            page.get_by_text("Bob <img src=x", exact=False).first.wait_for(timeout=60_000)
            assert page.locator("img[src='x']").count() == 0
            assert page.evaluate("window.__pwned") is None and "PWNED" not in page.title() and not dialogs
        finally:
            browser.close()
