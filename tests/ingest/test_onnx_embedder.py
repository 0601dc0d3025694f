"""The ONNX embedder against sentence-transformers, its export's staleness check, and the model's configuration.

The reference is the packaged all-MiniLM-L6-v2 through sentence-transformers (``make_reference_embeddings``);
the texts are every unit and chunk of the corpus and 200 questions of the suite (their ``turns``).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from ingest.embedder import MODEL_NAME, model_path
from ingest.reader import read_document
from ingest.sentence_model import SentenceModel, read_sentence_model, sentence_vectors
from ingest.settings import PROJECT_ROOT, Settings

CORPUS = PROJECT_ROOT / "corpus" / "A_73_505.txt"


def suite_questions(n: int) -> list[str]:
    """The first ``n`` distinct turns of evals/qa/*.jsonl, files in name order."""
    turns = [t for f in sorted((PROJECT_ROOT / "evals" / "qa").glob("*.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip() for t in json.loads(line)["turns"]]
    return list(dict.fromkeys(turns))[:n]


def test_the_packaged_model_says_mean_pooling_normalised_256_tokens():
    model = read_sentence_model(Path(model_path()))
    assert model.pooling == ("pooling_mode_mean_tokens",)
    assert (model.normalize, model.max_seq_length, model.lower_case, model.dimensions) == (True, 256, False, 384)
    assert (model.transformer_dir / "tokenizer.json").is_file()


def _model_folder(tmp_path: Path, modules: list[dict[str, str]], pooling: dict[str, object]) -> Path:
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "modules.json").write_text(json.dumps(modules), encoding="utf-8")
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps(pooling), encoding="utf-8")
    (tmp_path / "sentence_bert_config.json").write_text('{"max_seq_length": 128}', encoding="utf-8")
    return tmp_path


TRANSFORMER = {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"}
POOLING = {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}


def test_a_model_without_normalize_and_with_two_pooling_modes_is_read_as_such(tmp_path):
    folder = _model_folder(tmp_path, [TRANSFORMER, POOLING], {"word_embedding_dimension": 4, "pooling_mode_cls_token": True,
                                                              "pooling_mode_mean_tokens": True})
    model = read_sentence_model(folder)
    assert (model.pooling, model.normalize, model.dimensions, model.max_seq_length) == (
        ("pooling_mode_cls_token", "pooling_mode_mean_tokens"), False, 8, 128)


@pytest.mark.parametrize(("modules", "pooling"), [
    ([TRANSFORMER, POOLING, {"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"}],
     {"word_embedding_dimension": 4, "pooling_mode_mean_tokens": True}),
    ([TRANSFORMER, POOLING], {"word_embedding_dimension": 4, "pooling_mode_weightedmean_tokens": True}),
    ([TRANSFORMER, POOLING], {"word_embedding_dimension": 4}),
    ([POOLING], {"word_embedding_dimension": 4, "pooling_mode_mean_tokens": True}),
])
def test_a_configuration_the_onnx_embedder_cannot_apply_is_refused(tmp_path, modules, pooling):
    with pytest.raises(ValueError):
        read_sentence_model(_model_folder(tmp_path, modules, pooling))


TOKENS = np.array([[[1.0, 0.0], [3.0, 4.0], [100.0, 100.0]]], dtype=np.float32)  # third token is padding
MASK = np.array([[1, 1, 0]])


@pytest.mark.parametrize(("mode", "expected"), [
    ("pooling_mode_mean_tokens", [2.0, 2.0]),
    ("pooling_mode_cls_token", [1.0, 0.0]),
    ("pooling_mode_max_tokens", [3.0, 4.0]),
    ("pooling_mode_mean_sqrt_len_tokens", [4.0 / np.sqrt(2), 4.0 / np.sqrt(2)]),
])
def test_pooling_ignores_padding(mode, expected):
    model = SentenceModel(Path("."), 8, False, (mode,), normalize=False, dimensions=2)
    assert sentence_vectors(model, TOKENS, MASK)[0].tolist() == pytest.approx(expected)


def test_normalising_gives_unit_length():
    model = SentenceModel(Path("."), 8, False, ("pooling_mode_max_tokens",), normalize=True, dimensions=2)
    assert sentence_vectors(model, TOKENS, MASK)[0].tolist() == pytest.approx([0.6, 0.8])


@pytest.mark.slow
def test_onnx_vectors_match_sentence_transformers_on_the_corpus_and_200_questions(embeddings):
    from ingest.embedder import make_reference_embeddings
    from ingest.pipeline import document_chunks

    document = read_document(CORPUS)
    texts = [u.text for u in document.units] + [c.embed_text for c in document_chunks([document], Settings())]
    questions = suite_questions(200)
    assert len(document.units) == 94 and len(questions) == 200
    reference = make_reference_embeddings()
    for batch in (texts, questions):
        ours, theirs = np.array(embeddings.embed_documents(batch)), np.array(reference.embed_documents(batch))
        cosines = (ours * theirs).sum(axis=1) / np.linalg.norm(ours, axis=1) / np.linalg.norm(theirs, axis=1)
        assert cosines.min() >= 0.9999, batch[int(cosines.argmin())]
        assert np.linalg.norm(ours, axis=1) == pytest.approx(1.0, abs=1e-5)
    one = questions[0]
    assert float(np.dot(embeddings.embed_query(one), reference.embed_query(one))) >= 0.9999


@pytest.mark.slow
def test_a_stale_export_is_rebuilt_and_a_touched_one_is_not(tmp_path):
    """Weights whose hash changed are exported again; a file only touched is hashed, found unchanged and kept."""
    from safetensors.numpy import load_file, save_file

    from ingest.onnx_embedder import OnnxEmbeddings
    from ingest.onnx_export import current_export, ensure_export, export_paths

    folder = Path(shutil.copytree(model_path(), tmp_path / "model"))
    model, data_dir, said = read_sentence_model(folder), tmp_path / "data", []
    onnx_path = ensure_export(model, data_dir, MODEL_NAME, said.append)
    record_path = export_paths(data_dir, MODEL_NAME)[1]
    first_hash = json.loads(record_path.read_text(encoding="utf-8"))["weights_sha256"]
    question = "What does the text say about critical infrastructure?"
    before = OnnxEmbeddings(model, onnx_path).embed_query(question)
    assert len(said) == 1 and ensure_export(model, data_dir, MODEL_NAME, said.append) == onnx_path and len(said) == 1

    weights = folder / "model.safetensors"
    stat = weights.stat()
    os.utime(weights, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # touched, same bytes
    assert current_export(model, data_dir, MODEL_NAME) == onnx_path
    assert json.loads(record_path.read_text(encoding="utf-8"))["weights"][1][2] == stat.st_mtime_ns + 10**9

    tensors = load_file(weights)
    name = next(n for n in tensors if "word_embeddings" in n)
    tensors[name] = tensors[name] * np.float32(0.5)
    save_file(tensors, weights, metadata={"format": "pt"})
    assert current_export(model, data_dir, MODEL_NAME) is None
    assert ensure_export(model, data_dir, MODEL_NAME, said.append) == onnx_path and len(said) == 2
    assert json.loads(record_path.read_text(encoding="utf-8"))["weights_sha256"] != first_hash
    after = OnnxEmbeddings(model, onnx_path).embed_query(question)
    assert float(np.dot(before, after)) < 0.9999
    assert not [p for p in onnx_path.parent.iterdir() if p.name.endswith(".tmp")]
