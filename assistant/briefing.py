"""A conversation exported as a briefing note: the answers a user ticked, their vote tables and the references.

Each section is headed by the standalone question (the question as the conversation read it: "And
the other draft?" becomes "How did France vote on draft resolution II?"), cut to ``HEADING_CHARS``.
References follow UN citation style: a pinpoint per cited unit ('A/73/505, draft resolution I,
operative para. 1.6'), as footnotes numbered in order of first citation across the note, then the
full reference of each document cited ('United Nations, General Assembly, *Title: Report of the
First Committee*, A/73/505 (19 November 2018).'). Markdown here, with footnotes (``[^1]``); Word in
``assistant.briefing_docx``, with real Word footnotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assistant.answers import Answer, Citation
from assistant.render import md_escape
from ingest.citations import parse_citation_id
from ingest.records import ParsedDocument

HEADING_CHARS = 160


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an answer in the note: its text with [n] reference markers, and whether it is a quotation."""

    text: str
    quote: bool


@dataclass(frozen=True)
class Table:
    """A table shown with an answer: a caption, column names and rows (a vote's tally, the States listed, a comparison)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    """One ticked answer with the tables the app showed beside it."""

    answer: Answer
    tables: tuple[Table, ...] = field(default_factory=tuple)


def worth_exporting(answer: Answer) -> bool:
    """Whether an answer is ticked for export by default: not empty and not a refusal (documents do not cover it)."""
    return bool(answer.question.strip()) and bool(answer.sentences) and not answer.abstained and bool(answer.citations)


def heading(answer: Answer, limit: int = HEADING_CHARS) -> str:
    """The section heading: the standalone question (else the question), whitespace collapsed, cut to ``limit`` characters with '…'."""
    text = re.sub(r"\s+", " ", answer.standalone.strip() or answer.question.strip())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def answer_table(answer: Answer, caption: str = "") -> Table | None:
    """The answer's own table (States listed, a comparison), or None."""
    if not answer.table or not answer.table.get("rows"):
        return None
    return Table(caption or "Table", tuple(map(str, answer.table["columns"])), tuple(tuple(map(str, r)) for r in answer.table["rows"]))


def references(answers: Sequence[Answer]) -> list[Citation]:
    """Distinct cited units of all answers, in order of first citation (their 1-based position is their number)."""
    seen: dict[str, Citation] = {}
    for citation in (c for a in answers for c in a.citations):
        seen.setdefault(citation.id, citation)
    return list(seen.values())


def paragraphs(answer: Answer, numbers: dict[str, int], escape: Callable[[str], str] = str,
               marker: Callable[[int], str] = lambda n: f" [{n}]") -> list[Paragraph]:
    """The answer's sentences as paragraphs, markers renumbered to the note's reference list.

    Notes come first; prose sentences run on in one paragraph; each quotation stands alone.
    ``escape`` is applied to the text of notes and sentences, not to the markers; ``marker(n)`` writes one.
    """
    out = [Paragraph(escape(note), False) for note in answer.notes]
    prose: list[str] = []
    for sentence in answer.sentences:
        text = escape(sentence.text) + "".join(marker(numbers[c]) for c in sentence.citations if c in numbers)
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


def cited_documents(answers: Sequence[Answer], documents: Sequence[ParsedDocument]) -> list[ParsedDocument]:
    """The documents the answers cite, in corpus order."""
    symbols = {parse_citation_id(c.id).symbol for c in references(answers)}
    return [d for d in documents if d.symbol in symbols]


def sections_of(items: Sequence[Answer | Section]) -> list[Section]:
    """Plain answers become sections without tables."""
    return [i if isinstance(i, Section) else Section(i) for i in items]


def _md(text: str) -> str:
    return md_escape(text).replace("<", "\\<").replace(">", "\\>")


def _md_cell(text: str) -> str:
    return _md(text).replace("\n", " ")


def table_markdown(table: Table) -> list[str]:
    """A table as Markdown lines: its caption in bold, then a pipe table."""
    lines = [f"**{_md(table.caption)}**", "", "| " + " | ".join(map(_md_cell, table.columns)) + " |",
             "|" + "---|" * len(table.columns)]
    return lines + ["| " + " | ".join(map(_md_cell, row)) + " |" for row in table.rows] + [""]


def briefing_markdown(items: Sequence[Answer | Section], title: str = "Briefing note", documents: Sequence[ParsedDocument] = ()) -> str:
    """The note as Markdown: one section per answer (heading, paragraphs, tables), then the footnotes and the documents.

    Args:
        items: the ticked answers (or sections with their tables), in the order asked.
        title: the note's heading.
        documents: the corpus documents; the full reference of each one cited is listed.

    Returns:
        Markdown text with footnote markers ``[^n]`` and their definitions ``[^n]: A/73/505, para. 7.``;
        questions and answers are escaped, so they read literally.
    """
    sections = sections_of(items)
    answers = [s.answer for s in sections]
    cited = references(answers)
    numbers = {c.id: n for n, c in enumerate(cited, 1)}
    parts = [f"# {_md(title)}", ""]
    for n, section in enumerate(sections, 1):
        parts += [f"## {n}. {_md(heading(section.answer))}", ""]
        for paragraph in paragraphs(section.answer, numbers, _md, lambda k: f"[^{k}]"):
            parts += [("> " if paragraph.quote else "") + paragraph.text, ""]
        for table in section.tables:
            parts += table_markdown(table)
    parts += [f"[^{n}]: {_md(c.label)}." for n, c in enumerate(cited, 1)]
    chosen = cited_documents(answers, documents)
    if chosen:
        parts += ["", "## Documents cited", ""] + [f"- {_md(document_reference(d))}" for d in chosen]
    return "\n".join(parts).rstrip() + "\n"


def write_docx(items: Sequence[Answer | Section], path, title: str = "Briefing note", documents: Sequence[ParsedDocument] = (),
               author: str = ""):  # type: ignore[no-untyped-def]
    """Write the note as a Word document with real footnotes (``assistant.briefing_docx.write_docx``); returns ``path``."""
    from assistant.briefing_docx import write_docx as write

    return write(sections_of(items), path, title=title, documents=documents, author=author)
