"""Vote questions across drafts and groups.

Both drafts, position changes, tallies side by side, and how a group of States (regional
group, EU, ASEAN, P5) voted.

Plain functions over a ``VoteBook``; group memberships come from ``ingest/data/groups.json``
(not from the document), and answers say so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from assistant.results import Claim, Table, ToolResult
from assistant.votes.votebook import (
    DID,
    VERB,
    WORD,
    DraftKey,
    VoteBook,
    be,
    cap,
    count_states,
    membership,
    membership_facts,
    names,
    of_group,
)
from ingest.member_states import Group, roster
from ingest.records import POSITIONS, Position, RecordedVote


def _pair(book: VoteBook, first: DraftKey, second: DraftKey) -> tuple[RecordedVote, RecordedVote] | None:
    a, b = book.vote(first), book.vote(second)
    return (a, b) if a and b else None


def _unpaired(book: VoteBook, first: DraftKey, second: DraftKey) -> ToolResult:
    """The answer when one of two drafts has no recorded vote: that draft's (its adoption without a vote, if recorded)."""
    return book.no_vote(first if book.vote(first) is None else second)


def _rows(a: RecordedVote, b: RecordedVote, keep: Callable[[Position | None, Position | None], bool]) -> list[tuple[str, str, str]]:
    """(Member State, position on ``a``, position on ``b``) in UN order, for the States whose two positions ``keep`` accepts."""
    return [(s, WORD[x or ""], WORD[y or ""]) for s in roster().names if keep(x := a.position_of(s), y := b.position_of(s))]


def cross(
    book: VoteBook, first: DraftKey, pos_a: Position | None, second: DraftKey, pos_b: Position | None, within: Group | None = None,
) -> ToolResult:
    """Member States in ``pos_a`` on ``first`` and ``pos_b`` on ``second`` (None = not recorded), in UN order.

    ``within`` keeps the members of one group ("Which Eastern European States voted for both drafts?": 4 of its 23);
    its membership comes from ingest/data/groups.json and the answer says so.
    """
    pair = _pair(book, first, second)
    if pair is None:
        return _unpaired(book, first, second)
    a, b = pair
    rows = [r for r in _rows(a, b, lambda x, y: x == pos_a and y == pos_b) if within is None or r[0] in within.members]
    states = [r[0] for r in rows]
    subject = count_states(len(states)) if within is None else f"{of_group(within)}: {len(states)}"
    verb = be(len(states))
    phrase_a = f"{VERB[pos_a]} {book.draft_name(a)}" if pos_a else f"{verb} not recorded on {book.draft_name(a)}"
    phrase_b = f"{VERB[pos_b]} {book.draft_name(b)}" if pos_b else f"{verb} not recorded on {book.draft_name(b)}"
    if pos_a == pos_b and pos_a:
        lead = f"{subject} {VERB[pos_a]} both drafts, {book.draft_name(a)} and {book.draft_name(b)}"
    elif pos_a is None and pos_b is None:
        lead = f"{subject} {verb} missing from the recorded votes on both {book.draft_name(a)} and {book.draft_name(b)}"
    else:
        lead = f"{subject} {phrase_a} and {phrase_b}"
    lead += f": {names(states)}." if states else "."
    table = Table(("Member State", a.draft_symbol, b.draft_symbol), tuple(rows))
    claims = (Claim(lead, (book.cite(a), book.cite(b))), *membership(within))
    return ToolResult("vote_cross", claims, table, facts=(str(len(states)), *states, *membership_facts(within)), data={"states": states})


def group_listing(book: VoteBook, group: Group, draft: DraftKey, position: Position) -> ToolResult:
    """The members of ``group`` in one position on one draft, with their share of the group.

    "Which African States abstained on draft II?": African Group (54 Member States): 10 (18.5 per cent) abstained
    on draft resolution II, by name. Positions from para. 7 or para. 10; membership from ingest/data/groups.json.
    """
    vote = book.vote(draft)
    if vote is None:
        return book.no_vote(draft)
    group = book.within_body(group, vote)
    states = [s for s in group.members if vote.position_of(s) == position]
    share = f"{100 * len(states) / len(group.members):.1f}"
    counted = f"{len(states)} ({share} per cent)" if states else "none"
    lead = f"{of_group(group)}: {counted} {VERB[position]} {book.draft_name(vote)}"
    lead += f": {names(states)}." if states else "."
    table = Table(("Member State", "Position"), tuple((s, WORD[position]) for s in states))
    return ToolResult("vote_group", (Claim(lead, (book.cite(vote),)), *membership(group)), table,
                      facts=(str(len(states)), share, *states, *membership_facts(group)), data={"group": group.key})


