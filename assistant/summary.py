"""A summary of a document or of its drafts, built from the records (never from a model).

"Summarize the report" (``summary_words`` in words.toml) gets, for each document asked about: what it is (its
symbol, body, date, agenda item and title, from the cover page), then for each draft it recommends (or the one
named): its title, who introduced it, when and for how many sponsors (the sponsorship paragraph), the operative
paragraph setting up the body it creates, quoted, and how it was adopted and by what tally (the recorded vote's
paragraph). Each sentence cites the unit it comes from.
"""

from __future__ import annotations

import re

from assistant import sponsors
from assistant.drafts import body_paragraph
from assistant.results import Claim, ToolResult
from assistant.router import DraftRef
from assistant.understand.lexicon import lexicon
from assistant.votebook import DraftKey, VoteBook, action_key, cap
from ingest.citations import citation_id
from ingest.member_states import name_key
from ingest.records import ParsedDocument, Unit

_WORD_RE = re.compile(r"[\w'-]+")


def answer(text: str, drafts: list[DraftRef], documents: list[ParsedDocument], book: VoteBook,
           names_document: bool = False) -> ToolResult | None:
    """The summary ``text`` asks for, or None when it asks for none (or for one of a paragraph or a body, not a document).

    ``drafts``: the drafts the question names (their own words, not a description read from the whole question);
    none named, every draft and recorded action of every document in ``documents``. ``names_document``: the question
    named its documents in words taken out of ``text`` ("Summarize the 2023 report": ``Scope.naming``).
    """
    words = lexicon()
    named = {(r.document, r.number) for r in drafts if r.end > r.start}
    if not words.summary_words.search(text) or any(pattern.search(text) for pattern, _ in words.part_nouns):
        return None  # "Sum up the norms in paragraph 1 of draft I" asks about a paragraph, not the draft
    if not named and not names_document and not {name_key(w) for w in _WORD_RE.findall(text)} & words.document_nouns:
        return None  # "In a nutshell, what is the OEWG supposed to do?" names neither a draft nor a document
    claims: list[Claim] = []
    facts: list[str] = []
    for document in documents:
        keys = [DraftKey(document.symbol, d.number) for d in document.drafts]
        keys += [DraftKey(document.symbol, f"decision {d.number}") for d in document.decisions]
        # what a resolution or a meeting record acted on: its own adoption, the plenary's votes on a report's drafts
        keys += [k for k in [*map(action_key, document.votes), *map(action_key, document.adoptions)] if k not in keys]
        chosen = [k for k in keys if (k.document, k.number) in named] if named else keys
        if named and not chosen:
            continue
        if not named or any(k.number == document.symbol for k in chosen):  # the document itself, or a resolution's own adoption
            claims.extend(_document_claims(document))
            facts.extend((document.date, document.agenda_item, str(len(keys))))
        for key in chosen:
            results = _draft_results(book, key)
            claims.extend(c for r in results for c in r.claims)
            facts.extend(f for r in results for f in r.facts)
    return ToolResult("summary", tuple(claims), facts=tuple(facts)) if claims else None


def _document_claims(document: ParsedDocument) -> list[Claim]:
    """The cover page in a sentence: 'A/73/505 is the report of the First Committee issued on 19 November 2018 …'."""
    header = next((u for u in document.units if u.locator == "header"), None)
    if header is None:
        return []
    body = f" of the {document.body}" if document.body else ""
    issued = f" issued on {document.date}" if document.date else ""
    item = f" under agenda item {document.agenda_item}" if document.agenda_item else ""
    count = len(document.drafts) + len(document.decisions)
    recommends = f" It recommends {count} draft{'s' if count != 1 else ''} to the General Assembly." if count else ""
    lead = f"{document.symbol} is the {document.kind}{body}{issued}{item}, entitled \u201c{document.title}\u201d.{recommends}"
    return [Claim(lead, (citation_id(document.symbol, "header"),))]


def _body_paragraph(book: VoteBook, key: DraftKey) -> Unit | None:
    """The operative paragraph that sets up the body of the draft ``key`` (``drafts.body_paragraph``), when its text is indexed."""
    document = next((d for d in book.documents if d.symbol == key.document), None)
    return body_paragraph(document, key.number) if document is not None else None


def _draft_results(book: VoteBook, key: DraftKey) -> list[ToolResult]:
    """The draft's title and introduction (with the date of introduction as a fact), then its adoption."""
    results: list[ToolResult] = []
    if (record := book.sponsorship(key)) is not None:
        results.append(sponsors.title(book, key))
        introduced = sponsors.introduced(book, key)
        results.append(ToolResult(introduced.tool, introduced.claims, facts=(*introduced.facts, record.introduced_on)))
    if (unit := _body_paragraph(book, key)) is not None:  # what the draft sets up, quoted whole
        where = unit.label.split(", ", 1)[-1]
        results.append(ToolResult("summary", (Claim(f"It sets up a body in {where}:", (unit.id,)),
                                              Claim(f"\u201c{unit.text}\u201d", (unit.id,), quote=True))))
    vote = book.vote(key)
    if vote is not None:
        results.append(ToolResult("summary", (Claim(f"{cap(book.draft_name(vote))} was {book.adoption(vote)}.", (book.cite(vote),)),)))
    elif key in book.adoptions:
        results.append(book.no_vote(key))
    return results
