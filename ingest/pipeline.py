"""Ingest end to end: files → parsed documents → chunks → vectors → a new index generation.

Everything that can fail on bad input (reading, parsing, vote checks) happens before the
index is touched; the new generation becomes active only when it is complete.
"""

from __future__ import annotations

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
    """What one ingest did: documents, units, chunks and votes written, seconds taken."""

    generation: str
    collection: str
    documents: tuple[str, ...]
    units: int
    chunks: int
    votes: int
    seconds: float


def parse_files(paths: list[Path], symbol: str | None = None) -> list[ParsedDocument]:
    """Read and parse every file first (all or nothing).

    Raises:
        ParseError: naming the first bad file; ValueError if two files carry one symbol.
    """
    documents = [read_document(p, symbol if len(paths) == 1 else None) for p in paths]
    symbols = [d.symbol for d in documents]
    for s in set(symbols):
        if symbols.count(s) > 1:
            raise ValueError(f"two files carry the document symbol {s}")
    return documents


def document_chunks(documents: list[ParsedDocument], settings: Settings) -> list[Chunk]:
    """All chunks of all documents, in document and reading order."""
    chunks: list[Chunk] = []
    for document in documents:
        for unit in document.units:
            chunks.extend(chunk_unit(unit, settings.chunk_chars, settings.chunk_overlap))
    return chunks


def ingest(
    documents: list[ParsedDocument],
    settings: Settings,
    embeddings: Embeddings,
    progress: Callable[[str], None] = lambda _: None,
) -> IngestReport:
    """Embed and index parsed documents as a new generation, then make it the serving one.

    The previous generation's collection and records are removed only after the switch.

    Raises:
        IndexUnavailable: if Chroma cannot be reached.
    """
    started = time.perf_counter()
    chunks = document_chunks(documents, settings)
    progress(f"embedding {len(chunks)} chunks of {sum(len(d.units) for d in documents)} units")
    vectors = embeddings.embed_documents([c.embed_text for c in chunks])
    generation = time.strftime("%Y%m%dT%H%M%S") + f"-{time.perf_counter_ns() % 100000:05d}"
    api = index.client(settings)
    name = f"{settings.collection_prefix}-{generation}"
    index.add_chunks(index.create_collection(api, name), chunks, vectors)
    files = store.write_records(settings.data_dir, generation, documents)
    store.activate(settings.data_dir, store.Generation(generation, name, files, settings.embedding_model))
    for old in index.collection_names(api, "units-"):
        if old != name:
            index.drop_collection(api, old)
    store.remove_records(settings.data_dir, keep=generation)
    return IngestReport(
        generation, name, tuple(d.symbol for d in documents), sum(len(d.units) for d in documents),
        len(chunks), sum(len(d.votes) for d in documents), time.perf_counter() - started,
    )
