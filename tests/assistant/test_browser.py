"""The real app in a real browser: Debian's chromium driven by Playwright, against the real server.

Needs /usr/bin/chromium (``make browser``); never downloads a browser. axe-core comes from the npm
registry through ``npm`` (installed once into .venv/axe by the ``axe_source`` fixture). Every check
runs at a desktop size (1440×900) and, where the issue asks, at a phone size (390×844, touch).
Screenshots go to tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from evals.ports import free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
AXE_DIR = ROOT / ".venv" / "axe"
AXE = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ANSWER_TIMEOUT_MS = 60_000
DESKTOP = {"viewport": {"width": 1440, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
SIZES = {"desktop": DESKTOP, "phone": PHONE}


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


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script (``AXE_VERSION``), installed from the npm registry with ``npm`` on first use (into .venv/axe)."""
    manifest = AXE.parent / "package.json"
    if not AXE.exists() or json.loads(manifest.read_text(encoding="utf-8"))["version"] != AXE_VERSION:
        npm = shutil.which("npm")
        assert npm, "the accessibility check needs npm (Debian package 'npm') to install axe-core"
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([npm, "install", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund", "--silent", f"axe-core@{AXE_VERSION}"],
                       check=True, timeout=300)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def context(browser):
    browser_context = browser.new_context(**DESKTOP, accept_downloads=True)
    yield browser_context
    browser_context.close()


def open_page(browser_context, url: str):
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_selector("#question textarea")
    return page, errors


@pytest.fixture
def page(context, server):
    """A new page: a new Gradio session with its own history (the context's storage cleared first)."""
    context.clear_cookies()
    page, errors = open_page(context, server)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#question textarea")
    yield page
    page.close()
    assert not errors, errors


@pytest.fixture(params=list(SIZES))
def sized(request, browser, server):
    """(size name, a page at that size in its own context)."""
    browser_context = browser.new_context(**SIZES[request.param], accept_downloads=True)
    page, errors = open_page(browser_context, server)
    yield request.param, page
    browser_context.close()
    assert not errors, errors


def ask(page, question: str) -> object:
    """Type a question, press Ask, wait for the complete answer (its sources line, or the bubble for an answer without
    sources) and for the event to finish; return the answer bubble."""
    before = page.locator("#chat .bot-row").count()
    page.fill("#question textarea", question)
    page.click("#ask")
    return wait_answer(page, before)


def wait_answer(page, before: int) -> object:
    bubble = page.locator("#chat .bot-row").nth(before)
    bubble.wait_for(timeout=ANSWER_TIMEOUT_MS)
    page.locator("#chat [data-testid=status-tracker].hide").wait_for(state="attached", timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_function("document.querySelector('#ask') && !document.querySelector('#ask').disabled")
    page.wait_for_timeout(300)
    return bubble


def in_viewport(page, selector: str) -> bool:
    return page.evaluate("(s) => { const r = document.querySelector(s).getBoundingClientRect();"
                         " return r.height > 0 && r.top >= 0 && r.top < window.innerHeight && r.bottom > 0; }", selector)


def chart_spec(page, selector: str) -> dict:
    return json.loads(page.locator(f"{selector} svg[role=img]").get_attribute("data-spec"))


def bar_heights(page, selector: str) -> dict[int, float]:
    return {int(v): h for v, h in page.evaluate(
        "(s) => [...document.querySelectorAll(s + ' rect.bar')].map(r => [r.dataset.value, r.getBoundingClientRect().height])", selector)}


def test_question_box_in_view_on_load_and_examples_asked_on_click(sized):
    size, page = sized
    assert in_viewport(page, "#question textarea"), size
    page.screenshot(path=str(ARTIFACTS / f"{size}-first-load.png"))
    if size == "desktop":
        examples = page.locator("#examples button")
        assert examples.count() == 4
        for n in range(4):
            box = examples.nth(n).bounding_box()
            assert box and box["y"] + box["height"] <= 900, (n, box)
        # written from A/73/505's records: Albania is the first State against draft resolution I (para. 7)
        examples.filter(has_text="How did Albania vote on draft resolution I?").click()
        bubble = wait_answer(page, 0)
        assert "Albania voted against draft resolution I" in bubble.inner_text()


def test_vote_chart_starts_at_zero_with_values_and_a_spoken_name(sized):
    size, page = sized
    bubble = ask(page, "How did Egypt vote on L.37?")
    assert "Egypt voted against draft resolution II" in bubble.inner_text()
    spec = chart_spec(page, "#tally-chart")
    assert spec["y"]["domain"][0] == 0 and [b["value"] for b in spec["bars"]] == [139, 11, 18, 25]
    heights = bar_heights(page, "#tally-chart")
    assert heights[11] / heights[139] == pytest.approx(11 / 139, rel=0.03) and heights[11] > 5
    values = page.locator("#tally-chart text.value").all_text_contents()
    assert values == ["139", "11", "18", "25"]
    name = page.locator("#tally-chart svg[role=img]").get_attribute("aria-label")
    assert name == "Recorded vote on draft II (of 193 Member States): 139 in favour, 11 against, 18 abstaining, 25 not recorded."
    if size == "desktop":  # the answer's chart is in view beside it, without scrolling
        assert page.evaluate("(() => { const r = document.querySelector('#tally-chart svg').getBoundingClientRect();"
                             " return r.top >= 0 && r.bottom <= window.innerHeight; })()")
    page.locator("#tally-chart").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"{size}-ask-vote-chart.png"))

    page.click("#votes-tab-button")
    page.locator("#votes-chart svg").wait_for()
    spec = chart_spec(page, "#votes-chart")
    assert spec["y"]["domain"][0] == 0 and [b["value"] for b in spec["bars"]] == [109, 45, 16, 23]
    heights = bar_heights(page, "#votes-chart")
    assert heights[16] / heights[109] == pytest.approx(16 / 109, rel=0.03)
    page.screenshot(path=str(ARTIFACTS / f"{size}-votes-tab.png"), full_page=True)


