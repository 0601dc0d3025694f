"""Vote and sponsorship questions answered from the records (no model, no index).

Expected values are read off A/73/505: paras 5, 7, 8, 10 and footnotes 3 and 4.
"""

import pytest

from assistant.router import read_question, route
from assistant.votes.votebook import VoteBook


@pytest.fixture(scope="module")
def book(document):
    return VoteBook([document])


def ask(question, document, book):
    result = route(read_question(question, [document]), book)
    assert result is not None, question
    return " ".join(c.text for c in result.claims), {c for claim in result.claims for c in claim.citations}, result


@pytest.mark.parametrize("question, expected, citation", [
    ("How did France vote on draft resolution I?", "France voted against draft resolution I", "para-7"),
    ("How did Egypt vote on L.37?", "Egypt voted against draft resolution II", "para-10"),
    ("How did China vote on L.37?", "China voted against draft resolution II", "para-10"),
    ("How did Egypt vote on the Russian draft?", "Egypt voted in favour of draft resolution I", "para-7"),
    (
        "What was the UK's vote on the OEWG resolution?",
        "The United Kingdom of Great Britain and Northern Ireland voted against draft resolution I",
        "para-7",
    ),
    ("How did the USA vote on the GGE resolution?", "The United States of America voted in favour of draft resolution II", "para-10"),
    ("How did North Korea vote on L27?", "Democratic People's Republic of Korea voted in favour of draft resolution I", "para-7"),
    ("How did South Korea vote on resolution II?", "The Republic of Korea voted in favour of draft resolution II", "para-10"),
    ("how did ivory coast vote on a/c.1/73/l.27/rev.1", "Côte d'Ivoire abstained on draft resolution I", "para-7"),
    ("How did Türkiye vote on advancing responsible State behaviour?", "Turkey voted in favour of draft resolution II", "para-10"),
    ("How did North Macedonia vote on L.27/Rev.1?", "The former Yugoslav Republic of Macedonia voted against draft resolution I", "para-7"),
    ("How did Congo-Brazzaville vote on the US draft?", "Congo voted in favour of draft resolution II", "para-10"),
    ("How did Moldova vote on draft resolution I?", "The Republic of Moldova abstained on draft resolution I", "para-7"),
    ("How did Israel vote on draft resolution II?", "Israel voted in favour of draft resolution II", "para-10"),
])
def test_state_on_a_draft(document, book, question, expected, citation):
    text, cited, _ = ask(question, document, book)
    assert expected in text
    assert f"A/73/505#{citation}" in cited


def test_state_in_no_list_gets_the_footnote(document, book):
    text, cited, _ = ask("How did DR Congo vote on draft resolution I?", document, book)
    assert "not recorded as voting on draft resolution I" in text
    assert "intended to vote in favour" in text and cited >= {"A/73/505#para-7", "A/73/505#fn-3"}


def test_pakistan_and_mozambique_on_l37(document, book):
    text, cited, _ = ask("How did Pakistan vote on L.37?", document, book)
    assert "Pakistan is not recorded as voting" in text and "intended to abstain" in text and "A/73/505#fn-4" in cited
    text, _, _ = ask("How did Mozambique vote on L.37?", document, book)
    assert "Mozambique voted in favour of draft resolution II" in text and "intended to abstain" in text


def test_sponsor_not_recorded_says_both(document, book):
    text, cited, _ = ask("How did Malawi vote on draft resolution I?", document, book)
    assert "not recorded as voting" in text and "original sponsors" in text
    assert cited >= {"A/73/505#para-7", "A/73/505#para-5"}


def test_tallies(document, book):
    text, cited, result = ask("What was the recorded vote on L.27/Rev.1?", document, book)
    assert "109 in favour, 45 against and 16 abstaining" in text and "170 Member States" in text and "23 of the 193" in text
    assert cited == {"A/73/505#para-7"}
    text, _, _ = ask("What was the tally on L.37?", document, book)
    assert "139 in favour, 11 against and 18 abstaining" in text and "168 Member States" in text and "25 of the 193" in text


def test_difference(document, book):
    text, _, _ = ask("How many more votes in favour did L.37 get than L.27/Rev.1?", document, book)
    assert "139 votes in favour, 30 more than the 109" in text


@pytest.mark.parametrize("question, count, member", [
    ("Which States voted in favour of both drafts?", 81, "Argentina"),
    ("Which States abstained on both?", 7, "Senegal"),
    ("Which States voted against draft resolution I and in favour of draft resolution II?", 45, "France"),
    ("Which States voted in favour of draft resolution I and against draft resolution II?", 11, "Egypt"),
    ("Which States are recorded on only one of the drafts?", 10, "Pakistan"),
])
def test_set_questions_across_drafts(document, book, question, count, member):
    text, cited, result = ask(question, document, book)
    assert text.startswith(f"{count} Member States") and member in text
    assert len(result.table.rows) == count
    assert cited >= {"A/73/505#para-7", "A/73/505#para-10"}


