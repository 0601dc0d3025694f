"""The packaged model exported once to ONNX, beside the index, and exported again when its weights change.

Layout under ``data_dir``::

    onnx/<model name>.onnx   the Transformer module: token ids → token vectors (pooling is not in it)
    onnx/<model name>.json   what it was exported from: sha256 of the weights and config, their sizes
                             and modification times, the export format and the torch version

The export is the only step that needs torch (``torch.onnx.export`` with the TorchScript exporter,
which needs the ``onnx`` package to write the file); it runs at the first ingest or first question
on a data dir, 5 to 15 s with torch's import. Afterwards an export is current when the weights'
hash equals the one recorded. Hashing the 90 MB of weights takes about 0.1 s, so it is done only
when a weight file's size or modification time differs from the recorded ones: an unchanged file
is not read again.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import warnings
from collections.abc import Callable
from pathlib import Path

from ingest.sentence_model import SentenceModel

EXPORT_FORMAT = 1  # bump when what ``export`` writes changes (inputs, outputs, opset)
OPSET = 17
WEIGHT_PATTERNS = ("config.json", "*.safetensors", "pytorch_model*.bin")


def export_paths(data_dir: Path, model_name: str) -> tuple[Path, Path]:
    """(ONNX file, its record) of ``model_name`` under ``data_dir``."""
    folder = data_dir / "onnx"
    return folder / f"{model_name}.onnx", folder / f"{model_name}.json"


def weight_files(model: SentenceModel) -> list[Path]:
    """The files the exported graph is made of: the Transformer's ``config.json`` and weights, sorted by name."""
    return sorted({p for pattern in WEIGHT_PATTERNS for p in model.transformer_dir.glob(pattern) if p.is_file()})


def weights_sha256(files: list[Path]) -> str:
    """sha256 (hex) over each file's name and bytes, in the order given."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0")
        with path.open("rb") as stream:
            digest.update(hashlib.file_digest(stream, "sha256").digest())
    return digest.hexdigest()


def _stats(files: list[Path]) -> list[list[object]]:
    """[name, size in bytes, modification time in ns] per file."""
    return [[p.name, p.stat().st_size, p.stat().st_mtime_ns] for p in files]


def current_export(model: SentenceModel, data_dir: Path, model_name: str) -> Path | None:
    """The ONNX file under ``data_dir`` if it was exported from the weights ``model`` has now, else None.

    The weights are hashed only when their sizes or modification times differ from the recorded ones;
    when the hash still matches, the record takes the new times.
    """
    onnx_path, record_path = export_paths(data_dir, model_name)
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("format") != EXPORT_FORMAT or not onnx_path.is_file():
        return None
    files = weight_files(model)
    stats = _stats(files)
    if stats == record.get("weights"):
        return onnx_path
    if weights_sha256(files) != record.get("weights_sha256"):
        return None
    _write_atomic(record_path, json.dumps({**record, "weights": stats}, indent=1).encode())
    return onnx_path


def ensure_export(model: SentenceModel, data_dir: Path, model_name: str, progress: Callable[[str], None] = lambda _: None) -> Path:
    """The current ONNX export of ``model`` under ``data_dir``, exporting it first if missing or stale.

    Raises:
        OnnxExportError: if torch cannot export the model.
    """
    found = current_export(model, data_dir, model_name)
    if found is not None:
        return found
    onnx_path, record_path = export_paths(data_dir, model_name)
    progress(f"exporting {model_name} to ONNX in {onnx_path.parent} (once per data directory and weights)")
    files = weight_files(model)
    stats, digest = _stats(files), weights_sha256(files)
    onnx_path.parent.mkdir(parents=True, exist_ok=True)
    torch_version = export(model, onnx_path)
    record = {"model": model_name, "format": EXPORT_FORMAT, "opset": OPSET, "torch": torch_version,
              "weights_sha256": digest, "weights": stats}
    _write_atomic(record_path, json.dumps(record, indent=1).encode())
    return onnx_path


class OnnxExportError(RuntimeError):
    """torch could not export the model to ONNX."""


def export(model: SentenceModel, target: Path) -> str:
    """Write the Transformer module of ``model`` to ``target`` as ONNX; returns the torch version used.

    Inputs ``input_ids``, ``attention_mask`` (and ``token_type_ids`` when the network takes them),
    int64 of shape (texts, tokens); output ``token_embeddings``, float32 (texts, tokens, hidden size).
    Both axes are dynamic. The file is written beside ``target`` and renamed, so a reader never
    sees half a file.

    Raises:
        OnnxExportError: if torch cannot export the model.
    """
    import torch
    from transformers import AutoModel

    network = AutoModel.from_pretrained(str(model.transformer_dir), local_files_only=True, attn_implementation="eager").eval()
    takes_types = "token_type_ids" in inspect.signature(network.forward).parameters

    class TokenVectors(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.network = network

        def forward(self, input_ids, attention_mask, token_type_ids=None):  # type: ignore[no-untyped-def]
            extra = {"token_type_ids": token_type_ids} if takes_types else {}
            return self.network(input_ids=input_ids, attention_mask=attention_mask, **extra).last_hidden_state

    # two texts, the second padded: the traced graph applies the attention mask
    ids = torch.tensor([[101, 2000, 2001, 2002, 102], [101, 2000, 102, 0, 0]], dtype=torch.long)
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]], dtype=torch.long)
    inputs = (ids, mask, torch.zeros_like(ids)) if takes_types else (ids, mask)
    names = ["input_ids", "attention_mask", "token_type_ids"][: len(inputs)]
    axes = {name: {0: "texts", 1: "tokens"} for name in [*names, "token_embeddings"]}
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # tracer and deprecation warnings about the TorchScript exporter
            torch.onnx.export(TokenVectors().eval(), inputs, str(partial), input_names=names, output_names=["token_embeddings"],
                              dynamic_axes=axes, opset_version=OPSET, dynamo=False)
        os.replace(partial, target)
    except Exception as error:
        partial.unlink(missing_ok=True)
        raise OnnxExportError(f"could not export {model.transformer_dir} to ONNX ({type(error).__name__}: {error})") from error
    return str(torch.__version__)


def _write_atomic(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    os.replace(partial, path)
