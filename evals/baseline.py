"""The obvious alternative, measured in the same run: a naive LangChain pipeline.

RecursiveCharacterTextSplitter(1000, 200) over the raw corpus text, the same embedder,
Chroma top-4, the same extractive sentence picker; no vote tool, no conversation memory
(the last turn is asked alone). Its "citations" are the units its shown chunks overlap,
so its retrieval and citation metrics are comparable with ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.compose import best_sentences_of, sentences_of
from ingest import index
from ingest.layout import clean_inline, strip_markers
from ingest.records import ParsedDocument
from ingest.settings import Settings

COLLECTION = "baseline-recursive-1000-200"
TOP_K = 4


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", strip_markers(clean_inline(text))).strip()


@dataclass(frozen=True)
class BaselineAnswer:
    """The baseline's answer text, the locators its chunks overlap (retrieval order) and those it shows."""

    text: str
    retrieved: list[str]
    cited: list[str]


class Baseline:
    """Naive RAG over one document's raw text (built once per eval run, in its own collection)."""

    def __init__(self, raw: str, document: ParsedDocument, settings: Settings, embeddings) -> None:  # type: ignore[no-untyped-def]
        """Split, embed and index the raw text; map each chunk to the units it overlaps."""
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        self.chunks = splitter.split_text(raw)
        self.embeddings = embeddings
        self.units = {u.locator: _norm(re.sub(r"^(?:\d+(?:\.\d+)*\.|\([a-z]\))\s+", "", u.text)) for u in document.units}
        self.overlaps = [self._overlap(_norm(c)) for c in self.chunks]
        api = index.client(settings)
        index.drop_collection(api, COLLECTION)
        self.collection = index.create_collection(api, COLLECTION)
        vectors = embeddings.embed_documents(self.chunks)
        index.add_plain(self.collection, [str(i) for i in range(len(self.chunks))], self.chunks, vectors)

    def _overlap(self, chunk: str) -> list[str]:
        found = []
        for locator, text in self.units.items():
            probes = [text[:60], text[-60:]] if len(text) > 60 else [text]
            if any(p and p in chunk for p in probes) or chunk[:80] in text or chunk[-80:] in text:
                found.append(locator)
        return found

    def answer(self, question: str) -> BaselineAnswer:
        """Top-4 chunks; the best sentence of each quoted; citations are the units those chunks overlap."""
        order = [int(i) for i in index.nearest_ids(self.collection, self.embeddings.embed_query(question), TOP_K)]
        retrieved = list(dict.fromkeys(loc for i in order for loc in self.overlaps[i]))
        quotes = [best_sentences_of(_norm(self.chunks[i]), question, 1) or sentences_of(_norm(self.chunks[i]))[:1] for i in order]
        text = " ".join(f"\u201c{q[0]}\u201d" for q in quotes if q)
        return BaselineAnswer(text, retrieved, retrieved)
