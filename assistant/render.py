"""Rendering answers, sources and documents as Markdown/HTML for the web UI (pure; no gradio here).

Everything that comes from a user or a document is escaped here, so a question or a passage is
always shown as text, never as HTML or Markdown. Two kinds of links tie the views together and
are handled by the browser script in ``assistant.ui_assets``:

- a citation marker ``<a class="cite" href="#cite-<answer>-<n>">``: source ``n`` (1-based) of
  the session's answer number ``answer`` (0-based), opened in the source panel;
- a document link ``<a href="#u-...">``: the unit with that anchor (``unit_anchor``) in the
  Document tab, where every unit carries ``id="u-..."``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from assistant.answers import GRADE_WORDS, Answer, Citation
from ingest.citations import citation_id, label, parse_citation_id
from ingest.records import Draft, ParsedDocument, Unit

_MD_PUNCTUATION_RE = re.compile(r"([\\`*_\[\]{}#|~$!])")
_MD_LINE_START_RE = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+=])", re.M)
_CITE_HREF_RE = re.compile(r"^#?cite-(\d+)-(\d+)")
_QUOTE_MARKS = "\u201c\u201d\""


def md_escape(text: str) -> str:
    """Backslash-escape what Markdown would act on, so ``text`` renders literally.

    Escapes emphasis, link, code, heading, table, strikethrough and math characters anywhere,
    and list or heading markers at the start of a line ('1.', '-', '+', '='). ``<``, ``>`` and
    ``&`` are left for ``html.escape`` (see ``chat_text``).
    """
    text = _MD_PUNCTUATION_RE.sub(r"\\\1", text)
    return _MD_LINE_START_RE.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[4]}\\{m[5]}", text)


def chat_text(text: str) -> str:
    """User or document text made safe for the chat's Markdown: HTML-escaped, then Markdown-escaped."""
    return md_escape(html.escape(text, quote=False))


def user_markdown(question: str) -> str:
    """A question as the chat shows it: literal text, never HTML or Markdown."""
    return chat_text(question) or "\u00a0"


def cite_href(answer_index: int, number: int) -> str:
    """The link target of citation marker ``number`` (1-based) of answer ``answer_index`` (0-based)."""
    return f"#cite-{answer_index}-{number}"


def parse_cite_href(text: str) -> tuple[int, int] | None:
    """``(answer_index, number)`` from '#cite-2-1' or 'cite-2-1:<anything>', or None if not a marker."""
    match = _CITE_HREF_RE.match(text.strip())
    return (int(match[1]), int(match[2])) if match else None


PREVIEW_CHARS = 220


