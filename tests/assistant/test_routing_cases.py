"""Sponsor and vote questions that name a draft indirectly, carry a premise, or ask about both drafts.

Through the real assistant (``assistant.answer``). Expected values are read off A/73/505:
cover page (date), para. 5 (draft resolution I, submitted 8 November by the Russian Federation;
Guinea, Kyrgyzstan and Myanmar joined later), para. 6 (L.71), para. 7 (vote on draft resolution I,
109–45–16), para. 8 (draft resolution II, submitted 18 October by the United States of America),
para. 9 (L.72), para. 10 (vote on draft resolution II, 139–11–18).
"""

import pytest

pytestmark = pytest.mark.slow

# A/73/505, para. 7, "Abstaining:" (in the document's order)
ABSTAINED_ON_DRAFT_I = [
    "Antigua and Barbuda", "Bahamas", "Botswana", "Brazil", "Chile", "Côte d'Ivoire", "Equatorial Guinea", "Fiji", "Haiti",
    "Papua New Guinea", "Republic of Korea", "Republic of Moldova", "Rwanda", "Senegal", "Switzerland", "Turkey",
]


def locators(answer):
    return [c.locator for c in answer.citations]


def sentence_with(answer, words):
    """The first shown sentence containing ``words``, with its cited locators."""
    found = next((s for s in answer.sentences if words in s.text), None)
    assert found is not None, (words, answer.text)
    return found.text, {c.split("#", 1)[1] for c in found.citations}


def test_abstentions_on_draft_i_only(assistant):
    answer = assistant.answer("List all the States that abstained on draft resolution I.")
    assert "16 Member States abstained on draft resolution I" in answer.text
    assert answer.table is not None and [row[0] for row in answer.table["rows"]] == ABSTAINED_ON_DRAFT_I
    assert "draft resolution II" not in answer.text and "L.37" not in answer.text
    assert locators(answer) == ["para-7"]


def test_the_russian_introduced_draft_is_draft_i(assistant):
    answer = assistant.answer("How did China vote on the Russian-introduced draft?")
    assert "China voted in favour of draft resolution I" in answer.text
    assert "draft resolution II" not in answer.text
    assert locators(answer) == ["para-7"]


def test_the_russian_federation_on_its_own_draft(assistant):
    answer = assistant.answer("Did the Russian Federation vote for its own draft?")
    text, cited = sentence_with(answer, "submitted")
    assert "Draft resolution I" in text and "Russian Federation" in text and "para-5" in cited
    text, cited = sentence_with(answer, "voted in favour")
    assert "Russian Federation voted in favour of draft resolution I" in text and "para-7" in cited
    assert set(locators(answer)) == {"para-5", "para-7"}
    assert "para-10" not in locators(answer)


def test_a_state_that_introduced_no_draft(assistant):
    answer = assistant.answer("Did France vote for its own draft?")
    assert "France introduced none of the draft resolutions" in answer.text
    assert set(locators(answer)) == {"para-5", "para-8"}
    assert "France voted" not in answer.text


def test_a_premise_then_a_question_answers_the_question(assistant):
    answer = assistant.answer("Turkey co-sponsored L.37. How did it vote on draft resolution I?")
    assert "Turkey abstained on draft resolution I" in answer.text
    assert "para-7" in locators(answer) and "para-10" not in locators(answer)


def test_a_sponsor_that_is_not_recorded_as_voting(assistant):
    answer = assistant.answer("Malawi sponsored draft resolution I. How did it vote on it?")
    text, cited = sentence_with(answer, "not recorded as voting")
    assert text.startswith("Malawi is not recorded as voting on draft resolution I") and "para-7" in cited
    text, cited = sentence_with(answer, "original sponsor")
    assert text.startswith("Malawi was one of the original sponsors") and "para-5" in cited
    assert set(locators(answer)) == {"para-5", "para-7"}


def test_who_introduced_each_draft(assistant):
    answer = assistant.answer("Who introduced each of the two drafts?")
    text, cited = sentence_with(answer, "Russian Federation")
    assert "8 November 2018" in text and cited == {"para-5"}
    text, cited = sentence_with(answer, "United States of America")
    assert "18 October 2018" in text and cited == {"para-8"}


