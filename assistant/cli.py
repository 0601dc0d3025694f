"""The ``rapporteur`` command line: ingest, ask, batch, serve, mcp, eval.

Thin: parse flags into ``Settings``, call one function, render the result. Errors from bad
input are printed as one clear line (no traceback) with a non-zero exit status.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from pydantic import ValidationError

from ingest.embedder import offline_environment
from ingest.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Cited answers over United Nations documents.")
DataDir = Annotated[Optional[Path], typer.Option("--data-dir", help="Index folder (default: RAPPORTEUR_DATA_DIR or ./.rapporteur).")]
ChromaUrl = Annotated[Optional[str], typer.Option("--chroma-url", help="Chroma server URL; default: embedded store.")]
Llm = Annotated[Optional[str], typer.Option("--llm", help="Optional 'provider:model' (init_chat_model) for non-vote answers.")]


def settings_from(data_dir: Path | None = None, chroma_url: str | None = None, **overrides: object) -> Settings:
    """Settings from the environment with CLI flags (those not None) on top."""
    given: dict[str, Any] = {"data_dir": data_dir, "chroma_url": chroma_url, **overrides}
    values = {k: v for k, v in given.items() if v is not None}
    if values.get("llm") == "":
        values["llm"] = None
    try:
        return Settings(**values)
    except ValidationError as error:  # a bad flag or RAPPORTEUR_ variable: one line per problem, no traceback
        fail("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}" for e in error.errors()))
        raise


def progress(message: str) -> None:
    """Progress lines go to stderr so that stdout stays the answer."""
    print(f"rapporteur: {message}", file=sys.stderr, flush=True)


def fail(message: str) -> None:
    """Print one error line and exit with status 1."""
    print(f"rapporteur: error: {message}", file=sys.stderr)
    raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Document files (.txt/.md/.pdf/.docx); default: corpus/.")] = None,
    symbol: Annotated[Optional[str], typer.Option(help="Document symbol, when the masthead and file name do not carry it.")] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Build a fresh collection; switch to it only when complete.")] = False,
    lenient: Annotated[bool, typer.Option("--lenient", help="Store an unreadable vote sentence as a warning, not an error.")] = False,
    data_dir: DataDir = None,
    chroma_url: ChromaUrl = None,
) -> None:
    """Add or update documents in the index (incremental: only changed chunks are embedded)."""
    from ingest.embedder import make_embeddings
    from ingest.index import IndexUnavailable
    from ingest.parse import ParseError
    from ingest.pipeline import ingest as run_ingest
    from ingest.pipeline import parse_files
    from ingest.reader import corpus_files
    from ingest.summary import describe

    settings = settings_from(data_dir, chroma_url)
    try:
        files = list(paths) if paths else corpus_files(settings.corpus_dir)
        documents = parse_files(files, symbol, lenient=lenient)
        for document in documents:
            for line in describe(document):
                progress(line)
        report = run_ingest(documents, settings, make_embeddings(settings.data_dir, progress), progress, rebuild=rebuild)
    except (ParseError, IndexUnavailable, ValueError) as error:
        fail(f"{error} (the previous index, if any, is unchanged)")
        return
    _report(report)


def _report(report) -> None:  # type: ignore[no-untyped-def]
    how = "rebuilt" if report.rebuilt else "updated"
    progress(f"{how} the index: {report.added} chunks added, {report.updated} updated, {report.removed} removed, "
             f"{report.unchanged} unchanged; {len(report.documents)} documents ({', '.join(report.documents)}), "
             f"{report.units} units, {report.votes} recorded votes; {report.seconds:.1f} s")


@app.command("list")
def list_documents(data_dir: DataDir = None) -> None:
    """The documents in the index, with their unit, draft and recorded-vote counts."""
    from ingest import store

    settings = settings_from(data_dir)
    try:
        generation = store.active_generation(settings.data_dir)
        documents = store.load_documents(settings.data_dir, generation)  # type: ignore[arg-type]
    except store.NoIndex as error:
        fail(str(error))
        return
    for d in documents:
        print(f"{d.symbol}\t{len(d.units)} units\t{len(d.drafts)} drafts\t{len(d.votes)} recorded votes\t{d.title}")


@app.command()
def remove(
    symbol: Annotated[str, typer.Argument(help="Document symbol to remove, e.g. A/99/401.")],
    data_dir: DataDir = None,
    chroma_url: ChromaUrl = None,
) -> None:
    """Remove one document (its units, chunks and vote records) from the index."""
    from ingest.embedder import make_embeddings
    from ingest.pipeline import remove as run_remove

    try:
        settings = settings_from(data_dir, chroma_url)
        _report(run_remove(symbol, settings, make_embeddings(settings.data_dir, progress), progress))
    except KeyError as error:
        fail(str(error.args[0]))


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in English.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer record as JSON.")] = False,
    data_dir: DataDir = None,
    chroma_url: ChromaUrl = None,
    llm: Llm = None,
) -> None:
    """Answer one question, with citations."""
    assistant = _assistant(settings_from(data_dir, chroma_url, llm=llm))
    answer = assistant.answer(question)
    print(answer.model_dump_json(indent=1) if as_json else answer.text)
    _skip_final_collection()


def _skip_final_collection() -> None:
    """Spare a one-shot command the interpreter's last garbage collection (0.3-0.5 s with Chroma and onnxruntime loaded).

    ``gc.freeze`` moves every object to the permanent generation, which the collection at exit skips;
    the memory goes back with the process.
    """
    import gc

    gc.freeze()


@app.command()
def batch(
    infile: Annotated[Path, typer.Argument(help="JSONL: {\"id\": str, \"turns\": [str, ...]} per line.")],
    out: Annotated[Path, typer.Option("--out", help="JSONL answers, one line per input conversation.")],
    data_dir: DataDir = None,
    chroma_url: ChromaUrl = None,
    llm: Llm = None,
) -> None:
    """Answer conversations from a JSONL file; bad lines are reported with their line number and skipped."""
    from assistant.batch import run_batch

    assistant = _assistant(settings_from(data_dir, chroma_url, llm=llm))
    try:
        done, errors = run_batch(assistant, infile, out)
    except OSError as error:
        fail(f"{infile}: {error.strerror}")
        return
    for skipped in errors:
        progress(skipped)
    progress(f"answered {done} conversations into {out}; {len(errors)} lines skipped")


@app.command("eval")
def evaluate(
    suite: Annotated[Optional[list[Path]], typer.Option("--suite", help="JSONL case files (default: evals/qa/*.jsonl).")] = None,
    baseline: Annotated[
        bool, typer.Option("--baseline/--no-baseline", help="Measure the naive LangChain baseline in the same run.")
    ] = True,
    thresholds: Annotated[Optional[Path], typer.Option(help="Thresholds file (default: evals/thresholds.toml).")] = None,
    reports: Annotated[Optional[Path], typer.Option(help="Directory for latest.md / latest.json (default: evals/reports).")] = None,
) -> None:
    """Run the question-answer suite; writes evals/reports/latest.md and latest.json; exit 1 below thresholds.

    The held-out set (``--suite evals/holdout/cases.jsonl --reports evals/reports/holdout``) was written
    without looking at the system and is never tuned on: it shows whether a gain on the suite generalises.
    """
    from evals.run import evaluate as run_eval

    failures = run_eval(suite, baseline=baseline, reports=reports, progress=progress, thresholds=thresholds)
    raise typer.Exit(1 if failures else 0)


@app.command()
def serve(
    host: Annotated[Optional[str], typer.Option(help="Address to bind (default 127.0.0.1).")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port (default 7860).")] = None,
    auth: Annotated[Optional[str], typer.Option(help="'user:password' login for a shared server (or RAPPORTEUR_AUTH).")] = None,
    share: Annotated[bool, typer.Option("--share", help="Ask Gradio for a public share link (off unless given).")] = False,
    log_questions: Annotated[
        bool, typer.Option("--log-questions", help="Log question text at INFO (off: questions can be sensitive).")
    ] = False,
    data_dir: DataDir = None,
    chroma_url: ChromaUrl = None,
    llm: Llm = None,
) -> None:
    """Start the chat web UI (loads the model and index once, at start; binds 127.0.0.1 unless --host)."""
    import logging

    settings = settings_from(data_dir, chroma_url, host=host, port=port, llm=llm, auth=auth,
                             share=share or None, log_questions=log_questions or None)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    with _loading(settings) as loaded:
        from assistant.ui_startup import skip_gradio_stub_rewrite

        skip_gradio_stub_rewrite()
        from assistant.ui import launch  # gradio: 2-3 s of imports, while the index and the model load

        assistant = loaded.result()
    launch(assistant, settings, progress)


class Transport(StrEnum):
    """How ``rapporteur mcp`` talks to its client."""

    stdio = "stdio"
    http = "http"


@app.command("mcp")
def mcp_server(
    transport: Annotated[Transport, typer.Option(help="stdio (spawned by a desktop assistant) or http (streamable HTTP at /mcp).")] = (
        Transport.stdio),
    host: Annotated[Optional[str], typer.Option(help="Address for --transport http (default 127.0.0.1; any other needs "
                                                     "RAPPORTEUR_MCP_TOKEN).")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port for --transport http (default 8765).")] = None,
    data_dir: DataDir = None,
    chroma_url: ChromaUrl = None,
) -> None:
    """Serve the vote tools, cited passage search and the answerer over the Model Context Protocol (MCP)."""
    from assistant.mcp_server import binding_problem, serve

    settings = settings_from(data_dir, chroma_url, mcp_host=host, mcp_port=port)
    if transport is Transport.http and (problem := binding_problem(settings.mcp_host, settings.mcp_token)):
        fail(problem)
    with contextlib.redirect_stdout(sys.stderr):  # over stdio, stdout carries the protocol only
        assistant = _assistant(settings, warm=True)
    if transport is Transport.http:
        progress(f"MCP over streamable HTTP on http://{settings.mcp_host}:{settings.mcp_port}/mcp"
                 + (" (bearer token required)" if settings.mcp_token else ""))
    serve(assistant, transport.value, settings.mcp_host, settings.mcp_port, settings.mcp_token)


@contextlib.contextmanager
def _loading(settings: Settings) -> Iterator[Future[Any]]:
    """The warm assistant, loading in a thread while the caller imports its server (``serve``: gradio).

    Both are Python under one interpreter lock, but opening the index and the ONNX model release it for much
    of their time (onnxruntime builds its session, Chroma opens its store in Rust), so on two cores the load
    hides behind gradio's import. An error in the load (``fail``) is raised by ``result()``.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="load") as pool:
        yield pool.submit(_assistant, settings, True)


def _assistant(settings: Settings, warm: bool = False):  # type: ignore[no-untyped-def]
    from assistant.factory import load_assistant
    from ingest.index import IndexUnavailable
    from ingest.parse import ParseError
    from ingest.store import NoIndex

    try:
        return load_assistant(settings, progress, warm=warm)
    except (ParseError, IndexUnavailable, NoIndex) as error:
        fail(str(error))
    except (ValueError, ImportError) as error:  # an unknown --llm provider or its package missing
        fail(f"cannot use the language model {settings.llm!r}: {error}")


def main() -> None:
    """Console-script entry point."""
    offline_environment()
    app()


if __name__ == "__main__":
    main()
