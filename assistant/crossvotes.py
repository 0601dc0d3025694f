"""Vote questions across drafts and groups.

Both drafts, position changes, tallies side by side, and how a group of States (regional
group, EU, ASEAN, P5) voted.

Plain functions over a ``VoteBook``; group memberships come from ``ingest/data/groups.json``
(not from the document), and answers say so.
"""

from __future__ import annotations

from assistant.results import Claim, Table, ToolResult
from assistant.votebook import VERB, WORD, DraftKey, VoteBook, cap, names
from ingest.member_states import Group, roster
from ingest.records import POSITIONS, Position, RecordedVote

GROUP_VERB = {"in_favour": "voted in favour", "against": "voted against", "abstaining": "abstained", "": "not recorded"}


def _pair(book: VoteBook, first: DraftKey, second: DraftKey) -> tuple[RecordedVote, RecordedVote] | None:
    a, b = book.vote(first), book.vote(second)
    return (a, b) if a and b else None


def cross(book: VoteBook, first: DraftKey, pos_a: Position | None, second: DraftKey, pos_b: Position | None) -> ToolResult:
    """Member States in ``pos_a`` on ``first`` and ``pos_b`` on ``second`` (None = not recorded), in UN order."""
    pair = _pair(book, first, second)
    if pair is None:
        return book.no_vote(first if book.vote(first) is None else second)
    a, b = pair
    states = [s for s in roster().names if a.position_of(s) == pos_a and b.position_of(s) == pos_b]
    phrase_a = f"{VERB[pos_a]} {book.draft_name(a)}" if pos_a else f"are not recorded on {book.draft_name(a)}"
    phrase_b = f"{VERB[pos_b]} {book.draft_name(b)}" if pos_b else f"are not recorded on {book.draft_name(b)}"
    if pos_a == pos_b and pos_a:
        lead = f"{len(states)} Member States {VERB[pos_a]} both drafts, {book.draft_name(a)} and {book.draft_name(b)}"
    else:
        lead = f"{len(states)} Member States {phrase_a} and {phrase_b}"
    lead += f": {names(states)}." if states else "."
    table = Table(("Member State", a.draft_symbol, b.draft_symbol), tuple((s, WORD[pos_a or ""], WORD[pos_b or ""]) for s in states))
    return ToolResult("vote_cross", (Claim(lead, (book.cite(a), book.cite(b))),), table,
                      facts=(str(len(states)), *states), data={"states": states})


def changed(book: VoteBook, first: DraftKey, second: DraftKey) -> ToolResult:
    """Member States recorded on both drafts whose positions differ, with both positions."""
    pair = _pair(book, first, second)
    if pair is None:
        return book.no_vote(first)
    a, b = pair
    rows = [(s, WORD[pa], WORD[pb]) for s in roster().names
            if (pa := a.position_of(s) or "") and (pb := b.position_of(s) or "") and pa != pb]
    lead = (f"{len(rows)} Member States recorded on both drafts took different positions on {book.draft_name(a)} and "
            f"{book.draft_name(b)}: " + "; ".join(f"{s} ({x} on {a.draft_number}, {y} on {b.draft_number})" for s, x, y in rows) + ".")
    table = Table(("Member State", a.draft_symbol, b.draft_symbol), tuple(rows))
    return ToolResult("vote_changed", (Claim(lead, (book.cite(a), book.cite(b))),), table,
                      facts=(str(len(rows)),), data={"states": [r[0] for r in rows]})


def one_only(book: VoteBook, first: DraftKey, second: DraftKey) -> ToolResult:
    """Member States recorded on exactly one of the two drafts, with the position they took."""
    pair = _pair(book, first, second)
    if pair is None:
        return book.no_vote(first)
    a, b = pair
    rows = [(s, WORD[a.position_of(s) or ""], WORD[b.position_of(s) or ""]) for s in roster().names
            if bool(a.position_of(s)) != bool(b.position_of(s))]
    lead = (f"{len(rows)} Member States are recorded on only one of the two drafts: "
            + "; ".join(f"{s} ({x} on {a.draft_number})" if x != "not recorded" else f"{s} ({y} on {b.draft_number})"
                        for s, x, y in rows)
            + ".")
    claims = [Claim(lead, (book.cite(a), book.cite(b)))]
    for state, *_ in rows:
        claims.extend(book.intention_claims(state, a) + book.intention_claims(state, b))
    return ToolResult("vote_one_only", tuple(claims), Table(("Member State", a.draft_symbol, b.draft_symbol), tuple(rows)),
                      facts=(str(len(rows)), *[r[0] for r in rows]), data={"states": [r[0] for r in rows]})


