"""The structure parser on two documents written for the tests in the same format (invented
content, not copied from real documents): a short report with one draft and one recorded
vote (tests/data/A_99_401.txt) and a resolution without a vote (tests/data/A_RES_99_12.txt)."""

from pathlib import Path

from ingest.reader import read_document

DATA = Path(__file__).resolve().parents[1] / "data"


def test_short_report_with_one_draft_and_one_vote():
    document = read_document(DATA / "A_99_401.txt")
    assert document.symbol == "A/99/401" and document.date == "3 November 2099" and document.agenda_item == "42"
    assert [u.locator for u in document.units if u.kind == "report_paragraph"] == [f"para-{n}" for n in range(1, 6)]
    assert [u.locator for u in document.units if u.draft == "I"] == [
        "DR-I.PP-1", "DR-I.PP-2", "DR-I.OP-1", "DR-I.OP-1(a)", "DR-I.OP-1(b)", "DR-I.OP-2"]
    (vote,) = document.votes
    assert (vote.draft_symbol, vote.draft_number, vote.stated, vote.date, vote.meeting) == (
        "A/C.1/99/L.5", "I", (5, 2, 1), "30 October 2099", "9th meeting")
    assert vote.against == ("Bosnia and Herzegovina", "Saint Vincent and the Grenadines") and vote.abstaining == ("Côte d'Ivoire",)
    assert [(i.state, i.intended, i.footnote) for i in vote.intentions] == [("Kenya", "in_favour", "fn-2")]
    (sponsorship,) = document.sponsorships
    assert (sponsorship.introduced_by, sponsorship.sponsors, sponsorship.joined_later) == (
        "Norway", ("Chile", "Iceland", "Norway", "Portugal"), ("Fiji",))
    assert document.unit("fn-1").cited_by == ("para-2",)


def test_resolution_without_a_vote():
    document = read_document(DATA / "A_RES_99_12.txt")
    assert document.symbol == "A/RES/99/12" and document.title == "Protection of submarine data cables"
    assert [u.locator for u in document.units][1:] == ["PP-1", "PP-2", "PP-3", "OP-1", "OP-1(a)", "OP-1(b)", "OP-2", "OP-3", "fn-1"]
    assert document.unit("OP-2").label == "A/RES/99/12, para. 2" and document.unit("PP-3").label == "A/RES/99/12, preambular para. 3"
    assert document.unit("PP-1").footnotes == ("fn-1",) and not document.votes