def test_tapped_citation_brings_its_source_into_view(sized):
    size, page = sized
    bubble = ask(page, "How did France vote on draft resolution I?")
    marker = bubble.locator("a.cite", has_text="[1]").first
    assert marker.get_attribute("aria-label") == "source 1: A/73/505, para. 7"
    assert "France" in marker.get_attribute("data-preview")
    if size == "desktop":  # the hover preview: the passage around France, inside the window
        marker.hover()
        preview = page.locator("#cite-preview")
        preview.wait_for()
        assert "Finland, France, Georgia" in preview.inner_text()
        assert page.evaluate("(() => { const r = document.getElementById('cite-preview').getBoundingClientRect();"
                             " return r.left >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight; })()")
        page.screenshot(path=str(ARTIFACTS / "desktop-hover-preview.png"))
    for attempt in range(2):  # the second tap shows the same source again: the panel's content does not change
        marker.scroll_into_view_if_needed()
        if size == "phone":
            marker.tap()
        else:
            marker.click()
        page.wait_for_function("document.querySelector('#source-panel .source-label')?.innerText.includes('A/73/505, para. 7')")
        page.wait_for_timeout(400)
        assert in_viewport(page, "#source-panel .source-label"), (size, attempt)
        assert page.locator("#cite-preview").is_hidden()  # no preview left floating over the source
    assert page.locator("#source-panel mark").all_inner_texts() == ["France"]
    assert page.evaluate("document.querySelector('#source-panel .source').closest('[aria-live]')?.getAttribute('aria-live')") == "polite"
    page.screenshot(path=str(ARTIFACTS / f"{size}-tapped-citation-source.png"))


