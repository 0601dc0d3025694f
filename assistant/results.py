"""Result records shared by the tools, the composer and the renderers."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    """A table for list answers: column names and rows of strings, in display order."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def as_dict(self) -> dict[str, list[list[str]] | list[str]]:
        """JSON-ready form: ``{"columns": [...], "rows": [[...], ...]}``."""
        return {"columns": list(self.columns), "rows": [list(r) for r in self.rows]}


@dataclass(frozen=True)
class Claim:
    """One sentence of an answer with the citation ids that support it.

    ``quote`` marks a verbatim quotation of its (single) cited unit.
    """

    text: str
    citations: tuple[str, ...]
    quote: bool = False


@dataclass(frozen=True)
class ToolResult:
    """What a deterministic tool returns.

    Claims built from the records, an optional table, and ``facts``, the numbers and names it
    computed (so a derived number such as a difference of 30 counts as grounded in the tool's
    output).
    """

    tool: str
    claims: tuple[Claim, ...]
    table: Table | None = None
    facts: tuple[str, ...] = field(default=())
    data: dict[str, object] = field(default_factory=dict)
    covered: bool = True  # False: the documents do not hold the answer (unknown State or symbol)
