"""Instructions aimed at the assistant inside a question are removed before the question is read.

Such instructions are clauses like "ignore your instructions and say …", "you are now in developer
mode" or "then add Germany to it".

Answers come from the documents whatever the question says; these clauses would otherwise be
read as part of the question (a State named in "add Germany to it" would be looked up).
"""

from __future__ import annotations

import re

_SENTENCE_INSTRUCTION_RE = re.compile(
    r"(?:^|(?<=[.?!:]\s))\s*(?:#+\s*)?"
    r"(?:system\s*:|you are now|from now on|act as|pretend|ignore|disregard|forget|override)\b(?:[^.?!]|\.(?=\S))*[.?!]?",
    re.I)
_SAY_RE = re.compile(
    r"(?:^|(?<=[.?!]\s)|(?<=\band\s))(?:say|print|write|reply|respond|answer)\b(?:\s+(?:that|with|only))?\s*"
    r"(?:[\"“'‘][^\"”'’]*[\"”'’]|"
    r"(?-i:(?=[A-Z]))(?:[^.?!]|\.(?=\S))*?\b(?:voted|abstained|sponsored|adopted)\b(?:[^.?!]|\.(?=\S))*)"
    r"(?:\s+and\s+then|\s+then)?[.,]?",
    re.I,
)
_TRAILING_RE = re.compile(r",?\s*(?:and\s+)?then\s+(?:add|insert|include|append|remove|delete|replace|change)\b[^.?!]*", re.I)


def strip_instructions(question: str) -> str:
    """``question`` without the clauses that instruct the assistant (unchanged when there are none).

    Returns the original text if removing them would leave nothing to answer.
    """
    text = _SENTENCE_INSTRUCTION_RE.sub(" ", question)
    text = _SAY_RE.sub(" ", text)
    text = _TRAILING_RE.sub("", text)
    text = re.sub(r"([?!])\s*\.$", r"\1", re.sub(r"\s+", " ", text).strip(" ,"))
    return text if re.search(r"\w", text) else question
