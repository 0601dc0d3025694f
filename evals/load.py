"""Load test (not a test): N concurrent sessions × M questions through each way in: Gradio, the JSON API, MCP over HTTP.

    .venv/bin/python evals/load.py [--sessions 50] [--questions 20] [--paths gradio,api,mcp] [--mixes votes,full] [--data-dir DIR]

Starts the real servers in this process on free loopback ports (one warm ``Assistant`` behind them all): the Gradio
app with the JSON API mounted at /api (as ``rapporteur serve`` runs them) and the MCP server's streamable HTTP app
(as ``rapporteur mcp --transport http`` runs it, with a bearer token). Then, path after path, it runs every session
at once from a child process (``evals/load_clients.py``: one gradio_client, httpx client or MCP SDK session each),
so that clients and servers do not share one interpreter. Each session asks about its own pair of Member States,
with follow-ups ("And on the other draft?", "What about X?", "Which paragraph is that?") that only come out right if
the server kept that session's history; every answer is checked against an expected substring read off the
document's vote records (paras. 7 and 10) or its text. Mixes: ``votes`` asks vote questions and their follow-ups
only; ``full`` adds a content question and "Which paragraph is that?" every ten turns.

Reports, per path and mix, throughput, p50/p95 latency, errors (exceptions and timeouts), wrong answers, answers
that went to the wrong session (naming another session's State), and outbound connection attempts (a socket guard
allows loopback only, in both processes). Exits 1 unless all four counts are 0 on every path. Bounded: loopback
only, a timeout per question and for each path's run, and it stops by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from evals.load_clients import Guard, Outcome, Turn
from evals.ports import free_port

VERBS = {"in_favour": "voted in favour of", "against": "voted against", "abstaining": "abstained on"}
TALLIES = {"I": "109 in favour, 45 against and 16 abstaining", "II": "139 in favour, 11 against and 18 abstaining"}
CONTENT = [  # (question, expected substring, the label a "Which paragraph is that?" follow-up must name)
    ("What does the text say about critical infrastructure?", "critical infrastructure", "draft resolution I, operative para. 1.6"),
    ("What does draft resolution I say about ICT activity that damages critical infrastructure?",
     "intentionally damages critical infrastructure", "draft resolution I, operative para. 1.6"),
]


def position_table(documents) -> tuple[dict[str, dict[str, str]], list[str]]:  # type: ignore[no-untyped-def]
    """({draft number: {State: position}}, States recorded on both drafts whose names contain no other's)."""
    table: dict[str, dict[str, str]] = {}
    for vote in (v for d in documents for v in d.votes):
        table[vote.draft_number] = {s: p for p in VERBS for s in getattr(vote, p)}
    both = sorted(set(table["I"]) & set(table["II"]))
    distinct = [s for s in both if not any(s != o and (s in o or o in s) for o in both)]
    return table, distinct


def session_turns(n: int, count: int, positions: dict[str, dict[str, str]], states: list[str], mix: str = "full") -> list[Turn]:
    """The ``count`` questions of session ``n``: its own two States, follow-ups, tallies and (mix 'full') content, cycled."""
    own, other = states[(2 * n) % len(states)], states[(2 * n + 1) % len(states)]
    content, expected, label = CONTENT[n % len(CONTENT)]

    def said(state: str, draft: str) -> str:
        return f"{state} {VERBS[positions[draft][state]]} draft resolution {draft}"

    reading = [
        Turn(content, expected, "content"),
        Turn("Which paragraph is that?", f"The previous answer rests on A/73/505, {label}", "follow-up"),
    ] if mix == "full" else []
    cycle = [
        Turn(f"How did {own} vote on draft resolution I?", said(own, "I"), "vote", (own,)),
        Turn("And on the other draft?", said(own, "II"), "follow-up", (own,)),
        Turn(f"What about {other}?", said(other, "II"), "follow-up", (other,)),
        Turn("What was the recorded vote on L.37?", TALLIES["II"], "vote"),
        Turn("And on the other draft?", TALLIES["I"], "follow-up"),
        *reading,
        Turn(f"How did {other} vote on L.27/Rev.1?", said(other, "I"), "vote", (other,)),
        Turn(f"What about {own}?", said(own, "I"), "follow-up", (own,)),
        Turn("And on the other draft?", said(own, "II"), "follow-up", (own,)),
    ]
    return [cycle[i % len(cycle)] for i in range(count)]


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


@dataclass
class Servers:
    """The running servers, their URLs, the MCP token, the assistant behind them and the scratch data dir (None if given one)."""

    app: object
    url: str
    mcp_url: str
    token: str
    mcp: object
    assistant: object
    scratch: tempfile.TemporaryDirectory[str] | None

    def close(self) -> None:
        """Stop both servers and delete the scratch data dir."""
        self.mcp.should_exit = True  # type: ignore[attr-defined]
        self.app.close()  # type: ignore[attr-defined]
        if self.scratch is not None:
            self.scratch.cleanup()


def start_servers(data_dir: Path | None, progress: Callable[[str], None]) -> Servers:
    """Index the corpus (into a scratch dir unless ``data_dir``), load the assistant warm, start both servers on loopback."""
    import uvicorn

    import assistant.ui as ui
    from assistant.factory import load_assistant
    from assistant.mcp_server import build_server
    from ingest.settings import Settings

    scratch = None if data_dir else tempfile.TemporaryDirectory(prefix="rapporteur-load-")
    settings = Settings(data_dir=data_dir or Path(scratch.name))  # type: ignore[union-attr]
    assistant = load_assistant(settings, progress=progress, warm=True)
    app, url = ui.start(assistant, "127.0.0.1", free_port())  # the queue, launch options and /api of `rapporteur serve`
    token, port = secrets.token_urlsafe(24), free_port()
    mcp_app = build_server(assistant, host="127.0.0.1", port=port, token=token).streamable_http_app()
    mcp = uvicorn.Server(uvicorn.Config(mcp_app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=mcp.run, name="mcp-http", daemon=True).start()
    deadline = time.monotonic() + 60
    while not mcp.started and time.monotonic() < deadline:
        time.sleep(0.05)
    if not mcp.started:
        raise RuntimeError("the MCP HTTP server did not start within 60 s")
    return Servers(app, url, f"http://127.0.0.1:{port}/mcp", token, mcp, assistant, scratch)


@dataclass
class Phase:
    """One path and mix run: what was asked, what came back, how long it took, and outbound attempts from the clients."""

    path: str
    mix: str
    plans: list[list[Turn]]
    outcomes: list[Outcome]
    wall_s: float
    outbound: list[str]
    server_cpu_s: float = 0.0  # this process (the servers) while the phase ran
    client_cpu_s: float = 0.0  # the clients' process, from the start line


def run_phase(path: str, mix: str, servers: Servers, plans: list[list[Turn]], timeout: float, total: float) -> Phase:
    """Run every session of ``plans`` at once against ``path`` from a child process (evals/load_clients.py)."""
    url = servers.mcp_url if path == "mcp" else servers.url
    spec = {"path": path, "url": url, "token": servers.token, "plans": [[asdict(t) for t in turns] for turns in plans],
            "timeout": timeout, "total": total}
    cpu = time.process_time()
    with tempfile.NamedTemporaryFile("w", suffix=".json", prefix="rapporteur-load-") as handle:
        json.dump(spec, handle)
        handle.flush()
        done = subprocess.run([sys.executable, "-m", "evals.load_clients", handle.name], capture_output=True, text=True,
                              timeout=total + 2 * timeout + 120, env={**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"})
    if done.returncode != 0:
        raise RuntimeError(f"the {path} clients failed: {done.stderr[-2000:]}")
    result = json.loads(done.stdout)
    outcomes = [Outcome(o["session"], Turn(**{**o["turn"], "states": tuple(o["turn"]["states"])}), o["latency_ms"], o["text"], o["error"])
                for o in result["outcomes"]]
    return Phase(path, mix, plans, outcomes, result["wall_s"], result["outbound"], time.process_time() - cpu, result["cpu_s"])


COLUMNS = ("path", "mix", "answered", "answers/s", "p50 ms", "p95 ms", "max ms", "vote p95", "content p95", "errors", "wrong answer",
           "wrong session", "server CPU ms/q", "client CPU ms/q")


def phase_row(phase: Phase) -> tuple[list[str], int]:
    """One row of the results table, and the phase's problem count (errors + wrong + wrong session + outbound)."""
    owners = owners_of(phase.plans)
    asked = sum(len(t) for t in phase.plans)
    answered = [o for o in phase.outcomes if not o.error]
    latencies = [o.latency_ms for o in answered]
    errors = len(phase.outcomes) - len(answered) + asked - len(phase.outcomes)
    bad = sum(1 for o in phase.outcomes if wrong(o))
    leaked = sum(1 for o in phase.outcomes if wrong_session(o, owners))
    votes = [o.latency_ms for o in answered if o.turn.kind != "content"]
    content = [o.latency_ms for o in answered if o.turn.kind == "content"]
    row = [phase.path, phase.mix, f"{len(answered)}/{asked}", f"{len(answered) / phase.wall_s:.1f}", f"{percentile(latencies, 50):.0f}",
           f"{percentile(latencies, 95):.0f}", f"{max(latencies, default=0):.0f}", f"{percentile(votes, 95):.0f}",
           f"{percentile(content, 95):.0f}" if content else "–", str(errors), str(bad), str(leaked),
           f"{1000 * phase.server_cpu_s / max(asked, 1):.1f}", f"{1000 * phase.client_cpu_s / max(asked, 1):.1f}"]
    return row, errors + bad + leaked + len(phase.outbound)


def report(phases: list[Phase], guard: Guard, console: Console) -> int:
    """Print the results table (one row per path and mix); returns the number of problems, outbound attempts included."""
    sessions = len(phases[0].plans) if phases else 0
    questions = len(phases[0].plans[0]) if phases and phases[0].plans else 0
    table = Table(title=f"Rapporteur load: {sessions} concurrent sessions × {questions} questions per path, loopback")
    for column in COLUMNS:
        table.add_column(column, justify="left" if column in ("path", "mix") else "right")
    problems = len(guard.attempts)
    for phase in phases:
        row, count = phase_row(phase)
        problems += count
        table.add_row(*row)
    console.print(table)
    outbound = len(guard.attempts) + sum(len(p.outbound) for p in phases)
    console.print(f"'vote p95' covers vote questions and their follow-ups; CPU per question: the servers' process (whole phase) and the "
                  f"clients' process (from the start line); outbound connection attempts (servers and clients): {outbound}")
    for phase in phases:
        for o in [o for o in phase.outcomes if o.error or wrong(o)][:3]:
            console.print(f"[red]{phase.path} session {o.session}[/red] {o.turn.question!r}: {o.error or o.text[:160]!r}")
    return problems


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line flags."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sessions", type=int, default=50, help="concurrent sessions per path (default 50)")
    parser.add_argument("--questions", type=int, default=20, help="questions per session (default 20)")
    parser.add_argument("--paths", default="gradio,api,mcp", help="comma-separated: gradio, api, mcp (default all three)")
    parser.add_argument("--mixes", default="votes,full", help="comma-separated: votes (vote questions only), full (with content)")
    parser.add_argument("--data-dir", type=Path, default=None, help="an indexed data dir (default: index the corpus into a scratch dir)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per question (default 120)")
    parser.add_argument("--total-timeout", type=float, default=900.0, help="seconds allowed for each path's run (default 900)")
    args = parser.parse_args(argv)
    args.paths, args.mixes = args.paths.split(","), args.mixes.split(",")
    if args.sessions < 1 or args.questions < 1:
        parser.error("--sessions and --questions must be at least 1")
    if not set(args.paths) <= {"gradio", "api", "mcp"} or not set(args.mixes) <= {"votes", "full"}:
        parser.error("--paths takes gradio, api, mcp; --mixes takes votes, full")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the load test; 0 when every answer was right, in its own session, with no outbound connection."""
    args = arguments(argv)
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # gradio and gradio_client telemetry off, before they load
    from ingest.embedder import offline_environment

    offline_environment()
    guard = Guard()
    guard.install()
    console = Console(width=160)
    servers = start_servers(args.data_dir, lambda m: console.print(f"[dim]{m}[/dim]"))
    try:
        positions, states = position_table(servers.assistant.documents)  # type: ignore[attr-defined]
        phases = []
        for mix in args.mixes:
            plans = [session_turns(n, args.questions, positions, states, mix) for n in range(args.sessions)]
            check_detector(plans)
            for path in args.paths:
                console.print(f"[dim]{path} ({mix}): {args.sessions} sessions × {args.questions} questions[/dim]")
                phases.append(run_phase(path, mix, servers, plans, args.timeout, args.total_timeout))
        return 1 if report(phases, guard, console) else 0
    finally:
        servers.close()


if __name__ == "__main__":
    sys.exit(main())
