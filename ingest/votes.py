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
from dataclasses import dataclass, field

from ingest.bodies import body as voting_body
from ingest.member_states import Roster
from ingest.records import Adoption, Intention, Position, RecordedVote, Sponsorship, Unit
from ingest.vote_sentences import PART_FORMS, Reading, read, unread

LISTS_RE = re.compile(
    r"In favour:\s*(?P<in_favour>.*?)\s*Against:\s*(?P<against>.*?)\s*Abstaining:\s*(?P<abstaining>.*?)"
    r"\s*(?=$|\n\S[^\n]*\b(?:was|were) \w+ by \d)",  # a plenary vote block ends with its result
    re.S,
)
MEETING_RE = re.compile(r"\bAt (?:the|its) (?P<meeting>\d+(?:st|nd|rd|th)(?: plenary)? meeting), on (?P<date>\d{1,2} [A-Z][a-z]+)")
SAME_MEETING_RE = re.compile(r"\bAt the same meeting\b")
CLOSING_MEETING_RE = re.compile(r"^(?P<meeting>\d+(?:st|nd|rd|th)(?: plenary)? meeting)\s+(?P<date>\d{1,2} [A-Z][a-z]+ \d{4})", re.M)
SYMBOL_IN_SECTION_RE = re.compile(r"\b(A/[\w./]+\w)")
# "On 8 November, the representative of …" (A/73/505) or "At the 15th meeting, on 20 October, the representative of …"
SPONSOR_RE = re.compile(
    r"\b[Oo]n (?P<date>\d{1,2} [A-Z][a-z]+(?: \d{4})?), the representative of (?P<intro>.+?)(?:, on behalf of (?P<sponsors>.+?),)?"
    r" (?:submitted|introduced) a draft (?:resolution|decision) entitled [\"“](?P<title>.+?)[\"”] \((?P<draft>[^)]+)\)\."
    r"(?: Subsequently, (?P<joined>.+?) joined in sponsoring the draft)?"
)
INTENTION_RE = re.compile(
    r"delegations? of (?P<names>.+?) (?:indicated|informed the Secretariat) that (?:it|they) had intended to "
    r"(?P<pos>vote in favour|vote against|abstain)"
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
    return tuple(canonical for canonical, _ in split_listed(text, roster, where))


def split_listed(text: str, roster: Roster, where: str) -> tuple[tuple[str, str], ...]:
    """Like ``split_names``, as (canonical name, name as printed) pairs ('Turkey', 'Türkiye').

    Raises:
        VoteError: naming ``where``, if a name is no Member State.
    """
    text = " ".join(text.split()).strip().rstrip(".;]").strip()
    if text.lower() in {"", "none"}:
        return ()
    names: list[tuple[str, str]] = []
    for item in (p.strip() for p in text.split(",")):
        item = re.sub(r"^and ", "", item)
        names.extend(_split_and(item, roster, where))
    return tuple(names)


def _split_and(item: str, roster: Roster, where: str) -> list[tuple[str, str]]:
    whole = roster.canonical(item)
    if whole:
        return [(whole, item)]
    for match in re.finditer(r" and ", item):
        left, right = item[: match.start()], item[match.end():]
        if roster.canonical(left) and roster.canonical(right):
            return [(roster.canonical(left), left), (roster.canonical(right), right)]  # type: ignore[list-item]
    raise VoteError(f"{where}: {item!r} is not a United Nations Member State")


@dataclass(frozen=True)
class VoteContext:
    """What the rest of the document tells about its votes.

    ``year`` completes dates written without one ("8 November" → "8 November 2018");
    ``body`` is the body that votes in this document ('First Committee', 'General Assembly',
    'Human Rights Council'); ``meeting`` and ``date`` are those of a meeting record's masthead.
    """

    symbol: str
    roster: Roster
    year: str
    body: str
    draft_titles: dict[str, str] = field(default_factory=dict)
    decision_titles: dict[str, str] = field(default_factory=dict)
    meeting: str = ""
    date: str = ""
    lenient: bool = False


@dataclass
class _Found:
    votes: list[RecordedVote] = field(default_factory=list)
    adoptions: list[Adoption] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_CHECKED_KINDS = {"report_paragraph", "passage", "adoption"}
_STATEMENT_RE = re.compile(r"^(?:The (?:President|Acting President|Chair)|(?:Mr|Mrs|Ms|Miss|Dr)\.? [^:]{1,80}\([^)]+\)):")
_CITED_REPORT_RE = re.compile(r"\bReport of the [\w\s,()-]*?Committee\s*\((?P<symbol>A/[\w./]+\w)\)")


def parse_votes(units: list[Unit], context: VoteContext) -> tuple[tuple[RecordedVote, ...], tuple[Adoption, ...], tuple[str, ...]]:
    """Every recorded vote and every adoption without a vote the document reports, in document order.

    Read from report paragraphs and sub-paragraphs, meeting-record passages that are not
    statements, and a resolution's adoption block (``ingest.vote_sentences.FORMS``).

    Returns:
        (recorded votes, adoptions without a vote, warnings): warnings only with ``context.lenient``.

    Raises:
        VoteError: naming the paragraph, if a sentence speaks of a vote or an adoption that no form
            reads (unless lenient), a list's length differs from the stated tally, a State repeats,
            a name is no Member State, or a voter is no member of the voting body that day.
    """
    by_locator = {u.locator: u for u in units}
    numbers = _draft_numbers(units)
    found, meeting, date, cited_report = _Found(), context.meeting, context.date, ""
    for unit in (u for u in units if u.kind in _CHECKED_KINDS):
        if unit.kind == "passage" and (_STATEMENT_RE.match(unit.text) or unit.text.startswith("[Subsequently")):
            cited = _CITED_REPORT_RE.search(unit.text)
            cited_report = cited["symbol"] if cited and not _STATEMENT_RE.match(unit.text) else cited_report
            _add_intentions(found, unit, context)
            continue
        cited = _CITED_REPORT_RE.search(unit.text)
        cited_report = cited["symbol"] if cited else cited_report
        meeting, date = _when(unit, context, meeting, date)
        readings = read(unit.text)
        _check_all_read(unit, readings, context, found)
        for reading in readings:
            draft = _draft_symbol(reading, unit, context, cited_report)
            number = reading.groups.get("num") or numbers.get(draft) or _only_draft(reading, context)
            if reading.tally is None:
                found.adoptions.append(_adoption(unit, reading, context, draft, number, meeting, date))
            else:
                found.votes.append(_vote(unit, reading, context, draft, number, meeting, date, by_locator))
    return tuple(found.votes), tuple(found.adoptions), tuple(found.warnings)


def _when(unit: Unit, context: VoteContext, meeting: str, date: str) -> tuple[str, str]:
    """The meeting and date in force at ``unit``: its own, the one carried from before ("At the same meeting"), or none."""
    held = MEETING_RE.search(unit.text) or CLOSING_MEETING_RE.search(unit.text)
    if held:
        day = held["date"]
        return held["meeting"], day if re.search(r"\d{4}$", day) else f"{day} {context.year}".strip()
    if unit.kind != "report_paragraph" or SAME_MEETING_RE.search(unit.text) or "(" in unit.locator:
        return meeting, date
    return "", ""


def _check_all_read(unit: Unit, readings: list[Reading], context: VoteContext, found: _Found) -> None:
    tallies = [r for r in readings if r.tally is not None]
    problems = [f"a sentence reports a vote or an adoption that could not be read: {s!r}" for s in unread(unit.text, readings)]
    if len(tallies) > 1:
        problems.append(f"{len(tallies)} recorded votes in one paragraph; each needs its own lists")
    for problem in problems:
        message = f"{unit.symbol} {unit.locator}: {problem}"
        if not context.lenient:
            raise VoteError(message)
        found.warnings.append(message)


def _draft_numbers(units: list[Unit]) -> dict[str, str]:
    """Draft symbol → its number in the recommendation, from every "(see para. N, draft resolution II)" in the text."""
    numbers: dict[str, str] = {}
    for unit in (u for u in units if u.kind == "report_paragraph"):
        for reading in read(unit.text):
            draft, number = reading.groups.get("draft"), reading.groups.get("num")
            if draft and number:
                numbers.setdefault(draft, number)
    return numbers


def _draft_symbol(reading: Reading, unit: Unit, context: VoteContext, cited_report: str) -> str:
    """The symbol of the draft voted on.

    As written in the sentence, else its section heading's ("B. Draft resolution A/C.1/78/L.12"), else the
    report a meeting record acts on, else (a resolution's own vote) the document's symbol.
    """
    if reading.groups.get("draft"):
        return reading.groups["draft"]  # type: ignore[return-value]
    if unit.kind == "report_paragraph":
        section = SYMBOL_IN_SECTION_RE.search(unit.section)
        return section[1] if section else ""
    return cited_report if unit.kind == "passage" else context.symbol


def _only_draft(reading: Reading, context: VoteContext) -> str | None:
    titles = context.decision_titles if _kind(reading) == "decision" else context.draft_titles
    return next(iter(titles)) if len(titles) == 1 else None


def _kind(reading: Reading) -> str:
    return reading.groups.get("kind") or reading.groups.get("kind2") or reading.groups.get("seekind") or "resolution"  # type: ignore[return-value]


def _resolution(reading: Reading, context: VoteContext) -> str:
    if reading.groups.get("res"):
        return reading.groups["res"].strip()  # type: ignore[union-attr]
    own = re.search(r"/RES/(?:[\w-]+/)?(\d+/\d+)", context.symbol) if reading.form.startswith("council") else None
    return own[1] if own else ""


_OUTCOMES = {"retain": "retained", "delete": "deleted"}


def _vote(unit, reading, context, draft, number, meeting, date, by_locator) -> RecordedVote:  # type: ignore[no-untyped-def]
    where = f"{unit.symbol} {unit.locator}"
    lists = LISTS_RE.search(unit.text)
    if not lists:
        raise VoteError(f"{where}: recorded vote without In favour / Against / Abstaining lists")
    found = {p: split_listed(lists[p], context.roster, f"{where} ({p.replace('_', ' ')})") for p in ("in_favour", "against", "abstaining")}
    names = {p: tuple(c for c, _ in listed) for p, listed in found.items()}
    _check_lists(where, names, reading.tally, context, date)  # type: ignore[arg-type]
    notes = [by_locator[f] for f in unit.footnotes if f in by_locator]
    kind = _kind(reading)
    titles = context.decision_titles if kind == "decision" else context.draft_titles
    outcome = reading.groups["outcome"].lower()  # type: ignore[union-attr]
    return RecordedVote(
        symbol=unit.symbol, draft_symbol=draft, draft_number=number, draft_kind=kind,  # type: ignore[arg-type]
        title=titles.get(number or "", ""), date=date, meeting=meeting, locator=unit.locator, stated=reading.tally,
        in_favour=names["in_favour"], against=names["against"], abstaining=names["abstaining"],
        footnotes=unit.footnotes, intentions=tuple(i for note in notes for i in parse_intentions(note, context.roster)),
        body=context.body, electorate=len(voting_body(context.body).members(date or context.year)),
        whole=reading.form not in PART_FORMS, subject=(reading.groups.get("subject") or "").strip(),
        outcome=_OUTCOMES.get(outcome, outcome), resolution=_resolution(reading, context),
        printed=tuple((c, p) for listed in found.values() for c, p in listed if c != p),
    )


def _check_lists(where: str, names: dict[str, tuple[str, ...]], stated: tuple[int, int, int], context: VoteContext, date: str) -> None:
    for (position, listed), count in zip(names.items(), stated, strict=True):
        if len(listed) != count:
            raise VoteError(f"{where}: {len(listed)} States listed {position.replace('_', ' ')}, but the text states {count}")
    everyone = [n for listed in names.values() for n in listed]
    repeated = sorted({n for n in everyone if everyone.count(n) > 1})
    if repeated:
        raise VoteError(f"{where}: listed twice: {', '.join(repeated)}")
    try:
        members = set(voting_body(context.body).members(date or context.year))
    except ValueError as error:
        raise VoteError(f"{where}: {error}") from error
    outsiders = [n for n in everyone if n not in members]
    if outsiders:
        raise VoteError(f"{where}: not members of the {context.body} on {date or context.year}: {', '.join(outsiders)}")


def _adoption(unit, reading, context, draft, number, meeting, date) -> Adoption:  # type: ignore[no-untyped-def]
    return Adoption(
        symbol=unit.symbol, draft_symbol=draft, draft_number=number, draft_kind=_kind(reading), body=context.body,  # type: ignore[arg-type]
        date=date, meeting=meeting, locator=unit.locator, resolution=_resolution(reading, context),
    )


def _add_intentions(found: _Found, unit: Unit, context: VoteContext) -> None:
    """A meeting record's "[Subsequently, the delegation of X informed the Secretariat …]" joins the vote before it."""
    intentions = parse_intentions(unit, context.roster)
    if intentions and found.votes:
        last = found.votes[-1]
        found.votes[-1] = last.model_copy(update={"intentions": last.intentions + intentions, "footnotes": (*last.footnotes, unit.locator)})


def parse_intentions(footnote: Unit, roster: Roster) -> tuple[Intention, ...]:
    """Statements in a footnote that a delegation "had intended to vote in favour / abstain"."""
    found = []
    for match in INTENTION_RE.finditer(footnote.text):
        for state in split_names(match["names"], roster, f"{footnote.symbol} {footnote.locator}"):
            found.append(Intention(state=state, intended=_INTENDED[match["pos"]], footnote=footnote.locator, text=footnote.text))
    return tuple(found)


def _printed(listed: list[tuple[tuple[str, str], ...]]) -> tuple[tuple[str, str], ...]:
    """(canonical name, name as printed) where they differ other than by a leading 'the' ('Turkey', 'Türkiye')."""
    pairs = ((c, re.sub(r"^the ", "", p)) for names in listed for c, p in names)
    return tuple(dict.fromkeys((c, p) for c, p in pairs if re.sub(r"^the ", "", c) != p))


INTRODUCED_RE = re.compile(r"\b(?:submitted|introduced) (?:a |the )?draft (?:resolution|decision)\b")


def unread_sponsorships(units: list[Unit]) -> tuple[str, ...]:
    """Warnings for report paragraphs that say a draft was introduced but that ``SPONSOR_RE`` cannot read.

    Not dropped in silence: ``ParsedDocument.warnings``, printed by ingest.
    """
    return tuple(f"{u.symbol} {u.locator}: a paragraph introduces a draft but its introducer, sponsors or date could not "
                 f"be read: {u.text[:160]!r}" for u in units if u.kind == "report_paragraph"
                 and INTRODUCED_RE.search(u.text.replace("\n", " ")) and not SPONSOR_RE.search(u.text.replace("\n", " ")))


def parse_sponsorships(units: list[Unit], roster: Roster, year: str) -> tuple[Sponsorship, ...]:
    """Every "submitted a draft resolution entitled …" paragraph, in document order.

    A draft submitted with no "on behalf of" list is sponsored by the introducer's State alone.

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
        listed = [split_listed(match[part] or "", roster, where) for part in ("intro", "sponsors", "joined")]
        found.append(Sponsorship(
            symbol=unit.symbol, draft_symbol=match["draft"], title=match["title"],
            introduced_by=listed[0][0][0], introduced_on=date, locator=unit.locator,
            # "the representative of Brazil submitted a draft decision" with no "on behalf of": its own State alone
            sponsors=tuple(c for c, _ in listed[1] or listed[0]),
            joined_later=tuple(c for c, _ in listed[2]),
            printed=_printed(listed),
        ))
    return tuple(found)
