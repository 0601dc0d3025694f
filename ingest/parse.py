"""Raw text of one UN document → ``ParsedDocument`` (pure: no file or index access)."""

from __future__ import annotations

import hashlib
import re

from ingest.layout import split_blocks
from ingest.meeting_record import build_record_units, is_meeting_record
from ingest.member_states import roster
from ingest.records import DocumentKind, Draft, DraftKind, ParsedDocument
from ingest.structure import Structure, StructureError, build_units
from ingest.votes import VoteContext, parse_sponsorships, parse_votes, unread_sponsorships

DATE_RE = re.compile(r"\b(\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) (\d{4}))\b")
AGENDA_RE = re.compile(r"\bAgenda items? ([\w ,()]+?)\s*$", re.M)
SYMBOL_RE = re.compile(r"(?<![\w/])([A-Z](?:/[A-Z0-9.]+)+/(?:\d+|[A-Z]+\.\d+)(?:/(?:Rev|Add|Corr)\.\d+)*)(?![\w/])")
# a masthead line: the symbol alone, or after "United Nations" (a symbol in a sentence or in brackets is a citation)
MASTHEAD_SYMBOL_RE = re.compile(rf"^\s*(?:United Nations\s+)?{SYMBOL_RE.pattern}\s*$", re.M)
MEETING_HEADER_RE = re.compile(r"^(\d+(?:st|nd|rd|th) (?:plenary )?meeting)\s*$", re.M)
COMMITTEE_RE = re.compile(r"\bReport of the (?:[\w\s,]+?\((?P<paren>\w+ Committee)\)|(?P<name>\w+ Committee))")


class ParseError(ValueError):
    """The document cannot be parsed; the message names the document and the problem."""


def symbol_from_text(raw: str) -> str | None:
    """The document's own symbol: the one standing alone on a masthead line in the first 40 lines, if any.

    A symbol inside a sentence or in brackets ("Report of the First Committee (A/73/505)" in a
    plenary record) cites another document and is never taken for the document's own.
    """
    match = MASTHEAD_SYMBOL_RE.search("\n".join(raw.splitlines()[:40]))
    return match[1] if match else None


def parse_document(raw: str, symbol: str, source: str, lenient: bool = False) -> ParsedDocument:
    """Parse one document's text into units, drafts, recorded votes and sponsorships.

    Args:
        raw: the document text as received.
        symbol: its document symbol, e.g. 'A/73/505'.
        source: file name it came from, kept for messages and provenance.
        lenient: keep a vote or adoption sentence that cannot be read as a warning on the
            document (``ParsedDocument.warnings``) instead of failing.

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
        walk = build_record_units if is_meeting_record(symbol) else build_units
        return _document(raw, symbol, source, walk(symbol, blocks, footnotes), lenient)
    except ValueError as error:
        raise ParseError(f"{source}: {error}") from error


def _document(raw: str, symbol: str, source: str, structure: Structure, lenient: bool) -> ParsedDocument:
    header = "\n".join(structure.header)
    date = DATE_RE.search(header)
    year = date[2] if date else ""
    agenda = AGENDA_RE.search(header)
    units = list(structure.units)
    if not units:
        raise StructureError("no citable unit found")
    names = roster()
    kind: DocumentKind = "meeting_record" if is_meeting_record(symbol) else "resolution" if structure.resolution_title else "report"
    meeting = MEETING_HEADER_RE.search(header)
    context = VoteContext(
        symbol=symbol, roster=names, year=year, body=voting_body_of(symbol, header), draft_titles=structure.draft_titles,
        decision_titles=structure.decision_titles, meeting=meeting[1] if meeting else "",
        date=date[1] if date and kind == "meeting_record" else "", lenient=lenient,
    )
    votes, adoptions, warnings = parse_votes(units, context)
    sponsorships = parse_sponsorships(units, names, year)
    title = f"{meeting[1]}, {date[1]}" if kind == "meeting_record" and meeting and date else _title(structure)
    return ParsedDocument(
        symbol=symbol, title=title, date=date[1] if date else "",
        agenda_item=agenda[1] if agenda else "", source=source,
        content_hash=hashlib.sha256(raw.encode("utf-8")).hexdigest(), units=tuple(units),
        drafts=_drafts(structure, (*votes, *adoptions), sponsorships, "resolution"),
        decisions=_drafts(structure, (*votes, *adoptions), sponsorships, "decision"),
        votes=votes, adoptions=adoptions, sponsorships=sponsorships,
        kind=kind, body=context.body, warnings=(*warnings, *unread_sponsorships(units)),
    )


def voting_body_of(symbol: str, header: str) -> str:
    """The body whose votes a document records, from its symbol and cover page.

    'A/HRC/…' is the Human Rights Council; a plenary record or a General Assembly resolution the
    General Assembly; a report "of the First Committee" (or "(Fourth Committee)") that Committee;
    a Committee's own record 'A/C.1/…/PV.n' the First Committee. Default: 'General Assembly'.
    """
    ordinals = {"1": "First", "2": "Second", "3": "Third", "4": "Fourth", "5": "Fifth", "6": "Sixth"}
    if symbol.startswith("A/HRC/"):
        return "Human Rights Council"
    committee = re.match(r"A/C\.(\d)/", symbol)
    if committee:
        return f"{ordinals[committee[1]]} Committee"
    named = COMMITTEE_RE.search(header)
    if named and not is_meeting_record(symbol):
        return named["paren"] or named["name"]
    return "General Assembly"


def _title(structure: Structure) -> str:
    if structure.resolution_title:
        return structure.resolution_title
    lines = [line for line in structure.header if len(line) > 30 and ":" not in line and not line.startswith(("Resolution adopted", "["))]
    return lines[0] if lines else ""


def _drafts(structure: Structure, actions, sponsorships, kind: DraftKind) -> tuple[Draft, ...]:  # type: ignore[no-untyped-def]
    """The draft resolutions (or decisions) in order, with the symbol their vote or adoption paragraph gives."""
    titles = {s.draft_symbol: s.title for s in sponsorships}
    found = structure.draft_titles if kind == "resolution" else structure.decision_titles
    symbols = {a.draft_number: a.draft_symbol for a in actions if a.draft_number and a.draft_kind == kind and a.draft_symbol}
    return tuple(
        Draft(number=n, kind=kind, symbol=symbols.get(n), title=t or titles.get(symbols.get(n, ""), ""),
              locator_prefix=f"D{kind[0].upper()}-{n}")
        for n, t in found.items()
    )
