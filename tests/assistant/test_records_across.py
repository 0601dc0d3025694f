"""Reading and records across documents and bodies, pure (no index, no model): A/73/505 with the documents written for
the tests (tests/data/formats: a 2023 report of three drafts and a draft decision, a Human Rights Council resolution,
a plenary record), parsed from their text files.

The same draft voted in the First Committee and in the plenary; a description naming two years; the adjective of any
Member State; a group's members on a body of 47; verdicts on a change of vote and on a set of States; titles of
documents and of drafts adopted without a vote; drafts compared on no named aspect.
"""

from pathlib import Path

import pytest

from assistant import summary
from assistant.entities import find_mentions
from assistant.router import merge, read_question
from assistant.understand.lexicon import lexicon
from assistant.understand.profiles import profiles
from assistant.understand.scope import read_scope
from assistant.verdict import change_verdict, members_verdict
from assistant.votes import crossvotes, sponsors
from assistant.votes.votebook import DraftKey, VoteBook
from ingest.member_states import roster
from ingest.pipeline import parse_files
from ingest.records import ParsedDocument

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests" / "data" / "formats"
COMMITTEE, PLENARY = DraftKey("A/73/505", "I"), DraftKey("A/73/PV.45", "I")


@pytest.fixture(scope="module")
def corpus() -> list[ParsedDocument]:
    files = [ROOT / "corpus" / "A_73_505.txt", *(FORMATS / f for f in ("A_78_407.txt", "A_HRC_RES_54_18.txt", "A_73_PV_45.txt"))]
    return parse_files(files)


@pytest.fixture(scope="module")
def book(corpus) -> VoteBook:  # type: ignore[no-untyped-def]
    return VoteBook(corpus)


def test_the_same_draft_voted_in_two_bodies(book) -> None:  # type: ignore[no-untyped-def]
    assert book.draft_voted(COMMITTEE) == book.draft_voted(PLENARY) == "A/C.1/73/L.27/Rev.1"
    bodies = book.bodies_named("How did Mexico vote on L.27/Rev.1 in committee and in the plenary?")
    assert bodies == ["First Committee", "General Assembly"]  # 'in committee', 'plenary': ingest/data/bodies.json
    assert book.in_bodies([COMMITTEE], bodies) == [COMMITTEE, PLENARY]
    assert book.in_bodies([DraftKey("A/78/407", "I")], bodies) == []  # L.14: no plenary vote in these documents


def test_states_that_changed_between_committee_and_plenary(book) -> None:  # type: ignore[no-untyped-def]
    lead = crossvotes.changed(book, COMMITTEE, PLENARY).claims[0].text
    assert lead.startswith("2 Member States recorded in both votes took different positions")
    assert lead.endswith("Brazil (abstaining in the First Committee, in favour in the General Assembly); "
                         "Chile (abstaining in the First Committee, in favour in the General Assembly).")


def test_a_change_of_vote_gets_a_verdict(book) -> None:  # type: ignore[no-untyped-def]
    question = "Did Brazil change its vote between the committee and the plenary?"
    asked = read_question(question, [])
    changed = change_verdict(question, merge([book.position("Brazil", k) for k in (COMMITTEE, PLENARY)], asked))
    assert changed.claims[0].text.startswith("Yes: Brazil abstained on draft resolution I (A/C.1/73/L.27/Rev.1)")
    kept = change_verdict(question.replace("Brazil", "Mexico"), merge([book.position("Mexico", k) for k in (COMMITTEE, PLENARY)], asked))
    assert kept.claims[0].text.startswith("No: Mexico voted in favour")


def test_a_set_of_states_gets_a_verdict_on_any_of_them(book) -> None:  # type: ignore[no-untyped-def]
    l52, l14 = DraftKey("A/78/407", "III"), DraftKey("A/78/407", "I")
    question = "Did any of the sponsors of L.52 vote against L.14?"
    asked = read_question(question, [])
    result = members_verdict(question, asked.positions, sponsors.sponsor_votes(book, l52, l14))
    assert result.claims[0].text.startswith("No: Of the 10 sponsors of draft resolution III (A/C.1/78/L.52) of A/78/407")
    question = "Did any of the sponsors of L.52 abstain on L.14?"  # Costa Rica, Mexico, Fiji and Uruguay did
    result = members_verdict(question, read_question(question, []).positions, sponsors.sponsor_votes(book, l52, l14))
    assert result.claims[0].text.startswith("Yes: ")


