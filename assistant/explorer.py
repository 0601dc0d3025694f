"""Data for the votes explorer (pure): tallies, the table of Member States, the cross-table.

Every recorded vote of every document can be explored: votes on drafts as a whole, separate votes
on a paragraph, the Human Rights Council's and the plenary's. Tallies are out of the voting body's
membership on the day (193 Member States; the Council's 47); the table lists every member with its
position and footnoted intention, filtered by name (names resolved as the chat resolves them:
aliases, old and new names, misspellings), group and position; the cross-table crosses positions
on two votes of the same body.

Every figure comes from the ``RecordedVote`` records (A/73/505, paras. 7 and 10, footnotes 3
and 4) and the shipped Member States roster; nothing is retrieved or generated.
"""

from __future__ import annotations

import csv
import io
import re

from assistant.entities import find_mentions
from assistant.votes.votebook import WORD, DraftKey, VoteBook
from ingest.bodies import body as voting_body
from ingest.citations import label
from ingest.member_states import name_key, roster
from ingest.records import POSITIONS, Position, RecordedVote

POSITION_LABELS = ("in favour", "against", "abstaining", "not recorded")
STATE_COLUMNS = ("Member State", "Position", "Footnoted intention", "Regional group")
REGIONAL_GROUPS = ("african", "asia_pacific", "eastern_european", "grulac", "weog")
_ALL_POSITIONS: tuple[Position | None, ...] = (*POSITIONS, None)


Draft = DraftKey | RecordedVote  # a draft's vote as a whole by its key, or any recorded vote itself


def _vote(book: VoteBook, draft: Draft) -> RecordedVote:
    return draft if isinstance(draft, RecordedVote) else book.votes[draft]


def all_votes(book: VoteBook, document: str = "") -> list[RecordedVote]:
    """Every recorded vote of every document (or of the one with symbol ``document``), in document order."""
    return [v for d in book.documents if not document or d.symbol == document for v in d.votes]


def vote_name(book: VoteBook, vote: RecordedVote) -> str:
    """How the explorer names a vote: 'draft resolution I (A/C.1/73/L.27/Rev.1)', a part vote with what was voted on.

    Example: 'operative paragraph 1 of draft resolution I (A/C.1/99/L.5) of A/99/401 (retained), First Committee'.
    """
    part = "" if vote.whole else f" ({vote.outcome})"
    where = f", {vote.body}" if book.several or vote.body != "First Committee" else ""
    return f"{book.draft_name(vote)}{part}{where}"


def vote_choices(book: VoteBook, document: str = "") -> list[tuple[str, str]]:
    """(display name, key 'SYMBOL|n') for every recorded vote (``all_votes``); n counts the document's votes from 0."""
    return [(vote_name(book, v), f"{d.symbol}|{n}") for d in book.documents if not document or d.symbol == document
            for n, v in enumerate(d.votes)]


def key_of(book: VoteBook, choice: str) -> RecordedVote:
    """The vote a key of ``vote_choices`` names.

    Raises:
        KeyError: if no document has that symbol or that many votes.
    """
    symbol, number = choice.rsplit("|", 1)
    for document in book.documents:
        if document.symbol == symbol and number.isdigit() and int(number) < len(document.votes):
            return document.votes[int(number)]
    raise KeyError(choice)


def tally_rows(book: VoteBook, draft: Draft, states: list[list[str]] | None = None) -> list[tuple[str, int]]:
    """[(position, count)] for in favour / against / abstaining / not recorded.

    Without ``states``: the tally as stated in the text, the counts summing to the voting body's members (193).
    With ``states`` (rows of ``state_rows``): the positions counted among those rows, e.g. the 28 EU members.
    """
    if states is not None:
        return [(p, sum(1 for row in states if row[1] == p)) for p in POSITION_LABELS]
    vote = _vote(book, draft)
    missing = vote.electorate - sum(vote.stated)
    return list(zip(POSITION_LABELS, (*vote.stated, missing), strict=True))


def tally_caption(book: VoteBook, draft: Draft) -> str:
    """The caption under a tally, naming the draft, meeting, date and the paragraph it comes from.

    Example: 'Draft resolution I (A/C.1/73/L.27/Rev.1): recorded vote at the 31st meeting,
    8 November 2018, out of 193 Member States (A/73/505, para. 7).'
    """
    vote = _vote(book, draft)
    when = f" at the {vote.meeting}, {vote.date}," if vote.meeting else ""
    name = vote_name(book, vote)
    return f"{name[:1].upper()}{name[1:]}: recorded vote{when} out of {book.electorate(vote)} ({label(vote.symbol, vote.locator)})."


def intention_note(book: VoteBook, draft: Draft, state: str) -> str:
    """'intended: in favour (footnote 3)' where a footnote records an intention, else ''."""
    vote = _vote(book, draft)
    for intention in vote.intentions:
        if intention.state == state:
            return f"intended: {WORD[intention.intended]} (footnote {intention.footnote.rsplit('-', 1)[-1]})"
    return ""


def intentions(book: VoteBook, draft: Draft) -> list[tuple[str, str, str, str]]:
    """The footnoted intentions on one draft (A/73/505, footnotes 3 and 4), in the footnote's order.

    Returns:
        [(State, recorded position, intended position, 'footnote 4')], e.g. the Democratic Republic
        of the Congo, Mozambique and Pakistan on draft resolution II.
    """
    vote = _vote(book, draft)
    return [(i.state, WORD[vote.position_of(i.state) or ""], WORD[i.intended], f"footnote {i.footnote.rsplit('-', 1)[-1]}")
            for i in vote.intentions]


