"""The Gradio web app: cited chat with a source panel, a votes explorer and the document.

The only module that imports gradio. Each browser session has its own ``Conversation``
and answer list (``gr.State``), never shared. The model and index are loaded before the
server starts (``assistant.factory.load_assistant(warm=True)``).
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import gradio as gr
import pandas as pd

from ingest.settings import Settings
from assistant import explorer
from assistant.answers import Answer
from assistant.briefing import briefing_markdown, write_docx
from assistant.conversation import Conversation
from assistant.render import answer_markdown, document_html, quotes_for, source_html
from assistant.service import Assistant

EXAMPLES = [
    "How did France vote on draft resolution I?",
    "How did Egypt vote on L.37?",
    "Which States abstained on both drafts?",
    "What does the text say about critical infrastructure?",
    "Who introduced the OEWG resolution, and when?",
    "How do the two drafts differ on follow-up mechanisms?",
]
_EXPORT_DIR = Path(tempfile.mkdtemp(prefix="rapporteur-export-"))


def new_conversation() -> Conversation:
    """A fresh, empty history for one browser session."""
    return Conversation()


def _tally_frame(rows: list[tuple[str, int]]) -> pd.DataFrame:
    return pd.DataFrame({"position": [r[0] for r in rows], "States": [r[1] for r in rows]})


def _vote_panel(assistant: Assistant, answer: Answer) -> tuple[dict, dict]:
    """(table update, chart update) for answers from the vote tool; hidden otherwise."""
    if not answer.tool or not answer.table:
        return gr.update(visible=False, value=None), gr.update(visible=False, value=None)
    table = pd.DataFrame(answer.table["rows"], columns=answer.table["columns"])
    cited = {c.locator for c in answer.citations}
    key = next((k for k in assistant.book.drafts() if assistant.book.votes[k].locator in cited), None)
    chart = gr.update(visible=key is not None, value=_tally_frame(explorer.tally_rows(assistant.book, key)) if key else None,
                      title=f"Recorded vote on {assistant.book.votes[key].draft_symbol}" if key else None)
    return gr.update(visible=True, value=table), chart


def make_chat_handler(assistant: Assistant) -> Callable[..., Iterator[tuple]]:
    """The chat callback: streams the answer sentence by sentence, then fills the side panels."""

    def respond(message: str, history: list, conversation: Conversation, answers: list[Answer]) -> Iterator[tuple]:
        answer = assistant.answer(message or "", conversation)
        answers = [*answers, answer]
        history = [*history, {"role": "user", "content": html.escape(message or "")}, {"role": "assistant", "content": ""}]
        markdown = answer_markdown(answer)
        pieces = markdown.split(" ")
        step = max(len(pieces) // 8, 12)
        for end in range(step, len(pieces), step):
            history[-1] = {"role": "assistant", "content": " ".join(pieces[:end])}
            yield history, "", conversation, answers, gr.update(), gr.update(), gr.update(), gr.update(), gr.update()
        history[-1] = {"role": "assistant", "content": markdown}
        labels = [f"[{n}] {c.label}" for n, c in enumerate(answer.citations, 1)]
        first = source_html(answer.citations[0], quotes_for(answer, answer.citations[0].id)) if answer.citations else ""
        table, chart = _vote_panel(assistant, answer)
        yield (history, "", conversation, answers, gr.update(choices=labels, value=labels[0] if labels else None),
               first, table, chart, answer.text)

    return respond


def show_source(choice: str | None, answers: list[Answer]) -> str:
    """Source panel for a citation picked in the last answer ('[2] A/73/505, para. 7')."""
    if not choice or not answers:
        return ""
    answer = answers[-1]
    number = int(choice.split("]", 1)[0].strip("["))
    citation = answer.citations[number - 1]
    return source_html(citation, quotes_for(answer, citation.id))


def export_markdown(answers: list[Answer]) -> str | None:
    """Write the session's briefing note as Markdown; returns the file path for download."""
    if not answers:
        return None
    path = Path(tempfile.mkstemp(prefix="briefing-", suffix=".md", dir=_EXPORT_DIR)[1])
    path.write_text(briefing_markdown(answers), encoding="utf-8")
    return str(path)


def export_docx(answers: list[Answer]) -> str | None:
    """Write the session's briefing note as DOCX; returns the file path for download."""
    if not answers:
        return None
    path = Path(tempfile.mkstemp(prefix="briefing-", suffix=".docx", dir=_EXPORT_DIR)[1])
    return str(write_docx(answers, path))


def _chat_tab(assistant: Assistant) -> None:
    conversation, answers = gr.State(new_conversation), gr.State(list)
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="Rapporteur", height=540, sanitize_html=True, buttons=["copy"], elem_id="chat")
            question = gr.Textbox(label="Question", placeholder="Ask about A/73/505, e.g. How did Egypt vote on L.37?", elem_id="question")
            with gr.Row():
                ask = gr.Button("Ask", variant="primary", elem_id="ask")
                clear = gr.Button("Clear", elem_id="clear")
                md_out, docx_out = gr.DownloadButton("Briefing (.md)", size="sm"), gr.DownloadButton("Briefing (.docx)", size="sm")
            gr.Examples(EXAMPLES, inputs=question)
        with gr.Column(scale=2):
            sources = gr.Radio(label="Sources of the last answer (pick one to read it)", choices=[], elem_id="sources")
            panel = gr.HTML(elem_id="source-panel")
            chart = gr.BarPlot(x="position", y="States", visible=False, height=240, elem_id="tally-chart")
            table = gr.Dataframe(visible=False, max_height=300, elem_id="vote-table")
            plain = gr.Textbox(label="Answer with references (plain text, to paste)", lines=4, buttons=["copy"], elem_id="plain")
    outputs = [chatbot, question, conversation, answers, sources, panel, table, chart, plain]
    handler = make_chat_handler(assistant)
    for event in (ask.click, question.submit):
        event(handler, [question, chatbot, conversation, answers], outputs, api_name=False)
    sources.change(show_source, [sources, answers], panel, api_name=False)
    clear.click(lambda: ([], "", Conversation(), [], gr.update(choices=[], value=None), "", gr.update(visible=False), gr.update(visible=False), ""),
                None, outputs, api_name=False)
    md_out.click(export_markdown, answers, md_out, api_name=False)
    docx_out.click(export_docx, answers, docx_out, api_name=False)


