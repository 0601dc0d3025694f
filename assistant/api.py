"""The JSON API beside the web UI: ask, documents, units and votes, with an OpenAPI description.

A FastAPI application mounted at ``/api`` on the Gradio app's own FastAPI (``ui.start``), so one
``rapporteur serve`` offers both. Its routes are plain FastAPI path operations run in FastAPI's
thread pool, not events of Gradio's queue. With ``--auth user:password`` every route needs HTTP Basic
credentials equal to the UI's login. The description is at ``/api/openapi.json``.

    POST /api/ask                      {"question": str, "conversation_id": str | null} → AskReply
    GET  /api/documents                → [DocumentInfo]
    GET  /api/units/{citation id}      → CitedUnit   (the id percent-encoded: A%2F73%2F505%23para-7)
    GET  /api/votes/{symbol}           → [VoteInfo]  (A/73/505 or A%2F73%2F505)
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from pydantic import BaseModel, Field
from starlette.routing import Mount

from assistant.lookups import Lookups
from assistant.service import Assistant
from assistant.sessions import Sessions, UnknownConversation
from assistant.views import AskReply, CitedUnit, DocumentInfo, VoteInfo

PREFIX = "/api"
MAX_QUESTION_CHARS = 20_000  # longer bodies are refused (422); the answerer itself reads the first ``max_question_chars``


class AskRequest(BaseModel):
    """A question, and the conversation it follows up (if any)."""

    question: str = Field(max_length=MAX_QUESTION_CHARS, description="The question, in English.",
                          examples=["How did France vote on draft resolution I?"])
    conversation_id: str | None = Field(default=None, description="From a previous reply, to ask a follow-up; omit to start one.")


BASIC = HTTPBasic(realm="Rapporteur", description="The login of the web UI (`rapporteur serve --auth user:password`).")


class Login:
    """A dependency requiring the UI's login as HTTP Basic credentials (compared in constant time)."""

    def __init__(self, auth: tuple[str, str]) -> None:
        self.user, self.password = (part.encode() for part in auth)

    def __call__(self, credentials: Annotated[HTTPBasicCredentials, Depends(BASIC)]) -> None:
        """Pass, or raise 401 with a Basic challenge."""
        good_user = secrets.compare_digest(credentials.username.encode(), self.user)
        good_password = secrets.compare_digest(credentials.password.encode(), self.password)
        if not (good_user and good_password):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong user or password", {"WWW-Authenticate": 'Basic realm="Rapporteur"'})


def build_api(assistant: Assistant, auth: tuple[str, str] | None = None, sessions: Sessions | None = None) -> FastAPI:
    """The JSON API over ``assistant`` (a FastAPI app to mount at ``PREFIX``).

    Args:
        assistant: answers questions; its records fill the other routes.
        auth: ('user', 'password') required as HTTP Basic credentials, or None for an open API (loopback).
        sessions: the conversation store; a new one if None.
    """
    sessions = sessions if sessions is not None else Sessions(assistant)
    lookups = Lookups(assistant)
    api = FastAPI(title="Rapporteur JSON API", version="1", docs_url=None, redoc_url=None,
                  description="Cited answers over United Nations documents: every answer carries its citations "
                              "(citation id, label, document symbol, locator and text).",
                  dependencies=[Depends(Login(auth))] if auth else [])

    @api.post("/ask", response_model=AskReply, summary="Answer a question, with citations")
    def ask(request: AskRequest) -> AskReply:
        """Answer one question; pass ``conversation_id`` from a reply to ask a follow-up in the same conversation."""
        try:
            return sessions.ask(request.question, request.conversation_id)
        except UnknownConversation:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown conversation_id: omit it to start a new conversation") from None

    @api.get("/documents", response_model=list[DocumentInfo], summary="The indexed documents")
    def documents() -> list[DocumentInfo]:
        """Every indexed document with its drafts and its unit and vote counts."""
        return lookups.document_list()

    @api.get("/units/{citation_id:path}", response_model=CitedUnit, summary="A unit by its citation id")
    def unit(citation_id: str) -> CitedUnit:
        """The unit (paragraph, sub-paragraph or footnote) with this citation id, e.g. ``A/73/505#DR-I.OP-1.6``."""
        try:
            return lookups.unit(citation_id)
        except ValueError as error:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from None
        except KeyError as error:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(error.args[0])) from None

    @api.get("/votes/{symbol:path}", response_model=list[VoteInfo], summary="Every recorded vote of a document")
    def votes(symbol: str) -> list[VoteInfo]:
        """Every recorded vote the document reports, in document order, with its tally and lists."""
        try:
            return lookups.votes(symbol)
        except KeyError as error:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(error.args[0])) from None

    return api


def api_mount(assistant: Assistant, auth: tuple[str, str] | None = None) -> Mount:
    """The JSON API as a route mounted at ``PREFIX``, for the Gradio app's FastAPI (``launch(app_kwargs={"routes": [...]})``)."""
    return Mount(PREFIX, app=build_api(assistant, auth))
