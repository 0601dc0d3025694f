""""Why" questions about votes and positions, and questions naming paragraphs the documents lack.

A/73/505 records how States voted (para. 7 on draft resolution I, para. 10 on draft resolution
II) and, in footnote 2, cites the meeting records A/C.1/73/PV.1 to A/C.1/73/PV.31 for the
Committee's discussion; it records no reasons. "Why" questions about what the drafts say are
answered from the drafts (draft resolution I, preambular para. 10; draft resolution II,
preambular para. 14). Draft resolution I has 21 preambular and 7 operative paragraphs (op. para.
1 has 13 numbered items, op. para. 4 items (a) to (d)) and 5 footnotes; draft resolution II has
15 and 6 and 3 footnotes; the report has 11 paragraphs and 4 footnotes.

The pure rules are tested on the real parsed document; the slow tests put the questions through
the real assistant (Chroma + all-MiniLM-L6-v2 + BM25, the vote tools).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.abstention import missing_reason
from assistant.conversation import Conversation
from assistant.retrieval import Retriever
from assistant.router import read_question
from assistant.scope import CorpusFacts, corpus_facts, meeting_records, out_of_scope, unrecorded_reasons
from ingest.pipeline import parse_files
from ingest.records import ParsedDocument
from ingest.settings import PROJECT_ROOT

NOT_COVERED = "The documents in the corpus do not cover this."
NOT_WHY = "The report records how States voted, not why"
RECORDS = "A/C.1/73/PV.1 to A/C.1/73/PV.31 (A/73/505, footnote 2)"

# true premises (the United States voted against draft resolution I, para. 7; China against II, para. 10),
# a State's behaviour, States as the subject, the rewritten bare follow-up "Why?"
WHY_NOT_RECORDED = [
    "Why did the United States vote against the Russian resolution?",
    "Why is Egypt different from the other Arab states?",
    "Why? How did Afghanistan vote on L.27/Rev.1?",
    "How come China voted against L.37?",
    "Why did so many States abstain on draft resolution I?",
    "Why did so many countries oppose the Russian draft?",
    "What were the reasons for Israel's vote on draft I?",
    "Why did the Russian Federation introduce its own draft?",
]
# "why" questions the drafts answer, and why-questions about a vote the record contradicts (the vote tool corrects them)
LEFT_TO_ANSWER = [
    "Why, according to the first draft, is it in every country's interest that digital technologies be used peacefully?",
    "According to the US draft, why does helping countries build their skills in ICT security matter?",
    "What new UN body would the Russian draft set up, and why does it say this makes negotiations better?",
    "Since Mozambique abstained on L.37, why was it counted?",
    "Why does the Russian draft warn against the use of ICTs for military purposes?",
    "Why does the United States' draft stress capacity-building?",
    "Why did the United States vote in favour of the Russian draft?",  # it voted against (para. 7)
    "Why did the Russian Federation abstain?",  # it voted for I and against II (paras. 7 and 10)
]


@pytest.fixture(scope="module")
def documents() -> list[ParsedDocument]:
    return parse_files([PROJECT_ROOT / "corpus" / "A_73_505.txt"])


@pytest.fixture(scope="module")
def facts(documents: list[ParsedDocument]) -> CorpusFacts:
    return corpus_facts(documents)


@pytest.fixture(scope="module")
def retriever(documents: list[ParsedDocument]) -> Retriever:
    return Retriever(documents, dense=None)


def test_the_meeting_records_come_from_footnote_2(documents):
    assert meeting_records(documents) == RECORDS
    assert corpus_facts(documents).records == RECORDS


@pytest.mark.parametrize("question", WHY_NOT_RECORDED)
def test_why_a_state_voted_is_not_recorded(question, facts):
    reason = out_of_scope(question, facts) or ""
    assert reason.startswith(NOT_WHY) and RECORDS in reason
    assert (out_of_scope(question) or "") == NOT_WHY + "."  # without facts: no records to point to


@pytest.mark.parametrize("question", LEFT_TO_ANSWER)
def test_why_the_drafts_say_something_and_false_premises_are_left_to_answer(question, facts):
    assert unrecorded_reasons(question, facts) is None
    assert out_of_scope(question, facts) is None


def test_explanations_of_vote_point_to_the_meeting_records(facts):
    reason = out_of_scope("Which delegations explained their votes on L.37?", facts) or ""
    assert reason.startswith("The report records how States voted, not their explanations of vote") and RECORDS in reason


# (question, labels of what the documents do not have)
MISSING = [
    ("What does preambular paragraph 25 of draft I say?", ["preambular paragraph 25 of draft resolution I (it has 21)"]),
    ("What does paragraph 14 of the report say?", ["paragraph 14 of the report (it has 11)"]),
    ("What does footnote 9 say?", ["footnote 9 (the report has 4, draft resolution I 5, draft resolution II 3)"]),
    ("What does footnote 5 of draft II say?", ["footnote 5 of draft resolution II (it has 3)"]),
    ("What does operative paragraph 12 of draft II say?", ["operative paragraph 12 of draft resolution II (it has 6)"]),
    ("What does operative paragraph 12 say?", ["operative paragraph 12 (in none of the draft resolutions)"]),
    ("What does paragraph 25 of draft I say?", ["paragraph 25 of draft resolution I (it has 21 preambular and 7 operative paragraphs)"]),
    ("What is item (e) of operative paragraph 4 of draft resolution I?",
     ["operative paragraph 4 (e) of draft resolution I (it has items (a) to (d))"]),
    ("What does op. para. 1.14 of draft I say?", ["operative paragraph 1.14 of draft resolution I (operative paragraph 1 has 13 items)"]),
    ("What does paragraph 14 of A/73/505 say?", ["paragraph 14 of the report (it has 11)"]),
]
PRESENT = [
    "What does preambular paragraph 21 of draft resolution I say?",
    "What is item (c) of operative paragraph 4 of draft resolution I?",
    "What does op. para. 1.13 of draft I say?",
    "What does paragraph 6 of draft II say?",  # operative paragraph 6
    "What does paragraph 15 of draft resolution II say?",  # preambular paragraph 15 (6 operative)
    "What does footnote 5 say?",  # draft resolution I's
    "Compare operative paragraph 5 and 6 of draft I.",  # not item (a) of 5
    "What does paragraph 11 of the report say about draft II?",
    "What does paragraph 12 of resolution 70/237 say?",  # another document's paragraph
    "What does paragraph 12 of the 2015 report say?",
]


def _draft(question: str, documents: list[ParsedDocument]) -> str | None:
    """The one draft the question names, as the service reads it (None for none or several)."""
    numbers = {ref.number for ref in read_question(question, documents).drafts}
    return next(iter(numbers)) if len(numbers) == 1 else None


@pytest.mark.parametrize("question, labels", MISSING)
def test_paragraphs_the_documents_lack_are_named_with_what_exists(question, labels, retriever, documents):
    assert retriever.missing_references(question, _draft(question, documents)) == labels


@pytest.mark.parametrize("question", PRESENT)
def test_paragraphs_that_exist_are_not_missing(question, retriever, documents):
    assert retriever.missing_references(question, _draft(question, documents)) == []


def test_the_missing_reason_names_each_label():
    assert missing_reason(["paragraph 14 of the report (it has 11)"]) == "The documents have no paragraph 14 of the report (it has 11)."
    assert missing_reason(["footnote 9 (x)", "paragraph 14 (y)"]) == "The documents have no footnote 9 (x) or paragraph 14 (y)."
    assert missing_reason([]) == ""


def test_no_question_of_the_suite_names_a_missing_paragraph(retriever, documents):
    for path in sorted((PROJECT_ROOT / "evals" / "qa").glob("*.jsonl")):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            case = json.loads(line) if line.strip() else None
            for turn in case["turns"] if case else []:
                assert retriever.missing_references(turn, _draft(turn, documents)) == [], (case["id"], turn)


@pytest.mark.slow
def test_the_assistant_abstains_on_why_a_state_voted(assistant):
    answer = assistant.answer("Why is Egypt different from the other Arab states?")
    assert answer.abstained and NOT_COVERED in answer.text and NOT_WHY in answer.text and RECORDS in answer.text
    assert len(answer.citations) == 1


@pytest.mark.slow
def test_a_reason_for_a_recorded_vote_confirms_the_vote_then_says_the_reason_is_not_recorded(assistant):
    answer = assistant.answer("Why did the United States vote against the Russian resolution?")
    assert answer.text.startswith("Yes: The United States of America voted against draft resolution I (A/C.1/73/L.27/Rev.1)")
    assert NOT_COVERED in answer.text and NOT_WHY in answer.text and RECORDS in answer.text


@pytest.mark.slow
def test_a_bare_why_after_a_vote_question_abstains(assistant):
    session = Conversation()
    first = assistant.answer("How did Afghanistan vote on L.27/Rev.1?", session)
    assert "Afghanistan is not recorded as voting" in first.text
    why = assistant.answer("Why?", session)
    assert why.abstained and NOT_WHY in why.text and RECORDS in why.text


@pytest.mark.slow
@pytest.mark.parametrize("question, locator, words", [
    ("Why, according to the first draft, is it in every country's interest that digital technologies be used peacefully?",
     "DR-I.PP-10", "preventing conflict arising from the use of ICTs"),
    ("According to the US draft, why does helping countries build their skills in ICT security matter?",
     "DR-II.PP-14", "capacity of States for cooperation and collective action"),
])
def test_why_the_drafts_say_something_is_answered(assistant, question, locator, words):
    answer = assistant.answer(question)
    assert not answer.abstained and words in answer.text
    assert answer.citations[0].locator == locator


@pytest.mark.slow
def test_a_false_premise_is_corrected_by_the_vote_tool(assistant):
    answer = assistant.answer("Why did the United States vote in favour of the Russian draft?")
    assert not answer.abstained
    assert "United States of America voted against draft resolution I" in answer.text
    assert [c.locator for c in answer.citations] == ["para-7"]
