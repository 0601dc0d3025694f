"""Offline by design: ingest and a batch of questions with outbound network blocked in this process.

A socket guard replaces ``socket.socket.connect``/``connect_ex``, ``socket.create_connection`` and
``socket.getaddrinfo``: loopback addresses and AF_UNIX sockets pass, anything else raises and is
recorded. The test asserts the guard really blocks (so it cannot pass vacuously) and that nothing
even tried to go out (libraries that swallow errors, e.g. telemetry, would still be caught).

The guard covers Python-level sockets; a native library opening sockets on its own would not be
seen. The embedding model is loaded anew under the guard, so the load itself is checked.
"""

from __future__ import annotations

import errno
import ipaddress
import json
import socket

import pytest

from ingest.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.slow

CORPUS = PROJECT_ROOT / "corpus" / "A_73_505.txt"
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
QUESTIONS = [
    ("vote", ["How did France vote on draft resolution I?", "And on the other draft?"], ["France voted against", "France voted in favour"]),
    ("tally", ["What was the recorded vote on L.37?"], ["139 in favour, 11 against and 18 abstaining"]),
    ("content", ["What does the text say about critical infrastructure?"], ["critical infrastructure"]),
    ("content-2", ["When will the open-ended working group hold its organizational session?"], ["organizational session"]),
    ("outside", ["What did the 2021 OEWG report conclude?"], ["do not cover"]),
]


def is_loopback(host: object) -> bool:
    """Whether a host (name or address, as given to connect/getaddrinfo) stays on this machine."""
    if host is None or host in ("", b""):
        return True
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


class NetworkGuard:
    """Blocks and records every outbound connection or name lookup (loopback and AF_UNIX pass)."""

    def __init__(self) -> None:
        self.attempts: list[str] = []
        self._connect = socket.socket.connect
        self._connect_ex = socket.socket.connect_ex
        self._create_connection = socket.create_connection
        self._getaddrinfo = socket.getaddrinfo

    def _allowed(self, family: int, address: object) -> bool:
        if getattr(socket, "AF_UNIX", None) is not None and family == socket.AF_UNIX:
            return True
        host = address[0] if isinstance(address, tuple) and address else address
        return is_loopback(host)

    def _blocked(self, what: str) -> OSError:
        self.attempts.append(what)
        return OSError(errno.ENETUNREACH, f"outbound network blocked by the test: {what}")

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Patch the socket module for the rest of the test (monkeypatch undoes it)."""
        guard = self

        def connect(sock: socket.socket, address: object) -> None:
            if not guard._allowed(sock.family, address):
                raise guard._blocked(f"connect {address!r}")
            return guard._connect(sock, address)

        def connect_ex(sock: socket.socket, address: object) -> int:
            if not guard._allowed(sock.family, address):
                guard._blocked(f"connect_ex {address!r}")
                return errno.ENETUNREACH
            return guard._connect_ex(sock, address)

        def create_connection(address, *args, **kwargs):  # type: ignore[no-untyped-def]
            if not is_loopback(address[0]):
                raise guard._blocked(f"create_connection {address!r}")
            return guard._create_connection(address, *args, **kwargs)

        def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
            if not is_loopback(host):
                guard.attempts.append(f"getaddrinfo {host!r}")
                raise socket.gaierror(socket.EAI_NONAME, f"name lookup blocked by the test: {host!r}")
            return guard._getaddrinfo(host, *args, **kwargs)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "create_connection", create_connection)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def guard(monkeypatch: pytest.MonkeyPatch) -> NetworkGuard:
    network = NetworkGuard()
    network.install(monkeypatch)
    return network


def test_the_guard_blocks_outbound_and_lets_loopback_through(guard):
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("203.0.113.1", 80), timeout=1)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(OSError, match="blocked"):
        sock.connect(("203.0.113.1", 80))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        assert sock.connect_ex(("203.0.113.1", 80)) == errno.ENETUNREACH
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("huggingface.co", 443)
    assert len(guard.attempts) == 4
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2):
            pass


def test_ingest_and_a_batch_of_questions_run_with_the_network_blocked(guard, monkeypatch, tmp_path):
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY"):
        monkeypatch.delenv(name, raising=False)  # the code must switch the hub off itself
    from assistant.batch import run_batch
    from assistant.factory import load_assistant
    from ingest.embedder import make_embeddings
    from ingest.pipeline import ingest, parse_files

    settings = Settings(data_dir=tmp_path / "data")
    report = ingest(parse_files([CORPUS]), settings, make_embeddings(settings.data_dir))
    assert report.units == 94 and report.votes == 2

    infile, outfile = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    infile.write_text("".join(json.dumps({"id": i, "turns": t}) + "\n" for i, t, _ in QUESTIONS), encoding="utf-8")
    done, errors = run_batch(load_assistant(settings, progress=lambda _: None), infile, outfile)
    assert (done, errors) == (len(QUESTIONS), [])
    lines = [json.loads(line) for line in outfile.read_text(encoding="utf-8").splitlines()]
    for line, (conversation_id, _, expected) in zip(lines, QUESTIONS, strict=True):
        assert line["id"] == conversation_id
        for turn, words in zip(line["turns"], expected, strict=True):
            assert words in turn["answer"], (conversation_id, turn["answer"])
            assert turn["citations"], turn
    assert lines[2]["turns"][0]["tool"] is None and lines[2]["turns"][0]["retrieved"]  # went through Chroma and the model
    assert guard.attempts == [], guard.attempts
