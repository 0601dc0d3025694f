"""The document family as it is: several drafts and a decision, paragraph votes, adoptions without a vote,
the Human Rights Council's bracketed vote, a plenary record's vote block, renamed States, nothing silently lost.

Pure parsing (no Chroma, no model). The texts are tests/data/A_98_410.txt (a small report written for these
tests) and small documents written inline.
"""

from pathlib import Path

import pytest

from ingest.bodies import body
from ingest.citations import label
from ingest.parse import ParseError, parse_document, symbol_from_text
from ingest.pipeline import merge
from ingest.reader import read_document
from ingest.summary import describe
from ingest.vote_sentences import FORMS, read, unread

DATA = Path(__file__).resolve().parents[1] / "data"
HRC_2023 = body("Human Rights Council").members("12 October 2023")


@pytest.fixture(scope="module")
def report():
    return read_document(DATA / "A_98_410.txt")


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
def test_every_vote_form_reads_its_own_example(form):
    readings = read(form.example)
    assert [r.form for r in readings] == [form.name] and unread(form.example, readings) == []


def test_three_drafts_and_a_decision_each_have_their_own_locators(report):
    assert [(d.kind, d.number, d.symbol, d.locator_prefix) for d in (*report.drafts, *report.decisions)] == [
        ("resolution", "I", "A/C.1/98/L.3", "DR-I"), ("resolution", "II", "A/C.1/98/L.7", "DR-II"),
        ("resolution", "III", "A/C.1/98/L.9", "DR-III"), ("decision", "I", "A/C.1/98/L.11", "DD-I"),
    ]
    decision = report.unit("DD-I.PP-1")
    assert decision.decision == "I" and decision.draft is None and decision.text.startswith("The General Assembly decides")
    assert decision.label == "A/98/410, draft decision I, para. 1"
    assert report.unit("DR-III.OP-1").text == "1. Decides to name cables."
    assert report.unit("para-14").text.startswith("14. The First Committee also recommends")  # not an operative para. of draft III


def test_a_paragraph_vote_and_the_vote_on_the_whole_draft_are_both_recorded(report):
    part, whole = [v for v in report.votes if v.draft_symbol == "A/C.1/98/L.7"]
    assert (part.locator, part.whole, part.subject, part.outcome, part.stated) == (
        "para-6(a)", False, "operative paragraph 2", "retained", (3, 2, 2))
    assert part.against == ("Chile", "Iceland") and part.draft_number == "II"
    assert (whole.locator, whole.whole, whole.outcome, whole.stated, whole.against) == ("para-6(b)", True, "adopted", (5, 0, 2), ())
    assert (whole.meeting, whole.date) == ("26th meeting", "2 November 2098")
    assert label("A/98/410", "para-6(a)") == "A/98/410, para. 6 (a)"


def test_adoptions_without_a_vote_are_records_with_no_lists(report):
    assert [(a.draft_kind, a.draft_number, a.draft_symbol, a.locator, a.meeting) for a in report.adoptions] == [
        ("resolution", "III", "A/C.1/98/L.9", "para-7", "27th meeting"), ("decision", "I", "A/C.1/98/L.11", "para-8", "27th meeting"),
    ]


def test_renamed_states_resolve_and_keep_the_name_as_printed(report):
    first = report.votes[0]
    assert first.in_favour == ("Chile", "Iceland", "Netherlands", "Turkey")
    assert first.against == ("Fiji", "the former Yugoslav Republic of Macedonia")
    assert dict(first.printed) == {
        "Netherlands": "Netherlands (Kingdom of the)", "Turkey": "Türkiye", "the former Yugoslav Republic of Macedonia": "North Macedonia",
    }
    assert report.votes[2].abstaining == ("Kenya", "Cabo Verde") and ("Cabo Verde", "Cape Verde") in report.votes[2].printed
    assert report.sponsorships[0].sponsors == ("Chile", "Iceland", "Turkey")


def test_intended_votes_are_read_from_the_footnote(report):
    assert [(i.state, i.intended, i.footnote) for i in report.votes[0].intentions] == [("Kenya", "in_favour", "fn-1")]


def test_ingest_says_what_it_found(report):
    lines = describe(report)
    assert lines[0].startswith("A_98_410.txt: A/98/410 (report, First Committee), 21 units")
    assert "  vote: draft resolution II (A/C.1/98/L.7), operative paragraph 2 retained, 3-2-2 of 193, First Committee, " \
           "26th meeting, 2 November 2098 [para-6(a)]" in lines
    assert "  adopted without a vote: draft decision I (A/C.1/98/L.11), First Committee, 27th meeting, 3 November 2098 [para-8]" in lines


def _hrc(yes, no, abstaining, bracket_end="]"):
    def listed(names):
        return ", ".join(names) if names else "None"
    return f"""United Nations A/HRC/RES/54/99

Human Rights Council

Fifty-fourth session

Resolution adopted by the Human Rights Council on 12 October 2023

54/99. A resolution written for the tests

The Human Rights Council,

*Recalling* its earlier resolutions,

1. *Decides* to remain seized of the matter.

41st meeting

12 October 2023

[Adopted by a recorded vote of {len(yes)} to {len(no)}, with {len(abstaining)} abstentions. The voting was as follows:

In favour:

{listed(yes)};

Against:

{listed(no)};

Abstaining:

{listed(abstaining)}{bracket_end}
"""


