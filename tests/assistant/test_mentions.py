"""The literal mention check (``assistant.mentions``), on the parsed document: no index, no model."""


import pytest

from assistant.mentions import asked_term, has_content, mentioned_in
from ingest.pipeline import parse_files
from ingest.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def units():
    return parse_files([PROJECT_ROOT / "corpus" / "A_73_505.txt"])[0].units


@pytest.mark.parametrize(("question", "term"), [
    ("Does draft II mention the right to privacy?", "the right to privacy"),
    ("Does the US draft make any reference to sovereignty?", "sovereignty"),
    ("What does draft II say about privacy?", None),
])
def test_the_term_asked_about(question, term):
    assert asked_term(question) == term


@pytest.mark.parametrize(("term", "draft", "locators"), [
    ("sovereignty", "I", ["DR-I.PP-18", "DR-I.OP-1.8"]),
    ("sovereignty", "II", []),
    ("resolution 36/103", "I", ["DR-I.PP-1"]),
    ("the African Union", "II", ["DR-II.OP-4"]),
])
def test_units_holding_every_word(units, term, draft, locators):
    assert [u.locator for u in mentioned_in(term, (u for u in units if u.draft == draft))] == locators


def test_a_term_without_content_is_not_looked_for():
    assert not has_content("it") and has_content("36/103") and has_content("the right to privacy")