def changed(book: VoteBook, first: DraftKey, second: DraftKey) -> ToolResult:
    """Member States recorded in both votes whose positions differ, with both positions.

    Two drafts ('Albania (against on I, in favour on II)'), or one draft voted in two bodies ('Brazil (abstaining in
    the First Committee, in favour in the General Assembly)': A/73/505, para. 7 and A/73/PV.45).
    """
    pair = _pair(book, first, second)
    if pair is None:
        return _unpaired(book, first, second)
    a, b = pair
    rows = _rows(a, b, lambda x, y: bool(x and y) and x != y)
    same, on_a, on_b = _which_vote(book, first, second, a, b)
    lead = (f"{count_states(len(rows))} recorded in both votes took different positions on {book.draft_name(a)} and "
            f"{book.draft_name(b)}: " + "; ".join(f"{s} ({x} {on_a}, {y} {on_b})" for s, x, y in rows) + ".")
    claims = [Claim(lead, (book.cite(a), book.cite(b)))]
    facts = [str(len(rows))]
    if same:  # one draft in two bodies: who took part in one vote only is a change too
        for count, claim in _recorded_in_one(book, a, b, on_a, on_b):
            claims.append(claim)
            facts.append(str(count))
        rows += [r for r in _rows(a, b, lambda x, y: (x is None) != (y is None)) if r not in rows]
    table = Table(("Member State", a.body if same else a.draft_symbol, b.body if same else b.draft_symbol), tuple(rows))
    return ToolResult("vote_changed", tuple(claims), table, facts=tuple(facts), data={"states": [r[0] for r in rows]})


def _which_vote(book: VoteBook, first: DraftKey, second: DraftKey, a: RecordedVote, b: RecordedVote) -> tuple[bool, str, str]:
    """Whether the two votes are one draft's in two bodies, and how a State's position on each is labelled.

    (True, 'in the First Committee', 'in the General Assembly') for A/73/505's draft I and A/73/PV.45's vote on it;
    (False, 'on I', 'on II') for two drafts.
    """
    same = book.draft_voted(first) == book.draft_voted(second) and a.body != b.body
    return (same, f"in the {a.body}", f"in the {b.body}") if same else (same, f"on {a.draft_number}", f"on {b.draft_number}")


def _recorded_in_one(book: VoteBook, a: RecordedVote, b: RecordedVote, on_a: str, on_b: str) -> list[tuple[int, Claim]]:
    """The States recorded in one of two votes on one draft only, each way, as (how many, sentence) pairs.

    '10 Member States not recorded in the First Committee are recorded in the General Assembly: Cameroon (in favour); …'
    and the reverse (A/73/505, para. 7 and A/73/PV.45).
    """
    claims: list[tuple[int, Claim]] = []
    for first, second, absent, present in ((a, b, on_a, on_b), (b, a, on_b, on_a)):
        joined = [(s, WORD[p]) for s in roster().names if first.position_of(s) is None and (p := second.position_of(s)) is not None]
        if joined:
            listed = "; ".join(f"{s} ({w})" for s, w in joined)
            claims.append((len(joined), Claim(f"{count_states(len(joined))} not recorded {absent} {be(len(joined))} recorded "
                                              f"{present}: {listed}.", (book.cite(a), book.cite(b)))))
    return claims


def one_only(book: VoteBook, first: DraftKey, second: DraftKey, recorded_on: DraftKey | None = None) -> ToolResult:
    """Member States recorded on exactly one of the two drafts, with the position they took.

    ``recorded_on`` keeps those recorded on that draft and not on the other ("voted on draft I but not
    on draft II"); None keeps both directions.
    """
    pair = _pair(book, first, second)
    if pair is None:
        return _unpaired(book, first, second)
    a, b = pair
    rows = _rows(a, b, lambda x, y: bool(x) != bool(y))
    if recorded_on is None:
        where = f"{be(len(rows))} recorded on only one of the two drafts"
    else:
        on, off = (a, b) if recorded_on == first else (b, a)
        rows = [r for r in rows if (r[1] != "not recorded") == (on is a)]
        where = f"{be(len(rows))} recorded on {book.draft_name(on)} but not on {book.draft_name(off)}"
    _, on_a, on_b = _which_vote(book, first, second, a, b)  # one draft, two bodies: say which
    listed = "; ".join(f"{s} ({x} {on_a})" if x != "not recorded" else f"{s} ({y} {on_b})" for s, x, y in rows)
    lead = f"{count_states(len(rows))} {where}" + (f": {listed}." if rows else ".")
    claims = [Claim(lead, (book.cite(a), book.cite(b)))]
    for state, *_ in rows:
        claims.extend(book.intention_claims(state, a) + book.intention_claims(state, b))
    return ToolResult("vote_one_only", tuple(claims), Table(("Member State", a.draft_symbol, b.draft_symbol), tuple(rows)),
                      facts=(str(len(rows)), *[r[0] for r in rows]), data={"states": [r[0] for r in rows]})


