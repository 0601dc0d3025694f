"""A retriever narrowed to some documents reuses the wider one's tokens (no tokenizing again) and ranks as one built
over those documents alone; sentence weights read each text's stems once (pure, no Chroma)."""

import math
from collections import Counter
from pathlib import Path

import pytest

from assistant import compose
from assistant.retrieval import Retriever
from ingest.pipeline import parse_files

DATA = Path(__file__).resolve().parents[1] / "data"
QUERIES = ("critical infrastructure", "working group consensus report seventy-fifth session", "vote abstain",
           "human rights online", "xyzzy")


@pytest.fixture(scope="module")
def documents(document):  # type: ignore[no-untyped-def]
    return [document, *parse_files([DATA / "A_99_401.txt", DATA / "A_RES_99_12.txt"])]


@pytest.mark.parametrize("chosen", [[0], [1], [1, 2], [0, 1, 2]])
def test_a_narrowed_retriever_ranks_as_one_built_alone(documents, chosen):
    narrowed = [documents[i] for i in chosen]
    alone, derived = Retriever(narrowed, None), Retriever(documents, None).restricted(narrowed)
    assert derived.symbols == tuple(sorted(d.symbol for d in narrowed))
    assert derived.tokens == alone.tokens and len(derived.units) == sum(len(d.units) for d in narrowed)
    for query in QUERIES:
        for draft in (None, "I", "II"):
            expected, found = alone._sparse(query, draft), derived._sparse(query, draft)
            assert list(found) == list(expected)
            assert list(found.values()) == pytest.approx(list(expected.values()))
    if 0 in chosen:  # the comparison is not between two empty results
        assert "A/73/505#DR-I.OP-1.6" in derived._sparse("critical infrastructure", "I")


def test_stem_weights_are_idf_over_each_texts_stems(document):
    texts = [u.text for u in document.units]
    counted = Counter(stem for text in texts for stem in set(compose.stems_of(text)))
    expected = {stem: math.log(1 + len(texts) / df) for stem, df in counted.items()}
    assert compose.stem_weights(texts) == expected  # stems tokenized in one call
    assert compose.stem_weights(texts) == expected  # and read back from the kept stem sets
    assert compose.stem_weights(texts[:3]) == {s: math.log(1 + 3 / df) for s, df in
                                                Counter(s for t in texts[:3] for s in set(compose.stems_of(t))).items()}
