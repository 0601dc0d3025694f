"""Parsed records on disk, and the pointer to the index generation that is serving.

Layout under ``data_dir``::

    active.json                     which generation serves: collection name, documents
    records/<generation>/<slug>.json  one ParsedDocument per document, as JSON
    chroma/                         the embedded Chroma store (ingest.index)

``active.json`` is replaced atomically (write then rename) only after a generation is
complete, so a failed or killed ingest leaves the previous generation serving.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ingest.records import ParsedDocument


class NoIndex(RuntimeError):
    """No complete index generation exists yet; run ``rapporteur ingest``."""


@dataclass(frozen=True)
class Generation:
    """A complete index generation: its name, Chroma collection and document record files."""

    name: str
    collection: str
    documents: tuple[str, ...]
    embedding_model: str


def slug(symbol: str) -> str:
    """File-safe form of a document symbol: 'A/73/505' → 'A_73_505'."""
    return symbol.replace("/", "_")


def write_records(data_dir: Path, generation: str, documents: list[ParsedDocument]) -> tuple[str, ...]:
    """Write each document's records as JSON; returns the file names, in the order given."""
    folder = data_dir / "records" / generation
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for document in documents:
        name = f"{slug(document.symbol)}.json"
        (folder / name).write_text(document.model_dump_json(indent=1), encoding="utf-8")
        names.append(name)
    return tuple(names)


def activate(data_dir: Path, generation: Generation) -> Generation | None:
    """Make ``generation`` the serving one (atomic rename); returns the one it replaced."""
    previous = active_generation(data_dir, missing_ok=True)
    pointer = data_dir / "active.json"
    temporary = pointer.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(generation.__dict__, indent=1), encoding="utf-8")
    os.replace(temporary, pointer)
    return previous


def active_generation(data_dir: Path, missing_ok: bool = False) -> Generation | None:
    """The serving generation, or None (``missing_ok``) when there is none.

    Raises:
        NoIndex: if there is none and not ``missing_ok``, or the pointer is unreadable.
    """
    pointer = data_dir / "active.json"
    try:
        data = json.loads(pointer.read_text(encoding="utf-8"))
        return Generation(data["name"], data["collection"], tuple(data["documents"]), data["embedding_model"])
    except FileNotFoundError:
        if missing_ok:
            return None
        raise NoIndex(f"no index in {data_dir}; run `rapporteur ingest`") from None
    except (OSError, ValueError, KeyError) as error:
        raise NoIndex(f"the index pointer {pointer} is unreadable ({error}); run `rapporteur ingest`") from error


def load_documents(data_dir: Path, generation: Generation) -> list[ParsedDocument]:
    """The parsed documents of a generation, in ingest order.

    Raises:
        NoIndex: if a record file is missing or corrupt.
    """
    folder = data_dir / "records" / generation.name
    try:
        return [ParsedDocument.model_validate_json((folder / n).read_text(encoding="utf-8")) for n in generation.documents]
    except (OSError, ValueError) as error:
        raise NoIndex(f"records of index generation {generation.name} are unreadable ({error}); run `rapporteur ingest`") from error


def remove_records(data_dir: Path, keep: str) -> None:
    """Delete the record folders of every generation but ``keep``."""
    root = data_dir / "records"
    for folder in root.iterdir() if root.is_dir() else []:
        if folder.name != keep:
            shutil.rmtree(folder, ignore_errors=True)
