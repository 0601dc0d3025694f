"""A conversation completed from what each answer was about (``Answer.about``), not from the words of earlier questions.

Pure: parsed documents only (A/73/505, the 2023 report A/78/407, the HRC resolution, the plenary record, and the Word
report A/76/441), no index and no model. Each test is a kind a fresh helper found failing in conversations: the State of a
vote carried to another draft, body or part; the set of States an answer listed carried by "they"; a paragraph quoted,
then "who voted against it?" (its separate vote); one of two drafts adopted without a vote.
"""

from pathlib import Path

import pytest

from assistant.answers import About
from assistant.compose import about_of
from assistant.conversation import Conversation, _asks_what_it_says, remembered, rewrite
from assistant.understand.parts import question_parts
from assistant.votes import crossvotes
from assistant.votes.votebook import DraftKey, VoteBook, part_key
from ingest.pipeline import parse_files
from ingest.records import ParsedDocument

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def five(four_documents) -> list[ParsedDocument]:  # type: ignore[no-untyped-def]
    return [*four_documents, *parse_files([ROOT / "tests" / "data" / "formats" / "A_76_441.docx"])]


def _after(question: str, about: About, documents: list[ParsedDocument], follow_up: str) -> str:
    conversation = Conversation()
    conversation.add(question, question, [], [], about)
    return rewrite(follow_up, conversation, documents)


def test_what_a_vote_answer_is_about_comes_from_the_tool_s_records(five):
    book = VoteBook(five)
    ghana = about_of(book.position("Ghana", DraftKey("A/73/505", "II")))
    assert ghana.states == ["Ghana"] and ghana.drafts == ["A/C.1/73/L.37"] and ghana.part == ""
    against = about_of(book.listing(DraftKey("A/73/505", "II"), "against"))
    assert against.position == "against" and len(against.listed) == 11 and against.drafts == ["A/C.1/73/L.37"]  # para. 10
    separate = next(v for v in book.part_votes if v.symbol == "A/76/441")  # para. 6 (a): retained 121-46-8
    swiss = about_of(book.position("Switzerland", part_key(separate)))
    assert swiss.part == "the eighth preambular paragraph" and swiss.drafts == ["A/C.1/76/L.3"]


def test_a_state_s_vote_is_carried_to_the_body_the_follow_up_names(five):
    about = About(states=["Ghana"], drafts=["A/C.1/73/L.37"])
    asked = _after("how did ghana vote on the US one?", about, five, "in the general assembly?")
    assert asked == "How did Ghana vote on draft resolution II (A/C.1/73/L.37) in the general assembly?"


def test_the_whole_draft_after_its_separate_vote_and_a_draft_of_its_own_described(five):
    about = About(states=["Switzerland"], drafts=["A/C.1/76/L.3"])
    asked = _after("did switzerland vote for the 8th preambular para?", about, five, "and the resolution as a whole?")
    assert asked == "How did Switzerland vote on draft resolution I (A/C.1/76/L.3) as a whole?"
    about = About(states=["Mozambique"], drafts=["A/C.1/73/L.27/Rev.1"])
    asked = _after("How did Mozambique vote on Russia's 2018 cyber draft?", about, five, "and on L.14?")
    assert asked == "How did Mozambique vote on L.14?"


def test_they_after_a_list_are_the_states_listed_named_from_the_record(five):
    about = About(drafts=["A/C.1/73/L.37"], listed=["China", "Cuba"], position="against")
    asked = _after("which countries voted no on the US cyber draft in 2018", about, five, "how did they vote on L.27/Rev.1?")
    assert asked == "how did the States that voted against draft resolution II (A/C.1/73/L.37) vote on L.27/Rev.1?"
    about = About(drafts=["A/C.1/76/L.3"], listed=["France"], position="against", part="the eighth preambular paragraph")
    asked = _after("who voted against keeping it", about, five, "how did they vote on L.15/Rev.1?")
    assert asked.startswith("how did the States that voted against the eighth preambular paragraph of draft resolution I (A/C.1/76/L.3)")


