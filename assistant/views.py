"""JSON-ready views of documents, units, votes, tool results and passages, for clients outside the app.

The MCP server, the JSON API and the LangChain integration all return these records, so a client
sees the same shapes everywhere: every result carries its citations as data (citation id, label,
document symbol, locator and the unit's text), never only as text. Converting records to these
views happens here and nowhere else; converting to LangChain ``Document`` happens in
``assistant.chains``.

Units and documents are also MCP resources; their URIs hold the citation id or symbol
percent-encoded (``rapporteur://unit/A%2F73%2F505%23para-7``), because ids contain '/' and '#'.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote

from pydantic import BaseModel, Field

from assistant.answers import Answer, Citation, Sentence
from assistant.results import ToolResult
from assistant.retrieval import Passage
from assistant.votes.votebook import VoteBook
from ingest.citations import citation_id
from ingest.records import ParsedDocument, RecordedVote, Unit

UNIT_URI = "rapporteur://unit/{citation_id}"
DOCUMENT_URI = "rapporteur://document/{symbol}"


def unit_uri(cid: str) -> str:
    """The resource URI of a unit: 'A/73/505#para-7' → 'rapporteur://unit/A%2F73%2F505%23para-7'."""
    return UNIT_URI.format(citation_id=quote(cid, safe=""))


def document_uri(symbol: str) -> str:
    """The resource URI of a document: 'A/73/505' → 'rapporteur://document/A%2F73%2F505'."""
    return DOCUMENT_URI.format(symbol=quote(symbol, safe=""))


def from_uri_part(part: str) -> str:
    """A citation id or symbol back from its URI part ('A%2F73%2F505' → 'A/73/505')."""
    return unquote(part)


class CitedUnit(Citation):
    """One citable unit of a document, as a citation a client can quote: an answer's ``Citation`` and where it stands."""

    symbol: str = Field(description="Document symbol, e.g. 'A/73/505'.")
    kind: str = Field(description="'header', 'report_paragraph', 'footnote', 'preambular', 'operative', 'passage' or 'adoption'.")
    uri: str = Field(description="MCP resource URI of the unit.")


class PassageHit(CitedUnit):
    """A unit found by hybrid search, with its scores (best first)."""

    rank: int = Field(description="1-based rank.")
    score: float = Field(description="Fused score (BM25 scaled to the best match, plus twice the cosine similarity); higher is better.")
    similarity: float | None = Field(description="Cosine similarity of the nearest chunk (-1…1), None if not among the dense hits.")
    bm25: float = Field(description="BM25 score (0 when no query word occurs).")


class ToolReply(BaseModel):
    """A deterministic vote or sponsorship answer, computed from the parsed records (never by a model)."""

    tool: str = Field(description="Which lookup answered, e.g. 'vote_position', 'vote_tally', 'vote_list', 'vote_cross'.")
    answer: str = Field(description="The answer's sentences, joined.")
    sentences: list[Sentence] = Field(default_factory=list, description="The sentences, each with its citation ids (as an answer's).")
    citations: list[CitedUnit] = Field(default_factory=list, description="Cited units in order of first citation.")
    table: dict[str, Any] | None = Field(default=None, description="{'columns': [...], 'rows': [[...]]} for list answers.")
    covered: bool = Field(default=True, description="False when the documents do not hold the answer (unknown State or draft).")
    data: dict[str, Any] = Field(default_factory=dict, description="Machine-readable values, e.g. {'position': 'against'}.")


class DraftInfo(BaseModel):
    """A draft resolution or decision recommended in a report."""

    number: str = Field(description="'I', 'II', …")
    kind: str = Field(description="'resolution' or 'decision'.")
    symbol: str | None = Field(description="Its L-document symbol, e.g. 'A/C.1/73/L.27/Rev.1', when the report states it.")
    title: str


class DocumentInfo(BaseModel):
    """An indexed document: what it is and how much it holds."""

    symbol: str = Field(description="Document symbol, e.g. 'A/73/505'.")
    title: str
    date: str = Field(description="Date of issue as written, or ''.")
    kind: str = Field(description="'report', 'resolution' or 'meeting_record'.")
    body: str = Field(description="The body whose document it is, e.g. 'First Committee', or ''.")
    unit_count: int = Field(description="Citable units (paragraphs, sub-paragraphs, footnotes).")
    drafts: list[DraftInfo] = Field(default_factory=list)
    vote_count: int = Field(description="Recorded votes reported in the document.")
    uri: str = Field(description="MCP resource URI of the document.")


class DocumentText(DocumentInfo):
    """A document with all its units in reading order."""

    units: list[CitedUnit]


class Tally(BaseModel):
    """A vote's tally as stated in the text."""

    in_favour: int
    against: int
    abstaining: int


class IntentionView(BaseModel):
    """A delegation's later statement, in a footnote, of how it had intended to vote."""

    state: str
    intended: str = Field(description="'in_favour', 'against' or 'abstaining'.")
    citation: str = Field(description="Citation id of the footnote, e.g. 'A/73/505#fn-3'.")
    text: str


