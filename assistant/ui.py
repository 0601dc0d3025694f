"""The Gradio web app: cited chat with a source panel, a votes explorer and the documents.

The UI modules (``ui``, ``ui_chat``, ``ui_votes``) are the only ones that import gradio; what
they show is rendered by the pure modules ``render``, ``charts``, ``explorer``, ``briefing`` and
``briefing_docx``. Each browser session has its own ``Conversation`` and answer list (``gr.State``),
never shared on the server; its history is also kept in that browser's storage (``gr.BrowserState``)
and comes back on reload. The header names what is indexed; with several documents the Ask tab has a
document chooser, the Document tab shows one document at a time and the Votes tab offers every
recorded vote. The model and index are loaded before the server starts
(``assistant.factory.load_assistant(warm=True)``).

Serving: the queue runs up to ``QUEUE['default_concurrency_limit']`` answers at once per event
and holds up to ``QUEUE['max_size']`` waiting requests; the only folder the server may serve files
from is the app's private export folder (``Exports``). The JSON API (``assistant.api``) is mounted
at ``/api`` on the same server and does not go through the queue.

Sixteen answers at once: ``Assistant.answer`` is thread-safe (tests/assistant/test_concurrency.py), and
an answer is CPU work under one interpreter lock (a vote answer 2-4 ms, a content answer 30-300 ms),
so more threads add no throughput; sixteen lets vote answers pass a slow content answer instead of
queueing behind it, within Gradio's 40 worker threads. Measured with evals/load.py (50 sessions), limits
of 4, 16 and 64 all gave 9-12 answers/s: that load is bound by gradio_client's own polling, not by the queue.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import gradio as gr

from assistant.conversation import Conversation
from assistant.render import document_html, search_html
from assistant.service import Assistant
from assistant.ui_assets import CSS, SHOW_DOCUMENT_JS
from assistant.ui_chat import chat_tab, make_restore
from assistant.ui_exports import Exports
from assistant.ui_votes import votes_tab
from ingest.settings import Settings

QUEUE: dict[str, Any] = {"default_concurrency_limit": 16, "max_size": 256}
CACHE_LIFETIME_S = 3600


def theme() -> gr.themes.Base:
    """The app's theme, with system fonts only (nothing fetched from the web), every text at WCAG AA contrast (4.5:1).

    The Soft theme's subdued text, placeholders, labels and accent (slate-400, blue-500: 2.5 to 3.7:1 on white)
    are darkened (slate-600, blue-700/800: 4.8 to 8:1); in dark mode the accent and links are lightened (blue-300).
    """
    return gr.themes.Soft(primary_hue="blue", neutral_hue="slate",
                          font=["system-ui", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
                          font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"]).set(
        body_text_color_subdued="*neutral_600", color_accent="*primary_700", input_placeholder_color="*neutral_600",
        block_label_text_color="*primary_800", block_title_text_color="*primary_800", block_info_text_color="*neutral_600",
        link_text_color="*primary_700", link_text_color_visited="*primary_800", link_text_color_hover="*primary_800",
        button_primary_background_fill="*primary_700", button_primary_background_fill_hover="*primary_800",
        checkbox_label_background_fill_selected="*primary_700", checkbox_label_text_color_selected="white",
        # dark mode (the browser's preference): light accents on the dark background
        link_text_color_dark="*primary_300", link_text_color_visited_dark="*primary_200",
        link_text_color_hover_dark="*primary_200", body_text_color_subdued_dark="*neutral_300", input_placeholder_color_dark="*neutral_400",
        block_info_text_color_dark="*neutral_300", button_primary_background_fill_dark="*primary_700",
        button_primary_background_fill_hover_dark="*primary_800", checkbox_label_background_fill_selected_dark="*primary_700",
        checkbox_label_text_color_selected_dark="white",
    )


def header_html(assistant: Assistant) -> str:
    """The header: the app's name and what is indexed (one document described, or the symbols of several)."""
    documents = assistant.documents
    if len(documents) == 1:
        only = documents[0]
        what = f"Cited answers on {html.escape(only.symbol)}, {html.escape(only.title)}: recorded votes, sponsors and the text."
    else:
        what = f"Cited answers on {len(documents)} documents: " + ", ".join(html.escape(d.symbol) for d in documents) + "."
    return f'<header class="app-header"><h1>Rapporteur</h1><p>{what}</p></header>'


