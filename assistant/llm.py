"""Optional LLM answers through LangChain's ``init_chat_model``, checked before they are shown.

The model sees the retrieved passages numbered [1]..[n] and must cite them by number; the vote tools
are bound to it (``chains.with_vote_tools``). ``ask_model`` runs the LCEL chain of ``assistant.chains``
over the passages given (``chains.passage_outcome``). Its answer is rejected in favour of the extractive
one when it cites a number that was not given, cites nothing, says NOT COVERED, calls a vote tool
wrongly, fails, or takes longer than the timeout; the support check then drops any sentence with a
number or State name absent from its cited units. The LLM never answers vote questions: those come
from the records.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from assistant.results import Claim
from assistant.retrieval import Passage

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from ingest.records import ParsedDocument

_MARKERS_RE = re.compile(r"\[(\d+)\]")
_SENTENCE_RE = re.compile(r"(?<=[.!?])(?:\s*\[\d+\])*\s+(?=[A-Z“\"])")


@cache
def _executor() -> ThreadPoolExecutor:
    """The worker threads that bound a model call's wait (created on first use, not at import)."""
    return ThreadPoolExecutor(max_workers=4, thread_name_prefix="llm")


@dataclass(frozen=True)
class LlmOutcome:
    """Claims from the model (None if rejected) and why it was rejected.

    When the model called vote tools, ``tool`` names the first, ``table`` is its list (``{'columns', 'rows'}``) and
    ``said`` the tools' own sentences, which a sentence may draw its numbers and names from.
    """

    claims: list[Claim] | None
    reason: str = ""
    tool: str | None = None
    table: dict[str, Any] | None = None
    said: str = ""


def make_chat_model(spec: str, timeout: float, documents: list[ParsedDocument] | None = None) -> BaseChatModel:
    """A chat model from 'provider:model' (e.g. 'ollama:llama3.1', 'openai:gpt-4o-mini') via init_chat_model.

    With ``documents``, the vote tools over their records are bound to it (``chains.with_vote_tools``).

    Raises:
        ValueError / ImportError: if the provider is unknown or its integration package is not installed.
    """
    from langchain.chat_models import init_chat_model

    model = init_chat_model(spec, timeout=timeout, max_retries=0, temperature=0)
    if documents is None:
        return model  # type: ignore[return-value]
    from assistant.chains import with_vote_tools

    return with_vote_tools(model, documents)  # type: ignore[arg-type]


def parse_answer(text: str, passages: list[Passage]) -> LlmOutcome:
    """Split the model's text into claims citing passage ids; reject unknown or missing citations."""
    text = text.strip()
    if not text or text.upper().startswith("NOT COVERED"):
        return LlmOutcome(None, "the language model found no answer in the passages")
    claims = []
    for sentence in (s.strip() for s in _SENTENCE_RE.split(text) if s.strip()):
        numbers = [int(n) for n in _MARKERS_RE.findall(sentence)]
        if not numbers:
            return LlmOutcome(None, "the language model wrote a sentence without a citation")
        if any(not 1 <= n <= len(passages) for n in numbers):
            return LlmOutcome(None, "the language model cited a passage it was not given")
        ids = tuple(dict.fromkeys(passages[n - 1].unit.id for n in numbers))
        claims.append(Claim(re.sub(r"\s+([.,;:!?])", r"\1", _MARKERS_RE.sub("", sentence)).strip(), ids))
    return LlmOutcome(claims)


def ask_model(model: BaseChatModel, question: str, passages: list[Passage], timeout: float) -> LlmOutcome:
    """Ask the model about ``passages`` through the LCEL chain of ``assistant.chains``, with a bounded wait.

    The passages, numbered, go into the prompt; a model made by ``make_chat_model`` with documents has the vote
    tools bound, and the tools it calls answer with the records' sentences (``chains.read_reply``). Any failure or
    timeout is an outcome, not an exception. The caller checks the claims' citations against the passages.
    """
    from assistant.chains import passage_outcome  # langchain_core: loaded on the LLM path only

    future = _executor().submit(passage_outcome, model, question, passages)
    try:
        return future.result(timeout=timeout)
    except FutureTimeout:
        future.cancel()
        return LlmOutcome(None, f"the language model did not answer within {timeout:g} s")
    except Exception as error:  # any provider error: connection refused, auth, rate limit
        return LlmOutcome(None, f"the language model failed ({type(error).__name__})")
