"""Style sheet and browser scripts of the web app (plain strings; no gradio import).

The scripts run as ``js_on_load`` of ``gr.HTML`` components (Gradio 6), so they work however
the app is launched (no ``launch(js=...)`` needed):

- ``LINKS_JS`` (on a hidden bridge component) catches clicks on citation markers
  (``#cite-<answer>-<n>``, see ``assistant.render``) and sends ``'cite-<answer>-<n>:<time>'`` to
  the server as the bridge's value; and clicks on document links (``#u-…``), which switch to the
  Document tab and scroll to the unit, flashing it.
  A tapped marker also brings the source panel into view at once (on a phone it sits below the chat),
  whether or not the panel's content changes.
- ``PANEL_JS`` (on the source panel) makes the panel a polite live region (its updates are announced)
  and scrolls the first <mark> into view inside the panel.
- ``LINKS_JS`` also marks, in the unit it jumps to, the words the source panel marks (or the words
  searched for) as a CSS highlight named 'rapporteur-jump', and shows the unit's document if hidden.
- ``SHOW_DOCUMENT_JS`` (the Document tab's chooser, run in the browser) shows one document's article.
"""

from __future__ import annotations

from assistant.charts import POSITION_COLORS  # noqa: F401  (re-exported: the tiles and charts share one palette)

LINKS_JS = r"""
window.__rapporteurBridge = props;
if (!window.__rapporteurLinks) {
  window.__rapporteurLinks = true;
  const highlight = (target, phrases) => {
    // the quoted (or searched) words inside the unit, as a CSS highlight named 'rapporteur-jump'
    if (!window.CSS || !CSS.highlights) return;
    const nodes = [], starts = [];
    let full = '';
    const walker = document.createTreeWalker(target.querySelector('.text') || target, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node); starts.push(full.length); full += node.textContent;
    }
    const at = (offset) => { let i = starts.length - 1; while (i > 0 && starts[i] > offset) i--; return [nodes[i], offset - starts[i]]; };
    const ranges = [];
    for (const phrase of phrases) {
      const words = phrase.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      if (!words.length || !nodes.length) continue;
      const match = new RegExp(words.join('\\s+'), 'i').exec(full);
      if (!match) continue;
      const range = document.createRange();
      range.setStart(...at(match.index));
      range.setEnd(...at(match.index + match[0].length));
      ranges.push(range);
    }
    CSS.highlights.set('rapporteur-jump', new Highlight(...ranges));
  };
  const goToUnit = (id, phrases) => {
    const tab = document.getElementById('document-tab-button');
    if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
    let tries = 0;
    const find = () => {
      const target = document.getElementById(id);
      if (!target) { if (tries++ < 60) setTimeout(find, 100); return; }
      const article = target.closest('article.document');
      if (article && article.hidden) {
        document.querySelectorAll('article.document').forEach((a) => { a.hidden = a !== article; });
      }
      document.querySelectorAll('.unit.current').forEach((u) => u.classList.remove('current', 'flash'));
      target.classList.add('current');
      void target.offsetWidth;
      target.classList.add('flash');
      highlight(target, phrases || []);
      target.scrollIntoView({block: 'center'});
    };
    find();
  };
  // hover preview: one floating box, placed under the marker and kept inside the window
  const tip = document.createElement('div');
  tip.id = 'cite-preview';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);
  const showTip = (event) => {
    const link = event.target.closest ? event.target.closest('a.cite[data-preview]') : null;
    if (!link) return;
    tip.textContent = link.dataset.preview;
    tip.hidden = false;
    const r = link.getBoundingClientRect();
    const width = tip.offsetWidth, height = tip.offsetHeight;
    tip.style.left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8)) + 'px';
    tip.style.top = (r.bottom + 6 + height < window.innerHeight ? r.bottom + 6 : Math.max(8, r.top - height - 6)) + 'px';
  };
  const hideTip = (event) => {
    if (event.target.closest && event.target.closest('a.cite[data-preview]')) tip.hidden = true;
  };
  document.addEventListener('mouseover', showTip);
  document.addEventListener('focusin', showTip);
  document.addEventListener('mouseout', hideTip);
  document.addEventListener('focusout', hideTip);
  document.addEventListener('scroll', () => { tip.hidden = true; }, true);
  document.addEventListener('click', (event) => {
    const link = event.target.closest ? event.target.closest('a[href^="#cite-"], a[href^="#u-"]') : null;
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    tip.hidden = true;
    const href = link.getAttribute('href');
    if (href.startsWith('#u-')) {
      // from the source panel: the words it marks; from a search result: the words searched for
      const fromPanel = link.closest('#source-panel');
      const phrases = fromPanel ? [...fromPanel.querySelectorAll('mark')].map((m) => m.textContent)
        : link.dataset.find ? [link.dataset.find] : [];
      goToUnit(href.slice(1), phrases);
      return;
    }
    document.querySelectorAll('a.cite.active').forEach((a) => a.classList.remove('active'));
    link.classList.add('active');
    window.__rapporteurFocusPanel = true;
    window.__rapporteurBridge.value = href.slice(1) + ':' + Date.now();
    const panel = document.getElementById('source-panel');
    if (panel) {
      const r = panel.getBoundingClientRect();
      if (r.top < 0 || r.top > window.innerHeight - 80) panel.scrollIntoView({block: 'start'});
    }
  }, true);
}
"""

