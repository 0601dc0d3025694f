"""Multi-turn sessions (``assistant.conversation.Conversation``) through the real assistant.

Expected values from A/73/505: para. 5 (Kazakhstan an original sponsor of draft resolution I),
para. 7 (Kazakhstan and Egypt in favour of draft resolution I), para. 10 (Kazakhstan and
Mozambique in favour of draft resolution II, Egypt against), footnote 4 (Mozambique intended
to abstain), draft resolution II, op. para. 5 ("two two-day informal consultative meetings").
"""

import pytest

from assistant.conversation import Conversation

pytestmark = pytest.mark.slow


def ask_all(assistant, questions, session=None):
    session = session if session is not None else Conversation()
    return [assistant.answer(q, session) for q in questions]


def test_the_state_and_the_draft_carry_through_three_turns(assistant):
    first, second, third = ask_all(assistant, [
        "How did Kazakhstan vote on the OEWG resolution?", "It sponsored it, didn't it?", "And how did it vote on L.37?"])
    assert "Kazakhstan voted in favour of draft resolution I" in first.text
    assert "Kazakhstan" in second.text and "original sponsor" in second.text
    assert "Kazakhstan voted in favour of draft resolution II" in third.text
    assert [c.locator for c in third.citations] == ["para-10"]


def test_intended_vote_follow_up_gets_the_footnote(assistant):
    _, last = ask_all(assistant, ["How did Mozambique vote on draft resolution II?", "Is that how it intended to vote?"])
    assert "Mozambique voted in favour" in last.text
    assert "intended to abstain" in last.text
    assert {"para-10", "fn-4"} <= {c.locator for c in last.citations}


def test_a_short_follow_up_carries_the_previous_question(assistant):
    _, last = ask_all(assistant, [
        "What does draft resolution II say about informal consultative meetings?", "How long is each meeting?"])
    assert "two-day" in last.text and not last.abstained
    assert "DR-II.OP-5" in [c.locator for c in last.citations]


def test_sessions_do_not_leak(assistant):
    egypt = Conversation()
    assert "Egypt voted against draft resolution II" in assistant.answer("How did Egypt vote on L.37?", egypt).text

    fresh = assistant.answer("And on the other draft?", Conversation())
    assert "Egypt" not in fresh.text and "Egypt" not in fresh.standalone

    # the first session still carries its own history
    same = assistant.answer("And on the other draft?", egypt)
    assert "Egypt voted in favour of draft resolution I" in same.text


def test_how_many_after_a_list(assistant):
    session = Conversation()
    assistant.answer("Which States abstained on both drafts?", session)
    answer = assistant.answer("How many is that?", session)
    assert answer.text.startswith("7 Member States abstained on both drafts") and not answer.abstained


def test_they_after_a_sponsor_list_are_the_sponsors(assistant):
    session = Conversation()
    assistant.answer("Who sponsored L.37?", session)
    answer = assistant.answer("Did they all vote for it?", session)
    assert "Of the 51 sponsors of draft resolution II" in answer.text and "48 in favour" in answer.text


def test_the_other_body(assistant):
    session = Conversation()
    first = assistant.answer("What is the OEWG supposed to do?", session)
    assert first.citations[0].locator == "DR-I.OP-5"
    answer = assistant.answer("And the GGE?", session)
    assert answer.citations[0].locator == "DR-II.OP-3"


def test_a_draft_named_only_by_the_answer_carries(assistant):
    session = Conversation()
    assistant.answer("Which draft did the United States introduce?", session)
    second = assistant.answer("How many votes in favour did it get?", session)
    assert second.text.startswith("139 Member States voted in favour of draft resolution II")
    third = assistant.answer("And how many against?", session)
    assert third.text.startswith("11 Member States voted against draft resolution II")


def test_the_other_draft_after_a_sponsorship_question(assistant):
    """Samoa joined in sponsoring draft II later (para. 8) and was an original sponsor of draft I (para. 5); in favour of both."""
    session = Conversation()
    assistant.answer("Is Samoa a sponsor of the American draft?", session)
    other = assistant.answer("and of the other?", session)
    assert other.text.startswith("Yes: Samoa was one of the original sponsors of draft resolution I")  # a yes/no question
    assert [c.locator for c in other.citations] == ["para-5"]
    each = assistant.answer("how did it vote on each?", session)
    assert "Samoa voted in favour of draft resolution I" in each.text and "Samoa voted in favour of draft resolution II" in each.text


def test_how_many_is_that_after_who_sponsored(assistant):
    session = Conversation()
    assistant.answer("Who sponsored L.37?", session)
    answer = assistant.answer("how many is that?", session)
    assert "51 sponsors in all" in answer.text and not answer.abstained


@pytest.mark.parametrize(("turns", "lead"), [
    (["Which States abstained on draft II?", "how did they vote on the other draft?"],
     "Of the 18 Member States that abstained on draft resolution II (A/C.1/73/L.37), on draft resolution I"),
    (["Which States voted against draft II?", "Which of those sponsored draft I?"],
     "Of the 11 Member States that voted against draft resolution II (A/C.1/73/L.37), 10 sponsored draft resolution I"),
    (["how many abstentions were there on l27", "and how many on the other?"], "18 Member States abstained on draft resolution II"),
    (["When was draft resolution L.37 introduced, and by whom?", "And when was it adopted?"],
     "Draft resolution II (A/C.1/73/L.37) was adopted by the First Committee at its 31st meeting, on 8 November 2018"),
])
def test_those_states_and_the_other_draft_carry_over(assistant, turns, lead):
    last = ask_all(assistant, turns)[-1]
    assert last.text.startswith(lead), last.text


def test_which_of_them_after_a_count(assistant):
    last = ask_all(assistant, ["Which States voted against draft I?", "how many is that?", "and which of them are EU members?"])[-1]
    assert "European Union (28 Member States): 28 (100.0 per cent) voted against draft resolution I (A/C.1/73/L.27/Rev.1)" in last.text


def test_how_the_sponsors_of_both_voted(assistant):
    """Samoa and Guinea in favour of both; the DRC, Malawi and Sierra Leone in no list (paras 7 and 10)."""
    last = ask_all(assistant, ["Which States sponsored both drafts?", "How did they vote?"])[-1]
    assert "Samoa (in favour on I, in favour on II)" in last.text and "Malawi (not recorded on I, not recorded on II)" in last.text


@pytest.mark.parametrize("question", ["and the other one?", "How did they vote on it?", "And on the other draft?"])
def test_a_follow_up_with_nothing_before_it_asks_what_it_refers_to(assistant, question):
    """A new session, or the chat after Clear: nothing to refer to, so no unrelated paragraph is quoted."""
    answer = assistant.answer(question, Conversation())
    assert answer.citations == [] and answer.abstained and answer.grade == "not covered"
    assert "no earlier question in this conversation" in answer.text
    assert assistant.answer("Who introduced each draft and on what date?", Conversation()).tool == "sponsors_introduced"
