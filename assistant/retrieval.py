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
import numpy as np
import Stemmer

from assistant.drafts import draft_sections
from assistant.vocabulary import expand, named_meetings, named_sessions, named_symbols, ordinal_number, spell_out
from ingest.chunks import retrieval_text
from ingest.records import ParsedDocument, Unit

# Fused score = SPARSE_WEIGHT * BM25 / best BM25 of the query + DENSE_WEIGHT * cosine similarity.
# Measured on evals/qa and checked on the held-out evals/holdout (content, procedure, comparison
# questions): R@1 0.760 → 0.780 and 0.727 → 0.818 against reciprocal-rank fusion 5:1, which threw
# away how far apart the scores were.
SPARSE_WEIGHT, DENSE_WEIGHT = 1.0, 2.0
# A unit that names the session, the meeting or the document symbol the question names ("the 75th session" →
# "seventy-fifth session", "its 1st meeting", "L.71") gains this much fused score, as much as the best BM25
# match: neither BM25 nor the embedder weighs such identifiers above the words around them, and the drafts
# plan different things for different sessions, the report different business for different meetings.
NAMED_SESSION_BONUS = 1.0
DENSE_CANDIDATES = 50  # nearest chunks asked of Chroma; a BM25 candidate beyond them counts the farthest one's similarity
_STEMMER = Stemmer.Stemmer("english")
_PARA_RE = re.compile(
    r"\b(?P<kind>op(?:erative)?\.?\s*(?:para(?:graph)?\.?)?|pp|preambular\s*(?:para(?:graph)?\.?)?|para(?:graph)?\.?|footnote|fn\.?|(?:sub-?)?paragraph)"
    r"\s*(?P<num>\d+(?:\.\d+)?)\s*(?:\(?(?P<letter>[a-h])\))?", re.I)

_ITEM_RE = re.compile(
    r"\b(?:item|sub-?paragraph|point|letter)\s*\(?(?P<letter>[a-h])\)?\s+of\s+"
    r"(?:the\s+)?(?:op(?:erative)?\.?\s*)?para(?:graph)?\.?\s*(?P<num>\d+)", re.I)
_ORDINAL_RE = re.compile(
    r"\b(?P<ord>[a-z]+(?:-[a-z]+)?|\d{1,2}(?:st|nd|rd|th))\s+"
    r"(?P<kind>preambular paragraph|operative paragraph|paragraph|norm|rule|principle)(?!\s+of\s+(?:the|this)\s+report)", re.I)
_REPORT_ORDINAL_RE = re.compile(r"\b(?P<ord>first|last|final)\s+paragraph\s+of\s+(?:the|this)\s+report\b", re.I)
# what follows a reference to another document's paragraph: "of resolution 70/237", "of the 2015 report", "of A/70/174"
_FOREIGN_RE = re.compile(
    r"^\s*(?:of|in)\s+(?:the\s+|its\s+|general assembly\s+|human rights council\s+|document\s+)*"
    r"(?:resolutions?\s+\d|decisions?\s+\d|(?:19|20)\d\d\b|report of the group|charter|(?P<symbol>A/[\w./-]*\d))", re.I)
_OF_REPORT_RE = re.compile(r"^\s*(?:of|in)\s+(?:the|this)\s+report\b", re.I)


@dataclass(frozen=True)
class Passage:
    """A retrieved unit with its scores.

    Fused score (``fuse``; higher is better), best dense cosine similarity of its chunks (−1…1, None
    if not in the dense top list; to the question or, when it uses a body's acronym, to the question
    with the acronym spelled out, whichever is higher), BM25 score, 1-based rank.
    """

    unit: Unit
    score: float
    similarity: float | None
    bm25: float
    rank: int
    direct: bool = False


# (question, chunks wanted, draft number or None, document symbols or None for every document) → [(unit id, cosine
# distance)], nearest first: only chunks of that draft or of no draft (report paragraphs), of those documents
DenseSearch = Callable[[str, int, "str | None", "tuple[str, ...] | None"], "list[tuple[str, float]]"]