def axe_violations(page, axe_source: str, name: str) -> dict[str, list]:
    """The serious and critical axe-core violations on each tab after a vote answer, also written to tests/artifacts/<name>-axe.json."""
    ask(page, "How did France vote on draft resolution I?")
    found = {}
    for tab in ("ask", "votes", "document"):
        page.click(f"#{tab}-tab-button")
        page.wait_for_timeout(500)
        page.add_script_tag(content=axe_source)
        violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                                   ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))")
        found[tab] = [v for v in violations if v["impact"] in ("serious", "critical")]
    (ARTIFACTS / f"{name}-axe.json").write_text(json.dumps(found, indent=1), encoding="utf-8")
    return found


def test_no_serious_or_critical_accessibility_violation(sized, axe_source):
    size, page = sized
    assert axe_violations(page, axe_source, size) == {"ask": [], "votes": [], "document": []}


def test_no_serious_or_critical_accessibility_violation_in_dark_mode(browser, server, axe_source):
    browser_context = browser.new_context(**DESKTOP, color_scheme="dark")
    page, errors = open_page(browser_context, server + "?__theme=dark")
    assert page.evaluate("document.body.classList.contains('dark') || !!document.querySelector('.dark')")
    assert axe_violations(page, axe_source, "desktop-dark") == {"ask": [], "votes": [], "document": []}
    page.screenshot(path=str(ARTIFACTS / "desktop-dark-document.png"))
    browser_context.close()
    assert not errors, errors


def test_votes_filter_reacts_to_paste_resolves_names_and_exports_the_table_shown(browser, server):
    browser_context = browser.new_context(**DESKTOP, accept_downloads=True, permissions=["clipboard-read", "clipboard-write"])
    page, errors = open_page(browser_context, server)
    page.click("#votes-tab-button")
    tiles = page.locator("#votes-counts .tile .count")
    tiles.first.wait_for()
    assert tiles.all_inner_texts() == ["109", "45", "16", "23"]
    page.evaluate("navigator.clipboard.writeText('Türkiye, USA')")
    page.click("#votes-name textarea, #votes-name input")
    page.keyboard.press("Control+V")
    page.wait_for_function("document.querySelector('#votes-table')?.innerText.includes('Turkey')"
                           " && !document.querySelector('#votes-table').innerText.includes('Albania')")
    assert tiles.all_inner_texts() == ["0", "1", "1", "0"]  # the United States against, Turkey abstaining (para. 7)
    with page.expect_download() as download:
        page.click("#votes-csv")
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert [r[:2] for r in rows] == [["Member State", "Position"], ["Turkey", "abstaining"], ["United States of America", "against"]]

    page.fill("#votes-name textarea, #votes-name input", "")
    page.click("#votes-group input")
    page.click('#votes-group [role=option][aria-label="European Union"]')
    page.wait_for_function("document.querySelector('#votes-counts .count').innerText === '0'")
    assert tiles.all_inner_texts() == ["0", "28", "0", "0"]
    assert "28 States of the European Union" in page.locator("#votes-counts").inner_text()

    page.fill("#votes-name textarea, #votes-name input", "Atlantis")
    page.locator("#votes-empty", has_text="No State matches \u201cAtlantis\u201d").wait_for()
    page.screenshot(path=str(ARTIFACTS / "desktop-votes-no-match.png"))
    browser_context.close()
    assert not errors, errors


