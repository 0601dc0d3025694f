"""Heavy imports only where used: a question never imports torch, transformers or sentence-transformers;
gradio only for ``serve``; chromadb and onnxruntime only when the index is touched.

Each check runs the real entry point in a fresh subprocess over a real index whose ONNX export
exists, then reports which packages are in ``sys.modules``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ingest.settings import Settings

pytestmark = pytest.mark.slow

WATCHED = ("torch", "transformers", "sentence_transformers", "gradio", "chromadb", "onnxruntime")
MODEL_LIBRARIES = {"torch", "transformers", "sentence_transformers"}
ASK = """
import json, sys
from assistant.cli import main
sys.argv = ["rapporteur", "ask", sys.argv[1]]
try:
    main()
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted(m for m in {watched!r} if m in sys.modules)))
"""
SERVE = """
import json, sys
from assistant.cli import _assistant, settings_from
from assistant.ui import build_app
build_app(_assistant(settings_from(), warm=True))
print(json.dumps(sorted(m for m in {watched!r} if m in sys.modules)))
"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, document) -> Settings:  # type: ignore[no-untyped-def]
    """A data dir with the corpus ingested and the ONNX export beside it."""
    from ingest.embedder import make_embeddings
    from ingest.pipeline import ingest

    settings = Settings(data_dir=tmp_path_factory.mktemp("exported"))
    ingest([document], settings, make_embeddings(settings.data_dir))
    return settings


def loaded(code: str, settings: Settings, *args: str) -> tuple[set[str], str]:
    """(watched packages in ``sys.modules`` at the end of ``code``, what it printed before)."""
    env = {**os.environ, "RAPPORTEUR_DATA_DIR": str(settings.data_dir)}
    done = subprocess.run([sys.executable, "-c", code.format(watched=WATCHED), *args], capture_output=True, text=True,
                          env=env, timeout=300, check=True)
    *printed, modules = done.stdout.strip().splitlines()
    return set(json.loads(modules)), "\n".join(printed)


def test_a_content_question_touches_the_index_without_a_model_library(exported):
    modules, answer = loaded(ASK, exported, "What does the text say about critical infrastructure?")
    assert "critical infrastructure" in answer
    assert modules == {"chromadb", "onnxruntime"}


def test_a_vote_question_touches_neither_the_index_nor_a_model(exported):
    modules, answer = loaded(ASK, exported, "How did France vote on draft resolution I?")
    assert "France voted against" in answer
    assert modules == set()


def test_the_served_app_loads_gradio_and_the_index_but_no_model_library(exported):
    modules, _ = loaded(SERVE, exported)
    assert {"gradio", "chromadb", "onnxruntime"} <= modules and not modules & MODEL_LIBRARIES
