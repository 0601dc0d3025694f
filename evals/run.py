"""One evaluation run end to end: index in a scratch data dir, our answers, the baseline, reports."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from evals.cases import load_suite
from evals.report import summary_table, write_reports
from evals.runner import REPORTS, check_thresholds, run_case, score_baseline, score_case, summarize


def suite_documents(suite: list[Path] | None) -> list[Path]:
    """Documents a suite needs beside the corpus: the files listed in ``documents.txt`` next to its case files
    (one path a line, relative to the project root; '#' starts a comment), in the order listed."""
    from ingest.settings import PROJECT_ROOT

    listed: list[Path] = []
    for folder in dict.fromkeys(p.parent for p in suite or []):
        manifest = folder / "documents.txt"
        if manifest.is_file():
            lines = (line.split("#", 1)[0].strip() for line in manifest.read_text(encoding="utf-8").splitlines())
            listed += [PROJECT_ROOT / line for line in lines if line]
    return listed


def evaluate(suite: list[Path] | None, baseline: bool = True, reports: Path | None = None,
             progress: Callable[[str], None] = print, thresholds: Path | None = None) -> list[str]:
    """Run every case, write ``latest.md``/``latest.json``/``cases.jsonl``; returns threshold failures."""
    from assistant.factory import load_assistant
    from evals.baseline import Baseline
    from ingest.embedder import make_embeddings
    from ingest.pipeline import ingest, parse_files
    from ingest.reader import corpus_files
    from ingest.settings import Settings

    cases = load_suite(suite)
    with tempfile.TemporaryDirectory(prefix="rapporteur-eval-") as scratch:
        settings = Settings(data_dir=Path(scratch), retrieval_k=10)
        files = corpus_files(settings.corpus_dir) + suite_documents(suite)
        documents = parse_files(files)
        embeddings = make_embeddings(settings.data_dir)
        ingest(documents, settings, embeddings)
        assistant = load_assistant(settings, progress=lambda _: None, warm=True)
        progress(f"evaluating {len(cases)} cases")
        rows = [score_case(case, run_case(case, assistant), assistant) for case in cases]
        baseline_rows = None
        if baseline:
            naive = Baseline(files[0].read_text(encoding="utf-8"), documents[0], settings, embeddings)
            baseline_rows = [score_baseline(case, naive) for case in cases]
    summary = summarize(rows, baseline_rows)
    failures = check_thresholds(summary, thresholds) if thresholds else check_thresholds(summary)
    path = write_reports(summary, rows, baseline_rows, failures, reports or REPORTS)
    progress(summary_table(summary))
    progress(f"report: {path}; " + ("thresholds met" if not failures else "BELOW THRESHOLD: " + "; ".join(failures)))
    return failures
