"""A search narrowed to a few documents, read from the stored vectors and searched in memory
(``index.StoredVectors``), finds what Chroma's filtered query finds (real Chroma, real model)."""

from pathlib import Path

import pytest

from ingest import index, store
from ingest.pipeline import ingest, parse_files
from ingest.settings import Settings

pytestmark = pytest.mark.slow
DATA = Path(__file__).resolve().parents[1] / "data"
QUESTIONS = ("critical infrastructure", "When does the working group report?", "recorded vote abstentions",
             "capacity-building for developing countries", "programme budget implications")


@pytest.fixture(scope="module")
def collection(tmp_path_factory, document, embeddings):  # type: ignore[no-untyped-def]
    settings = Settings(data_dir=tmp_path_factory.mktemp("two"))
    ingest([document, *parse_files([DATA / "A_99_401.txt"])], settings, embeddings)
    return index.open_collection(index.client(settings), store.active_generation(settings.data_dir).collection)


def test_it_reads_the_chunks_of_the_documents_named_only(collection):
    stored = index.stored_vectors(collection, ("A/73/505",))
    everything = collection.get(include=["metadatas"])["metadatas"]
    assert len(stored.hits) == sum(m["symbol"] == "A/73/505" for m in everything) < len(everything)
    assert {h.unit_id.split("#")[0] for h in stored.hits} == {"A/73/505"}
    assert stored.matrix.shape == (len(stored.hits), 384)


@pytest.mark.parametrize("draft", [None, "I", "II"])
def test_it_finds_what_chromas_filtered_query_finds(collection, embeddings, draft):
    for symbols in (("A/73/505",), ("A/99/401",), ("A/73/505", "A/99/401")):
        stored = index.stored_vectors(collection, symbols)
        for question in QUESTIONS:
            vector = embeddings.embed_query(question)
            chroma = index.query(collection, vector, 15, index.where(draft, symbols))
            mine = stored.nearest(vector, 15, draft)
            assert [h.chunk_id for h in mine] == [h.chunk_id for h in chroma], (symbols, question)
            assert [h.distance for h in mine] == pytest.approx([h.distance for h in chroma], abs=1e-5)


def test_the_filter_is_chromas_where():
    assert index.where(None, None) is None
    assert index.where("I", None) == {"draft": {"$in": ["I", ""]}}
    assert index.where(None, ("A/73/505",)) == {"symbol": {"$in": ["A/73/505"]}}
    assert index.where("II", ("A/73/505", "A/99/401")) == {
        "$and": [{"draft": {"$in": ["II", ""]}}, {"symbol": {"$in": ["A/73/505", "A/99/401"]}}]}
