"""Whether a State introduced a draft: the records say who submitted it, when, and the State's own sponsorship (A/73/505,
paras. 5 and 8). Answered from the records with no retriever (``vote_assistant``)."""

import pytest


@pytest.mark.parametrize("question, lead", [
    ("Did France introduce L.37?", "No: The representative of the United States of America, not France, submitted draft "
                                   "resolution II (A/C.1/73/L.37) on 18 October 2018"),
    ("Did the United States table the GGE draft?", "Yes: The representative of the United States of America submitted draft "
                                                   "resolution II (A/C.1/73/L.37) on 18 October 2018"),
    ("Was draft I put forward by Russia?", "Yes: The representative of the Russian Federation submitted draft resolution I"),
    ("Did China present draft resolution II?", "No: The representative of the United States of America, not China,"),
])
def test_a_yes_no_question_on_the_introducer_is_answered_from_the_sponsorship_record(vote_assistant, question, lead):
    answer = vote_assistant.answer(question)
    assert answer.tool == "introducer_status" and answer.text.startswith(lead)


def test_a_state_that_did_not_introduce_is_placed_among_the_sponsors_or_not(vote_assistant):
    assert "France was one of the original sponsors of draft resolution II" in vote_assistant.answer("Did France introduce L.37?").text
    assert "China is not listed among the sponsors" in vote_assistant.answer("Did China present draft resolution II?").text


def test_sponsoring_is_not_introducing(vote_assistant):
    answer = vote_assistant.answer("Did France sponsor L.37?")
    assert answer.tool == "sponsor_status" and answer.text.startswith("Yes: France was one of the original sponsors")


def test_a_false_introducer_premise_is_corrected_once_and_answers_when(vote_assistant):
    answer = vote_assistant.answer("Since France introduced L.37, when did it do so?")
    assert answer.text.startswith("No: The representative of the United States of America, not France, submitted")
    assert answer.text.count("not France, submitted") == 1 and "18 October 2018" in answer.text


def test_a_table_of_votes_is_no_introducer_question(vote_assistant):
    assert vote_assistant.answer("Is there a table of Egypt's votes?").tool == "vote_position"


@pytest.mark.parametrize("question, introducer, symbol", [
    ("Who proposed the working group?", "Russian Federation", "A/C.1/73/L.27/Rev.1"),
    ("which country put forward the expert group", "United States of America", "A/C.1/73/L.37"),
    ("When was the GGE proposed?", "United States of America", "A/C.1/73/L.37"),
])
def test_who_proposed_a_body_is_who_introduced_the_draft_that_sets_it_up(vote_assistant, question, introducer, symbol):
    answer = vote_assistant.answer(question)
    assert answer.tool == "sponsors_introduced"
    assert f"({symbol}) was submitted on" in answer.text and f"by the representative of the {introducer}" in answer.text


def test_a_body_named_without_asking_who_proposed_it_names_no_draft(document):
    from assistant.router import read_question

    assert [r.number for r in read_question("Who proposed the working group?", [document]).drafts] == ["I"]
    assert read_question("Which paragraph sets up the working group?", [document]).drafts == []
    assert read_question("What will the expert group study?", [document]).drafts == []
