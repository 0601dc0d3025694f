"""Kinds of question and document found by this round's fresh helpers, pure (no index, no model).

A Word report of another session (tests/data/formats/A_76_441.docx, written for the tests: three drafts, a draft
decision, a separate vote on a preambular paragraph, sponsors introduced "At the 15th meeting, on 20 October, …"),
beside A/73/505 and the 2023 documents. Each test is a mechanism: a paragraph named by its ordinal, an acronym of a
title, a short second question, a description that ends at a preposition, one body's vote placed where the body is
named, a meeting number claimed, a period of years for a body, a document no meeting record takes up.
"""

from pathlib import Path

import pytest

from assistant.entities import find_mentions
from assistant.router import read_question, route
from assistant.spelling import correct_spelling
from assistant.understand.parts import question_parts
from assistant.understand.profiles import profiles
from assistant.understand.scope import read_scope
from assistant.vocabulary import ordinal_number
from assistant.votes.votebook import DraftKey, VoteBook
from ingest.pipeline import parse_files
from ingest.records import ParsedDocument
from ingest.votes import unread_sponsorships

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests" / "data" / "formats"


@pytest.fixture(scope="module")
def corpus(four_documents) -> list[ParsedDocument]:  # type: ignore[no-untyped-def]
    return four_documents  # tests/assistant/conftest.py


@pytest.fixture(scope="module")
def space() -> list[ParsedDocument]:
    """A/73/505 and the Word report A/76/441 (2021, outer space)."""
    return parse_files([ROOT / "corpus" / "A_73_505.txt", FORMATS / "A_76_441.docx"])


def _answer(question: str, documents: list[ParsedDocument]) -> str:
    scope = read_scope(question, documents, profiles(documents))
    within = [d for d in documents if d.symbol in scope.documents]
    result = route(read_question(question, within, scope.described), VoteBook(within))
    assert result is not None, question
    return " ".join(c.text for c in result.claims)


def test_sponsors_introduced_at_a_numbered_meeting_are_read(space) -> None:  # type: ignore[no-untyped-def]
    report = next(d for d in space if d.symbol == "A/76/441")
    by_symbol = {s.draft_symbol: s for s in report.sponsorships}
    assert set(by_symbol) == {"A/C.1/76/L.3", "A/C.1/76/L.15/Rev.1", "A/C.1/76/L.22", "A/C.1/76/L.9"}
    assert by_symbol["A/C.1/76/L.3"].introduced_by == "Sri Lanka" and by_symbol["A/C.1/76/L.3"].introduced_on == "20 October 2021"
    assert len(by_symbol["A/C.1/76/L.15/Rev.1"].sponsors) == 40 and len(by_symbol["A/C.1/76/L.15/Rev.1"].joined_later) == 8
    assert report.warnings == ()


def test_an_introduction_that_cannot_be_read_is_a_warning(space) -> None:  # type: ignore[no-untyped-def]
    report = next(d for d in space if d.symbol == "A/76/441")
    unit = next(u for u in report.units if u.locator == "para-5")
    garbled = unit.model_copy(update={"text": "The representative of Sri Lanka introduced a draft resolution (A/C.1/76/L.3)."})
    assert len(unread_sponsorships([garbled])) == 1 and "para-5" in unread_sponsorships([garbled])[0]


def test_a_paragraph_named_by_its_ordinal_is_the_separate_vote_on_it(space) -> None:  # type: ignore[no-untyped-def]
    assert ordinal_number("eighth") == 8 and ordinal_number("21st") == 21 and ordinal_number("last") is None
    answer = _answer("how did france vote on keeping the eighth preambular paragraph of L.3?", space)
    assert answer.startswith("France voted against the eighth preambular paragraph") and "121 to 46" in answer
    assert "174 to 2" not in answer


def test_an_acronym_of_a_whole_title_names_its_draft(space) -> None:  # type: ignore[no-untyped-def]
    answer = _answer("how did israel vote on the PAROS text", space)
    assert answer.startswith("Israel voted against draft resolution I (A/C.1/76/L.3)")
    assert "L.9" not in answer  # the draft decision's longer title holds the phrase, but not as its acronym


def test_a_short_second_question_with_its_own_question_word_is_a_part() -> None:
    assert question_parts("what does op 2 of the HRC resolution say, and how many abstained?") == [
        "what does op 2 of the HRC resolution say?", "how many abstained?"]
    assert question_parts("how many abstentions on L37 , and who submitted it?") == ["how many abstentions on L37?", "who submitted it?"]
    assert question_parts("How many voted in favour and how many against?") == ["How many voted in favour and how many against?"]


def test_a_state_before_a_preposition_voted_it_did_not_introduce(corpus) -> None:  # type: ignore[no-untyped-def]
    assert [m.name for m in find_mentions("india, china and usa on it")][-1] == "United States of America"
    answer = _answer("vote of india, china and usa on the HRC resolution pls", corpus)
    assert "A/HRC/RES/54/18" in answer and "L.37" not in answer
    assert answer.count("voted in favour") == 2 and "United States of America voted against" in answer