def test_a_description_with_two_years_is_two_drafts(corpus) -> None:  # type: ignore[no-untyped-def]
    ps = profiles(corpus)
    scope = read_scope("How many more States voted against the Russian draft in 2023 than in 2018?", corpus, ps)
    assert [[(k.document, k.number) for k in d.keys] for d in scope.described] == [[("A/78/407", "I")], [("A/73/505", "I")]]
    scope = read_scope("Compare the Russian draft in 2018 with the one in 2023", corpus, ps)
    assert [[(k.document, k.number) for k in d.keys] for d in scope.described] == [[("A/73/505", "I")], [("A/78/407", "I")]]


def test_any_member_states_adjective_names_its_draft(corpus) -> None:  # type: ignore[no-untyped-def]
    assert lexicon().demonyms["kenyan"] == "Kenya"  # ingest/data/demonyms.json
    scope = read_scope("How many States sponsored the Kenyan draft?", corpus, profiles(corpus))
    assert [(k.document, k.number) for d in scope.described for k in d.keys] == [("A/78/407", "III")]


def test_a_group_is_found_by_any_member_noun() -> None:
    assert [(m.name, m.kind) for m in find_mentions("Which Latin American members of the Council voted against?", fuzzy=False)] == [
        ("grulac", "group")]
    assert [m.name for m in find_mentions("the african delegations", fuzzy=False)] == ["african"]


def test_a_groups_members_on_a_body_of_47(book) -> None:  # type: ignore[no-untyped-def]
    hrc = DraftKey("A/HRC/RES/54/18", "A/HRC/RES/54/18")
    lead = crossvotes.group_votes(book, roster().group("african"), [hrc]).claims[0].text
    assert lead.startswith("Members of the African Group on the Human Rights Council in 2023 (13 Member States), on resolution "
                           "A/HRC/RES/54/18: 13 voted in favour (Algeria, Benin, Cameroon,")
    assert "not recorded" not in lead  # the 41 African States not on the Council are not 'not recorded'


def test_titles_of_documents_and_of_every_draft_acted_on(corpus, book) -> None:  # type: ignore[no-untyped-def]
    report = [d for d in corpus if d.symbol == "A/78/407"]
    title = summary.document_title("What is the title of agenda item 104?", [], report, names_document=False)
    assert title is not None and title.claims[0].text == ("A/78/407, under agenda item 104, is entitled \u201cProtection of critical "
                                                           "information infrastructure in the context of international security\u201d.")
    assert title.claims[0].citations == ("A/78/407#header",)
    assert summary.document_title("What are the drafts called?", [], report, names_document=True) is None
    assert [k for k in book.actions() if k.document == "A/78/407"] == [
        DraftKey("A/78/407", n) for n in ("I", "II", "III", "decision I")]  # III adopted without a vote, in its place
    assert sponsors.title(book, DraftKey("A/78/407", "decision I")).claims[0].text.startswith(
        "The draft decision (A/C.1/78/L.61) of A/78/407 is entitled")  # the report's one draft decision has no number
    assert sponsors.title(book, DraftKey("A/HRC/RES/54/18", "A/HRC/RES/54/18")).claims[0].text == (
        "Resolution A/HRC/RES/54/18 is entitled \u201cEquitable access to digital technologies and the enjoyment of human rights\u201d.")


def test_drafts_compared_on_no_aspect_side_by_side(book) -> None:  # type: ignore[no-untyped-def]
    question = "Compare L.27/Rev.1 with L.14"
    asked = read_question(question, [d for d in book.documents if d.symbol in ("A/73/505", "A/78/407")])
    result = summary.side_by_side(asked.drafts, book)
    assert result is not None and result.table is not None
    assert result.table.columns == ("Aspect", "A/C.1/73/L.27/Rev.1", "A/C.1/78/L.14")
    rows = dict((r[0], r[1:]) for r in result.table.rows)
    assert rows["Introduced by"] == ("Russian Federation, 8 November 2018", "Russian Federation, 12 October 2023")
    assert rows["Sets up a body in"] == ("draft resolution I, operative para. 5", "")  # L.14 only welcomes the group's report
    assert summary.side_by_side(read_question("Compare L.27/Rev.1 in committee and in plenary", book.documents).drafts, book) is None


def _route(question: str, corpus: list[ParsedDocument]):  # type: ignore[no-untyped-def]
    from assistant.router import route

    book = VoteBook(corpus)
    return route(read_question(question, corpus), book)


