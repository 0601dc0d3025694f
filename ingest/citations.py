"""Citation ids, locators and display labels: the one place that owns their format.

A citable unit is named by a *locator* inside its document and a full *citation id*
``SYMBOL#LOCATOR`` (for example ``A/73/505#DR-I.OP-1.6``). Locators take these forms:

- ``header``: the cover page (session, agenda item, title, rapporteur);
- ``para-7``, ``para-12(a)``: report paragraph 7, lettered sub-paragraph (a) of report paragraph 12;
- ``fn-3``: report footnote 3;
- ``DR-I.PP-4``: draft resolution I, preambular paragraph 4 (1-based, in order);
- ``DR-I.OP-5``, ``DR-I.OP-1.6``, ``DR-I.OP-4(b)``: operative paragraphs and sub-paragraphs;
- ``DR-II.fn-2``: footnote 2 inside draft resolution II;
- ``DD-I.PP-1``, ``DD-I.OP-2``, ``DD-I.fn-1``: the same inside draft decision I (an unnumbered
  "Draft decision" is I);
- ``PP-3``, ``OP-2``, ``OP-1(a)``: paragraphs of a resolution document (no draft prefix);
- ``adoption``: a resolution's closing adoption block (meeting, date and "[Adopted by a recorded vote …]");
- ``passage-12``: the 12th passage of a meeting record (a statement, or a vote block from "A recorded
  vote was taken." to the sentence that gives the result).
"""

from __future__ import annotations

import re
from typing import NamedTuple

LOCATOR_RE = re.compile(
    r"^(?:header|adoption|passage-\d+|para-\d+(?:\([a-z]\))?|fn-\d+"
    r"|(?:D[RD]-(?P<dr>[IVXLC]+)\.)?(?:PP-\d+|OP-\d+(?:\.\d+)?(?:\([a-z]\))?)|D[RD]-[IVXLC]+\.fn-\d+)$"
)
CITATION_ID_RE = re.compile(r"^(?P<symbol>[A-Z][A-Za-z0-9./-]*)#(?P<locator>\S+)$")
_OP_RE = re.compile(r"^OP-(?P<num>\d+(?:\.\d+)?)(?:\((?P<letter>[a-z])\))?$")


class CitationId(NamedTuple):
    """A parsed citation id: document symbol and locator."""

    symbol: str
    locator: str


def citation_id(symbol: str, locator: str) -> str:
    """Return the full citation id ``SYMBOL#LOCATOR``.

    Raises:
        ValueError: if the locator is not of a known form.
    """
    if not LOCATOR_RE.match(locator):
        raise ValueError(f"not a locator: {locator!r}")
    return f"{symbol}#{locator}"


def parse_citation_id(text: str) -> CitationId:
    """Split ``SYMBOL#LOCATOR`` into its parts.

    Raises:
        ValueError: if ``text`` is not a citation id with a valid locator.
    """
    match = CITATION_ID_RE.match(text.strip())
    if not match or not LOCATOR_RE.match(match["locator"]):
        raise ValueError(f"not a citation id: {text!r}")
    return CitationId(match["symbol"], match["locator"])


def is_locator(text: str) -> bool:
    """Whether ``text`` has the form of a locator (it may still not exist in a document)."""
    return bool(LOCATOR_RE.match(text))


def draft_of(locator: str) -> str | None:
    """The draft resolution number (``"I"``, ``"II"``) a locator sits in, or None for the report, a decision or a resolution."""
    match = re.match(r"^DR-([IVXLC]+)\.", locator)
    return match[1] if match else None


def decision_of(locator: str) -> str | None:
    """The draft decision number (``"I"``) a locator sits in (``DD-I.PP-1``), else None."""
    match = re.match(r"^DD-([IVXLC]+)\.", locator)
    return match[1] if match else None


def label(symbol: str, locator: str) -> str:
    """Human display label in UN citation style.

    Examples: ``A/73/505, para. 7``; ``A/73/505, footnote 3``;
    ``A/73/505, draft resolution I, operative para. 1.6``;
    ``A/73/505, draft resolution II, preambular para. 3``.

    Raises:
        ValueError: if the locator is not of a known form.
    """
    if not LOCATOR_RE.match(locator):
        raise ValueError(f"not a locator: {locator!r}")
    return f"{symbol}, {_local_label(locator)}"


def _local_label(locator: str) -> str:
    if locator in ("header", "adoption"):
        return "cover page" if locator == "header" else "adoption"
    if locator.startswith("passage-"):
        return f"passage {locator[8:]}"
    if locator.startswith("para-"):
        return "para. " + locator[5:].replace("(", " (")
    if locator.startswith("fn-"):
        return f"footnote {locator[3:]}"
    if not locator.startswith(("DR-", "DD-")):
        return _paragraph_label(locator, "para.")  # a resolution: operative paragraphs are cited "para. 5"
    draft, _, part = locator.partition(".")
    decision = draft.startswith("DD-")
    name = f"draft {'decision' if decision else 'resolution'} {draft[3:]}"
    if part.startswith("fn-"):
        return f"{name}, footnote {part[3:]}"
    if decision and part.startswith("PP-"):
        return f"{name}, para. {part[3:]}"  # a decision's paragraphs are unnumbered, not preambular
    return f"{name}, {_paragraph_label(part, 'operative para.')}"


def _paragraph_label(part: str, operative: str) -> str:
    """'PP-3' → 'preambular para. 3'; 'OP-4(b)' → '<operative> 4 (b)'."""
    if part.startswith("PP-"):
        return f"preambular para. {part[3:]}"
    op = _OP_RE.match(part)
    assert op is not None  # guaranteed by LOCATOR_RE
    letter = f" ({op['letter']})" if op["letter"] else ""
    return f"{operative} {op['num']}{letter}"
