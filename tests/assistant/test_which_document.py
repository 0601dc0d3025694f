"""A draft named by number in more than three documents, none chosen: the answer asks which document (issue 16).

The corpus is A/73/505 and copies of it under other symbols (as ``make bench`` builds its 100-document corpus): each
copy has a draft resolution I with the same vote, so only the document can tell them apart. Vote questions only: the
retriever is never built (``no_retriever``).
"""

import pytest

from assistant.router import DOCUMENTS_LISTED, MAX_DOCUMENTS_ANSWERED
from assistant.service import Assistant
from ingest.parse import parse_document

FRANCE = "How did France vote on draft resolution I?"


def no_retriever():
    raise AssertionError("these questions are answered from the records")


def copies(raw_text: str, n: int) -> list:
    """A/73/505 and n - 1 copies, A/73/9001 …"""
    symbols = ["A/73/505", *(f"A/73/{9000 + i}" for i in range(1, n))]
    return [parse_document(raw_text, s, s.replace("/", "_") + ".txt") for s in symbols]


@pytest.fixture(scope="module")
def five(raw_text):
    return Assistant(copies(raw_text, 5), no_retriever)


def test_a_draft_in_five_documents_asks_which_and_cites_nothing(five):
    answer = five.answer(FRANCE)
    assert answer.tool == "document_which" and not answer.citations
    assert answer.text.startswith("Which document do you mean? 5 documents hold draft resolution I: A/73/505 (19 November 2018), "
                                  "A/73/9001 (19 November 2018)")
    assert "France voted" not in answer.text


def test_the_document_named_or_chosen_answers(five):
    named = five.answer("How did France vote on draft resolution I of A/73/9003?")
    assert named.text.startswith("France voted against draft resolution I (A/C.1/73/L.27/Rev.1) of A/73/9003")
    assert {c.id.split("#")[0] for c in named.citations} == {"A/73/9003"}
    chosen = five.answer(FRANCE, document="A/73/9002")
    assert {c.id.split("#")[0] for c in chosen.citations} == {"A/73/9002"} and "against" in chosen.text


def test_both_drafts_with_no_document_asks_which(five):
    answer = five.answer("Which States abstained on both?")
    assert answer.tool == "document_which" and "5 documents hold" in answer.text and not answer.citations


def test_up_to_three_documents_each_is_answered_labelled(raw_text):
    three = Assistant(copies(raw_text, MAX_DOCUMENTS_ANSWERED), no_retriever)
    answer = three.answer(FRANCE)
    assert answer.tool != "document_which"
    assert [s for s in ("of A/73/505", "of A/73/9001", "of A/73/9002") if s in answer.text] == ["of A/73/505", "of A/73/9001",
                                                                                              "of A/73/9002"]


def test_the_list_names_the_first_documents_and_counts_the_rest(raw_text):
    many = Assistant(copies(raw_text, DOCUMENTS_LISTED + 3), no_retriever)
    text = many.answer(FRANCE).text
    assert f"A/73/{9000 + DOCUMENTS_LISTED - 1} (19 November 2018), and 3 more." in text
    assert f"A/73/{9000 + DOCUMENTS_LISTED}" not in text


def test_a_vote_question_naming_no_vote_lists_documents_only_when_the_votes_are_too_many(raw_text, five):
    many = Assistant(copies(raw_text, DOCUMENTS_LISTED + 3), no_retriever)  # 30 votes in 15 documents
    assert many.answer("How did Norway vote?").text.startswith("Which document do you mean? 15 documents hold votes: A/73/505")
    assert five.answer("How did Norway vote?").text.startswith("Which vote do you mean? The documents record 10 votes")