def test_which_draft_was_introduced_earlier(assistant):
    answer = assistant.answer("Which was introduced earlier, the Russian draft or the US draft?")
    assert "8 November 2018" in answer.text and "18 October 2018" in answer.text
    assert {"para-5", "para-8"} <= set(locators(answer))


def test_wider_support(assistant):
    answer = assistant.answer("Which draft received wider support, and by how many votes in favour?")
    assert "139" in answer.text and "109" in answer.text and "30 more" in answer.text
    assert {"para-7", "para-10"} <= set(locators(answer))


def test_sponsor_status_does_not_add_the_vote(assistant):
    answer = assistant.answer("Was Guinea an original sponsor of draft resolution I, or did it join later?")
    assert "subsequently joined" in answer.text and "Guinea" in answer.text
    assert locators(answer) == ["para-5"]


def test_programme_budget_documents(assistant):
    answer = assistant.answer("Which programme budget implications documents relate to each draft?")
    assert "L.71" in answer.text and "L.72" in answer.text
    assert {"para-6", "para-9"} <= set(locators(answer))


def test_date_of_the_report(assistant):
    answer = assistant.answer("What is the date of the report A/73/505?")
    assert "19 November 2018" in answer.text and not answer.abstained
    assert "header" in locators(answer)


def test_intended_votes_are_listed_from_footnotes_3_and_4(assistant):
    answer = assistant.answer("Which delegations later said they had intended to vote differently?")
    assert answer.table is not None
    assert [tuple(row) for row in answer.table["rows"]] == [
        ("Democratic Republic of the Congo", "A/C.1/73/L.27/Rev.1", "not recorded", "in favour"),
        ("Democratic Republic of the Congo", "A/C.1/73/L.37", "not recorded", "in favour"),
        ("Mozambique", "A/C.1/73/L.37", "in favour", "abstaining"),
        ("Pakistan", "A/C.1/73/L.37", "not recorded", "abstaining"),
    ]
    assert {"fn-3", "fn-4"} <= set(locators(answer))


def test_yes_on_one_draft_and_no_on_the_other(assistant):
    answer = assistant.answer("Who voted yes on the russian draft and no on the american one")
    assert answer.text.startswith("11 Member States voted in favour of draft resolution I")
    assert "Zimbabwe" in answer.text and locators(answer) == ["para-7", "para-10"]


def test_a_false_premise_gets_the_adoption(assistant):
    answer = assistant.answer("Draft resolution I was rejected, right?")
    assert "was adopted by the First Committee at its 31st meeting" in answer.text and "109 in favour" in answer.text


def test_a_draft_the_report_does_not_recommend(assistant):
    answer = assistant.answer("What was the vote on draft resolution III?")
    assert answer.text.startswith("Draft resolution III is not a draft resolution in the documents")
    assert "109" not in answer.text and not answer.citations


def test_which_draft_a_state_introduced(assistant):
    answer = assistant.answer("Which draft did the United States introduce?")
    assert "Draft resolution II (A/C.1/73/L.37) was submitted on 18 October 2018" in answer.text
    assert locators(answer) == ["para-8"]


def test_the_adoption_of_both_drafts(assistant):
    answer = assistant.answer("At which meeting were the drafts adopted?")
    assert answer.text.count("adopted by the First Committee at its 31st meeting, on 8 November 2018") == 2
    assert locators(answer) == ["para-7", "para-10"]


@pytest.mark.parametrize("question", ["Which draft is better?", "Should my country support the Russian draft?"])
def test_judgements_are_not_in_the_documents(assistant, question):
    answer = assistant.answer(question)
    assert answer.abstained and "not judgements of which draft is better" in answer.text


def test_follow_up_mechanisms_compared(assistant):
    """The UI's example comparison: the OEWG (DR-I OP 5) against the GGE (DR-II OP 3), not the GGE's consultations."""
    answer = assistant.answer("How do the two drafts differ on follow-up mechanisms?")
    assert [c.locator for c in answer.citations] == ["DR-I.OP-5", "DR-II.OP-3"]
    assert "open-ended working group" in answer.text and "group of governmental experts, to be established in 2019" in answer.text
