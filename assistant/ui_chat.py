"""The Ask tab: streamed, cited answers with a source panel, vote chart and table, follow-ups and exports.

Each browser session has its own ``Conversation`` and list of answers (``gr.State``), never shared
on the server; the answers are also kept in the browser's own storage (``gr.BrowserState``), so a
reload brings the history back (and the conversation, so follow-ups still refer to it). Citation
markers in answers are links handled in the browser (``ui_assets.LINKS_JS``): a click sends
'cite-<answer>-<n>:<time>' through a hidden bridge component, and the server answers with that
source in the panel. The chat's own HTML sanitiser is off because it strips the markers' accessible
names and previews (``aria-label``, ``data-preview``): every question and passage is escaped by
``assistant.render`` before it reaches the chat, so no user or document text is ever read as HTML
(tests/assistant/test_browser.py::test_html_in_a_question_is_shown_as_text). The briefing note
holds the answers ticked under "Export" (refusals and empty turns unticked by default), with the
vote tables shown beside them.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import gradio as gr
import pandas as pd

from assistant import explorer
from assistant.answers import Answer
from assistant.briefing import Section, Table, answer_table, briefing_markdown, heading, worth_exporting, write_docx
from assistant.charts import Bar, chart_svg, text_bar
from assistant.conversation import Conversation, remembered
from assistant.examples import corpus_examples
from assistant.render import EMPTY_SOURCE, answer_markdown, answer_source_html, answer_steps, cite_href, parse_cite_href, user_markdown
from assistant.service import Assistant
from assistant.ui_assets import LINKS_JS, PANEL_JS
from assistant.ui_exports import Exports

logger = logging.getLogger(__name__)
HISTORY_KEY = "rapporteur-history"
HISTORY_LIMIT = 40

# Draft | Paragraph | What it says: the quoted clause gets the room (the table is as wide as the sources column)
SIDE_BY_SIDE_WIDTHS = ["24%", "22%", "54%"]


@dataclass
class ChatView:
    """The components of the Ask tab."""

    chatbot: gr.Chatbot
    question: gr.Textbox
    ask: gr.Button
    clear: gr.Button
    document: gr.Dropdown
    conversation: gr.State
    answers: gr.State
    history: gr.BrowserState
    followups: gr.Dataset
    sources: gr.Radio
    panel: gr.HTML
    chart: gr.HTML
    table: gr.Dataframe
    plain: gr.Textbox
    include: gr.CheckboxGroup
    md_file: gr.DownloadButton
    docx_file: gr.DownloadButton
    bridge: gr.HTML

    def outputs(self) -> list:
        """Every component the chat callbacks may update."""
        return [self.chatbot, self.question, self.conversation, self.answers, self.history, self.followups, self.sources, self.panel,
                self.chart, self.table, self.plain, self.include, self.md_file, self.docx_file]


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


def vote_chart(assistant: Assistant, answer: Answer) -> tuple[list[Bar], str] | None:
    """The bars of each vote whose paragraph a vote answer cites, with the chart's title; None for other answers.

    Returns:
        Four bars per vote in the order of ``explorer.POSITION_LABELS`` (labelled 'in favour (I)' when two drafts
        are cited) and a title such as 'Recorded vote on draft I (of 193 Member States)'.
    """
    book = assistant.book
    keys = explorer.drafts_cited(book, [c.id for c in answer.citations]) if answer.tool else []
    if not keys:
        return None
    tallies = {k: dict(explorer.tally_rows(book, k)) for k in keys}
    bars = [Bar(p if len(keys) == 1 else f"{p} ({k.number})", p, tallies[k][p]) for k in keys for p in explorer.POSITION_LABELS]
    bases = sorted({book.electorate(book.votes[k]) for k in keys})
    title = "Recorded vote" + ("s" if len(keys) > 1 else "") + " on " + " and ".join(f"draft {k.number}" for k in keys) + \
        f" (of {' / '.join(bases)})"
    return bars, title


def answer_tables(assistant: Assistant, answer: Answer) -> tuple[Table, ...]:
    """The tables shown beside an answer, for the briefing note: the tally of each vote cited, then the answer's own table.

    A tally has a column of text bars drawn from zero (``charts.text_bar``), the chart of the Ask tab in words and blocks.
    """
    book = assistant.book
    tables = []
    for key in explorer.drafts_cited(book, [c.id for c in answer.citations]) if answer.tool else []:
        vote = book.votes[key]
        rows = tuple((p, str(n), text_bar(n, vote.electorate)) for p, n in explorer.tally_rows(book, key))
        tables.append(Table(f"Recorded vote on {book.draft_name(vote)} (of {book.electorate(vote)})",
                            ("Position", "States", f"Bar (from 0 to {vote.electorate})"), rows))
    own = answer_table(answer, "States") if answer.tool else None
    return tuple(tables + ([own] if own else []))


def suggestions(assistant: Assistant, answer: Answer) -> list[str]:
    """Two or three follow-up questions built from how the answer was read (none after a refusal or an empty turn).

    A vote answer: the same question on the other draft of its document, how the EU members voted on its draft,
    and the States abstaining on both drafts; a content answer: the paragraph it comes from and how its draft was voted on.
    """
    if not worth_exporting(answer):
        return []
    book = assistant.book
    cited = explorer.drafts_cited(book, [c.id for c in answer.citations]) if answer.tool else []
    if cited:
        key = cited[0]
        others = [k for k in book.drafts() if k.document == key.document and k not in cited]
        out = [f"And on draft resolution {others[0].number}?"] if others else []
        out.append(f"How did EU members vote on draft resolution {key.number}?")
        if len([k for k in book.drafts() if k.document == key.document]) == 2:
            out.append("Which States abstained on both drafts?")
        return out[:3]
    drafts = [c.locator.split(".", 1)[0].removeprefix("DR-") for c in answer.citations if c.locator.startswith("DR-")]
    out = ["Which paragraph says this?"]
    if drafts and any(k.number == drafts[0] for k in book.drafts()):
        out.append(f"What was the recorded vote on draft resolution {drafts[0]}?")
    return out


def _ask(assistant: Assistant, question: str, conversation: Conversation, document: str) -> Answer:
    """``assistant.answer``, scoped to ``document`` when the assistant takes a ``document`` argument (else all documents)."""
    if document and "document" in inspect.signature(assistant.answer).parameters:
        return assistant.answer(question, conversation, document=document)  # type: ignore[call-arg]
    return assistant.answer(question, conversation)


def export_choices(answers: list[Answer]) -> tuple[list[tuple[str, str]], list[str]]:
    """CheckboxGroup choices ('1. How did France vote…', '0') for every answer, and the values ticked by default."""
    choices = [(f"{n}. {heading(a, 90)}" + ("" if worth_exporting(a) else " (no answer)"), str(n - 1)) for n, a in enumerate(answers, 1)]
    return choices, [str(n) for n, a in enumerate(answers) if worth_exporting(a)]


def make_exports(assistant: Assistant, exports: Exports) -> Callable[[list[Answer], list[str]], tuple[dict, dict]]:
    """The callback of the export ticks: (answers, ticked indexes) → the two download buttons' updates."""

    def export(answers: list[Answer], ticked: list[str]) -> tuple[dict, dict]:
        chosen = [answers[int(i)] for i in sorted(set(ticked or []), key=int) if i.isdigit() and int(i) < len(answers)]
        if not chosen:
            off = gr.update(value=None, interactive=False)
            return off, off
        sections = [Section(a, answer_tables(assistant, a)) for a in chosen]
        markdown = exports.write_text("rapporteur-briefing.md", briefing_markdown(sections, documents=assistant.documents))
        docx = exports.write("rapporteur-briefing.docx", lambda path: write_docx(sections, path, documents=assistant.documents))
        return gr.update(value=markdown, interactive=True), gr.update(value=docx, interactive=True)

    return export


