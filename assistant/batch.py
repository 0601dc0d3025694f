"""Batch answering: JSONL conversations in, JSONL answers out (schema kept stable for evals).

Input line: ``{"id": str, "turns": [str, ...]}`` (one conversation, asked in order).
Output line: ``{"id": str, "turns": [{"question", "answer", "citations": [{"id", "locator",
"label", "text"}], "tool", "latency_ms", "abstained", "retrieved", "table"}]}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError, field_validator

from assistant.answers import Answer
from assistant.conversation import Conversation
from assistant.service import Assistant


class BatchLine(BaseModel):
    """One input conversation."""

    id: str
    turns: list[str]

    @field_validator("turns")
    @classmethod
    def _not_empty(cls, turns: list[str]) -> list[str]:
        if not turns:
            raise ValueError("turns is empty")
        return turns


def turn_record(answer: Answer) -> dict[str, object]:
    """One answered turn in the batch output schema."""
    return {
        "question": answer.question, "answer": answer.text,
        "citations": [c.model_dump() for c in answer.citations],
        "tool": answer.tool, "latency_ms": round(answer.latency_ms, 3),
        "abstained": answer.abstained, "retrieved": answer.retrieved, "table": answer.table,
        "sentences": [s.model_dump() for s in answer.sentences],
    }


def read_lines(path: Path) -> Iterator[tuple[int, BatchLine | str]]:
    """(line number, parsed line or an error message) for each non-blank line."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                yield number, BatchLine.model_validate(json.loads(raw))
            except json.JSONDecodeError as error:
                yield number, f"{path.name}:{number}: not valid JSON ({error.msg})"
            except ValidationError as error:
                problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in error.errors())
                yield number, f"{path.name}:{number}: {problems}"


def run_batch(assistant: Assistant, infile: Path, outfile: Path) -> tuple[int, list[str]]:
    """Answer every good line of ``infile`` into ``outfile``.

    Returns:
        (number of conversations answered, error messages for skipped lines).

    Raises:
        OSError: if a file cannot be opened.
    """
    done, errors = 0, []
    with outfile.open("w", encoding="utf-8") as out:
        for _, line in read_lines(infile):
            if isinstance(line, str):
                errors.append(line)
                continue
            conversation = Conversation()
            turns = [turn_record(assistant.answer(q, conversation)) for q in line.turns]
            out.write(json.dumps({"id": line.id, "turns": turns}, ensure_ascii=False) + "\n")
            done += 1
    return done, errors