def test_position_list(document, book):
    text, _, result = ask("Which countries voted against L.37?", document, book)
    assert text.startswith("11 Member States voted against draft resolution II")
    assert [r[0] for r in result.table.rows][:3] == ["Bolivia (Plurinational State of)", "China", "Cuba"]


def test_groups(document, book):
    text, _, _ = ask("How did EU members vote?", document, book)
    assert "European Union (28 Member States), on draft resolution I (A/C.1/73/L.27/Rev.1): 28 voted against" in text
    assert "on draft resolution II (A/C.1/73/L.37): 28 voted in favour" in text and "Group membership is not in the document" in text
    text, _, _ = ask("How did the P5 vote on L.37?", document, book)
    assert "3 voted in favour" in text and "2 voted against (China and Russian Federation)" in text


def test_sponsors(document, book):
    text, cited, _ = ask("Who introduced L.37 and when?", document, book)
    assert "submitted on 18 October 2018 by the representative of the United States of America" in text and cited == {"A/73/505#para-8"}
    text, _, _ = ask("Who sponsored both drafts?", document, book)
    assert text.startswith("5 States sponsored both") and "Sierra Leone" in text
    text, _, _ = ask("Was Kyrgyzstan an original sponsor of draft resolution I?", document, book)
    assert "not an original sponsor" in text and "subsequently joined" in text


@pytest.mark.parametrize("question", ["How did Atlantis vote on L.37?", "How did Wakanda vote on draft resolution I?"])
def test_not_a_member_state(document, book, question):
    text, cited, result = ask(question, document, book)
    assert "is not a United Nations Member State" in text and not result.covered and not cited


def test_a_symbol_that_is_no_draft(document, book):
    text, cited, result = ask("How did France vote on L.72?", document, book)
    assert "A/C.1/73/L.72 is not a draft resolution voted on" in text and "programme budget implications" in text
    assert cited == {"A/73/505#para-9"} and "France voted" not in text


def test_misspelling_resolves_and_says_so(document, book):
    text, _, _ = ask("How did Egpyt vote on L.37?", document, book)
    assert "Reading “Egpyt” as Egypt" in text and "Egypt voted against draft resolution II" in text


def test_content_questions_are_not_vote_questions(document, book):
    assert route(read_question("What does the text say about critical infrastructure?", [document]), book) is None


VOTE_QUESTIONS = [
    "How did France vote on draft resolution I?", "What was the recorded vote on L.37?", "Which States abstained on both?",
    "How many more votes did L.37 get?", "Which sponsors of L.27/Rev.1 are not recorded as voting on it?",
    "How many States were recorded as voting on both drafts?", "How did the African Group vote on L.37?",
    "Who sponsored both drafts?", "Which States did not vote on L.37?", "How did Pakistan vote?",
    "Which sponsors of draft resolution I voted against draft resolution II?", "Which States changed position?",
    "How did France vote on L.72?", "How did Atlantis vote on L.37?", "How did the DRC vote?", "What was the plenary vote on L.37?",
]


@pytest.mark.parametrize("question", VOTE_QUESTIONS)
def test_tool_answers_lose_no_sentence_to_the_support_check(document, question):
    from assistant.service import Assistant

    def no_retriever():
        raise AssertionError("a vote question must not build the retriever")

    answer = Assistant([document], no_retriever).answer(question)
    assert answer.tool and answer.sentences and answer.dropped == [], [d.text for d in answer.dropped]


def test_overlap_and_sponsor_cross_questions(document, book):
    text, _, _ = ask("How many States were recorded as voting on both drafts?", document, book)
    assert "164 Member States are recorded as voting on both" in text
    assert "88 took the same position" in text and "76 took different" in text
    text, _, _ = ask("Which sponsors of draft resolution I voted against draft resolution II?", document, book)
    assert "Of the 34 sponsors of draft resolution I" in text and "10 against (Bolivia (Plurinational State of), China" in text


def test_an_ambiguous_name_answers_for_each_state(document):
    from assistant.service import Assistant

    answer = Assistant([document], lambda: None).answer("How did Korea vote on draft resolution I?")
    assert "could mean the Democratic People's Republic of Korea or the Republic of Korea" in answer.text
    assert "Democratic People's Republic of Korea voted in favour of draft resolution I" in answer.text
    assert "The Republic of Korea abstained on draft resolution I" in answer.text


def test_a_repeated_question_is_answered_once(document):
    from assistant.service import Assistant

    answer = Assistant([document], lambda: None).answer("How did France vote on L.37? How did France vote on L.37?")
    assert answer.text.count("France voted in favour of draft resolution II") == 1
