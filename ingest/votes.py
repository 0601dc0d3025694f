"""Recorded votes, sponsorships and footnoted voting intentions, read from report paragraphs.

A vote paragraph reads "… adopted draft resolution SYMBOL by a recorded vote of 109 to 45,
with 16 abstentions (see para. 11, draft resolution I). The voting was as follows:" and
carries the three lists "In favour: … Against: … Abstaining: …". A sponsorship paragraph
reads "On DATE, the representative of STATE, on behalf of A, B and C, submitted a draft
resolution entitled "TITLE" (SYMBOL). Subsequently, D and E joined in sponsoring …".
Every State name must resolve to a Member State and every list must match its stated
tally, or parsing fails: a wrong count must never reach an answer.
"""

from __future__ import annotations

import re

from ingest.member_states import Roster
from ingest.records import Intention, Position, RecordedVote, Sponsorship, Unit

TALLY_RE = re.compile(
    r"adopted draft (?:resolution|decision) (?P<draft>\S+?) by a recorded vote of (?P<yes>\d+) to (?P<no>\d+),"
    r" with (?P<abst>\d+) abstentions?(?: \(see [^)]*?draft (?:resolution|decision) (?P<num>[IVX]+)\))?"
)
LISTS_RE = re.compile(r"In favour:\s*(?P<in_favour>.*?)\s*Against:\s*(?P<against>.*?)\s*Abstaining:\s*(?P<abstaining>.*)$", re.S)
MEETING_RE = re.compile(r"\bAt (?:the|its) (?P<meeting>\d+(?:st|nd|rd|th)(?: plenary)? meeting), on (?P<date>\d{1,2} [A-Z][a-z]+)")
SAME_MEETING_RE = re.compile(r"\bAt the same meeting\b")
SPONSOR_RE = re.compile(
    r"On (?P<date>\d{1,2} [A-Z][a-z]+(?: \d{4})?), the representative of (?P<intro>.+?), on behalf of (?P<sponsors>.+?),"
    r" (?:submitted|introduced) a draft (?:resolution|decision) entitled [\"“](?P<title>.+?)[\"”] \((?P<draft>[^)]+)\)\."
    r"(?: Subsequently, (?P<joined>.+?) joined in sponsoring the draft)?"
)
INTENTION_RE = re.compile(
    r"delegations? of (?P<names>.+?) indicated that (?:it|they) had intended to (?P<pos>vote in favour|vote against|abstain)"
)
_INTENDED: dict[str, Position] = {"vote in favour": "in_favour", "vote against": "against", "abstain": "abstaining"}


class VoteError(ValueError):
    """A vote or sponsorship paragraph that cannot be read exactly."""


def split_names(text: str, roster: Roster, where: str) -> tuple[str, ...]:
    """Split "A, B, the C and D." into canonical Member State names, in order.

    " and " splits only where both sides are Member States, so "Bosnia and Herzegovina"
    stays whole. "None" gives an empty tuple.

    Raises:
        VoteError: naming ``where``, if a name is no Member State.
    """
    text = text.strip().rstrip(".").strip()
    if text.lower() in {"", "none"}:
        return ()
    names: list[str] = []
    for item in (p.strip() for p in text.split(",")):
        item = re.sub(r"^and ", "", item)
        names.extend(_split_and(item, roster, where))
    return tuple(names)


def _split_and(item: str, roster: Roster, where: str) -> list[str]:
    whole = roster.canonical(item)
    if whole:
        return [whole]
    for match in re.finditer(r" and ", item):
        left, right = roster.canonical(item[: match.start()]), roster.canonical(item[match.end():])
        if left and right:
            return [left, right]
    raise VoteError(f"{where}: {item!r} is not a United Nations Member State")


