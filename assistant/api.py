"""The JSON API beside the web UI: ask, documents, units and votes, with an OpenAPI description.

A FastAPI application mounted at ``/api`` on the Gradio app's own FastAPI (``ui.start``), so one
``rapporteur serve`` offers both, not through Gradio's queue. With ``--auth user:password`` every route
needs HTTP Basic credentials equal to the UI's login. The description is at ``/api/openapi.json``.

How it is served, and why (evals/load.py, 50 sessions asking vote questions, 2 shared cores): a vote answer is
0.8-1.2 ms of pure Python under one interpreter lock; with sync path operations the server spent 2.9-3.1 ms of CPU
per request, because each request crossed FastAPI's thread pool twice (the endpoint, then the response model's
validation) with up to 40 threads contending for the lock with the event loop. Here the routes are coroutines:
lookups (microseconds) answer on the event loop; ``ask`` runs ``Sessions.ask`` once in a pool of ``ANSWER_THREADS``
threads of its own, so a 20-300 ms content answer does not hold up the loop while vote answers still pass it; and
each reply is serialised once by its pydantic model (``_json``), not validated again. 1.6-1.7 ms of CPU per request.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Response, status
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from fastapi.telemetry import TelemetryConfig
from pydantic import BaseModel, Field
from starlette.routing import Mount

from assistant.lookups import Lookups
from assistant.service import Assistant
from assistant.sessions import Sessions, UnknownConversation
from assistant.views import AskReply, CitedUnit, DocumentInfo, VoteInfo

PREFIX = "/api"
MAX_QUESTION_CHARS = 20_000  # longer bodies are refused (422); the answerer itself reads the first ``max_question_chars``
OFF: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False}
ANSWER_THREADS = 16  # answers at once, as the Gradio queue (assistant.ui.QUEUE): a vote answer passes a slow content answer


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
    answering = ThreadPoolExecutor(max_workers=ANSWER_THREADS, thread_name_prefix="api-answer")
    api = FastAPI(title="Rapporteur JSON API", version="1", docs_url=None, redoc_url=None,
                  description="Cited answers over United Nations documents: every answer carries its citations "
                              "(citation id, label, document symbol, locator and text).",
                  dependencies=[Depends(Login(auth))] if auth else [],
                  telemetry=OFF)  # offline by design; also spares every request a lookup of OpenTelemetry's providers

    @api.post("/ask", response_model=AskReply, summary="Answer a question, with citations")
    async def ask(request: AskRequest) -> Response:
        """Answer one question; pass ``conversation_id`` from a reply to ask a follow-up in the same conversation."""
        try:
            reply = await asyncio.get_running_loop().run_in_executor(answering, partial(sessions.ask, request.question,
                                                                                         request.conversation_id))
            return _json(reply)
        except UnknownConversation:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown conversation_id: omit it to start a new conversation") from None

    @api.get("/documents", response_model=list[DocumentInfo], summary="The indexed documents")
    async def documents() -> Response:
        """Every indexed document with its drafts and its unit and vote counts."""
        return _json(lookups.document_list())

    @api.get("/units/{citation_id:path}", response_model=CitedUnit, summary="A unit by its citation id")
    async def unit(citation_id: str) -> Response:
        """The unit (paragraph, sub-paragraph or footnote) with this citation id, e.g. ``A/73/505#DR-I.OP-1.6``."""
        try:
            return _json(lookups.unit(citation_id))
        except ValueError as error:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from None
        except KeyError as error:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(error.args[0])) from None

    @api.get("/votes/{symbol:path}", response_model=list[VoteInfo], summary="Every recorded vote of a document")
    async def votes(symbol: str) -> Response:
        """Every recorded vote the document reports, in document order, with its tally and lists."""
        try:
            return _json(lookups.votes(symbol))
        except KeyError as error:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(error.args[0])) from None

    return api


def _json(content: BaseModel | Sequence[BaseModel]) -> Response:
    """``content`` as a JSON response, serialised once by pydantic.

    The route's ``response_model`` still describes it in the OpenAPI document; FastAPI passes a ``Response`` through
    without validating the records again (they were built as these models).
    """
    if not isinstance(content, BaseModel):
        body = b"[" + b",".join(item.model_dump_json().encode() for item in content) + b"]"
    else:
        body = content.model_dump_json().encode()
    return Response(body, media_type="application/json")


def api_mount(assistant: Assistant, auth: tuple[str, str] | None = None) -> Mount:
    """The JSON API as a route mounted at ``PREFIX``, for the Gradio app's FastAPI (``launch(app_kwargs={"routes": [...]})``)."""
    return Mount(PREFIX, app=build_api(assistant, auth))