class Retriever:
    """Hybrid retriever over the units of the ingested documents.

    ``dense`` maps (query, k, metadata filter) to [(unit id, cosine distance)], nearest first;
    it is ``None`` for a BM25-only retriever (used when the index is unavailable).
    """

    def __init__(self, documents: list[ParsedDocument], dense: DenseSearch | None,
                 tokens: dict[str, list[str]] | None = None, symbols: tuple[str, ...] | None = None) -> None:
        """Build the BM25 index over unit label + text (pure, in memory).

        ``tokens`` (unit id → stemmed tokens of its retrieval text) are those a wider retriever already made
        (``restricted``); without them the units' texts are tokenized here. ``symbols``: the documents the dense
        search is restricted to (None: all that are indexed).
        """
        self.symbols = symbols
        self.units = [u for d in documents for u in d.units]
        self.by_id = {u.id: u for u in self.units}
        self.position = {u.id: n for n, u in enumerate(self.units)}
        self.dense = dense
        self.sections = {i: n for d in documents for i, n in draft_sections(d).items()}
        self.vocabulary = {w.lower() for u in self.units for w in re.findall(r"[A-Za-z]+", u.text)}
        self.bm25 = bm25s.BM25()
        if tokens is None:
            corpus = [retrieval_text(u, d) for d in documents for u in d.units]
            tokenized = bm25s.tokenize(corpus, stemmer=_STEMMER, stopwords=None, show_progress=False)
            self.bm25.index(tokenized, show_progress=False)
            words = {number: word for word, number in tokenized.vocab.items()}
            self.tokens = {u.id: [words[n] for n in ids] for u, ids in zip(self.units, tokenized.ids, strict=True)}
        else:
            self.tokens = {u.id: tokens[u.id] for u in self.units}
            self.bm25.index(list(self.tokens.values()), show_progress=False)

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
        # the embedder does not know "GGE": how close a unit is (for abstaining) is also read with it spelled out,
        # but the ranking keeps the question's own words (spelled out, the name outweighs what is asked about it)
        spelled = self._dense(spell_out(question), max(k * 3, DENSE_CANDIDATES), draft) if spell_out(question) != question else {}
        closeness = {i: min(d, spelled.get(i, d)) for i, d in dense.items()}
        fused = fuse(sparse, dense)
        for phrase in [*named_sessions(question), *named_meetings(question), *named_symbols(question)]:  # identifiers
            for unit_id in fused:
                if phrase in self.by_id[unit_id].text.lower():
                    fused[unit_id] += NAMED_SESSION_BONUS
        named = {u.id for u in direct}
        # ties (two footnotes both reading "A/70/174.") go in document order, so answers repeat run to run
        ordered = [u.id for u in direct] + sorted((i for i in fused if i not in named), key=lambda i: (-fused[i], self.position[i]))
        return [
            Passage(
                self.by_id[i], fused.get(i, 1.0), 1.0 - closeness[i] if i in closeness else None, sparse.get(i, 0.0), n,
                i in named,
            )
            for n, i in enumerate(ordered[:k], 1)
        ]

    def restricted(self, documents: list[ParsedDocument]) -> Retriever:
        """A retriever over ``documents`` only, sharing this one's dense index (restricted to their symbols) and tokens."""
        return Retriever(documents, self.dense, self.tokens, tuple(sorted({d.symbol for d in documents})))

    def in_scope(self, unit: Unit, draft: str | None) -> bool:
        """Whether a unit is searched for a question about ``draft`` (None: every unit)."""
        return draft is None or unit.draft == draft or (unit.draft is None and self.sections.get(unit.id) == draft)

    def _sparse(self, query: str, draft: str | None) -> dict[str, float]:
        """The 30 best BM25 scores of units in scope, {unit id: score}, best first (ties: the greater id first).

        Units are visited best score first and only until 30 are found and the score drops: a corpus of 100 reports
        has 9,400 units, most with some score.
        """
        tokens = bm25s.tokenize([query], stemmer=_STEMMER, stopwords=None, show_progress=False, return_ids=False)[0]
        if not tokens:
            return {}
        scores = np.asarray(self.bm25.get_scores(tokens), dtype=float)
        kept: list[tuple[float, str]] = []
        for i in np.argsort(-scores, kind="stable"):
            score = float(scores[i])
            if score <= 0 or (len(kept) >= 30 and score < kept[29][0]):
                break
            if self.in_scope(self.units[i], draft):
                kept.append((score, self.units[i].id))
        return {unit_id: score for score, unit_id in sorted(kept, reverse=True)[:30]}

    def _dense(self, query: str, k: int, draft: str | None) -> dict[str, float]:
        if self.dense is None:
            return {}
        best: dict[str, float] = {}
        # report paragraphs outside the draft's section go below
        for unit_id, distance in self.dense(query, k, draft, self.symbols):
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
        wanted += [loc for match in _REPORT_ORDINAL_RE.finditer(question) for loc in self._report_ordinal(match)]
        found = []
        for locator in wanted:
            unit = next((u for u in self.units if u.locator == locator), None)
            if unit and unit not in found:
                found.append(unit)
        return found

    def missing_references(self, question: str, draft: str | None) -> list[str]:
        """Labels of the paragraphs and footnotes the question names that the documents do not have.

        Reads the same references as ``direct`` ('preambular paragraph 25', 'op. para. 12',
        'item (e) of operative paragraph 4', 'paragraph 14', 'footnote 9'), with ``draft`` the one
        draft the question names (None: no draft, or several). A paragraph number with no kind is an
        operative or a preambular paragraph of the draft, or a paragraph of the report when no draft
        is named or it says 'of the report'; a footnote without a draft may be the report's or a
        draft's. References to another document ('paragraph 3 of resolution 70/237') are skipped.

        Returns:
            One label per missing reference, in question order, each with what exists, e.g.
            ['preambular paragraph 25 of draft resolution I (it has 21)', 'paragraph 14 of the report
            (it has 11)', 'footnote 9 (the report has 4, draft resolution I 5, draft resolution II 3)'];
            [] when every named unit exists.
        """
        existing = {u.locator for u in self.units}
        drafts = sorted({u.draft for u in self.units if u.draft})
        own = {u.symbol for u in self.units}
        found: list[str] = []
        for kind, num, letter, after in _references(question):
            foreign = _FOREIGN_RE.match(after)
            if foreign and foreign["symbol"] not in own:
                continue  # another document's paragraph (the symbol group is None for "of resolution 70/237")
            of_report = _OF_REPORT_RE.match(after) or (foreign and foreign["symbol"] in own)
            wanted = draft if draft and not of_report else None
            label = _missing(kind, num, letter, wanted, drafts, existing)
            if label and label not in found:
                found.append(label)
        return found

    def _report_ordinal(self, match: re.Match[str]) -> list[str]:
        """'the first paragraph of the report' → 'para-1'; 'the last …' → its last numbered paragraph (para. 11 of A/73/505)."""
        paragraphs = [u.locator for u in self.units if re.fullmatch(r"para-\d+", u.locator)]
        if not paragraphs:
            return []
        return [paragraphs[0] if match["ord"].lower() == "first" else paragraphs[-1]]

    def _ordinal(self, match: re.Match[str], draft: str | None) -> list[str]:
        """'the last preambular paragraph', 'the first norm', 'the last paragraph' (an operative one) of the named draft → its locator.

        With no draft named, a resolution's own paragraphs ('PP-2', 'OP-4' of A/HRC/RES/54/18); a report has none outside
        its drafts, so nothing is found there.
        """
        kind = match["kind"].lower()
        prefix = rf"DR-{draft}\." if draft else ""
        pattern = {"preambular paragraph": rf"^{prefix}PP-\d+$", "operative paragraph": rf"^{prefix}OP-\d+$",
                   # a draft's paragraphs in reading order: its preambular, then its operative paragraphs
                   "paragraph": rf"^{prefix}(?:PP|OP)-\d+$"}.get(kind, rf"^{prefix}OP-\d+\.\d+$")
        candidates = [u.locator for u in self.units if re.match(pattern, u.locator)]
        ordinal = match["ord"].lower()
        number = ordinal_number(ordinal)  # "the eighth preambular paragraph", "the 2nd norm"
        index = len(candidates) - 1 if ordinal in ("last", "final") else number - 1 if number else -1
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


