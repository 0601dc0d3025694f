"""Units → chunks for embedding (pure).

Short units are one chunk; long ones (the voting paragraphs) are split on list commas or
sentence ends, each chunk keeping its unit's locator.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ingest.records import ParsedDocument, Unit

_BREAK_RE = re.compile(r"(?<=[.;:,])\s+|\n")


class Chunk(NamedTuple):
    """One embedded piece of a unit.

    ``id`` is ``SYMBOL#LOCATOR`` for a whole unit and ``SYMBOL#LOCATOR~N`` (N from 1) for
    the pieces of a split one; ``text`` is the unit text the chunk covers and ``embed_text``
    what the embedder sees: the text alone (measured on the eval suite, adding the label or
    the draft title lowered dense recall: every unit of a draft then shares the same words).
    """

    id: str
    unit: Unit
    text: str
    embed_text: str


def parent_locator(locator: str) -> str | None:
    """'DR-I.OP-4(b)' → 'DR-I.OP-4'; 'DR-I.OP-1.6' → 'DR-I.OP-1'; None for a top-level unit."""
    match = re.match(r"^(.*\.OP-\d+)(?:\.\d+|\([a-z]\))$", locator)
    return match[1] if match else None


def is_chapeau(unit: Unit) -> bool:
    """Whether a unit introduces items that follow it: its text ends in ':' (draft I, op. para. 1: "… as follows:")."""
    return unit.text.rstrip().endswith(":")


def unit_context(unit: Unit, document: ParsedDocument, chars: int = 300) -> str:
    """Words that say what a unit is about beyond its own text, for retrieval only.

    A sub-paragraph gets its parent's opening words ("Invites all Member States … on the
    following questions:"); a footnote gets the openings of the paragraphs whose marker
    cites it (footnote 1 of draft II, "A/65/201.", is about "the 2010 … reports").
    """
    by_locator = {u.locator: u for u in document.units}
    parent = parent_locator(unit.locator)
    if parent and parent in by_locator:
        return by_locator[parent].text[:chars]
    if unit.kind == "footnote":
        return " ".join((*unit.marker_words, *(by_locator[c].text[:chars] for c in unit.cited_by if c in by_locator)))
    return ""


def retrieval_text(unit: Unit, document: ParsedDocument) -> str:
    """What BM25 indexes and the embedder sees for a unit: label, draft title, context, text."""
    titles = {d.number: d.title for d in document.drafts}
    title = titles.get(unit.draft or "", "") or document.title
    context = unit_context(unit, document)
    return f"{unit.label}. {title}. {context}\n{unit.text}".strip()


def chunk_unit(unit: Unit, max_chars: int, overlap: int) -> list[Chunk]:
    """Split one unit into chunks of at most about ``max_chars`` characters (list commas or sentence ends)."""
    pieces = _pieces(unit.text, max_chars, overlap)
    if len(pieces) == 1:
        return [Chunk(unit.id, unit, unit.text, unit.text)]
    return [Chunk(f"{unit.id}~{i}", unit, p, p) for i, p in enumerate(pieces, 1)]


def _pieces(text: str, max_chars: int, overlap: int) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    spans, start = [], 0
    cuts = [m.end() for m in _BREAK_RE.finditer(text)] + [len(text)]
    while start < len(text):
        end = max((c for c in cuts if c - start <= max_chars), default=min(start + max_chars, len(text)))
        end = end if end > start else min(start + max_chars, len(text))
        spans.append(text[start:end].strip())
        if end >= len(text):
            break
        back = [c for c in cuts if end - overlap <= c < end]
        start = back[0] if back else end
    return [s for s in spans if s]
