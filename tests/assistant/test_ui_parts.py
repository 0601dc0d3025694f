"""The UI's pure parts over the real corpus: honest charts, the votes filter, exports with footnotes, follow-ups.

Vote answers come from a real ``Assistant`` whose retriever is never built (vote questions do not need it).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile

import pytest

from assistant import explorer
from assistant.briefing import Section, briefing_markdown, heading, worth_exporting
from assistant.briefing_docx import write_docx
from assistant.charts import Bar, axis_ticks, chart_spec, chart_svg
from assistant.conversation import Conversation


@pytest.fixture(scope="module")
def book(vote_assistant):
    return vote_assistant.book


def spec_of(svg: str) -> dict:
    import html

    return json.loads(html.unescape(re.search(r'data-spec="([^"]*)"', svg)[1]))


@pytest.mark.parametrize(("largest", "ticks"), [(139, [0, 25, 50, 75, 100, 125, 150]), (11, [0, 2, 4, 6, 8, 10, 12]),
                                                (193, [0, 50, 100, 150, 200]), (0, [0, 1])])
def test_axis_starts_at_zero_and_covers_the_largest_count(largest, ticks):
    assert axis_ticks(largest) == ticks


def test_chart_of_draft_ii_is_drawn_to_scale_with_values_and_a_spoken_name(book):
    second = book.drafts()[1]
    bars = [Bar(p, p, n) for p, n in explorer.tally_rows(book, second)]
    svg = chart_svg(bars, "Recorded vote on draft II")
    spec = spec_of(svg)
    assert spec["y"]["domain"][0] == 0 and spec["y"]["domain"][1] >= 139
    assert [b["value"] for b in spec["bars"]] == [139, 11, 18, 25]
    heights = {int(v): float(h) for h, v in re.findall(r'height="([\d.]+)" fill="[^"]+" data-value="(\d+)"', svg)}
    assert heights[11] / heights[139] == pytest.approx(11 / 139, rel=0.01)  # 11 against is drawn 11/139 as tall, not 1 px
    assert re.findall(r'<text class="value"[^>]*>(\d+)</text>', svg) == ["139", "11", "18", "25"]
    assert 'role="img"' in svg
    assert 'aria-label="Recorded vote on draft II: 139 in favour, 11 against, 18 abstaining, 25 not recorded."' in svg
    assert chart_spec([], "x")["y"]["domain"] == [0, 1]


@pytest.mark.parametrize(("typed", "expected"), [
    ("Türkiye", ["Turkey"]), ("USA", ["United States of America"]), ("DRC", ["Democratic Republic of the Congo"]),
    ("congo", ["Congo", "Democratic Republic of the Congo"]), ("Afganistan", ["Afghanistan"]), ("mozam", ["Mozambique"]),
    ("France, Egypt", ["Egypt", "France"]),
])
def test_name_filter_resolves_names_as_the_chat_does(book, typed, expected):
    first = book.drafts()[0]
    assert sorted(r[0] for r in explorer.state_rows(book, first, name_filter=typed)) == expected


def test_a_name_that_matches_nothing_gives_no_rows(book):
    assert explorer.state_rows(book, book.drafts()[0], name_filter="Atlantis") == []


def test_tiles_are_retallied_for_the_group_shown(book):
    first, second = book.drafts()
    eu = explorer.state_rows(book, first, group="eu")
    assert explorer.tally_rows(book, first, eu) == [("in favour", 0), ("against", 28), ("abstaining", 0), ("not recorded", 0)]
    african = explorer.state_rows(book, second, group="african")
    counts = dict(explorer.tally_rows(book, second, african))
    assert sum(counts.values()) == len(african) == 54 and counts["against"] == 2  # Egypt and Zimbabwe (A/73/505, para. 10)
    assert [r[0] for r in african if r[1] == "against"] == ["Egypt", "Zimbabwe"]


def test_refresh_csv_is_exactly_the_table_shown(vote_assistant, tmp_path):
    from assistant.ui_exports import Exports
    from assistant.ui_votes import make_refresh

    book = vote_assistant.book
    refresh = make_refresh(book, Exports(tmp_path))
    key = explorer.vote_choices(book)[0][1]
    counts, chart, _, table, empty, path = refresh(key, "Türkiye, USA", "", "")
    rows = list(csv.reader(io.StringIO(open(path, encoding="utf-8").read())))
    assert rows[0] == list(explorer.STATE_COLUMNS)
    assert rows[1:] == table["value"].values.tolist() == [["Turkey", "abstaining", "", "Western European and other States"],
                                                          ["United States of America", "against", "", "Western European and other States"]]
    assert re.findall(r'class="count">(\d+)<', counts) == ["0", "1", "1", "0"] and empty == ""
    assert spec_of(chart)["y"]["domain"][0] == 0
    *_, table, empty, path = refresh(key, "Atlantis", "", "")
    assert "No State matches \u201cAtlantis\u201d" in empty and table["visible"] is False
    assert open(path, encoding="utf-8").read().strip() == ",".join(explorer.STATE_COLUMNS)


def test_every_recorded_vote_is_a_choice(book, document):
    choices = explorer.vote_choices(book)
    assert [explorer.key_of(book, k) for _, k in choices] == list(document.votes)
    assert choices[0][0] == "draft resolution I (A/C.1/73/L.27/Rev.1)"
    first, second = document.votes
    assert explorer.comparable(first, second) and not explorer.comparable(first, first)


@pytest.fixture(scope="module")
def conversation_answers(vote_assistant):
    conversation = Conversation()
    return [vote_assistant.answer(q, conversation) for q in
            ("How did Atlantis vote on draft resolution I?", "How did France vote on draft resolution I?", "", "And on the other draft?")]


def test_refusals_and_empty_turns_are_not_ticked_and_headings_are_standalone(conversation_answers):
    assert [worth_exporting(a) for a in conversation_answers] == [False, True, False, True]
    assert heading(conversation_answers[3]) == "How did France vote on draft resolution II (A/C.1/73/L.37)?"
    from assistant.answers import Answer

    long = Answer(question="x " * 3000, standalone="")
    assert len(heading(long)) <= 160 and heading(long).endswith("\u2026")


def test_export_of_two_ticked_answers_holds_those_two_with_footnotes_and_tables(vote_assistant, conversation_answers, tmp_path):
    from assistant.ui_chat import answer_tables

    chosen = [conversation_answers[1], conversation_answers[3]]
    sections = [Section(a, answer_tables(vote_assistant, a)) for a in chosen]
    note = briefing_markdown(sections, documents=vote_assistant.documents)
    assert re.findall(r"^## \d+\. (.*)$", note, re.M) == ["How did France vote on draft resolution I?",
                                                           "How did France vote on draft resolution II (A/C.1/73/L.37)?"]
    assert "with 16 abstentions.[^1]" in note and "with 18 abstentions.[^2]" in note
    assert re.findall(r"^\[\^(\d)\]: (.*)$", note, re.M) == [("1", "A/73/505, para. 7."), ("2", "A/73/505, para. 10.")]
    assert "| in favour | 109 | " + "\u2588" * 14 + " |" in note and "| against | 11 | \u2588 |" in note  # 109/193 and 11/193 of 24
    assert "Atlantis" not in note

    path = write_docx(sections, tmp_path / "note.docx", documents=vote_assistant.documents)
    with zipfile.ZipFile(path) as package:
        body = package.read("word/document.xml").decode()
        notes = package.read("word/footnotes.xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
        core = package.read("docProps/core.xml").decode()
    assert re.findall(r'<w:footnoteReference w:id="(\d+)"/>', body) == ["1", "2"]
    assert re.findall(r'<w:footnote w:id="(\d+)">.*?<w:t xml:space="preserve"> ([^<]*)</w:t>', notes) == [
        ("1", "A/73/505, para. 7."), ("2", "A/73/505, para. 10.")]
    assert "relationships/footnotes" in rels
    assert "How did France vote on draft resolution II (A/C.1/73/L.37)?" in body and "Atlantis" not in body
    assert "<dc:title>Briefing note</dc:title>" in core and "python-docx" not in core
    assert re.search(r"<dc:creator\s*/>|<dc:creator></dc:creator>", core)
    created = dt.datetime.fromisoformat(re.search(r"<dcterms:created[^>]*>([^<]+)<", core)[1].replace("Z", "+00:00"))
    assert abs((dt.datetime.now(dt.UTC) - created).total_seconds()) < 120


def test_follow_ups_come_from_the_reading(vote_assistant, conversation_answers):
    from assistant.ui_chat import suggestions

    assert suggestions(vote_assistant, conversation_answers[1]) == [
        "And on draft resolution II?", "How did EU members vote on draft resolution I?",
        "Which States abstained on both drafts?"]
    assert suggestions(vote_assistant, conversation_answers[0]) == suggestions(vote_assistant, conversation_answers[2]) == []


class FakeScopedAssistant:
    """A fake: records what ``answer`` is called with (the real ``Assistant.answer`` has no ``document`` argument yet)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None]] = []

    def answer(self, question, conversation=None, document=None):  # type: ignore[no-untyped-def]
        self.calls.append((question, document))
        return question


