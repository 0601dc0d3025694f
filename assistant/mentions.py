"""'Does draft II mention the right to privacy?': whether a draft uses the words asked about, read literally.

A yes/no question about what a draft mentions is checked word by word before retrieval, so that
the nearest passage is not offered as if it were a yes. A draft mentions a term when one of its units
holds every content word of the term (stemmed: "sovereign" finds "sovereignty"). The answer to a
literal "no" still shows the nearest passage, since the draft may say the same in other words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import bm25s
import Stemmer

from assistant.language import ENGLISH_FUNCTION_WORDS
from ingest.records import Unit

MENTION_RE = re.compile(
    r"^\s*(?:does|do|did)\b.*?\b(?:mention|refer to|make (?:any )?reference to|say anything about|talk about|recall|cite|contain)\s+"
    r"(?P<term>.+?)\s*\??\s*$", re.I)
_STEMMER = Stemmer.Stemmer("english")
_SYMBOL_RE = re.compile(r"\b\d+/\d+(?:\s?[A-Z]\b)?|\b[A-Z]/[\w./-]*\d")  # resolution numbers and document symbols
_FRAME = frozenset("any anything the a an of to at all also either both draft resolution text".split())


def asked_term(question: str) -> str | None:
    """The term a 'does … mention X?' question asks about ('the right to privacy'), or None for other questions."""
    match = MENTION_RE.match(question)
    return match["term"].strip(" .") if match else None


def content_stems(term: str) -> set[str]:
    """The stems of the term's content words (function words and 'draft', 'text' … left out); empty when there are none."""
    text = _SYMBOL_RE.sub(" ", term).lower()
    words = [w for w in re.findall(r"[A-Za-z]+", text) if w not in ENGLISH_FUNCTION_WORDS and w not in _FRAME]
    return set(_stems(" ".join(words))) if words else set()


def has_content(term: str) -> bool:
    """Whether a term has a content word or a symbol to look for ('the right to privacy', '36/103'; not 'it')."""
    return bool(content_stems(term) or _SYMBOL_RE.search(term))


def mentioned_in(term: str, units: Iterable[Unit], symbols_only: bool = False) -> list[Unit]:
    """The units holding every content word and symbol of ``term`` ('36/103'), in the order given; none without either.

    With ``symbols_only`` a term with a symbol needs only the symbol ("General Assembly resolution 43/78 H" → "43/78 H").
    """
    wanted, symbols = content_stems(term), _SYMBOL_RE.findall(term)
    if symbols_only and symbols:
        wanted = set()
    if not wanted and not symbols:
        return []
    return [u for u in units if wanted <= _unit_stems(u.text) and all(s in u.text for s in symbols)]


def held_in_other_words(term: str, unit: Unit, equivalents: Iterable[tuple[re.Pattern[str], tuple[str, ...]]]) -> bool:
    """Whether ``unit`` holds ``term`` once the user's words that have an equivalent are read as the documents' words.

    ``equivalents`` are (pattern, the documents' phrases) pairs (``vocabulary.equivalents``: 'funding' → 'voluntary
    contributions', 'existing resources', …). A matched span counts as held when the unit holds one of its phrases
    (each of the phrase's content words, stemmed); the term's other content words must be in the unit as written.
    'What does the draft say about funding?' is held by "Through voluntary contributions, for the participation …".
    False when no span of the term had an equivalent held (the literal reading is ``mentioned_in``'s).
    """
    stems, rest, replaced = _unit_stems(unit.text), term, False
    for pattern, phrases in equivalents:
        if pattern.search(rest) and any((wanted := content_stems(p)) and wanted <= stems for p in phrases):
            rest, replaced = pattern.sub(" ", rest), True
    return replaced and content_stems(rest) <= stems and all(s in unit.text for s in _SYMBOL_RE.findall(rest))


def held_with_its_draft(term: str, unit: Unit, draft_stems: frozenset[str]) -> bool:
    """Whether ``unit`` holds every content word of ``term`` but one modifier, which its draft (``draft_stems``) holds.

    A paragraph names the subject by its head noun, the draft in full where it sets it up: "How many sessions a year will
    the permanent mechanism hold?" is answered by A/78/407 draft II, op. para. 3 ("the mechanism shall hold three
    sessions each year"); 'permanent' is in op. para. 1. The word missing from the unit must come right before a
    content word the unit holds ('permanent' before 'mechanism'); a missing head noun ('Which reports of the Group
    does each draft welcome?' of a paragraph welcoming its work) is not held. Terms of three content words or more.
    """
    stems = _unit_stems(unit.text)
    tokens = re.findall(r"[A-Za-z]+", _SYMBOL_RE.sub(" ", term).lower())
    content = [(i, stem) for i, w in enumerate(tokens) if w not in ENGLISH_FUNCTION_WORDS and w not in _FRAME for stem in _stems(w)[:1]]
    missing = [(i, stem) for i, stem in content if stem not in stems]
    if len({stem for _, stem in content}) < 3 or len({stem for _, stem in missing}) != 1 or missing[0][1] not in draft_stems:
        return False
    following = dict(content)  # the word right after a missing one must be a content word the unit holds
    modifies_held = all(following.get(i + 1) in stems for i, _ in missing)
    return modifies_held and all(s in unit.text for s in _SYMBOL_RE.findall(term))


def text_stems(text: str) -> frozenset[str]:
    """The stems of ``text`` (as ``mentioned_in`` reads units)."""
    return frozenset(_stems(text))


@lru_cache(maxsize=65536)
def _unit_stems(text: str) -> frozenset[str]:
    """A unit's stems, cached: one question checks the same units up to three times, and questions repeat.

    The cache holds every unit of a corpus of several hundred reports (100 reports: 9,400 units); a smaller one is
    emptied by each question that reads every unit, and the next question tokenizes them all again.
    """
    return frozenset(_stems(text))


def _stems(text: str) -> list[str]:
    return bm25s.tokenize([text], stemmer=_STEMMER, stopwords=None, show_progress=False, return_ids=False)[0]
