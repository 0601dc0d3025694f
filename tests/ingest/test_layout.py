"""Page breaks, footnotes and link artefacts, on the real corpus text."""

from ingest.layout import clean_inline, marker_numbers, split_blocks, strip_markers


def test_link_artefacts_and_emphasis_are_removed():
    assert clean_inline("draft resolution [A/C.1/73/L.27/Rev.1](#) and *Welcomes* **Md Idris**") == (
        "draft resolution A/C.1/73/L.27/Rev.1 and Welcomes Md Idris"
    )


def test_markers_are_read_and_stripped():
    assert marker_numbers("in its 2013³ and 2015² reports") == [3, 2]
    assert strip_markers("in its 2013³ and 2015² reports") == "in its 2013 and 2015 reports"


def test_paragraph_split_by_a_page_foot_is_rejoined(raw_text):
    blocks, _ = split_blocks(raw_text)
    para3 = next(b.text for b in blocks if b.text.startswith("3. At its 1st meeting"))
    assert "At those meetings, as well as during the action phase" in para3
    assert para3.endswith("on 1, 2, 5, 6 and 8 November.²")


def test_voting_list_split_by_a_page_foot_is_rejoined(raw_text):
    blocks, _ = split_blocks(raw_text)
    in_favour = next(b.text for b in blocks if b.text.startswith("Algeria, Angola, Argentina"))
    assert "Thailand, Timor-Leste, Togo, Tunisia" in in_favour
    assert "Subsequently" not in in_favour


def test_page_break_without_footnote_is_rejoined(raw_text):
    blocks, _ = split_blocks(raw_text)
    op5 = next(b.text for b in blocks if b.text.startswith("5. *Decides*") or b.text.startswith("5. Decides"))
    assert "by States, as well as confidence-building measures" in op5


def test_footnotes_leave_the_flow_with_their_numbers(raw_text):
    blocks, footnotes = split_blocks(raw_text)
    assert [f.number for f in footnotes] == [1, 2, 3, 4, 1, 2, 3, 4, 5, 1, 2, 3]
    assert footnotes[2].text == (
        "Subsequently the delegation of the Democratic Republic of Congo indicated that it had intended to vote in favour."
    )
    assert not any(b.text.startswith("³") for b in blocks)
