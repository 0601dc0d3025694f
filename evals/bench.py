"""Benchmark (not a test): prints ingest time, answer latency, one-shot CLI time and memory.

    .venv/bin/python evals/bench.py [--queries 200]

Figures: ingest cold (model load included) and warm; warm answer latency p50/p95 over
``--queries`` vote and retrieval questions; wall time of one-shot ``rapporteur ask`` for a
vote and a content question (fresh processes); peak RSS of this process after serving.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.table import Table

VOTE = ["How did France vote on draft resolution I?", "What was the recorded vote on L.37?", "Which States abstained on both?",
        "How did EU members vote?", "Who introduced L.37 and when?"]
CONTENT = ["What does the text say about critical infrastructure?", "What does draft resolution II say about capacity-building?",
           "When will the open-ended working group hold its organizational session?", "What does footnote 3 say?",
           "Can a State use its computer emergency teams for attacks?"]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0–100)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def timed(fn):  # type: ignore[no-untyped-def]
    """(result, seconds) of calling fn()."""
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def one_shot(question: str, data_dir: Path) -> float:
    """Wall seconds of a fresh `python -m assistant ask` process."""
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(data_dir)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant", "ask", question], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=200, help="warm questions per kind")
    args = parser.parse_args()
    from ingest.embedder import make_embeddings, offline_environment

    offline_environment()
    from assistant.factory import load_assistant
    from ingest.pipeline import ingest, parse_files
    from ingest.reader import corpus_files
    from ingest.settings import Settings

    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="rapporteur-bench-") as scratch:
        settings = Settings(data_dir=Path(scratch))
        documents, parse_s = timed(lambda: parse_files(corpus_files(settings.corpus_dir)))
        embeddings, load_s = timed(make_embeddings)
        _, cold_s = timed(lambda: ingest(documents, settings, embeddings))
        _, warm_s = timed(lambda: ingest(documents, settings, embeddings, rebuild=True))
        _, same_s = timed(lambda: ingest(documents, settings, embeddings))
        rows += [("parse corpus", f"{parse_s * 1000:.1f} ms"), ("embedding model load", f"{load_s:.2f} s"),
                 ("ingest, first (new index, model loaded)", f"{cold_s:.2f} s"), ("ingest --rebuild (warm)", f"{warm_s:.2f} s"),
                 ("ingest again, nothing changed (incremental)", f"{same_s:.2f} s")]
        assistant = load_assistant(settings, progress=lambda _: None, warm=True)
        for kind, questions in (("vote", VOTE), ("retrieval", CONTENT)):
            latencies = []
            for i in range(args.queries):
                question = questions[i % len(questions)]  # picked in the loop body, not as a lambda default
                latencies.append(timed(partial(assistant.answer, question))[1] * 1000)
            p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
            rows.append((f"{kind} answer p50 / p95 ({args.queries} warm)", f"{p50:.2f} / {p95:.2f} ms"))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(("peak RSS, serving process", f"{rss:.0f} MiB"))
        rows.append(("one-shot `rapporteur ask`, vote", f"{one_shot(VOTE[0], settings.data_dir):.2f} s"))
        rows.append(("one-shot `rapporteur ask`, content", f"{one_shot(CONTENT[0], settings.data_dir):.2f} s"))
    table = Table(title="Rapporteur benchmark (2-core CPU)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in rows:
        table.add_row(name, value)
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
