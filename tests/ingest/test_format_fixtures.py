"""Documents written for the tests in the UN's formats (tests/data/formats, made by tests/fixtures/make_fixtures.py)
give every recorded vote, adoption and footnote that EXPECTED.json lists.

EXPECTED.json was computed by the fixture script from the content it wrote, not by any parser.
"""

import json
from pathlib import Path

import pytest

from ingest.reader import read_document
from ingest.records import ParsedDocument, RecordedVote

FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"
EXPECTED = json.loads((FORMATS / "EXPECTED.json").read_text(encoding="utf-8"))
FILES = ["A_78_407.txt", "A_78_407.pdf", "A_HRC_RES_54_18.txt", "A_HRC_RES_54_18.pdf", "A_73_PV_45.txt", "A_73_PV_45.pdf"]
POSITIONS = ("in_favour", "against", "abstaining")


def expected(name: str) -> dict:
    entry = EXPECTED[name]
    return EXPECTED[entry["same_as"]] if "same_as" in entry else entry


@pytest.fixture(scope="module", params=FILES)
def parsed(request) -> tuple[dict, ParsedDocument]:
    return expected(request.param), read_document(FORMATS / request.param)


def printed(vote: RecordedVote, name: str) -> str:
    return dict(vote.printed).get(name, name)


def test_symbol_is_the_documents_own(parsed):
    facts, document = parsed
    assert document.symbol == facts["symbol"]


def test_every_recorded_vote_is_read_with_its_lists(parsed):
    facts, document = parsed
    assert len(document.votes) == len(facts["recorded_votes"])
    for vote, want in zip(document.votes, facts["recorded_votes"], strict=True):
        if want["paragraph"]:
            letter = f"({want['subparagraph']})" if want["subparagraph"] else ""
            assert vote.locator == f"para-{want['paragraph']}{letter}"
        else:
            assert document.unit(vote.locator).kind in ("adoption", "passage")
        assert vote.stated == tuple(want["tally"][p] for p in POSITIONS)
        for position in POSITIONS:
            listed, wanted = vote.states(position), want["lists"][position]
            assert (len(listed), printed(vote, listed[0]), printed(vote, listed[-1])) == (wanted["count"], wanted["first"], wanted["last"])
        assert vote.whole == (want["on"]["scope"] == "as a whole")
        if not vote.whole:
            assert vote.subject == want["on"]["paragraph"] and vote.outcome == want["on"]["decision"] + "ed"
        assert vote.resolution == want["on"].get("resolution", vote.resolution)
        assert vote.electorate - sum(vote.stated) == want.get("not_voting", vote.electorate - sum(vote.stated))


def test_adoptions_without_a_vote_are_records(parsed):
    facts, document = parsed
    assert len(document.adoptions) == len(facts["adopted_without_vote"])
    for adoption, want in zip(document.adoptions, facts["adopted_without_vote"], strict=True):
        assert adoption.resolution == want.get("resolution", "")
        assert adoption.draft_symbol == want.get("symbol", want.get("report"))


def test_every_footnote_is_a_unit_of_its_part(parsed):
    facts, document = parsed
    notes = [u for u in document.units if u.kind == "footnote"]
    assert len(notes) == len(facts["footnotes"])
    for note, want in zip(notes, facts["footnotes"], strict=True):
        prefix = {"report": "", "resolution": "", "draft resolution I": "DR-I."}[want["part"]]
        assert note.locator == f"{prefix}fn-{want['number']}" and note.text.startswith(want["first40"])