def in_position_on_one(book: VoteBook, first: DraftKey, second: DraftKey, position: Position, denied: Position | None = None) -> ToolResult:
    """'In favour of draft I but not of draft II', 'against I but not for II'.

    The Member States in ``position`` on ``first`` and not in ``denied`` (default: the same position) on ``second``,
    grouped by their position on ``second``.
    """
    pair = _pair(book, first, second)
    if pair is None:
        return _unpaired(book, first, second)
    a, b = pair
    denied = denied or position
    chosen = [s for s in a.states(position) if b.position_of(s) != denied]
    but_not = VERB[denied].replace("voted ", "")
    lead = f"{count_states(len(chosen))} {VERB[position]} {book.draft_name(a)} but not {but_not} {book.draft_name(b)}"
    return _on_second(book, (a, b), position, chosen, lead + (f"; on {book.draft_name(b)}: " if chosen else ""))


def overlap(book: VoteBook, first: DraftKey, second: DraftKey) -> ToolResult:
    """How many States are recorded on both drafts, how many kept the same position, how many changed."""
    pair = _pair(book, first, second)
    if pair is None:
        return _unpaired(book, first, second)
    a, b = pair
    both = [s for s in roster().names if a.position_of(s) and b.position_of(s)]
    same = {p: [s for s in both if a.position_of(s) == b.position_of(s) == p] for p in POSITIONS}
    kept = sum(len(v) for v in same.values())
    detail = ", ".join(f"{len(v)} {DID[p]} on both" for p, v in same.items() if v)
    lead = (f"{count_states(len(both))} {be(len(both))} recorded as voting on both {book.draft_name(a)} and {book.draft_name(b)}; "
            f"{kept} took the same position on both ({detail}) and {len(both) - kept} took different positions.")
    return ToolResult("vote_overlap", (Claim(lead, (book.cite(a), book.cite(b))),),
                      facts=(str(len(both)), str(kept), str(len(both) - kept), *(str(len(v)) for v in same.values())))


COUNTED = {"in_favour": "votes in favour", "against": "votes against", "abstaining": "abstentions"}


def compare_tallies(book: VoteBook, first: DraftKey, second: DraftKey, position: Position = "in_favour") -> ToolResult:
    """Both tallies side by side with the differences (second minus first); the lead compares ``position`` first.

    Counts are the stated tallies of the voting paragraphs (paras 7 and 10: 109–45–16 and 139–11–18).
    """
    pair = _pair(book, first, second)
    if pair is None:
        return _unpaired(book, first, second)
    a, b = pair
    rows: list[tuple[str, ...]] = []
    facts: list[str] = []
    for i, pos in enumerate(POSITIONS):
        diff = b.stated[i] - a.stated[i]
        rows.append((WORD[pos], str(a.stated[i]), str(b.stated[i]), f"{diff:+d}"))
        facts.append(str(abs(diff)))
    recorded_a, recorded_b = sum(a.stated), sum(b.stated)
    at = POSITIONS.index(position)
    hi, lo = (b, a) if b.stated[at] >= a.stated[at] else (a, b)
    rest = "; ".join(f"{WORD[p]}: {hi.stated[i]} and {lo.stated[i]}" for i, p in enumerate(POSITIONS) if i != at)
    lead = (f"{cap(book.draft_name(hi))} received {hi.stated[at]} {COUNTED[position]}, {hi.stated[at] - lo.stated[at]} more than the "
            f"{lo.stated[at]} {'for' if position == 'in_favour' else 'on'} {book.draft_name(lo)}; {rest}; "
            f"States recorded: {sum(hi.stated)} and {sum(lo.stated)}.")
    rows.append(("recorded", str(recorded_a), str(recorded_b), f"{recorded_b - recorded_a:+d}"))
    table = Table(("Position", a.draft_symbol, b.draft_symbol, "Difference"), tuple(rows))
    return ToolResult("vote_compare", (Claim(lead, (book.cite(a), book.cite(b))),), table,
                      facts=(*facts, str(recorded_a), str(recorded_b), str(abs(recorded_b - recorded_a))))


