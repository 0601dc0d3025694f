"""Shared fixtures: the real corpus, an isolated data directory, one real index per session.

User state is isolated: every test runs with RAPPORTEUR_DATA_DIR pointing at a temp folder, so
no test reads or writes the developer's index; Gradio analytics are off.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from evals import ports
from ingest.parse import parse_document
from ingest.records import ParsedDocument
from ingest.settings import PROJECT_ROOT, Settings

CORPUS = PROJECT_ROOT / "corpus" / "A_73_505.txt"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RAPPORTEUR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")


@pytest.fixture(scope="session")
def free_port() -> Callable[[], int]:
    """``evals.ports.free_port``: call it for a TCP port free on 127.0.0.1 (a new one each call)."""
    return ports.free_port


@pytest.fixture(scope="session")
def raw_text() -> str:
    return CORPUS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def document(raw_text: str) -> ParsedDocument:
    return parse_document(raw_text, "A/73/505", CORPUS.name)


@pytest.fixture(scope="session")
def embeddings(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The ONNX embedder, exported once for the session into its own data dir."""
    from ingest.embedder import make_embeddings

    return make_embeddings(tmp_path_factory.mktemp("embedder"))


@pytest.fixture(scope="session")
def indexed_settings(tmp_path_factory: pytest.TempPathFactory, document: ParsedDocument, embeddings) -> Settings:  # type: ignore[no-untyped-def]
    """A data dir with the corpus ingested once, for every test that needs the real index."""
    from ingest.pipeline import ingest

    settings = Settings(data_dir=tmp_path_factory.mktemp("indexed"))
    ingest([document], settings, embeddings)
    return settings


@pytest.fixture(scope="session")
def assistant(indexed_settings: Settings):  # type: ignore[no-untyped-def]
    from assistant.factory import load_assistant

    return load_assistant(indexed_settings, progress=lambda _: None, warm=True)
