"""Sentence vectors from the ONNX export with onnxruntime and tokenizers: no torch, transformers or sentence-transformers.

The tokenizer is the model's own ``tokenizer.json``, cut at the model's ``max_seq_length``; the
ONNX graph gives token vectors; pooling and normalisation follow the model's configuration
(``ingest.sentence_model``). Vectors match sentence-transformers' to a cosine of 0.9999 or more
(``tests/ingest/test_onnx_embedder.py``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from ingest.sentence_model import SentenceModel, sentence_vectors


class OnnxEmbeddings(Embeddings):
    """A LangChain ``Embeddings`` over an ONNX export of a sentence-transformers model (CPU).

    Distinct texts are embedded in batches of ``batch_size``, longest first (less padding); vectors
    come back in the order of the texts given.
    """

    def __init__(self, model: SentenceModel, onnx_path: Path, batch_size: int = 32) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.model = model
        self.batch_size = batch_size
        self._tokenizer = Tokenizer.from_file(str(model.transformer_dir / "tokenizer.json"))
        self._pad_id = int((self._tokenizer.padding or {}).get("pad_id", 0))
        self._tokenizer.no_padding()  # padded per batch below, to the batch's longest text
        self._tokenizer.enable_truncation(max_length=model.max_seq_length)
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # errors only
        self._session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """One vector per text (``model.dimensions`` floats, unit length if the model normalises), in order."""
        return self.vectors(texts).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        """The vector of one text."""
        return self.vectors([text])[0].tolist()  # type: ignore[no-any-return]

    def vectors(self, texts: list[str]) -> np.ndarray:
        """float32 array of shape (len(texts), ``model.dimensions``), rows in the order of ``texts``.

        A text given more than once is embedded once (the same preambular paragraph in the resolutions
        of several sessions): its rows are copies of one vector.
        """
        unique = list(dict.fromkeys(texts))
        out = np.zeros((len(unique), self.model.dimensions), dtype=np.float32)
        if not unique:
            return out
        encodings = self._tokenizer.encode_batch([t.lower() if self.model.lower_case else t for t in unique])
        order = sorted(range(len(unique)), key=lambda i: -len(encodings[i].ids))
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            out[batch] = self._run([encodings[i].ids for i in batch])
        if len(unique) == len(texts):
            return out
        row = {text: i for i, text in enumerate(unique)}
        return out[[row[text] for text in texts]]

    def _run(self, ids: list[list[int]]) -> np.ndarray:
        width = max(len(row) for row in ids)
        input_ids = np.full((len(ids), width), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for row, tokens in enumerate(ids):
            input_ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        feed = {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}
        tokens = self._session.run(["token_embeddings"], {k: v for k, v in feed.items() if k in self._inputs})[0]
        return sentence_vectors(self.model, tokens, mask)
