"""The vector index: the one module that talks to Chroma.

Embedded (``PersistentClient`` under ``data_dir/chroma``) by default, a Chroma server
(``HttpClient``) when ``chroma_url`` is set. Collections are created with no embedding
function: vectors always come from our embedder, so Chroma's default model never loads.
Telemetry is off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import numpy as np

from ingest.chunks import Chunk
from ingest.settings import Settings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection


class IndexUnavailable(RuntimeError):
    """The index cannot be reached or is missing; the message says what to run."""


@dataclass(frozen=True)
class Hit:
    """One retrieved chunk: its chunk id, unit id, locator and cosine distance (0 = same direction)."""

    chunk_id: str
    unit_id: str
    locator: str
    distance: float


def client(settings: Settings) -> ClientAPI:
    """A Chroma client for the configured mode, telemetry off.

    Raises:
        IndexUnavailable: if the server does not answer.
    """
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        try:
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1", port=url.port or 8000, ssl=url.scheme == "https", settings=chroma_settings
            )
        except Exception as error:  # chromadb raises bare ValueError/ConnectionError here
            raise IndexUnavailable(f"Chroma server at {settings.chroma_url} is not answering: {error}") from error
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.data_dir / "chroma"), settings=chroma_settings)


def create_collection(api: ClientAPI, name: str) -> Collection:
    """Create an empty cosine-space collection with no embedding function."""
    return api.create_collection(name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}})


def open_collection(api: ClientAPI, name: str) -> Collection:
    """Open an existing collection.

    Raises:
        IndexUnavailable: if it does not exist.
    """
    try:
        return api.get_collection(name, embedding_function=None)
    except Exception as error:
        raise IndexUnavailable(f"index collection {name!r} is missing; run `rapporteur ingest`") from error


def add_chunks(collection: Collection, chunks: list[Chunk], vectors: list[list[float]], hashes: list[str], batch: int = 256) -> None:
    """Upsert chunks with their vectors; metadata carries locator, label, symbol, unit kind, draft and content hash."""
    for start in range(0, len(chunks), batch):
        part = chunks[start : start + batch]
        collection.upsert(
            ids=[c.id for c in part],
            embeddings=vectors[start : start + batch],  # type: ignore[arg-type]
            documents=[c.text for c in part],
            metadatas=[_metadata(c, h) for c, h in zip(part, hashes[start : start + batch], strict=True)],
        )


def _metadata(chunk: Chunk, content_hash: str) -> dict[str, Any]:
    unit = chunk.unit
    return {
        "unit_id": unit.id, "locator": unit.locator, "label": unit.label, "symbol": unit.symbol,
        "kind": unit.kind, "draft": unit.draft or "", "section": unit.section, "content_hash": content_hash,
    }


def stored_hashes(collection: Collection) -> dict[str, str]:
    """Chunk id → stored content hash, for every chunk in the collection."""
    found = collection.get(include=["metadatas"])
    metadatas = found["metadatas"]
    if metadatas is None:  # no metadata returned: no stored hashes (as zipping with [] gave before)
        return {}
    return {i: str((m or {}).get("content_hash", "")) for i, m in zip(found["ids"], metadatas, strict=True)}


def delete_ids(collection: Collection, ids: list[str]) -> None:
    """Delete chunks by id (no-op for an empty list)."""
    if ids:
        collection.delete(ids=ids)


def where(draft: str | None, symbols: tuple[str, ...] | None) -> dict[str, Any] | None:
    """The metadata filter for chunks of draft ``draft`` or of no draft, in the documents ``symbols``.

    A chunk of no draft is a report paragraph. Returns None (no filter) when neither is given.
    """
    parts: list[dict[str, Any]] = [{"draft": {"$in": [draft, ""]}}] if draft else []
    parts += [{"symbol": {"$in": list(symbols)}}] if symbols is not None else []
    return None if not parts else parts[0] if len(parts) == 1 else {"$and": parts}


def query(collection: Collection, vector: list[float], k: int, where: dict[str, Any] | None = None) -> list[Hit]:
    """The ``k`` nearest chunks, nearest first, optionally filtered by metadata (e.g. ``{"draft": "I"}``)."""
    found = collection.query(query_embeddings=[vector], n_results=k, where=where, include=["metadatas", "distances"])  # type: ignore[arg-type]
    metas, dists = found["metadatas"][0], found["distances"][0]  # type: ignore[index]
    return [
        Hit(chunk_id, str(m["unit_id"]), str(m["locator"]), float(d))
        for chunk_id, m, d in zip(found["ids"][0], metas, dists, strict=True)
    ]


@dataclass(frozen=True)
class StoredVectors:
    """The chunks of a few documents with their stored vectors, searched exactly in memory.

    Chroma filters a query by document with a scan of the metadata (10-25 ms over 10,000 chunks on the CI machine,
    against 2-4 ms unfiltered); a search narrowed to one document (the UI's document chooser) reads its ~100
    chunks once instead (~8 ms) and then costs a matrix product. ``matrix`` rows are unit length.
    """

    hits: tuple[Hit, ...]  # one per chunk, in the order Chroma returned them; distance unused (0.0)
    drafts: tuple[str, ...]  # each chunk's draft number, '' for a report paragraph
    matrix: np.ndarray  # (chunks, dimensions), float32

    def nearest(self, vector: list[float], k: int, draft: str | None = None) -> list[Hit]:
        """The ``k`` nearest chunks by cosine distance (1 − cosine similarity), nearest first (ties: stored order).

        Only chunks of draft ``draft`` or of no draft when it is given, as ``query`` with ``where(draft, …)``.
        """
        query_vector = np.asarray(vector, dtype=np.float32)
        distances = 1.0 - self.matrix @ (query_vector / (np.linalg.norm(query_vector) or 1.0))
        kept = [i for i in np.argsort(distances, kind="stable") if not draft or self.drafts[i] in (draft, "")][:k]
        return [Hit(self.hits[i].chunk_id, self.hits[i].unit_id, self.hits[i].locator, float(distances[i])) for i in kept]


def stored_vectors(collection: Collection, symbols: tuple[str, ...]) -> StoredVectors:
    """The chunks of the documents ``symbols`` with their vectors (read from the collection once)."""
    found = collection.get(where={"symbol": {"$in": list(symbols)}}, include=["embeddings", "metadatas"])  # type: ignore[dict-item]
    metas = found["metadatas"] or []
    matrix = np.asarray(found["embeddings"] if found["embeddings"] is not None else np.zeros((0, 0)), dtype=np.float32)
    if len(matrix):
        matrix = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    return StoredVectors(
        tuple(Hit(i, str(m["unit_id"]), str(m["locator"]), 0.0) for i, m in zip(found["ids"], metas, strict=True)),
        tuple(str(m.get("draft", "")) for m in metas), matrix,
    )


def add_plain(collection: Collection, ids: list[str], texts: list[str], vectors: list[list[float]]) -> None:
    """Upsert texts with no metadata (the evaluation baseline's chunks)."""
    collection.upsert(ids=ids, embeddings=vectors, documents=texts)  # type: ignore[arg-type]


def nearest_ids(collection: Collection, vector: list[float], k: int) -> list[str]:
    """Ids of the ``k`` nearest entries, nearest first."""
    return list(collection.query(query_embeddings=[vector], n_results=k, include=[])["ids"][0])  # type: ignore[arg-type]


def collection_names(api: ClientAPI, prefix: str) -> list[str]:
    """Names of the collections whose name starts with ``prefix``."""
    return sorted(c.name for c in api.list_collections() if c.name.startswith(prefix))


def drop_collection(api: ClientAPI, name: str) -> None:
    """Delete a collection if it exists."""
    if name in {c.name for c in api.list_collections()}:
        api.delete_collection(name)
