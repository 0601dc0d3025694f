"""Load test (not a test): N concurrent gradio_client sessions × M questions against the real app.

    .venv/bin/python evals/load.py [--sessions 50] [--questions 20] [--data-dir DIR]

Starts the real Gradio app in this process on a free loopback port (model and index loaded
once), then runs every session in its own thread with its own ``gradio_client.Client``. Each
session asks about its own pair of Member States, with follow-ups ("And on the other draft?",
"What about X?", "Which paragraph is that?") that only come out right if the server kept that
session's history; every answer is checked against an expected substring read off the
document's vote records (paras. 7 and 10) or its text.

Reports throughput, p50/p95 latency, errors (exceptions and timeouts), wrong answers, answers
that went to the wrong session (naming another session's State), and outbound connection
attempts (a socket guard allows loopback only). Exits 1 unless all four counts are 0.
Bounded: loopback only, a timeout per question and for the whole run, and it stops by itself.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

VERBS = {"in_favour": "voted in favour of", "against": "voted against", "abstaining": "abstained on"}
TALLIES = {"I": "109 in favour, 45 against and 16 abstaining", "II": "139 in favour, 11 against and 18 abstaining"}
CONTENT = [  # (question, expected substring, the label a "Which paragraph is that?" follow-up must name)
    ("What does the text say about critical infrastructure?", "critical infrastructure", "draft resolution I, operative para. 1.6"),
    ("What does draft resolution I say about ICT activity that damages critical infrastructure?",
     "intentionally damages critical infrastructure", "draft resolution I, operative para. 1.6"),
]


@dataclass(frozen=True)
class Turn:
    """One question of a session, what its answer must contain, and what kind of turn it is."""

    question: str
    expected: str
    kind: str  # "vote", "follow-up" or "content"
    states: tuple[str, ...] = ()  # Member States the answer is about (for the wrong-session check)


@dataclass
class Outcome:
    """What one turn got: latency (ms), the answer text or the error."""

    session: int
    turn: Turn
    latency_ms: float
    text: str = ""
    error: str = ""


@dataclass
class Guard:
    """Counts outbound connection attempts; allows loopback and AF_UNIX only (installed for the whole run)."""

    attempts: list[str] = field(default_factory=list)

    def install(self) -> None:
        """Patch ``socket.socket.connect`` and ``socket.create_connection`` in this process."""
        connect, create = socket.socket.connect, socket.create_connection
        guard = self

        def guarded_connect(sock: socket.socket, address: object) -> None:
            if sock.family != getattr(socket, "AF_UNIX", -1) and not _loopback(address):
                guard.attempts.append(repr(address))
                raise OSError(f"outbound connection blocked by the load script: {address!r}")
            connect(sock, address)  # type: ignore[arg-type]

        def guarded_create(address, *args, **kwargs):  # type: ignore[no-untyped-def]
            if not _loopback(address):
                guard.attempts.append(repr(address))
                raise OSError(f"outbound connection blocked by the load script: {address!r}")
            return create(address, *args, **kwargs)

        socket.socket.connect = guarded_connect  # type: ignore[method-assign]
        socket.create_connection = guarded_create  # type: ignore[assignment]


def _loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def position_table(documents) -> tuple[dict[str, dict[str, str]], list[str]]:  # type: ignore[no-untyped-def]
    """({draft number: {State: position}}, States recorded on both drafts whose names contain no other's)."""
    table: dict[str, dict[str, str]] = {}
    for vote in (v for d in documents for v in d.votes):
        table[vote.draft_number] = {s: p for p in VERBS for s in getattr(vote, p)}
    both = sorted(set(table["I"]) & set(table["II"]))
    distinct = [s for s in both if not any(s != o and (s in o or o in s) for o in both)]
    return table, distinct


def session_turns(n: int, count: int, positions: dict[str, dict[str, str]], states: list[str]) -> list[Turn]:
    """The ``count`` questions of session ``n``: its own two States, follow-ups, tallies and content, cycled."""
    own, other = states[(2 * n) % len(states)], states[(2 * n + 1) % len(states)]
    content, expected, label = CONTENT[n % len(CONTENT)]

    def said(state: str, draft: str) -> str:
        return f"{state} {VERBS[positions[draft][state]]} draft resolution {draft}"

    cycle = [
        Turn(f"How did {own} vote on draft resolution I?", said(own, "I"), "vote", (own,)),
        Turn("And on the other draft?", said(own, "II"), "follow-up", (own,)),
        Turn(f"What about {other}?", said(other, "II"), "follow-up", (other,)),
        Turn("What was the recorded vote on L.37?", TALLIES["II"], "vote"),
        Turn("And on the other draft?", TALLIES["I"], "follow-up"),
        Turn(content, expected, "content"),
        Turn("Which paragraph is that?", f"The previous answer rests on A/73/505, {label}", "follow-up"),
        Turn(f"How did {other} vote on L.27/Rev.1?", said(other, "I"), "vote", (other,)),
        Turn(f"What about {own}?", said(own, "I"), "follow-up", (own,)),
        Turn("And on the other draft?", said(own, "II"), "follow-up", (own,)),
    ]
    return [cycle[i % len(cycle)] for i in range(count)]


def run_session(url: str, n: int, turns: list[Turn], timeout: float, deadline: float) -> list[Outcome]:
    """Ask one session's turns in order through its own client; never raises."""
    from gradio_client import Client

    outcomes: list[Outcome] = []
    try:
        client = Client(url, verbose=False, download_files=False, analytics_enabled=False)
    except Exception as error:  # noqa: BLE001 - reported, not raised
        return [Outcome(n, t, 0.0, error=f"client: {type(error).__name__}: {error}") for t in turns]
    try:
        for turn in turns:
            if time.monotonic() > deadline:
                outcomes.append(Outcome(n, turn, 0.0, error="run deadline passed"))
                continue
            started = time.perf_counter()
            try:
                text, _ = client.submit(turn.question, api_name="/answer").result(timeout=timeout)
                outcomes.append(Outcome(n, turn, (time.perf_counter() - started) * 1000, text=text))
            except Exception as error:  # noqa: BLE001 - reported, not raised
                outcomes.append(Outcome(n, turn, (time.perf_counter() - started) * 1000, error=f"{type(error).__name__}: {error}"))
    finally:
        client.close()
    return outcomes


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0–100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(-(-q * len(ordered) // 100)) - 1))]


def wrong(outcome: Outcome) -> bool:
    """The answer lacks its expected substring (case-insensitive)."""
    return not outcome.error and outcome.turn.expected.lower() not in outcome.text.lower()


def wrong_session(outcome: Outcome, owners: dict[str, set[int]]) -> bool:
    """The answer states how a State voted that only other sessions ask about (their history leaked into this one)."""
    if outcome.error:
        return False
    foreign = [s for s, sessions in owners.items() if outcome.session not in sessions]
    return any(re.search(rf"(?<![\w-]){re.escape(s)} (?:voted|abstained)\b", outcome.text) for s in foreign)


@dataclass
class Server:
    """The running app, its URL, the assistant behind it and the scratch data dir (None if given one)."""

    app: object
    url: str
    assistant: object
    scratch: tempfile.TemporaryDirectory[str] | None

    def close(self) -> None:
        """Stop the server and delete the scratch data dir."""
        self.app.close()  # type: ignore[attr-defined]
        if self.scratch is not None:
            self.scratch.cleanup()


def owners_of(plans: list[list[Turn]]) -> dict[str, set[int]]:
    """State → the sessions that ask about it."""
    owners: dict[str, set[int]] = {}
    for n, turns in enumerate(plans):
        for state in (s for t in turns for s in t.states):
            owners.setdefault(state, set()).add(n)
    return owners


def check_detector(plans: list[list[Turn]]) -> None:
    """Make sure the wrong-session check flags a leaked answer (so a clean run is not vacuous).

    Raises:
        RuntimeError: if it does not.
    """
    owners = owners_of(plans)
    if len(plans) < 2 or not plans[1][0].states:
        return
    leaked = Outcome(0, plans[0][0], 0.0, text=f"{plans[1][0].states[0]} voted against draft resolution I")
    if not wrong_session(leaked, owners) or wrong_session(Outcome(0, plans[0][0], 0.0, text=plans[0][0].expected), owners):
        raise RuntimeError("the wrong-session check does not work")


def start_server(data_dir: Path | None, progress: Callable[[str], None]) -> Server:
    """Index the corpus (into a scratch dir unless ``data_dir``), load the assistant warm, launch on a free loopback port."""
    import assistant.ui as ui
    from assistant.factory import load_assistant
    from ingest.settings import Settings

    scratch = None if data_dir else tempfile.TemporaryDirectory(prefix="rapporteur-load-")
    settings = Settings(data_dir=data_dir or Path(scratch.name))  # type: ignore[union-attr]
    assistant = load_assistant(settings, progress=progress, warm=True)
    app = ui.build_app(assistant)
    app.queue(**getattr(ui, "QUEUE", {"default_concurrency_limit": 4, "max_size": 256}))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, share=False)
    return Server(app, f"http://127.0.0.1:{port}/", assistant, scratch)


def run_load(url: str, plans: list[list[Turn]], timeout: float, total: float) -> tuple[list[Outcome], float]:
    """Run every session at once (one thread each); (outcomes in session then turn order, wall seconds)."""
    deadline = time.monotonic() + total
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(plans)) as pool:
        futures = [pool.submit(run_session, url, n, turns, timeout, deadline) for n, turns in enumerate(plans)]
        wait(futures, timeout=total + timeout)
    wall = time.perf_counter() - started
    return [o for f in futures if f.done() for o in f.result()], wall


def report(outcomes: list[Outcome], plans: list[list[Turn]], wall: float, guard: Guard, console: Console) -> int:
    """Print the results table; returns the number of problems (errors + wrong + wrong session + outbound)."""
    owners = owners_of(plans)
    asked = sum(len(t) for t in plans)
    table = Table(title=f"Rapporteur load: {len(plans)} sessions × {len(plans[0]) if plans else 0} questions, loopback gradio_client")
    for column in ("turns", "answered", "p50 ms", "p95 ms", "max ms", "errors", "wrong answer", "wrong session"):
        table.add_column(column, justify="right" if column != "turns" else "left")
    problems = 0
    for kind in ("vote", "follow-up", "content", "all"):
        rows = [o for o in outcomes if kind in ("all", o.turn.kind)]
        latencies = [o.latency_ms for o in rows if not o.error]
        errors = sum(1 for o in rows if o.error) + (asked - len(outcomes) if kind == "all" else 0)
        bad = sum(1 for o in rows if wrong(o))
        leaked = sum(1 for o in rows if wrong_session(o, owners))
        if kind == "all":
            problems = errors + bad + leaked + len(guard.attempts)
        table.add_row(kind, str(len(latencies)), f"{percentile(latencies, 50):.0f}", f"{percentile(latencies, 95):.0f}",
                      f"{max(latencies, default=0):.0f}", str(errors), str(bad), str(leaked), style="bold" if kind == "all" else None)
    console.print(table)
    answered = sum(1 for o in outcomes if not o.error)
    console.print(f"questions asked: {asked}; answered: {answered}; wall time: {wall:.1f} s; throughput: {answered / wall:.1f} answers/s; "
                  f"outbound connection attempts: {len(guard.attempts)}")
    for o in [o for o in outcomes if o.error or wrong(o)][:5]:
        console.print(f"[red]session {o.session}[/red] {o.turn.question!r}: {o.error or o.text[:160]!r}")
    return problems


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line flags."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sessions", type=int, default=50, help="concurrent gradio_client sessions (default 50)")
    parser.add_argument("--questions", type=int, default=20, help="questions per session (default 20)")
    parser.add_argument("--data-dir", type=Path, default=None, help="an indexed data dir (default: index the corpus into a scratch dir)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per question (default 120)")
    parser.add_argument("--total-timeout", type=float, default=1800.0, help="seconds allowed for the whole run (default 1800)")
    args = parser.parse_args(argv)
    if args.sessions < 1 or args.questions < 1:
        parser.error("--sessions and --questions must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the load test; 0 when every answer was right, in its own session, with no outbound connection."""
    args = arguments(argv)
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # gradio and gradio_client telemetry off, before they load
    from ingest.embedder import offline_environment

    offline_environment()
    guard = Guard()
    guard.install()
    console = Console(width=120)
    server = start_server(args.data_dir, lambda m: console.print(f"[dim]{m}[/dim]"))
    try:
        positions, states = position_table(server.assistant.documents)  # type: ignore[attr-defined]
        plans = [session_turns(n, args.questions, positions, states) for n in range(args.sessions)]
        check_detector(plans)
        console.print(f"serving on {server.url}; {args.sessions} sessions × {args.questions} questions")
        outcomes, wall = run_load(server.url, plans, args.timeout, args.total_timeout)
        return 1 if report(outcomes, plans, wall, guard, console) else 0
    finally:
        server.close()


if __name__ == "__main__":
    sys.exit(main())