def position_total(book: VoteBook, first: DraftKey, second: DraftKey, position: Position) -> ToolResult:
    """'The total number of abstentions across both drafts': the two stated counts added, with how many States that is.

    Counts from the voting paragraphs (paras 7 and 10); a State in ``position`` on both drafts counts once among the States.
    """
    pair = _pair(book, first, second)
    if pair is None:
        return _unpaired(book, first, second)
    a, b = pair
    at = POSITIONS.index(position)
    total = a.stated[at] + b.stated[at]
    on_a, on_b = set(a.states(position)), set(b.states(position))
    lead = (f"There were {total} {COUNTED[position]} across the two drafts: {a.stated[at]} on {book.draft_name(a)} and "
            f"{b.stated[at]} on {book.draft_name(b)}; {len(on_a | on_b)} different Member States {VERB[position]} at least one "
            f"of them and {len(on_a & on_b)} {VERB[position]} both.")
    facts = (str(total), str(len(on_a | on_b)), str(len(on_a & on_b)))
    return ToolResult("vote_total", (Claim(lead, (book.cite(a), book.cite(b))),), facts=facts)


def neither(book: VoteBook, first: DraftKey, second: DraftKey, position: Position) -> ToolResult:
    """'Voted in favour of neither draft': the Member States in ``position`` on neither draft, by their positions on the two."""
    pair = _pair(book, first, second)
    if pair is None:
        return _unpaired(book, first, second)
    a, b = pair
    rows = _rows(a, b, lambda x, y: position not in (x, y))
    combos: dict[tuple[str, str], list[str]] = {}
    for state, x, y in rows:
        combos.setdefault((x, y), []).append(state)
    parts = "; ".join(f"{len(v)} {x} on {a.draft_number} and {y} on {b.draft_number} ({names(v)})" for (x, y), v in combos.items())
    parts = parts.replace(f"not recorded on {a.draft_number} and not recorded on {b.draft_number}", "recorded on neither")
    lead = f"{count_states(len(rows))} {VERB[position]} neither {book.draft_name(a)} nor {book.draft_name(b)}"
    lead += f": {parts}." if rows else "."
    return ToolResult("vote_neither", (Claim(lead, (book.cite(a), book.cite(b))),),
                      Table(("Member State", a.draft_symbol, b.draft_symbol), tuple(rows)),
                      facts=(str(len(rows)), *(str(len(v)) for v in combos.values()), *(r[0] for r in rows)),
                      data={"states": [r[0] for r in rows]})


def at_least_one(book: VoteBook, first: DraftKey, second: DraftKey, position: Position, exactly: bool = False) -> ToolResult:
    """Member States in ``position`` on at least one of the two drafts: on both, on the first only, on the second only.

    With ``exactly``, on exactly one of them ("abstained on exactly one of the two drafts"): the first only and the second only.
    """
    pair = _pair(book, first, second)
    if pair is None:
        return _unpaired(book, first, second)
    a, b = pair
    rows = _rows(a, b, lambda x, y: (x == position) != (y == position) if exactly else position in (x, y))
    both = [s for s, x, y in rows if x == y]
    only_a = [s for s, x, y in rows if x == WORD[position] and y != x]
    only_b = [s for s, x, y in rows if y == WORD[position] and y != x]
    parts = [] if exactly else [f"{len(both)} {VERB[position]} both ({names(both)})"]
    parts += [f"{len(only_a)} only {book.draft_name(a)} ({names(only_a)})", f"{len(only_b)} only {book.draft_name(b)} ({names(only_b)})"]
    how_many = "exactly" if exactly else "at least"
    lead = f"{count_states(len(rows))} {VERB[position]} {how_many} one of the two drafts: {'; '.join(parts)}."
    table = Table(("Member State", a.draft_symbol, b.draft_symbol), tuple(rows))
    counts = (str(len(only_a)), str(len(only_b))) if exactly else (str(len(both)), str(len(only_a)), str(len(only_b)))
    return ToolResult("vote_either", (Claim(lead, (book.cite(a), book.cite(b))),), table,
                      facts=(str(len(rows)), *counts, *(r[0] for r in rows)), data={"states": [r[0] for r in rows]})


