"""Benchmark (not a test): cold start, serving, and how cost grows with the corpus, against the targets of issue 19.

    .venv/bin/python evals/bench.py [--queries 200] [--budget 30] [--sizes 1 10 100] [--repeat 3]

Everything runs in fresh processes on data dirs under one temp folder, as a user would run it:

1. Cold start on the bundled corpus (A/73/505): wall time of one-shot `rapporteur ask` for a vote and a
   content question, and of `rapporteur serve` from process start to its page answering HTTP 200 on a
   free loopback port (median of ``--repeat`` runs); the ONNX export, made once and copied into each
   data dir (it is per data dir and weights, not per corpus).
2. Growth: corpora of 1, 10 and 100 documents (A/73/505 and copies under the symbols A/73/9001…,
   votes included), each ingested by `rapporteur ingest` into its own data dir: ingest wall time, index
   size on disk (Chroma store and records, not the 90 MB export), serve ready time, warm answer p50/p95
   over ``--queries`` content (retrieval) and vote questions in one process (fewer when they take more
   than ``--budget`` seconds a kind; the number measured is shown), and serving RSS (peak
   RSS of the `serve` process after it answered 20 questions over HTTP). The 100-document corpus
   again with its vectors in a Chroma server (`chroma run` on a free loopback port, started and
   stopped here).
3. Where `serve`'s imports go: `python -X importtime` over the modules `rapporteur serve` imports (in one thread,
   as if loaded one after the other), the cumulative seconds of the largest packages (median of ``--repeat`` runs).
4. The targets, each with its measured value and whether it holds.

The copies share their text, and the embedder embeds a text once per call, so the copies' chunks
cost Chroma and records but not the model: the embedding throughput on distinct text is measured
separately and extrapolated to 100 distinct documents.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.table import Table

from evals.ports import free_port

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "A_73_505.txt"
CHROMA = Path(sys.executable).with_name("chroma")
VOTE = ["How did France vote on draft resolution I?", "What was the recorded vote on L.37?", "Which States abstained on both?",
        "How did EU members vote?", "Who introduced L.37 and when?"]
CONTENT = ["What does the text say about critical infrastructure?", "What does draft resolution II say about capacity-building?",
           "When will the open-ended working group hold its organizational session?", "What does footnote 3 say?",
           "Can a State use its computer emergency teams for attacks?"]
SERVE_IMPORTS = ("import assistant.cli, assistant.ui, assistant.factory, assistant.retrieval, ingest.index, ingest.onnx_embedder, "
                 "chromadb, onnxruntime")
SKIP_STUBS = "from assistant.ui_startup import skip_gradio_stub_rewrite; skip_gradio_stub_rewrite(); "  # as `serve` does
WATCHED_IMPORTS = ("gradio", "mcp", "pandas", "chromadb", "onnxruntime", "tokenizers", "langchain_core", "bm25s", "assistant.service",
                   "pydantic", "typer")
TARGETS = {"content_ask_s": 2.0, "serve_ready_s": 4.0, "serving_rss_mib": 600.0, "retrieval_p95_1_ms": 30.0,
           "retrieval_p95_100_ms": 60.0, "ingest_100_s": 180.0}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0–100)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def environment(data_dir: Path, chroma_url: str | None = None) -> dict[str, str]:
    """This process's environment with the data dir (and Chroma server) of one run."""
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(data_dir), "GRADIO_ANALYTICS_ENABLED": "False"}
    env.pop("RAPPORTEUR_CHROMA_URL", None)
    return {**env, "RAPPORTEUR_CHROMA_URL": chroma_url} if chroma_url else env


def run_timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """(wall seconds, stdout) of a process that must succeed."""
    started = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode:
        raise RuntimeError(f"{' '.join(args[:4])}… failed: {done.stderr[-2000:]}")
    return time.perf_counter() - started, done.stdout


