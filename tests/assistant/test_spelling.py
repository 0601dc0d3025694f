"""The misspelling reader (``assistant.spelling``), pure: no index, no model."""

import pytest

from assistant.spelling import correct_spelling, spelling_note

KNOWN = {"noting", "adopted", "voters"}


@pytest.mark.parametrize(("typed", "meant"), [
    ("resolutoin", "resolution"), ("abstian", "abstain"), ("agianst", "against"), ("sponsered", "sponsored"),
    ("favuor", "favour"), ("Resolutoin", "Resolution"),
])
def test_one_edit_from_a_vote_word_is_corrected(typed, meant):
    assert correct_spelling(f"How did Egypt vote on the {typed}?", KNOWN) == (f"How did Egypt vote on the {meant}?", [(typed, meant)])


@pytest.mark.parametrize("word", ["noting", "voter", "Egpyt", "favours", "paragraphs", "absent", "drafted"])
def test_words_of_the_documents_plurals_short_and_distant_words_are_left(word):
    assert correct_spelling(f"What about {word}?", KNOWN) == (f"What about {word}?", [])


def test_the_note_names_each_correction():
    assert spelling_note([("resolutoin", "resolution"), ("agianst", "against")]) == (
        "Reading \u201cresolutoin\u201d as \u201cresolution\u201d, \u201cagianst\u201d as \u201cagainst\u201d.")


def test_an_introducers_adjective_is_a_target_only_when_given() -> None:
    """'rusian' is read as 'russian' when a draft of the corpus was introduced by the Russian Federation (its records)."""
    from assistant.spelling import introducer_adjectives

    targets = introducer_adjectives({"Russian Federation"})
    assert "russian" in targets
    assert correct_spelling("How did Peru vote on the rusian draft?", KNOWN, targets)[0] == "How did Peru vote on the russian draft?"
    assert correct_spelling("How did Peru vote on the rusian draft?", KNOWN) == ("How did Peru vote on the rusian draft?", [])


def test_a_misspelt_verb_of_a_sponsorship_question_is_read() -> None:
    assert correct_spelling("who submited it?", KNOWN) == ("who submitted it?", [("submited", "submitted")])
