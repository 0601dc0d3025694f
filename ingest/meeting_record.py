"""Clean blocks of a meeting record (A/73/PV.45) → citable passages.

A meeting record has no numbered paragraphs: after the masthead ("45th plenary meeting",
the date, "President: …", "The meeting was called to order at …") come agenda item
headings, statements ("The President: …", "Mr. X (Country): …") and the actions. Each
block is a passage (``passage-N``, in reading order); a vote is one passage from
"A recorded vote was taken." through its lists to the sentence that gives the result
("Draft resolution I was adopted by 119 votes to 46, with 14 abstentions (resolution 73/27).").
"""

from __future__ import annotations

import re

from ingest.layout import Block, FootnoteText
from ingest.records import UnitKind
from ingest.structure import Structure, StructureError, assemble_rows

CALLED_TO_ORDER_RE = re.compile(r"^The meeting was (?:called to order|resumed)\b")
STATEMENT_RE = re.compile(r"^(?:The (?:President|Acting President|Chair)|(?:Mr|Mrs|Ms|Miss|Dr)\.? [^:]{1,80}\([^)]+\)):")
AGENDA_HEADING_RE = re.compile(r"^Agenda items? \d")
VOTE_TAKEN_RE = re.compile(r"^A recorded vote was taken\b")
RESULT_RE = re.compile(r"\b(?:was|were) (?:adopted|rejected|retained|deleted)\b")


def is_meeting_record(symbol: str) -> bool:
    """Whether a document symbol is a meeting record's ('A/73/PV.45', 'A/C.1/73/PV.31')."""
    return bool(re.search(r"/PV\.\d+", symbol))


def build_record_units(symbol: str, blocks: list[Block], footnotes: list[FootnoteText]) -> Structure:
    """The masthead as the cover page, then one passage per block (a vote block as one passage).

    Raises:
        StructureError: if the record has no passage after its masthead, or a vote block has no result.
    """
    header: list[str] = []
    rows: list[tuple[str, UnitKind, str, str]] = []
    section, voting = "", False
    in_masthead = True
    for block in blocks:
        text = block.text
        if in_masthead:
            header.append(text)
            in_masthead = not (CALLED_TO_ORDER_RE.match(text) or AGENDA_HEADING_RE.match(text) or STATEMENT_RE.match(text))
            if in_masthead or CALLED_TO_ORDER_RE.match(text):
                continue
            header.pop()
        if AGENDA_HEADING_RE.match(text):
            section = text
        if voting and STATEMENT_RE.match(text):
            raise StructureError(f"{rows[-1][0]}: 'A recorded vote was taken' with no sentence giving the result before the next statement")
        if voting:
            locator, kind, body, sec = rows[-1]
            rows[-1] = (locator, kind, f"{body}\n{text}", sec)
            voting = not RESULT_RE.search(text)
            continue
        rows.append((f"passage-{len(rows) + 1}", "passage", text, section))
        voting = bool(VOTE_TAKEN_RE.match(text))
    if voting:
        raise StructureError(f"{rows[-1][0]}: 'A recorded vote was taken' with no sentence giving the result")
    if not rows:
        raise StructureError("a meeting record with no passage after its masthead")
    return Structure(units=assemble_rows(symbol, header, rows, footnotes, {}), draft_titles={}, header=tuple(header))
