"""Raw text of one UN document → ``ParsedDocument`` (pure: no file or index access)."""

from __future__ import annotations

import hashlib
import re

from ingest.layout import split_blocks
from ingest.member_states import roster
from ingest.records import Draft, ParsedDocument
from ingest.structure import Structure, StructureError, build_units
from ingest.votes import parse_sponsorships, parse_votes

DATE_RE = re.compile(r"\b(\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) (\d{4}))\b")
AGENDA_RE = re.compile(r"\bAgenda items? ([\w ,()]+?)\s*$", re.M)
SYMBOL_RE = re.compile(r"(?<![\w/])([A-Z](?:/[A-Z0-9.]+)+/\d+(?:/(?:Rev|Add|Corr)\.\d+)*)(?![\w/])")


class ParseError(ValueError):
    """The document cannot be parsed; the message names the document and the problem."""


def symbol_from_text(raw: str) -> str | None:
    """The document symbol printed on the cover page (first 600 characters), if any."""
    match = SYMBOL_RE.search(raw[:600])
    return match[1] if match else None


def parse_document(raw: str, symbol: str, source: str) -> ParsedDocument:
    """Parse one document's text into units, drafts, recorded votes and sponsorships.

    Args:
        raw: the document text as received.
        symbol: its document symbol, e.g. 'A/73/505'.
        source: file name it came from, kept for messages and provenance.

    Raises:
        ParseError: naming ``source``, if the text is empty or not text, has no
            structure, or a recorded vote contradicts its stated tally.
    """
    if not raw.strip():
        raise ParseError(f"{source}: the file is empty")
    if "\x00" in raw:
        raise ParseError(f"{source}: the file is binary, not text")
    try:
        blocks, footnotes = split_blocks(raw)
        structure = build_units(symbol, blocks, footnotes)
        return _document(raw, symbol, source, structure)
    except ValueError as error:
        raise ParseError(f"{source}: {error}") from error


def _document(raw: str, symbol: str, source: str, structure: Structure) -> ParsedDocument:
    header = "\n".join(structure.header)
    date = DATE_RE.search(header)
    year = date[2] if date else ""
    agenda = AGENDA_RE.search(header)
    units = list(structure.units)
    names = roster()
    votes = parse_votes(units, names, year, structure.draft_titles)
    sponsorships = parse_sponsorships(units, names, year)
    if not units:
        raise StructureError("no citable unit found")
    return ParsedDocument(
        symbol=symbol, title=_title(structure), date=date[1] if date else "",
        agenda_item=agenda[1] if agenda else "", source=source,
        content_hash=hashlib.sha256(raw.encode("utf-8")).hexdigest(), units=tuple(units),
        drafts=_drafts(structure, votes, sponsorships), votes=votes, sponsorships=sponsorships,
    )


def _title(structure: Structure) -> str:
    if structure.resolution_title:
        return structure.resolution_title
    lines = [line for line in structure.header if len(line) > 30 and ":" not in line and not line.startswith(("Resolution adopted", "["))]
    return lines[0] if lines else ""


def _drafts(structure: Structure, votes, sponsorships) -> tuple[Draft, ...]:  # type: ignore[no-untyped-def]
    symbols = {v.draft_number: v.draft_symbol for v in votes if v.draft_number}
    titles = {s.draft_symbol: s.title for s in sponsorships}
    return tuple(
        Draft(number=n, symbol=symbols.get(n), title=t or titles.get(symbols.get(n, ""), ""), locator_prefix=f"DR-{n}")
        for n, t in structure.draft_titles.items()
    )
