"""The real Chroma index with the real embedding model: ids, idempotence, metadata, safety."""

import json

import pytest

from ingest import index, store
from ingest.pipeline import document_chunks, ingest
from ingest.settings import Settings

pytestmark = pytest.mark.slow


def collection_ids(settings):
    generation = store.active_generation(settings.data_dir)
    collection = index.open_collection(index.client(settings), generation.collection)
    return collection, collection.get(include=["metadatas"])


def test_reingest_gives_same_ids_and_no_duplicates(tmp_path, document, embeddings):
    settings = Settings(data_dir=tmp_path / "d")
    first = ingest([document], settings, embeddings)
    _, before = collection_ids(settings)
    second = ingest([document], settings, embeddings)
    collection, after = collection_ids(settings)
    assert sorted(before["ids"]) == sorted(after["ids"])
    assert len(after["ids"]) == len(set(after["ids"])) == first.chunks == second.chunks
    assert second.collection == first.collection and index.collection_names(index.client(settings), "units-") == [second.collection]
    assert "A/73/505#DR-I.OP-1.6" in after["ids"] and "A/73/505#para-7~1" in after["ids"]
    meta = dict(zip(after["ids"], after["metadatas"], strict=True))["A/73/505#DR-I.OP-1.6"]
    assert len(meta.pop("content_hash")) == 16
    assert meta == {"unit_id": "A/73/505#DR-I.OP-1.6", "locator": "DR-I.OP-1.6",
                    "label": "A/73/505, draft resolution I, operative para. 1.6",
                    "symbol": "A/73/505", "kind": "operative", "draft": "I", "section": "Draft resolution I"}
    assert collection.configuration["embedding_function"] is None


def test_long_units_are_chunked_under_their_locator(document):
    chunks = document_chunks([document], Settings())
    para7 = [c for c in chunks if c.unit.locator == "para-7"]
    assert len(para7) > 1 and all(len(c.text) <= Settings().chunk_chars for c in para7)
    assert {c.id for c in para7} == {f"A/73/505#para-7~{n}" for n in range(1, len(para7) + 1)}
    assert all(c.text in document.unit("para-7").text for c in para7)


def test_records_and_pointer_are_written(indexed_settings):
    generation = store.active_generation(indexed_settings.data_dir)
    pointer = json.loads((indexed_settings.data_dir / "active.json").read_text())
    assert pointer["collection"] == generation.collection and generation.collection.startswith(indexed_settings.collection_prefix)
    (loaded,) = store.load_documents(indexed_settings.data_dir, generation)
    assert loaded.votes[0].stated == (109, 45, 16)


def test_collection_name_changes_with_the_model_and_chunking():
    assert Settings().collection_prefix != Settings(embedding_model="other").collection_prefix
    assert Settings().collection_prefix != Settings(chunk_chars=500).collection_prefix


def test_incremental_ingest_embeds_only_what_changed(tmp_path, raw_text, document, embeddings):
    from ingest.parse import parse_document

    settings = Settings(data_dir=tmp_path / "d")
    first = ingest([document], settings, embeddings)
    same = ingest([document], settings, embeddings)
    assert (same.added, same.updated, same.removed, same.unchanged) == (0, 0, 0, first.chunks) and not same.rebuilt
    edited = parse_document(raw_text.replace("No documents were submitted", "No document was submitted"), "A/73/505", "A_73_505.txt")
    changed = ingest([edited], settings, embeddings)
    assert (changed.added, changed.updated, changed.removed) == (0, 1, 0) and changed.collection == first.collection
    rebuilt = ingest([edited], settings, embeddings, rebuild=True)
    assert rebuilt.rebuilt and rebuilt.collection != first.collection
    assert index.collection_names(index.client(settings), "units-") == [rebuilt.collection]


def test_an_index_built_with_other_settings_is_rebuilt_before_serving(tmp_path, raw_text, document, embeddings):
    """After an upgrade that changes what a unit holds (INDEX_SCHEMA) or the chunking, the old records must not serve.

    Before, ``ensure_index`` served whatever generation was active: units without ``marker_words``.
    """
    from assistant.factory import ensure_index

    old = Settings(data_dir=tmp_path / "d", chunk_chars=500, corpus_dir=tmp_path / "corpus")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "A_73_505.txt").write_text(raw_text, encoding="utf-8")
    ingest([document], old, embeddings)
    stale = store.active_generation(old.data_dir)
    new = old.model_copy(update={"chunk_chars": 900})
    messages: list[str] = []
    served = ensure_index(new, messages.append)
    assert served.collection.startswith(new.collection_prefix + "-") and served.name != stale.name
    assert any("re-ingesting" in m for m in messages)
    assert ensure_index(new, messages.append) == served  # current: served as it is
