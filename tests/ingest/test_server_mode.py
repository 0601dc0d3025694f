"""Chroma server mode: a real `chroma run` on loopback, ingest through it, answer, restart, answer again."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
CHROMA = Path(sys.executable).with_name("chroma")


def start(path, port):
    process = subprocess.Popen([str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("chroma server did not start")


def stop(process):
    process.terminate()
    process.wait(timeout=30)


def cli(args, data_dir, url):
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(data_dir), "RAPPORTEUR_CHROMA_URL": url}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=env, timeout=300)


def test_ingest_and_answer_through_a_chroma_server_across_a_restart(tmp_path, free_port):
    port, store = free_port(), tmp_path / "chroma-server"
    url = f"http://127.0.0.1:{port}"
    server = start(store, port)
    try:
        result = cli(["ingest"], tmp_path / "data", url)
        assert result.returncode == 0, result.stderr
        assert not (tmp_path / "data" / "chroma").exists()  # nothing embedded locally: vectors live on the server
        first = cli(["ask", "What does the text say about computer emergency response teams?"], tmp_path / "data", url)
        assert "[1] A/73/505, draft resolution I, operative para. 1.12" in first.stdout, first.stderr
    finally:
        stop(server)
    down = cli(["ask", "What does the text say about computer emergency response teams?"], tmp_path / "data", url)
    assert down.returncode == 0 and "The search index is unavailable" in down.stdout and "Traceback" not in down.stderr
    vote = cli(["ask", "How did France vote on draft resolution I?"], tmp_path / "data", url)
    assert "France voted against draft resolution I" in vote.stdout  # vote questions need no index
    server = start(store, port)
    try:
        again = cli(["ask", "What does the text say about computer emergency response teams?"], tmp_path / "data", url)
        assert again.stdout == first.stdout
    finally:
        stop(server)