def test_one_bodys_vote_goes_where_the_body_is_named(corpus) -> None:  # type: ignore[no-untyped-def]
    answer = _answer("Which countries switched from abstaining in committee to voting yes in the General Assembly on the "
                     "2018 OEWG resolution?", corpus)
    assert answer.startswith("2 Member States abstained on draft resolution I (A/C.1/73/L.27/Rev.1)") and "Brazil and Chile" in answer
    answer = _answer("which states voted against 73/27 in plenary but did not vote against L.27/Rev.1 in committee", corpus)
    assert "Marshall Islands" in answer


def test_a_separate_vote_named_without_its_draft(corpus) -> None:  # type: ignore[no-untyped-def]
    answer = _answer("which countries voted no on L.14 but yes on the OP1 paragraph vote?", corpus)
    assert answer.startswith("51 Member States voted against draft resolution I (A/C.1/78/L.14)")
    assert "operative paragraph 1 of draft resolution II (A/C.1/78/L.38/Rev.1)" in answer
    assert _answer("how did egypt vote in the separate paragraph vote?", corpus).startswith(
        "Egypt voted against operative paragraph 1 of draft resolution II")


def test_the_holders_of_a_position_named_by_a_noun(corpus) -> None:  # type: ignore[no-untyped-def]
    assert _answer("did any of the HRC abstainers vote against L.14?", corpus).startswith("No: No Member State voted against")
    answer = _answer("how did the opponents of L.37 vote on L.27/Rev.1?", corpus)
    assert answer.startswith("Of the 11 Member States that voted against draft resolution II (A/C.1/73/L.37)")


def test_a_meeting_claimed_is_checked(corpus) -> None:  # type: ignore[no-untyped-def]
    scope = read_scope("L.14 was adopted at the 30th meeting, yes?", corpus, profiles(corpus))
    assert scope.naming == ()  # the meeting is what the question claims, not words naming a document


def test_a_body_of_other_years_is_not_the_one_set_up(corpus) -> None:  # type: ignore[no-untyped-def]
    from assistant.understand.scope import document_years

    report = next(d for d in corpus if d.symbol == "A/73/505")
    assert document_years(report) == {"2018"}  # the 2021-2025 working group is of years the 2018 report's op. 5 lacks


def test_a_document_no_meeting_record_takes_up_gets_no_verdict(corpus) -> None:  # type: ignore[no-untyped-def]
    answer = _answer("Was the 2023 critical infrastructure resolution adopted by the GA in plenary?", corpus)
    assert answer.startswith("The documents do not record what the General Assembly did with draft resolution I (A/C.1/78/L.14)")
    assert "119 to 46" not in answer  # the 2018 plenary vote is on another draft
    deferred = _answer("Was L.37 adopted by the plenary?", corpus)
    assert deferred.startswith("No: A/73/PV.45")


def test_a_states_positions_on_each_vote_of_a_year(corpus) -> None:  # type: ignore[no-untyped-def]
    answer = _answer("how did iran vote on the 2023 votes?", corpus)
    assert answer.count("Iran (Islamic Republic of) voted") >= 3 and "Which vote do you mean" not in answer


def test_misspelt_sponsorship_verbs_are_read() -> None:
    assert correct_spelling("who submited it?", set())[0] == "who submitted it?"


def test_the_count_of_drafts_of_a_body_in_a_year(corpus) -> None:  # type: ignore[no-untyped-def]
    scope = read_scope("how many draft resolutions did the First Committee recommend in 2023", corpus, profiles(corpus))
    assert scope.documents == ("A/78/407",)  # not the Human Rights Council's resolution of the same year
    assert DraftKey("A/78/407", "I") in VoteBook([d for d in corpus if d.symbol in scope.documents]).votes


def test_what_a_resolution_is_about_is_its_summary_a_topic_is_not(corpus) -> None:  # type: ignore[no-untyped-def]
    from assistant import summary

    book = VoteBook(corpus)
    resolution = [d for d in corpus if d.symbol == "A/HRC/RES/54/18"]
    scope = read_scope("what is the HRC resolution about?", resolution, profiles(resolution))
    about = summary.of_drafts("what is the HRC resolution about?", read_question(
        "what is the HRC resolution about?", resolution, scope.described).drafts, resolution, book)
    assert about is not None and "Calls upon all States to promote equitable" in " ".join(c.text for c in about.claims)
    report = [d for d in corpus if d.symbol == "A/73/505"]
    topic = "What does draft resolution I say about human rights?"
    assert summary.of_drafts(topic, read_question(topic, report).drafts, report, book) is None


def test_one_plural_noun_shared_by_two_conjuncts_and_a_verdict_on_existence(corpus) -> None:  # type: ignore[no-untyped-def]
    both = _answer("which countries voted yes on both the russian and the american cyber drafts in 2018? how many", corpus)
    assert both.startswith("81 Member States voted in favour of both drafts, draft resolution I (A/C.1/73/L.27/Rev.1)")
    assert "L.37" in both and "73/27" not in both  # the committee's votes, not the plenary's as well
    none = _answer("was there any country that voted against both the russian and the american drafts in 2018?", corpus)
    assert none.startswith("No: No Member State voted against both drafts")


