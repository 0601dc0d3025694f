"""What a sentence-transformers model folder says about turning token vectors into one sentence vector.

Read from the model's own files, never assumed: ``modules.json`` lists the modules in order
(Transformer, Pooling, Normalize for all-MiniLM-L6-v2), the Transformer's ``sentence_bert_config.json``
gives the longest input in tokens and whether text is lower-cased, the Pooling module's
``config.json`` gives the pooling modes. Pooling and normalisation are small pure functions over
numpy arrays, picked from the configuration, as sentence-transformers applies them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# sentence-transformers concatenates the vectors of the pooling modes switched on, in this order
POOLING_KEYS = ("pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_mean_tokens", "pooling_mode_mean_sqrt_len_tokens")
UNSUPPORTED_POOLING_KEYS = ("pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken")


@dataclass(frozen=True)
class SentenceModel:
    """How one sentence-transformers model folder embeds text.

    Attributes:
        transformer_dir: folder of the Transformer module (weights, ``config.json``, ``tokenizer.json``).
        max_seq_length: longest input in tokens, special tokens included; longer inputs are cut.
        lower_case: whether text is lower-cased before tokenising (``do_lower_case``).
        pooling: pooling mode keys switched on, in the order their vectors are concatenated.
        normalize: whether the sentence vector is scaled to unit length (a Normalize module follows).
        dimensions: length of the sentence vector (``word_embedding_dimension`` × modes).
    """

    transformer_dir: Path
    max_seq_length: int
    lower_case: bool
    pooling: tuple[str, ...]
    normalize: bool
    dimensions: int


def _kind(module: dict[str, object]) -> str:
    """'sentence_transformers.models.Pooling' → 'Pooling'."""
    return str(module["type"]).rsplit(".", 1)[-1]


def read_sentence_model(model_dir: Path) -> SentenceModel:
    """The model's modules, pooling and normalisation, from its ``modules.json`` and module configs.

    Raises:
        ValueError: if the model has a module or pooling mode this reader does not apply (a Dense
            layer, weighted-mean or last-token pooling), or no Transformer or Pooling module.
    """
    modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
    by_kind = {_kind(m): m for m in modules}
    unknown = sorted(set(by_kind) - {"Transformer", "Pooling", "Normalize"})
    if unknown or "Transformer" not in by_kind or "Pooling" not in by_kind:
        raise ValueError(f"{model_dir}: modules {[_kind(m) for m in modules]} are not Transformer, Pooling[, Normalize]")
    transformer_dir = model_dir / str(by_kind["Transformer"]["path"])
    settings = _json(transformer_dir / "sentence_bert_config.json")
    pooling_config = json.loads((model_dir / str(by_kind["Pooling"]["path"]) / "config.json").read_text(encoding="utf-8"))
    if any(pooling_config.get(key) for key in UNSUPPORTED_POOLING_KEYS):
        raise ValueError(f"{model_dir}: pooling {pooling_config} is not one of {POOLING_KEYS}")
    pooling = tuple(key for key in POOLING_KEYS if pooling_config.get(key))
    if not pooling:
        raise ValueError(f"{model_dir}: the pooling configuration switches no mode on")
    max_length = settings.get("max_seq_length") or _json(transformer_dir / "config.json")["max_position_embeddings"]
    return SentenceModel(
        transformer_dir=transformer_dir,
        max_seq_length=int(max_length),
        lower_case=bool(settings.get("do_lower_case", False)),
        pooling=pooling,
        normalize="Normalize" in by_kind,
        dimensions=int(pooling_config["word_embedding_dimension"]) * len(pooling),
    )


def _json(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _cls(tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return tokens[:, 0]


def _max(tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return np.where(mask[..., None] > 0, tokens, np.float32(-1e9)).max(axis=1)


def _mean(tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask[..., None].astype(tokens.dtype)
    return (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)


def _mean_sqrt_len(tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask[..., None].astype(tokens.dtype)
    return (tokens * weights).sum(axis=1) / np.sqrt(np.clip(weights.sum(axis=1), 1e-9, None))


POOLERS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "pooling_mode_cls_token": _cls, "pooling_mode_max_tokens": _max,
    "pooling_mode_mean_tokens": _mean, "pooling_mode_mean_sqrt_len_tokens": _mean_sqrt_len,
}


def sentence_vectors(model: SentenceModel, tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Sentence vectors from token vectors, pooled and normalised as ``model`` says.

    Args:
        model: the model's configuration (``read_sentence_model``).
        tokens: token vectors, shape (texts, tokens, hidden size), float32.
        mask: attention mask, shape (texts, tokens): 1 for a real token, 0 for padding.

    Returns:
        float32 array of shape (texts, ``model.dimensions``), in the order of ``tokens``; unit length
        if the model normalises.
    """
    pooled = np.concatenate([POOLERS[key](tokens, mask) for key in model.pooling], axis=1)
    if model.normalize:
        pooled = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
    return pooled.astype(np.float32)
