"""The briefing note as a Word document (python-docx), with real Word footnotes and honest properties.

python-docx has no footnote API, so the footnotes part (``word/footnotes.xml``) is written here:
the two separators Word expects (ids -1 and 0), then one footnote per citation marker, each
holding the pinpoint label ('A/73/505, para. 7.'); the text carries ``<w:footnoteReference>`` runs.
Word numbers footnotes by occurrence, so a unit cited twice has two footnotes with the same text.
Document properties: the note's title, the author given (blank by default, never "python-docx"),
created and modified now (UTC), revision 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from assistant.briefing import Section, Table, cited_documents, document_reference, heading, paragraphs, references
from ingest.records import ParsedDocument

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SEPARATORS = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')


def _footnotes_xml(texts: Sequence[str]) -> bytes:
    notes = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        for n, text in enumerate(texts, 1)
    )
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{_W}">{_SEPARATORS}{notes}'
            f"</w:footnotes>").encode()


class _Footnotes:
    """Collects footnote texts while the body is written, then adds the footnotes part to the package."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def reference(self, paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
        """Append a superscript footnote reference to ``paragraph`` for a new footnote reading ``text``."""
        from docx.oxml import parse_xml

        self.texts.append(text)
        run = parse_xml(f'<w:r xmlns:w="{_W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                        f'<w:footnoteReference w:id="{len(self.texts)}"/></w:r>')
        paragraph._p.append(run)

    def attach(self, document) -> None:  # type: ignore[no-untyped-def]
        """Add ``word/footnotes.xml`` (related from the main document part) and its settings entry."""
        from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part
        from docx.oxml import parse_xml

        part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, _footnotes_xml(self.texts), document.part.package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        settings = document.settings.element
        if settings.find(f"{{{_W}}}footnotePr") is None:
            settings.insert(0, parse_xml(f'<w:footnotePr xmlns:w="{_W}"><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'))


def _write_paragraph(document, text: str, quote: bool, labels: dict[str, str], notes: _Footnotes) -> None:  # type: ignore[no-untyped-def]
    """A paragraph whose NUL-delimited reference numbers become footnote references."""
    paragraph = document.add_paragraph(style="Quote" if quote else None)
    for n, piece in enumerate(text.split("\x00")):
        if n % 2:
            notes.reference(paragraph, labels[piece] + ".")
        elif piece:
            paragraph.add_run(piece)


def _write_table(document, table: Table) -> None:  # type: ignore[no-untyped-def]
    document.add_paragraph(table.caption, style="Caption")
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = "Table Grid"
    for row, values in zip(grid.rows, (table.columns, *table.rows), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for cell in grid.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def write_docx(sections: Sequence[Section], path: Path | str, title: str = "Briefing note", documents: Sequence[ParsedDocument] = (),
               author: str = "") -> Path:
    """Write the note at ``path``: a heading per ticked answer, its paragraphs with footnotes, its tables, the documents cited.

    Returns:
        ``path`` as a Path. Core properties: title ``title``, author ``author`` ('' by default), created and modified now.
    """
    from docx import Document

    answers = [s.answer for s in sections]
    cited = references(answers)
    ids = {c.id: n for n, c in enumerate(cited, 1)}
    labels = {str(n): c.label for n, c in enumerate(cited, 1)}
    notes = _Footnotes()
    note = Document()
    note.add_heading(title, level=1)
    for n, section in enumerate(sections, 1):
        note.add_heading(f"{n}. {heading(section.answer)}", level=2)
        for paragraph in paragraphs(section.answer, ids, marker=lambda k: f"\x00{k}\x00"):
            _write_paragraph(note, paragraph.text, paragraph.quote, labels, notes)
        for table in section.tables:
            _write_table(note, table)
    chosen = cited_documents(answers, documents)
    if chosen:
        note.add_heading("Documents cited", level=2)
        for document in chosen:
            note.add_paragraph(document_reference(document), style="List Bullet")
    notes.attach(note)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties = note.core_properties
    properties.title, properties.author, properties.last_modified_by = title, author, author
    properties.created, properties.modified, properties.revision = now, now, 1
    properties.comments = properties.subject = properties.keywords = ""
    note.save(str(path))
    return Path(path)
