"""The load test's clients (see evals/load.py), run in a child process so that they do not share the servers' interpreter.

    python -m evals.load_clients SPEC.json   → {"outcomes": [...], "wall_s": float, "cpu_s": float, "outbound": [...]} on stdout

SPEC is {"path": "gradio" | "api" | "mcp", "url": str, "token": str | null, "plans": [[Turn as a dict, ...], ...],
"timeout": seconds per question, "total": seconds for the run}. Every session asks its turns in order through its own
client, all sessions at once:

- gradio: a ``gradio_client.Client`` per session (its blocking calls in a thread each), ``/answer``; the server keeps
  the session's history;
- api: an ``httpx.AsyncClient`` per session (one asyncio task each), ``POST /api/ask`` carrying the ``conversation_id``
  the first reply gave;
- mcp: an MCP SDK ``ClientSession`` over streamable HTTP per session (one asyncio task each), the ``ask`` tool with
  the ``conversation_id``, and the bearer token.

Every session is one asyncio task asking its turns through one loop (``_ask_turns``). The clock starts when every
session is connected (``StartLine``). Loopback only: a socket guard refuses and counts
any other connection. Bounded: a timeout per question, per session and for the run.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
import sys
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


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
            if sock.family != getattr(socket, "AF_UNIX", -1) and not loopback(address):
                guard.attempts.append(repr(address))
                raise OSError(f"outbound connection blocked by the load script: {address!r}")
            connect(sock, address)  # type: ignore[arg-type]

        def guarded_create(address, *args, **kwargs):  # type: ignore[no-untyped-def]
            if not loopback(address):
                guard.attempts.append(repr(address))
                raise OSError(f"outbound connection blocked by the load script: {address!r}")
            return create(address, *args, **kwargs)

        socket.socket.connect = guarded_connect  # type: ignore[method-assign,assignment]
        socket.create_connection = guarded_create  # type: ignore[assignment]


def loopback(address: object) -> bool:
    """Whether a socket address is on this machine (127.0.0.0/8, ::1, 'localhost')."""
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _failed(error: BaseException) -> str:
    """One line for an error; an exception group (anyio task groups) shows its first leaf."""
    while isinstance(error, BaseExceptionGroup) and error.exceptions:
        error = error.exceptions[0]
    return f"{type(error).__name__}: {error}"


class StartLine:
    """Every session waits here once connected; the run's clock starts when the last one arrives (setup is not measured).

    Creating 50 clients at once (TLS contexts, Gradio configs, MCP handshakes) would otherwise be counted in the
    first questions' latency. A session that fails to connect still arrives, so that the others are not held up.
    """

    def __init__(self, parties: int) -> None:
        self.barrier: asyncio.Barrier | None = None
        self.parties, self.opened, self.cpu = parties, 0.0, 0.0

    async def arrive(self) -> None:
        """Wait for every session (one event loop); note when the run starts, by the clock and by this process's CPU time."""
        self.barrier = self.barrier or asyncio.Barrier(self.parties)
        await self.barrier.wait()
        if not self.opened:
            self.opened, self.cpu = time.perf_counter(), time.process_time()


async def gradio_session(url: str, token: str | None, n: int, turns: list[Turn], timeout: float, start: StartLine) -> list[Outcome]:
    """Ask one session's turns through its own gradio_client (blocking calls in the loop's worker threads); never raises."""
    from gradio_client import Client

    outcomes: list[Outcome] = []
    try:
        client = await asyncio.to_thread(Client, url, verbose=False, download_files=False, analytics_enabled=False)
    except Exception as error:  # noqa: BLE001 - reported, not raised
        await start.arrive()
        return [Outcome(n, t, 0.0, error=f"client: {_failed(error)}") for t in turns]

    async def ask(question: str, conversation: str | None) -> tuple[str, str | None]:
        text, _ = await asyncio.to_thread(lambda: client.submit(question, api_name="/answer").result(timeout=timeout))
        return text, None  # the server keeps the history, per client

    try:
        await start.arrive()
        await _ask_turns(ask, n, turns, timeout, outcomes)
    finally:
        client.close()
    return outcomes


Ask = Callable[[str, "str | None"], Awaitable[tuple[str, "str | None"]]]


