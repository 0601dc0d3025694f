"""A group's members in the positions asked, follow-ups that keep what the previous question asked, votes cast.

Expected values read from A/73/505 by hand: para. 7 (draft I: 109–45–16; abstaining include Fiji, Papua New
Guinea and the Republic of Korea; in favour include Armenia, Azerbaijan, Belarus, Bosnia and Herzegovina, the
Russian Federation and Serbia), para. 10 (draft II: 139–11–18; abstaining include the African States Algeria,
Angola, Botswana, Burundi, Côte d'Ivoire, Equatorial Guinea, Namibia, Rwanda, Senegal and Uganda; against:
Bolivia, China, Cuba, the DPRK, Egypt, Iran, Nicaragua, the Russian Federation, Syria, Venezuela, Zimbabwe).
Group memberships are ingest/data/groups.json (United Nations regional groups, November 2018).
Before this, every group question got the group's whole breakdown and "which of them …" lost the position.
"""

import pytest

from assistant.conversation import Conversation

pytestmark = pytest.mark.slow

AFRICAN_ABSTAINING_ON_II = ("Algeria, Angola, Botswana, Burundi, Côte d'Ivoire, Equatorial Guinea, Namibia, Rwanda, "
                            "Senegal and Uganda")


def ask_all(assistant, questions):  # type: ignore[no-untyped-def]
    session = Conversation()
    return [assistant.answer(q, session) for q in questions]


def test_a_group_in_one_position_is_listed_with_its_share(assistant):
    answer = assistant.answer("Which African States abstained on draft II?")
    assert answer.tool == "vote_group"
    assert f"African Group (54 Member States): 10 (18.5 per cent) abstained on draft resolution II (A/C.1/73/L.37): " \
           f"{AFRICAN_ABSTAINING_ON_II}." in answer.text
    assert "voted in favour" not in answer.text  # not the whole breakdown
    assert "Group membership is not in the document" in answer.text


def test_a_group_with_none_in_the_position_says_none(assistant):
    answer = assistant.answer("Which EU members voted against draft II?")
    assert "European Union (28 Member States): none voted against draft resolution II" in answer.text


def test_a_group_question_without_a_position_keeps_the_breakdown(assistant):
    answer = assistant.answer("How did the Eastern European Group vote on draft I?")
    assert "6 voted in favour" in answer.text and "16 voted against" in answer.text and "1 abstained (Republic of Moldova)" in answer.text


def test_a_group_in_the_same_position_on_both_drafts(assistant):
    answer = assistant.answer("Which Eastern European States voted in favour of both drafts?")
    assert answer.tool == "vote_cross"
    assert "Eastern European Group (23 Member States): 4 voted in favour of both drafts" in answer.text
    assert "Armenia, Azerbaijan, Bosnia and Herzegovina and Serbia." in answer.text
    assert "Belarus" not in answer.text  # in favour of I, abstained on II


def test_which_of_them_keeps_the_group_and_its_position(assistant):
    first, second = ask_all(assistant, ["Which Eastern European States voted for the Russian draft?",
                                        "Which of them also voted for the American one?"])
    assert "6 (26.1 per cent) voted in favour of draft resolution I" in first.text
    assert "that voted for the Russian draft" in second.standalone
    assert "4 voted in favour of both drafts" in second.text and "Russian Federation" not in second.text


def test_how_did_they_vote_groups_the_groups_members_by_position_on_the_other_draft(assistant):
    _, second = ask_all(assistant, ["Which Asia-Pacific States abstained on the Russian draft?", "How did they vote on the US one?"])
    assert second.tool == "vote_then"
    assert ("Of the 3 Member States of the Asia-Pacific Group (54 Member States) that abstained on draft resolution I "
            "(A/C.1/73/L.27/Rev.1), on draft resolution II (A/C.1/73/L.37): 1 voted in favour (Republic of Korea); "
            "2 abstained (Fiji and Papua New Guinea).") in second.text


def test_which_of_them_are_african_filters_the_previous_list(assistant):
    _, second = ask_all(assistant, ["Which States abstained on draft II?", "Which of them are African?"])
    assert f"10 (18.5 per cent) abstained on draft resolution II (A/C.1/73/L.37): {AFRICAN_ABSTAINING_ON_II}." in second.text
    assert "Belarus" not in second.text and "Myanmar" not in second.text


def test_a_group_named_after_a_list_with_that(assistant):
    _, second = ask_all(assistant, ["List the countries that voted no on the GGE draft.", "Which of them are Latin American?"])
    assert second.standalone == "Which of the States that voted no on the GGE draft are Latin American States?"
    assert "4 (12.1 per cent) voted against draft resolution II" in second.text
    assert "Bolivia (Plurinational State of), Cuba, Nicaragua and Venezuela (Bolivarian Republic of)." in second.text


@pytest.mark.parametrize("follow_up", ["What's the difference?", "By how much?", "so what is the gap"])
def test_the_difference_after_two_counts(assistant, follow_up):
    *_, last = ask_all(assistant, ["How many voted in favour of draft I?", "And of draft II?", follow_up])
    assert last.tool == "vote_compare"
    assert "139 votes in favour, 30 more than the 109 for draft resolution I" in last.text


def test_votes_cast_leave_abstentions_out(assistant):
    first = assistant.answer("What share of the votes cast were in favour of draft II?")
    assert "139 of 150 (92.7 per cent) in favour" in first.text
    assert "not from the report" in first.text
    second = assistant.answer("What share of the votes cast went to draft I?")
    assert "109 of 154 (70.8 per cent) in favour" in second.text
