"""What ingest found in one document, as the lines ``rapporteur ingest`` prints (pure)."""

from __future__ import annotations

from collections import Counter

from ingest.records import Adoption, ParsedDocument, RecordedVote

_KIND_NAMES = {
    "header": "cover page", "report_paragraph": "report paragraphs", "footnote": "footnotes", "preambular": "preambular paras",
    "operative": "operative paras", "passage": "passages", "adoption": "adoption blocks",
}


def describe(document: ParsedDocument) -> list[str]:
    """Lines saying what one document holds, in this order.

    The symbol, kind, body and file; units by kind; the drafts and decisions; every recorded vote
    with what was voted on and its tally; every adoption without a vote; footnotes; warnings of a
    lenient ingest.
    """
    kinds = Counter(u.kind for u in document.units)
    lines = [
        f"{document.source}: {document.symbol} ({document.kind.replace('_', ' ')}, {document.body or 'no voting body'}), "
        f"{len(document.units)} units: " + ", ".join(f"{n} {_KIND_NAMES[k]}" for k, n in kinds.items()),
    ]
    if document.drafts or document.decisions:
        lines.append("  drafts: " + "; ".join(_what(d.number, d.kind, d.symbol or "") for d in (*document.drafts, *document.decisions)))
    lines.extend(f"  vote: {vote_line(v)}" for v in document.votes)
    lines.extend(f"  adopted without a vote: {adoption_line(a)}" for a in document.adoptions)
    notes = [u.locator for u in document.units if u.kind == "footnote"]
    if notes:
        lines.append(f"  footnotes: {', '.join(notes)}")
    lines.extend(f"  warning: {w}" for w in document.warnings)
    return lines


def _what(number: str | None, kind: str, symbol: str) -> str:
    named = f"draft {kind} {number}" if number else f"draft {kind}"
    return f"{named} ({symbol})" if symbol else named


def vote_line(vote: RecordedVote) -> str:
    """One vote as a line.

    For example 'draft resolution II (A/C.1/78/L.12), operative paragraph 1 retained, 92-52-24 of 193, First Committee,
    30th meeting, 3 November 2023 [para-12(a)]'.
    """
    own = vote.draft_symbol == vote.symbol  # a vote recorded under the resolution it adopted (the Council's)
    what = f"resolution {vote.resolution} ({vote.symbol})" if own else _what(vote.draft_number, vote.draft_kind, vote.draft_symbol)
    part = f", {vote.subject} {vote.outcome}" if not vote.whole else f" {vote.outcome}"
    yes, no, abstaining = vote.stated
    when = ", ".join(x for x in (vote.meeting, vote.date) if x)
    resolution = f" as resolution {vote.resolution}" if vote.resolution and not own else ""
    when = f", {when}" if when else ""
    return f"{what}{part}{resolution}, {yes}-{no}-{abstaining} of {vote.electorate}, {vote.body}{when} [{vote.locator}]"


def adoption_line(adoption: Adoption) -> str:
    """'draft resolution III (A/C.1/78/L.30), First Committee, 29th meeting, 2 November 2023 [para-16]'."""
    what = _what(adoption.draft_number, adoption.draft_kind, adoption.draft_symbol)
    resolution = f" as resolution {adoption.resolution}" if adoption.resolution else ""
    when = ", ".join(x for x in (adoption.meeting, adoption.date) if x)
    return f"{what}{resolution}, {adoption.body}{', ' + when if when else ''} [{adoption.locator}]"
