"""Units → chunks for embedding (pure). Short units are one chunk; long ones (the voting
paragraphs) are split on list commas or sentence ends, each chunk keeping its unit's locator."""

from __future__ import annotations

import re
from typing import NamedTuple

from ingest.records import Unit

_BREAK_RE = re.compile(r"(?<=[.;:,])\s+|\n")


class Chunk(NamedTuple):
    """One embedded piece of a unit.

    ``id`` is ``SYMBOL#LOCATOR`` for a whole unit and ``SYMBOL#LOCATOR~N`` (N from 1) for
    the pieces of a split one; ``embed_text`` is what the embedder sees (label, draft title
    and text), ``text`` the unit text the chunk covers.
    """

    id: str
    unit: Unit
    text: str
    embed_text: str


def chunk_unit(unit: Unit, max_chars: int, overlap: int, context: str = "") -> list[Chunk]:
    """Split one unit into chunks of at most about ``max_chars`` characters.

    ``context`` (e.g. the draft's title) is prefixed to every chunk's ``embed_text``.
    """
    pieces = _pieces(unit.text, max_chars, overlap)
    head = f"{unit.label}. {context}".strip()
    if len(pieces) == 1:
        return [Chunk(unit.id, unit, unit.text, f"{head}\n{unit.text}")]
    return [Chunk(f"{unit.id}~{i}", unit, p, f"{head}\n{p}") for i, p in enumerate(pieces, 1)]


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