def one_shot(question: str, env: dict[str, str], repeat: int) -> list[float]:
    """Wall seconds of ``repeat`` fresh `python -m assistant ask` processes."""
    return [run_timed([sys.executable, "-m", "assistant", "ask", question], env)[0] for _ in range(repeat)]


def make_corpus(folder: Path, n: int) -> list[Path]:
    """A/73/505 and ``n - 1`` copies whose file names give them the symbols A/73/9001, A/73/9002, …"""
    folder.mkdir(parents=True)
    files = [folder / CORPUS.name]
    shutil.copy(CORPUS, files[0])
    for i in range(1, n):
        files.append(folder / f"A_73_{9000 + i}.txt")
        shutil.copy(CORPUS, files[-1])
    return files


def disk_mib(*folders: Path) -> float:
    """Size on disk of the files under ``folders``, in MiB."""
    return sum(f.stat().st_blocks * 512 for folder in folders if folder.is_dir() for f in folder.rglob("*") if f.is_file()) / 2**20


def peak_rss_mib(pid: int) -> float:
    """Peak resident set size of a running process (``VmHWM``), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def http_ok(url: str) -> bool:
    """Whether ``url`` answers HTTP 200 now."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def ask_over_http(base: str, question: str) -> str:
    """The answer text of the app's ``/answer`` API (Gradio's two-step call: post, then read the event)."""
    request = urllib.request.Request(f"{base}/gradio_api/call/answer", data=json.dumps({"data": [question]}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        event = json.load(response)["event_id"]
    with urllib.request.urlopen(f"{base}/gradio_api/call/answer/{event}", timeout=60) as response:
        lines = response.read().decode().splitlines()
    data = json.loads(next(line for line in lines if line.startswith("data:"))[5:])
    if not data:
        raise RuntimeError(f"the app did not answer {question!r}: {lines}")
    return str(data[0])


def serve_once(env: dict[str, str], questions: int = 20) -> tuple[float, float]:
    """(seconds from start to HTTP 200, peak RSS in MiB after ``questions`` answers) of one `rapporteur serve`.

    Its log goes to ``serve.log`` in the data dir.
    """
    port = free_port()
    log = (Path(env["RAPPORTEUR_DATA_DIR"]) / "serve.log").open("ab")
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], env=env,
                               stdout=log, stderr=log, start_new_session=True)
    try:
        while not http_ok(f"http://127.0.0.1:{port}/"):
            if process.poll() is not None or time.perf_counter() - started > 300:
                raise RuntimeError("rapporteur serve did not start")
            time.sleep(0.05)
        ready = time.perf_counter() - started
        for i in range(questions):
            ask_over_http(f"http://127.0.0.1:{port}", (CONTENT + VOTE)[i % 10])
        return ready, peak_rss_mib(process.pid)
    except Exception as error:
        tail = Path(env["RAPPORTEUR_DATA_DIR"], "serve.log").read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{error}\n--- serve.log ---\n{tail}") from error
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


