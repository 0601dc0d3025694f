"""A summary of a document or of its drafts, built from the records (never from a model).

"Summarize the report" (``summary_words`` in words.toml) gets, for each document asked about: what it is (its
symbol, body, date, agenda item and title, from the cover page), then for each draft it recommends (or the one
named): its title, who introduced it, when and for how many sponsors (the sponsorship paragraph), the operative
paragraph setting up the body it creates, quoted, and how it was adopted and by what tally (the recorded vote's
paragraph). Each sentence cites the unit it comes from.
"""

from __future__ import annotations

import re

from assistant.drafts import body_paragraph
from assistant.language import ENGLISH_FUNCTION_WORDS
from assistant.results import Claim, Table, ToolResult
from assistant.router import DraftRef
from assistant.understand.lexicon import lexicon
from assistant.verdict import is_polar
from assistant.votes import sponsors
from assistant.votes.votebook import DraftKey, VoteBook, action_key, cap
from ingest.citations import citation_id
from ingest.member_states import name_key
from ingest.records import ParsedDocument, Unit

_WORD_RE = re.compile(r"[\w'-]+")
_SYMBOLS_RE = re.compile(r"\b[A-Z]/[\w./-]*\d|\bL\.\d+(?:/Rev\.\d+)?")  # symbols left beside a draft's name
_ROMAN_RE = re.compile(r"[ivx]+")  # a draft's number left beside its name ('draft decision i')
AGENDA_ITEM_RE = re.compile(r"\bagenda item (?P<item>\d+)\b", re.I)  # 'agenda item 104' (A/78/407's cover page)


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
    said = {name_key(w) for w in _WORD_RE.findall(text)}
    if not named and not names_document and not said & words.document_nouns:
        return None  # "In a nutshell, what is the OEWG supposed to do?" names neither a draft nor a document
    kinds = {kind for w in said if (kind := words.document_kinds.get(w))}  # "the 45th plenary meeting": its record
    return _summarized(named, [d for d in documents if d.kind in kinds] or documents, book)


SHORT_BODY_NAME = 5  # letters of a body's one-word name read as naming a draft's body ('hrc', 'ga', 'unga')


def corpus_listing(text: str, documents: list[ParsedDocument]) -> ToolResult | None:
    """'Which documents do you have?': each document indexed, by its cover page (words.toml ``corpus_questions``); else None."""
    if not lexicon().corpus_questions.search(text):
        return None
    claims = [Claim(f"The documents indexed are {len(documents)}:", ())]
    claims += [c for d in documents for c in _document_claims(d)]
    facts = (str(len(documents)), *(f for d in documents for f in (d.date, d.agenda_item, str(len(d.drafts) + len(d.decisions)))))
    return ToolResult("summary", tuple(claims), facts=facts)


def of_drafts(text: str, drafts: list[DraftRef], documents: list[ParsedDocument], book: VoteBook) -> ToolResult | None:
    """'What does L.52 say?', 'What was it about (draft decision I (A/C.1/78/L.61))?': the drafts named, summarized.

    For a question whose words only name the drafts (their symbols, numbers, titles' words, introducer's adjective, year)
    and ask what they say (words.toml ``about_words``, function words); None when it names anything else ("What does
    L.52 say about training?", "What is the oldest resolution recalled in A/78/407?") or no draft.
    """
    named = {(r.document, r.number) for r in drafts if r.end > r.start}
    words = lexicon()
    titles = {name_key(w) for r in drafts for doc in documents if doc.symbol == r.document
              for d in (*doc.drafts, *doc.decisions) if d.number == r.number.removeprefix("decision ") for w in _WORD_RE.findall(d.title)}
    # a body's short name before the draft ("the HRC resolution", "the GA resolution"); not the words of a long name,
    # which may be the topic asked ("What does draft I say about human rights?")
    bodies = {body for body in words.bodies if " " not in body and len(body) <= SHORT_BODY_NAME}
    allowed = (words.about_words | words.draft_nouns | words.decision_nouns | words.document_nouns | set(words.demonyms)
               | ENGLISH_FUNCTION_WORDS | titles | bodies)
    said = {name_key(w) for w in _WORD_RE.findall(_SYMBOLS_RE.sub(" ", text))}
    if not named or not {w for w in said if not _ROMAN_RE.fullmatch(w) and not w.isdigit()} <= allowed:
        return None
    return _summarized(named, documents, book)