def _references(question: str) -> list[tuple[str, str, str | None, str]]:
    """(kind, number, letter or None, text after) of each paragraph or footnote the question names, in order.

    Kind is 'footnote', 'preambular', 'operative' or 'paragraph' (no kind given). A letter counts only
    in brackets or standing alone ('4 (e)', '4 e'), not the first letter of the next word ('5 and 6').
    """
    found: list[tuple[int, tuple[str, str, str | None, str]]] = []
    for m in _ITEM_RE.finditer(question):
        found.append((m.start(), ("operative", m["num"], m["letter"].lower(), question[m.end():])))
    items = [(m.start(), m.end()) for m in _ITEM_RE.finditer(question)]
    for m in _PARA_RE.finditer(question):
        if any(start <= m.start() < end for start, end in items):
            continue
        raw = m["kind"].lower()
        kind = ("footnote" if raw.startswith(("footnote", "fn")) else "preambular" if raw.startswith(("pp", "preambular"))
                else "operative" if raw.startswith("op") else "paragraph")
        end = m.end()
        letter = m["letter"]
        if letter and not (m.group().endswith(")") or not question[end:end + 1].isalnum()):
            letter, end = None, m.end("num")
        found.append((m.start(), (kind, m["num"], letter.lower() if letter else None, question[end:])))
    return [reference for _, reference in sorted(found, key=lambda f: f[0])]


