"""The Model Context Protocol server: Rapporteur's vote tools, cited passage search and answerer for AI assistants.

Built on the official ``mcp`` SDK (``FastMCP``). ``rapporteur mcp`` serves it over stdio, the transport
desktop assistants spawn; ``rapporteur mcp --transport http`` over streamable HTTP at ``/mcp``, on
127.0.0.1 unless ``--host`` says otherwise, and then only with a bearer token (``RAPPORTEUR_MCP_TOKEN``),
checked through the SDK's ``TokenVerifier``.

Tools (descriptions are written for the model that calls them) return typed records from
``assistant.views``: every answer carries its citations as data (citation id, label, document symbol,
locator, text, resource URI). Each document and each unit is also a resource addressed by its symbol or
citation id (``rapporteur://document/A%2F73%2F505``, ``rapporteur://unit/A%2F73%2F505%23para-7``).
Tool methods (``RapporteurTools``) run their lookups in worker threads, so a slow search never holds up other sessions.
"""

from __future__ import annotations

import hmac
import inspect
import ipaddress
import logging
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
from mcp.server.auth.provider import AccessToken
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.resources import TextResource
from mcp.server.fastmcp.tools import Tool
from mcp.types import ToolAnnotations
from pydantic import AnyUrl, Field

from assistant.lookups import Lookups, PositionOrNone
from assistant.service import Assistant
from assistant.sessions import Sessions, UnknownConversation
from assistant.views import (
    DOCUMENT_URI,
    UNIT_URI,
    AskReply,
    CitedUnit,
    DocumentInfo,
    PassageHit,
    ToolReply,
    cited_unit,
    document_text,
    document_uri,
    from_uri_part,
    unit_uri,
)
from ingest.index import IndexUnavailable
from ingest.settings import Settings

T = TypeVar("T")
INSTRUCTIONS = (
    "Rapporteur answers questions about United Nations documents: reports, resolutions and meeting records, with their "
    "draft resolutions and recorded votes (indexed here: {documents}). Vote and sponsorship tools compute exact answers "
    "from the recorded vote lists; "
    "search_passages finds the paragraphs that speak to a topic; ask runs the full answerer. Every result carries its "
    "citations (id such as 'A/73/505#para-7', label such as 'A/73/505, para. 7', and the unit's text): quote the text "
    "and cite the label; do not state a vote, number or State that no citation supports."
)
State = Annotated[str, Field(description="A Member State as people name it: 'France', 'UK', 'Iran', \"Côte d'Ivoire\".")]
Draft = Annotated[str, Field(description="The draft voted on, as people name it: 'draft resolution I', 'L.37', "
                                         "'A/C.1/73/L.27/Rev.1', 'the Russian draft', 'the OEWG draft'.")]
Document = Annotated[str | None, Field(description="Symbol of the document that reports the vote, e.g. 'A/73/505'; "
                                                  "only needed when several documents are indexed.")]
Position = Annotated[PositionOrNone, Field(description="'in favour', 'against', 'abstaining' or 'not recorded' (in none of the lists).")]
DEFAULT_PORT: int = Settings.model_fields["mcp_port"].default
JSON_SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"


class StaticToken:
    """The SDK's ``TokenVerifier`` for one shared secret (compared in constant time)."""

    def __init__(self, token: str) -> None:
        self.token = token

    async def verify_token(self, token: str) -> AccessToken | None:
        """An access grant for the configured token; None (401) for any other."""
        return AccessToken(token=token, client_id="rapporteur", scopes=[]) if hmac.compare_digest(token, self.token) else None


class ClosedStreamNoise(logging.Filter):
    """Drops the SDK's ERROR traceback for a client's event stream closing with its session.

    Benign (every HTTP client's session ends so); any other error of the transport is still logged.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """False for 'Error in standalone SSE writer' caused by a closed stream."""
        closed = record.exc_info is not None and isinstance(record.exc_info[1], anyio.ClosedResourceError)
        return not (closed and record.getMessage() == "Error in standalone SSE writer")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address or 'localhost'."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def binding_problem(host: str, token: str | None) -> str | None:
    """Why the HTTP transport may not bind ``host`` (no token off loopback), or None."""
    if token is None and not is_loopback(host):
        return f"--host {host} is not loopback: set RAPPORTEUR_MCP_TOKEN to the bearer token clients must send"
    return None


def _indexed(assistant: Assistant) -> str:
    """'A/73/505 (Developments in the field of …); A/78/407 (…)': each indexed document's symbol and title."""
    return "; ".join(f"{d.symbol} ({d.title})" for d in assistant.documents) or "none yet"