def test_a_quoted_paragraph_put_to_a_separate_vote_is_remembered_with_that_vote(five):
    # A/76/441 para. 6 (a): the eighth preambular paragraph of L.3 was retained by a separate recorded vote
    context = remembered("what is the 8th preambular paragraph of L.3 about", "…", five, ["A/76/441#DR-I.PP-8"])
    assert context.endswith("(the eighth preambular paragraph of draft resolution I (A/C.1/76/L.3))?")
    assert remembered("what does op 2 of L.3 say", "…", five, ["A/76/441#DR-I.OP-2"]) == "what does op 2 of L.3 say"


def test_a_vote_question_does_not_ask_what_the_text_says():
    assert _asks_what_it_says("What was it about?") and not _asks_what_it_says("who voted against it?")


def test_one_of_two_drafts_adopted_without_a_vote_is_named_as_that_one(five):
    # L.61 (decision) was voted, 164-2-9; L.52 (draft resolution III) was adopted without a vote (A/78/407, para. 10)
    result = crossvotes.then_on(VoteBook(five), DraftKey("A/78/407", "decision I"), "against", DraftKey("A/78/407", "III"))
    assert "A/C.1/78/L.52" in result.claims[0].text and "without a vote" in result.claims[0].text


def test_a_joined_question_with_its_own_verb_is_a_part_of_its_own():
    assert question_parts("How did China vote on L.37, and what is its title?") == ["How did China vote on L.37?", "what is its title?"]
    assert question_parts("At what meeting did the HRC adopt 54/18 and under which agenda item") == [
        "At what meeting did the HRC adopt 54/18?", "Under which agenda item did the HRC adopt 54/18?"]


def test_one_after_a_description_keeps_to_its_documents_and_also_joins_two_drafts_in_one_position(five):
    from assistant.router import read_question, route
    from assistant.understand.profiles import profiles
    from assistant.understand.scope import read_scope

    question = "which countries abstained on the US draft in 2018 and also on the russian one"
    scope = read_scope(question, five, profiles(five))
    assert [[(k.document, k.number) for k in d.keys] for d in scope.described] == [[("A/73/505", "II")], [("A/73/505", "I")]]
    result = route(read_question(question, five, scope.described), VoteBook(five))
    # paras. 7 and 10 of A/73/505: the seven States in both abstaining lists
    assert result is not None and result.claims[0].text.startswith("7 Member States abstained on both drafts")


def test_drafts_named_as_answers_name_them(five):
    from assistant.conversation import draft_words
    from assistant.drafts import DraftRef

    assert draft_words(DraftRef("A/HRC/RES/54/18", "A/HRC/RES/54/18", "A/HRC/RES/54/18", "", 0, 0)) == "resolution A/HRC/RES/54/18"
    assert draft_words(DraftRef("A/73/PV.45", "I", "A/73/505", "", 0, 0)) == "draft resolution I of A/73/505"  # the plenary's vote
    assert draft_words(DraftRef("A/78/407", "decision I", "A/C.1/78/L.61", "", 0, 0)) == "draft decision I (A/C.1/78/L.61)"


def test_why_points_to_the_meeting_records_of_the_document_asked_about(five):
    from assistant.scope import meeting_records

    assert meeting_records([d for d in five if d.symbol == "A/78/407"]).startswith("A/C.1/78/PV.24 to A/C.1/78/PV.31")
    assert meeting_records([d for d in five if d.symbol == "A/76/441"]).startswith("A/C.1/76/PV.1 to A/C.1/76/PV.27")
    assert meeting_records(five).startswith("A/C.1/73/PV.1 to A/C.1/73/PV.31")  # the first document's, for all of them


def test_a_pro_form_for_parts_of_a_text_takes_the_noun_of_the_part_before():
    from assistant.understand.parts import with_part_noun

    before = "How many operative paragraphs are in the HRC resolution?"
    assert with_part_noun("what is the last one about?", before) == "what is the last operative paragraph about?"
    assert with_part_noun("how many operative ones?", "How many preambular paragraphs does L.14 have?") == "how many operative paragraphs?"
    assert with_part_noun("and the first one?", "how did ghana vote on L.37?") == "and the first one?"  # no part of a text before