WORDS_BROKEN = """(table) => {
  const broken = [];
  for (const cell of document.querySelectorAll(table + ' [role=gridcell], ' + table + ' [role=columnheader]')) {
    const box = cell.getBoundingClientRect();
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.textContent.matchAll(/[^\\s-]+/g)  /* a break after a hyphen ('Asia-Pacific') is a break between words */) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        const clipped = [...range.getClientRects()].some(r => r.right > box.right + 1);
        if (tops.size > 1 || clipped) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""


def test_votes_table_wraps_between_words_on_a_phone(browser, server):
    browser_context = browser.new_context(**PHONE)
    page, errors = open_page(browser_context, server)
    page.click("#votes-tab-button")
    page.locator("#votes-table").wait_for()
    page.locator("#votes-table").scroll_into_view_if_needed()
    cells = page.evaluate("document.querySelectorAll('#votes-table [role=gridcell]').length")
    assert cells >= 40  # the check below reads real cells (rows are drawn as the table scrolls)
    broken = page.evaluate(WORDS_BROKEN, "#votes-table")
    assert broken == [], broken
    page.fill("#votes-name textarea, #votes-name input", "Liechtenstein, Turkmenistan, Micronesia, Bosnia, Saint Vincent, Congo")
    page.wait_for_function("document.querySelector('#votes-table')?.innerText.includes('Turkmenistan')")
    assert page.evaluate(WORDS_BROKEN, "#votes-table") == []  # the longest words of State names
    page.screenshot(path=str(ARTIFACTS / "phone-votes-table.png"), full_page=True)
    page.click("#ask-tab-button")
    ask(page, "Which States abstained on both drafts?")
    page.locator("#vote-table [role=gridcell]").first.wait_for()
    assert "Equatorial Guinea" in page.locator("#vote-table").inner_text()
    assert page.evaluate(WORDS_BROKEN, "#vote-table") == []
    browser_context.close()
    assert not errors, errors


def test_export_of_two_ticked_answers_holds_exactly_those_two_with_footnotes(page):
    ask(page, "How did France vote on draft resolution I?")
    ask(page, "How did Atlantis vote on draft resolution I?")
    ask(page, "How did Egypt vote on L.37?")
    ask(page, "How did Brazil vote on draft resolution I?")
    page.click("#export button, #export .label-wrap")
    boxes = page.locator("#export-include input[type=checkbox]")
    boxes.first.wait_for()
    assert [boxes.nth(n).is_checked() for n in range(boxes.count())] == [True, False, True, True]
    boxes.nth(3).uncheck()
    page.wait_for_timeout(1500)
    with page.expect_download() as download:
        page.click("#briefing-md")
    note = Path(download.value.path()).read_text(encoding="utf-8")
    assert re.findall(r"^## \d+\. (.*)$", note, re.M)[:2] == ["How did France vote on draft resolution I?",
                                                               "How did Egypt vote on L.37?"]
    assert len(re.findall(r"^## \d+\. ", note, re.M)) == 2 and "Atlantis" not in note
    assert re.findall(r"^\[\^(\d)\]: (.*)$", note, re.M) == [("1", "A/73/505, para. 7."), ("2", "A/73/505, para. 10.")]
    with page.expect_download() as download:
        page.click("#briefing-docx")
    with zipfile.ZipFile(download.value.path()) as package:
        body = package.read("word/document.xml").decode()
        notes = package.read("word/footnotes.xml").decode()
    assert len(re.findall(r"<w:footnoteReference ", body)) == 2 and "Atlantis" not in body
    assert "A/73/505, para. 7." in notes and "A/73/505, para. 10." in notes
    page.screenshot(path=str(ARTIFACTS / "desktop-export-ticks.png"))


def test_history_survives_a_reload_and_follow_ups_still_refer_to_it(page):
    ask(page, "How did Brazil vote on draft resolution I?")
    page.reload()
    page.wait_for_selector("#question textarea")
    page.locator("#chat .bot-row").first.wait_for()
    assert "Brazil abstained on draft resolution I" in page.locator("#chat .bot-row").first.inner_text()
    assert ask(page, "And on the other draft?").inner_text().startswith("Brazil")
    follow = page.locator("#followups button")
    assert "And on draft resolution I?" in follow.all_inner_texts()


def test_content_question_citation_opens_the_quoted_paragraph(page):
    ask(page, "How did France vote on draft resolution I?")
    bubble = ask(page, "What does the text say about critical infrastructure?")
    assert "intentionally damages critical infrastructure" in bubble.inner_text()
    label = page.locator("#source-panel .source-label")
    bubble.locator("a.cite", has_text="[1]").first.click()
    label.filter(has_text="A/73/505, draft resolution I, operative para. 1.6").wait_for()
    assert "intentionally damages critical infrastructure" in " ".join(page.locator("#source-panel mark").all_inner_texts())
    quoted = page.locator("#source-panel mark").all_inner_texts()
    page.click("#source-panel a.show-in-doc")
    unit = page.locator("#u-A_73_505-DR-I_OP-1_6")
    page.wait_for_function("document.getElementById('u-A_73_505-DR-I_OP-1_6')?.classList.contains('current')")
    assert page.locator("#document-tab-button").get_attribute("aria-selected") == "true"
    assert unit.is_visible() and "intentionally damages critical infrastructure" in unit.inner_text()
    assert in_viewport(page, "#u-A_73_505-DR-I_OP-1_6")
    highlighted = page.evaluate("[...CSS.highlights.get('rapporteur-jump')].map(r => r.toString().replace(/\\s+/g, ' '))")
    assert highlighted == [" ".join(q.split()) for q in quoted] and "intentionally damages critical infrastructure" in highlighted[0]
    page.screenshot(path=str(ARTIFACTS / "desktop-document-jump-highlights-quote.png"))


def test_a_comparison_shows_the_drafts_side_by_side_and_a_vote_list_its_records(page):
    ask(page, "When does each of the two new groups report to the General Assembly?")
    table = page.locator("#vote-table")
    table.locator("[role=gridcell]").first.wait_for()
    assert "Side by side" in table.inner_text() and "Vote records" not in table.inner_text()
    text = " ".join(table.inner_text().split())
    assert "seventy-fifth session" in text and "seventy-sixth session" in text and "operative para. 3" in text
    page.screenshot(path=str(ARTIFACTS / "desktop-comparison-side-by-side.png"))
    ask(page, "Which States abstained on both drafts?")
    page.wait_for_function("document.querySelector('#vote-table')?.innerText.includes('Equatorial Guinea')")
    assert "Vote records" in table.inner_text()


def test_document_has_contents_search_and_every_heading(page):
    page.click("#document-tab-button")
    contents = page.locator("#document-view nav.contents li").all_inner_texts()
    assert contents[:2] == ["I. Introduction", "A. Draft resolution A/C.1/73/L.27/Rev.1"]
    assert contents[-2:] == ["Draft resolution I (A/C.1/73/L.27/Rev.1)", "Draft resolution II (A/C.1/73/L.37)"]
    page.fill("#document-search textarea, #document-search input", "supply chain")
    page.locator("#document-results .search-count", has_text="contain").wait_for()
    links = page.locator("#document-results a").all_inner_texts()
    assert links and all("operative para." in t or "para." in t for t in links)
    page.locator("#document-results a").first.click()
    page.wait_for_function("CSS.highlights.get('rapporteur-jump')?.size === 1")
    assert page.evaluate("[...CSS.highlights.get('rapporteur-jump')][0].toString()").lower() == "supply chain"
    page.fill("#document-search textarea, #document-search input", "Atlantis")
    page.locator("#document-results", has_text="No paragraph contains \u201cAtlantis\u201d").wait_for()


def test_html_in_a_question_is_shown_as_text(page):
    question = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script> **How** did Egypt vote on L.37?'
    bubble = ask(page, question)
    assert page.evaluate("window.__injected") is None
    user = page.locator("#chat .user-row").first
    assert user.inner_text().strip() == question
    assert user.locator("img, script, strong").count() == 0
    assert "Egypt voted against draft resolution II" in bubble.inner_text()


def test_clear_forgets_the_conversation(page):
    ask(page, "How did France vote on draft resolution I?")
    page.click("#clear")
    page.wait_for_function("document.querySelectorAll('#chat .bot-row').length === 0")
    assert page.input_value("#plain textarea") == ""
    after = ask(page, "And on the other draft?").inner_text()
    assert "France" not in after and "no earlier question in this conversation" in after  # it asks what it refers to


def test_sessions_in_two_tabs_do_not_share_history(browser, server):
    first_context, second_context = browser.new_context(**DESKTOP), browser.new_context(**DESKTOP)
    (first, _), (second, _) = open_page(first_context, server), open_page(second_context, server)
    ask(first, "How did Egypt vote on L.37?")
    ask(second, "How did Brazil vote on draft resolution I?")
    assert ask(first, "And on the other draft?").inner_text().startswith("Egypt")
    assert ask(second, "And on the other draft?").inner_text().startswith("Brazil")
    assert first.locator("#chat .bot-row").count() == 2 and second.locator("#chat .bot-row").count() == 2
    first_context.close()
    second_context.close()


@pytest.fixture(scope="module")
def several_server(document, tmp_path_factory):
    """The app over three documents (A/73/505, A/99/401, A/RES/99/12); vote and document views need no index."""
    from assistant.service import Assistant
    from assistant.ui import start
    from assistant.ui_exports import Exports
    from ingest.parse import parse_document

    data = ROOT / "tests" / "data"
    documents = [document] + [parse_document((data / name).read_text(encoding="utf-8"), symbol, name)
                              for name, symbol in (("A_99_401.txt", "A/99/401"), ("A_RES_99_12.txt", "A/RES/99/12"))]

    def no_retriever():
        raise AssertionError("these tests ask no content question")

    app, url = start(Assistant(documents, no_retriever), "127.0.0.1", free_port(), exports=Exports(tmp_path_factory.mktemp("x")))
    yield url
    app.close()


def test_several_documents_header_chooser_document_view_and_every_vote(browser, several_server, axe_source):
    browser_context = browser.new_context(**DESKTOP)
    page, errors = open_page(browser_context, several_server)
    assert "A/73/505, A/99/401, A/RES/99/12" in page.locator(".app-header").inner_text()
    assert page.locator("#ask-document").is_visible()
    assert page.locator("#ask-document").inner_text().count("A/") == 0  # 'All documents' chosen to begin with
    assert in_viewport(page, "#question textarea")
    assert all((box := e.bounding_box()) and box["y"] + box["height"] <= 900 for e in page.locator("#examples button").all())
    page.screenshot(path=str(ARTIFACTS / "desktop-several-documents-first-load.png"))
    assert axe_violations(page, axe_source, "desktop-several-documents") == {"ask": [], "votes": [], "document": []}
    page.click("#document-tab-button")
    page.click("#document-choice input")
    page.click('#document-choice [role=option][aria-label^="A/99/401"]')
    page.locator('article[data-symbol="A/99/401"]').wait_for()
    assert not page.locator('article[data-symbol="A/73/505"]').is_visible()
    assert "Draft resolution I (A/C.1/99/L.5)" in page.locator('article[data-symbol="A/99/401"]').inner_text()
    page.click("#votes-tab-button")
    page.click("#votes-draft input")
    options = page.locator("#votes-draft [role=option]").all_inner_texts()
    assert any("A/C.1/99/L.5" in o for o in options) and any("A/C.1/73/L.37" in o for o in options)
    page.click('#votes-draft [role=option]:has-text("A/C.1/99/L.5")')
    page.wait_for_function("document.querySelector('#votes-counts').innerText.includes('A/99/401')")  # not a progress timer
    page.screenshot(path=str(ARTIFACTS / "desktop-several-documents-votes.png"), full_page=True)
    browser_context.close()
    assert not errors, errors


def test_cross_table_of_two_votes_lists_a_cell(page):
    page.click("#votes-tab-button")
    page.locator("#cross-table").wait_for()
    page.click("#cross-table [data-testid=cell-1-1]")
    page.locator("#cross-cell", has_text="45 States: against on I and in favour on II").wait_for()
    assert "France" in page.locator("#cross-cell").inner_text()


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
