"""A UN document as a Word file (DOCX) → text in the parser's layout.

python-docx opens the package; the parts are read with lxml: the body in document order,
paragraphs and tables alike (the masthead is a table: each cell paragraph is a block);
footnote and endnote references become superscript numbers where they stand, numbered in
order of appearance as Word displays them (restarting per section when the section says so),
not by their ``w:id``; each note's text (``word/footnotes.xml``, ``word/endnotes.xml``, without
the separator notes) is a block after the paragraph that carries its reference. The page
headers (``word/header*.xml``) are read for the document symbol, which UN Word files often
print only there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from lxml import etree

from ingest.parse import SYMBOL_RE, ParseError
from ingest.source_text import Note, SourceText, compose, split_vote_label, superscript

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_SKIP = {f"{{{W}}}del", f"{{{W}}}pPr", f"{{{W}}}rPr", f"{{{W}}}instrText", f"{{{MC}}}Fallback", f"{{{W}}}txbxContent"}
PARTS_READ = {"footnotes", "endnotes", "header", "settings", "styles"}  # relationship types, last segment
_SEPARATOR_TYPES = {"separator", "continuationSeparator", "continuationNotice"}
Element = Any  # an lxml element of a WordprocessingML part


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class _Ref(NamedTuple):
    """A note reference met in the body.

    ``kind`` is 'footnote' or 'endnote', ``note_id`` its ``w:id``, ``number`` the number Word
    displays (None for a custom mark such as '*', which stays in the text as written).
    """

    kind: str
    note_id: str
    number: int | None


class _Block(NamedTuple):
    text: str
    refs: list[_Ref]


def read_docx(path: Path) -> SourceText:
    """Read a UN Word file into the parser's text layout, with the symbol from its page header.

    Returns:
        ``SourceText``: body paragraphs and table cell paragraphs in document order, separated by
        blank lines, notes as "³ text" blocks after the paragraph carrying reference ³; ``symbol``
        from the page headers, else from the first table, else None.

    Raises:
        ParseError: naming the file, if it is not a readable DOCX package.
    """
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        part = Document(str(path)).part
        parts: dict[str, list[Element]] = {}
        for rel in part.rels.values():
            kind = rel.reltype.rsplit("/", 1)[-1]
            if kind in PARTS_READ and not rel.is_external:
                parts.setdefault(kind, []).append(etree.fromstring(rel.target_part.blob))
        body = part.element.body
    except (PackageNotFoundError, OSError, ValueError, KeyError, etree.XMLSyntaxError) as error:
        raise ParseError(f"{path.name}: not a readable DOCX file ({type(error).__name__})") from error
    notes = {kind: _note_texts(parts.get(f"{kind}s", [])) for kind in ("footnote", "endnote")}
    reading = _Reading(_restarts(body, parts.get("settings", [])), _raised_styles(parts.get("styles", [])))
    blocks, first_table = _body_blocks(body, reading)
    symbol = _symbol(parts.get("header", [])) or _symbol(first_table)
    return SourceText(_text(blocks, notes, symbol), symbol)


def _text(blocks: list[_Block], notes: dict[str, dict[str, str]], symbol: str | None) -> str:
    """Blocks and their notes laid out by ``compose``.

    A masthead line that is the symbol alone is left out: it is ``SourceText.symbol``.
    """
    paragraphs: list[str] = []
    placed: list[Note] = []
    for block in blocks:
        if symbol and block.text == symbol:
            continue
        for text in split_vote_label(block.text):
            paragraphs.append(text)
        for ref in block.refs:
            body = notes[ref.kind].get(ref.note_id, "")
            if ref.number is not None and body:
                placed.append(Note(ref.number, body, len(paragraphs) - 1))
            elif body:
                paragraphs.append(body)
    return compose(paragraphs, placed)


def _note_texts(roots: list[Element]) -> dict[str, str]:
    """``w:id`` → the note's text (its paragraphs joined), separator notes left out."""
    texts = {}
    for root in roots:
        for note in root:
            if note.get(_w("type")) in _SEPARATOR_TYPES or note.get(_w("id")) is None:
                continue
            parts = [b.text for p in note.iter(_w("p")) for b in _paragraph(p, _Reading({}))]
            texts[note.get(_w("id"))] = " ".join(p for p in parts if p)
    return texts