def test_separate_votes_on_a_paragraph_or_none(corpus) -> None:  # type: ignore[no-untyped-def]
    report_2018 = [d for d in corpus if d.symbol == "A/73/505"]
    none = _route("Did the First Committee hold a separate vote on any paragraph?", report_2018)
    assert none.claims[0].text.startswith("No: The documents record no separate vote on a paragraph in A/73/505")
    report_2023 = [d for d in corpus if d.symbol == "A/78/407"]
    one = _route("Was there a separate vote on a paragraph?", report_2023)
    assert one.claims[0].text.startswith("Yes: Operative paragraph 1 of draft resolution II (A/C.1/78/L.38/Rev.1) was retained")


def test_two_tallies_compared_with_a_verdict(corpus) -> None:  # type: ignore[no-untyped-def]
    more = _route("did more countries vote against L.14 than against L.27/Rev.1?", corpus)
    assert more.claims[0].text.startswith("Yes: Draft resolution I (A/C.1/78/L.14) of A/78/407 received 51 votes against, 6 more than "
                                          "the 45")
    fewer = _route("Did fewer States abstain on L.14 than on L.27/Rev.1?", corpus)  # 19 against 16
    assert fewer.claims[0].text.startswith("No: ")
    listed = _route("Which States voted against more than one draft?", [d for d in corpus if d.symbol == "A/73/505"])
    assert listed.tool != "vote_compare"  # a count compared with a number is a condition on States


def test_oldest_and_newest_resolution_recalled(corpus) -> None:  # type: ignore[no-untyped-def]
    from assistant.structure import recalled

    report_2023 = [d for d in corpus if d.symbol == "A/78/407"]
    oldest = recalled("what is the oldest resolution recalled in A/78/407", [], report_2023)
    assert oldest is not None and oldest.claims[0].text == ("The oldest resolution recalled is resolution 58/199 of 23 December "
                                                            "2003, in A/78/407, draft resolution I, preambular para. 1:")
    report_2018 = [d for d in corpus if d.symbol == "A/73/505"]
    drafts = read_question("Which is the most recent resolution draft resolution II recalls?", report_2018).drafts
    newest = recalled("Which is the most recent resolution draft resolution II recalls?", drafts, report_2018)
    assert newest is not None and "71/28 of 5 December 2016" in newest.claims[0].text  # not decision 72/512 of 2017


def test_the_last_paragraph_and_the_drafts_counted(corpus) -> None:  # type: ignore[no-untyped-def]
    from assistant.structure import answer

    hrc = [d for d in corpus if d.symbol == "A/HRC/RES/54/18"]
    last = answer("last operative paragraph of the HRC resolution", [], hrc)
    assert last is not None and last.claims[1].text == "\u201c4. Decides to remain seized of the matter.\u201d"
    report_2023 = [d for d in corpus if d.symbol == "A/78/407"]
    counted = answer("how many draft resolutions are in A/78/407", [], report_2023)
    assert counted is not None and counted.claims[0].text == ("A/78/407 recommends 3 draft resolutions (I to III) and 1 draft "
                                                              "decision to the General Assembly.")
    assert counted.claims[0].citations == ("A/78/407#para-13", "A/78/407#para-14")


def test_an_agenda_item_claimed_is_checked(corpus) -> None:  # type: ignore[no-untyped-def]
    report_2018 = [d for d in corpus if d.symbol == "A/73/505"]
    checked = summary.agenda_item_check("A/73/505 is under agenda item 98, right?", report_2018, names_document=True)
    assert checked is not None and checked.claims[0].text.startswith("No: A/73/505 is under agenda item 96")


def test_what_a_draft_says_is_its_summary_a_topic_is_not(corpus, book) -> None:  # type: ignore[no-untyped-def]
    said = summary.of_drafts("What does L.52 say?", read_question("What does L.52 say?", corpus).drafts, corpus, book)
    assert said is not None and said.claims[0].text.startswith("Draft resolution III (A/C.1/78/L.52) of A/78/407 is entitled")
    topic = "What does L.52 say about training?"
    assert summary.of_drafts(topic, read_question(topic, corpus).drafts, corpus, book) is None


def test_that_paragraph_is_the_one_named_before(corpus) -> None:  # type: ignore[no-untyped-def]
    from assistant.conversation import Conversation, rewrite

    conversation = Conversation()
    conversation.add("and on paragraph 1?", "and on paragraph 1? what was the vote on L.38/Rev.1", [], [])
    assert rewrite("how did Armenia vote on that paragraph", conversation, corpus) == (
        "how did Armenia vote on paragraph 1 of draft resolution II (A/C.1/78/L.38/Rev.1)")


