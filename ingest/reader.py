"""Reading document files: the entry point of ``ingest`` for input files (PDF and DOCX through their readers)."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.parse import ParseError, parse_document, symbol_from_text
from ingest.records import ParsedDocument
from ingest.source_text import SourceText

__all__ = ["SourceText", "corpus_files", "read_document", "read_source", "read_text", "symbol_from_filename"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx"}
_FILE_SYMBOL_RE = re.compile(r"^[A-Z](?:_[A-Z0-9.]+)+_\d+(?:_(?:Rev|Add|Corr)\.\d+)*$")


def symbol_from_filename(path: Path) -> str | None:
    """'A_73_505.txt' → 'A/73/505' (UN symbols with '/' written as '_'), else None."""
    return path.stem.replace("_", "/") if _FILE_SYMBOL_RE.match(path.stem) else None


def read_source(path: Path) -> SourceText:
    """The text of a document file in the parser's layout, and the symbol its format shows.

    Plain text and Markdown are read as they are (symbol None); PDF goes through
    ``ingest.pdf_reader`` and DOCX through ``ingest.docx_reader``, which rebuild paragraphs and
    footnotes and return the masthead or page-header symbol.

    Raises:
        ParseError: naming the file, if it is missing, unreadable, not UTF-8 text, or of an unknown type.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ParseError(f"{path.name}: unsupported file type {path.suffix!r} (.txt, .md, .pdf or .docx)")
    if suffix in (".pdf", ".docx") and not path.is_file():
        raise ParseError(f"{path}: cannot read: no such file")
    if suffix == ".pdf":
        from ingest.pdf_reader import read_pdf

        return read_pdf(path)
    if suffix == ".docx":
        from ingest.docx_reader import read_docx

        return read_docx(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(f"{path}: cannot read: {error.strerror}") from error
    if b"\x00" in data:
        raise ParseError(f"{path.name}: the file is binary, not text")
    try:
        return SourceText(data.decode("utf-8-sig"), None)
    except UnicodeDecodeError as error:
        raise ParseError(f"{path.name}: not UTF-8 text ({error.reason} at byte {error.start})") from error


def read_text(path: Path) -> str:
    """The text of a document file (plain text, Markdown, PDF or DOCX) in the parser's layout.

    Raises:
        ParseError: as ``read_source``.
    """
    return read_source(path).text


def read_document(path: Path, symbol: str | None = None, lenient: bool = False) -> ParsedDocument:
    """Read and parse one document file.

    The symbol is, in this order: ``symbol`` if given, the one the format shows (PDF masthead or
    running header, DOCX page header), the one on the cover page of the text, the file name's.
    ``lenient``: see ``ingest.parse.parse_document``.

    Raises:
        ParseError: naming the file and the problem.
    """
    source = read_source(path)
    symbol = symbol or source.symbol or symbol_from_text(source.text) or symbol_from_filename(path)
    if not symbol:
        raise ParseError(f"{path.name}: no document symbol on the cover page or in the file name; pass --symbol")
    return parse_document(source.text, symbol, path.name, lenient=lenient)


def corpus_files(folder: Path) -> list[Path]:
    """The document files in a folder, sorted by name.

    Raises:
        ParseError: if the folder holds none.
    """
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES) if folder.is_dir() else []
    if not files:
        raise ParseError(f"{folder}: no document files (.txt, .md, .pdf, .docx) found")
    return files