class _Reading:
    """State of one read of a DOCX body.

    Holds the displayed note numbers (by order of reference, per kind, restarting at the sections
    listed) and the character styles that raise text (superscript).
    """

    def __init__(self, restarts: dict[int, dict[str, int]], raised_styles: frozenset[str] = frozenset()) -> None:
        self.restarts = restarts  # section index → kind → number to restart at
        self.raised_styles = raised_styles
        self.next = {"footnote": 1, "endnote": 1}
        self.seen: dict[tuple[str, str], int] = {}

    def enter(self, section: int) -> None:
        self.next.update(self.restarts.get(section, {}))

    def number(self, kind: str, note_id: str) -> int:
        if (kind, note_id) not in self.seen:
            self.seen[(kind, note_id)] = self.next[kind]
            self.next[kind] += 1
        return self.seen[(kind, note_id)]


def _restarts(body: Element, settings: list[Element]) -> dict[int, dict[str, int]]:
    """For each section after the first whose notes restart there: kind → starting number.

    A section's ``w:footnotePr``/``w:endnotePr`` (else the document's, in ``word/settings.xml``)
    says ``w:numRestart w:val="eachSect"`` and optionally ``w:numStart``.
    """
    sections = [p.find(f"{_w('pPr')}/{_w('sectPr')}") for p in body.iterchildren(_w("p"))]
    props = [s for s in sections if s is not None] + [body.find(_w("sectPr"))]
    defaults = settings[0] if settings else None
    restarts: dict[int, dict[str, int]] = {}
    for index, sect in enumerate(props[1:], start=1):
        for kind in ("footnote", "endnote"):
            pr = sect.find(_w(f"{kind}Pr")) if sect is not None else None
            if pr is None or pr.find(_w("numRestart")) is None:
                pr = defaults.find(_w(f"{kind}Pr")) if defaults is not None else None
            restart = pr.find(_w("numRestart")) if pr is not None else None
            if restart is not None and restart.get(_w("val")) == "eachSect":
                start = pr.find(_w("numStart"))  # type: ignore[union-attr]
                restarts.setdefault(index, {})[kind] = int(start.get(_w("val"))) if start is not None else 1
    return restarts


def _body_blocks(body: Element, numbering: _Reading) -> tuple[list[_Block], list[Element]]:
    """The body's blocks in document order, and the first table (as a one-element list, or empty)."""
    blocks: list[_Block] = []
    first_table: list[Element] = []
    section = 0
    for child in body.iterchildren():
        if child.tag == _w("p"):
            blocks.extend(_paragraph(child, numbering))
            if child.find(f"{_w('pPr')}/{_w('sectPr')}") is not None:
                section += 1
                numbering.enter(section)
        elif child.tag == _w("tbl"):
            first_table = first_table or [child]
            blocks.extend(_table(child, numbering))
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            for inner in content if content is not None else []:
                blocks.extend(_paragraph(inner, numbering) if inner.tag == _w("p") else _table(inner, numbering))
    return blocks, first_table


def _table(table: Element, numbering: _Reading) -> list[_Block]:
    """A table's cell paragraphs, row by row and cell by cell, nested tables in place."""
    blocks: list[_Block] = []
    if table.tag != _w("tbl"):
        return blocks
    for row in table.iterchildren(_w("tr")):
        for cell in row.iterchildren(_w("tc")):
            for child in cell.iterchildren():
                if child.tag == _w("p"):
                    blocks.extend(_paragraph(child, numbering))
                elif child.tag == _w("tbl"):
                    blocks.extend(_table(child, numbering))
    return blocks