def test_the_document_chooser_scopes_questions_when_the_assistant_takes_a_document(vote_assistant):
    from assistant.ui_chat import _ask, document_choices

    fake = FakeScopedAssistant()
    _ask(fake, "How did France vote?", Conversation(), "A/73/505")
    _ask(fake, "How did France vote?", Conversation(), "")
    assert fake.calls == [("How did France vote?", "A/73/505"), ("How did France vote?", None)]
    answer = _ask(vote_assistant, "How did France vote on draft resolution I?", Conversation(), "A/73/505")  # no such argument: all
    assert answer.citations[0].id == "A/73/505#para-7"
    assert document_choices(vote_assistant)[0] == ("All documents", "")


@pytest.fixture(scope="module")
def many_book():
    """A/73/505 with the multi-document suite's files: a paragraph vote, a draft decision, the Council's and the plenary's votes."""
    from assistant.votes.votebook import VoteBook
    from ingest.pipeline import parse_files
    from ingest.settings import PROJECT_ROOT

    formats = PROJECT_ROOT / "tests" / "data" / "formats"
    files = [PROJECT_ROOT / "corpus" / "A_73_505.txt", *(formats / n for n in ("A_78_407.pdf", "A_HRC_RES_54_18.pdf", "A_73_PV_45.pdf"))]
    return VoteBook(parse_files(files))


