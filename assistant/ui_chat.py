"""The Ask tab: streamed, cited answers with a source panel, vote chart and table, copy and export.

Each browser session has its own ``Conversation`` and list of answers (``gr.State``), never
shared. Citation markers in answers are links handled in the browser (``ui_assets.LINKS_JS``):
a click sends 'cite-<answer>-<n>:<time>' through a hidden bridge component, and the server
answers with that source in the panel.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import gradio as gr
import pandas as pd

from assistant import explorer
from assistant.answers import Answer
from assistant.briefing import briefing_markdown, write_docx
from assistant.conversation import Conversation
from assistant.render import EMPTY_SOURCE, answer_markdown, answer_source_html, answer_steps, cite_href, parse_cite_href, user_markdown
from assistant.service import Assistant
from assistant.ui_assets import LINKS_JS, PANEL_JS
from assistant.ui_exports import Exports
from assistant.ui_votes import tally_chart

logger = logging.getLogger(__name__)
EXAMPLES = [
    "How did France vote on draft resolution I?",
    "How did Egypt vote on L.37?",
    "Which States abstained on both drafts?",
    "What does the text say about critical infrastructure?",
    "Who introduced the OEWG resolution, and when?",
    "How do the two drafts differ on follow-up mechanisms?",
]


@dataclass
class ChatView:
    """The components of the Ask tab."""

    chatbot: gr.Chatbot
    question: gr.Textbox
    ask: gr.Button
    clear: gr.Button
    conversation: gr.State
    answers: gr.State
    sources: gr.Radio
    panel: gr.HTML
    chart: gr.BarPlot
    table: gr.Dataframe
    plain: gr.Textbox
    md_file: gr.DownloadButton
    docx_file: gr.DownloadButton
    bridge: gr.HTML

    def outputs(self) -> list:
        """Every component the chat callbacks may update."""
        return [self.chatbot, self.question, self.conversation, self.answers, self.sources, self.panel,
                self.chart, self.table, self.plain, self.md_file, self.docx_file]


def history_of(answers: list[Answer]) -> list[dict[str, str]]:
    """The chat as Gradio message dicts: each question (escaped) and its answer with clickable markers."""
    messages = []
    for index, answer in enumerate(answers):
        messages += [{"role": "user", "content": user_markdown(answer.question)},
                     {"role": "assistant", "content": answer_markdown(answer, index)}]
    return messages


def source_choices(answer: Answer, index: int) -> list[tuple[str, str]]:
    """Radio choices for an answer's sources: ('[1] A/73/505, para. 7', 'cite-<index>-1'), values as marker links."""
    return [(f"[{n}] {c.label}", cite_href(index, n).lstrip("#")) for n, c in enumerate(answer.citations, 1)]


def _cited(value: str | None, answers: list[Answer]) -> tuple[int, int] | None:
    """(answer index, citation number) from a marker value, or None if it names no source of this session."""
    parsed = parse_cite_href(value or "")
    if parsed is None or not 0 <= parsed[0] < len(answers) or not 1 <= parsed[1] <= len(answers[parsed[0]].citations):
        return None
    return parsed


def vote_chart_frame(assistant: Assistant, answer: Answer) -> pd.DataFrame | None:
    """Tally of each draft whose vote paragraph a vote answer cites, or None.

    Returns:
        Columns ``bar`` (x label: 'in favour', or 'in favour (I)' when two drafts are cited),
        ``position`` and ``States``, four rows per draft in the order of ``explorer.POSITION_LABELS``.
    """
    book = assistant.book
    keys = explorer.drafts_cited(book, [c.id for c in answer.citations]) if answer.tool else []
    tallies = {k: dict(explorer.tally_rows(book, k)) for k in keys}
    rows = [(p if len(keys) == 1 else f"{p} ({k.number})", p, tallies[k][p]) for p in explorer.POSITION_LABELS for k in keys]
    return pd.DataFrame(rows, columns=["bar", "position", "States"]) if rows else None


def _vote_updates(view: ChatView, assistant: Assistant, answer: Answer) -> dict:
    frame = vote_chart_frame(assistant, answer)
    table = pd.DataFrame(answer.table["rows"], columns=answer.table["columns"]) if answer.tool and answer.table else None
    drafts = explorer.drafts_cited(assistant.book, [c.id for c in answer.citations])
    bases = sorted({assistant.book.electorate(assistant.book.votes[k]) for k in drafts})
    label = "Recorded vote" + ("s" if len(drafts) > 1 else "") + " on " + " and ".join(f"draft {k.number}" for k in drafts) + \
        f" (of {' / '.join(bases)})"
    chart = gr.update(visible=False, value=None) if frame is None else gr.update(
        visible=True, value=frame, label=label, sort=list(frame["bar"]), x_label_angle=0 if len(drafts) == 1 else -35)
    return {view.chart: chart, view.table: gr.update(visible=table is not None, value=table)}


def _exports(assistant: Assistant, exports: Exports, answers: list[Answer]) -> tuple[str, str]:
    markdown = exports.write_text("rapporteur-briefing.md", briefing_markdown(answers, documents=assistant.documents))
    docx = exports.write("rapporteur-briefing.docx", lambda path: write_docx(answers, path, documents=assistant.documents))
    return markdown, docx


