"""Plain typed lookups over an ``Assistant``'s records and retriever, for the MCP server and the JSON API.

Each vote lookup takes names as people type them ("UK", "L.37", "the Russian draft", "resolution 73/27")
and returns a ``ToolReply`` computed by ``VoteBook`` and ``crossvotes``/``sponsors`` from the parsed records
(paras 5, 7, 8 and 10 and footnotes 3 and 4 of A/73/505), with the cited units spelled out. They mirror
the LangChain tools of ``assistant.votes.tools`` and add a ``document`` to choose among several reports and
any two drafts to cross. Passage search, units, documents and vote lists are read from the same records.
"""

from __future__ import annotations

from typing import Literal

from assistant.drafts import find_drafts
from assistant.entities import resolve_state
from assistant.service import Assistant
from assistant.views import (
    CitedUnit,
    DocumentInfo,
    DocumentText,
    PassageHit,
    ToolReply,
    VoteInfo,
    cited_unit,
    document_info,
    document_text,
    not_covered,
    passage_hit,
    tool_reply,
    vote_info,
)
from assistant.votes import crossvotes, sponsors
from assistant.votes.votebook import DraftKey
from ingest.citations import parse_citation_id
from ingest.member_states import name_key, roster
from ingest.records import ParsedDocument, Position

PositionName = Literal["in favour", "against", "abstaining"]
PositionOrNone = Literal["in favour", "against", "abstaining", "not recorded"]
POSITION: dict[str, Position | None] = {"in favour": "in_favour", "against": "against", "abstaining": "abstaining", "not recorded": None}
MAX_PASSAGES = 20