async def _ask_turns(ask: Ask, n: int, turns: list[Turn], timeout: float, outcomes: list[Outcome]) -> None:
    """Ask the turns in order with ``ask(question, conversation_id) → (text, conversation_id)``, appending outcomes."""
    conversation: str | None = None
    deadline = time.monotonic() + timeout * len(turns)
    for turn in turns:
        if time.monotonic() > deadline:
            outcomes.append(Outcome(n, turn, 0.0, error="run deadline passed"))
            continue
        started = time.perf_counter()
        try:
            text, conversation = await asyncio.wait_for(ask(turn.question, conversation), timeout)
            outcomes.append(Outcome(n, turn, (time.perf_counter() - started) * 1000, text=text))
        except Exception as error:  # noqa: BLE001 - reported, not raised
            outcomes.append(Outcome(n, turn, (time.perf_counter() - started) * 1000, error=_failed(error)))


async def api_session(url: str, token: str | None, n: int, turns: list[Turn], timeout: float, start: StartLine) -> list[Outcome]:
    """Ask one session's turns through ``POST /api/ask``, carrying its conversation id; never raises."""
    import httpx

    outcomes: list[Outcome] = []
    async with httpx.AsyncClient(base_url=url, timeout=timeout) as client:
        async def ask(question: str, conversation: str | None) -> tuple[str, str]:
            response = await client.post("api/ask", json={"question": question, "conversation_id": conversation})
            response.raise_for_status()
            body = response.json()
            return body["text"], body["conversation_id"]

        await start.arrive()
        await _ask_turns(ask, n, turns, timeout, outcomes)
    return outcomes


async def mcp_session(url: str, token: str | None, n: int, turns: list[Turn], timeout: float, start: StartLine) -> list[Outcome]:
    """Ask one session's turns through the MCP ``ask`` tool over streamable HTTP (its own MCP session); never raises."""
    from mcp import ClientSession
    from mcp.client.streamable_http import streamablehttp_client

    outcomes: list[Outcome] = []
    headers = {"Authorization": f"Bearer {token}"} if token else None
    arrived = False
    try:
        async with streamablehttp_client(url, headers=headers, timeout=timeout) as (read, write, _), ClientSession(read, write) as mcp:
            await asyncio.wait_for(mcp.initialize(), timeout)

            async def ask(question: str, conversation: str | None) -> tuple[str, str]:
                arguments = {"question": question} | ({"conversation_id": conversation} if conversation else {})
                result = await mcp.call_tool("ask", arguments)
                if result.isError or result.structuredContent is None:
                    raise RuntimeError(str(result.content[0].text if result.content else "tool error"))  # type: ignore[union-attr]
                return result.structuredContent["text"], result.structuredContent["conversation_id"]

            arrived = True
            await start.arrive()
            await _ask_turns(ask, n, turns, timeout, outcomes)
    except BaseException as error:  # noqa: BLE001 - a transport failure fails the turns not yet asked
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        if not arrived:
            await start.arrive()
        outcomes += [Outcome(n, t, 0.0, error=f"session: {_failed(error)}") for t in turns[len(outcomes):]]
    return outcomes


def run_clients(spec: dict[str, Any]) -> tuple[list[Outcome], float, float]:
    """Run every session of ``spec`` at once.

    Returns:
        (outcomes in session then turn order, wall seconds and this process's CPU seconds from the start line).
    """
    plans = [[Turn(t["question"], t["expected"], t["kind"], tuple(t["states"])) for t in turns] for turns in spec["plans"]]
    url, token, timeout, total = spec["url"], spec.get("token"), spec["timeout"], spec["total"]
    start = StartLine(len(plans))
    session = {"gradio": gradio_session, "api": api_session, "mcp": mcp_session}[spec["path"]]

    async def everyone() -> list[list[Outcome]]:
        # gradio_client blocks: a worker thread per session, as many as there are sessions
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=len(plans), thread_name_prefix="session"))
        tasks = [asyncio.create_task(session(url, token, n, turns, timeout, start)) for n, turns in enumerate(plans)]
        done, pending = await asyncio.wait(tasks, timeout=total)
        for task in pending:  # past the run's deadline: their turns count as errors
            task.cancel()
        return [t.result() for t in tasks if t in done]

    results = asyncio.run(everyone())
    return [o for outcomes in results for o in outcomes], time.perf_counter() - start.opened, time.process_time() - start.cpu


def main(argv: list[str] | None = None) -> int:
    """Read the spec file named on the command line, run the clients, print the JSON result."""
    spec = json.loads(Path((argv or sys.argv[1:])[0]).read_text())
    guard = Guard()
    guard.install()
    outcomes, wall, cpu = run_clients(spec)
    print(json.dumps({"outcomes": [asdict(o) for o in outcomes], "wall_s": wall, "cpu_s": cpu, "outbound": guard.attempts}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