def document_tab(assistant: Assistant) -> None:
    """The Document tab: a search box, then each indexed document in full with its contents, one shown at a time.

    With several documents a list picks the one shown (in the browser, no round trip); a jump from a citation
    to a unit of another document shows that document (``ui_assets.LINKS_JS``).
    """
    documents = assistant.documents
    if not documents:
        gr.Markdown("No documents are indexed.")
        return
    choices = [(f"{d.symbol} \u2013 {d.title[:80]}", d.symbol) for d in documents]
    with gr.Row():
        pick = gr.Dropdown(choices, value=documents[0].symbol, label="Document", elem_id="document-choice", visible=len(documents) > 1,
                           scale=2)
        search = gr.Textbox(label="Search this document", placeholder="e.g. critical infrastructure", elem_id="document-search", scale=2)
    results = gr.HTML("", elem_id="document-results", js_on_load=None)
    gr.HTML("\n".join(document_html(d, hidden=n > 0) for n, d in enumerate(documents)), elem_id="document-view",
            elem_classes=["document-view"], js_on_load=None)
    pick.change(None, pick, None, js=SHOW_DOCUMENT_JS)
    search.change(lambda query, symbol: search_html(documents, query or "", symbol or ""), [search, pick], results,
                  api_visibility="private", trigger_mode="always_last")


def build_app(assistant: Assistant, exports: Exports | None = None) -> gr.Blocks:
    """The whole app, not launched: tabs Ask, Votes and Document, and the ``/answer`` API.

    Args:
        assistant: answers questions; its documents and vote records fill the tabs.
        exports: the private folder for downloads; a new temp folder if None.
    """
    exports = exports if exports is not None else Exports()
    symbols = ", ".join(d.symbol for d in assistant.documents[:3]) + (" \u2026" if len(assistant.documents) > 3 else "")
    with gr.Blocks(title=f"Rapporteur \u2013 {symbols}", analytics_enabled=False, delete_cache=(CACHE_LIFETIME_S, CACHE_LIFETIME_S)) as app:
        gr.HTML(header_html(assistant), js_on_load=None)
        with gr.Tabs(elem_id="tabs"):
            with gr.Tab("Ask", id="ask", elem_id="ask-tab"):
                chat = chat_tab(assistant, exports)
            with gr.Tab("Votes", id="votes", elem_id="votes-tab"):
                votes_tab(assistant, exports)
            with gr.Tab("Document", id="document", elem_id="document-tab"):
                document_tab(assistant)
        _api(assistant)
        app.load(make_restore(chat, assistant, exports), chat.history, chat.outputs(), api_visibility="private")
    return app


def _api(assistant: Assistant) -> None:
    """A plain endpoint for programmatic clients (gradio_client): /answer(question) → (text, record JSON)."""
    conversation = gr.State(Conversation())  # deep-copied for each session
    question, text, record = gr.Textbox(visible=False), gr.Textbox(visible=False), gr.JSON(visible=False)

    def answer(q: str, session: Conversation) -> tuple[str, dict, Conversation]:
        result = assistant.answer(q or "", session)
        return result.text, result.model_dump(), session

    question.submit(answer, [question, conversation], [text, record, conversation], api_name="answer")


def launch_options(exports: Exports) -> dict[str, Any]:
    """Keyword arguments for ``Blocks.launch``.

    Theme and style sheet, no error details, no share link, and files served only from the
    export folder (besides Gradio's own cache of files the app returned).
    """
    return {"theme": theme(), "css": CSS, "share": False, "show_error": False, "footer_links": ["api"],
            "allowed_paths": [str(exports.root)]}


def start(assistant: Assistant, host: str, port: int, *, block: bool = False, quiet: bool = True,
          exports: Exports | None = None, auth: tuple[str, str] | None = None, share: bool = False,
          api: bool = True) -> tuple[gr.Blocks, str]:
    """Build, queue and launch the app on ``host:port``, with the JSON API at ``/api`` (``assistant.api``) unless ``api`` is False.

    ``auth`` ('user', 'password') puts a login in front of the app and the same credentials (HTTP Basic)
    in front of the JSON API; ``share`` asks Gradio for a public link (off unless explicitly requested).

    Returns:
        (the running app, its local URL). With ``block=True`` this returns only when the server stops.
    """
    exports = exports if exports is not None else Exports()
    app = build_app(assistant, exports)
    app.queue(**QUEUE)
    options = {**launch_options(exports), "share": share, "auth": auth}
    if api:  # the JSON API, mounted on the app's own FastAPI before it starts
        from assistant.api import api_mount

        options["app_kwargs"] = {"routes": [api_mount(assistant, auth)]}
    _, url, _ = app.launch(server_name=host, server_port=port, prevent_thread_lock=not block, quiet=quiet, **options)
    return app, url


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """'user:password' → ('user', 'password'); None stays None.

    Raises:
        ValueError: if the value has no ':' or an empty user or password.
    """
    if value is None:
        return None
    user, _, password = value.partition(":")
    if not user or not password:
        raise ValueError("--auth takes 'user:password'")
    return user, password


def launch(assistant: Assistant, settings: Settings, progress: Callable[[str], None]) -> None:
    """Serve the app on ``settings.host:settings.port`` (loopback by default) until stopped."""
    auth = parse_auth(settings.auth)
    progress(
        f"serving on http://{settings.host}:{settings.port} (JSON API at /api, described at /api/openapi.json)"
        + (" (login required)" if auth else "")
        + (" with a public share link" if settings.share else "")
    )
    start(assistant, settings.host, settings.port, block=True, auth=auth, share=settings.share)