def preview(answer: Answer, cited: str, limit: int = PREVIEW_CHARS) -> str:
    """What a citation's hover preview shows, cut at a word to ``limit`` characters.

    The words the answer quotes from the unit; for a vote answer, the passage around the first State
    it names ('… Finland, France, Georgia …'); else the unit's opening words. Cut at a word to ``limit`` characters with '…'.
    """
    citation = next(c for c in answer.citations if c.id == cited)
    whole = " ".join(citation.text.split())
    text = " ".join(" ".join(quotes_for(answer, cited)).split())
    found = next((m for n in names_for(answer) if (m := re.search(rf"(?:^|(?<=, )|(?<=: )){re.escape(n)}(?=[,.;:]|$)", whole))), None)
    if not text and found:
        start = max(whole.rfind(" ", 0, max(found.start() - limit // 3, 0)) + 1, 0)
        text = ("\u2026" if start else "") + whole[start:]
    text = text or whole
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def marker_link(answer: Answer, answer_index: int, number: int, text: str = "") -> str:
    """Citation marker ``number`` of an answer as a link, with its accessible name and hover preview.

    Example: ``<a class="cite" href="#cite-3-1" aria-label="source 1: A/73/505, para. 7"
    data-preview="A/73/505, para. 7 — “…”">[1]</a>``; ``text`` replaces the visible '[1]'.
    """
    citation = answer.citations[number - 1]
    name = html.escape(f"source {number}: {citation.label}")
    shown = html.escape(f"{citation.label} \u2014 \u201c{preview(answer, citation.id)}\u201d")
    return (f'<a class="cite" href="{cite_href(answer_index, number)}" aria-label="{name}" data-preview="{shown}">'
            f"{text or f'[{number}]'}</a>")


def _marker(answer: Answer, answer_index: int, cited: str) -> str:
    return marker_link(answer, answer_index, answer.marker(cited))


def answer_steps(answer: Answer, answer_index: int) -> list[str]:
    """The answer's Markdown as it grows while streaming: after each sentence, then complete.

    Returns cumulative Markdown strings; the last is the whole answer with its sources line.
    Notes come first (blockquote), prose sentences run on in one paragraph, each verbatim
    quotation is its own blockquote; every citation is a clickable ``[n]`` marker.
    """
    known = {c.id for c in answer.citations}
    text, steps = "".join(f"> *{chat_text(n)}*\n\n" for n in answer.notes), []
    previous_quote = True
    for sentence in answer.sentences:
        markers = "".join(" " + _marker(answer, answer_index, c) for c in sentence.citations if c in known)
        body = chat_text(sentence.text) + markers
        if sentence.quote:
            text += ("\n\n" if text else "") + "> " + body
        else:
            text += (" " if text and not previous_quote else "\n\n" if text else "") + body
        previous_quote = sentence.quote
        steps.append(text.strip())
    steps.append((text + "\n\n" + sources_line(answer, answer_index)).strip())
    return steps


def answer_markdown(answer: Answer, answer_index: int = 0) -> str:
    """The complete answer as chat Markdown (see ``answer_steps``)."""
    return answer_steps(answer, answer_index)[-1]


def sources_line(answer: Answer, answer_index: int) -> str:
    """'Sources (from the records): [1] A/73/505, para. 7 · [2] …' as clickable markers ('' without citations).

    The grade of the answer (``Answer.grade``) is said beside the word Sources, in words.
    """
    links = [marker_link(answer, answer_index, n, f"[{n}]\u00a0{html.escape(c.label)}") for n, c in enumerate(answer.citations, 1)]
    grade = f' <span class="grade" data-grade="{answer.grade}">({GRADE_WORDS[answer.grade]})</span>'
    return f'<span class="sources">Sources{grade}: {" · ".join(links)}</span>' if links else ""


def plain_citation_text(answer: Answer) -> str:
    """The answer as plain text with [n] markers and its references in UN citation style, to paste."""
    return answer.text


def quotes_for(answer: Answer, cited: str) -> list[str]:
    """The verbatim quotations an answer takes from one cited unit, quotation marks removed."""
    return [s.text.strip(_QUOTE_MARKS) for s in answer.sentences if s.quote and cited in s.citations]


def names_for(answer: Answer) -> list[str]:
    """Member State names in a vote answer's table ('Member State' column), to mark in its paragraph."""
    if not answer.tool or not answer.table or "Member State" not in answer.table.get("columns", []):
        return []
    column = answer.table["columns"].index("Member State")
    return [str(row[column]) for row in answer.table.get("rows", [])]


def highlighted_html(text: str, quotes: Iterable[str] = (), names: Iterable[str] = ()) -> str:
    """``text`` as HTML (escaped, line breaks kept) with each quote and listed name in <mark>.

    Quotes match across any whitespace; a name matches only as a whole item of a list
    ('…, France, …'), so 'Niger' does not mark inside 'Nigeria'.
    """
    patterns = [r"\s+".join(map(re.escape, q.split())) for q in quotes if q.strip()]
    patterns += [rf"(?:^|(?<=, )|(?<=: )){re.escape(n)}(?=[,.;:]|$)" for n in names if n.strip()]
    spans = sorted((m.start(), m.end()) for p in patterns for m in re.finditer(p, text, re.M))
    out, position = [], 0
    for start, end in spans:
        if start < position:
            continue
        out += [html.escape(text[position:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out).replace("\n", "<br>")


def unit_anchor(cited: str) -> str:
    """The HTML id of a unit in the Document tab: 'A/73/505#DR-I.OP-1.6' → 'u-A_73_505-DR-I_OP-1_6'."""
    symbol, locator = parse_citation_id(cited)
    return "u-" + re.sub(r"[^A-Za-z0-9-]", "_", symbol) + "-" + re.sub(r"[^A-Za-z0-9-]", "_", locator)


def source_html(citation: Citation, quotes: Sequence[str] = (), names: Sequence[str] = (), number: int | None = None) -> str:
    """The source panel for one citation.

    Returns:
        HTML: the citation's label (with ``[number]`` if given), the unit's text with the quotes and
        names marked (``highlighted_html``) and a 'Show in document' link to the unit's anchor.
    """
    head = f"[{number}] " if number else ""
    return (
        f'<div class="source" data-citation="{html.escape(citation.id)}">'
        f'<div class="source-label">{head}{html.escape(citation.label)}</div>'
        f'<div class="source-text" tabindex="0">{highlighted_html(citation.text, quotes, names)}</div>'
        f'<a class="show-in-doc" href="#{unit_anchor(citation.id)}">Show in document \u2192</a></div>'
    )


def answer_source_html(answer: Answer, number: int) -> str:
    """``source_html`` for citation ``number`` (1-based) of an answer, with what the answer took from it."""
    citation = answer.citations[number - 1]
    return source_html(citation, quotes_for(answer, citation.id), names_for(answer), number)


EMPTY_SOURCE = '<div class="source empty">Click a marker such as [1] in an answer to read its source here.</div>'


def tally_html(rows: Sequence[tuple[str, int]], caption: str) -> str:
    """Four tiles (in favour, against, abstaining, not recorded) with their counts, and a caption."""
    tiles = "".join(
        f'<div class="tile tile-{re.sub(r"[^a-z]", "-", p)}"><span class="count">{n}</span><span class="what">{html.escape(p)}</span></div>'
        for p, n in rows
    )
    return f'<div class="tally">{tiles}</div><div class="tally-caption">{html.escape(caption)}</div>'


def _local_number(locator: str) -> str:
    """'fn-3' → '3', 'DR-I.fn-2' → '2'."""
    return locator.rsplit("-", 1)[-1]


def footnote_refs(symbol: str, footnotes: Sequence[str]) -> str:
    """Superscript links to a unit's footnotes (markers were removed from the text when parsing)."""
    links = [f'<a class="fnref" href="#{unit_anchor(citation_id(symbol, f))}">{_local_number(f)}</a>' for f in footnotes]
    return f"<sup>{','.join(links)}</sup>" if links else ""


_SHORT_LABEL_RE = re.compile(r"(?:draft resolution [IVXLC]+, )?(preambular para\.|operative para\.|para\.|footnote) ?(.*)")
_SHORT = {"preambular para.": "PP", "operative para.": "OP", "para.": "para.", "footnote": "fn."}


def short_label(label: str) -> str:
    """The margin label of a unit in the Document tab: 'PP 4', 'OP 1.6', 'para. 7', 'fn. 3'."""
    local = label.split(", ", 1)[1] if ", " in label else label
    match = _SHORT_LABEL_RE.fullmatch(local)
    return f"{_SHORT[match[1]]} {match[2]}" if match else local


def unit_html(unit: Unit) -> str:
    """One unit as a block anchored by its locator (``id="u-…"``), its margin label, text and footnote links.

    A footnote also lists the units that carry its marker, as links back.
    """
    classes = f"unit unit-{unit.kind}" + (" sub" if re.search(r"OP-\d+\.\d+|\([a-z]\)$", unit.locator) else "")
    back = ""
    if unit.cited_by:
        links = [f'<a href="#{unit_anchor(citation_id(unit.symbol, c))}">{html.escape(short_label(label(unit.symbol, c)))}</a>'
                 for c in unit.cited_by]
        back = f'<span class="backrefs">\u21a9 {", ".join(links)}</span>'
    return (f'<div class="{classes}" id="{unit_anchor(unit.id)}" data-locator="{html.escape(unit.locator)}">'
            f'<span class="loc" title="{html.escape(unit.label)}">{html.escape(short_label(unit.label))}</span>'
            f'<div class="text">{highlighted_html(unit.text)}{footnote_refs(unit.symbol, unit.footnotes)}{back}</div></div>')


def section_anchor(symbol: str, name: str) -> str:
    """The HTML id of a heading in the Document tab: ('A/73/505', 'DR-I') → 'u-A_73_505-DR-I', 'sec-2' → 'u-A_73_505-sec-2'."""
    return "u-" + re.sub(r"[^A-Za-z0-9-]", "_", symbol) + "-" + re.sub(r"[^A-Za-z0-9-]", "_", name)


def _sections(symbol: str, units: Iterable[Unit], contents: list[tuple[str, str]]) -> list[str]:
    parts, section = [], None
    for unit in units:
        if unit.section != section:
            section = unit.section
            if section:
                anchor = section_anchor(symbol, f"sec-{len(contents) + 1}")
                contents.append((anchor, section))
                parts.append(f'<h3 id="{anchor}">{html.escape(section)}</h3>')
        parts.append(unit_html(unit))
    return parts


def _draft_html(document: ParsedDocument, draft: Draft, units: list[Unit], contents: list[tuple[str, str]]) -> list[str]:
    symbol = f" ({draft.symbol})" if draft.symbol else ""
    name = f"Draft {draft.kind} {draft.number}{symbol}"
    anchor = section_anchor(document.symbol, draft.locator_prefix)
    contents.append((anchor, name))
    parts = [f'<h3 class="draft" id="{anchor}">{html.escape(name)}</h3>', f'<p class="draft-title">{html.escape(draft.title)}</p>']
    for kind, heading in (("preambular", "Preambular paragraphs"), ("operative", "Operative paragraphs"), ("footnote", "Notes")):
        chosen = [u for u in units if u.kind == kind]
        if chosen:
            parts += [f"<h4>{heading}</h4>"] + [unit_html(u) for u in chosen]
    return parts


def document_html(document: ParsedDocument, hidden: bool = False) -> str:
    """The whole document as HTML, with its structure and a contents list.

    In order: the contents (a link to every heading), the cover page and report paragraphs under their headings,
    the report's footnotes, then each draft with its preambular (PP) and operative (OP) paragraphs and its own
    footnotes. Every unit and heading is anchored (``unit_anchor``, ``section_anchor``) and every unit carries its
    margin label. The ``<article>`` carries ``data-symbol``; ``hidden`` hides it (the Document tab shows one at a time).
    """
    ordered = sorted(document.units, key=lambda u: u.order)
    report = [u for u in ordered if u.draft is None and u.kind != "footnote"]
    notes = [u for u in ordered if u.draft is None and u.kind == "footnote"]
    contents: list[tuple[str, str]] = []
    body = _sections(document.symbol, report, contents)
    if notes:
        anchor = section_anchor(document.symbol, "notes")
        contents.append((anchor, "Notes"))
        body += [f'<h3 id="{anchor}">Notes</h3>'] + [unit_html(u) for u in notes]
    for draft in document.drafts:
        body += _draft_html(document, draft, [u for u in ordered if u.draft == draft.number], contents)
    links = "".join(f'<li><a href="#{a}">{html.escape(t)}</a></li>' for a, t in contents)
    head = (f'<article class="document" data-symbol="{html.escape(document.symbol)}"{" hidden" if hidden else ""}>'
            f'<h2>{html.escape(document.symbol)}</h2><p class="doc-title">{html.escape(document.title)}</p>'
            f'<nav class="contents" aria-label="Contents of {html.escape(document.symbol)}"><h3>Contents</h3><ol>{links}</ol></nav>')
    return "\n".join([head, *body, "</article>"])


SEARCH_LIMIT = 40


def search_html(documents: Sequence[ParsedDocument], query: str, symbol: str = "") -> str:
    """The units of the document ``symbol`` (all when '') that contain every word of ``query``, as links with the words marked.

    Returns:
        HTML: '<p class="search-count">3 paragraphs contain “critical infrastructure”.</p>' and a list of
        ``<a href="#u-…">label</a>`` each with its text, the words in <mark>; at most ``SEARCH_LIMIT`` in document order;
        '' for an empty query; 'No paragraph contains “…”.' when none does.
    """
    words = [w for w in re.findall(r"\w[\w'-]*", query.lower()) if w]
    if not words:
        return ""
    found = [u for d in documents if not symbol or d.symbol == symbol for u in sorted(d.units, key=lambda u: u.order)
             if all(w in u.text.lower() for w in words)]
    shown = html.escape(query.strip())
    if not found:
        return f'<p class="search-count" role="status">No paragraph contains \u201c{shown}\u201d.</p>'
    phrase = [query.strip()] if len(words) > 1 and query.strip().lower() in " ".join(found[0].text.split()).lower() else []
    items = "".join(f'<li><a href="#{unit_anchor(u.id)}" data-find="{html.escape(query.strip())}">{html.escape(u.label)}</a>: '
                    f'{_marked_words(_snippet(u.text, phrase or words), phrase or words)}</li>' for u in found[:SEARCH_LIMIT])
    count = f"{len(found)} paragraph{'s' if len(found) != 1 else ''} contain{'s' if len(found) == 1 else ''} \u201c{shown}\u201d" + \
        (f" (the first {SEARCH_LIMIT} are listed)" if len(found) > SEARCH_LIMIT else "")
    return f'<p class="search-count" role="status">{count}.</p><ol class="search-results">{items}</ol>'


def _snippet(text: str, words: Sequence[str], width: int = 240) -> str:
    """About ``width`` characters of ``text`` around the first of ``words``, cut at words, with '…' where cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    first = min((i for w in words if (i := text.lower().find(w.lower())) >= 0), default=0)
    start = max(first - width // 3, 0)
    start = text.find(" ", start) + 1 if start else 0
    end = text.rfind(" ", 0, start + width)
    return ("\u2026" if start else "") + text[start:end if end > start else None] + ("\u2026" if end < len(text) else "")


def _marked_words(text: str, words: Sequence[str]) -> str:
    """``text`` escaped, each of ``words`` marked wherever it occurs (case ignored)."""
    pattern = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    out, position = [], 0
    for match in re.finditer(pattern, text, re.I):
        out += [html.escape(text[position:match.start()]), "<mark>", html.escape(match.group()), "</mark>"]
        position = match.end()
    return "".join(out + [html.escape(text[position:])])