def parse_votes(units: list[Unit], roster: Roster, year: str, draft_titles: dict[str, str]) -> tuple[RecordedVote, ...]:
    """Every recorded vote reported in the report paragraphs, in document order.

    ``year`` completes dates written without one ("8 November" → "8 November 2018").

    Raises:
        VoteError: if a list's length differs from the stated tally, a State repeats,
            or a name is no Member State.
    """
    by_locator = {u.locator: u for u in units}
    votes, meeting, date = [], "", ""
    for unit in (u for u in units if u.kind == "report_paragraph"):
        held = MEETING_RE.search(unit.text)
        if held:
            meeting, date = held["meeting"], f"{held['date']} {year}"
        tally = TALLY_RE.search(unit.text)
        if not tally:
            continue
        if not SAME_MEETING_RE.search(unit.text) and not held:
            meeting, date = "", ""
        votes.append(_vote(unit, tally, roster, meeting, date, by_locator, draft_titles))
    return tuple(votes)


def _vote(unit, tally, roster, meeting, date, by_locator, draft_titles) -> RecordedVote:  # type: ignore[no-untyped-def]
    where = f"{unit.symbol} {unit.locator}"
    lists = LISTS_RE.search(unit.text)
    if not lists:
        raise VoteError(f"{where}: recorded vote without In favour / Against / Abstaining lists")
    stated = (int(tally["yes"]), int(tally["no"]), int(tally["abst"]))
    found = {p: split_names(lists[p], roster, f"{where} ({p.replace('_', ' ')})") for p in ("in_favour", "against", "abstaining")}
    for (position, names), count in zip(found.items(), stated, strict=True):
        if len(names) != count:
            raise VoteError(f"{where}: {len(names)} States listed {position.replace('_', ' ')}, but the text states {count}")
    everyone = [n for names in found.values() for n in names]
    repeated = sorted({n for n in everyone if everyone.count(n) > 1})
    if repeated:
        raise VoteError(f"{where}: listed twice: {', '.join(repeated)}")
    notes = [by_locator[f] for f in unit.footnotes if f in by_locator]
    number = tally["num"] or (next(iter(draft_titles)) if len(draft_titles) == 1 else None)  # a report with one draft
    return RecordedVote(
        symbol=unit.symbol, draft_symbol=tally["draft"], draft_number=number,
        title=draft_titles.get(number or "", ""), date=date, meeting=meeting, locator=unit.locator,
        stated=stated, in_favour=found["in_favour"], against=found["against"], abstaining=found["abstaining"],
        footnotes=unit.footnotes, intentions=tuple(i for note in notes for i in parse_intentions(note, roster)),
    )


def parse_intentions(footnote: Unit, roster: Roster) -> tuple[Intention, ...]:
    """Statements in a footnote that a delegation "had intended to vote in favour / abstain"."""
    found = []
    for match in INTENTION_RE.finditer(footnote.text):
        for state in split_names(match["names"], roster, f"{footnote.symbol} {footnote.locator}"):
            found.append(Intention(state=state, intended=_INTENDED[match["pos"]], footnote=footnote.locator, text=footnote.text))
    return tuple(found)


def parse_sponsorships(units: list[Unit], roster: Roster, year: str) -> tuple[Sponsorship, ...]:
    """Every "submitted a draft resolution entitled …" paragraph, in document order.

    Raises:
        VoteError: if a sponsor is no Member State.
    """
    found = []
    for unit in (u for u in units if u.kind == "report_paragraph"):
        match = SPONSOR_RE.search(unit.text.replace("\n", " "))
        if not match:
            continue
        where = f"{unit.symbol} {unit.locator}"
        date = match["date"] if re.search(r"\d{4}$", match["date"]) else f"{match['date']} {year}"
        found.append(Sponsorship(
            symbol=unit.symbol, draft_symbol=match["draft"], title=match["title"],
            introduced_by=split_names(match["intro"], roster, where)[0], introduced_on=date, locator=unit.locator,
            sponsors=split_names(match["sponsors"], roster, where),
            joined_later=split_names(match["joined"] or "", roster, where),
        ))
    return tuple(found)