def _answer_panels(view: ChatView, assistant: Assistant, answers: list[Answer], export: Callable) -> dict:
    """Everything beside the chat for the last answer: sources, chart, table, plain text, follow-ups and exports."""
    index = len(answers) - 1
    answer = answers[index] if answers else None
    choices, ticked = export_choices(answers)
    md_update, docx_update = export(answers, ticked)
    if answer is None:
        return {view.sources: gr.update(choices=[], value=None, label=_sources_label(None)), view.panel: EMPTY_SOURCE,
                view.chart: gr.update(visible=False, value=""), view.table: gr.update(visible=False, value=None), view.plain: "",
                view.followups: gr.update(samples=[], visible=False), view.include: gr.update(choices=[], value=[]),
                view.md_file: md_update, view.docx_file: docx_update}
    chart = vote_chart(assistant, answer)
    table = pd.DataFrame(answer.table["rows"], columns=answer.table["columns"]) if answer.table else None
    sources = source_choices(answer, index)
    follow = suggestions(assistant, answer)
    return {
        view.sources: gr.update(choices=sources, value=sources[0][1] if sources else None, label=_sources_label(index)),
        view.panel: answer_source_html(answer, 1) if answer.citations else EMPTY_SOURCE,
        view.chart: gr.update(visible=chart is not None, value=chart_svg(*chart, element_id="answer-chart") if chart else ""),
        # a tool's table is vote or sponsor records; a retrieval answer's is a comparison (compose.comparison_table)
        view.table: gr.update(visible=table is not None, value=table, label="Vote records" if answer.tool else "Side by side",
                              column_widths=None if answer.tool or table is None else SIDE_BY_SIDE_WIDTHS),
        view.plain: answer.text,
        view.followups: gr.update(samples=[[q] for q in follow], visible=bool(follow)),
        view.include: gr.update(choices=choices, value=ticked), view.md_file: md_update, view.docx_file: docx_update,
    }


