"""Ingest end to end: files → parsed documents → chunks → vectors → the serving index.

Everything that can fail on bad input (reading, parsing, vote checks) happens before the
index is touched. Ingested documents are merged with those already indexed (same symbol:
replaced). By default the change is incremental: each chunk's content hash is stored, and
only added or changed chunks are embedded; removed ones are deleted. ``rebuild`` (and a
changed embedder or chunking, which changes the collection name) builds a fresh collection
and switches to it only when it is complete, so a failed ingest leaves the old one serving.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ingest import index, store
from ingest.chunks import Chunk, chunk_unit
from ingest.reader import read_document
from ingest.records import ParsedDocument
from ingest.settings import Settings

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings


@dataclass(frozen=True)
class IngestReport:
    """What one ingest did: the documents now indexed, chunk counts by change, seconds taken."""

    generation: str
    collection: str
    documents: tuple[str, ...]
    units: int
    chunks: int
    votes: int
    seconds: float
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    rebuilt: bool = False
    replaced: tuple[str, ...] = ()  # "replaced A/73/505: 94 units → 96 units", one per document replaced


def parse_files(paths: list[Path], symbol: str | None = None, lenient: bool = False) -> list[ParsedDocument]:
    """Read and parse every file first (all or nothing).

    ``lenient`` keeps vote sentences that cannot be read as warnings on their document.

    Raises:
        ParseError: naming the first bad file; ValueError if two files carry one symbol.
    """
    documents = [read_document(p, symbol if len(paths) == 1 else None, lenient=lenient) for p in paths]
    symbols = [d.symbol for d in documents]
    for s in set(symbols):
        if symbols.count(s) > 1:
            raise ValueError(f"two files carry the document symbol {s}")
    return documents


def document_chunks(documents: list[ParsedDocument], settings: Settings) -> list[Chunk]:
    """All chunks of all documents, in document and reading order."""
    return [c for d in documents for u in d.units for c in chunk_unit(u, settings.chunk_chars, settings.chunk_overlap)]


def chunk_hash(chunk: Chunk) -> str:
    """Content hash of what a chunk stores: its text and the metadata derived from its unit."""
    unit = chunk.unit
    return hashlib.sha256(f"{chunk.embed_text}\x1f{unit.label}\x1f{unit.kind}\x1f{unit.section}".encode()).hexdigest()[:16]


def merged(documents: list[ParsedDocument], settings: Settings) -> list[ParsedDocument]:
    """The serving documents with ``documents`` added or replacing those of the same symbol."""
    return merge(_serving(settings), documents)[0]


def _serving(settings: Settings) -> list[ParsedDocument]:
    generation = store.active_generation(settings.data_dir, missing_ok=True)
    return store.load_documents(settings.data_dir, generation) if generation else []


def merge(current: list[ParsedDocument], documents: list[ParsedDocument]) -> tuple[list[ParsedDocument], tuple[str, ...]]:
    """``current`` with ``documents`` added, or replacing the one whose symbol is exactly theirs (pure).

    Returns:
        (documents in index order, one line per replacement: "replaced A/73/505: 94 units → 96 units";
        an identical re-ingest of a document is no replacement).
    """
    incoming = {d.symbol: d for d in documents}
    replaced = tuple(
        f"replaced {d.symbol}: {len(d.units)} units → {len(incoming[d.symbol].units)} units"
        for d in current if d.symbol in incoming and d.content_hash != incoming[d.symbol].content_hash
    )
    kept = [incoming.pop(d.symbol, d) for d in current]
    return kept + list(incoming.values()), replaced


def ingest(
    documents: list[ParsedDocument],
    settings: Settings,
    embeddings: Embeddings,
    progress: Callable[[str], None] = lambda _: None,
    rebuild: bool = False,
) -> IngestReport:
    """Add or update ``documents`` in the index (merged with those already there).

    Raises:
        IndexUnavailable: if Chroma cannot be reached.
    """
    combined, replaced = merge(_serving(settings), documents)
    for line in replaced:
        progress(line)
    report = _apply(combined, settings, embeddings, progress, rebuild)
    return dataclasses.replace(report, replaced=replaced)


def remove(symbol: str, settings: Settings, embeddings: Embeddings, progress: Callable[[str], None] = lambda _: None) -> IngestReport:
    """Remove one document from the index.

    Raises:
        KeyError: if no document with that symbol is indexed.
    """
    current = merged([], settings)
    remaining = [d for d in current if d.symbol != symbol]
    if len(remaining) == len(current):
        raise KeyError(f"{symbol} is not in the index")
    return _apply(remaining, settings, embeddings, progress, rebuild=False)


def _apply(
    documents: list[ParsedDocument], settings: Settings, embeddings: Embeddings, progress: Callable[[str], None], rebuild: bool
) -> IngestReport:
    started = time.perf_counter()
    chunks = document_chunks(documents, settings)
    api = index.client(settings)
    active = store.active_generation(settings.data_dir, missing_ok=True)
    fresh = rebuild or active is None or not settings.built_this_way(active.collection) \
        or active.collection not in index.collection_names(api, settings.collection_prefix)
    generation = time.strftime("%Y%m%dT%H%M%S") + f"-{time.perf_counter_ns() % 100000:05d}"
    name = f"{settings.collection_prefix}-{generation}" if fresh else active.collection  # type: ignore[union-attr]
    counts = _build(api, name, chunks, embeddings, progress) if fresh else _update(api, name, chunks, embeddings, progress)
    files = store.write_records(settings.data_dir, generation, documents)
    store.activate(settings.data_dir, store.Generation(generation, name, files, settings.embedding_model))
    if fresh:
        for old in index.collection_names(api, "units-"):
            if old != name:
                index.drop_collection(api, old)
    store.remove_records(settings.data_dir, keep=generation)
    return IngestReport(
        generation, name, tuple(d.symbol for d in documents), sum(len(d.units) for d in documents), len(chunks),
        sum(len(d.votes) for d in documents), time.perf_counter() - started, *counts, rebuilt=fresh,
    )


def _build(api, name: str, chunks: list[Chunk], embeddings: Embeddings, progress: Callable[[str], None]) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    progress(f"embedding {len(chunks)} chunks into a new collection")
    vectors = embeddings.embed_documents([c.embed_text for c in chunks])
    index.add_chunks(index.create_collection(api, name), chunks, vectors, [chunk_hash(c) for c in chunks])
    return len(chunks), 0, 0, 0


def _update(api, name: str, chunks: list[Chunk], embeddings: Embeddings, progress: Callable[[str], None]) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    collection = index.open_collection(api, name)
    stored = index.stored_hashes(collection)
    hashes = {c.id: chunk_hash(c) for c in chunks}
    changed = [c for c in chunks if stored.get(c.id) != hashes[c.id]]
    gone = [i for i in stored if i not in hashes]
    added = sum(1 for c in changed if c.id not in stored)
    progress(f"embedding {len(changed)} new or changed chunks ({added} new, {len(changed) - added} changed); removing {len(gone)}")
    if changed:
        vectors = embeddings.embed_documents([c.embed_text for c in changed])
        index.add_chunks(collection, changed, vectors, [hashes[c.id] for c in changed])
    index.delete_ids(collection, gone)
    return added, len(changed) - added, len(gone), len(chunks) - len(changed)
