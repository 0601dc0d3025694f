"""Faulty corpus files and a killed ingest never take down the index that is serving.

Every case runs the real command line (``python -m assistant``) as a subprocess against a data
dir that already holds an index: a bad file makes ``ingest`` exit 1 with one line naming the file
and the problem (no traceback), and ``ask`` still answers from the old index. An ingest killed
with SIGKILL while it embeds leaves the old index serving, and the next ingest completes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ingest import index, store
from ingest.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.slow

CORPUS = PROJECT_ROOT / "corpus" / "A_73_505.txt"
FRANCE = "How did France vote on draft resolution I?"
FRANCE_EXPECTED = "France voted against draft resolution I"
TIMEOUT = 300


def cli(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=env, timeout=TIMEOUT)


def corpus_text() -> str:
    return CORPUS.read_text(encoding="utf-8")


def replaced(old: str, new: str) -> str:
    text = corpus_text()
    assert text.count(old) == 1, old
    return text.replace(old, new)


def state(data_dir: Path) -> tuple[str, list[str]]:
    """What a failed ingest must leave alone: the pointer and the record generations."""
    records = sorted(p.name for p in (data_dir / "records").iterdir())
    return (data_dir / "active.json").read_text(encoding="utf-8"), records


PARA_4 = "4. No documents were submitted for consideration under this item."
FAULTS = {  # id: (file name, content as bytes or None for a missing file, words the message must carry)
    "empty": ("A_73_901.txt", b"", "the file is empty"),
    "blank": ("A_73_902.txt", b"  \n\n\t\n", "the file is empty"),
    "binary": ("A_73_903.txt", bytes(range(256)) * 8, "the file is binary, not text"),
    "not-utf8": ("A_73_904.txt", corpus_text().encode("cp1252", errors="replace"), "not UTF-8 text"),
    "tally-too-high": ("A_73_905.txt", replaced("recorded vote of 109 to 45", "recorded vote of 110 to 45").encode(),
                       "para-7: 109 States listed in favour, but the text states 110"),
    "list-too-short": ("A_73_906.txt", replaced("Slovenia, Spain, Sweden, the former", "Slovenia, Sweden, the former").encode(),
                       "para-7: 44 States listed against, but the text states 45"),
    "listed-twice": ("A_73_907.txt", replaced("Slovenia, Spain, Sweden, the former", "Slovenia, Spain, Sweden, Spain, the former")
                     .replace("recorded vote of 109 to 45", "recorded vote of 109 to 46").encode(), "listed twice: Spain"),
    "not-a-state": ("A_73_908.txt", replaced("Slovenia, Spain, Sweden, the former", "Slovenia, Narnia, Sweden, the former").encode(),
                    "'Narnia' is not a United Nations Member State"),
    "duplicate-locator": ("A_73_909.txt", replaced(PARA_4, f"{PARA_4}\n\n{PARA_4}").encode(), "duplicate locator 'para-4'"),
    "wrong-type": ("A_73_910.html", b"<html><body>1. Text.</body></html>", "unsupported file type '.html'"),
    "broken-pdf": ("A_73_912.pdf", b"%PDF-1.4\n", "not a readable PDF"),
    "missing": ("A_73_911.txt", None, "cannot read"),
}


@pytest.mark.parametrize("name, content, problem", FAULTS.values(), ids=FAULTS.keys())
def test_a_bad_file_fails_clearly_and_the_old_index_keeps_serving(indexed_settings, tmp_path, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = state(indexed_settings.data_dir)
    result = cli(["ingest", str(path)], indexed_settings.data_dir)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("rapporteur: error:")]
    assert len(errors) == 1 and name in errors[0] and problem in errors[0], result.stderr
    assert "previous index, if any, is unchanged" in errors[0]
    assert state(indexed_settings.data_dir) == before
    answer = cli(["ask", FRANCE], indexed_settings.data_dir)
    assert answer.returncode == 0 and FRANCE_EXPECTED in answer.stdout, answer.stderr


def served(tmp_path: Path, embeddings, text: str) -> Settings:  # type: ignore[no-untyped-def]
    """A data dir of the test's own (it gets re-indexed) serving an index of ``text`` as A/73/505."""
    from ingest.parse import parse_document
    from ingest.pipeline import ingest

    settings = Settings(data_dir=tmp_path / "served")
    ingest([parse_document(text, "A/73/505", CORPUS.name)], settings, embeddings)
    return settings