@contextlib.contextmanager
def chroma_server(path: Path) -> Iterator[str]:
    """A `chroma run` on a free loopback port for the duration of the block; yields its URL."""
    port = free_port()
    process = subprocess.Popen([str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.time() + 60
        while not http_ok(f"http://127.0.0.1:{port}/api/v2/heartbeat"):
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError("chroma run did not start")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def worker(queries: int, budget_s: float, throughput: bool) -> dict[str, float]:
    """In a fresh process: warm answer latencies over the index of RAPPORTEUR_DATA_DIR (and the embedder's speed).

    Each kind gets ``queries`` answers, or as many as ``budget_s`` seconds allow (two of each question at least).

    Returns:
        {"content_p50", "content_p95", "content_n", "vote_p50", "vote_p95", "vote_n"} (ms, answers measured),
        and with ``throughput`` "chunks_per_s" (distinct chunks of the corpus embedded per second) and
        "chunks_per_document".
    """
    from ingest.embedder import offline_environment

    offline_environment()
    from assistant.factory import load_assistant
    from ingest.settings import Settings

    settings = Settings()
    assistant = load_assistant(settings, progress=lambda _: None, warm=True)
    symbols = [d.symbol for d in assistant.documents]
    out: dict[str, float] = {}
    for kind, questions in (("content", CONTENT + suite_questions("content")), ("vote", VOTE + suite_questions("vote"))):
        latencies: list[float] = []
        deadline = time.perf_counter() + budget_s
        for i in range(queries):
            if i >= 2 * len(CONTENT) and time.perf_counter() > deadline:
                break
            # every other question with a document chosen (the UI's chooser): over 100 documents a question naming
            # "draft resolution I" and no document is asked back which document, which measures no search
            chosen = symbols[(i // 2) % len(symbols)] if i % 2 else None
            started = time.perf_counter()
            assistant.answer(questions[i % len(questions)], document=chosen)
            latencies.append((time.perf_counter() - started) * 1000)
        out[f"{kind}_p50"], out[f"{kind}_p95"] = percentile(latencies, 50), percentile(latencies, 95)
        out[f"{kind}_n"] = len(latencies)
    if throughput:
        from ingest.embedder import make_embeddings
        from ingest.pipeline import document_chunks
        from ingest.reader import read_document

        texts = list(dict.fromkeys(c.embed_text for c in document_chunks([read_document(CORPUS)], settings)))
        embeddings = make_embeddings(settings.data_dir)
        embeddings.embed_documents(["warm-up"])
        started = time.perf_counter()
        embeddings.embed_documents(texts)
        out["chunks_per_s"] = len(texts) / (time.perf_counter() - started)
        out["chunks_per_document"] = len(texts)
    return out


def suite_questions(kind: str) -> list[str]:
    """The one-turn questions of ``evals/qa/{kind}.jsonl``, in file order: distinct words, so no cache of a
    question's reading is hit twice in a run of fewer answers than there are questions."""
    cases = [json.loads(line) for line in (ROOT / "evals" / "qa" / f"{kind}.jsonl").read_text().splitlines() if line.strip()]
    return [c["turns"][0] for c in cases if len(c["turns"]) == 1]


def measure(data_dir: Path, queries: tuple[int, float], chroma_url: str | None = None, throughput: bool = False) -> dict[str, float]:
    """``worker`` in a fresh process on ``data_dir``; ``queries`` is (answers per kind, seconds per kind at most)."""
    args = [sys.executable, __file__, "--worker", "--queries", str(queries[0]), "--budget", str(queries[1])]
    args += ["--throughput"] if throughput else []
    return json.loads(run_timed(args, environment(data_dir, chroma_url))[1])  # type: ignore[no-any-return]


def growth_row(root: Path, n: int, export: Path, queries: tuple[int, float], chroma_url: str | None = None) -> dict[str, float]:
    """Ingest an n-document corpus into a new data dir (export copied in), then measure answers and serving."""
    tag = f"{n}-server" if chroma_url else str(n)
    data_dir = root / f"data-{tag}"
    data_dir.mkdir()
    shutil.copytree(export, data_dir / "onnx")
    files = make_corpus(root / f"corpus-{tag}", n)
    env = environment(data_dir, chroma_url)
    ingest_s, _ = run_timed([sys.executable, "-m", "assistant", "ingest", *map(str, files)], env)
    index_mib = disk_mib(data_dir / "chroma", data_dir / "records")  # the server's store is added by the caller
    ready, rss = serve_once(env)
    row = {"documents": n, "ingest_s": ingest_s, "serve_ready_s": ready, "rss_mib": rss, "index_mib": index_mib}
    return row | measure(data_dir, queries, chroma_url, throughput=n == 1 and not chroma_url)


def load_average() -> str:
    """The 1, 5 and 15 minute load averages (other work on the machine slows every figure)."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=200, help="warm questions per kind and corpus size")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds of warm questions per kind and corpus size, at most")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100], help="corpus sizes, in documents")
    parser.add_argument("--repeat", type=int, default=3, help="one-shot runs per measure (median shown)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--throughput", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.queries, args.budget, args.throughput)))
        return 0
    started, load_before = time.perf_counter(), load_average()
    with tempfile.TemporaryDirectory(prefix="rapporteur-bench-") as scratch:
        root = Path(scratch)
        export_s, _ = run_timed([sys.executable, "-c", "import sys; from pathlib import Path; from ingest.embedder import "
                                 "make_embeddings; make_embeddings(Path(sys.argv[1]))", str(root / "export")], environment(root))
        export = root / "export" / "onnx"
        queries = (args.queries, args.budget)
        rows = [growth_row(root, n, export, queries) for n in args.sizes]
        if 100 in args.sizes:
            with chroma_server(root / "chroma-server") as url:
                server_row = growth_row(root, 100, export, queries, url)
            server_row["index_mib"] += disk_mib(root / "chroma-server")
            rows.append(server_row | {"server": 1.0})
        first = environment(root / "data-1")
        vote_s, content_s = one_shot(VOTE[0], first, args.repeat), one_shot(CONTENT[0], first, args.repeat)
        ready_s = [rows[0]["serve_ready_s"]] + [serve_once(first)[0] for _ in range(args.repeat - 1)]
        export_mib = disk_mib(export)
    imports = import_seconds(args.repeat)
    console = Console(width=160)
    console.print(cold_table(rows[0], vote_s, content_s, ready_s, export_s, export_mib))
    console.print(growth_table(rows))
    console.print(imports_table(imports, import_seconds(args.repeat, prefix="")))
    console.print(targets_table(rows, content_s, ready_s))
    console.print(f"load average before {load_before}, after {load_average()} (2 cores); bench took {time.perf_counter() - started:.0f} s")
    return 0


def _runs(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s  ({', '.join(f'{v:.2f}' for v in values)})"


def import_seconds(repeat: int, prefix: str = SKIP_STUBS) -> dict[str, float]:
    """Median cumulative import seconds of ``WATCHED_IMPORTS`` and ``total``, over ``repeat`` runs.

    ``prefix`` runs first: by default gradio's stub rewrite is skipped, as ``rapporteur serve`` does
    (``assistant.ui_startup``); with ``prefix=""``, gradio's plain import, for comparison.

    A package's figure is the sum over its modules imported from outside it (``chromadb`` and ``chromadb.api`` imported
    by ``ingest.index`` count once, under ``chromadb``): what importing it cost wherever that first happened.
    """
    runs: list[dict[str, float]] = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", prefix + SERVE_IMPORTS], capture_output=True, text=True,
                              timeout=300,
                              env={**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"})
        rows = [line.split("|")[1:] for line in done.stderr.splitlines() if line.startswith("import time:") and "cumulative" not in line]
        seen = dict.fromkeys(("total", *WATCHED_IMPORTS), 0.0)
        ancestors: list[tuple[int, str | None]] = []  # reversed, the log lists each module before the one that imported it
        for cumulative, name in reversed(rows):
            depth, module = (len(name) - len(name.lstrip()) - 1) // 2, name.strip()  # ' ' + two spaces a level
            while ancestors and ancestors[-1][0] >= depth:
                ancestors.pop()
            package = next((w for w in WATCHED_IMPORTS if module == w or module.startswith(w + ".")), None)
            inside = any(a is not None and a == package for _, a in ancestors)
            if package and not inside:
                seen[package] += int(cumulative) / 1e6
            seen["total"] += int(cumulative) / 1e6 if depth == 1 else 0.0
            ancestors.append((depth, package))
        runs.append(seen)
    return {name: statistics.median(r[name] for r in runs) for name in ("total", *WATCHED_IMPORTS)}


def imports_table(seconds: dict[str, float], plain: dict[str, float]) -> Table:
    """The import breakdown of `serve`, as served (gradio's stub rewrite skipped) and with gradio's plain import."""
    table = Table(title="`rapporteur serve`'s imports, one after another (python -X importtime, median; mcp, pandas inside gradio)")
    table.add_column("package")
    table.add_column("seconds, as served", justify="right")
    table.add_column("with gradio's stub rewrite", justify="right")
    for name, value in seconds.items():
        table.add_row(name, f"{value:.2f}", f"{plain[name]:.2f}")
    return table


def cold_table(one: dict[str, float], vote_s: list[float], content_s: list[float], ready_s: list[float],
               export_s: float, export_mib: float) -> Table:
    """Cold start and serving on the bundled corpus."""
    table = Table(title="Cold start and serving, A/73/505 (1 document, 94 units)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    chunks = one["chunks_per_document"]
    for name, value in [
        ("one-shot `rapporteur ask`, vote (median, runs)", _runs(vote_s)),
        ("one-shot `rapporteur ask`, content (median, runs)", _runs(content_s)),
        ("`rapporteur serve`: start to HTTP 200 (median, runs)", _runs(ready_s)),
        ("warm content (retrieval) answer p50 / p95", f"{one['content_p50']:.1f} / {one['content_p95']:.1f} ms"),
        ("warm vote answer p50 / p95", f"{one['vote_p50']:.2f} / {one['vote_p95']:.2f} ms"),
        ("serving RSS (peak, `serve` after 20 answers)", f"{one['rss_mib']:.0f} MiB"),
        ("ONNX export, once per data dir and weights (torch)", f"{export_s:.1f} s, {export_mib:.0f} MiB"),
        ("embedding, distinct chunks (ONNX, CPU)", f"{one['chunks_per_s']:.0f} chunks/s ({chunks:.0f} chunks a document)"),
        ("→ embedding 100 distinct documents of this size", f"≈ {100 * chunks / one['chunks_per_s']:.0f} s"),
    ]:
        table.add_row(name, value)
    return table


def growth_table(rows: list[dict[str, float]]) -> Table:
    """One row per corpus size (and the Chroma server run)."""
    table = Table(title="Growth: A/73/505 and copies under other symbols (each a fresh data dir)")
    for column in ("documents", "Chroma", "ingest", "index on disk", "serve ready", "retrieval p50 / p95 (answers)", "vote p95 (answers)",
                   "serving RSS"):
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(f"{row['documents']:.0f}", "server" if row.get("server") else "embedded", f"{row['ingest_s']:.1f} s",
                      f"{row['index_mib']:.1f} MiB", f"{row['serve_ready_s']:.2f} s",
                      f"{row['content_p50']:.1f} / {row['content_p95']:.1f} ms ({row['content_n']:.0f})",
                      f"{row['vote_p95']:.1f} ms ({row['vote_n']:.0f})", f"{row['rss_mib']:.0f} MiB")
    return table


def targets_table(rows: list[dict[str, float]], content_s: list[float], ready_s: list[float]) -> Table:
    """Each target of issue 19 against its measured value (medians; RSS the largest of the embedded runs)."""
    embedded = {int(r["documents"]): r for r in rows if not r.get("server")}
    measured = {"content_ask_s": statistics.median(content_s), "serve_ready_s": statistics.median(ready_s),
                "serving_rss_mib": max(r["rss_mib"] for r in embedded.values())}
    if 1 in embedded:
        measured["retrieval_p95_1_ms"] = embedded[1]["content_p95"]
    if 100 in embedded:
        measured |= {"retrieval_p95_100_ms": embedded[100]["content_p95"], "ingest_100_s": embedded[100]["ingest_s"]}
    table = Table(title="Targets (issue 19)")
    for column in ("target", "limit", "measured", "holds"):
        table.add_column(column, justify="right" if column != "target" else "left")
    for key, value in measured.items():
        table.add_row(key, f"{TARGETS[key]:g}", f"{value:.2f}", "yes" if value <= TARGETS[key] else "NO")
    return table


if __name__ == "__main__":
    sys.exit(main())
