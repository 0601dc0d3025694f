"""Metric functions (pure, over ids and strings; no LLM judge).

Relevance is given as locators: ``gold_sets`` is a list of acceptable sets of gold locators;
``retrieved`` and ``cited`` are locator lists, best first.
"""

from __future__ import annotations

import re
import statistics

from assistant.entities import find_mentions
from assistant.support import NUMBER_RE

ABSTAIN_MARK = "do not cover"


def required_facts(answer: str, must_include: list[str], must_not_include: list[str]) -> tuple[list[str], list[str]]:
    """(missing required strings, forbidden strings present), case-insensitive and apostrophe-blind."""
    folded = _fold(answer)
    missing = [s for s in must_include if _fold(s) not in folded]
    present = [s for s in must_not_include if _fold(s) in folded]
    return missing, present


def _fold(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").casefold()


def recall_at(retrieved: list[str], gold_sets: list[set[str]], k: int) -> float | None:
    """1.0 if any gold locator of the main gold set (or an alternative) is in the top ``k``; None without gold."""
    if not gold_sets:
        return None
    top = set(retrieved[:k])
    return 1.0 if any(top & g for g in gold_sets) else 0.0


def reciprocal_rank(retrieved: list[str], gold_sets: list[set[str]]) -> float | None:
    """1/rank of the first retrieved locator in any gold set; 0 if none; None without gold."""
    if not gold_sets:
        return None
    wanted = set().union(*gold_sets)
    return next((1.0 / n for n, loc in enumerate(retrieved, 1) if loc in wanted), 0.0)


def citation_precision(cited: list[str], gold_sets: list[set[str]]) -> float | None:
    """Best |C ∩ G| / |C| over the gold sets; None without citations or gold."""
    if not cited or not gold_sets:
        return None
    return max(len(set(cited) & g) / len(set(cited)) for g in gold_sets)


def citation_recall(cited: list[str], gold_sets: list[set[str]]) -> float | None:
    """Best |C ∩ G| / |G| over the alternative gold sets; None without gold."""
    if not gold_sets:
        return None
    return max(len(set(cited) & g) / len(g) for g in gold_sets if g)


def invalid_citations(cited_ids: list[str], known_ids: set[str], allowed_ids: set[str]) -> int:
    """Cited ids that do not exist or were neither retrieved nor produced by the tool."""
    return sum(1 for c in cited_ids if c not in known_ids or c not in allowed_ids)


def ungrounded_tokens(answer_body: str, cited_texts: list[str], tool_output: str = "", labels: list[str] | None = None) -> list[str]:
    """Numbers and State names in the answer that appear in no cited unit and not in the tool's output.

    Citation labels ('draft resolution I, operative para. 1.6') are citation data, not claims: removed first.
    """
    for label in sorted(labels or [], key=len, reverse=True):
        answer_body = answer_body.replace(label, " ").replace(label.split(", ", 1)[-1], " ")
    source = " ".join(cited_texts) + " " + tool_output
    numbers = {n.rstrip(".") for n in NUMBER_RE.findall(answer_body)} - {n.rstrip(".") for n in NUMBER_RE.findall(source)}
    spoken = {m.name for m in find_mentions(answer_body, fuzzy=False) if m.kind == "state"}
    known = {m.name for m in find_mentions(source, fuzzy=False) if m.kind == "state"}
    return sorted(numbers) + sorted(spoken - known)


def abstained(answer: str) -> bool:
    """Whether an answer says the documents do not cover the question."""
    return ABSTAIN_MARK in answer.casefold()


def precision_recall(pairs: list[tuple[bool, bool]]) -> tuple[float, float]:
    """(precision, recall) of predicted vs true flags, e.g. (abstained, should abstain)."""
    tp = sum(1 for p, t in pairs if p and t)
    predicted, actual = sum(1 for p, _ in pairs if p), sum(1 for _, t in pairs if t)
    return (tp / predicted if predicted else 1.0, tp / actual if actual else 1.0)


def mean(values: list[float | None]) -> float | None:
    """Mean of the values that are not None (None if there are none)."""
    present = [v for v in values if v is not None]
    return statistics.fmean(present) if present else None


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100) by nearest rank; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def words(text: str) -> int:
    """Number of words in a text (for report sizes)."""
    return len(re.findall(r"\w+", text))
