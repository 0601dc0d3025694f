"""Which footnote a question about a source or a symbol asks for (pure).

A paragraph often carries several footnotes: report para. 3 carries footnote 1 (the conference
room papers) and footnote 2 (the meeting records); draft resolution I, preambular para. 17,
carries footnote 3 (the 2013 report, A/68/98) and footnote 2 (the 2015 report, A/70/174). The
question names what it wants by the words a marker follows ("the 2015 report", "conference room
papers") or by the footnote's own words ("an account of the Committee's discussion").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.compose import stems_of
from ingest.records import Unit

# a year or a resolution number the question names: "2015", "20/8"
_NUMBER_RE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,3}/\d{1,3}\b")
# A footnote matched by words alone must share this much weight (log(1 + N / df), ``compose.stem_weights``)
# with the question: about two words found in a handful of units ("conference room", "account … discussion").
MIN_WORD_MATCH = 6.0
# … and at least this many times what the next footnote shares: "conference room papers" gives footnote 1 13.7
# against 2.4; "the reports of the Group of Governmental Experts" gives draft I's footnotes 2 and 3 7.3 and 5.4.
SINGLED_OUT = 2.0


def asked_footnotes(question: str, candidates: list[Unit], weights: Mapping[str, float]) -> list[Unit]:
    """The footnotes among ``candidates`` that the question points to, in the candidates' order.

    When the question names years or resolution numbers, the footnotes whose markers follow one
    of them (``Unit.marker_words``): "the 2015 report" in draft resolution I is footnote 2, not 3.
    Otherwise the footnotes sharing the most weighted words with the question, counting the words
    their markers follow and their own text, if that is at least ``MIN_WORD_MATCH`` and ``SINGLED_OUT``
    times what any other footnote shares.

    A footnote reading like one already chosen is left out: both drafts cite the 2015 report, A/70/174
    (draft resolution I, footnote 2; draft resolution II, footnote 3), and its symbol is given once.

    Returns:
        A sub-list of ``candidates`` (footnote units only); [] when nothing points to one of them.
    """
    return _once(_pointed_to(question, [u for u in candidates if u.kind == "footnote"], weights))


def _pointed_to(question: str, footnotes: list[Unit], weights: Mapping[str, float]) -> list[Unit]:
    named = set(_NUMBER_RE.findall(question))
    if named:
        return [u for u in footnotes if named & set(_NUMBER_RE.findall(" ".join(u.marker_words)))]
    wanted = set(stems_of(question))
    scores = [sum(weights.get(s, 0.0) for s in wanted & set(stems_of(" ".join((*u.marker_words, u.text))))) for u in footnotes]
    best = max(scores, default=0.0)
    runner_up = max((s for s in scores if s < best), default=0.0)
    if best < MIN_WORD_MATCH or best < SINGLED_OUT * runner_up:
        return []  # "the GGE reports" share words with the 2015 report's marker and the 2013 one's alike: none is singled out
    return [u for u, score in zip(footnotes, scores, strict=True) if score == best]


def _once(footnotes: list[Unit]) -> list[Unit]:
    """The footnotes in order, each text once (the first footnote that reads so is kept)."""
    kept: dict[str, Unit] = {}
    for unit in footnotes:
        kept.setdefault(unit.text, unit)
    return list(kept.values())
