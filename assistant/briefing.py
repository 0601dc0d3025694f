"""A conversation exported as a briefing note: each question, its answer, and the references.

References follow UN citation style: a pinpoint per cited unit ('A/73/505, draft resolution I,
operative para. 1.6'), numbered in order of first citation across the whole note, and the full
reference of each document cited ('United Nations, General Assembly, *Title: Report of the First
Committee*, A/73/505 (19 November 2018).'). Markdown always; DOCX through python-docx.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.answers import Answer, Citation
from assistant.render import md_escape
from ingest.citations import parse_citation_id
from ingest.records import ParsedDocument


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an answer in the note: its text with [n] reference markers, and whether it is a quotation."""

    text: str
    quote: bool


def references(answers: Sequence[Answer]) -> list[Citation]:
    """Distinct cited units of all answers, in order of first citation (their 1-based position is their number)."""
    seen: dict[str, Citation] = {}
    for citation in (c for a in answers for c in a.citations):
        seen.setdefault(citation.id, citation)
    return list(seen.values())


def paragraphs(answer: Answer, numbers: dict[str, int], escape: Callable[[str], str] = str) -> list[Paragraph]:
    """The answer's sentences as paragraphs, markers renumbered to the note's reference list.

    Notes come first; prose sentences run on in one paragraph; each quotation stands alone.
    ``escape`` is applied to the text of notes and sentences, not to the [n] markers.
    """
    out = [Paragraph(escape(note), False) for note in answer.notes]
    prose: list[str] = []
    for sentence in answer.sentences:
        text = escape(sentence.text) + "".join(f" [{numbers[c]}]" for c in sentence.citations if c in numbers)
        if sentence.quote:
            out += [Paragraph(" ".join(prose), False)] if prose else []
            out.append(Paragraph(text, True))
            prose = []
        else:
            prose.append(text)
    return out + ([Paragraph(" ".join(prose), False)] if prose else [])


def document_reference(document: ParsedDocument) -> str:
    """The full reference of a document in UN style (plain text; the title is not italicised).

    Example: 'United Nations, General Assembly, Developments in the field of … security: Report of
    the First Committee, A/73/505 (19 November 2018).' The report line comes from the cover page.
    """
    cover = next((u.text for u in document.units if u.locator == "header"), "")
    report = next((line.strip() for line in cover.splitlines() if re.match(r"\s*Report of\b", line)), "")
    title = f"{document.title}: {report}" if report else document.title
    organ = "General Assembly" if document.symbol.startswith("A/") else "Security Council" if document.symbol.startswith("S/") else ""
    date = f" ({document.date})" if document.date else ""
    return ", ".join(p for p in ("United Nations", organ, title, document.symbol) if p) + f"{date}."


def _cited_documents(answers: Sequence[Answer], documents: Sequence[ParsedDocument]) -> list[ParsedDocument]:
    symbols = {parse_citation_id(c.id).symbol for c in references(answers)}
    return [d for d in documents if d.symbol in symbols]


def _md(text: str) -> str:
    return md_escape(text).replace("<", "\\<").replace(">", "\\>")


def briefing_markdown(answers: Sequence[Answer], title: str = "Briefing note", documents: Sequence[ParsedDocument] = ()) -> str:
    """The note as Markdown: one section per question, then the numbered references and the documents.

    Args:
        answers: the session's answers, in the order asked.
        title: the note's heading.
        documents: the corpus documents; the full reference of each one cited is listed.

    Returns:
        Markdown text; questions and answers are escaped, so they read literally.
    """
    cited = references(answers)
    numbers = {c.id: n for n, c in enumerate(cited, 1)}
    parts = [f"# {_md(title)}", ""]
    for n, answer in enumerate(answers, 1):
        parts += [f"## {n}. {_md(answer.question)}", ""]
        for paragraph in paragraphs(answer, numbers, _md):
            parts += [("> " if paragraph.quote else "") + paragraph.text, ""]
    parts += ["## References", ""] + [f"{n}. {_md(c.label)}." for n, c in enumerate(cited, 1)]
    cited_documents = _cited_documents(answers, documents)
    if cited_documents:
        parts += ["", "### Documents cited", ""] + [f"- {_md(document_reference(d))}" for d in cited_documents]
    return "\n".join(parts) + "\n"


def write_docx(answers: Sequence[Answer], path: Path, title: str = "Briefing note", documents: Sequence[ParsedDocument] = ()) -> Path:
    """Write the note (as ``briefing_markdown``) as a Word document at ``path``; returns ``path``."""
    from docx import Document

    cited = references(answers)
    numbers = {c.id: n for n, c in enumerate(cited, 1)}
    note = Document()
    note.add_heading(title, level=1)
    for n, answer in enumerate(answers, 1):
        note.add_heading(f"{n}. {answer.question}", level=2)
        for paragraph in paragraphs(answer, numbers):
            note.add_paragraph(paragraph.text, style="Quote" if paragraph.quote else None)
    note.add_heading("References", level=2)
    for n, citation in enumerate(cited, 1):
        note.add_paragraph(f"[{n}] {citation.label}.")
    cited_documents = _cited_documents(answers, documents)
    if cited_documents:
        note.add_heading("Documents cited", level=3)
        for document in cited_documents:
            note.add_paragraph(document_reference(document), style="List Bullet")
    note.save(str(path))
    return path
