"""Data for the votes explorer (pure): tallies, the table of Member States, the cross-table.

Tallies are out of 193; the table lists every Member State with its position and footnoted
intention, filtered by name, group and position; the cross-table crosses positions on two drafts.

Every figure comes from the ``RecordedVote`` records (A/73/505, paras. 7 and 10, footnotes 3
and 4) and the shipped Member States roster; nothing is retrieved or generated.
"""

from __future__ import annotations

import csv
import io

from assistant.votebook import WORD, DraftKey, VoteBook
from ingest.bodies import body as voting_body
from ingest.citations import label
from ingest.member_states import name_key, roster
from ingest.records import POSITIONS, Position

POSITION_LABELS = ("in favour", "against", "abstaining", "not recorded")
STATE_COLUMNS = ("Member State", "Position", "Footnoted intention", "Regional group")
REGIONAL_GROUPS = ("african", "asia_pacific", "eastern_european", "grulac", "weog")
_ALL_POSITIONS: tuple[Position | None, ...] = (*POSITIONS, None)


def draft_choices(book: VoteBook) -> list[tuple[str, str]]:
    """(display name, key 'SYMBOL|NUMBER') for every draft with a recorded vote, in document order."""
    return [(book.draft_name(book.votes[k]), f"{k.document}|{k.number}") for k in book.drafts()]


def key_of(choice: str) -> DraftKey:
    """Inverse of the key in ``draft_choices``."""
    document, number = choice.split("|", 1)
    return DraftKey(document, number)


def tally_rows(book: VoteBook, draft: DraftKey) -> list[tuple[str, int]]:
    """[(position, count)] for in favour / against / abstaining / not recorded; counts sum to the voting body's members (193)."""
    vote = book.votes[draft]
    missing = vote.electorate - sum(vote.stated)
    return list(zip(POSITION_LABELS, (*vote.stated, missing), strict=True))


def tally_caption(book: VoteBook, draft: DraftKey) -> str:
    """The caption under a tally, naming the draft, meeting, date and the paragraph it comes from.

    Example: 'Draft resolution I (A/C.1/73/L.27/Rev.1): recorded vote at the 31st meeting,
    8 November 2018, out of 193 Member States (A/73/505, para. 7).'
    """
    vote = book.votes[draft]
    when = f" at the {vote.meeting}, {vote.date}," if vote.meeting else ""
    name = book.draft_name(vote)
    return f"{name[:1].upper()}{name[1:]}: recorded vote{when} out of {book.electorate(vote)} ({label(vote.symbol, vote.locator)})."


def intention_note(book: VoteBook, draft: DraftKey, state: str) -> str:
    """'intended: in favour (footnote 3)' where a footnote records an intention, else ''."""
    vote = book.votes[draft]
    for intention in vote.intentions:
        if intention.state == state:
            return f"intended: {WORD[intention.intended]} (footnote {intention.footnote.rsplit('-', 1)[-1]})"
    return ""


def intentions(book: VoteBook, draft: DraftKey) -> list[tuple[str, str, str, str]]:
    """The footnoted intentions on one draft (A/73/505, footnotes 3 and 4), in the footnote's order.

    Returns:
        [(State, recorded position, intended position, 'footnote 4')], e.g. the Democratic Republic
        of the Congo, Mozambique and Pakistan on draft resolution II.
    """
    vote = book.votes[draft]
    return [(i.state, WORD[vote.position_of(i.state) or ""], WORD[i.intended], f"footnote {i.footnote.rsplit('-', 1)[-1]}")
            for i in vote.intentions]


def regional_group(state: str) -> str:
    """The name of the UN regional group a Member State belongs to ('' if none)."""
    for key in REGIONAL_GROUPS:
        group = roster().group(key)
        if state in group.members:
            return group.name
    return ""


def state_rows(book: VoteBook, draft: DraftKey, name_filter: str = "", group: str = "", position: str = "") -> list[list[str]]:
    """The table of Member States on one draft, in UN order (columns ``STATE_COLUMNS``).

    Args:
        book: the vote records.
        draft: the draft.
        name_filter: keep names containing this (accent- and case-insensitive); '' keeps all.
        group: keep members of this group key ('eu', 'african', …); '' keeps all.
        position: keep one position ('in favour', 'against', 'abstaining', 'not recorded'); '' keeps all.

    Returns:
        [[Member State, position, footnoted intention, regional group]], up to 193 rows.
    """
    vote = book.votes[draft]
    members = set(roster().group(group).members) if group else None
    wanted = name_key(name_filter) if name_filter.strip() else ""
    rows = []
    for state in voting_body(vote.body).members(vote.date):
        word = WORD[vote.position_of(state) or ""]
        if (members is not None and state not in members) or (wanted and wanted not in name_key(state)) or (position and word != position):
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


def cross_table(book: VoteBook, first: DraftKey, second: DraftKey) -> list[list[str | int]]:
    """Rows: position on the first draft; columns: position on the second; cells: counts of States.

    Returns:
        Four rows ``[position label, n, n, n, n]`` in the order of ``POSITION_LABELS``; all cells sum to 193.
    """
    return [[POSITION_LABELS[r], *(len(cross_cell(book, first, second, r, c)) for c in range(4))] for r in range(4)]


def cross_cell(book: VoteBook, first: DraftKey, second: DraftKey, row: int, column: int) -> list[str]:
    """The States in one cell of ``cross_table`` (row/column indexes over the four positions), in UN order."""
    a, b = book.votes[first], book.votes[second]
    pa, pb = _ALL_POSITIONS[row], _ALL_POSITIONS[column]
    return [s for s in roster().names if a.position_of(s) == pa and b.position_of(s) == pb]


def cross_caption(book: VoteBook, first: DraftKey, second: DraftKey, row: int, column: int) -> str:
    """'16 States: against on I and in favour on II — Albania, …' for one cell of the cross-table."""
    found = cross_cell(book, first, second, row, column)
    where = f"{POSITION_LABELS[row]} on {first.number} and {POSITION_LABELS[column]} on {second.number}"
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
