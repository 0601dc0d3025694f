"""Numeric ordinals in questions get the words the documents write sessions in.

A/73/505 writes sessions in words: the cover page "Seventy-third session"; draft resolution I,
op. para. 5 (the open-ended working group reports "at its seventy-fifth session"), op. para. 7
and draft resolution II, op. para. 6 (the item on the agenda of the "seventy-fourth session");
draft resolution II, op. para. 3 (the group of governmental experts reports "at its seventy-sixth
session"); draft resolution I, footnotes 4 and 5 cite the "Sixty-seventh Session" and "Sixty-ninth
Session" Official Records. Meetings are written in figures ("31st meeting", para. 7).
"""

from __future__ import annotations

import re

import pytest

from assistant.retrieval import Retriever
from assistant.vocabulary import expand, named_sessions, number_word, ordinal_word, ordinal_words
from ingest.pipeline import parse_files
from ingest.records import ParsedDocument
from ingest.settings import PROJECT_ROOT


@pytest.mark.parametrize("n, word, ordinal", [
    (1, "one", "first"), (2, "two", "second"), (3, "three", "third"), (5, "five", "fifth"), (8, "eight", "eighth"),
    (9, "nine", "ninth"), (12, "twelve", "twelfth"), (13, "thirteen", "thirteenth"), (20, "twenty", "twentieth"),
    (31, "thirty-one", "thirty-first"), (40, "forty", "fortieth"), (67, "sixty-seven", "sixty-seventh"),
    (73, "seventy-three", "seventy-third"), (74, "seventy-four", "seventy-fourth"), (75, "seventy-five", "seventy-fifth"),
    (76, "seventy-six", "seventy-sixth"), (99, "ninety-nine", "ninety-ninth"),
])
def test_numbers_in_words(n, word, ordinal):
    assert number_word(n) == word and ordinal_word(n) == ordinal


@pytest.mark.parametrize("n", [0, 100])
def test_numbers_outside_1_to_99_are_refused(n):
    with pytest.raises(ValueError):
        ordinal_word(n)


def test_every_session_the_documents_name_is_one_of_the_words(document: ParsedDocument):
    """The words 1-99 include every "…th session" of the document's text, as it writes them."""
    text = " ".join(u.text for u in document.units).lower()
    written = set(re.findall(r"\b([a-z]+-[a-z]+) session\b", text))
    # draft resolution I, footnotes 4 and 5: "Official Records of the General Assembly, Sixty-seventh Session", "Sixty-ninth Session"
    assert written == {"sixty-seventh", "sixty-ninth", "seventy-third", "seventy-fourth", "seventy-fifth", "seventy-sixth"}
    assert written <= {ordinal_word(n) for n in range(1, 100)}


@pytest.mark.parametrize("question, words", [
    ("Where does it say the working group will report to the 75th session?", ["seventy-fifth"]),
    ("What is on the agenda of the 74th session?", ["seventy-fourth"]),
    ("Which item was on the agenda of the 73rd session?", ["seventy-third"]),
    ("When does the group report, at the 76th or the 75th session?", ["seventy-sixth", "seventy-fifth"]),
    ("What happens at session 75?", ["seventy-fifth"]),
    ("What did the 31st meeting adopt?", []),  # meetings are written in figures
    ("What did the First Committee decide at its 1st session?", []),  # "first" is there already
    ("What happened in 2019 at the 100th meeting?", []),  # years and three-digit numbers are left alone
])
def test_numeric_ordinals_get_their_words(question, words):
    assert ordinal_words(question) == words
    assert expand(question).startswith(question) and all(w in expand(question) for w in words)


@pytest.mark.parametrize("question, sessions", [
    ("Where does it say the working group will report to the 75th session?", ["seventy-fifth session"]),
    ("Where does it say the working group will report to the seventy-fifth session?", ["seventy-fifth session"]),
    ("What is on the agenda of the 74 session?", ["seventy-fourth session"]),
    ("When is the organizational session of the open-ended working group?", []),
    ("What did the 31st meeting adopt?", []),
])
def test_named_sessions(question, sessions):
    assert named_sessions(question) == sessions


@pytest.fixture(scope="module")
def retriever() -> Retriever:
    documents = parse_files([PROJECT_ROOT / "corpus" / "A_73_505.txt"])
    return Retriever(documents, dense=None)


@pytest.mark.parametrize("question, locator", [
    ("Where does it say the working group will report to the 75th session?", "DR-I.OP-5"),
    ("Which group reports to the General Assembly at its 76th session?", "DR-II.OP-3"),
])
def test_bm25_finds_the_paragraph_that_names_the_session(retriever, question, locator):
    assert retriever.search(question, 3)[0].unit.locator == locator


@pytest.mark.slow
def test_the_assistant_cites_the_paragraph_of_the_75th_session(assistant):
    answer = assistant.answer("Where does it say the working group will report to the 75th session?")
    assert not answer.abstained and "seventy-fifth session" in answer.text
    assert answer.citations[0].locator == "DR-I.OP-5"


@pytest.mark.slow
@pytest.mark.parametrize("question", ["when is the gge established", "When was the GGE to be established?"])
def test_the_gge_question_is_answered_in_any_case(assistant, question):
    """The embedder does not know "GGE"; closeness is also read spelled out.

    Draft resolution II, op. para. 3: the group of governmental experts is "to be established in 2019".
    """
    answer = assistant.answer(question)
    assert not answer.abstained and "to be established in 2019" in answer.text
    assert answer.citations[0].locator == "DR-II.OP-3"


def test_every_subject_expansion_matches_its_example() -> None:
    """Each entry of understand/subjects/*.toml carries an example question its pattern reads."""
    import tomllib

    from assistant.vocabulary import SUBJECTS, subjects

    entries = [e for path in sorted(SUBJECTS.glob("*.toml")) for section in ("expansion", "acronym")
               for e in tomllib.loads(path.read_text(encoding="utf-8")).get(section, [])]
    assert len(entries) == sum(len(part) for part in subjects()) > 50
    for entry in entries:
        assert re.search(entry["pattern"], entry["example"], re.I), entry["example"]
    assert "open-ended working group" in expand("What is the OEWG supposed to do?")