PANEL_JS = """
element.setAttribute('aria-live', 'polite');
element.setAttribute('aria-label', 'Source');
element.setAttribute('role', 'region');
watch('value', () => {
  const box = element.querySelector('.source-text');
  const mark = box ? box.querySelector('mark') : null;
  if (box) box.scrollTop = mark ? Math.max(mark.offsetTop - 24, 0) : 0;
  if (window.__rapporteurFocusPanel) {
    window.__rapporteurFocusPanel = false;
    const r = element.getBoundingClientRect();
    if (r.top < 0 || r.top > window.innerHeight - 80) element.scrollIntoView({block: 'start'});
  }
});
"""

SHOW_DOCUMENT_JS = """
(symbol) => {
  document.querySelectorAll('#document-view article.document').forEach((a) => { a.hidden = a.dataset.symbol !== symbol; });
  return [];
}
"""

CSS = """
.dark { --color-accent: #93c5fd; }
.app-header h1 { font-size: 1.35rem; margin: 0; }
.app-header p { margin: 2px 0 0; color: var(--body-text-color-subdued); }
a.cite { text-decoration: none; font-weight: 600; font-size: 0.85em; padding: 0 3px; border-radius: 4px;
         color: var(--color-accent); cursor: pointer; white-space: nowrap; position: relative; }
a.cite:hover, a.cite.active, a.cite:focus-visible { background: var(--color-accent-soft); }
#cite-preview { position: fixed; z-index: 1000; max-width: min(26rem, calc(100vw - 16px)); white-space: normal; font-weight: 400;
  font-size: 0.95rem; line-height: 1.4; padding: 8px 10px; border-radius: 6px; background: #1e293b; color: #f8fafc;
  box-shadow: 0 4px 14px rgba(0,0,0,0.25); pointer-events: none; }
.sources { display: block; margin-top: 0.4em; font-size: 0.85em; color: var(--body-text-color-subdued); }
.sources .grade { font-style: italic; }
.sources .grade[data-grade="closest"], .sources .grade[data-grade="not covered"] { font-weight: 600; }
#chat .prose { opacity: 1 !important; }
#chat blockquote { margin: 0.5em 0; padding: 0.2em 0.8em; border-left: 3px solid var(--color-accent); font-style: normal; }
#chat .placeholder-content, #chat .placeholder { color: var(--body-text-color-subdued); }
#source-panel .source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
                        background: var(--block-background-fill); }
#source-panel .source.empty { color: var(--body-text-color-subdued); font-size: 0.9em; }
#source-panel { scroll-margin-top: 8px; }
.source-label { font-weight: 600; margin-bottom: 6px; }
.source-text { max-height: 240px; overflow-y: auto; position: relative; line-height: 1.5; font-size: 0.95em; }
mark { background: #ffe680; color: #1a1a1a; padding: 0 2px; border-radius: 2px; }
a.show-in-doc { display: inline-block; margin-top: 8px; font-size: 0.9em; color: var(--color-accent); }
.tally { display: flex; gap: 8px; flex-wrap: wrap; }
.tally .tile { flex: 1 1 90px; border-radius: 8px; padding: 8px 10px; display: flex; flex-direction: column; }
.tally .tile .count { font-size: 1.8rem; font-weight: 700; line-height: 1.1; color: #fff; }
.tally .tile .what { font-size: 0.85rem; color: #fff; }
.tally .tile-in-favour { background: #2e7d32; } .tally .tile-against { background: #c62828; }
.tally .tile-abstaining { background: #f9a825; } .tally .tile-not-recorded { background: #616161; }
.tally .tile-abstaining .count, .tally .tile-abstaining .what { color: #1a1a1a; }
.tally-caption, .intentions, .no-match { margin-top: 6px; font-size: 0.9em; color: var(--body-text-color-subdued); }
.no-match { font-weight: 600; color: var(--body-text-color); padding: 8px 0; }
.intentions ul { margin: 4px 0 0 1.2em; }
figure.tally-chart { margin: 0; }
figure.tally-chart svg { width: 100%; max-width: 520px; height: auto; display: block; }
figure.tally-chart figcaption { font-size: 0.85em; color: var(--body-text-color-subdued); }
.tally-chart .grid { stroke: #cbd5e1; stroke-width: 1; } .tally-chart .axis { stroke: #334155; stroke-width: 1.2; }
.tally-chart text { fill: var(--body-text-color); font-size: 11px; font-family: var(--font); }
.tally-chart text.value { font-weight: 700; font-size: 12px; } .tally-chart text.tick { fill: #475569; }
#votes-table, #vote-table, #cross-table { --font-mono: var(--font); }
#votes-table span.text, #vote-table span.text, #cross-table span.text, #votes-table .cell-wrap, #vote-table .cell-wrap,
#cross-table .cell-wrap { word-break: normal !important; overflow-wrap: normal !important; hyphens: none !important; }
@media (max-width: 700px) {
  #votes-table, #vote-table, #cross-table { font-size: 0.76rem; }
  #votes-table .cell-wrap, #vote-table .cell-wrap, #cross-table .cell-wrap { padding-left: 2px; padding-right: 2px; }
  #votes-table span.text, #vote-table span.text, #cross-table span.text { padding: 0 !important; }
  #votes-table [role=columnheader], #vote-table [role=columnheader], #cross-table [role=columnheader] { font-size: 0.7rem; }
}
#cross-cell { min-height: 2em; }
#followups button { text-align: left; }
.document { max-width: 920px; margin: 0 auto; line-height: 1.55; }
.document h2 { margin-bottom: 0; } .document .doc-title { margin-top: 2px; font-style: italic; }
.document h3.draft { margin-top: 1.6em; border-top: 1px solid var(--border-color-primary); padding-top: 0.8em; }
.document .draft-title { font-weight: 600; margin-top: 0; }
.document .unit { display: grid; grid-template-columns: 5.5em 1fr; gap: 0.75em; padding: 3px 6px; border-radius: 6px;
                  scroll-margin-top: 90px; }
.document .unit.sub .text { padding-left: 1.6em; }
.document .loc { color: var(--body-text-color-subdued); font-size: 0.78em; text-align: right; padding-top: 0.25em; }
.document .unit-footnote .text { font-size: 0.9em; }
.document .backrefs { margin-left: 0.5em; font-size: 0.85em; }
.document .backrefs a, .document a.fnref { margin: 0; padding: 0 1px; }
.document a { color: var(--color-accent); }
.document .unit.current { background: rgba(255, 230, 128, 0.45); }
.document .unit.flash { animation: unit-flash 1.6s ease-out; }
@keyframes unit-flash { from { background: rgba(255, 210, 60, 0.95); } to { background: rgba(255, 230, 128, 0.45); } }
a.fnref { text-decoration: none; padding: 0 1px; }
::highlight(rapporteur-jump) { background-color: #ffd43b; color: #1a1a1a; }
.document nav.contents { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 6px 14px; margin: 10px 0 16px; }
.document nav.contents h3 { margin: 4px 0; font-size: 1rem; } .document nav.contents ol { margin: 0 0 4px 1.2em; }
#document-results ol { margin: 0 0 0 1.4em; max-height: 320px; overflow-y: auto; } #document-results li { margin: 4px 0; }
#document-results a { color: var(--color-accent); font-weight: 600; }
@media (max-width: 700px) {
  .app-header p { display: none; }
  #chat { height: auto !important; min-height: 0 !important; max-height: 62vh; }
  #chat .placeholder-content, #chat .placeholder { display: none; }
}
"""
