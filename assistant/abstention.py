"""Deciding that the documents do not hold the answer, after retrieval (pure functions).

Two signals: a name the question relies on that the documents never use (a capitalised
word such as "Tallinn" or "Budapest" that is in no unit, once State names, draft names
and the domain vocabulary are set aside), and a best dense similarity below the
calibrated threshold (set with ``python -m evals.calibrate``, not by hand).

Lower-case words are deliberately not a signal: users paraphrase ("arsenals", "smear",
"water systems"), and on the eval suite and held-out set 302 of 441 answerable questions
carry at least one content word that no unit uses and the vocabulary does not cover. Whole
kinds of question the documents never answer (other agenda items such as nuclear weapons,
later documents, incident figures, the content of cited documents) are recognised before
retrieval by ``assistant.scope``.
"""

from __future__ import annotations

import re

from assistant.vocabulary import covered

# Calibrated by `python -m evals.calibrate` on evals/qa (see evals/reports/calibration.md).
MIN_SIMILARITY = 0.38
MIN_BM25 = 2.0  # a BM25 score at or above this answers even when the dense similarity is low
_CAPITALISED_RE = re.compile(r'(?<![.?!]\s)(?<![(“"])(?<!^)\b[A-Z][A-Za-z]{2,}\b')


def unknown_names(masked: str, vocabulary: set[str]) -> list[str]:
    """Capitalised words of the question (not sentence-initial) that no unit uses.

    Args:
        masked: the question with State, group and draft names blanked (they are known names).
        vocabulary: lower-cased words of every unit's text.
    """
    text = covered(masked)
    found = []
    for match in _CAPITALISED_RE.finditer(text):
        word = match.group()
        if word.lower() not in vocabulary and word.lower().rstrip("s") not in vocabulary:
            found.append(word)
    return found


def too_far(similarity: float | None, bm25: float = 0.0, threshold: float = MIN_SIMILARITY, bm25_floor: float = MIN_BM25) -> bool:
    """Whether the best passages are too far to answer from.

    True for a low dense similarity (None: no dense score) with no strong BM25 match either.
    """
    return (similarity is None or similarity < threshold) and bm25 < bm25_floor


def missing_reason(labels: list[str]) -> str:
    """The abstention reason for paragraphs the question names that the documents do not have.

    Args:
        labels: from ``Retriever.missing_references``, e.g. ['preambular paragraph 25 of draft resolution I (it has 21)'].

    Returns:
        'The documents have no preambular paragraph 25 of draft resolution I (it has 21).'; '' for no labels.
    """
    if not labels:
        return ""
    named = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]
    return f"The documents have no {named}."
