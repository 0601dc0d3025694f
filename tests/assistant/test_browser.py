"""The real app in a real browser: Debian's chromium driven by Playwright, against the real server.

Needs /usr/bin/chromium (``make browser``); never downloads a browser. Screenshots go to
tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from evals.ports import free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ANSWER_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def server(assistant, tmp_path_factory):
    from assistant.ui import start
    from assistant.ui_exports import Exports

    app, url = start(assistant, "127.0.0.1", free_port(), exports=Exports(tmp_path_factory.mktemp("exports")))
    yield url
    app.close()


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless; every context made from it starts with fresh, in-memory user data."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: run `make browser` to install Debian's chromium")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def context(browser):
    browser_context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    yield browser_context
    browser_context.close()


@pytest.fixture
def page(context, server):
    """A new page: a new Gradio session with its own history."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server)
    page.wait_for_selector("#question textarea")
    yield page
    page.close()
    assert not errors, errors


def ask(page, question: str) -> object:
    """Type a question, press Ask, wait for the complete answer (its sources line) and for the event to
    finish (Ask ignores clicks while its last event runs); return the answer bubble."""
    before = page.locator("#chat .bot-row").count()
    page.fill("#question textarea", question)
    page.click("#ask")
    bubble = page.locator("#chat .bot-row").nth(before)
    bubble.locator(".sources").wait_for(timeout=ANSWER_TIMEOUT_MS)
    page.locator("#chat [data-testid=status-tracker].hide").wait_for(state="attached", timeout=ANSWER_TIMEOUT_MS)
    return bubble


def test_vote_question_cites_para_7_and_shows_the_vote(page):
    bubble = ask(page, "How did France vote on draft resolution I?")
    text = bubble.inner_text()
    assert "France voted against draft resolution I (A/C.1/73/L.27/Rev.1)" in text
    assert "by a recorded vote of 109 to 45, with 16 abstentions" in text

    bubble.locator("a.cite", has_text="[1]").first.click()
    panel = page.locator("#source-panel .source")
    page.wait_for_function("document.querySelector('#source-panel .source-label')?.innerText.includes('A/73/505, para. 7')")
    assert "the Committee adopted draft resolution A/C.1/73/L.27/Rev.1 by a recorded vote of 109 to 45" in panel.inner_text()
    assert panel.locator("mark").all_inner_texts() == ["France"]

    assert page.locator("#vote-table").is_visible()
    assert "France" in page.locator("#vote-table").inner_text()
    page.locator("#tally-chart svg.marks").wait_for()
    assert "[1] A/73/505, para. 7" in page.input_value("#plain textarea")
    page.screenshot(path=str(ARTIFACTS / "ask-vote.png"), full_page=True)


def test_content_question_citation_opens_the_quoted_paragraph(page):
    ask(page, "How did France vote on draft resolution I?")
    bubble = ask(page, "What does the text say about critical infrastructure?")
    assert "intentionally damages critical infrastructure" in bubble.inner_text()

    label = page.locator("#source-panel .source-label")
    page.locator("#chat .bot-row").first.locator("a.cite").first.click()
    label.filter(has_text="A/73/505, para. 7").wait_for()
    assert page.locator("#source-panel mark").all_inner_texts() == ["France"]

    bubble.locator("a.cite", has_text="[1]").first.click()
    label.filter(has_text="A/73/505, draft resolution I, operative para. 1.6").wait_for()
    marked = " ".join(page.locator("#source-panel mark").all_inner_texts())
    assert "intentionally damages critical infrastructure" in marked
    assert page.locator("#sources input:checked").count() == 1
    page.screenshot(path=str(ARTIFACTS / "ask-content-source.png"), full_page=True)

    bubble.locator("a.cite", has_text="[2]").first.click()
    label.filter(has_text="operative para. 1.7").wait_for()
    page.click("#source-panel a.show-in-doc")
    unit = page.locator("#u-A_73_505-DR-I_OP-1_7")
    unit.wait_for()
    page.wait_for_function("document.getElementById('u-A_73_505-DR-I_OP-1_7').classList.contains('current')")
    assert page.locator("#document-tab-button").get_attribute("aria-selected") == "true"
    assert unit.is_visible() and "protect their critical infrastructure" in unit.inner_text()
    assert page.evaluate("(() => { const r = document.getElementById('u-A_73_505-DR-I_OP-1_7').getBoundingClientRect();"
                         " return r.top >= 0 && r.bottom <= window.innerHeight; })()")
    page.screenshot(path=str(ARTIFACTS / "document-scrolled-to-op-1-7.png"))


