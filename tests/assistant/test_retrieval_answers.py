"""Non-vote questions through the real hybrid retriever (Chroma + all-MiniLM-L6-v2 + BM25)."""

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("question, locator", [
    ("What does the text say about critical infrastructure?", "DR-I.OP-1.6"),
    ("What does op. para. 5 of draft resolution I say?", "DR-I.OP-5"),
    ("Can a State use its computer emergency teams for attacks?", "DR-I.OP-1.12"),
    ("What do the drafts say about ICT vulnerabilities?", "DR-I.OP-1.11"),
    ("Which regional organizations should the Office for Disarmament Affairs consult?", "DR-II.OP-4"),
    ("What does footnote 3 say?", "fn-3"),
    ("What does paragraph 9 of the report say?", "para-9"),
    ("When will the open-ended working group hold its organizational session?", "DR-I.OP-6"),
])
def test_known_questions_retrieve_their_paragraph(assistant, question, locator):
    answer = assistant.answer(question)
    assert f"A/73/505#{locator}" in answer.retrieved[:3], answer.retrieved
    assert not answer.abstained
    assert f"A/73/505#{locator}" in [c.id for c in answer.citations]


def test_answer_quotes_verbatim_with_citation(assistant):
    answer = assistant.answer("What does draft resolution I say about attacks on critical infrastructure?")
    quotes = [s for s in answer.sentences if s.quote]
    assert quotes and all(s.text.strip("\u201c\u201d") in assistant.units[s.citations[0]].text for s in quotes)
    assert "intentionally damages critical infrastructure" in answer.text
    assert all(c in answer.retrieved for c in (c.id for c in answer.citations))


def test_comparison_quotes_both_drafts(assistant):
    answer = assistant.answer("How do the two drafts differ on follow-up mechanisms?")
    drafts = {assistant.units[c.id].draft for c in answer.citations}
    assert drafts == {"I", "II"}


def test_comparison_is_a_table_of_the_clause_each_draft_answers_with(assistant):
    answer = assistant.answer("When does each of the two new groups report to the General Assembly?")
    assert answer.table is not None and answer.table["columns"] == ["Draft", "Paragraph", "What it says"]
    rows = {row[0]: row for row in answer.table["rows"]}
    first, second = rows["Draft resolution I (A/C.1/73/L.27/Rev.1)"], rows["Draft resolution II (A/C.1/73/L.37)"]
    assert first[1] == "draft resolution I, operative para. 5" and second[1] == "draft resolution II, operative para. 3"
    assert first[2] == "… and to submit a report on the results of the study to the General Assembly at its seventy-fifth session …"
    assert second[2].endswith("to the General Assembly at its seventy-sixth session")
    for row, unit in ((first, "A/73/505#DR-I.OP-5"), (second, "A/73/505#DR-II.OP-3")):  # each cell verbatim from its paragraph
        assert row[2].strip("… ") in assistant.units[unit].text


def test_a_question_about_one_draft_has_no_comparison_table(assistant):
    assert assistant.answer("When does the open-ended working group report to the General Assembly?").table is None


@pytest.mark.parametrize("question", [
    "What did the 2021 OEWG report conclude?",
    "What was the plenary vote on resolution 73/27?",
    "What is the capital of France?",
])
def test_out_of_corpus_questions_abstain(assistant, question):
    answer = assistant.answer(question)
    assert answer.abstained and "do not cover" in answer.text
    assert len(answer.citations) <= 2


def test_vote_question_does_not_build_the_retriever(indexed_settings):
    from assistant.factory import load_assistant

    fresh = load_assistant(indexed_settings, progress=lambda _: None)
    answer = fresh.answer("How did France vote on draft resolution I?")
    assert "France voted against draft resolution I" in answer.text and answer.citations[0].id == "A/73/505#para-7"
    assert fresh._retriever is None


def test_follow_ups_carry_the_draft_and_the_state(assistant):
    from assistant.conversation import Conversation

    session = Conversation()
    assert "Egypt voted against draft resolution II" in assistant.answer("How did Egypt vote on L.37?", session).text
    second = assistant.answer("And on the other draft?", session)
    assert "Egypt voted in favour of draft resolution I" in second.text and second.citations[0].locator == "para-7"
    third = assistant.answer("What about Israel?", session)
    assert "Israel voted against draft resolution I" in third.text
    which = assistant.answer("Which paragraph is that?", session)
    assert "A/73/505, para. 7" in which.text