def test_the_council_vote_is_read_from_its_bracket_with_a_base_of_47():
    document = parse_document(_hrc(HRC_2023[:28], HRC_2023[28:41], HRC_2023[41:]), "A/HRC/RES/54/99", "hrc.txt")
    (vote,) = document.votes
    assert (document.kind, document.body, vote.body, vote.electorate) == ("resolution", "Human Rights Council", "Human Rights Council", 47)
    assert (vote.locator, vote.stated, vote.meeting, vote.date, vote.resolution) == (
        "adoption", (28, 13, 6), "41st meeting", "12 October 2023", "54/99")
    assert vote.abstaining[-1] == "Viet Nam" and document.unit("OP-1").text == "1. Decides to remain seized of the matter."


def test_a_council_vote_by_a_state_not_on_the_council_is_refused():
    with pytest.raises(ParseError, match=r"not members of the Human Rights Council on 12 October 2023: Japan"):
        parse_document(_hrc([*HRC_2023[:27], "Japan"], HRC_2023[28:41], HRC_2023[41:]), "A/HRC/RES/54/99", "hrc.txt")


PLENARY = """United Nations A/73/PV.99

General Assembly

Seventy-third session

99th plenary meeting

Wednesday, 5 December 2018, 10 a.m.

New York

The meeting was called to order at 10.05 a.m.

Agenda item 96

Report of the First Committee (A/73/505)

The President: We turn to draft resolution I. A recorded vote has been requested.

A recorded vote was taken.

In favour:

Chile, Fiji

Against:

Iceland

Abstaining:

None

Draft resolution I was adopted by 2 votes to 1, with no abstentions (resolution 73/27).

[Subsequently, the delegation of Kenya informed the Secretariat that it had intended to vote against.]

Draft resolution III was adopted (resolution 73/29).
"""


def test_a_plenary_record_is_its_own_document_and_its_vote_block_is_read():
    assert symbol_from_text(PLENARY) == "A/73/PV.99"  # not A/73/505, which its agenda heading cites
    document = parse_document(PLENARY, "A/73/PV.99", "pv.txt")
    (vote,) = document.votes
    assert (document.kind, vote.body, vote.draft_symbol, vote.draft_number, vote.resolution) == (
        "meeting_record", "General Assembly", "A/73/505", "I", "73/27")
    assert (vote.stated, vote.meeting, vote.date) == ((2, 1, 0), "99th plenary meeting", "5 December 2018")
    assert document.unit(vote.locator).text.startswith("A recorded vote was taken.")
    assert document.unit(vote.locator).text.endswith("(resolution 73/27).")
    assert [(i.state, i.intended) for i in vote.intentions] == [("Kenya", "against")]
    assert [(a.draft_number, a.resolution) for a in document.adoptions] == [("III", "73/29")]


def test_a_sentence_reporting_a_vote_that_cannot_be_read_fails_naming_it_or_is_kept_as_a_warning():
    text = (DATA / "A_98_410.txt").read_text(encoding="utf-8").replace(
        "adopted draft resolution [A/C.1/98/L.9](#) without a vote", "adopted draft resolution [A/C.1/98/L.9](#) by a vote of 9 to 1")
    with pytest.raises(ParseError, match=r"A/98/410 para-7: a sentence reports a vote or an adoption that could not be read: 'At its 27th"):
        parse_document(text, "A/98/410", "A_98_410.txt")
    lenient = parse_document(text, "A/98/410", "A_98_410.txt", lenient=True)
    assert len(lenient.warnings) == 1 and "para-7" in lenient.warnings[0] and "  warning: " + lenient.warnings[0] in describe(lenient)


def test_replacing_a_document_happens_only_for_the_same_symbol_and_is_said(report):
    corpus = read_document(DATA.parents[1] / "corpus" / "A_73_505.txt")
    plenary = parse_document(PLENARY, "A/73/PV.99", "pv.txt")
    combined, replaced = merge([corpus, report], [plenary])
    assert [d.symbol for d in combined] == ["A/73/505", "A/98/410", "A/73/PV.99"] and replaced == ()
    changed = parse_document((DATA / "A_98_410.txt").read_text(encoding="utf-8") + "\n15. A paragraph added.\n", "A/98/410", "x.txt")
    combined, replaced = merge(combined, [changed])
    assert [d.symbol for d in combined] == ["A/73/505", "A/98/410", "A/73/PV.99"]
    assert replaced == ("replaced A/98/410: 21 units → 22 units",)


def test_a_plenary_vote_block_without_its_result_is_refused_at_the_next_statement():
    broken = PLENARY.replace("Draft resolution I was adopted by 2 votes to 1, with no abstentions (resolution 73/27).", "")
    broken = broken.replace("[Subsequently", "The President: We now turn to draft resolution III.\n\n[Subsequently")
    with pytest.raises(ParseError, match=r"pv.txt: passage-4: 'A recorded vote was taken' with no sentence giving the result"):
        parse_document(broken, "A/73/PV.99", "pv.txt")
    assert parse_document(PLENARY, "A/73/PV.99", "pv.txt").title == "99th plenary meeting, 5 December 2018"