class VoteInfo(BaseModel):
    """One recorded vote with its lists, from the paragraph that reports it."""

    citation: CitedUnit = Field(description="The unit that reports the vote, e.g. A/73/505, para. 7.")
    draft_symbol: str = Field(description="Symbol of what was voted on, e.g. 'A/C.1/73/L.27/Rev.1'.")
    draft_number: str | None = Field(description="Number of the draft in the report ('I', 'II'), if any.")
    title: str
    body: str = Field(description="The body that voted, e.g. 'First Committee'.")
    date: str
    meeting: str
    whole: bool = Field(description="True for a vote on the draft as a whole, False for a separate vote on a part.")
    subject: str = Field(description="What was voted on when not the whole draft, e.g. 'operative paragraph 1'; else ''.")
    outcome: str = Field(description="'adopted', 'retained', 'deleted' or 'rejected'.")
    resolution: str = Field(description="Resolution number the draft became, e.g. '73/27', when stated; else ''.")
    tally: Tally
    electorate: int = Field(description="Members of the voting body on the day (193 Member States; the Council's 47).")
    in_favour: list[str] = Field(description="Member States in favour, in the order the document lists them.")
    against: list[str]
    abstaining: list[str]
    not_recorded: list[str] = Field(description="Members of the voting body in none of the lists, in UN order.")
    intentions: list[IntentionView] = Field(default_factory=list)


class AskReply(BaseModel):
    """The full answerer's reply in a conversation."""

    conversation_id: str = Field(description="Pass it back with the next question to ask a follow-up in the same conversation.")
    text: str = Field(description="The answer as plain text: sentences with [n] markers, then the numbered references.")
    answer: Answer = Field(description="The answer record: sentences with their citation ids, cited units, table, notes.")


def cited_unit(unit: Unit) -> CitedUnit:
    """The citation view of a unit."""
    return CitedUnit(id=unit.id, symbol=unit.symbol, locator=unit.locator, label=unit.label, kind=unit.kind, text=unit.text,
                     uri=unit_uri(unit.id))


def passage_hit(passage: Passage) -> PassageHit:
    """A retrieved passage as a cited unit with its scores."""
    return PassageHit(**cited_unit(passage.unit).model_dump(), rank=passage.rank, score=round(passage.score, 4),
                      similarity=None if passage.similarity is None else round(passage.similarity, 4), bm25=round(passage.bm25, 4))


def tool_reply(result: ToolResult, units: dict[str, Unit]) -> ToolReply:
    """A tool result with its cited units spelled out (ids the records cite but no unit has are left out)."""
    cited = [c for c in dict.fromkeys(c for claim in result.claims for c in claim.citations) if c in units]
    return ToolReply(
        tool=result.tool, answer=" ".join(c.text for c in result.claims),
        sentences=[Sentence(text=c.text, citations=list(c.citations), quote=c.quote) for c in result.claims],
        citations=[cited_unit(units[c]) for c in cited], table=result.table.as_dict() if result.table else None,
        covered=result.covered, data={k: list(v) if isinstance(v, tuple) else v for k, v in result.data.items()},
    )


def not_covered(tool: str, message: str) -> ToolReply:
    """A reply saying what the documents do not hold (an unknown State, draft or document)."""
    return ToolReply(tool=tool, answer=message, sentences=[Sentence(text=message)], covered=False)


def document_info(document: ParsedDocument) -> DocumentInfo:
    """A document's summary."""
    drafts = [DraftInfo(number=d.number, kind=d.kind, symbol=d.symbol, title=d.title) for d in document.drafts]
    return DocumentInfo(symbol=document.symbol, title=document.title, date=document.date, kind=document.kind, body=document.body,
                        unit_count=len(document.units), drafts=drafts, vote_count=len(document.votes), uri=document_uri(document.symbol))


def document_text(document: ParsedDocument) -> DocumentText:
    """A document's summary and every unit, in reading order."""
    return DocumentText(**document_info(document).model_dump(), units=[cited_unit(u) for u in document.units])


def vote_info(vote: RecordedVote, book: VoteBook, units: dict[str, Unit]) -> VoteInfo:
    """A recorded vote with its lists, tally, the States not recorded and footnoted intentions."""
    unit = units[citation_id(vote.symbol, vote.locator)]
    yes, no, abstain = vote.stated
    intentions = [IntentionView(state=i.state, intended=i.intended, citation=citation_id(vote.symbol, i.footnote), text=i.text)
                  for i in vote.intentions]
    return VoteInfo(
        citation=cited_unit(unit), draft_symbol=vote.draft_symbol, draft_number=vote.draft_number, title=vote.title, body=vote.body,
        date=vote.date, meeting=vote.meeting, whole=vote.whole, subject=vote.subject, outcome=vote.outcome, resolution=vote.resolution,
        tally=Tally(in_favour=yes, against=no, abstaining=abstain), electorate=vote.electorate, in_favour=list(vote.in_favour),
        against=list(vote.against), abstaining=list(vote.abstaining), not_recorded=book.not_recorded_states(vote), intentions=intentions,
    )

