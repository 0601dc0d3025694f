"""PDF input as the UN publishes it: A/73/505 in the Official Document System layout reads into the same
units, footnotes, votes and sponsorships as corpus/A_73_505.txt; page furniture, line-end hyphens, page feet
and two-column pages are handled. Fixtures: tests/data/formats (see tests/fixtures/make_fixtures.py)."""

import functools
import json
import re
import shutil
from pathlib import Path

import pytest

from ingest.hyphenation import english_words, keeps_hyphen, vocabulary
from ingest.parse import ParseError
from ingest.reader import read_document, read_source, read_text
from ingest.settings import PROJECT_ROOT

FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"
CORPUS_TXT = PROJECT_ROOT / "corpus" / "A_73_505.txt"
EXPECTED = json.loads((FORMATS / "EXPECTED.json").read_text(encoding="utf-8"))
REPORT = EXPECTED["N1839473.pdf"]
FURNITURE = ["18-19826", "*1819826*", "Please recycle", "2/9", "3/9", "9/9", "(E)"]
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@functools.cache
def text_of(name):
    """The reader's text for a fixture, read once per test session."""
    return read_text(FORMATS / name)


@pytest.fixture(scope="module")
def from_txt():
    return read_document(CORPUS_TXT)


@pytest.fixture(scope="module", params=["N1839473.pdf", "N1839473_plain.pdf"])
def from_pdf(request):
    return read_document(FORMATS / request.param)


def unit_facts(document):
    return [(u.locator, u.kind, u.text, u.section, u.footnotes, u.cited_by, u.marker_words, u.draft) for u in document.units]


def test_pdf_gives_the_units_of_the_text(from_pdf, from_txt):
    assert unit_facts(from_pdf) == unit_facts(from_txt)
    assert (from_pdf.symbol, from_pdf.date, from_pdf.agenda_item, from_pdf.title) == (
        "A/73/505", "19 November 2018", "96", REPORT["title"],
    )


def test_pdf_gives_the_votes_and_sponsorships_of_the_text(from_pdf, from_txt):
    assert from_pdf.votes == from_txt.votes
    assert from_pdf.sponsorships == from_txt.sponsorships
    assert from_pdf.drafts == from_txt.drafts
    for vote, expected in zip(from_pdf.votes, REPORT["recorded_votes"], strict=True):
        assert vote.stated == tuple(expected["tally"].values())
        for position, listed in expected["lists"].items():
            names = vote.states(position)
            assert len(names) == listed["count"]


def test_body_blocks_are_the_expected_paragraphs():
    expected = [b["text"] for b in REPORT["body_blocks"]]
    for name in ("N1839473.pdf", "N1839473_plain.pdf"):
        blocks = [b.strip() for b in text_of(name).split("\n\n") if b.strip() and b[0] not in SUPERSCRIPTS]
        assert blocks[blocks.index("I. Introduction"):] == expected


def test_masthead_lines_come_first_in_reading_order():
    blocks = text_of("N1839473.pdf").split("\n\n")
    assert blocks[:9] == [
        "General Assembly", "Distr.: General", "19 November 2018", "Original: English", "Seventy-third session",
        "Agenda item 96", REPORT["title"], "Report of the First Committee",
        "Rapporteur: Ms. Muna Zawani Md Idris (Brunei Darussalam)",
    ]


def test_page_furniture_never_reaches_a_unit(from_pdf):
    text = " ".join(u.text for u in from_pdf.units)
    for furniture in FURNITURE:
        assert furniture not in text
    assert not re.search(r"\b\d/9\b", text)


def test_symbol_comes_from_the_masthead_before_the_file_name(tmp_path):
    assert read_source(FORMATS / "N1839473.pdf").symbol == "A/73/505"
    shutil.copy(FORMATS / "N1839473.pdf", tmp_path / "A_1_2.pdf")
    assert read_document(tmp_path / "A_1_2.pdf").symbol == "A/73/505"
    assert read_document(tmp_path / "A_1_2.pdf", symbol="A/73/505/Corr.1").symbol == "A/73/505/Corr.1"


def test_line_end_hyphens_are_resolved():
    for name, key in (("N1839473.pdf", "pdf"), ("N1839473_plain.pdf", "plain_pdf")):
        text = text_of(name)
        for hyphen in REPORT[key]["line_end_hyphens"]:
            word = hyphen["word"].strip(".,;:")
            assert word in text, hyphen
            assert f'{hyphen["line_end"]} {hyphen["next_line_start"]}' not in text, hyphen
            if hyphen["kind"] == "soft":
                assert hyphen["line_end"] + hyphen["next_line_start"].strip(".,;:") not in text, hyphen
    text = text_of("N1839473.pdf")
    assert "Guinea-Bissau" in text and "confidence-building" in text and "capacity-building" in text
    assert not re.search(r"[a-z]- [a-z]", text), re.findall(r"\w+- \w+", text)


def test_footnotes_follow_their_paragraph_and_a_continued_one_is_whole():
    blocks = text_of("N1839473.pdf").split("\n\n")
    notes = [i for i, b in enumerate(blocks) if b[0] in SUPERSCRIPTS]
    assert [blocks[i][0] for i in notes] == list("¹²³⁴¹²³⁴⁵¹²³")
    fn2 = blocks[notes[1]]
    assert fn2.startswith("² For an account of the Committee's discussion") and fn2.endswith("A/C.1/73/PV.30 and A/C.1/73/PV.31.")
    assert blocks[notes[2] - 1].endswith("The voting was as follows:³")
    assert blocks[notes[0] - 1].startswith("3. At its 1st meeting") and blocks[notes[0] - 1].endswith("8 November.²")


