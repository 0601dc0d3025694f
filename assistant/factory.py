"""Building a ready ``Assistant`` from settings.

Load records, ingest the bundled corpus if no index exists, and wire the retriever to Chroma
and the embedder (lazily).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from assistant.retrieval import Retriever
from assistant.service import Assistant
from ingest import store
from ingest.records import ParsedDocument
from ingest.settings import Settings

# A search narrowed to this many documents or fewer reads their chunks' vectors once and searches them in memory
# (``index.StoredVectors``: one document ~100 chunks, 150 KiB); wider ones ask Chroma with a filter. The vectors of the
# last STORED_SETS document sets are kept.
SEARCHED_IN_MEMORY = 8
STORED_SETS = 64


def ensure_index(settings: Settings, progress: Callable[[str], None] = print) -> store.Generation:
    """The serving index generation; ingests ``settings.corpus_dir`` first if there is none or it is stale.

    A generation is stale when its collection was built with another ``settings.collection_prefix``
    (another embedding model, chunking or ``INDEX_SCHEMA``): after an upgrade that adds a unit field,
    the old records and vectors would otherwise keep serving. Documents ingested besides the corpus
    keep their stored records (``pipeline.merged``) and are embedded again.
    """
    generation = store.active_generation(settings.data_dir, missing_ok=True)
    if generation is not None and settings.built_this_way(generation.collection):
        return generation
    if generation is not None:
        progress(f"the index in {settings.data_dir} was built by another version or with other settings: re-ingesting")
    from ingest.embedder import make_embeddings
    from ingest.pipeline import ingest, parse_files
    from ingest.reader import corpus_files

    progress(f"no index in {settings.data_dir}: ingesting {settings.corpus_dir}")
    documents = parse_files(corpus_files(settings.corpus_dir))
    report = ingest(documents, settings, make_embeddings(settings.data_dir, progress), progress)
    progress(f"indexed {report.units} units ({report.chunks} chunks) of {', '.join(report.documents)} in {report.seconds:.1f} s")
    return store.active_generation(settings.data_dir)  # type: ignore[return-value]


def retriever_factory(settings: Settings, generation: store.Generation, documents: list[ParsedDocument],
                      progress: Callable[[str], None] = lambda _: None) -> Callable[[], Retriever]:
    """A function that builds the hybrid retriever (loads the embedder, opens the collection).

    The embedder is the ONNX export under ``settings.data_dir`` (``ingest.embedder.make_embeddings``):
    a question never imports torch, transformers or sentence-transformers, unless the data dir has no
    export of the current weights yet (an index built by an earlier version): then it is made first,
    once, and ``progress`` says so.
    """

    def build() -> Retriever:
        from concurrent.futures import ThreadPoolExecutor

        from ingest import index
        from ingest.embedder import make_embeddings

        # onnxruntime reads and optimises the model without holding the GIL: that overlaps opening Chroma
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="embedder") as pool:
            loading = pool.submit(make_embeddings, settings.data_dir, progress)
            collection = index.open_collection(index.client(settings), generation.collection)
            embeddings = loading.result()

        stored = functools.lru_cache(maxsize=STORED_SETS)(functools.partial(index.stored_vectors, collection))

        def dense(query: str, k: int, draft: str | None, symbols: tuple[str, ...] | None) -> list[tuple[str, float]]:
            vector = embeddings.embed_query(query)
            try:
                if symbols is not None and len(symbols) <= SEARCHED_IN_MEMORY:
                    hits = stored(symbols).nearest(vector, k, draft)
                else:
                    hits = index.query(collection, vector, k, index.where(draft, symbols))
                return [(hit.unit_id, hit.distance) for hit in hits]
            except Exception as error:  # server gone, store deleted or unreadable: one clear error type
                raise index.IndexUnavailable(f"the search index cannot be read ({type(error).__name__}: {error})") from error

        return Retriever(documents, dense)

    return build


def load_assistant(settings: Settings, progress: Callable[[str], None] = print, warm: bool = False) -> Assistant:
    """An ``Assistant`` over the serving index (ingesting the corpus first if needed).

    With ``warm`` the retriever (model and index) is built now rather than on first use.

    Raises:
        ParseError / IndexUnavailable / NoIndex: with a message saying what to run.
    """
    generation = ensure_index(settings, progress)
    documents = store.load_documents(settings.data_dir, generation)
    chat_model = None
    if settings.llm:
        from assistant.llm import make_chat_model

        progress(f"answers for non-vote questions from {settings.llm} (checked; extractive fallback)")
        chat_model = make_chat_model(settings.llm, settings.llm_timeout_s, documents)  # with the vote tools bound
    build_retriever = retriever_factory(settings, generation, documents, progress)
    assistant = Assistant(documents, build_retriever, settings.retrieval_k, settings.max_question_chars,
                          chat_model, settings.llm_timeout_s, settings.log_questions)
    if warm:
        progress("loading the embedding model and the index")
        assistant.retriever.search("warm-up", 1)
    return assistant