def overlap(book: VoteBook, first: DraftKey, second: DraftKey) -> ToolResult:
    """How many States are recorded on both drafts, how many kept the same position, how many changed."""
    pair = _pair(book, first, second)
    if pair is None:
        return book.no_vote(first)
    a, b = pair
    both = [s for s in roster().names if a.position_of(s) and b.position_of(s)]
    same = {p: [s for s in both if a.position_of(s) == b.position_of(s) == p] for p in POSITIONS}
    kept = sum(len(v) for v in same.values())
    detail = ", ".join(f"{len(v)} {VERB[p].replace(' of', '').replace(' on', '')} on both" for p, v in same.items() if v)
    lead = (f"{len(both)} Member States are recorded as voting on both {book.draft_name(a)} and {book.draft_name(b)}; "
            f"{kept} took the same position on both ({detail}) and {len(both) - kept} took different positions.")
    return ToolResult("vote_overlap", (Claim(lead, (book.cite(a), book.cite(b))),),
                      facts=(str(len(both)), str(kept), str(len(both) - kept), *(str(len(v)) for v in same.values())))


def compare_tallies(book: VoteBook, first: DraftKey, second: DraftKey) -> ToolResult:
    """Both tallies side by side with the differences (second minus first)."""
    pair = _pair(book, first, second)
    if pair is None:
        return book.no_vote(first)
    a, b = pair
    rows: list[tuple[str, ...]] = []
    facts: list[str] = []
    for i, pos in enumerate(POSITIONS):
        diff = b.stated[i] - a.stated[i]
        rows.append((WORD[pos], str(a.stated[i]), str(b.stated[i]), f"{diff:+d}"))
        facts.append(str(abs(diff)))
    recorded_a, recorded_b = sum(a.stated), sum(b.stated)
    hi, lo = (b, a) if b.stated[0] >= a.stated[0] else (a, b)
    lead = (f"{cap(book.draft_name(hi))} received {hi.stated[0]} votes in favour, {hi.stated[0] - lo.stated[0]} more than the "
            f"{lo.stated[0]} for {book.draft_name(lo)}; against: {hi.stated[1]} and {lo.stated[1]}; abstaining: {hi.stated[2]} and "
            f"{lo.stated[2]}; States recorded: {sum(hi.stated)} and {sum(lo.stated)}.")
    rows.append(("recorded", str(recorded_a), str(recorded_b), f"{recorded_b - recorded_a:+d}"))
    table = Table(("Position", a.draft_symbol, b.draft_symbol, "Difference"), tuple(rows))
    return ToolResult("vote_compare", (Claim(lead, (book.cite(a), book.cite(b))),), table,
                      facts=(*facts, str(recorded_a), str(recorded_b), str(abs(recorded_b - recorded_a))))


def group_votes(book: VoteBook, group: Group, drafts: list[DraftKey]) -> ToolResult:
    """Per-position counts and names for one group's members on each draft."""
    claims: list[Claim] = []
    rows: list[tuple[str, ...]] = []
    facts = [str(len(group.members))]
    for draft in drafts:
        vote = book.vote(draft)
        if vote is None:
            continue
        by_pos: dict[str, list[str]] = {}
        for state in group.members:
            by_pos.setdefault(vote.position_of(state) or "", []).append(state)
        parts = [f"{len(by_pos[p])} {GROUP_VERB[p]} ({names(by_pos[p])})" for p in (*POSITIONS, "") if by_pos.get(p)]
        summary = f"{group.name} ({len(group.members)} Member States), on {book.draft_name(vote)}: {'; '.join(parts)}."
        claims.append(Claim(summary, (book.cite(vote),)))
        rows.extend((s, vote.draft_symbol, WORD[vote.position_of(s) or ""]) for s in group.members)
        facts.extend(str(len(v)) for v in by_pos.values())
    claims.append(Claim(f"Group membership is not in the document: it comes from {group.source}", ()))
    return ToolResult("vote_group", tuple(claims), Table(("Member State", "Draft", "Position"), tuple(rows)),
                      facts=(*facts, *group.members, group.source), data={"group": group.key})