def _paragraph(paragraph: Element, numbering: _Reading) -> list[_Block]:
    """One paragraph as blocks: its text with note markers, split at manual line breaks.

    Text-box paragraphs inside it come first, as blocks of their own; the last block carries the
    paragraph's note references.
    """
    pieces: list[str] = [""]
    refs: list[_Ref] = []
    floating: list[_Block] = []
    for element in _walk(paragraph):
        tag = etree.QName(element).localname
        if tag == "txbxContent":
            for inner in element.iter(_w("p")):
                floating.extend(_paragraph(inner, numbering))
        elif tag == "t" and _raised(element.getparent(), numbering.raised_styles) and (element.text or "").strip().isdigit():
            pieces[-1] = pieces[-1].rstrip() + superscript(int(element.text.strip()))  # a repeated reference typed as text
        elif tag == "t":
            pieces[-1] += element.text or ""
        elif tag in ("tab", "ptab"):
            pieces[-1] += " "
        elif tag in ("br", "cr") and element.get(_w("type")) in (None, "textWrapping"):
            pieces.append("")
        elif tag == "noBreakHyphen":
            pieces[-1] += "-"
        elif tag in ("footnoteReference", "endnoteReference"):
            ref = _reference(element, tag[:-9], numbering)
            refs.append(ref)
            if ref.number is not None:
                pieces[-1] = pieces[-1].rstrip() + superscript(ref.number)
    texts = [" ".join(piece.split()) for piece in pieces]
    blocks = [_Block(text, []) for text in texts if text]
    if blocks:
        blocks[-1] = _Block(blocks[-1].text, refs)
    elif refs:
        blocks = [_Block("", refs)]
    return floating + blocks


def _reference(element: Element, kind: str, numbering: _Reading) -> _Ref:
    note_id = element.get(_w("id"), "")
    custom = element.get(_w("customMarkFollows")) in ("1", "true", "on")
    return _Ref(kind, note_id, None if custom else numbering.number(kind, note_id))


def _walk(element: Element) -> Any:
    """Descendants in document order.

    Deleted text, properties, field codes and the fallback copies of drawings are skipped; text
    boxes are yielded but not entered.
    """
    for child in element.iterchildren():
        if not isinstance(child.tag, str):
            continue
        if child.tag == _w("txbxContent"):
            yield child
            continue
        if child.tag in _SKIP or (child.tag == _w("r") and child.find(f"{_w('rPr')}/{_w('vanish')}") is not None):
            continue
        yield child
        yield from _walk(child)


def _raised_styles(roots: list[Element]) -> frozenset[str]:
    """Ids of the styles (word/styles.xml) that set text superscript, directly or by inheritance."""
    raised, based = set(), {}
    for root in roots:
        for style in root.iter(_w("style")):
            sid = style.get(_w("styleId"), "")
            align = style.find(f"{_w('rPr')}/{_w('vertAlign')}")
            if align is not None and align.get(_w("val")) == "superscript":
                raised.add(sid)
            parent = style.find(_w("basedOn"))
            if parent is not None:
                based[sid] = parent.get(_w("val"), "")
    for sid in list(based):
        seen, current = set(), sid
        while current in based and current not in seen and current not in raised:
            seen.add(current)
            current = based[current]
        if current in raised:
            raised.add(sid)
    return frozenset(raised)


def _raised(run: Element, raised_styles: frozenset[str]) -> bool:
    """Whether a run (``w:r``) is set superscript, by its own properties or its character style."""
    if run is None or run.tag != _w("r"):
        return False
    props = run.find(_w("rPr"))
    if props is None:
        return False
    align = props.find(_w("vertAlign"))
    if align is not None:
        return align.get(_w("val")) == "superscript"
    style = props.find(_w("rStyle"))
    return style is not None and style.get(_w("val")) in raised_styles


def _symbol(roots: list[Element]) -> str | None:
    """The first document symbol printed in these parts.

    A paragraph that is a symbol alone wins over a symbol found inside a paragraph.
    """
    texts = [" ".join("".join(t.text or "" for t in p.iter(_w("t"))).split()) for root in roots for p in root.iter(_w("p"))]
    alone = next((t for t in texts if SYMBOL_RE.fullmatch(t)), None)
    if alone:
        return alone
    found = next((m for t in texts if (m := SYMBOL_RE.search(t))), None)
    return found[1] if found else None

