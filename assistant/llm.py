"""Optional LLM answers through LangChain's ``init_chat_model``, checked before they are shown.

The model sees the retrieved passages numbered [1]..[n] and must cite them by number. Its
answer is rejected in favour of the extractive one when it cites a number that was not
given, cites nothing, says NOT COVERED, fails, or takes longer than the timeout; the
support check then drops any sentence with a number or State name absent from its cited
units. The LLM never answers vote questions: those come from the records.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from assistant import prompts
from assistant.results import Claim
from assistant.retrieval import Passage

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

_MARKERS_RE = re.compile(r"\[(\d+)\]")
_SENTENCE_RE = re.compile(r"(?<=[.!?])(?:\s*\[\d+\])*\s+(?=[A-Z“\"])")


@cache
def _executor() -> ThreadPoolExecutor:
    """The worker threads that bound a model call's wait (created on first use, not at import)."""
    return ThreadPoolExecutor(max_workers=4, thread_name_prefix="llm")


@dataclass(frozen=True)
class LlmOutcome:
    """Claims from the model (None if rejected) and why it was rejected."""

    claims: list[Claim] | None
    reason: str = ""


def make_chat_model(spec: str, timeout: float) -> BaseChatModel:
    """A chat model from 'provider:model' (e.g. 'ollama:llama3.1', 'openai:gpt-4o-mini') via init_chat_model.

    Raises:
        ValueError / ImportError: if the provider is unknown or its integration package is not installed.
    """
    from langchain.chat_models import init_chat_model

    return init_chat_model(spec, timeout=timeout, max_retries=0, temperature=0)  # type: ignore[return-value]


def render_prompt(question: str, passages: list[Passage]) -> list[tuple[str, str]]:
    """The (role, text) messages: the rules, then the numbered passages and the question."""
    numbered = "\n".join(prompts.PASSAGE.format(n=n, label=p.unit.label, text=p.unit.text) for n, p in enumerate(passages, 1))
    return [("system", prompts.SYSTEM), ("human", prompts.USER.format(passages=numbered, question=question))]


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
    """Ask the model with a bounded wait; any failure or timeout is an outcome, not an exception."""
    future = _executor().submit(model.invoke, render_prompt(question, passages))
    try:
        message = future.result(timeout=timeout)
    except FutureTimeout:
        future.cancel()
        return LlmOutcome(None, f"the language model did not answer within {timeout:g} s")
    except Exception as error:  # any provider error: connection refused, auth, rate limit
        return LlmOutcome(None, f"the language model failed ({type(error).__name__})")
    content = message.content if isinstance(message.content, str) else " ".join(str(p) for p in message.content)
    return parse_answer(content, passages)
