"""The vote lookups as LangChain tools, for an LLM agent to call.

A tool is a plain typed function whose docstring is the description the model sees; under
each is the plain Python ``VoteBook`` API. Tools take names as people type them ("UK",
"L.37", "the Russian draft") and return the answer sentences, their citation ids and, for
lists, a table, all computed from the records (never by a model).
"""

from __future__ import annotations

from typing import Literal

from langchain_core.tools import BaseTool, tool

from assistant.drafts import find_drafts
from assistant.entities import find_mentions
from assistant.results import ToolResult
from assistant.votes import crossvotes, sponsors
from assistant.votes.votebook import DraftKey, VoteBook
from ingest.member_states import name_key, roster
from ingest.records import ParsedDocument

PositionName = Literal["in favour", "against", "abstaining"]
_POSITIONS = {"in favour": "in_favour", "against": "against", "abstaining": "abstaining"}


def _out(result: ToolResult) -> dict:
    return {
        "answer": " ".join(c.text for c in result.claims),
        "citations": sorted({c for claim in result.claims for c in claim.citations}),
        "table": result.table.as_dict() if result.table else None,
        "covered": result.covered,
    }


def _error(message: str) -> dict:
    return {"answer": message, "citations": [], "table": None, "covered": False}


def make_vote_tools(documents: list[ParsedDocument]) -> list[BaseTool]:
    """The vote and sponsorship tools over these documents' records, in a stable order."""
    book = VoteBook(documents)

    def draft_key(draft: str) -> DraftKey | None:
        refs, _ = find_drafts(draft, documents)
        return DraftKey(refs[0].document, refs[0].number) if refs else None

    def state_name(state: str) -> str | None:
        found = [m for m in find_mentions(state) if m.kind == "state"]
        return found[0].name if len(found) == 1 else None

    @tool
    def state_vote(state: str, draft: str) -> dict:
        """How one Member State voted on one draft resolution, with footnoted intentions.

        Args:
            state: the State as people name it ("UK", "Iran", "Côte d'Ivoire").
            draft: the draft as people name it ("draft resolution I", "L.37", "the Russian draft").
        """
        key, name = draft_key(draft), state_name(state)
        if key is None:
            return _error(f"No draft resolution named {draft!r} has a recorded vote in the documents.")
        if name is None:
            return _error(f"{state!r} is not a United Nations Member State in the record.")
        return _out(book.position(name, key))

    @tool
    def vote_tally(draft: str) -> dict:
        """The recorded vote on a draft: in favour, against, abstaining, States recorded and not recorded of 193.

        Args:
            draft: the draft as people name it ("L.27/Rev.1", "draft resolution II").
        """
        key = draft_key(draft)
        return _out(book.tally(key)) if key else _error(f"No draft named {draft!r} has a recorded vote.")

    @tool
    def states_in_position(draft: str, position: PositionName) -> dict:
        """Every Member State recorded in one position on one draft, in the order the report lists them.

        Args:
            draft: the draft as people name it.
            position: "in favour", "against" or "abstaining".
        """
        key = draft_key(draft)
        return _out(book.listing(key, _POSITIONS[position])) if key else _error(f"No draft named {draft!r} has a recorded vote.")  # type: ignore[arg-type]

    @tool
    def states_across_drafts(position_on_first: PositionName | None, position_on_second: PositionName | None) -> dict:
        """Member States by their positions on draft resolution I and draft resolution II (None = not recorded).

        Args:
            position_on_first: position on draft resolution I, or None for "not recorded".
            position_on_second: position on draft resolution II, or None for "not recorded".
        """
        first, second = book.pair([])
        return _out(crossvotes.cross(book, first, _POSITIONS.get(position_on_first or ""), second,  # type: ignore[arg-type]
                                     _POSITIONS.get(position_on_second or "")))  # type: ignore[arg-type]

    @tool
    def group_vote(group: str, draft: str | None = None) -> dict:
        """How a group of States voted (per-position counts and names): regional groups, EU, ASEAN, P5.

        Args:
            group: "EU", "African Group", "GRULAC", "WEOG", "Eastern European Group", "Asia-Pacific Group", "ASEAN", "P5".
            draft: the draft as people name it, or None for both drafts.
        """
        wanted = name_key(group)
        match = next((g for g in roster().groups if wanted in {name_key(a) for a in (g.key, g.name, *g.aliases)}), None)
        if match is None:
            return _error(f"No group named {group!r} is known.")
        keys = [draft_key(draft)] if draft else book.drafts()
        return _out(crossvotes.group_votes(book, match, [k for k in keys if k]))

    @tool
    def draft_sponsors(draft: str) -> dict:
        """Who introduced a draft and when, its original sponsors, and the States that joined later.

        Args:
            draft: the draft as people name it.
        """
        key = draft_key(draft)
        return _out(sponsors.sponsors(book, key)) if key else _error(f"No draft named {draft!r} is in the documents.")

    return [state_vote, vote_tally, states_in_position, states_across_drafts, group_vote, draft_sponsors]