def test_votes_tab_counts_filters_csv_and_cross_table(page):
    page.click("#votes-tab-button")
    tiles = page.locator("#votes-counts .tile .count")
    tiles.first.wait_for()
    assert tiles.all_inner_texts() == ["109", "45", "16", "23"]
    assert "Democratic Republic of the Congo" in page.locator("#votes-notes").inner_text()
    page.locator("#votes-chart svg.marks").wait_for()
    page.screenshot(path=str(ARTIFACTS / "votes-draft-I.png"), full_page=True)

    page.click("#votes-group input")
    page.click('#votes-group [role=option][aria-label="European Union"]')
    page.wait_for_function("document.querySelector('#votes-table').innerText.includes('Austria')"
                           " && !document.querySelector('#votes-table').innerText.includes('Algeria')")
    with page.expect_download() as download:
        page.click("#votes-csv")
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert rows[0] == ["Member State", "Position", "Footnoted intention", "Regional group"]
    assert len(rows) == 1 + 28 and all(r[1] == "against" for r in rows[1:])

    page.click("#votes-draft input")
    page.click('#votes-draft [role=option][aria-label^="draft resolution II"]')
    page.wait_for_function("document.querySelector('#votes-counts .count').innerText === '139'")
    assert tiles.all_inner_texts() == ["139", "11", "18", "25"]
    notes = page.locator("#votes-notes").inner_text()
    assert "Mozambique" in notes and "Pakistan" in notes and "to abstain" in notes

    page.click("#cross-table [data-testid=cell-1-1]")
    page.locator("#cross-cell", has_text="45 States: against on I and in favour on II").wait_for()
    assert "France" in page.locator("#cross-cell").inner_text()
    page.screenshot(path=str(ARTIFACTS / "votes-draft-II-eu-cross.png"), full_page=True)


def test_html_in_a_question_is_shown_as_text(page):
    question = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script> **How** did Egypt vote on L.37?'
    bubble = ask(page, question)
    assert page.evaluate("window.__injected") is None
    user = page.locator("#chat .user-row").first
    assert user.inner_text().strip() == question
    assert user.locator("img, script, strong").count() == 0
    assert "Egypt voted against draft resolution II" in bubble.inner_text()
    page.locator("#tally-chart svg.marks").wait_for()
    page.screenshot(path=str(ARTIFACTS / "ask-escaped-html.png"))


def test_briefing_export_and_clear(page):
    ask(page, "How did France vote on draft resolution I?")
    ask(page, "What does the text say about critical infrastructure?")
    with page.expect_download() as download:
        page.click("#briefing-md")
    note = Path(download.value.path()).read_text(encoding="utf-8")
    assert "## 1. How did France vote on draft resolution I?" in note
    assert "## References" in note and "1. A/73/505, para. 7." in note
    assert "2. A/73/505, draft resolution I, operative para. 1.6." in note
    with page.expect_download() as download:
        page.click("#briefing-docx")
    assert download.value.suggested_filename.endswith(".docx")

    page.click("#clear")
    page.wait_for_function("document.querySelectorAll('#chat .bot-row').length === 0")
    assert page.input_value("#plain textarea") == ""
    bubble = ask(page, "And on the other draft?")
    assert "France" not in bubble.inner_text()

    ask(page, "How did France vote on draft resolution I?")
    page.click('#chat button[aria-label="Clear"]')
    page.wait_for_function("document.querySelectorAll('#chat .bot-row').length === 0")
    assert not ask(page, "And on the other draft?").inner_text().startswith("France")


def test_sessions_in_two_tabs_do_not_share_history(context, server):
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        page.goto(server)
        page.wait_for_selector("#question textarea")
    ask(first, "How did Egypt vote on L.37?")
    ask(second, "How did Brazil vote on draft resolution I?")
    assert ask(first, "And on the other draft?").inner_text().startswith("Egypt")
    assert ask(second, "And on the other draft?").inner_text().startswith("Brazil")
    assert first.locator("#chat .bot-row").count() == 2 and second.locator("#chat .bot-row").count() == 2
    first.close()
    second.close()


def test_twenty_simultaneous_browser_sessions_get_their_own_answers(browser, server):
    """Twenty users at once, each in its own browser context (a browser profile allows only six
    connections per host, and each open Gradio page holds some, so one profile cannot host 20)."""
    states = ["France", "Egypt", "China", "Brazil", "Japan"]
    contexts = [browser.new_context(viewport={"width": 1200, "height": 900}) for _ in range(20)]
    pages = [c.new_page() for c in contexts]
    try:
        for page in pages:
            page.goto(server, wait_until="commit")
        for n, page in enumerate(pages):
            page.wait_for_selector("#question textarea", timeout=300_000)
            page.fill("#question textarea", f"How did {states[n % 5]} vote on draft resolution I?")
        for page in pages:
            page.click("#ask", no_wait_after=True)
        for n, page in enumerate(pages):
            bubble = page.locator("#chat .bot-row").first
            bubble.locator(".sources").wait_for(timeout=300_000)
            assert bubble.inner_text().startswith(states[n % 5]), (n, bubble.inner_text())
            assert page.locator(".toast-body").count() == 0
        pages[-1].screenshot(path=str(ARTIFACTS / "ask-under-load.png"))
    finally:
        for c in contexts:
            c.close()
