"""Misspelt vote and document words read as the word meant ("resolutoin" → "resolution").

A word of the question is corrected when it is at least ``MIN_LENGTH`` letters long, is neither a
word of the documents nor an English function word, and is one edit (Damerau-Levenshtein: a letter
added, dropped or changed, or two neighbouring letters swapped) from one of the words that vote, sponsorship and
paragraph questions turn on (words.toml ``spelling_words``) or an adjective of a State that introduced a draft of the
corpus (``targets``, from its records: "the rusian draft"). State names have their own fuzzy matching
(``assistant.entities``); this module leaves them alone because none is one edit from these words.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from assistant.understand.lexicon import lexicon

MIN_LENGTH = 6
_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def correct_spelling(question: str, known: Collection[str], targets: Collection[str] = ()) -> tuple[str, list[tuple[str, str]]]:
    """The question with misspelt vote and document words corrected, and the corrections made.

    Args:
        question: the question as typed.
        known: lower-case words that are never corrected (the documents' words and English function words).
        targets: words a misspelling may be read as beside words.toml's ``spelling_words`` (the introducers'
            adjectives, ``introducer_adjectives``).

    Returns:
        (corrected question, [(as typed, read as)] in order); the question is unchanged when nothing is corrected.
    """
    fixes: list[tuple[str, str]] = []
    words = (*lexicon().spelling_words, *targets)

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        meant = _meant(word.lower(), known, words)
        if meant is None:
            return word
        meant = meant.capitalize() if word[:1].isupper() else meant
        fixes.append((word, meant))
        return meant

    return _WORD_RE.sub(fix, question), fixes


def _meant(word: str, known: Collection[str], words: tuple[str, ...]) -> str | None:
    singular = word.removesuffix("s")
    if len(word) < MIN_LENGTH or word in known or singular in known or {word, word + "s", singular} & set(words):
        return None  # a plural or singular of a listed word is no misspelling
    found = process.extractOne(word, words, scorer=DamerauLevenshtein.distance, score_cutoff=1)
    return found[0] if found else None


def introducer_adjectives(introducers: Collection[str]) -> tuple[str, ...]:
    """The one-word adjectives of the States that introduced drafts ('Russian Federation' → 'russian').

    From words.toml's demonyms and ingest/data/demonyms.json.
    """
    forms = lexicon().demonym_forms
    return tuple(sorted({f for state in introducers for f in forms.get(state, ()) if f.isalpha()}))


def spelling_note(fixes: list[tuple[str, str]]) -> str:
    """'Reading “resolutoin” as “resolution”.' for the corrections ``correct_spelling`` made."""
    return "Reading " + ", ".join(f"\u201c{typed}\u201d as \u201c{meant}\u201d" for typed, meant in fixes) + "."
