"""The Votes tab: every recorded vote of every document, its tally, every member's position, the cross-table.

For a chosen vote: the tally (tiles and an honest bar chart) of the States shown, the table of the
voting body's members (filtered by name, group and position; the name filter resolves names as the
chat does and reacts to typing and pasting alike), a CSV of exactly the table shown, and the
footnoted intentions; below, the positions on any two votes of the same body crossed, a click on a
count listing its States.

All figures come from ``assistant.explorer`` over the parsed vote records (A/73/505, paras. 7
and 10, footnotes 3 and 4). The tab opens filled in (values computed when the app is built).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import gradio as gr
import pandas as pd

from assistant import explorer
from assistant.charts import Bar, chart_svg
from assistant.render import tally_html
from assistant.service import Assistant
from assistant.ui_exports import Exports
from assistant.votes.votebook import VoteBook
from ingest.member_states import roster
from ingest.records import RecordedVote

_RECORDED = {"in favour": "recorded in favour", "against": "recorded against", "abstaining": "recorded abstaining",
             "not recorded": "not recorded as voting"}
_INTENDED = {"in favour": "to vote in favour", "against": "to vote against", "abstaining": "to abstain"}


@dataclass
class VotesView:
    """The components of the Votes tab that a refresh updates."""

    counts: gr.HTML
    chart: gr.HTML
    notes: gr.HTML
    states: gr.Dataframe
    empty: gr.HTML
    download: gr.DownloadButton

    def outputs(self) -> list:
        """The components ``refresh`` fills, in its order."""
        return [self.counts, self.chart, self.notes, self.states, self.empty, self.download]


def intentions_html(book: VoteBook, vote: RecordedVote) -> str:
    """The footnoted intentions on a vote, each beside its recorded position, with the footnote's text."""
    found = explorer.intentions(book, vote)
    if not found:
        return '<div class="intentions">No footnoted intentions on this vote.</div>'
    items = "".join(f"<li><b>{html.escape(s)}</b>: {_RECORDED[r]}; intended {_INTENDED[i]} ({html.escape(f)})</li>" for s, r, i, f in found)
    texts = dict.fromkeys(i.text for i in vote.intentions)
    quoted = "".join(f"<div>\u201c{html.escape(t)}\u201d</div>" for t in texts)
    return f'<div class="intentions">Footnoted intentions:<ul>{items}</ul>{quoted}</div>'


def shown_caption(book: VoteBook, vote: RecordedVote, rows: list[list[str]], name: str, group: str) -> str:
    """The tiles' caption: the whole tally's source, or which States the tiles count ('28 States of the European Union …')."""
    if not name.strip() and not group:
        return explorer.tally_caption(book, vote)
    which = [f"of the {roster().group(group).name}"] if group else []
    which += [f"matching \u201c{name.strip()}\u201d"] if name.strip() else []
    return f"{len(rows)} States {' and '.join(which)}, on {explorer.vote_name(book, vote)}: positions counted from the lists."


def csv_name(vote: RecordedVote, name: str, group: str, position: str) -> str:
    """The CSV's file name: the vote and the filters, e.g. 'votes-A_C_1_73_L_27_Rev_1-eu-against.csv'."""
    parts = [vote.draft_symbol, "" if vote.whole else vote.subject, group, position, name]
    return "votes-" + "-".join(re.sub(r"[^A-Za-z0-9]+", "_", p).strip("_") for p in parts if p.strip())[:120] + ".csv"


def make_refresh(book: VoteBook, exports: Exports) -> Callable[[str, str, str, str], list]:
    """The Votes tab's callback: (vote key, name filter, group key, position) → ``VotesView.outputs`` values.

    The tiles and chart count the States of the group and name shown (the stated tally when neither is set);
    the position filter narrows the table only. The CSV holds exactly the rows of the table.
    """

    def refresh(choice: str, name: str, group: str, position: str) -> list:
        vote = explorer.key_of(book, choice)
        name, group, position = name or "", group or "", position or ""
        shown = explorer.state_rows(book, vote, name, group, "")
        table = [r for r in shown if not position or r[1] == position]
        filtered = bool(name.strip() or group)
        counts = explorer.tally_rows(book, vote, shown if filtered else None)
        caption = shown_caption(book, vote, shown, name, group)
        title = f"{'States shown' if filtered else 'Recorded vote'}: {explorer.vote_name(book, vote)}"
        chart = chart_svg([Bar(p, p, n) for p, n in counts], title, element_id="votes-chart-svg")
        empty = "" if table else f'<div class="no-match" role="status">No State matches \u201c{html.escape(name.strip())}\u201d' + \
            (f" among the {len(shown)} shown." if name.strip() and shown else " with these filters.") + "</div>"
        csv_path = exports.write_public(csv_name(vote, name, group, position), explorer.rows_csv(table))
        frame = pd.DataFrame(table, columns=list(explorer.STATE_COLUMNS))
        return [tally_html(counts, caption), chart, intentions_html(book, vote), gr.update(value=frame, visible=bool(table)),
                empty, csv_path]

    return refresh