def regional_group(state: str) -> str:
    """The name of the UN regional group a Member State belongs to ('' if none)."""
    for key in REGIONAL_GROUPS:
        group = roster().group(key)
        if state in group.members:
            return group.name
    return ""


def matching_states(text: str, names: tuple[str, ...]) -> set[str] | None:
    """The States of ``names`` that a filter text names, resolved as the chat resolves them; None for an empty filter.

    A name or alias containing the text ('mozam', 'Congo' → both Congos), and every State the text names
    (``assistant.entities``: 'USA', 'DRC', 'Türkiye' for Turkey, misspellings such as 'Afganistan'); several
    names may be given, separated by commas.
    """
    if not text.strip():
        return None
    found: set[str] = set()
    aliases = roster().aliases
    for part in (p for p in text.split(",") if p.strip()):
        wanted = name_key(part)
        found |= {s for s in names if any(wanted in name_key(n) for n in (s, *aliases.get(s, ())))}
        found |= {m.name for m in find_mentions(part) if m.kind == "state" and m.name in names}
    return found


def state_rows(book: VoteBook, draft: Draft, name_filter: str = "", group: str = "", position: str = "") -> list[list[str]]:
    """The table of the voting body's members on one vote, in UN order (columns ``STATE_COLUMNS``).

    Args:
        book: the vote records.
        draft: the draft (its vote as a whole) or the vote.
        name_filter: keep the States it names (``matching_states``); '' keeps all.
        group: keep members of this group key ('eu', 'african', …); '' keeps all.
        position: keep one position ('in favour', 'against', 'abstaining', 'not recorded'); '' keeps all.

    Returns:
        [[Member State, position, footnoted intention, regional group]], up to 193 rows.
    """
    vote = _vote(book, draft)
    members = set(roster().group(group).members) if group else None
    everyone = voting_body(vote.body).members(vote.date)
    named = matching_states(name_filter, everyone)
    rows = []
    for state in everyone:
        word = WORD[vote.position_of(state) or ""]
        if (members is not None and state not in members) or (named is not None and state not in named) or (position and word != position):
            continue
        rows.append([state, word, intention_note(book, draft, state), regional_group(state)])
    return rows


def rows_csv(rows: list[list[str]], columns: tuple[str, ...] = STATE_COLUMNS) -> str:
    """CSV text of a table (header first)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def cross_table(book: VoteBook, first: Draft, second: Draft) -> list[list[str | int]]:
    """Rows: position on the first draft; columns: position on the second; cells: counts of States.

    Returns:
        Four rows ``[position label, n, n, n, n]`` in the order of ``POSITION_LABELS``; all cells sum to 193.
    """
    return [[POSITION_LABELS[r], *(len(cross_cell(book, first, second, r, c)) for c in range(4))] for r in range(4)]


def cross_cell(book: VoteBook, first: Draft, second: Draft, row: int, column: int) -> list[str]:
    """The members in one cell of ``cross_table`` (row/column indexes over the four positions), in UN order."""
    a, b = _vote(book, first), _vote(book, second)
    pa, pb = _ALL_POSITIONS[row], _ALL_POSITIONS[column]
    return [s for s in voting_body(a.body).members(a.date) if a.position_of(s) == pa and b.position_of(s) == pb]


def short_name(draft: Draft) -> str:
    """A vote's short name in the cross-table: the draft number ('I'), else its symbol, with the part voted on."""
    if isinstance(draft, DraftKey):
        return draft.number
    name = draft.draft_number or draft.draft_symbol
    return name if draft.whole else f"{name} ({draft.subject or 'part'})"


def comparable(first: RecordedVote, second: RecordedVote) -> bool:
    """Whether two votes can be crossed: different votes of the same body in the same year (the same members)."""
    year = [re.findall(r"\d{4}", v.date)[-1:] for v in (first, second)]
    return first != second and first.body == second.body and year[0] == year[1]


def cross_caption(book: VoteBook, first: Draft, second: Draft, row: int, column: int) -> str:
    """'16 States: against on I and in favour on II — Albania, …' for one cell of the cross-table."""
    found = cross_cell(book, first, second, row, column)
    where = f"{POSITION_LABELS[row]} on {short_name(first)} and {POSITION_LABELS[column]} on {short_name(second)}"
    return f"{len(found)} States: {where} \u2014 {', '.join(found) or 'none'}."


def group_choices() -> list[tuple[str, str]]:
    """(group name, key) for the filter, 'All Member States' first, then the shipped groups."""
    return [("All Member States", "")] + [(g.name, g.key) for g in roster().groups]


def position_choices() -> list[tuple[str, str]]:
    """(label, value) for the position filter, 'All positions' first."""
    return [("All positions", "")] + [(p, p) for p in POSITION_LABELS]


def drafts_cited(book: VoteBook, cited: list[str]) -> list[DraftKey]:
    """The drafts whose recorded-vote paragraph is among the citation ids ``cited`` (e.g. para. 7 → I), in document order."""
    return [k for k in book.drafts() if book.cite(book.votes[k]) in cited]