def test_a_question_phrase_after_and_is_a_second_question() -> None:
    from assistant.understand.parts import question_parts

    assert question_parts("At what meeting did the HRC adopt 54/18 and under which agenda item") == [
        "At what meeting did the HRC adopt 54/18?", "Under which agenda item did the HRC adopt 54/18?"]
    assert question_parts("Which States voted for draft I and which abstained?") == ["Which States voted for draft I and which abstained?"]
    subject = "Which GGE reports are cited in draft II's footnotes, and from which years?"  # the question phrase is the subject
    assert question_parts(subject) == [subject]


def test_the_councils_size_and_its_tally(corpus) -> None:  # type: ignore[no-untyped-def]
    hrc = [d for d in corpus if d.symbol == "A/HRC/RES/54/18"]
    sized = _route("how many members does the human rights council have and how many abstained", hrc)
    assert sized.claims[0].text.startswith("The Human Rights Council had 47 members when it voted on resolution A/HRC/RES/54/18 on "
                                           "12 October 2023; the number comes from the United Nations' list")
    assert sized.claims[1].text.startswith("6 Member States abstained on resolution A/HRC/RES/54/18: Argentina, Chile, Costa Rica")
    tally = _route("what was the vote on 54/18", hrc)
    assert tally.claims[1].text.startswith("All 47 members of the Human Rights Council are recorded as voting")


def test_the_agenda_item_asked(corpus) -> None:  # type: ignore[no-untyped-def]
    hrc = [d for d in corpus if d.symbol == "A/HRC/RES/54/18"]
    asked = summary.agenda_item_check("Under which agenda item did the HRC adopt 54/18?", hrc, names_document=False)
    assert asked is not None and asked.claims[0].text == "A/HRC/RES/54/18 is under agenda item 3."


def test_a_day_claimed_for_an_adoption_is_checked(corpus) -> None:  # type: ignore[no-untyped-def]
    report_2023 = [d for d in corpus if d.symbol == "A/78/407"]
    wrong = _route("L.61 was adopted on 1 November 2023?", report_2023)  # at its 31st meeting, on 6 November (para. 12)
    assert wrong.claims[0].text.startswith("No: The draft decision (A/C.1/78/L.61) was adopted by the First Committee at its 31st "
                                           "meeting, on 6 November 2023")
    right = _route("Was L.14 adopted on 1 November?", report_2023)
    assert right.claims[0].text.startswith("Yes: Draft resolution I (A/C.1/78/L.14) was adopted")


def test_documents_compared_and_a_meeting_summarized(corpus, book) -> None:  # type: ignore[no-untyped-def]
    reports = [d for d in corpus if d.symbol in ("A/73/505", "A/78/407")]
    compared = summary.documents_side_by_side(reports, book)
    assert compared is not None and compared.table is not None
    assert dict((r[0], r[1:]) for r in compared.table.rows)["Agenda item"] == ("96", "104")
    record = [d for d in corpus if d.symbol == "A/73/PV.45"]
    summed = summary.answer("summarize the 45th plenary meeting", [], record, book)
    assert summed is not None and summed.claims[0].text.startswith("A/73/PV.45 is the meeting record of the General Assembly")
    assert any("(resolution 73/29)" in c.text for c in summed.claims)  # what the meeting did: 73/27 by vote, 73/29 without


def test_a_draft_the_assembly_did_not_vote_on_is_shown_in_its_record(corpus) -> None:  # type: ignore[no-untyped-def]
    documents = [d for d in corpus if d.symbol in ("A/73/505", "A/73/PV.45")]
    answer = _route("Did the General Assembly adopt draft resolution II of A/73/505?", documents)
    assert answer.claims[0].text == ("No: A/73/PV.45, the record of the General Assembly's meeting, records no vote on draft "
                                     "resolution II (A/C.1/73/L.37) of A/73/505:")
    assert "has programme budget implications" in answer.claims[1].text and answer.claims[1].quote
    assert answer.covered  # the record says what the Assembly did instead; no canned "do not cover votes in the plenary"


def test_a_body_that_voted_on_another_draft_does_not_force_its_vote(corpus) -> None:  # type: ignore[no-untyped-def]
    scope = read_scope("What was the General Assembly's vote on the 2018 expert-group (GGE) resolution?", corpus, profiles(corpus))
    assert [(k.document, k.number) for d in scope.described for k in d.keys] == [("A/73/505", "II")]
    assert scope.described[0].body_unrecorded == "General Assembly" and "A/73/PV.45" in scope.documents