def _missing(kind: str, num: str, letter: str | None, draft: str | None, drafts: list[str], existing: set[str]) -> str | None:
    """The label of one reference when no unit has it, else None (see ``Retriever.missing_references``)."""
    if kind == "footnote":
        return _missing_footnote(num, draft, drafts, existing)
    if kind == "paragraph" and draft is None:
        if letter or f"para-{num}" in existing or f"OP-{num}" in existing:
            return None  # "paragraph 7 (a)" of the report: its paragraphs have no lettered items; a resolution's OP 3
        return f"paragraph {num} of the report (it has {_count(existing, 'para-')})"
    kinds = {"preambular": ["PP"], "operative": ["OP"], "paragraph": ["OP", "PP"]}[kind]
    if not draft and any(f"{k}-{num}" in existing for k in kinds):
        return None  # a resolution's own paragraphs, outside any draft (A/HRC/RES/54/18, operative paragraph 2)
    for number in [draft] if draft else drafts:
        there = [k for k in kinds if f"DR-{number}.{k}-{num}" in existing]
        if there and (not letter or f"DR-{number}.{there[0]}-{num}({letter})" in existing):
            return None
    word = {"preambular": "preambular paragraph", "operative": "operative paragraph", "paragraph": "paragraph"}[kind]
    name = f"{word} {num}" + (f" ({letter})" if letter else "")
    if not draft:
        return f"{name} (in none of the draft resolutions)"
    parent = num.split(".")[0]
    if "." in num and f"DR-{draft}.OP-{parent}" in existing:  # "op. para. 1.14": the numbered items of operative paragraph 1
        return f"{name} of draft resolution {draft} (operative paragraph {parent} has {_count(existing, f'DR-{draft}.OP-{parent}.')} items)"
    if letter and f"DR-{draft}.OP-{num}" in existing:
        items = sorted(m[1] for loc in existing if (m := re.fullmatch(rf"DR-{draft}\.OP-{re.escape(num)}\(([a-z])\)", loc)))
        has = f"items ({items[0]}) to ({items[-1]})" if items else "no lettered items"
    else:
        counts = {k: _count(existing, f"DR-{draft}.{k}-") for k in kinds}
        has = (f"{counts['PP']} preambular and {counts['OP']} operative paragraphs" if kind == "paragraph"
               else str(counts[kinds[0]]))
    return f"{name} of draft resolution {draft} (it has {has})"


def _missing_footnote(num: str, draft: str | None, drafts: list[str], existing: set[str]) -> str | None:
    """'footnote 9 of draft resolution I (it has 5)'; without a draft every footnote series is looked at."""
    owners = [(f"DR-{draft}.fn-", f"draft resolution {draft}")] if draft else [
        ("fn-", "the report"), *((f"DR-{d}.fn-", f"draft resolution {d}") for d in drafts)]
    if any(f"{prefix}{num}" in existing for prefix, _ in owners):
        return None
    if draft:
        return f"footnote {num} of draft resolution {draft} (it has {_count(existing, owners[0][0])})"
    counts = [f"{name} {_count(existing, prefix)}" for prefix, name in owners[1:]]
    return f"footnote {num} ({', '.join([f'the report has {_count(existing, owners[0][0])}', *counts])})"


def _count(existing: set[str], prefix: str) -> int:
    """How many locators are ``prefix`` and a number ('para-' → the report's 11 paragraphs; items not counted)."""
    return sum(1 for locator in existing if locator.startswith(prefix) and locator[len(prefix):].isdigit())


def _locators(match: re.Match[str], draft: str | None) -> list[str]:
    kind, num, letter = match["kind"].lower(), match["num"], match["letter"]
    suffix = f"({letter})" if letter else ""
    if kind.startswith(("footnote", "fn")):
        return [f"DR-{draft}.fn-{num}"] if draft else [f"fn-{num}"]
    # with no draft named, a resolution's own paragraphs (A/HRC/RES/54/18: 'PP-2', 'OP-1'); a report has none outside its drafts
    if kind.startswith(("pp", "preambular")):
        return [f"DR-{draft}.PP-{num}"] if draft else [f"PP-{num}"]
    if draft:
        return [f"DR-{draft}.OP-{num}{suffix}"]
    if kind.startswith("op"):
        return [f"OP-{num}{suffix}"]
    # "paragraph 3" with no draft: the report's paragraph 3, or a resolution's operative paragraph 3 (its paragraphs are
    # numbered only in its operative part); only the unit that exists is kept
    return [f"para-{num}", f"OP-{num}{suffix}"] if "." not in num else []
