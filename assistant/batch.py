"""Batch answering: JSONL conversations in, JSONL answers out (schema kept stable for evals).

Input line: ``{"id": str, "turns": [str, ...]}`` (one conversation, asked in order).
Output line: ``{"id": str, "turns": [{"question", "answer", "citations": [{"id", "locator",
"label", "text"}], "tool", "latency_ms", "abstained", "retrieved", "table", "sentences"}]}``.

Output lines keep the input order. A line that cannot be read (not UTF-8, not JSON, a missing
field, a wrong type, text that is not valid Unicode) and a conversation whose answering fails
are reported as ``FILE:LINE: problem`` (with the conversation id when there is one) and left
out of the output; every other line is answered.
"""

from __future__ import annotations

import errno
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ValidationError, field_validator

from assistant.answers import Answer
from assistant.conversation import Conversation
from assistant.service import Assistant


def _check_unicode(text: str) -> str:
    """Reject lone surrogates (e.g. U+D800 written as a JSON escape): JSON allows them, UTF-8 and the tokenizer do not.

    Returns:
        ``text`` unchanged.

    Raises:
        ValueError: naming the surrogate and its character offset.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(f"not valid Unicode text (lone surrogate {text[error.start]!r} at character {error.start})") from None
    return text


UnicodeText = Annotated[str, AfterValidator(_check_unicode)]


class BatchLine(BaseModel):
    """One input conversation: its id and its questions, in the order they are asked."""

    id: UnicodeText
    turns: list[UnicodeText]

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


def parse_line(raw: bytes, where: str) -> BatchLine | str:
    """One input line → the conversation, or an error message starting with ``where`` ('in.jsonl:3')."""
    try:
        text = raw.decode("utf-8")
        return BatchLine.model_validate(json.loads(text))
    except UnicodeDecodeError as error:
        return f"{where}: not UTF-8 text ({error.reason} at byte {error.start})"
    except json.JSONDecodeError as error:
        return f"{where}: not valid JSON ({error.msg})"
    except RecursionError:
        return f"{where}: not valid JSON (nested too deeply)"
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in error.errors())
        return f"{where}: {problems}"


def read_lines(path: Path) -> Iterator[tuple[int, BatchLine | str]]:
    """(1-based line number, parsed line or an error message) for each non-blank line, in file order.

    Raises:
        OSError: if the file cannot be opened or read.
    """
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if raw.strip():
                yield number, parse_line(raw, f"{path.name}:{number}")


def answer_line(assistant: Assistant, line: BatchLine) -> str:
    """The output JSON line (with its newline) for one conversation, its turns asked in one session.

    Raises:
        Exception: whatever answering or serialising raised; nothing is written by this function.
    """
    conversation = Conversation()
    turns = [turn_record(assistant.answer(question, conversation)) for question in line.turns]
    text = json.dumps({"id": line.id, "turns": turns}, ensure_ascii=False) + "\n"
    text.encode("utf-8")  # fail here, not half-way through writing the line
    return text


def run_batch(assistant: Assistant, infile: Path, outfile: Path) -> tuple[int, list[str]]:
    """Answer every good line of ``infile`` into ``outfile``, one output line per answered input line, in order.

    A conversation whose answering raises is reported (``FILE:LINE: id 'x': answering failed (…)``)
    and skipped; the batch goes on.

    Returns:
        (number of conversations answered, error messages for skipped lines, in line order).

    Raises:
        OSError: if a file cannot be opened, or ``outfile`` is ``infile`` (it would be truncated).
    """
    if outfile.exists() and infile.exists() and outfile.resolve() == infile.resolve():
        raise OSError(errno.EINVAL, "the output file is the input file")
    done, errors = 0, []
    lines = read_lines(infile)
    first = next(lines, None)  # opens (and checks) the input before the output is truncated
    with outfile.open("w", encoding="utf-8") as out:
        for number, line in itertools.chain([first] if first else [], lines):
            if isinstance(line, str):
                errors.append(line)
                continue
            try:
                out.write(answer_line(assistant, line))
            except Exception as error:  # one conversation must never stop the batch
                errors.append(f"{infile.name}:{number}: id {line.id[:80]!r}: answering failed ({type(error).__name__}: {error})")
                continue
            done += 1
    return done, errors