def among(book: VoteBook, states: list[str], draft: DraftKey, position: Position) -> ToolResult:
    """'How many of Canada, Georgia and Japan voted against L.14?': the States named in ``position`` on ``draft``, then the rest.

    The named States in the report's order of the list (its paragraph is cited), each of the others with its own position
    or 'not recorded'.
    """
    vote = book.vote(draft)
    if vote is None:
        return book.no_vote(draft)
    chosen = [s for s in states if vote.position_of(s) == position]
    others = [s for s in states if s not in chosen]
    lead = f"Of the {len(states)} Member States named, {len(chosen) or 'none'} {VERB[position]} {book.draft_name(vote)}"
    lead += f": {names(chosen)}." if chosen else "."
    if others:
        lead += " " + "; ".join(f"{s} {VERB[p]} it" if (p := vote.position_of(s)) else f"{s} is not recorded" for s in others) + "."
    rows = tuple((s, WORD[vote.position_of(s) or ""]) for s in states)
    return ToolResult("vote_among", (Claim(lead, (book.cite(vote),)),), Table(("Member State", vote.draft_symbol), rows),
                      facts=(str(len(states)), str(len(chosen)), *states), data={"states": chosen, "draft": vote.draft_symbol,
                                                                                  "position": position})


def then_on(book: VoteBook, first: DraftKey, position: Position, second: DraftKey, within: Group | None = None) -> ToolResult:
    """'How did the States that abstained on draft I vote on draft II?'.

    The Member States in ``position`` on ``first``, grouped by their position on ``second`` (paras 7 and 10);
    ``within`` keeps the members of one group ("the Eastern European States that voted for draft I": 6).
    """
    pair = _pair(book, first, second)
    if pair is None:
        return _unpaired(book, first, second)
    a, b = pair
    chosen = [s for s in a.states(position) if within is None or s in within.members]
    whose = f" of the {of_group(within)}" if within else ""
    lead = f"Of the {len(chosen)} Member States{whose} that {VERB[position]} {book.draft_name(a)}, on {book.draft_name(b)}: "
    result = _on_second(book, (a, b), position, chosen, lead)
    if within is None:
        return result
    return replace(result, claims=(*result.claims, *membership(within)), facts=(*result.facts, *membership_facts(within)))


def _on_second(book: VoteBook, pair: tuple[RecordedVote, RecordedVote], position: Position, chosen: list[str], lead: str) -> ToolResult:
    """``lead`` followed by the ``chosen`` States grouped by their position on the second draft, with intention footnotes."""
    a, b = pair
    by_pos, parts = _grouped(chosen, b)
    rows = tuple((s, WORD[position], WORD[b.position_of(s) or ""]) for s in chosen)
    claims = [Claim(f"{lead}{parts}.", (book.cite(a), book.cite(b)))]
    for state in by_pos.get("", []):
        claims.extend(book.intention_claims(state, b))
    return ToolResult("vote_then", tuple(claims), Table(("Member State", a.draft_symbol, b.draft_symbol), rows),
                      facts=(str(len(chosen)), *(str(len(v)) for v in by_pos.values()), *chosen), data={"states": chosen})


def _grouped(states: list[str] | tuple[str, ...], vote: RecordedVote) -> tuple[dict[str, list[str]], str]:
    """``states`` by their position on ``vote`` ('' = not recorded), and as text: '9 voted in favour (…); 7 abstained (…)'."""
    by_pos: dict[str, list[str]] = {}
    for state in states:
        by_pos.setdefault(vote.position_of(state) or "", []).append(state)
    return by_pos, "; ".join(f"{len(by_pos[p])} {DID[p]} ({names(by_pos[p])})" for p in (*POSITIONS, "") if by_pos.get(p))