def _summarized(named: set[tuple[str, str]], documents: list[ParsedDocument], book: VoteBook) -> ToolResult | None:
    """The summary claims of each document (``named`` empty) or of the drafts ``named`` ((document, number))."""
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
    kind = document.kind.replace("_", " ")  # 'meeting record'
    lead = f"{document.symbol} is the {kind}{body}{issued}{item}, entitled \u201c{document.title}\u201d.{recommends}"
    return [Claim(lead, (citation_id(document.symbol, "header"),))]


def _body_paragraph(book: VoteBook, key: DraftKey) -> Unit | None:
    """The operative paragraph that sets up the body of the draft ``key`` (``drafts.body_paragraph``), when its text is indexed."""
    document = next((d for d in book.documents if d.symbol == key.document), None)
    return body_paragraph(document, key.number) if document is not None else None


def _first_operative(book: VoteBook, key: DraftKey) -> Unit | None:
    """Operative paragraph 1 of the draft ``key``, or a draft decision's text, when its document is indexed.

    A/78/407, draft I, op. 1; its draft decision, 'DD-I.PP-1'.
    """
    document = next((d for d in book.documents if d.symbol == key.document), None)
    if document is None:
        return None
    if key.number.startswith("decision "):  # a draft decision is one paragraph, 'DD-I.PP-1' (A/78/407, para. 14)
        return next((u for u in document.units if u.locator.startswith(f"DD-{key.number.split()[1]}.")), None)
    if key.number == document.symbol:  # a resolution's own text: its first operative paragraph (A/HRC/RES/54/18, 'OP-1')
        return next((u for u in document.units if u.draft is None and u.kind == "operative"), None)
    return next((u for u in document.units if u.draft == key.number and u.kind == "operative"), None)


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
    elif (unit := _first_operative(book, key)) is not None:  # a draft setting up no body: what it first decides or asks
        where = unit.label.split(", ", 1)[-1]
        opening = "Its text" if key.decision else "Its first operative paragraph"
        results.append(ToolResult("summary", (Claim(f"{opening}, {where}, reads:", (unit.id,)),
                                              Claim(f"\u201c{unit.text}\u201d", (unit.id,), quote=True))))
    vote = book.vote(key)
    if vote is not None:
        results.append(ToolResult("summary", (Claim(f"{cap(book.draft_name(vote))} was {book.adoption(vote)}.", (book.cite(vote),)),)))
    elif key in book.adoptions:
        results.append(book.no_vote(key))
    return results


def side_by_side(drafts: list[DraftRef], book: VoteBook) -> ToolResult | None:
    """Two drafts or more compared on no named aspect: each one's record, and a table of them side by side.

    "Compare the Russian draft in 2018 with the one in 2023": for each draft named (in the order named), its title, who
    introduced it and for how many sponsors (the sponsorship paragraph), the paragraph setting up its body (quoted), and
    how it was adopted (the recorded vote or adoption); each sentence cites its unit. None for fewer than two drafts
    with records, or when a vote on one draft in two bodies is all that is named (a vote comparison, the router's).
    """
    keys = list(dict.fromkeys(DraftKey(r.document, r.number) for r in drafts))
    keys = [k for k in keys if book.sponsorship(k) is not None or book.vote(k) is not None or k in book.adoptions]
    if len(keys) < 2 or len({book.draft_voted(k) or k for k in keys}) < 2:
        return None
    claims: list[Claim] = []
    facts: list[str] = []
    for key in keys:
        for result in _draft_results(book, key):
            claims.extend(result.claims)
            facts.extend(result.facts)
    return ToolResult("comparison", tuple(claims), _aspects_table(book, keys), facts=tuple(facts))


def _aspects_table(book: VoteBook, keys: list[DraftKey]) -> Table:
    """Rows: title, introduced by, sponsors, body set up, adoption; a column per draft (its symbol)."""
    columns: list[str] = ["Aspect"]
    cells: list[list[str]] = [[] for _ in range(5)]
    for key in keys:
        record, vote, unit = book.sponsorship(key), book.vote(key), _body_paragraph(book, key)
        columns.append(record.draft_symbol if record else key.document)
        cells[0].append(record.title if record else "")
        cells[1].append(f"{record.introduced_by}, {record.introduced_on}" if record else "")
        cells[2].append(str(len(record.sponsors) + len(record.joined_later)) if record else "")
        cells[3].append(unit.label.split(", ", 1)[-1] if unit else "")
        cells[4].append(book.adoption(vote) if vote else ("adopted without a vote" if key in book.adoptions else ""))
    names = ("Title", "Introduced by", "Sponsors", "Sets up a body in", "Adopted")
    return Table(tuple(columns), tuple((name, *row) for name, row in zip(names, cells, strict=True)))


