"""Sponsorship questions.

Who introduced a draft and when, original sponsors and those who joined later (paras 5 and 8 of
A/73/505), sponsors of both drafts, and how sponsors voted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from assistant.results import Claim, Table, ToolResult
from assistant.votes.votebook import VERB, WORD, DraftKey, VoteBook, cap, count_states, membership, membership_facts, names, of_group, the
from ingest.citations import citation_id, label
from ingest.member_states import Group
from ingest.records import Position, RecordedVote, Sponsorship


def _all(record: Sponsorship) -> tuple[str, ...]:
    return record.sponsors + record.joined_later


def _listed(record: Sponsorship, states: list[str] | tuple[str, ...]) -> str:
    """``names`` of the States as the sponsorship paragraph prints them (A/78/407, para. 6: 'Türkiye', 'North Macedonia')."""
    printed = dict(record.printed)
    return names([printed.get(s, s) for s in states])


Which = Literal["all", "original", "later"]
WHICH_WORDS = {"all": "sponsors", "original": "original sponsors", "later": "States that joined later in sponsoring"}


def _which(record: Sponsorship, which: Which) -> tuple[str, ...]:
    """All sponsors, the original ones (on whose behalf it was submitted) or those that joined later (paras 5 and 8)."""
    return {"all": _all(record), "original": record.sponsors, "later": record.joined_later}[which]


def _when(record: Sponsorship, state: str) -> str:
    """'original' (on whose behalf the draft was submitted) or 'joined later', for a sponsor of ``record``."""
    return "original" if state in record.sponsors else "joined later"


def _submitted(record: Sponsorship) -> datetime:
    """The date the draft was submitted ('18 October 2018', para. 8)."""
    return datetime.strptime(record.introduced_on, "%d %B %Y")


def _missing(book: VoteBook, draft: DraftKey) -> ToolResult:
    """'The documents record no sponsors for resolution A/HRC/RES/54/18.' (the vote's own name where there is one)."""
    vote = book.vote(draft)
    name = book.draft_name(vote) if vote else f"draft {draft.number} of {draft.document}"
    return ToolResult("sponsors", (Claim(f"The documents record no sponsors for {name}.", ()),))


def _name(book: VoteBook, draft: DraftKey, record: Sponsorship) -> str:
    vote = book.vote(draft) or book.adoptions.get(draft)
    return book.draft_name(vote) if vote else record.draft_symbol


def sponsors(book: VoteBook, draft: DraftKey) -> ToolResult:
    """Who introduced the draft, when, on whose behalf, and who joined later."""
    record = book.sponsorship(draft)
    if record is None:
        return _missing(book, draft)
    lead = (f"On {record.introduced_on}, the representative of {the(record.introduced_by)} submitted {_name(book, draft, record)}, "
            f"entitled \u201c{record.title}\u201d{_on_behalf(record, listed=True)}.")
    claims = [Claim(lead, (book.cite(record),))]
    if record.joined_later:
        later, kind = len(record.joined_later), "decision" if draft.decision else "resolution"
        claims.append(Claim(f"Subsequently, {later} State{'s' if later > 1 else ''} joined in sponsoring the draft {kind}: "
                            f"{_listed(record, record.joined_later)} ({len(_all(record))} sponsors in all).", (book.cite(record),)))
    rows = tuple((s, "original sponsor") for s in record.sponsors) + tuple((s, "joined later") for s in record.joined_later)
    return ToolResult("sponsors", tuple(claims), Table(("Member State", "Sponsorship"), rows),
                      facts=(str(len(record.sponsors)), str(len(_all(record))), str(len(record.joined_later))),
                      data={"introduced_by": record.introduced_by, "introduced_on": record.introduced_on,
                            "sponsors": list(record.sponsors), "joined_later": list(record.joined_later)})


def _on_behalf(record: Sponsorship, listed: bool = False) -> str:
    """', on behalf of 31 States' (with ``listed``, followed by their names).

    '' for a draft its introducer's State submitted alone (A/78/407, para. 11: "the representative of Brazil submitted a
    draft decision").
    """
    if record.sponsors == (record.introduced_by,):
        return ""
    return f", on behalf of {len(record.sponsors)} States" + (f": {_listed(record, record.sponsors)}" if listed else "")


def introduced(book: VoteBook, draft: DraftKey) -> ToolResult:
    """Who introduced (submitted) the draft and on what date."""
    record = book.sponsorship(draft)
    if record is None:
        return _missing(book, draft)
    lead = (f"{cap(_name(book, draft, record))} was submitted on {record.introduced_on} by the "
            f"representative of {the(record.introduced_by)}{_on_behalf(record)}.")
    return ToolResult("sponsors_introduced", (Claim(lead, (book.cite(record),)),), facts=(str(len(record.sponsors)),),
                      data={"introduced_by": record.introduced_by, "introduced_on": record.introduced_on})


def order(book: VoteBook, drafts: list[DraftKey]) -> ToolResult:
    """Which draft was submitted first, and how many days later the next one was (dates of paras 5 and 8)."""
    records = [(d, r) for d in drafts if (r := book.sponsorship(d)) is not None]
    if len(records) < 2:
        return _missing(book, drafts[0])
    dated = sorted(records, key=lambda dr: _submitted(dr[1]))
    (first, a), rest = dated[0], dated[1:]
    later = [(d, r, (_submitted(r) - _submitted(a)).days) for d, r in rest]
    lead = (f"{cap(_name(book, first, a))} was submitted first, on {a.introduced_on}, by the representative of {the(a.introduced_by)}; "
            + "; ".join(f"{_name(book, d, r)} was submitted {days} days later, on {r.introduced_on}, by the representative of "
                        f"{the(r.introduced_by)}" for d, r, days in later) + ".")
    return ToolResult("sponsors_order", (Claim(lead, tuple(book.cite(r) for _, r in dated)),),
                      facts=tuple(str(days) for *_, days in later), data={"first": a.draft_symbol})


def group_sponsors(book: VoteBook, group: Group, draft: DraftKey) -> ToolResult:
    """Which members of a group sponsored a draft (original or joined later) and which did not (paras 5 and 8).

    Membership comes from ``ingest/data/groups.json``, not from the document, and the answer says so.
    """
    record = book.sponsorship(draft)
    if record is None:
        return _missing(book, draft)
    sponsored = [s for s in group.members if s in _all(record)]
    others = [s for s in group.members if s not in _all(record)]
    everyone = "all" if not others else "none" if not sponsored else f"{len(sponsored)}"
    lead = f"{group.name} ({len(group.members)} Member States): {everyone} sponsored {_name(book, draft, record)}"
    lead += f": {_listed(record, sponsored)}" if sponsored and others else ""
    lead += f"; not sponsors: {_listed(record, others)}." if sponsored and others else "."
    rows = tuple((s, "sponsor" if s in sponsored else "not a sponsor") for s in group.members)
    claims = (Claim(lead, (book.cite(record),)), *membership(group))
    return ToolResult("group_sponsors", claims, Table(("Member State", record.draft_symbol), rows),
                      facts=(str(len(group.members)), str(len(sponsored)), *group.members, group.source))


def sponsors_apart(book: VoteBook, draft: DraftKey, excluded: frozenset[str], apart: str) -> ToolResult:
    """The sponsors of a draft (para. 5 / para. 8) other than the ``excluded`` States ("… but are not EU members")."""
    record = book.sponsorship(draft)
    if record is None:
        return _missing(book, draft)
    kept = [s for s in _all(record) if s not in excluded]
    lead = (f"Apart from {apart} ({len(_all(record)) - len(kept)} of the {len(_all(record))}), {len(kept)} States sponsored "
            f"{_name(book, draft, record)}" + (f": {_listed(record, kept)}." if kept else "."))
    rows = tuple((s, _when(record, s)) for s in kept)
    return ToolResult("sponsors", (Claim(lead, (book.cite(record),)),), Table(("Sponsor", "When"), rows),
                      facts=(str(len(kept)), str(len(_all(record))), str(len(_all(record)) - len(kept)), *excluded), data={"states": kept})


def title(book: VoteBook, draft: DraftKey) -> ToolResult:
    """The draft's title as the sponsorship paragraph gives it (para. 5: draft I; para. 8: draft II)."""
    record = book.sponsorship(draft)
    if record is None:
        return _own_title(book, draft) or _missing(book, draft)
    lead = f"{cap(_name(book, draft, record))} is entitled \u201c{record.title}\u201d."
    return ToolResult("draft_title", (Claim(lead, (book.cite(record),)),), data={"draft": record.draft_symbol, "title": record.title})


def _own_title(book: VoteBook, draft: DraftKey) -> ToolResult | None:
    """A resolution's title from its own cover page, when the draft is the document itself (A/HRC/RES/54/18); else None."""
    vote = book.vote(draft)
    document = next((d for d in book.documents if d.symbol == draft.document), None)
    if vote is None or document is None or vote.draft_symbol != document.symbol or not document.title:
        return None
    lead = f"{cap(book.draft_name(vote))} is entitled \u201c{document.title}\u201d."
    return ToolResult("draft_title", (Claim(lead, (citation_id(document.symbol, "header"),)),),
                      data={"draft": document.symbol, "title": document.title})


def sponsor_status(book: VoteBook, state: str, draft: DraftKey, with_vote: bool = True) -> ToolResult:
    """Whether a State was an original sponsor, joined later, or is not listed (para. 5 / para. 8).

    With ``with_vote``, also how it voted (para. 7 / para. 10).
    """
    record = book.sponsorship(draft)
    if record is None:
        return _missing(book, draft)
    where, draft_name = label(record.symbol, record.locator), _name(book, draft, record)
    status = "original" if state in record.sponsors else "joined" if state in record.joined_later else "none"
    if state in record.sponsors:
        text = (f"{cap(the(state))} was one of the original sponsors of {draft_name}: the representative of {the(record.introduced_by)} "
                f"submitted the draft on its behalf on {record.introduced_on} ({where}).")
    elif state in record.joined_later:
        text = f"{cap(the(state))} was not an original sponsor of {draft_name} but subsequently joined in sponsoring it ({where})."
    else:
        text = f"{cap(the(state))} is not listed among the sponsors of {draft_name} ({where})."
    claims = [Claim(text, (book.cite(record),)), *(book.position(state, draft, sponsorship=False).claims if with_vote else ())]
    return ToolResult("sponsor_status", tuple(claims), facts=(record.introduced_on,), data={"state": state, "draft": record.draft_symbol,
                                                                                             "sponsorship": status})


def introducer_status(book: VoteBook, state: str, draft: DraftKey) -> ToolResult:
    """Whether a State introduced (submitted) the draft: who did, on what date, and the State's own sponsorship.

    "Did France introduce L.37?": the representative of the United States submitted it, on 18 October 2018
    (A/73/505, para. 8), and France was one of its original sponsors. ``data["introduced"]`` feeds the yes/no verdict.
    """
    record = book.sponsorship(draft)
    if record is None:
        return _missing(book, draft)
    where, draft_name = label(record.symbol, record.locator), _name(book, draft, record)
    if state == record.introduced_by:
        text = f"The representative of {the(state)} submitted {draft_name} on {record.introduced_on} ({where})."
        claims = [Claim(text, (book.cite(record),))]
    else:
        text = (f"The representative of {the(record.introduced_by)}, not {the(state)}, submitted {draft_name} on "
                f"{record.introduced_on} ({where}).")
        claims = [Claim(text, (book.cite(record),)), *sponsor_status(book, state, draft, with_vote=False).claims]
    return ToolResult("introducer_status", tuple(claims), facts=(record.introduced_on,),
                      data={"state": state, "draft": record.draft_symbol, "introduced": state == record.introduced_by})


def both(book: VoteBook, first: DraftKey, second: DraftKey, with_vote: bool = False) -> ToolResult:
    """States that sponsored both drafts (original or joined later), in UN order of the first list.

    With ``with_vote``, how each voted on the two drafts is added (paras 7 and 10), with the intention footnotes.
    """
    a, b = book.sponsorship(first), book.sponsorship(second)
    if a is None or b is None:
        return _missing(book, first if a is None else second)
    shared = [s for s in _all(a) if s in _all(b)]
    rows = tuple((s, _when(a, s), _when(b, s)) for s in shared)
    lead = f"{len(shared)} States sponsored both {_name(book, first, a)} and {_name(book, second, b)}: " + "; ".join(
        f"{s} ({x} on {first.number}, {y} on {second.number})" for s, x, y in rows) + "."
    claims = [Claim(lead, (book.cite(a), book.cite(b)))]
    votes = [v for d in (first, second) if (v := book.vote(d)) is not None] if with_vote else []
    if votes:
        listed = "; ".join(f"{s} ({_positions_of(s, votes)})" for s in shared)
        claims.append(Claim(f"Their votes: {listed}.", tuple(book.cite(v) for v in votes)))
        claims.extend(c for s in shared for v in votes for c in book.intention_claims(s, v))
    return ToolResult("sponsors_both", tuple(claims), Table(("Member State", a.draft_symbol, b.draft_symbol), rows),
                      facts=(str(len(shared)), *shared), data={"states": shared})


def _positions_of(state: str, votes: list[RecordedVote]) -> str:
    """'in favour on I, not recorded on II'."""
    return ", ".join(f"{WORD[v.position_of(state) or '']} on {v.draft_number}" for v in votes)


def sponsors_in_position(book: VoteBook, first: DraftKey, second: DraftKey, position: Position) -> ToolResult:
    """Member States in ``position`` on both drafts that sponsored at least one of them, with the draft(s) each sponsored.

    Votes from the voting paragraphs (paras 7 and 10), sponsors from paras 5 and 8 (original or joined later).
    """
    a, b = book.sponsorship(first), book.sponsorship(second)
    va, vb = book.vote(first), book.vote(second)
    if a is None or b is None or va is None or vb is None:
        return _missing(book, first if a is None or va is None else second)
    voters = [s for s in va.states(position) if vb.position_of(s) == position]
    rows = tuple((s, "both" if s in _all(a) and s in _all(b) else first.number if s in _all(a) else second.number)
                 for s in voters if s in _all(a) or s in _all(b))
    listed = "; ".join(f"{s} (sponsor of {'both' if d == 'both' else d})" for s, d in rows)
    lead = (f"Of the {len(voters)} Member States that {VERB[position]} both drafts, {book.draft_name(va)} and {book.draft_name(vb)}, "
            f"{len(rows)} sponsored at least one of them" + (f": {listed}." if rows else "."))
    if not rows:
        lead = f"{count_states(0)} that {VERB[position]} both drafts sponsored either of them."
    cited = (book.cite(va), book.cite(vb), book.cite(a), book.cite(b))
    return ToolResult("sponsors_voting", (Claim(lead, cited),), Table(("Member State", "Sponsored"), rows),
                      facts=(str(len(voters)), str(len(rows)), *(s for s, _ in rows)), data={"states": [s for s, _ in rows]})


def voters_who_sponsored(
    book: VoteBook, voted_on: DraftKey, position: Position, sponsored: DraftKey, which: Which = "all", within: Group | None = None,
) -> ToolResult:
    """'Which of the States that voted against draft I sponsored draft II?'.

    The Member States in ``position`` on ``voted_on`` (para. 7 / para. 10) that sponsored ``sponsored``
    (para. 5 / para. 8), original or joined later; the others are named when there are ten or fewer.
    ``within`` keeps the members of one group (membership from ingest/data/groups.json, and the answer says so).
    """
    vote, record = book.vote(voted_on), book.sponsorship(sponsored)
    if vote is None or record is None:
        return _missing(book, sponsored)
    voters = [s for s in vote.states(position) if within is None or s in within.members]
    both = [s for s in voters if s in _which(record, which)]
    joined = {"all": "sponsored", "original": "were original sponsors of", "later": "joined later in sponsoring"}[which]
    whose = f" of the {of_group(within)}" if within else ""
    lead = (f"Of the {len(voters)} Member States{whose} that {VERB[position]} {book.draft_name(vote)}, {len(both)} {joined} "
            f"{_name(book, sponsored, record)}" + (f": {_listed(record, both)}." if both else "."))
    others = [s for s in voters if s not in both]
    if both and others and len(others) <= 10:
        lead += f" The other {len(others)}: {names(others)}."
    rows = tuple((s, _when(record, s)) for s in both)
    claims = (Claim(lead, (book.cite(vote), book.cite(record))), *membership(within))
    facts = (str(len(voters)), str(len(both)), str(len(others)), *both, *others, *membership_facts(within))
    return ToolResult("sponsors_voting", claims, Table(("Member State", "Sponsor"), rows), facts=facts, data={"states": both})


def totals(book: VoteBook, drafts: list[DraftKey]) -> ToolResult:
    """Sponsors of the drafts added up (paras 5 and 8), and how many different States that is."""
    records = [r for d in drafts if (r := book.sponsorship(d)) is not None]
    if len(records) < 2:
        return _missing(book, drafts[0])
    counts = [len(_all(r)) for r in records]
    distinct = {s for r in records for s in _all(r)}
    each = " and ".join(f"{n} for {_name(book, d, r)}" for n, d, r in zip(counts, drafts, records, strict=False))
    lead = (f"The drafts had {sum(counts)} sponsorships together ({each}), made by {len(distinct)} different States: "
            f"{sum(counts) - len(distinct)} sponsored more than one draft.")
    return ToolResult("sponsors_total", (Claim(lead, tuple(book.cite(r) for r in records)),),
                      facts=(str(sum(counts)), *map(str, counts), str(len(distinct)), str(sum(counts) - len(distinct))))


def sponsor_votes(book: VoteBook, draft: DraftKey, on: DraftKey | None = None, which: Which = "all") -> ToolResult:
    """How each sponsor of ``draft`` (``which``: all, original, or joined later) voted on ``on`` (default: ``draft`` itself)."""
    record, vote = book.sponsorship(draft), book.vote(on or draft)
    if record is None or vote is None:
        return _missing(book, draft)
    rows = tuple((s, WORD[vote.position_of(s) or ""]) for s in _which(record, which))
    counts: dict[str, list[str]] = {}
    for state, position in rows:
        counts.setdefault(position, []).append(state)
    parts = [f"{len(v)} {k} ({_listed(record, v)})" for k, v in counts.items()]
    target = "it" if on is None or on == draft else book.draft_name(vote)
    lead = f"Of the {len(rows)} {WHICH_WORDS[which]} of {_name(book, draft, record)}, on {target}: {'; '.join(parts)}."
    claims = [Claim(lead, (book.cite(record), book.cite(vote)))]
    for state in counts.get("not recorded", []):
        claims.extend(book.intention_claims(state, vote))
    facts = (str(len(rows)), *(str(len(v)) for v in counts.values()), *(s for s, _ in rows))
    return ToolResult("sponsor_votes", tuple(claims), Table(("Sponsor", "Position"), rows), facts=facts,
                      data={"positions": {s: vote.position_of(s) for s in _which(record, which)}})


def own_draft(book: VoteBook, state: str, with_vote: bool = True, with_sponsors: bool = False) -> ToolResult:
    """'Did X vote for its own draft?': the draft(s) ``state`` introduced and how it voted on each.

    The draft(s) come from para. 5 / para. 8; the vote is given only with ``with_vote``
    ('Which draft did X introduce?' asks without), and the sponsors on whose behalf it was submitted
    with ``with_sponsors`` ('When did X introduce its draft and on behalf of whom?').

    A State that introduced no draft gets that said, cited to every sponsorship paragraph.
    """
    records = [(d, r) for d in book.drafts() if (r := book.sponsorship(d)) is not None]
    introduced_here = [d for d, r in records if r.introduced_by == state]
    if not introduced_here:
        text = f"{cap(the(state))} introduced none of the draft resolutions; " + "; ".join(
            f"{_name(book, d, r)} was introduced by {the(r.introduced_by)}" for d, r in records) + "."
        return ToolResult("sponsor_votes", (Claim(text, tuple(book.cite(r) for _, r in records)),), data={"state": state})
    claims: list[Claim] = []
    facts: list[str] = [state]
    for draft in introduced_here:
        first = sponsors(book, draft) if with_sponsors else introduced(book, draft)
        for result in (first, *([book.position(state, draft, sponsorship=False)] if with_vote else [])):
            claims.extend(result.claims)
            facts.extend(result.facts)
    return ToolResult("sponsor_votes", tuple(claims), facts=tuple(facts), data={"state": state})