def test_a_word_of_the_documents_is_no_misspelt_state(space) -> None:  # type: ignore[no-untyped-def]
    asked = read_question("palau vote on prevention of arms race in outer space 2021", space)
    assert [m.name for m in asked.states] == ["Palau"]  # not "race" as France
    assert [m.name for m in read_question("how did Egpyt vote on L.37", space).states] == ["Egypt"]


def test_a_draft_adopted_without_a_vote_has_its_sponsors_and_its_meeting(space) -> None:  # type: ignore[no-untyped-def]
    book = VoteBook(space)
    decision = book.sponsorship(DraftKey("A/76/441", "decision I"))
    assert decision is not None and decision.introduced_by == "China" and len(decision.joined_later) == 3
    adopted = book.no_vote(DraftKey("A/76/441", "III"))
    assert "26th meeting" in adopted.facts  # "At the same meeting" in para. 12: the meeting is para. 11's


def test_which_documents_are_indexed(corpus) -> None:  # type: ignore[no-untyped-def]
    from assistant import summary

    listing = summary.corpus_listing("which documents do you have", corpus)
    assert listing is not None and listing.claims[0].text == "The documents indexed are 4:"
    assert [c.citations for c in listing.claims[1:]] == [(f"{d.symbol}#header",) for d in corpus]
    assert summary.corpus_listing("which documents does draft I cite?", corpus) is None


def test_a_footnote_of_a_bare_symbol_comes_with_what_the_text_says_of_it(space) -> None:  # type: ignore[no-untyped-def]
    from assistant.retrieval import Passage
    from assistant.selection import _describing

    units = {u.id: u for d in space for u in d.units}
    footnote, naming = units["A/76/441#DR-II.fn-8"], units["A/76/441#para-4(a)"]
    assert footnote.text.strip() == "A/76/77."
    ranked = [Passage(footnote, 1.0, None, 1.0, 1), Passage(naming, 0.5, None, 0.5, 2)]
    assert _describing("what is A/76/77 about", ranked[0], ranked, units).unit.id == naming.id
    assert _describing("which document is the report welcomed in draft II?", ranked[0], ranked, units) is None
    carrier = _describing("what is A/76/77?", ranked[0], ranked[:1], units)  # nothing retrieved names it: the paragraph carrying the marker
    assert carrier is not None and carrier.unit.id == "A/76/441#DR-II.OP-2"


def test_a_separate_vote_is_remembered_for_the_next_turns(space) -> None:  # type: ignore[no-untyped-def]
    from assistant.conversation import Conversation, remembered, rewrite

    answer = ("The eighth preambular paragraph of draft resolution I (A/C.1/76/L.3) of A/76/441 was retained by the First "
              "Committee at its 24th meeting, on 1 November 2021, by a recorded vote of 121 to 46, with 8 abstentions.")
    context = remembered("what was the separate vote in the space report", answer, space)
    assert context.endswith("(the eighth preambular paragraph of draft resolution I (A/C.1/76/L.3))?")
    conversation = Conversation()
    conversation.add("what was the separate vote in the space report", context, [], [])
    asked = rewrite("how did georgia vote on it", conversation, space)
    assert asked.endswith("(the eighth preambular paragraph of draft resolution I (A/C.1/76/L.3))?")
    conversation.add("how did georgia vote on it", asked, [], [])
    assert rewrite("and on the whole resolution?", conversation, space) == (
        "how did georgia vote on it (draft resolution I (A/C.1/76/L.3) as a whole)?")
    assert rewrite("what does that paragraph say", conversation, space).startswith("what does the eighth preambular paragraph")


def test_a_draft_named_with_its_symbol_in_brackets_is_that_draft(space) -> None:  # type: ignore[no-untyped-def]
    from assistant.drafts import find_drafts

    found, _ = find_drafts("draft resolution I (A/C.1/73/L.27/Rev.1) and draft resolution I", space)
    # the first is pinned by its symbol; the second, unbracketed, is each report's draft I (A/73/505's counted once)
    assert [(r.document, r.start) for r in found] == [("A/73/505", 0), ("A/76/441", 45)]


def test_what_happened_to_a_draft_is_its_action(corpus) -> None:  # type: ignore[no-untyped-def]
    from assistant.router import _asks_outcome

    assert _asks_outcome("what happend with draft resolution III at the 45th plenary meeting")
    assert _asks_outcome("what was the outcome of L.14?")
    assert not _asks_outcome("What happened to the programme budget implications statement for draft resolution I?")
    assert not _asks_outcome("what happened to the OEWG?")  # a body: what it did is not in the documents
    answer = _answer("what happend with draft resolution III at the 45th plenary meeting", corpus)
    assert "resolution 73/29" in answer and "without a vote" in answer
