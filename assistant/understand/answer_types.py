"""Kinds of fact a question asks for that no indexed document holds (``answer_types.toml``).

"In which city will the OEWG meet?" asks for a place; when no unit of any document names one in the words the
data file lists, the documents do not hold the answer, however close the nearest paragraph reads ("the open-ended
working group … to hold intersessional consultative meetings"). Judged over every indexed document, so a corpus
that does say where a body meets answers as before.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.entities import find_mentions
from assistant.understand.lexicon import phrase_pattern

TYPES_FILE = Path(__file__).with_name("answer_types.toml")


@dataclass(frozen=True)
class AnswerType:
    """One kind of fact: the question phrases asking for it, the text phrases that hold it, and what to say without it."""

    name: str
    cues: re.Pattern[str]
    evidence: tuple[str, ...]  # lower case; empty: documents of this family never hold it
    reason: str
    example: str
    unless_state: bool = False  # not applied to a question naming a Member State


@cache
def answer_types() -> tuple[AnswerType, ...]:
    """The kinds of ``TYPES_FILE``, read once.

    Raises:
        ValueError: an entry has no example question or no cues.
    """
    kinds = []
    for entry in tomllib.loads(TYPES_FILE.read_text(encoding="utf-8"))["answer_type"]:
        if not entry.get("example") or not entry.get("cues"):
            raise ValueError(f"{TYPES_FILE.name}: [[answer_type]] {entry.get('name')!r} needs cues and an example question")
        evidence = tuple(e.lower() for e in entry["evidence"])
        kinds.append(AnswerType(entry["name"], phrase_pattern(entry["cues"]), evidence, entry["reason"], entry["example"],
                                entry.get("unless_state", False)))
    return tuple(kinds)


def asked_type(question: str) -> AnswerType | None:
    """The first kind of fact ``question`` asks for by its cues, or None."""
    return next((kind for kind in answer_types() if kind.cues.search(question)), None)


def unheld(question: str, texts: Iterable[str]) -> str | None:
    """The reason to show when ``question`` asks for a kind of fact that none of ``texts`` (every unit) holds; else None."""
    kind = asked_type(question)
    if kind is None or (kind.unless_state and any(m.kind == "state" for m in find_mentions(question))):
        return None
    if kind.evidence and any(e in text.lower() for text in texts for e in kind.evidence):
        return None
    return kind.reason
