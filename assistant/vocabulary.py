"""Domain vocabulary: what users type → the words the documents use (for retrieval only).

The subject expansions live in data files (``understand/subjects/*.toml``, one per subject, each entry with an example
question): "CERT", "power grid" or "fake news" find "computer emergency response teams", "critical infrastructure" and
"false or distorted news". This module loads them once and holds the number and session words.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

SUBJECTS = Path(__file__).parent / "understand" / "subjects"


@cache
def equivalents() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """The expansions that give ``equivalents``: phrases of the documents that say what the user's words say.

    Read when grading a passage (``mentions.held_in_other_words``): 'funding' is held by a unit saying "voluntary
    contributions" or "within existing resources". Only entries that list them; ``words`` alone (for retrieval) may
    be looser ('cyber' adds 'information security'). Returns (compiled case-insensitive pattern, phrases), in file order.
    """
    found: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
    for path in sorted(SUBJECTS.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found += [(re.compile(e["pattern"], re.I), tuple(e["equivalents"])) for e in data.get("expansion", []) if e.get("equivalents")]
    return tuple(found)


@cache
def subjects() -> tuple[tuple[tuple[re.Pattern[str], str], ...], tuple[tuple[re.Pattern[str], str], ...]]:
    """The subject expansions and acronyms of every file in ``SUBJECTS`` (read and compiled once, on first use).

    Returns:
        (expansions, acronyms): each a tuple of (compiled case-insensitive pattern, the documents' words), in file order.
    """
    expansions: list[tuple[re.Pattern[str], str]] = []
    acronyms: list[tuple[re.Pattern[str], str]] = []
    for path in sorted(SUBJECTS.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        expansions += [(re.compile(e["pattern"], re.I), e["words"]) for e in data.get("expansion", [])]
        acronyms += [(re.compile(e["pattern"], re.I), e["words"]) for e in data.get("acronym", [])]
    return tuple(expansions), tuple(acronyms)

# "75th", "73rd", "1st"; and "session 75" / "75 session", where a cardinal stands for an ordinal
_ORDINAL_RE = re.compile(
    r"\b(?P<num>\d{1,2})(?:st|nd|rd|th)\b|\b(?P<before>\d{1,2})\s+(?=sessions?\b)|(?<=\bsession\s)(?P<after>\d{1,2})\b", re.I)
_SYMBOL_NAMED_RE = re.compile(r"\b[AES]/[A-Za-z0-9./-]*\d(?:/Rev\.\d+)?|\bL\.\d+(?:/Rev\.\d+)?\b")
_NUMBERED_MEETING_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", re.I)
_MEETING_RE = re.compile(r"\s*(?:plenary\s+)?meetings?\b", re.I)
_SESSION_RE = re.compile(r"\b(?P<word>[a-z]+(?:-[a-z]+)?)\s+(?:regular\s+)?sessions?\b|\bsession\s+(?P<after>[a-z]+(?:-[a-z]+)?)\b", re.I)
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_IRREGULAR = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}


def number_word(n: int) -> str:
    """The English word for ``n`` (1–99) as the documents write it: 21 → 'twenty-one', 70 → 'seventy'.

    Raises:
        ValueError: ``n`` is outside 1–99.
    """
    if not 1 <= n <= 99:
        raise ValueError(f"{n} is outside 1-99")
    if n < 10:
        return _UNITS[n - 1]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[unit - 1]}" if unit else "")


def ordinal_word(n: int) -> str:
    """The ordinal word for ``n`` (1–99) as the documents write sessions: 73 → 'seventy-third', 20 → 'twentieth'.

    Raises:
        ValueError: ``n`` is outside 1–99.
    """
    head, _, last = number_word(n).rpartition("-")
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}-{last}" if head else last


def ordinal_number(word: str) -> int | None:
    """The number an ordinal names, in words or figures ('eighth' → 8, 'twenty-first' → 21, '8th' → 8), or None."""
    word = word.lower()
    if (figures := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)) is not None:
        return int(figures[1])
    return _ORDINAL_NUMBERS.get(word)


def ordinal_words(question: str) -> list[str]:
    """The words of each numeric ordinal in the question, in order ('the 75th session' → ['seventy-fifth']).

    Left alone: numbers of three or more digits, cardinals not next to 'session', meetings (reports
    write them in figures: '31st meeting', para. 7 of A/73/505), and words the question already has
    ('the First Committee's 1st meeting' gains no second 'first').
    """
    has = set(re.findall(r"[a-z]+(?:-[a-z]+)*", question.lower()))
    found = []
    for match in _ORDINAL_RE.finditer(question):
        n = int(match["num"] or match["before"] or match["after"])
        if not 1 <= n <= 99 or _MEETING_RE.match(question, match.end()):
            continue
        if (word := ordinal_word(n)) not in found and word not in has:
            found.append(word)
    return found


def covered(question: str) -> str:
    """The question with every span the vocabulary knows blanked out (those words are not unknown)."""
    for pattern, _ in subjects()[0]:
        question = pattern.sub(" ", question)
    return question


def expand(question: str) -> str:
    """The question followed by the document's words for the user's words it contains.

    Numeric ordinals get the word the documents use ('75th session' adds 'seventy-fifth').
    """
    extra = [words for pattern, words in subjects()[0] if pattern.search(question)]
    return " ".join([question, *extra, *ordinal_words(question)])


def spell_out(question: str) -> str:
    """The question with the bodies' acronyms written as the documents write them ('the GGE' → 'the Group of Governmental Experts').

    For the dense query: the BM25 query gets the same words from ``expand``.
    """
    for pattern, words in subjects()[1]:
        question = pattern.sub(words, question)
    return question


def named_symbols(question: str) -> list[str]:
    """Document symbols the question names, lower-cased, in order: 'A/C.1/73/L.71' → ['a/c.1/73/l.71']; 'L.72' → ['l.72'].

    A short 'L.72' matches the full symbol in the text ('A/C.1/73/L.72', para. 9 of A/73/505).
    """
    return list(dict.fromkeys(m.group().lower().rstrip(".") for m in _SYMBOL_NAMED_RE.finditer(question)))


def names_symbol_of(question: str, text: str) -> bool:
    """Whether ``text`` (a unit's) holds a document symbol the question names (``named_symbols``)."""
    return any(symbol in text.lower() for symbol in named_symbols(question))


def named_meetings(question: str) -> list[str]:
    """The numbered meetings the question names, as the report writes them, in order.

    'at its 1st meeting' → ['1st meeting']; 'the 3rd plenary meeting' → ['3rd plenary meeting'];
    'the first meeting' → [] (the report writes meeting numbers in figures, para. 3 of A/73/505).
    """
    return list(dict.fromkeys(m.group().lower() for m in _NUMBERED_MEETING_RE.finditer(question)))


def named_sessions(question: str) -> list[str]:
    """The sessions the question names, as the documents write them, in order.

    'the 75th session' and 'the seventy-fifth session' → ['seventy-fifth session']; 'session 74'
    → ['seventy-fourth session']; 'its organizational session' → [].
    """
    words = {ordinal_word(n) for n in range(1, 100)}
    text = _ORDINAL_RE.sub(lambda m: ordinal_word(int(m["num"] or m["before"] or m["after"])) + (" " if m["before"] else ""), question)
    found = []
    for match in _SESSION_RE.finditer(text):
        ordinal = (match["word"] or match["after"]).lower()
        if ordinal in words and f"{ordinal} session" not in found:
            found.append(f"{ordinal} session")
    return found


_ORDINAL_NUMBERS = {ordinal_word(n): n for n in range(1, 100)}