def test_draft_footnotes_stay_with_their_draft(from_pdf):
    assert [u.locator for u in from_pdf.units if u.kind == "footnote"] == [
        "fn-1", "fn-2", "fn-3", "fn-4", "DR-I.fn-1", "DR-I.fn-2", "DR-I.fn-3", "DR-I.fn-4", "DR-I.fn-5",
        "DR-II.fn-1", "DR-II.fn-2", "DR-II.fn-3",
    ]
    assert from_pdf.unit("DR-I.fn-2").marker_words[0] == "ICTs, the Group of Governmental Experts, in its 2015 report"


@pytest.mark.parametrize("stem", ["A_78_407", "A_HRC_RES_54_18", "A_73_PV_45"])
def test_other_fixtures_read_like_their_text(stem):
    """The fixture .txt files keep "United Nations" and the symbol in the header and split a paragraph at a
    page end without a footnote (joined by the parser with a newline): compared without those."""
    from_pdf, from_txt = read_document(FORMATS / f"{stem}.pdf"), read_document(FORMATS / f"{stem}.txt")
    expected = EXPECTED[f"{stem}.txt"]
    assert from_pdf.symbol == expected["symbol"] and from_pdf.date == from_txt.date and from_pdf.date in expected["date_text"]
    assert [u.locator for u in from_pdf.units] == [u.locator for u in from_txt.units]
    for got, want in zip(from_pdf.units[1:], from_txt.units[1:], strict=True):
        assert " ".join(got.text.split()) == " ".join(want.text.split()), got.locator
        assert (got.footnotes, got.cited_by) == (want.footnotes, want.cited_by)
    assert from_pdf.votes == from_txt.votes and from_pdf.sponsorships == from_txt.sponsorships
    text = read_text(FORMATS / f"{stem}.pdf")
    for hyphen in expected["pdf"].get("line_end_hyphens", []):
        assert hyphen["word"].strip(".,;:()“”") in text, hyphen


def test_hyphen_rule():
    words = vocabulary(["the information society", "a confidence-building measure", "Guinea and more"])
    lexicon = english_words()
    assert not keeps_hyphen("informa", "tion", words, lexicon)  # the document writes it whole
    assert keeps_hyphen("confidence", "building", words, lexicon)  # the document writes it hyphenated
    assert keeps_hyphen("Guinea", "Bissau", words, lexicon)  # capitalised second part
    assert keeps_hyphen("non", "binding", words, lexicon)  # a prefix UN style hyphenates
    assert not keeps_hyphen("respon", "sible", words, lexicon)  # 'responsible' is a word
    assert keeps_hyphen("single", "track", words, lexicon)  # two words, 'singletrack' is none
    assert not keeps_hyphen("qwzx", "vbnm", words, frozenset())  # neither: the line broke a word


def test_bad_pdfs_fail_naming_the_file(tmp_path):
    data = (FORMATS / "N1839473.pdf").read_bytes()
    (tmp_path / "A_1_1.pdf").write_bytes(data[: len(data) // 4])
    (tmp_path / "A_1_2.pdf").write_bytes(b"%PDF-1.4\nnot really")
    for name in ("A_1_1.pdf", "A_1_2.pdf"):
        with pytest.raises(ParseError, match=f"{name}: not a readable PDF"):
            read_document(tmp_path / name)
    with pytest.raises(ParseError, match="A_1_3.pdf"):
        read_document(tmp_path / "A_1_3.pdf")


# ---- a two-column page (the bound Official Records), written here ------------------------------

COLUMN_LEFT = [
    "The General Assembly,",
    "Recalling its resolutions 53/70 of 4 December 1998 and 54/49 of 1 December 1999 on the same subject,",
    "Noting that considerable progress has been achieved in developing and applying the latest information "
    "technologies and means of telecommunication,",
    "1. Calls upon Member States to promote further, at multilateral levels, the consideration of existing and "
    "potential threats in the field of information security, as well as possible strategies to address the "
    "threats emerging in this field, consistent with the need to preserve the free flow of information;",
]
COLUMN_RIGHT = [
    "2. Considers that the purpose of such measures could be served through further examination of relevant "
    "international concepts;",
    "3. Decides to include in the provisional agenda of its seventy-fourth session the item entitled "
    "\u201cDevelopments in the field of information and telecommunications\u201d.",
]


def write_two_column_pdf(path: Path) -> None:
    """A4, a bold title across the page, then two 10 pt columns; operative paragraph 1 runs from the foot
    of the left column to the head of the right one (the left column is cut after a few lines)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    def wrap(text, width):
        lines, line = [], ""
        for word in text.split():
            if line and stringWidth(f"{line} {word}", "Times-Roman", 10) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return [*lines, line]

    page = canvas.Canvas(str(path), pagesize=(595, 842))
    page.setFont("Times-Bold", 12)
    page.drawCentredString(297, 790, "73/27. Developments in the field of information and telecommunications")
    left = [ln for text in COLUMN_LEFT for ln in [*wrap(text, 229), ""]][:-1]
    cut = len(left) - 4  # the last four lines of op. 1 go to the top of the right column
    right = left[cut:] + [""] + [ln for text in COLUMN_RIGHT for ln in [*wrap(text, 229), ""]][:-1]
    for x, lines in ((56, left[:cut]), (310, right)):
        y = 760
        page.setFont("Times-Roman", 10)
        for line in lines:
            if line:
                page.drawString(x, y, line)
            y -= 12 if line else 6
    page.save()


def test_two_column_page_is_read_column_by_column(tmp_path):
    write_two_column_pdf(tmp_path / "A_RES_73_27.pdf")
    blocks = read_text(tmp_path / "A_RES_73_27.pdf").strip().split("\n\n")
    assert blocks == [
        "73/27. Developments in the field of information and telecommunications",
        *COLUMN_LEFT,
        *COLUMN_RIGHT,
    ]
