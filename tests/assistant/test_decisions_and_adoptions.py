"""Draft decisions and adoptions without a vote in the vote tools (pure: records of tests/data/A_98_410.txt and of
the 2023 report written for the tests, no Chroma or model)."""

from pathlib import Path

import pytest

from assistant.drafts import find_drafts
from assistant.votes.votebook import DraftKey, VoteBook
from ingest.reader import read_document

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def report_2023():
    return read_document(DATA / "formats" / "A_78_407.txt")


def test_a_draft_decision_never_stands_for_draft_resolution_i(report_2023):
    book = VoteBook([report_2023])
    assert book.votes[DraftKey("A/78/407", "I")].draft_symbol == "A/C.1/78/L.14"
    assert book.votes[DraftKey("A/78/407", "decision I")].draft_symbol == "A/C.1/78/L.61"
    (ref,), _ = find_drafts("How did Germany vote on L.61?", [report_2023])
    assert (ref.number, ref.symbol) == ("decision I", "A/C.1/78/L.61")
    (ref,), _ = find_drafts("How did Germany vote on draft resolution I?", [report_2023])
    assert (ref.number, ref.symbol) == ("I", "A/C.1/78/L.14")


def test_the_vote_on_a_paragraph_is_kept_apart_from_the_vote_on_the_whole_draft(report_2023):
    book = VoteBook([report_2023])
    assert book.votes[DraftKey("A/78/407", "II")].stated == (121, 35, 18)
    assert [(v.subject, v.stated) for v in book.part_votes] == [("operative paragraph 1", (92, 52, 24))]


def test_a_draft_adopted_without_a_vote_is_said_to_be_so():
    book = VoteBook([read_document(DATA / "A_98_410.txt")])
    (claim,) = book.position("France", DraftKey("A/98/410", "III")).claims
    assert claim.text == ("Draft resolution III (A/C.1/98/L.9) of A/98/410 was adopted by the First Committee at its 27th meeting, "
                          "on 3 November 2098, without a vote, so no State's vote is recorded.")
    assert claim.citations == ("A/98/410#para-7",)