def make_chat_handler(view: ChatView, assistant: Assistant, exports: Exports) -> Callable[..., Iterator[dict]]:
    """The chat callback (a generator of ``{component: update}`` dicts).

    It shows the question at once, streams the answer sentence by sentence, then fills the source
    panel, the vote chart and table, the plain text, the follow-ups, the export ticks and downloads,
    and stores the history in the browser.
    """
    export = make_exports(assistant, exports)

    def respond(message: str, conversation: Conversation, answers: list[Answer], document: str | None) -> Iterator[dict]:
        message = message or ""
        asked = history_of(answers) + [{"role": "user", "content": user_markdown(message)}]
        yield {view.chatbot: asked + [{"role": "assistant", "content": "\u2026"}], view.question: ""}
        try:
            answer = _ask(assistant, message, conversation, document or "")
        except Exception as error:  # logged in full; the user gets a short message and the chat as it was
            logger.exception("could not answer %r", message[:200])
            yield {view.chatbot: history_of(answers)}
            raise gr.Error("Sorry, this question could not be answered. Please try again or rephrase it.") from error
        answers = [*answers, answer]
        for step in answer_steps(answer, len(answers) - 1)[:-1]:
            yield {view.chatbot: asked + [{"role": "assistant", "content": step}]}
        yield {view.chatbot: history_of(answers), view.conversation: conversation, view.answers: answers,
               view.history: [a.model_dump() for a in answers[-HISTORY_LIMIT:]], **_answer_panels(view, assistant, answers, export)}

    return respond


def make_restore(view: ChatView, assistant: Assistant, exports: Exports) -> Callable[[list], dict]:
    """The page-load callback: the answers kept in this browser back in the chat, and in the conversation for follow-ups."""
    export = make_exports(assistant, exports)

    def restore(stored: list | None) -> dict:
        answers: list[Answer] = []
        for item in stored or []:
            try:
                answers.append(Answer.model_validate(item))
            except ValueError:
                logger.warning("a stored answer could not be read; it is left out")
        conversation = Conversation()
        for answer in answers:
            if answer.question.strip():
                conversation.add(answer.question, remembered(answer.standalone, answer.text, assistant.documents,
                                                             [c.id for c in answer.citations]),
                                 [c.id for c in answer.citations], [c.label for c in answer.citations], answer.about)
        return {view.chatbot: history_of(answers), view.conversation: conversation, view.answers: answers,
                **_answer_panels(view, assistant, answers, export)}

    return restore


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


def clear_chat(view: ChatView, assistant: Assistant, exports: Exports) -> dict:
    """Everything back to an empty session, the history in the browser included."""
    return {view.chatbot: [], view.question: "", view.conversation: Conversation(), view.answers: [], view.history: [],
            **_answer_panels(view, assistant, [], make_exports(assistant, exports))}


def document_choices(assistant: Assistant) -> list[tuple[str, str]]:
    """The document chooser's choices: ('All documents', '') then ('A/73/505 – title', symbol) for each indexed document."""
    return [("All documents", "")] + [(f"{d.symbol} \u2013 {d.title[:70]}", d.symbol) for d in assistant.documents]


