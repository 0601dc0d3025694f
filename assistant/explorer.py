"""Data for the votes explorer (pure): tallies out of 193, the table of all Member States with
their positions and footnoted intentions, filters by name and group, and the cross-table."""

from __future__ import annotations

import csv
import io

from ingest.member_states import name_key, roster
from ingest.records import POSITIONS
from assistant.votebook import MEMBER_STATES, WORD, DraftKey, VoteBook

POSITION_LABELS = ("in favour", "against", "abstaining", "not recorded")


def draft_choices(book: VoteBook) -> list[tuple[str, str]]:
    """(display name, key 'SYMBOL|NUMBER') for every draft with a recorded vote."""
    return [(book.draft_name(book.votes[k]), f"{k.document}|{k.number}") for k in book.drafts()]


def key_of(choice: str) -> DraftKey:
    """Inverse of the key in ``draft_choices``."""
    document, number = choice.split("|", 1)
    return DraftKey(document, number)


def tally_rows(book: VoteBook, draft: DraftKey) -> list[tuple[str, int]]:
    """[(position, count)] for in favour / against / abstaining / not recorded; counts sum to 193."""
    vote = book.votes[draft]
    missing = MEMBER_STATES - sum(vote.stated)
    return list(zip(POSITION_LABELS, (*vote.stated, missing)))


def intention_note(book: VoteBook, draft: DraftKey, state: str) -> str:
    """'intended to abstain (footnote 4)' where a footnote records an intention, else ''."""
    vote = book.votes[draft]
    for intention in vote.intentions:
        if intention.state == state:
            return f"intended: {WORD[intention.intended]} (footnote {intention.footnote.rsplit('-', 1)[-1]})"
    return ""


def state_rows(book: VoteBook, draft: DraftKey, name_filter: str = "", group: str = "") -> list[list[str]]:
    """[[Member State, position, footnoted intention]] for all 193 in UN order, filtered by
    a name substring (accent- and case-insensitive) and a group key ('' = all)."""
    vote = book.votes[draft]
    members = set(roster().group(group).members) if group else None
    wanted = name_key(name_filter) if name_filter.strip() else ""
    rows = []
    for state in roster().names:
        if (members is not None and state not in members) or (wanted and wanted not in name_key(state)):
            continue
        rows.append([state, WORD[vote.position_of(state) or ""], intention_note(book, draft, state)])
    return rows


def rows_csv(rows: list[list[str]], columns: tuple[str, ...] = ("Member State", "Position", "Footnoted intention")) -> str:
    """CSV text of a table (header first)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def cross_table(book: VoteBook, first: DraftKey, second: DraftKey) -> list[list[str | int]]:
    """Rows: position on the first draft; columns: position on the second; cells: counts of States."""
    a, b = book.votes[first], book.votes[second]
    table = []
    for pa in (*POSITIONS, None):
        row: list[str | int] = [WORD[pa or ""]]
        for pb in (*POSITIONS, None):
            row.append(sum(1 for s in roster().names if a.position_of(s) == pa and b.position_of(s) == pb))
        table.append(row)
    return table


def cross_cell(book: VoteBook, first: DraftKey, second: DraftKey, row: int, column: int) -> list[str]:
    """The States in one cell of ``cross_table`` (row/column indexes over the four positions)."""
    a, b = book.votes[first], book.votes[second]
    pa, pb = (*POSITIONS, None)[row], (*POSITIONS, None)[column]
    return [s for s in roster().names if a.position_of(s) == pa and b.position_of(s) == pb]


def group_choices() -> list[tuple[str, str]]:
    """(group name, key) for the filter, 'All Member States' first."""
    return [("All Member States", "")] + [(g.name, g.key) for g in roster().groups]