def build_server(assistant: Assistant, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, token: str | None = None) -> FastMCP:
    """The MCP server over ``assistant`` (not started): tools, resources and, with ``token``, bearer authentication.

    ``host`` and ``port`` are where the HTTP transport binds (unused over stdio). On loopback the SDK also
    checks the Host and Origin headers (DNS rebinding protection).
    """
    auth, verifier = None, None
    if token:
        where = f"[{host}]" if ":" in host else host
        # the SDK asks for an issuer; with a static token there is none but this server, and no OAuth metadata is served
        auth, verifier = AuthSettings(issuer_url=f"http://{where}:{port}", resource_server_url=None), StaticToken(token)  # type: ignore[arg-type]
    transport_log = logging.getLogger("mcp.server.streamable_http")
    if not any(isinstance(f, ClosedStreamNoise) for f in transport_log.filters):
        transport_log.addFilter(ClosedStreamNoise())
    lookups = Lookups(assistant)
    tools = RapporteurTools(lookups, Sessions(assistant)).tools()
    # json_response: each call's reply is one JSON body rather than an SSE stream (no tool reports progress); 2 ms less a call
    server = FastMCP("rapporteur", instructions=INSTRUCTIONS.format(documents=_indexed(assistant)),
                     host=host, port=port, token_verifier=verifier, auth=auth,
                     log_level="WARNING", tools=tools, json_response=True)
    _resources(server, lookups)
    return server


def as_tool(fn: Callable[..., Any], idempotent: bool = True) -> Tool:
    """A read-only MCP tool from a typed function; its cleaned docstring is the description the model sees.

    Its schemas declare their JSON Schema dialect, draft-07: the SDK validates every call's arguments and result (on
    the server, and again in the Python client) with ``jsonschema.validate``, which first checks the schema itself
    against its dialect's metaschema. Against 2020-12, the default, that took 15 ms per ``ask`` call on each side;
    against draft-07, 0.6 ms. The schemas pydantic writes for these records use no keyword whose meaning differs
    between the two (no tuples, hence no ``prefixItems``).
    """
    annotations = ToolAnnotations(readOnlyHint=True, idempotentHint=idempotent, openWorldHint=False)
    tool = Tool.from_function(fn, description=inspect.getdoc(fn), annotations=annotations)
    tool.parameters = {"$schema": JSON_SCHEMA_DIALECT, **tool.parameters}
    if tool.fn_metadata.output_schema is not None:
        tool.fn_metadata.output_schema = {"$schema": JSON_SCHEMA_DIALECT, **tool.fn_metadata.output_schema}
    return tool