def _layout(assistant: Assistant) -> ChatView:
    conversation, answers = gr.State(Conversation()), gr.State([])  # deep-copied for each session
    history = gr.BrowserState([], storage_key=HISTORY_KEY)
    several = len(assistant.documents) > 1
    shown = corpus_examples(assistant.documents)  # written from the records of the corpus indexed
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            document = gr.Dropdown(document_choices(assistant), value="", label="Ask about (all documents or one)", elem_id="ask-document",
                                   visible=several)
            chatbot = gr.Chatbot(height=290 if several else 360, sanitize_html=False, latex_delimiters=[], buttons=[], elem_id="chat",
                                 show_label=False, label="Conversation", autoscroll=True,
                                 placeholder="Ask about the documents: recorded votes, sponsors, or what the text says.")
            question = gr.Textbox(label="Question", placeholder=f"e.g. {shown[0]}", elem_id="question", max_length=4000,
                                  lines=1)
            with gr.Row():
                ask = gr.Button("Ask", variant="primary", elem_id="ask", scale=2, min_width=80)
                clear = gr.Button("Clear", elem_id="clear", scale=1, min_width=80)
            followups = gr.Dataset(components=["textbox"], samples=[], label="Suggested follow-ups",
                                   elem_id="followups", visible=False)
            examples = gr.Examples(shown, inputs=question, label="Examples (click one to ask it)", elem_id="examples",
                                   examples_per_page=len(shown))
        with gr.Column(scale=2):
            sources = gr.Radio(label=_sources_label(None), choices=[], elem_id="sources")
            panel = gr.HTML(EMPTY_SOURCE, elem_id="source-panel", js_on_load=PANEL_JS)
            chart = gr.HTML("", visible=False, elem_id="tally-chart", js_on_load=None)
            table = gr.Dataframe(visible=False, max_height=260, interactive=False, elem_id="vote-table", label="Vote records", wrap=True)
            plain = gr.Textbox(label="Answer with references (plain text, to paste)", lines=3, max_lines=12, buttons=["copy"],
                               interactive=False, elem_id="plain")
            with gr.Accordion("Export a briefing note", open=False, elem_id="export"):
                include = gr.CheckboxGroup([], value=[], label="Answers to include", elem_id="export-include")
                with gr.Row():
                    md_file = gr.DownloadButton("Briefing (.md)", size="md", interactive=False, elem_id="briefing-md")
                    docx_file = gr.DownloadButton("Briefing (.docx)", size="md", interactive=False, elem_id="briefing-docx")
    bridge = gr.HTML("", visible="hidden", elem_id="cite-bridge", js_on_load=LINKS_JS)
    view = ChatView(chatbot, question, ask, clear, document, conversation, answers, history, followups, sources, panel, chart, table,
                    plain, include, md_file, docx_file, bridge)
    view.examples = examples  # type: ignore[attr-defined]
    return view


def chat_tab(assistant: Assistant, exports: Exports) -> ChatView:
    """Build the Ask tab inside the current Blocks and wire its events (none exposed as API); returns its components."""
    view = _layout(assistant)
    respond = make_chat_handler(view, assistant, exports)
    inputs = [view.question, view.conversation, view.answers, view.document]
    for event in (view.ask.click, view.question.submit):
        event(respond, inputs, view.outputs(), api_visibility="private")
    view.examples.load_input_event.then(respond, inputs, view.outputs(), api_visibility="private")  # type: ignore[attr-defined]
    view.followups.click(lambda picked: picked[0] if picked else "", view.followups, view.question, api_visibility="private").then(
        respond, inputs, view.outputs(), api_visibility="private")
    view.bridge.change(make_cite_handler(view), [view.bridge, view.answers], [view.sources, view.panel], api_visibility="private")
    view.sources.input(show_source, [view.sources, view.answers], view.panel, api_visibility="private")
    view.include.input(make_exports(assistant, exports), [view.answers, view.include], [view.md_file, view.docx_file],
                       api_visibility="private")
    for event in (view.clear.click, view.chatbot.clear):
        event(lambda: clear_chat(view, assistant, exports), None, view.outputs(), api_visibility="private")
    return view
