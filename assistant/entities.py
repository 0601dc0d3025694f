"""Finding Member States and groups of States in what users type.

Exact first: official names and aliases from ``ingest.member_states``, ignoring case,
accents, apostrophe style and "the"; longest match wins, so "Equatorial Guinea" is not
"Guinea". Then fuzzy (rapidfuzz) for a misspelt word close to exactly one name, which is
reported as such ("Egpyt" → Egypt). "US" counts only in capitals, never the pronoun "us".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from assistant.understand.lexicon import lexicon
from ingest.member_states import Roster, name_key, roster

_CASE_SENSITIVE = re.compile(
    r"(?<![A-Za-z])(?:U\.S\.A\.?|U\.S\.|US|USA)(?![A-Za-z])|(?i:(?<=\bthe )usa?\b|\busa?(?= (?:vote|voted|draft|delegation)\b)|\busa\b)"
)
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_FUZZY_CUTOFF = 80.0
_FUZZY_MARGIN = 6.0
# words a question is made of that must never be fuzzily read as a State name
_COMMON = set(
    """about above after again against also americas among and answer any are assembly abstain abstained abstaining
    abstention abstentions both but can committee context could country countries cyber cyberspace delegation did does
    document draft drafts each either first follow following from group groups have how information into list many
    member members more most name named nation nations none not other over paragraph para position positions recorded
    report resolution resolutions russian said says security show sponsor sponsored sponsors state states statement
    than that the their them then there these they this those tally text total united vote voted votes voting was were
    what when where which while who whom whose why will with would year favour favor against record records
    american russian european african asian chinese french british latin caribbean eastern western pacific chief chiefs
    chair""".split()
)


@dataclass(frozen=True)
class Mention:
    """A State or group found in text.

    Holds the canonical name (or group key), the words matched, their character span, and
    whether the match was fuzzy (a misspelling).
    """

    name: str
    surface: str
    start: int
    end: int
    kind: str  # "state" | "group"
    fuzzy: bool = False


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One alternation of every folded spelling, and the map from spelling to its entity.

    Returns:
        (the compiled alternation, spellings longest first so the longest spelling wins at a
        position; the map from spelling to (canonical name or group key, kind)).
    """
    names: Roster = roster()
    spellings: dict[str, tuple[str, str]] = {}
    for group in names.groups:
        for alias in (group.name, *group.aliases):
            spellings[name_key(alias)] = (group.key, "group")
        for alias in _with_member_nouns((group.name, *group.aliases)):
            spellings.setdefault(alias, (group.key, "group"))
    for state in names.names:
        for alias in (state, *names.aliases[state]):
            key = name_key(alias)
            if key not in {"us", "u s", "usa", "u s a"}:
                spellings.setdefault(key, (state, "state"))
    ordered = sorted(spellings, key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(k) for k in ordered) + r")(?![a-z0-9])"), spellings


def _with_member_nouns(aliases: tuple[str, ...]) -> set[str]:
    """Each alias ending in a member noun (words.toml ``member_nouns``) with every other one, folded.

    'Latin American States' → 'latin american members', 'latin american delegations', …
    """
    nouns = sorted(lexicon().member_nouns, key=len, reverse=True)
    found = set()
    for alias in map(name_key, aliases):
        noun = next((n for n in nouns if alias.endswith(f" {n}")), None)
        if noun is not None:
            found |= {f"{alias[: -len(noun)]}{other}" for other in nouns}
    return found


def _folded(text: str) -> str:
    """Per-character fold of text that keeps offsets (name_key without collapsing)."""
    return "".join(name_key(c) or " " if c.strip() else " " for c in text).ljust(len(text))[: len(text)]


def find_mentions(text: str, fuzzy: bool = True) -> list[Mention]:
    """States and groups mentioned in ``text``, in order of appearance.

    Returns:
        Mentions sorted by start offset; overlapping matches resolved longest-first.
    """
    folded = _folded(text)
    taken = [False] * len(text)
    found: list[Mention] = []
    for match in _CASE_SENSITIVE.finditer(text):
        _claim(found, taken, Mention("United States of America", match.group(), match.start(), match.end(), "state"))
    pattern, spellings = _pattern()
    for match in pattern.finditer(folded):
        if not any(taken[match.start() : match.end()]):
            name, kind = spellings[match.group()]
            _claim(found, taken, Mention(name, text[match.start() : match.end()], match.start(), match.end(), kind))
    if fuzzy:
        found.extend(_fuzzy(text, taken))
    return sorted(found, key=lambda m: m.start)


def _claim(found: list[Mention], taken: list[bool], mention: Mention) -> None:
    found.append(mention)
    for i in range(mention.start, mention.end):
        taken[i] = True


@cache
def _fuzzy_choices() -> dict[str, str]:
    choices = {name_key(n): n for n in roster().names}
    for state in roster().names:
        for alias in roster().aliases[state]:
            choices.setdefault(name_key(alias), state)
    return choices


def _fuzzy(text: str, taken: list[bool]) -> list[Mention]:
    """Misspelt State names: two-word spans first ("sierra leon"), then single words ("Egpyt")."""
    choices = _fuzzy_choices()
    words = list(_WORD_RE.finditer(text))
    spans = [(a.start(), b.end()) for a, b in zip(words, words[1:], strict=False) if text[a.end() : b.start()].strip() == ""]
    found = []
    for start, end in [*spans, *((w.start(), w.end()) for w in words)]:
        key = name_key(text[start:end])
        if len(key) < 4 or key in _COMMON or any(taken[start:end]) or key in choices or set(key.split()) & _COMMON:
            continue
        best = process.extract(key, list(choices), scorer=fuzz.ratio, limit=2, score_cutoff=_FUZZY_CUTOFF)
        if best and (len(best) == 1 or best[0][1] - best[1][1] >= _FUZZY_MARGIN or choices[best[0][0]] == choices[best[1][0]]):
            found.append(Mention(choices[best[0][0]], text[start:end], start, end, "state", fuzzy=True))
            taken[start:end] = [True] * (end - start)
    return found


def resolve_state(text: str) -> Mention | None:
    """The single Member State a short text names (e.g. a form field), or None."""
    states = [m for m in find_mentions(text) if m.kind == "state"]
    return states[0] if len(states) == 1 else None
