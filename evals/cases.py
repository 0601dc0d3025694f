"""The question-answer suite: ``evals/qa/*.jsonl``, one ``EvalCase`` per line."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

SUITE_DIR = Path(__file__).resolve().parent / "qa"


class Expected(BaseModel):
    """What a correct answer to the last turn contains (case-insensitive substrings) and must not."""

    must_include: list[str] = Field(default_factory=list)
    must_not_include: list[str] = Field(default_factory=list)
    abstain: bool = False


class EvalCase(BaseModel):
    """One conversation and the gold for its last turn: gold locators and alternative gold sets."""

    id: str
    kind: str
    turns: list[str]
    expected: Expected
    gold: list[str] = Field(default_factory=list)
    alt_gold: list[list[str]] = Field(default_factory=list)

    @property
    def gold_sets(self) -> list[set[str]]:
        """Every acceptable set of gold locators (the main one first)."""
        return [set(self.gold), *(set(g) for g in self.alt_gold)] if self.gold else [set(g) for g in self.alt_gold]


def load_suite(paths: list[Path] | None = None) -> list[EvalCase]:
    """All cases of the given files (default: every ``evals/qa/*.jsonl``), in file then line order.

    Raises:
        ValueError: naming file and line, for a line that is not a valid case or a repeated id.
    """
    cases: list[EvalCase] = []
    for path in paths or sorted(SUITE_DIR.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    cases.append(EvalCase.model_validate(json.loads(line)))
                except ValueError as error:
                    raise ValueError(f"{path.name}:{number}: {error}") from error
    ids = [c.id for c in cases]
    if len(ids) != len(set(ids)):
        raise ValueError(f"repeated case ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    return cases
