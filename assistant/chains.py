"""LangChain, properly: the hybrid retriever, the answerer and the checked LLM path as composable runnables.

- ``UnitRetriever``: hybrid retrieval (BM25 + Chroma, fused) as a ``BaseRetriever``; one ``Document`` per
  citable unit, its metadata carrying the citation id, label, document symbol and locator (``to_document``,
  the one place units become LangChain documents).
- ``Answerer``: ``Assistant.answer`` as a ``Runnable`` (``invoke``, ``batch``, ``stream``, and their async forms),
  from a question or ``{"question", "conversation_id"}`` to an ``Answer``.
- ``passage_chain``: passages → prompt → the model with the vote tools of ``assistant.votes.tools`` bound
  (``with_vote_tools``); ``read_reply`` turns its message into claims: the sentences of the vote tools it called,
  or its text, whose passage markers must name passages it was given (``llm.parse_answer``). ``llm.ask_model``,
  the LLM path of ``Assistant.answer``, runs it over the passages the assistant retrieved (``passage_outcome``).
- ``checked_llm_chain``: the same as an LCEL retrieval chain over ``UnitRetriever``. As in ``Assistant.answer``:
  vote questions and questions the documents do not cover are answered from the records and never reach the
  model, and every sentence passes the support check (``compose.build_answer``), else the extractive answer is
  shown with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from operator import itemgetter
from typing import Any, Union

from langchain_core.callbacks import CallbackManagerForLLMRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableBranch, RunnableConfig, RunnableLambda, RunnableParallel, RunnablePassthrough
from langchain_core.tools import BaseTool
from pydantic import ConfigDict, Field

from assistant import compose, llm, prompts
from assistant.answers import Answer
from assistant.llm import LlmOutcome
from assistant.results import Claim
from assistant.retrieval import Passage
from assistant.service import Assistant
from assistant.sessions import Sessions
from assistant.votes.tools import make_vote_tools
from ingest.records import ParsedDocument

AskInput = Union[str, Mapping[str, Any]]


def to_document(passage: Passage) -> Document:
    """A retrieved unit as a LangChain ``Document``: its text, and its citation and scores as metadata.

    Metadata keys: ``citation_id`` ('A/73/505#DR-I.OP-1.6'), ``label`` ('A/73/505, draft resolution I, operative
    para. 1.6'), ``symbol``, ``locator``, ``kind``, ``draft`` ('I', 'II' or None), ``rank`` (1-based), ``score``
    (fused), ``similarity`` (cosine, or None) and ``bm25``.
    """
    unit = passage.unit
    metadata = {"citation_id": unit.id, "label": unit.label, "symbol": unit.symbol, "locator": unit.locator, "kind": unit.kind,
                "draft": unit.draft, "rank": passage.rank, "score": passage.score, "similarity": passage.similarity, "bm25": passage.bm25}
    return Document(id=unit.id, page_content=unit.text, metadata=metadata)


class UnitRetriever(BaseRetriever):
    """Rapporteur's hybrid retriever as a LangChain retriever: the ``k`` best units for a query, best first.

    Args:
        assistant: whose retriever (built on first use: loads the embedder, opens the index) does the search.
        k: units returned per query.
        draft: keep one draft's units and its section of the report ('I', 'II'); None for all.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)
    assistant: Assistant = Field(exclude=True)
    k: int = 5
    draft: str | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [to_document(p) for p in self.assistant.retriever.search(query, self.k, self.draft)]


def _read_input(value: AskInput) -> tuple[str, str | None]:
    """(question, conversation id or None) from a question or a ``{"question", "conversation_id"}`` mapping."""
    if isinstance(value, str):
        return value, None
    return str(value["question"]), value.get("conversation_id")


class Answerer(Runnable[AskInput, Answer]):
    """``Assistant.answer`` as a LangChain runnable: a question (or ``{"question", "conversation_id"}``) → ``Answer``.

    A ``conversation_id`` names a conversation kept in ``sessions``: follow-ups in it ("And on the other draft?")
    read what came before; an id not seen before starts one. Without an id each question stands alone. ``batch``
    answers in parallel threads (the answerer is thread-safe); ``stream`` yields the one finished ``Answer``.
    """

    def __init__(self, assistant: Assistant, sessions: Sessions | None = None) -> None:
        self.assistant = assistant
        self.sessions = sessions if sessions is not None else Sessions(assistant)

    def _answer(self, value: AskInput) -> Answer:
        question, conversation_id = _read_input(value)
        if conversation_id is None:
            return self.assistant.answer(question)
        return self.sessions.ask(question, self.sessions.open(conversation_id)).answer

    def invoke(self, input: AskInput, config: RunnableConfig | None = None, **kwargs: Any) -> Answer:  # noqa: A002 (Runnable's name)
        """Answer one question (traced as one run with ``config``'s callbacks)."""
        return self._call_with_config(self._answer, input, config)


def numbered(documents: list[Document]) -> str:
    """The passages as the model sees them: '[1] A/73/505, para. 7: text', one per line (``prompts.PASSAGE``)."""
    return "\n".join(prompts.PASSAGE.format(n=n, label=d.metadata["label"], text=d.page_content) for n, d in enumerate(documents, 1))


def _passages(assistant: Assistant, documents: list[Document]) -> list[Passage]:
    """The documents back as passages over the assistant's units (for ``llm.parse_answer``)."""
    return [Passage(assistant.units[d.metadata["citation_id"]], d.metadata["score"], d.metadata["similarity"], d.metadata["bm25"],
                    d.metadata["rank"]) for d in documents]


def _bind_tools(model: BaseChatModel, tools: list[BaseTool]) -> Runnable[Any, Any]:
    """The model with the vote tools bound; the model alone if it cannot call tools."""
    try:
        return model.bind_tools(tools)
    except NotImplementedError:
        return model


class VoteToolsModel(BaseChatModel):
    """A chat model with Rapporteur's vote tools bound to every call (``with_vote_tools``).

    The tools travel with the model, so ``llm.ask_model(model, question, passages, timeout)`` can run the ones
    the model calls (``read_reply``). A model that cannot call tools is asked without them.
    """

    model: BaseChatModel = Field(description="The provider's chat model (``llm.make_chat_model``), or a fake in tests.")
    tools: list[BaseTool] = Field(description="The vote tools (``assistant.votes.tools.make_vote_tools``).")

    @property
    def _llm_type(self) -> str:
        return f"vote-tools:{self.model._llm_type}"

    def bind_tools(self, tools: Sequence[dict[str, Any] | type | Callable[..., Any] | BaseTool], *, tool_choice: str | None = None,
                   **kwargs: Any) -> Runnable[LanguageModelInput, AIMessage]:
        """Itself: its vote tools are bound already."""
        return self

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        message = _bind_tools(self.model, self.tools).invoke(messages, stop=stop, **kwargs)
        return ChatResult(generations=[ChatGeneration(message=message)])


def with_vote_tools(model: BaseChatModel, documents: list[ParsedDocument]) -> VoteToolsModel:
    """``model`` with the vote tools over ``documents``' records bound (unchanged if it has them already)."""
    return model if isinstance(model, VoteToolsModel) else VoteToolsModel(model=model, tools=make_vote_tools(documents))


PROMPT = ChatPromptTemplate.from_messages([("system", prompts.SYSTEM), ("human", prompts.USER)])


def passage_chain(model: BaseChatModel) -> Runnable[dict[str, Any], AIMessage]:
    """LCEL: ``{"question", "documents"}`` → the model's message, the documents numbered in the prompt (``numbered``)."""
    given = RunnableParallel(question=itemgetter("question"), passages=itemgetter("documents") | RunnableLambda(numbered))
    return given | PROMPT | model  # type: ignore[return-value]


def _tool_claims(message: AIMessage, tools: dict[str, BaseTool]) -> LlmOutcome:
    """The sentences of the vote tools the model called, each as the tool computed it from the records."""
    claims, said, table = [], [], None
    for call in message.tool_calls:
        tool = tools.get(call["name"])
        if tool is None:
            return LlmOutcome(None, "the language model called a vote tool wrongly")
        try:
            out = tool.invoke(call["args"])
        except Exception:  # noqa: BLE001 - arguments the tool's schema refuses: the model's mistake, not an answer
            return LlmOutcome(None, "the language model called a vote tool wrongly")
        claims.append(Claim(out["answer"], tuple(out["citations"])))
        said.append(out["answer"])
        table = table or out["table"]
    return LlmOutcome(claims, tool=message.tool_calls[0]["name"], table=table, said=" ".join(said))


def read_reply(message: AIMessage, passages: list[Passage], model: BaseChatModel) -> LlmOutcome:
    """The model's message as claims: its vote tool calls run (``model``'s tools), else its cited text (``llm.parse_answer``)."""
    if message.tool_calls:
        return _tool_claims(message, {t.name: t for t in model.tools} if isinstance(model, VoteToolsModel) else {})
    content = message.content if isinstance(message.content, str) else " ".join(str(p) for p in message.content)
    return llm.parse_answer(content, passages)


def passage_outcome(model: BaseChatModel, question: str, passages: list[Passage]) -> LlmOutcome:
    """``passage_chain`` over the passages given, read by ``read_reply`` (the chain of ``llm.ask_model``).

    Raises:
        Exception: whatever the model raises (``llm.ask_model`` makes it an outcome).
    """
    chain = passage_chain(model) | RunnableLambda(partial(read_reply, passages=passages, model=model))
    return chain.invoke({"question": question, "documents": [to_document(p) for p in passages]})  # type: ignore[no-any-return]


def _fallback(baseline: Answer, reason: str) -> Answer:
    """The extractive answer, noting why the model's was not shown."""
    answer = baseline.model_copy(deep=True)
    answer.notes = [f"Extractive answer shown: {reason}.", *answer.notes]
    return answer


def _checked(assistant: Assistant, model: BaseChatModel, step: dict[str, Any]) -> Answer:
    """The model's answer if it passes the checks of ``Assistant.answer``; else the extractive one with the reason.

    A vote tool's sentences may cite the units the tool cites (the records'); the model's own, only the passages given.
    """
    question, baseline = step["question"], step["baseline"]
    passages = _passages(assistant, step["documents"])
    outcome = read_reply(step["message"], passages, model)
    if outcome.claims:
        retrieved = [p.unit.id for p in passages]
        if outcome.tool:
            cited = {c for claim in outcome.claims for c in claim.citations}
            answer = compose.build_answer(question, question, outcome.claims, assistant.units, cited, extra=outcome.said)
        else:
            answer = compose.build_answer(question, question, outcome.claims, assistant.units, set(retrieved), retrieved=retrieved)
        if answer.sentences:
            answer.tool, answer.table = outcome.tool or "llm", outcome.table
            return answer
    return _fallback(baseline, outcome.reason or "no sentence of the language model passed the support check")


def checked_llm_chain(assistant: Assistant, model: BaseChatModel, k: int | None = None) -> Runnable[str, Answer]:
    """The LLM path as an LCEL chain: question → ``Answer``, checked as ``Assistant.answer`` checks it.

    records-first (a deterministic ``Assistant`` without a model) → if it answered from the vote records or
    abstained, that answer; else ``{question, documents: UnitRetriever}`` → prompt (``prompts``) → model with the
    vote tools bound → ``_checked``. Any model error gives the extractive answer with the reason.

    Args:
        assistant: the records, units and retriever (its own chat model, if any, is not used).
        model: a LangChain chat model (a real provider via ``llm.make_chat_model``, or a fake in tests).
        k: passages given to the model (default: the assistant's ``k``).
    """
    records = Assistant(assistant.documents, lambda: assistant.retriever, assistant.k, assistant.max_chars)
    retriever = UnitRetriever(assistant=assistant, k=k or assistant.k)
    bound = with_vote_tools(model, assistant.documents)
    generate = (
        RunnablePassthrough.assign(documents=itemgetter("question") | retriever)
        | RunnablePassthrough.assign(message=passage_chain(bound))
        | RunnableLambda(partial(_checked, assistant, bound))
    )
    failed: Runnable[dict[str, Any], Answer] = RunnableLambda(
        lambda step: _fallback(step["baseline"], f"the language model failed ({type(step['error']).__name__})"))

    def first(question: str) -> dict[str, Any]:
        baseline = records.answer(question)
        return {"question": question, "baseline": baseline, "final": baseline.tool is not None or baseline.abstained}

    decided = RunnableBranch((itemgetter("final"), itemgetter("baseline")), generate.with_fallbacks([failed], exception_key="error"))
    return RunnableLambda(first) | decided
