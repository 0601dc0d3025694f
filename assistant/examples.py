"""Example questions for the chat UI, written from the records of the corpus indexed (not from one report).

The first report with recorded votes on draft resolutions gives them: how a State voted on its first draft voted, the
States that abstained on both (or on the draft, with one vote or more than two), who introduced the draft setting up a
body (else the first draft introduced), and a summary of the report. With A/73/505 first: "How did Albania vote on
draft resolution I?", "Which States abstained on both drafts?", "Who introduced the open-ended working group resolution,
and when?", "Summarize A/73/505." Every example is a question the assistant answers from the records.
"""

from __future__ import annotations

from assistant.drafts import BODY_TITLES, bodies_set_up
from ingest.records import ParsedDocument, RecordedVote


def corpus_examples(documents: list[ParsedDocument]) -> list[str]:
    """Up to four example questions about ``documents`` (parsed records), in the order shown.

    Without a report of votes on draft resolutions: what is indexed, and a summary of the first document.
    """
    report = next((d for d in documents if any(_on_a_resolution(v) for v in d.votes)), None)
    if report is None:
        return ["Which documents do you have?", *(f"Summarize {d.symbol}." for d in documents[:1])]
    votes = [v for v in report.votes if _on_a_resolution(v)]
    first = votes[0]
    state = (first.against or first.abstaining or first.in_favour)[0]
    examples = [f"How did {state} vote on draft resolution {first.draft_number}?"]
    if len(report.drafts) == 2 and len({v.draft_number for v in votes}) == 2:
        examples.append("Which States abstained on both drafts?")
    else:
        examples.append(f"Which States abstained on draft resolution {first.draft_number}?")
    examples.append(_introduced(report))
    examples.append(f"Summarize {report.symbol}.")
    return examples


def _on_a_resolution(vote: RecordedVote) -> bool:
    """A vote on a draft resolution as a whole, with a number and someone against or abstaining to ask about."""
    return vote.whole and vote.draft_kind == "resolution" and bool(vote.draft_number) and bool(vote.against or vote.abstaining)


def _introduced(report: ParsedDocument) -> str:
    """'Who introduced the open-ended working group resolution, and when?' (a body set up names its draft), else the first draft."""
    for draft in report.drafts:
        bodies = bodies_set_up(report, draft.number)
        if bodies and any(s.draft_symbol == draft.symbol for s in report.sponsorships):
            return f"Who introduced the {BODY_TITLES[bodies[0]]} resolution, and when?"
    return f"Who introduced draft resolution {report.drafts[0].number}, and when?" if report.drafts else "Who sponsored the drafts?"