def _votes_tab(assistant: Assistant) -> tuple[Callable[..., tuple], list, list] | None:
    """Tally chart, the table of all Member States (filterable, CSV) and the cross-table; returns
    (refresh function, its inputs, its outputs) so the page can fill it on load."""
    book = assistant.book
    choices = explorer.draft_choices(book)
    if not choices:
        gr.Markdown("No recorded votes in the documents.")
        return None
    with gr.Row():
        draft = gr.Dropdown(choices, value=choices[0][1], label="Draft", elem_id="votes-draft")
        name = gr.Textbox(label="Filter by name", elem_id="votes-name")
        group = gr.Dropdown(explorer.group_choices(), value="", label="Group", elem_id="votes-group")
    counts = gr.Markdown(elem_id="votes-counts")
    chart = gr.BarPlot(x="position", y="States", height=240, elem_id="votes-chart")
    states = gr.Dataframe(headers=["Member State", "Position", "Footnoted intention"], max_height=420, elem_id="votes-table")
    download = gr.DownloadButton("Download CSV", size="sm")

    def refresh(choice: str, text: str, group_key: str) -> tuple:
        key = explorer.key_of(choice)
        rows = explorer.tally_rows(book, key)
        summary = " · ".join(f"**{n}** {p}" for p, n in rows) + f" (of {sum(n for _, n in rows)} Member States; {book.votes[key].locator}: {book.draft_name(book.votes[key])})"
        table = explorer.state_rows(book, key, text or "", group_key or "")
        path = Path(tempfile.mkstemp(prefix="votes-", suffix=".csv", dir=_EXPORT_DIR)[1])
        path.write_text(explorer.rows_csv(table), encoding="utf-8")
        return summary, _tally_frame(rows), pd.DataFrame(table, columns=["Member State", "Position", "Footnoted intention"]), str(path)

    inputs, outputs = [draft, name, group], [counts, chart, states, download]
    for component in inputs:
        component.change(refresh, inputs, outputs, api_name=False)
    _compare_block(assistant)
    return refresh, inputs, outputs


def _compare_block(assistant: Assistant) -> None:
    book = assistant.book
    keys = book.drafts()
    if len(keys) != 2:
        return
    first, second = keys
    gr.Markdown(f"### Compare: rows = position on {book.votes[first].draft_symbol}, columns = position on {book.votes[second].draft_symbol}")
    headers = [""] + list(explorer.POSITION_LABELS)
    cross = gr.Dataframe(pd.DataFrame(explorer.cross_table(book, first, second), columns=headers), interactive=False, elem_id="cross-table")
    cell = gr.Markdown("Click a cell to list its States.", elem_id="cross-cell")

    def pick(event: gr.SelectData) -> str:
        row, column = event.index
        if column == 0:
            return "Click a count to list its States."
        found = explorer.cross_cell(book, first, second, row, column - 1)
        return f"**{len(found)}** States ({explorer.POSITION_LABELS[row]} on {first.number}, {explorer.POSITION_LABELS[column - 1]} on {second.number}): " + (", ".join(found) or "none")

    cross.select(pick, None, cell, api_name=False)


def build_app(assistant: Assistant) -> gr.Blocks:
    """The whole app (not launched)."""
    with gr.Blocks(title="Rapporteur") as app:
        gr.Markdown("## Rapporteur: cited answers on A/73/505 (First Committee, 2018)")
        with gr.Tab("Ask", id="ask-tab"):
            _chat_tab(assistant)
        with gr.Tab("Votes", id="votes-tab"):
            votes = _votes_tab(assistant)
        with gr.Tab("Document", id="document-tab"):
            for document in assistant.documents:
                gr.HTML(document_html(document), elem_id=f"doc-{document.symbol.replace('/', '_')}")
        _api(assistant)
        if votes:
            app.load(votes[0], votes[1], votes[2], api_name=False)
    return app


def _api(assistant: Assistant) -> None:
    """A plain endpoint for programmatic clients (gradio_client): /answer(question) → (text, record JSON)."""
    conversation = gr.State(new_conversation)
    question, text, record = gr.Textbox(visible=False), gr.Textbox(visible=False), gr.JSON(visible=False)

    def answer(q: str, session: Conversation) -> tuple[str, dict, Conversation]:
        result = assistant.answer(q or "", session)
        return result.text, result.model_dump(), session

    question.submit(answer, [question, conversation], [text, record, conversation], api_name="answer")


def launch(assistant: Assistant, settings: Settings, progress: Callable[[str], None]) -> None:
    """Serve the app on ``settings.host:settings.port`` (loopback by default; never shared)."""
    app = build_app(assistant)
    app.queue(default_concurrency_limit=4, max_size=256)
    progress(f"serving on http://{settings.host}:{settings.port}")
    app.launch(server_name=settings.host, server_port=settings.port, share=False, show_error=False, quiet=True,
               footer_links=["api"], allowed_paths=[str(_EXPORT_DIR)])