class Lookups:
    """Exact lookups over the documents an ``Assistant`` serves (thread-safe: they only read)."""

    def __init__(self, assistant: Assistant) -> None:
        """Keep the assistant's documents, vote book, units and (lazily built) retriever."""
        self.assistant = assistant
        self.documents = assistant.documents
        self.book = assistant.book
        self.units = assistant.units

    # -- naming ---------------------------------------------------------------------
    def _documents(self, document: str | None) -> list[ParsedDocument]:
        return [d for d in self.documents if document is None or name_key(d.symbol) == name_key(document)]

    def draft_key(self, draft: str, document: str | None = None) -> DraftKey | None:
        """The vote a draft name points to: the first draft ``find_drafts`` reads in it, else the one vote its words name.

        ``document`` (a symbol) keeps that document's drafts only. None when nothing matches.
        """
        refs, _ = find_drafts(draft, self._documents(document))
        if refs:
            return DraftKey(refs[0].document, refs[0].number)
        named = [k for k in self.book.named_in(draft) if document is None or name_key(k.document) == name_key(document)]
        return named[0] if len(named) == 1 else None

    def _key(self, tool: str, draft: str, document: str | None) -> DraftKey | ToolReply:
        """The vote ``draft`` names, or the reply saying that the document or the draft is not in the index."""
        if document is not None and not self._documents(document):
            indexed = ", ".join(d.symbol for d in self.documents)
            return not_covered(tool, f"No document {document!r} is indexed (indexed: {indexed}).")
        key = self.draft_key(draft, document)
        return key if key is not None else not_covered(tool, f"No draft named {draft!r} has a recorded vote in the documents.")

    # -- votes ----------------------------------------------------------------------
    def state_vote(self, state: str, draft: str, document: str | None = None) -> ToolReply:
        """How one Member State voted on one draft, with footnoted intentions and its sponsorship (``VoteBook.position``)."""
        key = self._key("vote_position", draft, document)
        if isinstance(key, ToolReply):
            return key
        mention = resolve_state(state)
        if mention is None:
            return not_covered("vote_position", f"{state!r} is not a United Nations Member State in the record.")
        return tool_reply(self.book.position(mention.name, key), self.units)

    def vote_tally(self, draft: str, document: str | None = None) -> ToolReply:
        """The recorded vote on a draft: in favour, against, abstaining; States recorded and not recorded (``VoteBook.tally``)."""
        key = self._key("vote_tally", draft, document)
        return key if isinstance(key, ToolReply) else tool_reply(self.book.tally(key), self.units)

    def states_in_position(self, draft: str, position: PositionOrNone, document: str | None = None) -> ToolReply:
        """Every Member State in one position on one draft, in the document's order; 'not recorded' lists the absent."""
        key = self._key("vote_list", draft, document)
        if isinstance(key, ToolReply):
            return key
        wanted = POSITION[position]
        return tool_reply(self.book.not_recorded(key) if wanted is None else self.book.listing(key, wanted), self.units)

    def votes_crossed(
        self, position_on_first: PositionOrNone, position_on_second: PositionOrNone, first_draft: str | None = None,
        second_draft: str | None = None, document: str | None = None,
    ) -> ToolReply:
        """Member States in one position on a first draft and one on a second, in UN order (``crossvotes.cross``).

        Without drafts, the document's first two drafts with recorded votes (draft resolutions I and II of A/73/505).
        """
        if first_draft is None or second_draft is None:
            keys = [k for k in self.book.drafts() if document is None or name_key(k.document) == name_key(document)][:2]
            pair: list[DraftKey | ToolReply] = list(keys) if len(keys) == 2 else list(self.book.pair([]))
        else:
            pair = [self._key("vote_cross", first_draft, document), self._key("vote_cross", second_draft, document)]
        if len(pair) != 2:
            return not_covered("vote_cross", "The documents do not hold two recorded votes to cross.")
        first, second = pair
        if isinstance(first, ToolReply):
            return first
        if isinstance(second, ToolReply):
            return second
        return tool_reply(crossvotes.cross(self.book, first, POSITION[position_on_first], second, POSITION[position_on_second]), self.units)

    def draft_sponsors(self, draft: str, document: str | None = None) -> ToolReply:
        """Who introduced a draft and when, its original sponsors and the States that joined later (``sponsors.sponsors``)."""
        key = self._key("sponsors", draft, document)
        return key if isinstance(key, ToolReply) else tool_reply(sponsors.sponsors(self.book, key), self.units)

    def group_vote(self, group: str, draft: str | None = None, document: str | None = None) -> ToolReply:
        """How a group of States voted (counts and names per position); membership from ingest/data/groups.json."""
        wanted = name_key(group)
        match = next((g for g in roster().groups if wanted in {name_key(a) for a in (g.key, g.name, *g.aliases)}), None)
        if match is None:
            return not_covered("vote_group", f"No group named {group!r} is known.")
        if draft is None:
            keys = [k for k in self.book.drafts() if document is None or name_key(k.document) == name_key(document)]
            return tool_reply(crossvotes.group_votes(self.book, match, keys), self.units)
        key = self._key("vote_group", draft, document)
        return key if isinstance(key, ToolReply) else tool_reply(crossvotes.group_votes(self.book, match, [key]), self.units)

    # -- text -----------------------------------------------------------------------
    def search_passages(self, query: str, k: int = 5, draft: str | None = None) -> list[PassageHit]:
        """The ``k`` (at most ``MAX_PASSAGES``) best units for ``query`` by hybrid retrieval, best first.

        ``draft`` ('I', 'draft resolution II', 'L.37') keeps that draft's units and its section of the report.

        Raises:
            ingest.index.IndexUnavailable: when the search index cannot be read.
        """
        number = None
        if draft:
            key = self.draft_key(draft)
            number = key.number if key else draft.strip().upper()
        found = self.assistant.retriever.search(query, max(1, min(k, MAX_PASSAGES)), number)
        return [passage_hit(p) for p in found]

    def unit(self, cid: str) -> CitedUnit:
        """The unit with citation id ``cid`` ('A/73/505#DR-I.OP-1.6').

        Raises:
            ValueError: if ``cid`` is not of the form SYMBOL#LOCATOR.
            KeyError: if no indexed document has that unit.
        """
        parsed = parse_citation_id(cid)
        unit = self.units.get(f"{parsed.symbol}#{parsed.locator}")
        if unit is None:
            raise KeyError(f"no unit {cid!r} in the indexed documents")
        return cited_unit(unit)

    def document_list(self) -> list[DocumentInfo]:
        """Every indexed document, in index order."""
        return [document_info(d) for d in self.documents]

    def document(self, symbol: str) -> DocumentText:
        """One document with all its units.

        Raises:
            KeyError: if no document has that symbol.
        """
        return document_text(self._one(symbol))

    def votes(self, symbol: str) -> list[VoteInfo]:
        """Every recorded vote a document reports (on drafts as a whole and on parts), in document order, with its lists.

        Raises:
            KeyError: if no document has that symbol.
        """
        return [vote_info(v, self.book, self.units) for v in self._one(symbol).votes]

    def _one(self, symbol: str) -> ParsedDocument:
        found = self._documents(symbol)
        if not found:
            raise KeyError(f"no document {symbol!r} is indexed")
        return found[0]
