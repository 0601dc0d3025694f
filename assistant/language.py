"""Telling a question that is not in English, so the answer can say "English only for now".

Pure and cheap (no model, no network): a script count for Cyrillic, Arabic and CJK text, and a
stopword count for French and Spanish written in Latin letters. The rules, in order:

1. Only letters count. Emoji, digits, punctuation and document symbols ("A/C.1/73/L.37") carry
   no language, so a question made of them alone gets no notice.
2. Script: when letters of one non-Latin script (Cyrillic, Arabic, Han/Kana/Hangul) make up at
   least half of all letters, the question is in that script's language (Russian, Arabic,
   Chinese; Japanese and Korean are named when Kana or Hangul is present). An English question
   naming one State in another script ("How did Россия vote on L.37?") stays English.
3. Stopwords: for Latin-letter text, function words are counted per language. French or
   Spanish wins when it has at least ``MIN_FOREIGN_WORDS`` of its own words and more than
   English; so "How did the République démocratique du Congo vote?" stays English, while
   "Comment la France a-t-elle voté ?" is French. An opening "¿" or "¡" counts as a Spanish word.

``language_notice`` returns the message to show, or None when the question may be English.
"""

from __future__ import annotations

import re
import unicodedata

MIN_FOREIGN_WORDS = 2
SCRIPT_SHARE = 0.5
NOTICE = ("This question seems to be in {language}. Rapporteur answers questions in English only for now; "
          "please ask in English, for example: How did France vote on draft resolution I?")

_SCRIPTS: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("Russian", ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F))),
    ("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("Japanese", ((0x3040, 0x30FF), (0x31F0, 0x31FF))),
    ("Korean", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))),
    ("Chinese", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))),
)
_HAN = "Chinese"
_WORD_RE = re.compile(r"[^\W\d_]+")
_STOPWORDS: dict[str, frozenset[str]] = {
    "English": frozenset(
        "a about after against all and any are as at be been before both by can did do does during each for from had has have how "
        "i if in into is it its many more most not of on or other over say says she should than that the their them these they this "
        "those to under was were what when where which while who whom why will with would you your vote voted voting draft "
        "resolution resolutions state states countries country".split()
    ),
    "French": frozenset(
        "le la les des du de un une et est sont été être au aux sur pour par dans avec sans sous comment quel quelle quels quelles "
        "qui que quoi où quand pourquoi combien elle elles il ils ont ce cette ces son sa ses leur leurs pays projet résolution "
        "résolutions voté votée votés votent ne pas en lors selon dit entre contre abstenu abstenus abstention "
        "membres états".split()
    ),
    "Spanish": frozenset(
        "el la los las del de un una unos unas y es son fue fueron ha han al en por para sobre con sin bajo cómo como qué que cuál "
        "cuáles quién quiénes dónde cuándo cuántos cuántas porque ese esa esos esas este esta estos estas su sus país países "
        "proyecto resolución resoluciones votó votaron votación contra abstuvo abstuvieron miembros estados dice entre".split()
    ),
}
_SPANISH_OPENERS = ("¿", "¡")
ENGLISH_FUNCTION_WORDS = _STOPWORDS["English"]


def language_notice(question: str) -> str | None:
    """The "English only for now" message for a question clearly not in English, else None.

    Args:
        question: the question as typed (any length; only letters are looked at).

    Returns:
        The message, naming the language detected (Russian, Arabic, Chinese, Japanese,
        Korean, French or Spanish), or None for English, emoji, symbols and mixed questions.
        See the module docstring for the rules.
    """
    language = detect_language(question)
    return NOTICE.format(language=language) if language else None


def detect_language(question: str) -> str | None:
    """The name of the non-English language a question is clearly in, or None (see module rules)."""
    return _by_script(question) or _by_stopwords(question)


def _script_of(char: str) -> str | None:
    code = ord(char)
    for name, ranges in _SCRIPTS:
        if any(low <= code <= high for low, high in ranges):
            return name
    return None


def _by_script(text: str) -> str | None:
    """Rule 2: the non-Latin language whose letters are at least ``SCRIPT_SHARE`` of all letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    counts: dict[str, int] = {}
    for char in letters:
        script = _script_of(char)
        if script:
            counts[script] = counts.get(script, 0) + 1
    east_asian = sum(counts.get(s, 0) for s in ("Japanese", "Korean", _HAN))
    if east_asian / len(letters) >= SCRIPT_SHARE:
        return "Japanese" if counts.get("Japanese") else "Korean" if counts.get("Korean") else _HAN
    for script in ("Russian", "Arabic"):
        if counts.get(script, 0) / len(letters) >= SCRIPT_SHARE:
            return script
    return None


def _by_stopwords(text: str) -> str | None:
    """Rule 3: French or Spanish when its function words outnumber English ones (and there are enough)."""
    words = [w.casefold() for w in _WORD_RE.findall(unicodedata.normalize("NFC", text))]
    scores = {language: sum(w in vocabulary for w in words) for language, vocabulary in _STOPWORDS.items()}
    scores["Spanish"] += sum(text.count(opener) for opener in _SPANISH_OPENERS)
    foreign = max(("French", "Spanish"), key=lambda language: (scores[language], _accent_hint(text, language)))
    if scores[foreign] >= MIN_FOREIGN_WORDS and scores[foreign] > scores["English"]:
        return foreign
    return None


def _accent_hint(text: str, language: str) -> int:
    """Tie-breaker between French and Spanish: letters only one of them uses."""
    marks = {"French": "àâçèêëîïôûùœ", "Spanish": "ñ¿¡áíóú"}[language]
    return sum(text.casefold().count(c) for c in marks)
