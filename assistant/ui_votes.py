"""The Votes tab: tallies, every Member State's position, intentions and the cross-table.

For a chosen draft: the tally out of 193, the table of Member States (filterable by name, group
and position, downloadable as CSV) and the footnoted intentions; below, positions on the two
drafts crossed, a click on a count listing its States.

All figures come from ``assistant.explorer`` over the parsed vote records (A/73/505, paras. 7
and 10, footnotes 3 and 4). The tab opens filled in (values computed when the app is built).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import gradio as gr
import pandas as pd

from assistant import explorer
from assistant.render import tally_html
from assistant.service import Assistant
from assistant.ui_assets import POSITION_COLORS
from assistant.ui_exports import Exports
from assistant.votebook import DraftKey, VoteBook

_RECORDED = {"in favour": "recorded in favour", "against": "recorded against", "abstaining": "recorded abstaining",
             "not recorded": "not recorded as voting"}
_INTENDED = {"in favour": "to vote in favour", "against": "to vote against", "abstaining": "to abstain"}


@dataclass
class VotesView:
    """The components of the Votes tab that a refresh updates."""

    counts: gr.HTML
    chart: gr.BarPlot
    notes: gr.HTML
    states: gr.Dataframe
    download: gr.DownloadButton

    def outputs(self) -> list:
        """The components ``refresh`` fills, in its order."""
        return [self.counts, self.chart, self.notes, self.states, self.download]


def tally_chart(value: pd.DataFrame | None = None, x: str = "position", **options: Any) -> gr.BarPlot:
    """A bar chart of a tally (columns ``x``, ``position``, ``States``), one colour per position, no legend."""
    return gr.BarPlot(value, x=x, y="States", color="position", color_map=POSITION_COLORS, sort=list(POSITION_COLORS),
                      colors_in_legend=[], x_title=" ", y_title="Member States", **options)


def intentions_html(book: VoteBook, key: DraftKey) -> str:
    """The footnoted intentions on a draft, each beside its recorded position, with the footnote's text."""
    found = explorer.intentions(book, key)
    if not found:
        return '<div class="intentions">No footnoted intentions on this draft.</div>'
    items = "".join(f"<li><b>{html.escape(s)}</b>: {_RECORDED[r]}; intended {_INTENDED[i]} ({html.escape(f)})</li>" for s, r, i, f in found)
    vote = book.votes[key]
    texts = dict.fromkeys(i.text for i in vote.intentions)
    quoted = "".join(f"<div>\u201c{html.escape(t)}\u201d</div>" for t in texts)
    return f'<div class="intentions">Footnoted intentions:<ul>{items}</ul>{quoted}</div>'


def make_refresh(book: VoteBook, exports: Exports) -> Callable[[str, str, str, str], list]:
    """The Votes tab's callback: (draft key, name filter, group key, position) → ``VotesView.outputs`` values."""

    def refresh(choice: str, name: str, group: str, position: str) -> list:
        key = explorer.key_of(choice)
        rows = explorer.tally_rows(book, key)
        table = explorer.state_rows(book, key, name or "", group or "", position or "")
        csv_path = exports.write_public(f"votes-draft-{key.number}.csv", explorer.rows_csv(table))
        frame = pd.DataFrame(rows, columns=["position", "States"])
        return [tally_html(rows, explorer.tally_caption(book, key)), frame, intentions_html(book, key),
                pd.DataFrame(table, columns=list(explorer.STATE_COLUMNS)), csv_path]

    return refresh


def votes_tab(assistant: Assistant, exports: Exports) -> None:
    """Build the Votes tab inside the current Blocks and wire its events (none exposed as API)."""
    book = assistant.book
    choices = explorer.draft_choices(book)
    if not choices:
        gr.Markdown("No recorded votes in the documents.")
        return
    refresh = make_refresh(book, exports)
    first = refresh(choices[0][1], "", "", "")
    with gr.Row():
        draft = gr.Dropdown(choices, value=choices[0][1], label="Draft", elem_id="votes-draft", scale=2)
        name = gr.Textbox(label="Filter by name", placeholder="e.g. Congo", elem_id="votes-name", scale=1)
        group = gr.Dropdown(explorer.group_choices(), value="", label="Group", elem_id="votes-group", scale=1)
        position = gr.Dropdown(explorer.position_choices(), value="", label="Position", elem_id="votes-position", scale=1)
    with gr.Row(equal_height=False):
        with gr.Column(scale=2):
            counts = gr.HTML(first[0], elem_id="votes-counts", js_on_load=None)
            chart = tally_chart(first[1], x="position", height=240, elem_id="votes-chart", show_label=False)
            notes = gr.HTML(first[2], elem_id="votes-notes", js_on_load=None)
        with gr.Column(scale=3):
            states = gr.Dataframe(first[3], max_height=420, interactive=False, elem_id="votes-table", label="Member States", wrap=True,
                                  column_widths=["30%", "17%", "30%", "23%"])
            download = gr.DownloadButton("Download table (CSV)", value=first[4], size="sm", elem_id="votes-csv")
    view = VotesView(counts, chart, notes, states, download)
    inputs = [draft, name, group, position]
    for component in (draft, group, position):
        component.change(refresh, inputs, view.outputs(), api_visibility="private")
    name.input(refresh, inputs, view.outputs(), api_visibility="private", trigger_mode="always_last")
    _compare_block(book)


def _compare_block(book: VoteBook) -> None:
    keys = book.drafts()
    if len(keys) != 2:
        return
    first, second = keys
    gr.Markdown(f"### Compare the drafts\nRows: position on draft {first.number} ({book.votes[first].draft_symbol}); "
                f"columns: position on draft {second.number} ({book.votes[second].draft_symbol}). Click a count to list its States.")
    headers = [f"on {first.number} \u2193 / on {second.number} \u2192", *explorer.POSITION_LABELS]
    cross = gr.Dataframe(pd.DataFrame(explorer.cross_table(book, first, second), columns=headers), interactive=False, elem_id="cross-table")
    cell = gr.Markdown("", elem_id="cross-cell")

    def pick(event: gr.SelectData) -> str:
        row, column = event.index
        if column == 0:
            return "Click a count to list its States."
        return explorer.cross_caption(book, first, second, row, column - 1)

    cross.select(pick, None, cell, api_visibility="private")