def test_explorer_offers_every_recorded_vote_of_every_document(many_book, tmp_path):
    from assistant.ui_exports import Exports
    from assistant.ui_votes import make_refresh

    refresh = make_refresh(many_book, Exports(tmp_path))
    tallies = {name: re.findall(r'class="count">(\d+)<', refresh(key, "", "", "")[0]) for name, key in explorer.vote_choices(many_book)}
    assert tallies == {
        "draft resolution I (A/C.1/73/L.27/Rev.1) of A/73/505, First Committee": ["109", "45", "16", "23"],
        "draft resolution II (A/C.1/73/L.37) of A/73/505, First Committee": ["139", "11", "18", "25"],
        "draft resolution I (A/C.1/78/L.14) of A/78/407, First Committee": ["112", "51", "19", "11"],
        "operative paragraph 1 of draft resolution II (A/C.1/78/L.38/Rev.1) of A/78/407 (retained), First Committee":
            ["92", "52", "24", "25"],
        "draft resolution II (A/C.1/78/L.38/Rev.1) of A/78/407, First Committee": ["121", "35", "18", "19"],
        "the draft decision (A/C.1/78/L.61) of A/78/407, First Committee": ["164", "2", "9", "18"],
        "resolution A/HRC/RES/54/18, Human Rights Council": ["28", "13", "6", "0"],  # out of the Council's 47
        "draft resolution I of A/73/505 (resolution 73/27) in A/73/PV.45, General Assembly": ["119", "46", "14", "14"],
    }
    council = next(v for v in explorer.all_votes(many_book) if v.body == "Human Rights Council")
    assert len(explorer.state_rows(many_book, council)) == 47
    plenary = next(v for v in explorer.all_votes(many_book) if v.body == "General Assembly")
    committee = explorer.all_votes(many_book, "A/73/505")[0]
    assert not explorer.comparable(plenary, committee)  # different bodies are never crossed
    part, whole = explorer.all_votes(many_book, "A/78/407")[1:3]
    assert explorer.comparable(part, whole) and sum(sum(r[1:]) for r in explorer.cross_table(many_book, part, whole)) == 193
