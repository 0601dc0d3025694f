"""Rendering answers and documents as Markdown/HTML for the web UI (pure; no gradio here)."""

from __future__ import annotations

import html
import re

from ingest.records import ParsedDocument, Unit
from assistant.answers import Answer, Citation


def answer_markdown(answer: Answer) -> str:
    """The answer as Markdown: sentences with [n] markers, then each source expandable to its text."""
    known = {c.id for c in answer.citations}
    body = " ".join(
        html.escape(s.text, quote=False) + "".join(f" **[{answer.marker(c)}]**" for c in s.citations if c in known)
        for s in answer.sentences
    )
    notes = "".join(f"> {html.escape(n)}\n\n" for n in answer.notes)
    sources = "\n".join(
        f"<details><summary>[{n}] {html.escape(c.label)}</summary>\n\n{html.escape(c.text)}\n\n</details>"
        for n, c in enumerate(answer.citations, 1)
    )
    return f"{notes}{body}\n\n{sources}".strip()


def plain_citation_text(answer: Answer) -> str:
    """The answer as plain text with its references in UN citation style, for pasting into a note."""
    return answer.text


def source_html(citation: Citation, quotes: list[str]) -> str:
    """The cited unit's text with the quoted sentences highlighted (<mark>), under its label."""
    text = html.escape(citation.text)
    for quote in sorted(set(quotes), key=len, reverse=True):
        escaped = html.escape(quote)
        if escaped and escaped in text:
            text = text.replace(escaped, f"<mark>{escaped}</mark>")
    body = text.replace("\n", "<br>")
    return f"<div class='source' id='src-{html.escape(citation.locator)}'><h4>{html.escape(citation.label)}</h4><p>{body}</p></div>"


def quotes_for(answer: Answer, citation_id: str) -> list[str]:
    """The verbatim quotations an answer takes from one cited unit."""
    return [s.text.strip("\u201c\u201d") for s in answer.sentences if s.quote and s.citations == [citation_id]]


def document_html(document: ParsedDocument) -> str:
    """The whole document with its structure, every unit anchored by its locator (id='u-<locator>')."""
    parts = [f"<h2>{html.escape(document.symbol)}: {html.escape(document.title)}</h2>"]
    section = None
    for unit in sorted(document.units, key=lambda u: u.order):
        if unit.section != section:
            section = unit.section
            parts.append(f"<h3>{html.escape(section or 'Cover page')}</h3>")
        parts.append(_unit_html(unit))
    return "\n".join(parts)


def _unit_html(unit: Unit) -> str:
    anchor = re.sub(r"[^A-Za-z0-9_.-]", "_", unit.locator)
    text = html.escape(unit.text).replace("\n", "<br>")
    tag = "small" if unit.kind == "footnote" else "span"
    return f"<p id='u-{anchor}'><b>[{html.escape(unit.label.split(', ', 1)[1])}]</b> <{tag}>{text}</{tag}></p>"
