"""Units, locators and labels of A/73/505 (values read off the document)."""

import pytest

from ingest.citations import label, parse_citation_id
from ingest.parse import ParseError, parse_document


def locators(document, prefix):
    return [u.locator for u in document.units if u.locator.startswith(prefix)]


def test_report_paragraphs_and_footnotes(document):
    assert locators(document, "para-") == [f"para-{n}" for n in range(1, 12)]
    assert locators(document, "fn-") == ["fn-1", "fn-2", "fn-3", "fn-4"]


def test_draft_resolution_units(document):
    assert len(locators(document, "DR-I.PP-")) == 21
    assert len(locators(document, "DR-II.PP-")) == 15
    ops = locators(document, "DR-I.OP-")
    assert ops[:3] == ["DR-I.OP-1", "DR-I.OP-1.1", "DR-I.OP-1.2"]
    assert "DR-I.OP-1.13" in ops and "DR-I.OP-4(d)" in ops and ops[-1] == "DR-I.OP-7"
    assert locators(document, "DR-II.OP-") == [
        "DR-II.OP-1", "DR-II.OP-1(a)", "DR-II.OP-1(b)", "DR-II.OP-2", "DR-II.OP-2(a)", "DR-II.OP-2(b)",
        "DR-II.OP-3", "DR-II.OP-4", "DR-II.OP-5", "DR-II.OP-6",
    ]
    assert locators(document, "DR-I.fn-") == [f"DR-I.fn-{n}" for n in range(1, 6)]
    assert locators(document, "DR-II.fn-") == ["DR-II.fn-1", "DR-II.fn-2", "DR-II.fn-3"]


def test_unit_text_is_clean(document):
    op16 = document.unit("DR-I.OP-1.6")
    assert op16.text.startswith("1.6. A State should not conduct or knowingly support ICT activity")
    assert op16.label == "A/73/505, draft resolution I, operative para. 1.6"
    assert document.unit("DR-I.PP-1").text.startswith("Recalling its resolutions 36/103 of 9 December 1981")
    assert "](#)" not in " ".join(u.text for u in document.units)
    assert not any(c in u.text for u in document.units for c in "¹²³⁴⁵")


def test_footnote_is_removed_from_the_paragraph_it_interrupts_and_linked(document):
    para3 = document.unit("para-3")
    assert "CRP.2" not in para3.text and "At those meetings, as well as" in para3.text
    assert para3.footnotes == ("fn-1", "fn-2")
    assert document.unit("fn-3").cited_by == ("para-7",)
    assert document.unit("DR-I.fn-2").cited_by == ("DR-I.PP-16", "DR-I.PP-17", "DR-I.OP-1")


def test_op1_chapeau_rejoined_across_the_page_foot(document):
    text = document.unit("DR-I.OP-1").text
    assert "Developments in the Field of Information and Telecommunications in the Context of International Security of 2013" in text


def test_cover_page_metadata(document):
    assert document.date == "19 November 2018"
    assert document.agenda_item == "96"
    assert document.title.startswith("Developments in the field of information and telecommunications")
    assert "Muna Zawani Md Idris (Brunei Darussalam)" in document.unit("header").text


def test_labels_and_citation_ids():
    assert label("A/73/505", "para-7") == "A/73/505, para. 7"
    assert label("A/73/505", "fn-3") == "A/73/505, footnote 3"
    assert label("A/73/505", "DR-I.OP-4(b)") == "A/73/505, draft resolution I, operative para. 4 (b)"
    assert label("A/73/505", "DR-II.PP-3") == "A/73/505, draft resolution II, preambular para. 3"
    assert parse_citation_id("A/73/505#DR-I.OP-1.6") == ("A/73/505", "DR-I.OP-1.6")
    with pytest.raises(ValueError):
        parse_citation_id("A/73/505#para-x")


@pytest.mark.parametrize(
    "raw, problem",
    [("", "empty"), ("   \n", "empty"), ("abc\x00def", "binary"), ("Just one line of prose.", "no numbered paragraph")],
)
def test_bad_text_fails_with_the_file_named(raw, problem):
    with pytest.raises(ParseError, match=rf"bad.txt: .*{problem}"):
        parse_document(raw, "A/1/1", "bad.txt")


def test_duplicate_locator_fails(raw_text):
    doubled = raw_text.replace("4. No documents were submitted", "3. No documents were submitted")
    with pytest.raises(ParseError, match="duplicate locator 'para-3'"):
        parse_document(doubled, "A/73/505", "A_73_505.txt")
