"""Reading document files: the one module of ``ingest`` that opens input files."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.parse import ParseError, parse_document, symbol_from_text
from ingest.records import ParsedDocument

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx"}
_FILE_SYMBOL_RE = re.compile(r"^[A-Z](?:_[A-Z0-9.]+)+_\d+(?:_(?:Rev|Add|Corr)\.\d+)*$")


def symbol_from_filename(path: Path) -> str | None:
    """'A_73_505.txt' → 'A/73/505' (UN symbols with '/' written as '_'), else None."""
    return path.stem.replace("_", "/") if _FILE_SYMBOL_RE.match(path.stem) else None


def read_text(path: Path) -> str:
    """The text of a document file: plain text, Markdown, PDF (pypdf) or DOCX (python-docx).

    PDF pages and DOCX paragraphs are separated by blank lines, the layout the parser expects.

    Raises:
        ParseError: naming the file, if it is missing, unreadable, not UTF-8 text, or of an unknown type.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ParseError(f"{path.name}: unsupported file type {path.suffix!r} (.txt, .md, .pdf or .docx)")
    if suffix == ".pdf":
        return _pdf_text(path)
    if suffix == ".docx":
        return _docx_text(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(f"{path}: cannot read: {error.strerror}") from error
    if b"\x00" in data:
        raise ParseError(f"{path.name}: the file is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(f"{path.name}: not UTF-8 text ({error.reason} at byte {error.start})") from error


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(path), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, OSError, ValueError, KeyError) as error:
        raise ParseError(f"{path.name}: not a readable PDF ({type(error).__name__}: {error})") from error
    text = "\n\n".join(pages)
    if not text.strip():
        raise ParseError(f"{path.name}: the PDF has no extractable text (a scan needs OCR first)")
    return text


def _docx_text(path: Path) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        paragraphs = [p.text for p in Document(str(path)).paragraphs]
    except (PackageNotFoundError, OSError, ValueError, KeyError) as error:
        raise ParseError(f"{path.name}: not a readable DOCX file ({type(error).__name__})") from error
    return "\n\n".join(p for p in paragraphs if p.strip())


def read_document(path: Path, symbol: str | None = None) -> ParsedDocument:
    """Read and parse one document file.

    The symbol is ``symbol`` if given, else the one on the cover page, else the file name's.

    Raises:
        ParseError: naming the file and the problem.
    """
    raw = read_text(path)
    symbol = symbol or symbol_from_text(raw) or symbol_from_filename(path)
    if not symbol:
        raise ParseError(f"{path.name}: no document symbol on the cover page or in the file name; pass --symbol")
    return parse_document(raw, symbol, path.name)


def corpus_files(folder: Path) -> list[Path]:
    """The document files in a folder, sorted by name.

    Raises:
        ParseError: if the folder holds none.
    """
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES) if folder.is_dir() else []
    if not files:
        raise ParseError(f"{folder}: no document files (.txt, .md, .pdf, .docx) found")
    return files
