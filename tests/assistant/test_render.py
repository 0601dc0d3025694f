"""Rendering, the briefing note and the votes explorer: pure functions over the real corpus.

Vote answers come from a real ``Assistant`` whose retriever is never built (vote questions do not
need it); the content answer is composed by hand from the corpus units, as retrieval would.
"""

from __future__ import annotations

import re

import pytest

from assistant import explorer
from assistant.answers import Answer, Citation, Sentence
from assistant.briefing import briefing_markdown, document_reference, references, write_docx
from assistant.render import (
    answer_markdown,
    answer_source_html,
    answer_steps,
    document_html,
    highlighted_html,
    md_escape,
    parse_cite_href,
    short_label,
    unit_anchor,
    user_markdown,
)
from assistant.votes.votebook import VoteBook


@pytest.fixture(scope="module")
def book(document):
    return VoteBook([document])


def content_answer(document) -> Answer:
    """What the assistant answers about critical infrastructure (two operative paragraphs, quoted)."""
    units = [document.unit("DR-I.OP-1.6"), document.unit("DR-I.OP-1.7")]
    citations = [Citation(id=u.id, locator=u.locator, label=u.label, text=u.text) for u in units]
    quote = "A State should not conduct or knowingly support ICT activity contrary to its obligations under international law that " \
            "intentionally damages critical infrastructure or otherwise impairs the use and operation of critical infrastructure " \
            "to provide services to the public."
    lead = "The documents address this in A/73/505, draft resolution I, operative para. 1.6 and 1.7:"
    return Answer(question="What does the text say about critical infrastructure?", standalone="", citations=citations, sentences=[
        Sentence(text=lead, citations=[c.id for c in citations]),
        Sentence(text=f"\u201c{quote}\u201d", citations=[citations[0].id], quote=True),
    ])


def test_markdown_escape_keeps_text_literal():
    assert md_escape("1. *a* [b](c) _d_ `e` #f |g| $h$") == "1\\. \\*a\\* \\[b\\](c) \\_d\\_ \\`e\\` \\#f \\|g\\| \\$h\\$"
    assert md_escape("- x\n+ y") == "\\- x\n\\+ y"
    assert user_markdown('<img src=x onerror="alert(1)">') == '&lt;img src=x onerror="alert(1)"&gt;'


def test_vote_answer_markers_link_to_their_source(vote_assistant):
    answer = vote_assistant.answer("How did France vote on draft resolution I?")
    markdown = answer_markdown(answer, 3)
    assert '<a class="cite" href="#cite-3-1" aria-label="source 1: A/73/505, para. 7" data-preview="A/73/505, para. 7 \u2014 \u201c' \
        in markdown
    preview = re.search(r'data-preview="([^"]*)">\[1\]</a>', markdown)[1]
    assert "Finland, France, Georgia" in preview and len(preview) < 260
    assert "Sources <span class=\"grade\" data-grade=\"records\">(from the records)</span>: " in markdown
    assert "[1]\u00a0A/73/505, para. 7" in markdown
    assert parse_cite_href("cite-3-1:1712345") == (3, 1) and parse_cite_href("#cite-0-2") == (0, 2) and parse_cite_href("x") is None
    panel = answer_source_html(answer, 1)
    assert "<mark>France</mark>" in panel and panel.count("<mark>") == 1
    assert 'href="#u-A_73_505-para-7"' in panel


def test_answer_streams_sentence_by_sentence_and_quotes_stand_alone(document):
    answer = content_answer(document)
    steps = answer_steps(answer, 0)
    assert len(steps) == 3 and all(later.startswith(earlier) for earlier, later in zip(steps, steps[1:], strict=False))
    assert "\n\n> \u201cA State should not" in steps[1]
    panel = answer_source_html(answer, 1)
    marked = re.findall(r"<mark>(.*?)</mark>", panel)
    assert len(marked) == 1 and "intentionally damages critical infrastructure" in marked[0]
    assert answer_source_html(answer, 2).count("<mark>") == 0


