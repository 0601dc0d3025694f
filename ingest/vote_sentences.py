"""The sentences that report a vote or an adoption, in every form this family of documents writes them.

Each form is a named pattern with the example it was written from (``FORMS``); ``read`` finds
them in a unit's text, and ``unread`` returns the sentences that speak of a vote or an
adoption but match no form, so that ingest can refuse them instead of dropping them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TALLY = r"(?P<yes>\d+) to (?P<no>\d+)(?:,? with (?P<abst>\d+|no) abstentions?)?"
_SEE = r"(?:[^()]*?\(see [^)]*?draft (?P<seekind>resolution|decision) (?P<num>[IVX]+)\))?"
_REVISED = r"(?:,? as (?:orally )?(?:revised|corrected|amended)(?: orally)?,?)?"
_DRAFT = r"(?:draft (?P<kind>resolution|decision) (?P<draft>A/[\w./]+\w)|the draft (?P<kind2>resolution|decision)|it)(?: as a whole)?"


class Form(NamedTuple):
    """One way of writing a vote or an adoption: its name, pattern and the example it reads."""

    name: str
    pattern: re.Pattern[str]
    example: str


FORMS: tuple[Form, ...] = (
    Form("committee_tally", re.compile(rf"\b(?P<outcome>adopted|rejected) {_DRAFT}{_REVISED} by a recorded vote of {_TALLY}{_SEE}"),
         "At the same meeting, the Committee adopted draft resolution A/C.1/73/L.27/Rev.1 by a recorded vote of 109 to 45, "
         "with 16 abstentions (see para. 11, draft resolution I)."),
    Form("part_tally", re.compile(
        rf"\bBy a recorded vote of {_TALLY}, the (?:Committee|Assembly|Council) decided to (?P<outcome>retain|delete) "
        r"(?P<subject>.+?)(?: of (?:the )?draft (?:resolution|decision)(?: (?P<draft>A/[\w./]+\w))?)?(?:\.(?!\w)|$)"),
         "(a) By a recorded vote of 92 to 52, with 24 abstentions, the Committee decided to retain operative paragraph 1 "
         "of the draft resolution."),
    Form("amendment_tally", re.compile(
        rf"\b(?P<outcome>adopted|rejected) (?P<subject>(?:the )?(?:proposed |oral |draft )?amendments? .*?)"
        rf" by a recorded vote of {_TALLY}"),
         "At the same meeting, the Committee rejected the draft amendment contained in document A/C.1/78/L.80 by a recorded vote of "
         "50 to 80, with 10 abstentions."),
    Form("committee_without_vote", re.compile(rf"\b(?P<outcome>adopted) {_DRAFT}{_REVISED} without a vote{_SEE}"),
         "At its 28th meeting, on 2 November, the Committee adopted draft resolution A/C.1/73/L.9 without a vote "
         "(see para. 14, draft resolution III)."),
    Form("plenary_tally", re.compile(
        r"\bDraft (?P<kind>resolution|decision)(?: (?P<num>[IVX]+|[A-Z]))? was (?P<outcome>adopted|rejected) by (?P<yes>\d+) votes? "
        r"to (?P<no>\d+)(?:,? with (?P<abst>\d+|no) abstentions?)?(?: \((?:resolution|decision) (?P<res>\d+/[\w ]+?)\))?(?=[.;]|$)"),
         "Draft resolution I was adopted by 119 votes to 46, with 14 abstentions (resolution 73/27)."),
    Form("plenary_without_vote", re.compile(
        r"\bDraft (?P<kind>resolution|decision)(?: (?P<num>[IVX]+|[A-Z]))? was (?P<outcome>adopted)(?: without a vote)?"
        r" \((?:resolution|decision) (?P<res>\d+/[\w ]+?)\)"),
         "Draft resolution III was adopted (resolution 73/29)."),
    Form("council_tally", re.compile(rf"\[(?P<outcome>Adopted) by a recorded vote of {_TALLY}\."),
         "[Adopted by a recorded vote of 28 to 13, with 6 abstentions. The voting was as follows: In favour: …]"),
    Form("council_without_vote", re.compile(r"\[(?P<outcome>Adopted) without a vote\.?\]"),
         "[Adopted without a vote.]"),
)
TALLY_FORMS = {"committee_tally", "part_tally", "amendment_tally", "plenary_tally", "council_tally"}
PART_FORMS = {"part_tally", "amendment_tally"}  # votes on a part of a draft or on an amendment, not on the draft as a whole
# A sentence reports a vote or an adoption when it names an outcome and a way of deciding (a tally, a recorded vote,
# no vote) or is a plenary "Draft … was adopted"; "statements in explanation of vote after the draft was adopted" is not one
_SPEAKS_OF_VOTE_RE = re.compile(
    r"\brecorded vote\b|\bwithout a vote\b|\bby a vote of\b|\b\d+ votes?\b|\b\d+ to \d+\b"
    r"|^\[?Draft (?:resolution|decision)\b.*\bwas\b", re.I,
)
_OUTCOME_RE = re.compile(r"\b(?:adopted|rejected|retain(?:ed)?|delete[ds]?|approved)\b", re.I)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?\]])\s+(?=[A-Z\[(])")


class Reading(NamedTuple):
    """One vote or adoption sentence read: the form's name, its named groups, and where it stands in the text."""

    form: str
    groups: dict[str, str | None]
    start: int
    end: int

    @property
    def tally(self) -> tuple[int, int, int] | None:
        """(in favour, against, abstaining) as stated, or None for an adoption without a vote."""
        if self.form not in TALLY_FORMS:
            return None
        abst = self.groups.get("abst") or "0"
        return int(self.groups["yes"] or 0), int(self.groups["no"] or 0), 0 if abst == "no" else int(abst)


def read(text: str) -> list[Reading]:
    """Every vote or adoption sentence in ``text`` that a form reads, in text order (one reading per place)."""
    found: list[Reading] = []
    flat = text.replace("\n", " ")
    for form in FORMS:
        for match in form.pattern.finditer(flat):
            if not any(r.start <= match.start() < r.end or match.start() <= r.start < match.end() for r in found):
                found.append(Reading(form.name, match.groupdict(), match.start(), match.end()))
    return sorted(found, key=lambda r: r.start)


def unread(text: str, readings: list[Reading]) -> list[str]:
    """Sentences of ``text`` that speak of a vote or an adoption but that no reading covers."""
    flat, missed, start = text.replace("\n", " "), [], 0
    for sentence in _SENTENCE_END_RE.split(flat):
        begin = flat.index(sentence, start)
        start = begin + len(sentence)
        if _SPEAKS_OF_VOTE_RE.search(sentence) and _OUTCOME_RE.search(sentence):
            if not any(r.start < start and begin < r.end for r in readings):
                missed.append(sentence.strip())
    return missed