def test_a_body_named_as_recipient_brings_in_no_meeting_record(corpus) -> None:  # type: ignore[no-untyped-def]
    ps = profiles(corpus)
    recipient = read_scope("in which paragraph of A/73/505 are the draft resolutions recommended to the assembly?", corpus, ps)
    assert recipient.documents == ("A/73/505",)  # the Assembly receives the drafts here; it does not act
    acting = read_scope("Did the General Assembly adopt draft resolution II of A/73/505 at the 45th plenary meeting?", corpus, ps)
    assert acting.documents == ("A/73/505", "A/73/PV.45")


def test_a_position_on_more_than_one_draft(corpus) -> None:  # type: ignore[no-untyped-def]
    report_2018 = [d for d in corpus if d.symbol == "A/73/505"]
    against = _route("Which States voted against more than one draft?", report_2018)
    assert against.claims[0].text.startswith("No Member State voted against both")  # 45 against I, 11 against II, none both
    abstained = _route("which countries abstained on at least two drafts?", report_2018)
    assert abstained.claims[0].text.startswith("7 Member States abstained on both, draft resolution I (A/C.1/73/L.27/Rev.1) and "
                                               "draft resolution II (A/C.1/73/L.37): Botswana, Côte d'Ivoire, Equatorial Guinea")


def test_voted_in_one_body_and_absent_from_the_other(corpus) -> None:  # type: ignore[no-untyped-def]
    from assistant.router import route

    question = ("which countries voted in the plenary on 73/27 but dont appear anywhere in the First Committee's recorded vote "
                "on that draft?")
    scope = read_scope(question, corpus, profiles(corpus))  # the draft as the scope describes it: 73/27's
    documents = [d for d in corpus if d.symbol in scope.documents]
    answer = route(read_question(question, documents, scope.described), VoteBook(documents))
    assert answer.claims[0].text.startswith("10 Member States are recorded on draft resolution I of A/73/505 (resolution 73/27) in "
                                            "A/73/PV.45 but not on draft resolution I (A/C.1/73/L.27/Rev.1) of A/73/505: Cameroon "
                                            "(in favour in the General Assembly)")
    assert "Marshall Islands (against in the General Assembly)" in answer.claims[0].text


def test_the_symbol_of_a_report_a_resolution_cites_is_not_the_resolutions_title(corpus) -> None:  # type: ignore[no-untyped-def]
    from assistant.router import is_vote_question

    hrc = [d for d in corpus if d.symbol == "A/HRC/RES/54/18"]
    question = "What is the symbol of the High Commissioner's report that resolution 54/18 takes note of?"
    asked = read_question(question, hrc, read_scope(question, corpus, profiles(corpus)).described)
    assert not is_vote_question(asked)  # a question on the text (footnote 1: A/HRC/54/49), not the draft's title


def test_which_got_more_and_a_total_of_one_drafts_sponsors(corpus) -> None:  # type: ignore[no-untyped-def]
    report_2018 = [d for d in corpus if d.symbol == "A/73/505"]
    more = _route("which got more yes votes, L.37 or L.27/Rev.1?", report_2018)
    assert more.claims[0].text.startswith("Draft resolution II (A/C.1/73/L.37) received 139 votes in favour, 30 more than the 109")
    documents = [d for d in corpus if d.symbol in ("A/73/505", "A/73/PV.45")]
    question = "how many countries sponsored the russian draft in 2018 in total"
    scope = read_scope(question, documents, profiles(documents))  # the draft in committee and in plenary: one sponsorship
    total = route_with(question, documents, scope)
    assert "(34 sponsors in all)" in " ".join(c.text for c in total.claims)


def test_a_resolutions_agenda_item_is_not_given_its_title(corpus) -> None:  # type: ignore[no-untyped-def]
    hrc = [d for d in corpus if d.symbol == "A/HRC/RES/54/18"]
    asked = summary.agenda_item_check("what agenda item was HRC res 54/18 under", hrc, names_document=False)
    assert asked is not None and asked.claims[0].text == "A/HRC/RES/54/18 is under agenda item 3."


def route_with(question: str, documents: list[ParsedDocument], scope):  # type: ignore[no-untyped-def]
    from assistant.router import route

    return route(read_question(question, documents, scope.described), VoteBook(documents))