def test_highlight_marks_whole_list_items_only(document):
    text = document.unit("para-10").text
    marked = re.findall(r"<mark>(.*?)</mark>", highlighted_html(text, names=["Niger", "Congo"]))
    assert sorted(marked) == ["Congo", "Niger"]
    assert "<script>" not in highlighted_html("<script>x</script>") and "&lt;script&gt;" in highlighted_html("<script>x</script>")


def test_document_anchors_every_unit_once(document):
    page = document_html(document)
    for unit in document.units:
        assert page.count(f'id="{unit_anchor(unit.id)}"') == 1, unit.locator
    labels = ("A/73/505, para. 7", "A/73/505, draft resolution I, operative para. 1.6", "A/73/505, draft resolution II, preambular para. 4",
              "A/73/505, draft resolution I, footnote 2")
    assert [short_label(label) for label in labels] == ["para. 7", "OP 1.6", "PP 4", "fn. 2"]
    assert page.index("Draft resolution I (A/C.1/73/L.27/Rev.1)") < page.index("Draft resolution II (A/C.1/73/L.37)")


def test_briefing_numbers_references_across_the_note(vote_assistant, document, tmp_path):
    answers = [vote_assistant.answer("How did France vote on draft resolution I?"), content_answer(document),
               vote_assistant.answer("How did Egypt vote on draft resolution I?")]
    assert [c.label for c in references(answers)] == ["A/73/505, para. 7", "A/73/505, draft resolution I, operative para. 1.6",
                                                      "A/73/505, draft resolution I, operative para. 1.7"]
    note = briefing_markdown(answers, documents=[document])
    assert "## 3. How did Egypt vote on draft resolution I?" in note
    assert "with 16 abstentions.[^1]" in note and "to provide services to the public.\u201d[^2]" in note
    assert "[^2]: A/73/505, draft resolution I, operative para. 1.6." in note
    assert document_reference(document) == ("United Nations, General Assembly, Developments in the field of information and "
                                            "telecommunications in the context of international security: Report of the First Committee, "
                                            "A/73/505 (19 November 2018).")
    from docx import Document

    text = "\n".join(p.text for p in Document(str(write_docx(answers, tmp_path / "note.docx", documents=[document]))).paragraphs)
    assert "1. How did France vote" in text and "[1]" not in text
def test_briefing_escapes_a_question(vote_assistant):
    answer = vote_assistant.answer("<b>How</b> did France vote on draft resolution I?")
    assert "## 1. \\<b\\>How\\</b\\> did France" in briefing_markdown([answer])


@pytest.mark.parametrize(("number", "expected"), [("I", [109, 45, 16, 23]), ("II", [139, 11, 18, 25])])
def test_tallies_are_out_of_193(book, number, expected):
    key = next(k for k in book.drafts() if k.number == number)
    assert [n for _, n in explorer.tally_rows(book, key)] == expected
    rows = explorer.state_rows(book, key)
    assert len(rows) == 193
    assert [sum(1 for r in rows if r[1] == p) for p in explorer.POSITION_LABELS] == expected


def test_state_filters_and_intentions(book):
    first, second = book.drafts()
    assert len(explorer.state_rows(book, first, group="eu")) == 28
    assert {r[1] for r in explorer.state_rows(book, first, group="eu")} == {"against"}
    assert explorer.state_rows(book, second, name_filter="mozam") == [
        ["Mozambique", "in favour", "intended: abstaining (footnote 4)", "African Group"]]
    assert [i[0] for i in explorer.intentions(book, second)] == ["Democratic Republic of the Congo", "Mozambique", "Pakistan"]
    assert len(explorer.state_rows(book, first, position="not recorded")) == 23


def test_cross_table_counts_sum_to_193_and_cells_list_their_states(book):
    first, second = book.drafts()
    table = explorer.cross_table(book, first, second)
    assert sum(sum(row[1:]) for row in table) == 193
    assert table[1][1] == 45 and len(explorer.cross_cell(book, first, second, 1, 0)) == 45
    assert explorer.cross_caption(book, first, second, 2, 2).startswith("7 States: abstaining on I and abstaining on II \u2014 Botswana")
