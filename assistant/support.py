"""The support check: every sentence is checked against the units it cites before it is shown.

A quotation must be a verbatim substring of its cited unit. Any other sentence may carry
no number and no Member State name that is absent from its cited units and from the
tool's own computed output. Citations must name units that exist and were retrieved or
produced by the tool.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answers import Sentence
from assistant.entities import find_mentions

NUMBER_RE = re.compile(r"(?<![\w/.])\d+(?:[./]\d+)*(?![\w/])")
_QUOTED_RE = re.compile(r"\u201c(.+?)\u201d", re.S)


@lru_cache(maxsize=4096)
def _states(text: str) -> frozenset[str]:
    """Canonical names of the Member States a text names (cached: unit texts repeat)."""
    return frozenset(m.name for m in find_mentions(text, fuzzy=False) if m.kind == "state")


@lru_cache(maxsize=4096)
def _numbers(text: str) -> frozenset[str]:
    return frozenset(n.rstrip(".") for n in NUMBER_RE.findall(text))


def check(sentence: Sentence, units: dict[str, str], allowed: set[str], extra: str = "", labels: dict[str, str] | None = None) -> bool:
    """Whether a sentence is supported.

    Args:
        sentence: the sentence and its citation ids.
        units: citation id → unit text, for every unit that may be cited (retrieved or tool-cited).
        allowed: citation ids that may be cited in this answer.
        extra: text the sentence may also draw on (the tool's computed facts).
        labels: citation id → display label; a sentence may name its cited units by label
            ("A/73/505, para. 9") without the label's numbers counting as claims.
    """
    if any(c not in units or c not in allowed for c in sentence.citations):
        return False
    cited = " ".join(units[c] for c in sentence.citations)
    if sentence.quote:
        quotes = _QUOTED_RE.findall(sentence.text)
        return bool(quotes) and len(sentence.citations) == 1 and all(q.rstrip(".") in cited for q in quotes)
    spoken = _QUOTED_RE.sub(" ", sentence.text)
    for citation in sentence.citations:
        label = (labels or {}).get(citation, "")
        for form in sorted({label, label.split(", ", 1)[-1]} - {""}, key=len, reverse=True):
            spoken = spoken.replace(form, " ")
    if not _numbers(spoken) <= _numbers(cited) | _numbers(extra):
        return False
    said = _states(spoken)
    return not said or said <= _states(extra).union(*(_states(units[c]) for c in sentence.citations))