def kill_when_embedding(args: list[str], data_dir: Path) -> tuple[int, list[str]]:
    """Start ``python -m assistant ARGS``, SIGKILL it once it reports "embedding"; (exit status, stderr lines read)."""
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(data_dir)}
    process = subprocess.Popen([sys.executable, "-m", "assistant", *args], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               text=True, env=env)
    watchdog = threading.Timer(TIMEOUT, process.kill)  # never hang the suite
    watchdog.start()
    seen: list[str] = []
    try:
        assert process.stderr is not None
        for line in process.stderr:
            seen.append(line)
            if "embedding" in line:
                os.kill(process.pid, signal.SIGKILL)
                break
        return process.wait(timeout=60), seen
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()


KILLS = {  # id: (ingest arguments, text the serving index was built from)
    "rebuild": (["ingest", "--rebuild"], corpus_text()),
    # an older version of the document: the incremental ingest has 40-odd changed chunks to embed
    "incremental": (["ingest"], corpus_text().replace("information", "informatics").replace("security", "safety")),
}


@pytest.mark.parametrize("args, served_text", KILLS.values(), ids=KILLS.keys())
def test_an_ingest_killed_while_embedding_leaves_the_old_index_serving(tmp_path, embeddings, args, served_text):
    settings = served(tmp_path, embeddings, served_text)
    data_dir = settings.data_dir
    before = state(data_dir)
    status, seen = kill_when_embedding(args, data_dir)
    assert status == -signal.SIGKILL, "".join(seen)
    assert any("embedding" in line for line in seen) and not any("the index:" in line for line in seen), "".join(seen)
    assert state(data_dir) == before

    vote = cli(["ask", FRANCE], data_dir)
    assert vote.returncode == 0 and FRANCE_EXPECTED in vote.stdout, vote.stderr
    content = cli(["ask", "What does the text say about critical infrastructure?"], data_dir)  # needs the old Chroma collection
    assert content.returncode == 0 and "critical infrastructure" in content.stdout and "[1] A/73/505" in content.stdout, content.stderr

    rerun = cli(args, data_dir)
    assert rerun.returncode == 0 and "the index:" in rerun.stderr and "94 units" in rerun.stderr, rerun.stderr
    pointer, records = state(data_dir)
    assert pointer != before[0] and len(records) == 1
    generation = store.active_generation(data_dir)
    assert generation is not None and index.collection_names(index.client(settings), "units-") == [generation.collection]
    after = cli(["ask", FRANCE], data_dir)
    assert after.returncode == 0 and FRANCE_EXPECTED in after.stdout, after.stderr


NEW_PARAGRAPH = "7. *Requests* the Secretary-General to study quantum teleportation of ballot boxes and lunar data centres;"


def test_an_ingest_killed_between_writing_chunks_and_switching_leaves_answers_working(tmp_path, embeddings):
    """The state a SIGKILL leaves when it lands after ``_update``'s upsert and before ``store.activate``.

    An incremental ingest writes into the serving collection before it switches the records, so the
    collection may hold chunks of units the serving records lack. That window cannot be hit reliably
    with a real kill, so the test builds the state with the same calls the pipeline makes (the newer
    version's new chunk upserted into the serving collection): answers must not fail, nor cite it.
    """
    from assistant.factory import load_assistant
    from ingest.parse import parse_document
    from ingest.pipeline import chunk_hash, document_chunks

    settings = served(tmp_path, embeddings, corpus_text())
    newer = parse_document(corpus_text().rstrip() + f"\n\n{NEW_PARAGRAPH}\n", "A/73/505", CORPUS.name)
    written = [c for c in document_chunks([newer], settings) if c.unit.locator == "DR-II.OP-7"]
    collection = index.open_collection(index.client(settings), store.active_generation(settings.data_dir).collection)
    index.add_chunks(collection, written, embeddings.embed_documents([c.embed_text for c in written]), [chunk_hash(c) for c in written])

    assistant = load_assistant(settings, progress=lambda _: None)
    assert FRANCE_EXPECTED in assistant.answer(FRANCE).text
    answer = assistant.answer("What does the text say about quantum teleportation of ballot boxes?")
    assert "DR-II.OP-7" not in {c.locator for c in answer.citations}