def group_votes(book: VoteBook, group: Group, drafts: list[DraftKey]) -> ToolResult:
    """Per-position counts and names for one group's members on each draft."""
    claims: list[Claim] = []
    rows: list[tuple[str, ...]] = []
    facts = [str(len(group.members))]
    for draft in drafts:
        vote = book.vote(draft)
        if vote is None:
            continue
        sitting = book.within_body(group, vote)
        by_pos, parts = _grouped(sitting.members, vote)
        summary = f"{of_group(sitting)}, on {book.draft_name(vote)}: {parts}."
        claims.append(Claim(summary, (book.cite(vote),)))
        rows.extend((s, vote.draft_symbol, WORD[vote.position_of(s) or ""]) for s in group.members)
        facts.extend(str(len(v)) for v in by_pos.values())
    claims.extend(membership(group))
    return ToolResult("vote_group", tuple(claims), Table(("Member State", "Draft", "Position"), tuple(rows)),
                      facts=(*facts, *group.members, group.source), data={"group": group.key})


def in_positions(book: VoteBook, wanted: list[tuple[DraftKey, Position]]) -> ToolResult:
    """Member States in the position given on each vote, for any number of votes, in UN order.

    "Which States voted against both Russian drafts but in favour of the HRC resolution?": against L.27/Rev.1 (A/73/505,
    para. 7) and L.14 (A/78/407, para. 5), in favour of A/HRC/RES/54/18. A State not a member of a body that voted is
    in no position on its vote.
    """
    votes = [(v, p) for d, p in wanted if (v := book.vote(d)) is not None]
    if len(votes) < len(wanted):
        return book.no_vote(next(d for d, _ in wanted if book.vote(d) is None))
    states = [s for s in roster().names if all(v.position_of(s) == p for v, p in votes)]
    by_position: dict[Position, list[RecordedVote]] = {}
    for vote, position in votes:
        by_position.setdefault(position, []).append(vote)
    said = " and ".join(f"{VERB[p]} {names([book.draft_name(v) for v in vs])}" for p, vs in by_position.items())
    lead = f"{count_states(len(states))} {said}" + (f": {names(states)}." if states else ".")
    rows = tuple((s, *(WORD[p] for _, p in votes)) for s in states)
    table = Table(("Member State", *(v.draft_symbol for v, _ in votes)), rows)
    return ToolResult("vote_cross", (Claim(lead, tuple(book.cite(v) for v, _ in votes)),), table,
                      facts=(str(len(states)), *states), data={"states": states})


def in_several(book: VoteBook, drafts: list[DraftKey], position: Position) -> ToolResult:
    """Member States in ``position`` on two or more of ``drafts``, in UN order, with how many each.

    "Which States voted against more than one draft?" over A/73/505: the 9 against both L.27/Rev.1 and L.37 (para. 7
    and para. 10). With two drafts, on both.
    """
    votes = [v for d in drafts if (v := book.vote(d)) is not None]
    counted = [(s, sum(v.position_of(s) == position for v in votes)) for s in roster().names]
    states = [s for s, n in counted if n >= 2]
    named = names([book.draft_name(v) for v in votes])
    how = "both" if len(votes) == 2 else f"two or more of the {len(votes)}"
    lead = f"{count_states(len(states))} {VERB[position]} {how}, {named}" + (f": {names(states)}." if states else ".")
    rows = tuple((s, *(WORD[v.position_of(s) or ""] for v in votes)) for s in states)
    table = Table(("Member State", *(v.draft_symbol for v in votes)), rows)
    return ToolResult("vote_cross", (Claim(lead, tuple(book.cite(v) for v in votes)),), table,
                      facts=(str(len(states)), str(len(votes)), *states), data={"states": states})


def in_every(book: VoteBook, drafts: list[DraftKey], position: Position) -> ToolResult:
    """Member States in ``position`` on every one of ``drafts`` (any number of votes), in UN order.

    "How many States voted in favour of all three texts in A/78/407?": the States listed in favour in each vote.
    """
    votes = [v for d in drafts if (v := book.vote(d)) is not None]
    if len(votes) < len(drafts):
        return book.no_vote(next(d for d in drafts if book.vote(d) is None))
    states = [s for s in roster().names if all(v.position_of(s) == position for v in votes)]
    named = names([book.draft_name(v) for v in votes])
    lead = f"{count_states(len(states))} {VERB[position]} all {len(votes)}, {named}" + (f": {names(states)}." if states else ".")
    rows = tuple((s, *(WORD[v.position_of(s) or ""] for v in votes)) for s in states)
    table = Table(("Member State", *(v.draft_symbol for v in votes)), rows)
    return ToolResult("vote_cross", (Claim(lead, tuple(book.cite(v) for v in votes)),), table,
                      facts=(str(len(states)), str(len(votes)), *states), data={"states": states})
