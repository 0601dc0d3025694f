"""LangChain: the retriever and the answerer in LCEL pipelines, and the checked LLM chain with the vote tools bound.

Real retriever (BM25 + Chroma + the packaged embedder) and answerer. FAKE: the chat model of the LLM chain is a
scripted ``GenericFakeChatModel`` (no LLM can run here), replying with canned texts or tool calls in order.
"""

import pytest
from langchain_core.documents import Document
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from assistant.answers import Answer
from assistant.chains import Answerer, UnitRetriever, checked_llm_chain, numbered

pytestmark = pytest.mark.slow
CONTENT = "What does draft resolution I say about critical infrastructure?"


class FakeToolCallingChatModel(GenericFakeChatModel):
    """FAKE: replies with scripted messages (tool calls included); binding tools changes nothing."""

    def bind_tools(self, tools, **kwargs):
        return self


def fake(*replies):
    return FakeToolCallingChatModel(messages=iter(replies))


def test_the_retriever_returns_cited_documents(assistant):
    retriever = UnitRetriever(assistant=assistant, k=5)
    documents = retriever.invoke("critical infrastructure")
    assert len(documents) == 5 and all(isinstance(d, Document) for d in documents)
    found = {d.metadata["citation_id"]: d for d in documents}
    unit = found["A/73/505#DR-I.OP-1.6"]
    assert unit.metadata | {"label": "A/73/505, draft resolution I, operative para. 1.6", "symbol": "A/73/505",
                            "locator": "DR-I.OP-1.6", "draft": "I"} == unit.metadata
    assert unit.id == "A/73/505#DR-I.OP-1.6" and "critical infrastructure" in unit.page_content
    assert [d.metadata["rank"] for d in documents] == [1, 2, 3, 4, 5]
    only_two = UnitRetriever(assistant=assistant, k=3, draft="II").invoke("critical infrastructure")
    assert all(d.metadata["draft"] in ("II", None) for d in only_two)


def test_the_retriever_in_an_lcel_pipeline(assistant):
    prompt = ChatPromptTemplate.from_messages([("human", "Passages:\n{passages}\n\nQuestion: {question}")])
    pipeline = {"passages": UnitRetriever(assistant=assistant) | RunnableLambda(numbered), "question": RunnablePassthrough()} | prompt
    text = pipeline.invoke("critical infrastructure").to_string()
    assert "A/73/505, draft resolution I, operative para. 1.6: " in text and text.rstrip().endswith("Question: critical infrastructure")


def test_the_answerer_invokes_batches_and_streams(assistant):
    answerer = Answerer(assistant)
    answer = answerer.invoke("How did France vote on draft resolution I?")
    assert isinstance(answer, Answer) and answer.citations[0].id == "A/73/505#para-7"
    batch = answerer.batch(["How did Egypt vote on L.37?", CONTENT])
    assert batch[0].text.startswith("Egypt voted against draft resolution II")
    assert any(c.id.startswith("A/73/505#DR-I.OP-1.") for c in batch[1].citations)
    [streamed] = list(answerer.stream("What was the recorded vote on L.37?"))
    assert "139 in favour, 11 against and 18 abstaining" in streamed.text
    text = (answerer | RunnableLambda(lambda a: a.text) | StrOutputParser()).invoke("How did China vote on L.37?")
    assert text.startswith("China voted against draft resolution II")


def test_the_answerer_keeps_conversations(assistant):
    answerer = Answerer(assistant)
    answerer.invoke({"question": "How did France vote on draft resolution I?", "conversation_id": "a"})
    answerer.invoke({"question": "How did Egypt vote on draft resolution I?", "conversation_id": "b"})
    follow = answerer.batch([{"question": "And on the other draft?", "conversation_id": c} for c in ("a", "b")])
    assert follow[0].text.startswith("France voted in favour of draft resolution II")
    assert follow[1].text.startswith("Egypt voted against draft resolution II")


def test_a_well_cited_model_answer_is_shown(assistant):
    chain = checked_llm_chain(assistant, fake(
        "A State should not conduct or knowingly support ICT activity that intentionally damages critical infrastructure [1]."))
    answer = chain.invoke(CONTENT)
    assert answer.tool == "llm" and not answer.notes and answer.sentences[0].citations == [answer.retrieved[0]]
    assert answer.retrieved[0] in {"A/73/505#DR-I.OP-1.6", "A/73/505#DR-I.OP-1.7", "A/73/505#DR-I.OP-1.8"}


def test_an_unknown_marker_or_an_invented_number_is_checked(assistant):
    rejected = checked_llm_chain(assistant, fake("Critical infrastructure must be protected [9].")).invoke(CONTENT)
    assert rejected.tool is None and rejected.notes[0] == "Extractive answer shown: the language model cited a passage it was not given."
    assert "critical infrastructure" in rejected.text
    dropped = checked_llm_chain(assistant, fake("States should protect critical infrastructure from ICT threats [2]. "
                                                "This was agreed by 150 States [1].")).invoke(CONTENT)
    assert dropped.tool == "llm" and [s.text for s in dropped.dropped] == ["This was agreed by 150 States."]


def test_a_vote_tool_called_by_the_model_answers_from_the_records(assistant):
    question = "What did France think of the OEWG?"
    assert assistant.answer(question).tool is None, "the router now answers this question: pick one it leaves to retrieval"
    call = {"name": "state_vote", "args": {"state": "France", "draft": "draft resolution I"}, "id": "call-1"}
    answer = checked_llm_chain(assistant, fake(AIMessage(content="", tool_calls=[call]))).invoke(question)
    assert answer.tool == "state_vote" and answer.text.startswith("France voted against draft resolution I")
    assert [c.id for c in answer.citations] == ["A/73/505#para-7"]
    wrong = {"name": "state_vote", "args": {"country": "France"}, "id": "call-2"}
    refused = checked_llm_chain(assistant, fake(AIMessage(content="", tool_calls=[wrong]))).invoke(question)
    assert refused.tool is None and "called a vote tool wrongly" in refused.notes[0]


def test_vote_questions_never_reach_the_model(assistant):
    model = fake("France voted in favour [1].")
    answer = checked_llm_chain(assistant, model).invoke("How did France vote on draft resolution I?")
    assert answer.text.startswith("France voted against draft resolution I") and answer.tool != "llm"
    assert next(model.messages) == "France voted in favour [1]."  # the scripted reply was never taken


def test_a_failing_model_gives_the_extractive_answer(assistant):
    class Broken(FakeToolCallingChatModel):
        def _generate(self, *args, **kwargs):
            raise ConnectionError("refused")

    answer = checked_llm_chain(assistant, Broken(messages=iter([]))).invoke(CONTENT)
    assert answer.tool is None and answer.notes[0] == "Extractive answer shown: the language model failed (ConnectionError)."
    assert answer.sentences
