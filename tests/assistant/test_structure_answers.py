"""Counts of a document's parts and what a draft consists of (assistant/structure.py), from the parsed units. Pure."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import structure
from assistant.router import read_question
from ingest.pipeline import parse_files
from ingest.records import ParsedDocument

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report() -> list[ParsedDocument]:
    return parse_files([ROOT / "corpus" / "A_73_505.txt"])


def _answer(question: str, documents: list[ParsedDocument]) -> tuple[str, tuple[str, ...]]:
    result = structure.answer(question, read_question(question, documents).drafts, documents)
    assert result is not None
    return " ".join(c.text for c in result.claims), tuple(i for c in result.claims for i in c.citations)


@pytest.mark.parametrize("question,text,cited", [
    ("How many preambular paragraphs does draft resolution I have?", "has 21 preambular paragraphs", ("A/73/505#DR-I.PP-21",)),
    ("How long is the preamble of draft resolution II, in paragraphs?", "has 15 preambular paragraphs", ("A/73/505#DR-II.PP-15",)),
    ("how many operative paras in L.37?", "has 6 operative paragraphs", ("A/73/505#DR-II.OP-6",)),
    ("How many items are listed under operative paragraph 1 of draft resolution I?", "has 13 items in operative paragraph 1",
     ("A/73/505#DR-I.OP-1.13",)),
    ("How many paragraphs does the report have?", "A/73/505 has 11 paragraphs", ("A/73/505#para-11",)),
])
def test_a_count_is_the_number_of_units_and_cites_the_last(report: list[ParsedDocument], question: str, text: str,
                                                          cited: tuple[str, ...]) -> None:
    said, citations = _answer(question, report)
    assert text in said
    assert citations[0] == cited[0]


def test_a_report_counts_its_own_footnotes_and_says_the_drafts_number_theirs_apart(report: list[ParsedDocument]) -> None:
    said, citations = _answer("How many footnotes does the report have?", report)
    assert said.startswith("A/73/505 has 4 footnotes; the last is footnote 4.")
    assert "Draft resolution I has 5 footnotes of its own." in said and "Draft resolution II has 3 footnotes of its own." in said
    assert citations == ("A/73/505#fn-4", "A/73/505#DR-I.fn-5", "A/73/505#DR-II.fn-3")


def test_what_a_draft_consists_of(report: list[ParsedDocument]) -> None:
    said, _ = _answer("What does draft resolution II consist of?", report)
    assert said == ("Draft resolution II (A/C.1/73/L.37) of A/73/505 consists of 15 preambular paragraphs, 6 operative paragraphs "
                    "(operative para. 1 with 2 items, operative para. 2 with 2 items) and 3 footnotes.")


@pytest.mark.parametrize("question", [
    "How many paragraphs of draft resolution I mention human rights?",  # a question for the text
    "How many States voted against draft resolution I?",  # not a part of the document
    "What does draft resolution I say about critical infrastructure?",
])
def test_other_questions_are_not_structure_questions(report: list[ParsedDocument], question: str) -> None:
    assert structure.answer(question, read_question(question, report).drafts, report) is None
