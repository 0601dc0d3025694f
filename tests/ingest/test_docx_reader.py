"""DOCX input as UN Word files are made: A/73/505 as Word (masthead table, symbol only in the page headers,
real footnotes restarting in each draft) reads into the same units, footnotes, votes and sponsorships as
corpus/A_73_505.txt; a small Word file written here checks note numbering by order of appearance."""

import base64
import functools
import io
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from ingest.parse import ParseError
from ingest.reader import read_document, read_source
from ingest.settings import PROJECT_ROOT

FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"
REPORT = FORMATS / "N1839473.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
PIXEL_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


@functools.cache
def parsed(path: Path):
    return read_document(path)


def unit_facts(document):
    return [(u.locator, u.kind, u.text, u.section, u.footnotes, u.cited_by, u.marker_words, u.draft) for u in document.units]


def test_docx_gives_the_units_votes_and_sponsorships_of_the_text():
    from_docx, from_txt = parsed(REPORT), parsed(PROJECT_ROOT / "corpus" / "A_73_505.txt")
    assert unit_facts(from_docx) == unit_facts(from_txt)
    assert from_docx.votes == from_txt.votes and from_docx.sponsorships == from_txt.sponsorships
    assert from_docx.drafts == from_txt.drafts
    assert (from_docx.symbol, from_docx.date) == ("A/73/505", "19 November 2018")
    assert [len(from_docx.votes[0].states(p)) for p in ("in_favour", "against", "abstaining")] == [109, 45, 16]


def test_symbol_is_read_from_the_page_header_only(tmp_path):
    source = read_source(REPORT)
    assert source.symbol == "A/73/505" and "A/73/505" not in source.text
    shutil.copy(REPORT, tmp_path / "report.docx")
    assert read_document(tmp_path / "report.docx").symbol == "A/73/505"


def test_masthead_table_cells_are_blocks():
    blocks = read_source(REPORT).text.split("\n\n")
    assert blocks[:4] == ["General Assembly", "Distr.: General", "19 November 2018", "Original: English"]
    assert blocks.index("I. Introduction") > 8


def test_footnote_numbers_restart_per_section_and_repeats_are_markers():
    text = read_source(REPORT).text
    assert [b[0] for b in text.split("\n\n") if b[0] in SUPERSCRIPTS] == list("¹²³⁴¹²³⁴⁵¹²³")
    document = parsed(REPORT)
    assert document.unit("DR-I.OP-1").footnotes == ("DR-I.fn-3", "DR-I.fn-2")  # typed superscripts, not references
    assert document.unit("DR-II.OP-1(a)").footnotes == ("DR-II.fn-1", "DR-II.fn-2", "DR-II.fn-3")
    assert document.unit("fn-3").text.startswith("Subsequently the delegation of the Democratic Republic of Congo")
    assert "para-7" in document.unit("fn-3").cited_by


# ---- a small Word file written here --------------------------------------------------------------


def _note(kind, note_id, text, note_type=None):
    attribute = f' w:type="{note_type}"' if note_type else ""
    tag = "separator" if note_type else "t"
    body = f"<w:r><w:{tag}>{'' if note_type else text}</w:{tag}></w:r>"
    return (
        f'<w:{kind}{attribute} w:id="{note_id}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f"<w:{kind}Ref/></w:r>{body}</w:p></w:{kind}>"
    )


def _add_notes(document, kind, notes):
    content = "".join(_note(kind, i, t, kind_type) for i, t, kind_type in notes)
    xml = f'<w:{kind}s xmlns:w="{W}">{content}</w:{kind}s>'.encode()
    content_type = CT.WML_FOOTNOTES if kind == "footnote" else CT.WML_ENDNOTES
    part = Part(PackURI(f"/word/{kind}s.xml"), content_type, xml, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)


def _reference(paragraph, kind, note_id):
    run = f'<w:r xmlns:w="{W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{note_id}"/></w:r>'
    paragraph._p.append(parse_xml(run))


def write_small_docx(path: Path) -> None:
    """Symbol in the page header only; a masthead table; footnotes whose w:id run backwards (7, then 3), a
    separator note, an endnote, a deleted run, a manual line break and a picture (the emblem)."""
    document = Document()
    document.add_picture(io.BytesIO(PIXEL_PNG))
    document.sections[0].header.paragraphs[0].text = "A/99/777"
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].text = "General Assembly"
    table.cell(0, 1).paragraphs[0].text = "Distr.: General"
    table.cell(0, 1).add_paragraph("3 November 2099")
    document.add_paragraph("I. Introduction")
    first = document.add_paragraph("1. The first paragraph cites a source.")
    _reference(first, "footnote", 7)
    second = document.add_paragraph("2. The second one cites another,")
    _reference(second, "footnote", 3)
    second.add_run(" and an endnote.")
    _reference(second, "endnote", 2)
    deleted = f'<w:del xmlns:w="{W}" w:id="9" w:author="x" w:date="2099-01-01T00:00:00Z"><w:r><w:delText> struck</w:delText></w:r></w:del>'
    second._p.append(parse_xml(deleted))
    third = document.add_paragraph("In favour:")
    third.add_run().add_break()
    third.add_run("Chile, Fiji.")
    footnotes = [(-1, "", "separator"), (0, "", "continuationSeparator"), (3, "Note three.", None), (7, "Note seven.", None)]
    _add_notes(document, "footnote", footnotes)
    _add_notes(document, "endnote", [(2, "An endnote.", None)])
    document.save(str(path))


def test_small_docx_numbers_notes_by_appearance(tmp_path):
    write_small_docx(tmp_path / "small.docx")
    source = read_source(tmp_path / "small.docx")
    assert source.symbol == "A/99/777"
    assert source.text.strip().split("\n\n") == [
        "General Assembly", "Distr.: General", "3 November 2099", "I. Introduction",
        "1. The first paragraph cites a source.¹", "¹ Note seven.",
        "2. The second one cites another,² and an endnote.¹", "² Note three.", "¹ An endnote.",
        "In favour:", "Chile, Fiji.",
    ]


def test_broken_docx_fails_naming_the_file(tmp_path):
    (tmp_path / "A_1_2.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ParseError, match="A_1_2.docx: not a readable DOCX file"):
        read_document(tmp_path / "A_1_2.docx")
    with pytest.raises(ParseError, match="A_1_3.docx"):
        read_document(tmp_path / "A_1_3.docx")