async def _run(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` in a worker thread; lookup errors become tool errors the model can read."""
    try:
        return await anyio.to_thread.run_sync(partial(fn, *args))
    except UnknownConversation as error:
        raise ToolError(f"unknown conversation {error.args[0]!r}: omit conversation_id to start a new one") from error
    except (KeyError, ValueError) as error:
        raise ToolError(str(error.args[0] if isinstance(error, KeyError) else error)) from error
    except IndexUnavailable as error:
        raise ToolError(f"the search index is unavailable ({error}); vote tools still work") from error


class RapporteurTools:
    """The tools, as methods over the lookups and the conversation store; ``tools()`` lists them for FastMCP."""

    NAMES = ("state_vote", "vote_tally", "states_in_position", "votes_crossed", "draft_sponsors", "group_vote",
             "search_passages", "get_unit", "list_documents", "ask")

    def __init__(self, lookups: Lookups, sessions: Sessions) -> None:
        self.lookups, self.sessions = lookups, sessions

    def tools(self) -> list[Tool]:
        """Every tool, in ``NAMES`` order (``ask`` is the one whose result depends on earlier calls)."""
        return [as_tool(getattr(self, name), idempotent=name != "ask") for name in self.NAMES]

    async def state_vote(self, state: State, draft: Draft, document: Document = None) -> ToolReply:
        """How one Member State voted on one draft resolution: in favour, against, abstaining, or not recorded.

        Computed from the recorded vote lists (for A/73/505: para. 7 for draft resolution I, para. 10 for II). Also
        quotes any footnote recording how the State had intended to vote, and whether it sponsored the draft.
        `data.position` is 'in_favour', 'against', 'abstaining' or null; each sentence lists its citation ids.
        """
        return await _run(self.lookups.state_vote, state, draft, document)

    async def vote_tally(self, draft: Draft, document: Document = None) -> ToolReply:
        """The recorded vote on a draft: how many voted in favour, against and abstaining, at which meeting and when.

        Also how many of the 193 Member States are recorded and not recorded. Numbers are the tally stated in the document.
        """
        return await _run(self.lookups.vote_tally, draft, document)

    async def states_in_position(self, draft: Draft, position: Position, document: Document = None) -> ToolReply:
        """Every Member State recorded in one position on one draft, in the order the document lists them.

        'not recorded' gives the members in none of the lists. The full list is in `table.rows`.
        """
        return await _run(self.lookups.states_in_position, draft, position, document)

    async def votes_crossed(
        self, position_on_first: Position, position_on_second: Position,
        first_draft: Annotated[str | None, Field(description="The first draft; omit for draft resolution I.")] = None,
        second_draft: Annotated[str | None, Field(description="The second draft; omit for draft resolution II.")] = None,
        document: Document = None,
    ) -> ToolReply:
        """Member States by their positions on two drafts at once, in UN order.

        For example in favour of one and against the other, abstaining on both, or not recorded on either: answers
        'which States voted for I but against II' and the like.
        """
        return await _run(self.lookups.votes_crossed, position_on_first, position_on_second, first_draft, second_draft, document)

    async def draft_sponsors(self, draft: Draft, document: Document = None) -> ToolReply:
        """Who introduced a draft and on what date, its original sponsors, and the States that joined in sponsoring it later.

        From the report paragraph on its introduction (for A/73/505: para. 5 for draft I, para. 8 for II).
        """
        return await _run(self.lookups.draft_sponsors, draft, document)

    async def group_vote(
        self,
        group: Annotated[str, Field(description="'EU', 'African Group', 'GRULAC', 'WEOG', 'Eastern European Group', "
                                                "'Asia-Pacific Group', 'ASEAN' or 'P5'.")],
        draft: Annotated[str | None, Field(description="The draft; omit for every recorded vote.")] = None,
        document: Document = None,
    ) -> ToolReply:
        """How a group of States voted: per position, how many of its members and which.

        Group membership is not in the document (it comes from Rapporteur's list of groups), and the answer says so.
        """
        return await _run(self.lookups.group_vote, group, draft, document)

    async def search_passages(
        self,
        query: Annotated[str, Field(description="What to find, in plain words: 'critical infrastructure', 'the OEWG mandate'.")],
        k: Annotated[int, Field(ge=1, le=20, description="How many passages (1-20).")] = 5,
        draft: Annotated[str | None, Field(description="Keep one draft's paragraphs and its part of the report: 'I', 'L.37'.")] = None,
    ) -> list[PassageHit]:
        """Find the paragraphs and footnotes that speak to a topic (hybrid keyword and semantic search), best first.

        Each hit is a citable unit: citation id, label, document symbol, locator, full text and scores. Quote the text and
        cite the label. For votes and sponsors, use the vote tools instead: they are exact.
        """
        return await _run(self.lookups.search_passages, query, k, draft)

    async def get_unit(
        self,
        citation_id: Annotated[str, Field(description="A citation id SYMBOL#LOCATOR: 'A/73/505#DR-I.OP-1.6', 'A/73/505#para-7'.")],
    ) -> CitedUnit:
        """One paragraph or footnote by its citation id, with its label and full text."""
        return await _run(self.lookups.unit, citation_id)

    async def list_documents(self) -> list[DocumentInfo]:
        """The indexed documents: symbol, title, date, kind, the drafts they recommend and how many units and votes they hold."""
        return await _run(self.lookups.document_list)

    async def ask(
        self,
        question: Annotated[str, Field(description="A question in English about the documents.")],
        conversation_id: Annotated[str | None, Field(description="From a previous `ask` reply, to ask a follow-up "
                                                                 "('And on the other draft?'); omit to start a conversation.")] = None,
    ) -> AskReply:
        """Rapporteur's full answerer: a cited answer to any question about the documents.

        Votes come from the records, content by retrieval with verbatim quotations; when the documents do not hold
        the answer it says "The documents in the corpus do not cover this" and shows the nearest passage.
        `answer.sentences` carry their citation ids, `answer.citations` the cited units; pass `conversation_id` back to
        ask a follow-up in the same conversation.
        """
        return await _run(self.sessions.ask, question, conversation_id)


def _resources(server: FastMCP, lookups: Lookups) -> None:
    for document in lookups.documents:
        about = f"{document.symbol}: the document's summary and every unit, in reading order"
        server.add_resource(TextResource(uri=AnyUrl(document_uri(document.symbol)), name=document.symbol, title=document.title,
                                         mime_type="application/json", description=about, text=document_text(document).model_dump_json()))
        for unit in document.units:
            server.add_resource(TextResource(uri=AnyUrl(unit_uri(unit.id)), name=unit.id, title=unit.label, mime_type="application/json",
                                             text=cited_unit(unit).model_dump_json()))

    @server.resource(UNIT_URI, mime_type="application/json", description="A unit by its citation id, percent-encoded.")
    def unit_by_id(citation_id: str) -> str:
        """The unit, as JSON."""
        return lookups.unit(from_uri_part(citation_id)).model_dump_json()

    @server.resource(DOCUMENT_URI, mime_type="application/json", description="A document by its symbol, percent-encoded.")
    def document_by_symbol(symbol: str) -> str:
        """The document with its units, as JSON."""
        return lookups.document(from_uri_part(symbol)).model_dump_json()


def serve(assistant: Assistant, transport: str, host: str, port: int, token: str | None) -> None:
    """Run the server until stopped: over stdio (``transport='stdio'``) or streamable HTTP at ``http://host:port/mcp``."""
    server = build_server(assistant, host=host, port=port, token=token)
    server.run("stdio" if transport == "stdio" else "streamable-http")
