"""Hybrid retrieval over citable units: BM25 (bm25s) + dense (Chroma), fused by score.

Questions that name a paragraph ("op. para. 5 of draft resolution I", "footnote 3",
"paragraph 7") go straight to that unit; questions that name a draft are filtered to it.
Scores are kept so the answerer can abstain when nothing is close enough.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import bm25s
import Stemmer

from assistant.drafts import draft_sections
from assistant.vocabulary import expand
from ingest.chunks import retrieval_text
from ingest.records import ParsedDocument, Unit

# Fused score = SPARSE_WEIGHT * BM25 / best BM25 of the query + DENSE_WEIGHT * cosine similarity.
# Measured on evals/qa and checked on the held-out evals/holdout (content, procedure, comparison
# questions): R@1 0.760 → 0.780 and 0.727 → 0.818 against reciprocal-rank fusion 5:1, which threw
# away how far apart the scores were.
SPARSE_WEIGHT, DENSE_WEIGHT = 1.0, 2.0
DENSE_CANDIDATES = 50  # nearest chunks asked of Chroma; a BM25 candidate beyond them counts the farthest one's similarity
_STEMMER = Stemmer.Stemmer("english")
_PARA_RE = re.compile(
    r"\b(?P<kind>op(?:erative)?\.?\s*(?:para(?:graph)?\.?)?|pp|preambular\s*(?:para(?:graph)?\.?)?|para(?:graph)?\.?|footnote|fn\.?|(?:sub-?)?paragraph)"
    r"\s*(?P<num>\d+(?:\.\d+)?)\s*(?:\(?(?P<letter>[a-h])\))?", re.I)

_ITEM_RE = re.compile(
    r"\b(?:item|sub-?paragraph|point|letter)\s*\(?(?P<letter>[a-h])\)?\s+of\s+"
    r"(?:the\s+)?(?:op(?:erative)?\.?\s*)?para(?:graph)?\.?\s*(?P<num>\d+)", re.I)
_ORDINAL_RE = re.compile(
    r"\b(?P<ord>first|second|third|fourth|fifth|last|final)\s+(?P<kind>preambular paragraph|operative paragraph|norm|rule|principle)", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


@dataclass(frozen=True)
class Passage:
    """A retrieved unit with its scores.

    Fused score (``fuse``; higher is better), best dense cosine similarity of its chunks (−1…1, None
    if not in the dense top list), BM25 score, 1-based rank.
    """

    unit: Unit
    score: float
    similarity: float | None
    bm25: float
    rank: int
    direct: bool = False


DenseSearch = Callable[[str, int, "dict[str, object] | None"], "list[tuple[str, float]]"]


class Retriever:
    """Hybrid retriever over the units of the ingested documents.

    ``dense`` maps (query, k, metadata filter) to [(unit id, cosine distance)], nearest first;
    it is ``None`` for a BM25-only retriever (used when the index is unavailable).
    """

    def __init__(self, documents: list[ParsedDocument], dense: DenseSearch | None) -> None:
        """Build the BM25 index over unit label + text (pure, in memory)."""
        self.units = [u for d in documents for u in d.units]
        self.by_id = {u.id: u for u in self.units}
        self.position = {u.id: n for n, u in enumerate(self.units)}
        self.dense = dense
        self.sections = {i: n for d in documents for i, n in draft_sections(d).items()}
        corpus = [retrieval_text(u, d) for d in documents for u in d.units]
        self.vocabulary = {w.lower() for u in self.units for w in re.findall(r"[A-Za-z]+", u.text)}
        self.bm25 = bm25s.BM25()
        self.bm25.index(bm25s.tokenize(corpus, stemmer=_STEMMER, stopwords=None, show_progress=False), show_progress=False)

    def search(self, question: str, k: int = 5, draft: str | None = None, unrelated: re.Pattern[str] | None = None) -> list[Passage]:
        """The ``k`` best units for a question, best first (direct paragraph references first).

        ``draft`` keeps the units of that draft resolution and the report paragraphs of its section
        (``drafts.draft_sections``: its sponsorship, programme budget and voting paragraphs).
        ``unrelated`` matches words of the expanded query that are not about ``draft`` (in a comparison,
        the name of the body the other draft sets up); they are left out of the BM25 query.
        """
        direct = self.direct(question, draft)
        query = unrelated.sub(" ", expand(question)) if unrelated else expand(question)
        sparse = self._sparse(query, draft)
        dense = self._dense(question, max(k * 3, DENSE_CANDIDATES), draft)
        fused = fuse(sparse, dense)
        named = {u.id for u in direct}
        # ties (two footnotes both reading "A/70/174.") go in document order, so answers repeat run to run
        ordered = [u.id for u in direct] + sorted((i for i in fused if i not in named), key=lambda i: (-fused[i], self.position[i]))
        return [
            Passage(
                self.by_id[i], fused.get(i, 1.0), 1.0 - dense[i] if i in dense else None, sparse.get(i, 0.0), n,
                i in named,
            )
            for n, i in enumerate(ordered[:k], 1)
        ]

    def in_scope(self, unit: Unit, draft: str | None) -> bool:
        """Whether a unit is searched for a question about ``draft`` (None: every unit)."""
        return draft is None or unit.draft == draft or (unit.draft is None and self.sections.get(unit.id) == draft)

    def _sparse(self, query: str, draft: str | None) -> dict[str, float]:
        tokens = bm25s.tokenize([query], stemmer=_STEMMER, stopwords=None, show_progress=False, return_ids=False)[0]
        scores = self.bm25.get_scores(tokens) if tokens else [0.0] * len(self.units)
        ranked = sorted(
            ((float(s), u.id) for s, u in zip(scores, self.units, strict=True) if s > 0 and self.in_scope(u, draft)), reverse=True
        )
        return {unit_id: score for score, unit_id in ranked[:30]}

    def _dense(self, query: str, k: int, draft: str | None) -> dict[str, float]:
        if self.dense is None:
            return {}
        best: dict[str, float] = {}
        # report paragraphs outside the draft's section go below
        where: dict[str, object] | None = {"draft": {"$in": [draft, ""]}} if draft else None
        for unit_id, distance in self.dense(query, k, where):
            # a chunk of a unit the serving records lack (an interrupted update) is ignored
            if unit_id in self.by_id and self.in_scope(self.by_id[unit_id], draft):
                best[unit_id] = min(distance, best.get(unit_id, 2.0))
        return dict(sorted(best.items(), key=lambda kv: kv[1]))

    def direct(self, question: str, draft: str | None) -> list[Unit]:
        """Units a question names by number.

        For example 'op. para. 5' (with the draft named), 'item (c) of operative paragraph 4',
        'paragraph 7', 'footnote 3'.
        """
        items = [f"DR-{draft}.OP-{m['num']}({m['letter'].lower()})" for m in _ITEM_RE.finditer(question)] if draft else []
        wanted = items or [loc for match in _PARA_RE.finditer(question) for loc in _locators(match, draft)]
        wanted += [loc for match in _ORDINAL_RE.finditer(question) for loc in self._ordinal(match, draft)]
        found = []
        for locator in wanted:
            unit = next((u for u in self.units if u.locator == locator), None)
            if unit and unit not in found:
                found.append(unit)
        return found

    def _ordinal(self, match: re.Match[str], draft: str | None) -> list[str]:
        """'the last preambular paragraph' / 'the first norm' of the named draft → its locator."""
        if draft is None:
            return []
        kind = match["kind"].lower()
        pattern = {"preambular paragraph": rf"^DR-{draft}\.PP-\d+$", "operative paragraph": rf"^DR-{draft}\.OP-\d+$"}.get(
            kind, rf"^DR-{draft}\.OP-\d+\.\d+$")
        candidates = [u.locator for u in self.units if re.match(pattern, u.locator)]
        ordinal = match["ord"].lower()
        index = len(candidates) - 1 if ordinal in ("last", "final") else _ORDINALS[ordinal] - 1
        return [candidates[index]] if 0 <= index < len(candidates) else []


def fuse(sparse: dict[str, float], dense: dict[str, float]) -> dict[str, float]:
    """Unit id → fused score.

    BM25 scaled by the query's best BM25 (0…1) times ``SPARSE_WEIGHT``, plus ``DENSE_WEIGHT`` times
    the cosine similarity (1 − ``dense`` distance; a unit outside the dense list gets its farthest).
    """
    top = max(sparse.values(), default=0.0) or 1.0
    farthest = max(dense.values(), default=1.0)
    return {i: SPARSE_WEIGHT * sparse.get(i, 0.0) / top + DENSE_WEIGHT * (1.0 - dense.get(i, farthest))
            for i in {*sparse, *dense}}


def _locators(match: re.Match[str], draft: str | None) -> list[str]:
    kind, num, letter = match["kind"].lower(), match["num"], match["letter"]
    suffix = f"({letter})" if letter else ""
    if kind.startswith(("footnote", "fn")):
        return [f"DR-{draft}.fn-{num}"] if draft else [f"fn-{num}"]
    if kind.startswith(("pp", "preambular")):
        return [f"DR-{draft}.PP-{num}"] if draft else []
    if draft:
        return [f"DR-{draft}.OP-{num}{suffix}"]
    if kind.startswith("op"):
        return []
    return [f"para-{num}"] if "." not in num else []