def make_chat_handler(view: ChatView, assistant: Assistant, exports: Exports) -> Callable[..., Iterator[dict]]:
    """The chat callback (a generator of ``{component: update}`` dicts).

    It shows the question at once, streams the answer sentence by sentence, then fills the source
    panel, the vote chart and table, the plain text and the briefing downloads.
    """

    def respond(message: str, conversation: Conversation, answers: list[Answer]) -> Iterator[dict]:
        message = message or ""
        asked = history_of(answers) + [{"role": "user", "content": user_markdown(message)}]
        yield {view.chatbot: asked + [{"role": "assistant", "content": "\u2026"}], view.question: ""}
        try:
            answer = assistant.answer(message, conversation)
        except Exception as error:  # logged in full; the user gets a short message and the chat as it was
            logger.exception("could not answer %r", message[:200])
            yield {view.chatbot: history_of(answers)}
            raise gr.Error("Sorry, this question could not be answered. Please try again or rephrase it.") from error
        answers = [*answers, answer]
        index = len(answers) - 1
        for step in answer_steps(answer, index)[:-1]:
            yield {view.chatbot: asked + [{"role": "assistant", "content": step}]}
        markdown, docx = _exports(assistant, exports, answers)
        choices = source_choices(answer, index)
        yield {
            view.chatbot: history_of(answers), view.conversation: conversation, view.answers: answers,
            view.sources: gr.update(choices=choices, value=choices[0][1] if choices else None, label=_sources_label(index)),
            view.panel: answer_source_html(answer, 1) if answer.citations else EMPTY_SOURCE,
            view.plain: answer.text,
            view.md_file: gr.update(value=markdown, interactive=True), view.docx_file: gr.update(value=docx, interactive=True),
            **_vote_updates(view, assistant, answer),
        }

    return respond


def _sources_label(index: int | None) -> str:
    return "Sources (pick one to read it)" if index is None else f"Sources of answer {index + 1} (pick one to read it)"


def make_cite_handler(view: ChatView) -> Callable[[str, list[Answer]], dict]:
    """The callback of a click on marker [n] of answer a ('cite-a-n:<time>'): that source in the panel."""

    def show_cited(value: str, answers: list[Answer]) -> dict:
        cited = _cited(value, answers)
        if cited is None:
            return {}
        index, number = cited
        answer = answers[index]
        choices = source_choices(answer, index)
        return {view.sources: gr.update(choices=choices, value=choices[number - 1][1], label=_sources_label(index)),
                view.panel: answer_source_html(answer, number)}

    return show_cited


def show_source(choice: str | None, answers: list[Answer]) -> str:
    """Source panel for a pick in the sources list (its value is the marker link 'cite-<answer>-<n>')."""
    cited = _cited(choice, answers)
    return EMPTY_SOURCE if cited is None else answer_source_html(answers[cited[0]], cited[1])


def clear_chat(view: ChatView) -> dict:
    """Everything back to an empty session."""
    return {view.chatbot: [], view.question: "", view.conversation: Conversation(), view.answers: [],
            view.sources: gr.update(choices=[], value=None, label=_sources_label(None)), view.panel: EMPTY_SOURCE,
            view.chart: gr.update(visible=False, value=None), view.table: gr.update(visible=False, value=None), view.plain: "",
            view.md_file: gr.update(value=None, interactive=False), view.docx_file: gr.update(value=None, interactive=False)}


def _layout() -> ChatView:
    conversation, answers = gr.State(Conversation()), gr.State([])  # deep-copied for each session
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="Rapporteur", height=560, sanitize_html=True, latex_delimiters=[], buttons=[], elem_id="chat",
                                 placeholder="Ask about A/73/505: recorded votes, sponsors, or what the text says.")
            question = gr.Textbox(label="Question", placeholder="e.g. How did Egypt vote on L.37?", elem_id="question", max_length=4000)
            with gr.Row():
                ask = gr.Button("Ask", variant="primary", elem_id="ask", scale=2)
                clear = gr.Button("Clear", elem_id="clear", scale=1)
                md_file = gr.DownloadButton("Briefing (.md)", size="md", interactive=False, elem_id="briefing-md", scale=1)
                docx_file = gr.DownloadButton("Briefing (.docx)", size="md", interactive=False, elem_id="briefing-docx", scale=1)
            gr.Examples(EXAMPLES, inputs=question, label="Examples (click one, then Ask)", elem_id="examples")
        with gr.Column(scale=2):
            sources = gr.Radio(label=_sources_label(None), choices=[], elem_id="sources")
            panel = gr.HTML(EMPTY_SOURCE, elem_id="source-panel", js_on_load=PANEL_JS)
            chart = tally_chart(x="bar", visible=False, height=270, elem_id="tally-chart", label="Recorded vote", show_label=True)
            table = gr.Dataframe(visible=False, max_height=260, interactive=False, elem_id="vote-table", label="Vote records")
            plain = gr.Textbox(label="Answer with references (plain text, to paste)", lines=4, max_lines=12, buttons=["copy"],
                               interactive=False, elem_id="plain")
    bridge = gr.HTML("", visible="hidden", elem_id="cite-bridge", js_on_load=LINKS_JS)
    return ChatView(chatbot, question, ask, clear, conversation, answers, sources, panel, chart, table, plain, md_file, docx_file, bridge)


def chat_tab(assistant: Assistant, exports: Exports) -> ChatView:
    """Build the Ask tab inside the current Blocks and wire its events (none exposed as API)."""
    view = _layout()
    respond = make_chat_handler(view, assistant, exports)
    for event in (view.ask.click, view.question.submit):
        event(respond, [view.question, view.conversation, view.answers], view.outputs(), api_visibility="private")
    view.bridge.change(make_cite_handler(view), [view.bridge, view.answers], [view.sources, view.panel], api_visibility="private")
    view.sources.input(show_source, [view.sources, view.answers], view.panel, api_visibility="private")
    for event in (view.clear.click, view.chatbot.clear):
        event(lambda: clear_chat(view), None, view.outputs(), api_visibility="private")
    return view
