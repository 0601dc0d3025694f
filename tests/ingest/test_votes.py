"""Recorded votes and sponsorships parsed from paras 5, 7, 8 and 10 and footnotes 3 and 4."""

import pytest

from ingest.parse import ParseError, parse_document


def test_two_recorded_votes_with_their_tallies(document):
    first, second = document.votes
    assert (first.draft_symbol, first.draft_number, first.stated) == ("A/C.1/73/L.27/Rev.1", "I", (109, 45, 16))
    assert (second.draft_symbol, second.draft_number, second.stated) == ("A/C.1/73/L.37", "II", (139, 11, 18))
    assert (len(first.in_favour), len(first.against), len(first.abstaining)) == (109, 45, 16)
    assert (len(second.in_favour), len(second.against), len(second.abstaining)) == (139, 11, 18)
    assert first.date == second.date == "8 November 2018" and first.meeting == "31st meeting"
    assert (first.locator, second.locator) == ("para-7", "para-10")


def test_list_members_and_canonical_names(document):
    first, second = document.votes
    assert "France" in first.against and "France" in second.in_favour
    assert "Egypt" in first.in_favour and "Egypt" in second.against
    assert "the former Yugoslav Republic of Macedonia" in first.against
    assert "Côte d'Ivoire" in first.abstaining and "Turkey" in first.abstaining
    assert first.in_favour[-1] == "Zimbabwe" and "Togo" in first.in_favour  # rejoined across the page foot
    assert first.position_of("Democratic Republic of the Congo") is None


def test_footnoted_intentions(document):
    first, second = document.votes
    assert [(i.state, i.intended, i.footnote) for i in first.intentions] == [("Democratic Republic of the Congo", "in_favour", "fn-3")]
    assert [(i.state, i.intended) for i in second.intentions] == [
        ("Democratic Republic of the Congo", "in_favour"), ("Mozambique", "abstaining"), ("Pakistan", "abstaining")]


def test_sponsorships(document):
    first, second = document.sponsorships
    assert (first.introduced_by, first.introduced_on, first.locator) == ("Russian Federation", "8 November 2018", "para-5")
    assert len(first.sponsors) == 31 and first.joined_later == ("Guinea", "Kyrgyzstan", "Myanmar")
    assert "Malawi" in first.sponsors and "Venezuela (Bolivarian Republic of)" in first.sponsors and "Zimbabwe" in first.sponsors
    assert (second.introduced_by, second.introduced_on, len(second.sponsors), len(second.joined_later)) == (
        "United States of America", "18 October 2018", 36, 15)
    assert "United Kingdom of Great Britain and Northern Ireland" in second.sponsors
    assert second.title == "Advancing responsible State behaviour in cyberspace in the context of international security"


def test_a_list_that_contradicts_its_tally_fails_loudly(raw_text):
    wrong = raw_text.replace("by a recorded vote of 109 to 45", "by a recorded vote of 110 to 45")
    with pytest.raises(ParseError, match=r"para-7: 109 States listed in favour, but the text states 110"):
        parse_document(wrong, "A/73/505", "A_73_505.txt")


def test_an_unknown_state_in_a_list_fails_loudly(raw_text):
    wrong = raw_text.replace("Against:\n\nAlbania, Andorra,", "Against:\n\nAtlantis, Andorra,")
    with pytest.raises(ParseError, match="'Atlantis' is not a United Nations Member State"):
        parse_document(wrong, "A/73/505", "A_73_505.txt")


def test_a_draft_submitted_with_no_on_behalf_list_is_its_introducers_alone():
    from pathlib import Path

    from ingest.pipeline import parse_files

    report = parse_files([Path(__file__).resolve().parents[1] / "data" / "formats" / "A_78_407.pdf"])[0]
    by_symbol = {s.draft_symbol: s for s in report.sponsorships}
    assert list(by_symbol) == ["A/C.1/78/L.14", "A/C.1/78/L.38/Rev.1", "A/C.1/78/L.52", "A/C.1/78/L.61"]  # para. 11 was dropped
    decision = by_symbol["A/C.1/78/L.61"]
    assert (decision.introduced_by, decision.sponsors, decision.joined_later) == ("Brazil", ("Brazil",), ())
    assert (decision.introduced_on, decision.locator) == ("19 October 2023", "para-11")