def document_title(text: str, drafts: list[DraftRef], documents: list[ParsedDocument], names_document: bool) -> ToolResult | None:
    """'What is the title of the 2023 report?', 'What is the title of agenda item 104?': each document's title, or None.

    For a title question ('title', 'called'; the words naming the documents are blanked from ``text``) that names its
    documents (``names_document``: their symbol, year or session; or their agenda item) and no draft. The title is the
    cover page's, which is the agenda item's.
    """
    named = names_document or AGENDA_ITEM_RE.search(text) is not None
    if not lexicon().title_words.search(text) or any(r.end > r.start for r in drafts) or not named:
        return None
    draft_nouns = {name_key(w) for w in _WORD_RE.findall(text)} & lexicon().draft_nouns
    if draft_nouns and not all(d.kind == "resolution" for d in documents):
        return None  # "What are the drafts in the 2023 report called?" asks for the drafts' titles
    claims = []
    for document in documents:
        header = next((u for u in document.units if u.locator == "header"), None)
        if header is None or not document.title:
            continue
        if AGENDA_ITEM_RE.search(text) and document.kind != "report":
            continue  # a resolution's title is its own, not its agenda item's
        item = f", under agenda item {document.agenda_item}," if document.agenda_item else ""
        claims.append(Claim(f"{document.symbol}{item} is entitled \u201c{document.title}\u201d.", (header.id,)))
    return ToolResult("document_title", tuple(claims), facts=tuple(d.agenda_item for d in documents)) if claims else None


def agenda_item_check(text: str, documents: list[ParsedDocument], names_document: bool) -> ToolResult | None:
    """The agenda item a document is under, from its cover page, asked or claimed.

    Asked: 'Under which agenda item was 54/18 adopted?'; claimed: 'A/73/505 is under agenda item 98, right?' (led by 'Yes'
    or 'No').

    For a question on the agenda item ('which agenda item', or a number claimed in a yes/no question) about documents
    it names (``names_document``) or narrowed to two at most; None otherwise. A/73/505 is under item 96 (cover page).
    """
    claimed = AGENDA_ITEM_RE.search(text)
    asked = lexicon().agenda_item_questions.search(text)
    if lexicon().title_words.search(text) or not (names_document or len(documents) <= 2):
        return None
    if not (asked or (claimed and is_polar(text))):
        return None
    claims = []
    for document in documents:
        header = next((u for u in document.units if u.locator == "header"), None)
        if header is None or not document.agenda_item:
            continue
        verdict = "" if asked or claimed is None else ("Yes: " if document.agenda_item == claimed["item"] else "No: ")
        titled = f", \u201c{document.title}\u201d" if document.kind == "report" else ""  # a report bears its item's title
        claims.append(Claim(f"{verdict}{document.symbol} is under agenda item {document.agenda_item}{titled}.", (header.id,)))
    return ToolResult("document_title", tuple(claims), facts=tuple(d.agenda_item for d in documents)) if claims else None


def documents_side_by_side(documents: list[ParsedDocument], book: VoteBook) -> ToolResult | None:
    """Two documents or more compared on no named aspect: each one's cover page in a sentence, and a table of them.

    "What is the difference between the 2018 report and the 2023 report?": A/73/505 (item 96, two drafts, two recorded
    votes) beside A/78/407 (item 104, three drafts and a draft decision, four recorded votes and one adoption).
    """
    claims = [c for d in documents for c in _document_claims(d)]
    if len(claims) < 2:
        return None
    rows = [("Body", *(d.body for d in documents)), ("Issued", *(d.date for d in documents)),
            ("Agenda item", *(d.agenda_item for d in documents)),
            ("Drafts recommended", *(str(len(d.drafts) + len(d.decisions)) for d in documents)),
            ("Recorded votes", *(str(sum(1 for v in d.votes if v.whole)) for d in documents)),
            ("Adopted without a vote", *(str(len(d.adoptions)) for d in documents))]
    table = Table(("Aspect", *(d.symbol for d in documents)), tuple(rows))
    return ToolResult("comparison", tuple(claims), table, facts=tuple(c for row in rows for c in row[1:]))