def votes_tab(assistant: Assistant, exports: Exports) -> None:
    """Build the Votes tab inside the current Blocks and wire its events (none exposed as API)."""
    book = assistant.book
    choices = explorer.vote_choices(book)
    if not choices:
        gr.Markdown("No recorded votes in the documents.")
        return
    refresh = make_refresh(book, exports)
    first = refresh(choices[0][1], "", "", "")
    with gr.Row():
        vote = gr.Dropdown(choices, value=choices[0][1], label="Recorded vote", elem_id="votes-draft", scale=3)
        name = gr.Textbox(label="Filter by name", placeholder="e.g. Congo, USA, Türkiye", elem_id="votes-name", scale=1)
        group = gr.Dropdown(explorer.group_choices(), value="", label="Group", elem_id="votes-group", scale=1)
        position = gr.Dropdown(explorer.position_choices(), value="", label="Position", elem_id="votes-position", scale=1)
    with gr.Row(equal_height=False):
        with gr.Column(scale=2):
            counts = gr.HTML(first[0], elem_id="votes-counts", js_on_load=None)
            chart = gr.HTML(first[1], elem_id="votes-chart", js_on_load=None)
            notes = gr.HTML(first[2], elem_id="votes-notes", js_on_load=None)
        with gr.Column(scale=3):
            empty = gr.HTML(first[4], elem_id="votes-empty", js_on_load=None)
            states = gr.Dataframe(first[3]["value"], max_height=420, interactive=False, elem_id="votes-table", label="Member States",
                                  wrap=True, column_widths=["30%", "24%", "21%", "25%"])
            download = gr.DownloadButton("Download table (CSV)", value=first[5], size="sm", elem_id="votes-csv")
    view = VotesView(counts, chart, notes, states, empty, download)
    inputs = [vote, name, group, position]
    for component in (vote, group, position, name):  # change: typing, pasting and clearing alike
        component.change(refresh, inputs, view.outputs(), api_visibility="private", trigger_mode="always_last")
    _compare_block(book)


def _compare_block(book: VoteBook) -> None:
    """The cross-table of two votes of the same body (chosen; the first two such votes to begin with)."""
    votes = explorer.all_votes(book)
    pairs = [(a, b) for i, a in enumerate(votes) for b in votes[i + 1:] if explorer.comparable(a, b)]
    if not pairs:
        return
    choices = explorer.vote_choices(book)
    key = {id(v): k for v, (_, k) in zip(votes, choices, strict=True)}
    gr.Markdown("## Compare two votes\nRows: position on the first vote; columns: position on the second (two votes of the same "
                "body). Click a count to list its States.")
    with gr.Row():
        first = gr.Dropdown(choices, value=key[id(pairs[0][0])], label="First vote", elem_id="cross-first")
        second = gr.Dropdown(choices, value=key[id(pairs[0][1])], label="Second vote", elem_id="cross-second")
    cross = gr.Dataframe(_cross_frame(book, key[id(pairs[0][0])], key[id(pairs[0][1])]), interactive=False, elem_id="cross-table")
    cell = gr.Markdown("", elem_id="cross-cell")

    def table(a: str, b: str) -> tuple[pd.DataFrame, str]:
        if not explorer.comparable(explorer.key_of(book, a), explorer.key_of(book, b)):
            return pd.DataFrame(), "These two votes cannot be crossed: choose two different votes of the same body and year."
        return _cross_frame(book, a, b), ""

    def pick(a: str, b: str, event: gr.SelectData) -> str:
        row, column = event.index
        first_vote, second_vote = explorer.key_of(book, a), explorer.key_of(book, b)
        if column == 0 or not explorer.comparable(first_vote, second_vote):
            return "Click a count to list its States."
        return explorer.cross_caption(book, first_vote, second_vote, row, column - 1)

    for dropdown in (first, second):
        dropdown.change(table, [first, second], [cross, cell], api_visibility="private")
    cross.select(pick, [first, second], cell, api_visibility="private")


def _cross_frame(book: VoteBook, a: str, b: str) -> pd.DataFrame:
    first, second = explorer.key_of(book, a), explorer.key_of(book, b)
    headers = [f"on {explorer.short_name(first)} \u2193 / on {explorer.short_name(second)} \u2192", *explorer.POSITION_LABELS]
    return pd.DataFrame(explorer.cross_table(book, first, second), columns=headers)