def test_a_resolution_s_own_paragraphs_by_ordinal_and_by_plain_number(five):
    from assistant.retrieval import _PARA_RE, _locators

    match = _PARA_RE.search("what does paragraph 3 of the hrc resolution ask for")
    assert match is not None and "OP-3" in _locators(match, None)  # A/HRC/RES/54/18's paragraphs are operative paragraphs


def test_a_list_is_asked_again_of_the_other_draft_or_another_body(five):
    about = About(drafts=["A/C.1/73/L.27/Rev.1"], listed=["Albania"], position="against")
    assert _after("who voted no on the first one", about, five, "and the other one?") == \
        "Which States voted against draft resolution II (A/C.1/73/L.37)?"
    about = About(drafts=["A/C.1/73/L.37"], listed=["Algeria"], position="abstaining")
    assert _after("which states abstained on L.37", about, five, "and on L.27/Rev.1?") == "Which States abstained on L.27/Rev.1?"


def test_it_after_asking_which_passage_is_that_passage_not_the_draft(five):
    about = About()
    asked = _after("Which part of the Russian 2018 cyber draft deals with fake news?", about, five, "what does it say?")
    assert asked == "what does it say? (Which part of the Russian 2018 cyber draft deals with fake news)"


def test_a_set_no_one_position_describes_is_named_state_by_state(five):
    about = About(drafts=["A/C.1/73/L.27/Rev.1", "A/C.1/73/L.37"], listed=["Botswana", "Fiji", "Senegal"])
    asked = _after("which countries abstained on the US draft and also on the russian one", about, five, "how did those vote on L.14")
    assert asked == "how did Botswana, Fiji and Senegal vote on L.14"


def test_a_state_in_a_description_beside_a_symbol_is_not_the_state_asked(five):
    from assistant.router import read_question
    from assistant.understand.profiles import profiles
    from assistant.understand.scope import read_scope

    question = "who abstained on the brazil decision L.61?"
    asked = read_question(question, five, read_scope(question, five, profiles(five)).described)
    assert not asked.states and [(r.document, r.number) for r in asked.drafts] == [("A/78/407", "decision I")]


def test_a_separate_vote_asked_of_a_paragraph_that_had_none_is_no(five):
    from assistant.router import read_question, route
    from assistant.understand.profiles import profiles
    from assistant.understand.scope import read_scope

    # A/78/407 para. 8 (a): the one separate vote on L.38/Rev.1 was on operative paragraph 1, not 3
    question = "was there a separate vote on op 3 of the dutch draft?"
    result = route(read_question(question, five, read_scope(question, five, profiles(five)).described), VoteBook(five))
    assert result is not None and result.claims[0].text.startswith("No: The documents record no separate vote on op 3")
    assert "operative paragraph 1 of draft resolution II (A/C.1/78/L.38/Rev.1)" in result.claims[0].text


def test_the_reverse_of_two_drafts_numbered_alike_in_two_reports(five):
    # draft resolution I of A/78/407 (L.14) and draft resolution I of A/73/505 (L.27/Rev.1) are two drafts
    asked = _after("which countries voted against L.14 but not against L.27/Rev.1?", About(), five, "and the reverse?")
    assert asked == "which countries voted against L.27/Rev.1 but not against L.14?"


def test_how_many_of_the_states_named_is_counted_among_them(five):
    from assistant.router import read_question, route

    # A/78/407 para. 5 (L.14): Canada, Georgia and Japan against; A/73/505 para. 10 (L.37): Belgium, France, Germany in favour
    result = route(read_question("how many of Canada, Georgia and Japan voted against L.14?", five), VoteBook(five))
    assert result is not None and result.tool == "vote_among"
    assert result.claims[0].text.startswith("Of the 3 Member States named, 3 voted against draft resolution I (A/C.1/78/L.14)")
    result = route(read_question("which of Belgium, France and Germany voted against L.37?", five), VoteBook(five))
    assert result is not None and result.claims[0].text.startswith("Of the 3 Member States named, none voted against")
    assert "Belgium voted in favour of it" in result.claims[0].text
    assert route(read_question("How did Egypt and Cuba vote on L.37?", five), VoteBook(five)).tool == "vote_position"  # type: ignore[union-attr]
