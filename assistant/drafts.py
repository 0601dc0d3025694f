"""Finding which draft resolution a question names, however people name it.

Names are derived from the records, not hard-coded: the number ("draft resolution I",
"resolution II"), the L-document symbol in any spelling ("A/C.1/73/L.27/Rev.1",
"L.27/Rev.1", "L27"), the introducing State ("the Russian draft", "the US draft"), the
body an operative paragraph sets up ("the OEWG resolution", "the GGE draft") and
distinctive words of the title ("advancing responsible State behaviour").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from assistant.understand.lexicon import lexicon
from ingest.chunks import is_chapeau
from ingest.member_states import name_key, roster
from ingest.records import Adoption, Draft, ParsedDocument, RecordedVote, Unit

T = TypeVar("T")

_ROMAN = {
    "i": "I", "ii": "II", "iii": "III", "iv": "IV", "v": "V",
    "1": "I", "2": "II", "3": "III",
    "first": "I", "second": "II", "third": "III",
}
_NUMBER_RE = re.compile(
    r"\b(?:draft\s+(?:resolutions?\s+)?|resolutions?\s+|dr[\s-]?)(?P<n>iii|ii|iv|i|v|[123])\b(?!/|\.\w)|\b(?P<w>first|second|third)\s+(?:draft|one)\b",
    re.I,
)
_BARE_NUMBER_RE = re.compile(r"\b(?:on|for|about|to|and|of|against|supported|opposed|backed)\s+(?P<n>III|II|IV|I|V)\b(?![./\w])")
# "against the first draft and for the second": an ordinal standing for a draft after a vote preposition, at a clause end
_BARE_ORDINAL_RE = re.compile(r"\b(?:on|for|against|of)\s+the\s+(?P<w>first|second|third)(?:\s+one)?(?=\s*(?:[?.!,;]|$))", re.I)
_SYMBOL_RE = re.compile(r"(?:\bA\s*/\s*C\.\s*1\s*/\s*\d+\s*/\s*)?\bL\s*\.?\s*(?P<num>\d{1,3})(?P<rev>\s*/?\s*Rev\s*\.?\s*\d+)?\b", re.I)
_OTHER_RE = re.compile(r"\b(?:the\s+)?other\s+(?:draft|resolution|text|one)\b|\bthe other\s*\??\s*$", re.I)


class _FromLexicon(Mapping[str, T]):
    """A body key → value mapping read from words.toml's [[set_up_body]] entries on first use, not at import."""

    def __init__(self, field: Callable[[tuple[str, str, re.Pattern[str], re.Pattern[str]]], T]) -> None:
        self._field = field

    @functools.cached_property
    def _values(self) -> dict[str, T]:
        return {entry[0]: self._field(entry) for entry in lexicon().set_up_bodies}

    def __getitem__(self, key: str) -> T:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


# the bodies a draft may set up: the words of the paragraph setting one up, its title, what users call it
_BODIES: Mapping[str, re.Pattern[str]] = _FromLexicon(lambda entry: entry[3])
_NORMS_LIST_RE = re.compile(r"\brules, norms and principles\b", re.I)
# "To be guided … by the 2010, 2013 and 2015 reports of the Group …": a draft's norms taken from a body's earlier reports
_GUIDED_BY_REPORTS_RE = re.compile(r"\bguided\b.*\breports?\s+of\s+the\b", re.I | re.S)
BODY_TITLES: Mapping[str, str] = _FromLexicon(lambda entry: entry[1])
BODY_NAME_RES: Mapping[str, re.Pattern[str]] = _FromLexicon(lambda entry: entry[2])


@dataclass(frozen=True)
class DraftRef:
    """A draft resolution named in a question: its document, number, symbol, and the words matched."""

    document: str
    number: str
    symbol: str | None
    surface: str
    start: int
    end: int
    other_revision: bool = False  # "L.27/Rev.2" named where the documents have L.27/Rev.1


@dataclass(frozen=True)
class UnknownDraft:
    """An L-document symbol named in a question that is no draft voted on in the corpus."""

    symbol: str
    surface: str


def _short_symbol(symbol: str) -> tuple[str, str]:
    match = re.search(r"L\.(\d+)(/Rev\.(\d+))?$", symbol)
    return (match[1], match[3] or "") if match else ("", "")


def find_drafts(text: str, documents: list[ParsedDocument]) -> tuple[list[DraftRef], list[UnknownDraft]]:
    """Draft resolutions named in ``text`` (in order, each draft once) and unknown drafts.

    Unknown drafts are L-symbols of no recorded vote ("L.72") and numbers the documents do not
    recommend ("draft resolution III").

    "The other draft" is not resolved here (it needs the conversation): see ``other_draft``.
    """
    found, unknown = _found_drafts(text, _Corpus(documents))
    return list(found), list(unknown)


class _Corpus:
    """Documents as a cache key: two are equal when their documents' symbols and content hashes are, in order.

    A turn reads the same question for drafts several times, and over 100 reports each reading tries 200 drafts.
    """

    __slots__ = ("documents", "key")

    def __init__(self, documents: list[ParsedDocument]) -> None:
        self.documents = documents
        self.key = tuple((d.symbol, d.content_hash) for d in documents)

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Corpus) and other.key == self.key


@functools.lru_cache(maxsize=64)
def _found_drafts(text: str, corpus: _Corpus) -> tuple[tuple[DraftRef, ...], tuple[UnknownDraft, ...]]:
    """``find_drafts`` of ``corpus``'s documents, once per text and corpus."""
    documents = corpus.documents
    found: list[DraftRef] = []
    unknown: list[UnknownDraft] = []
    for document in documents:
        for draft in (*document.drafts, *document.decisions):
            found.extend(_matches(text, document, draft))
    known = {_short_symbol(d.symbol or "")[0] for doc in documents for d in (*doc.drafts, *doc.decisions)}
    for match in _SYMBOL_RE.finditer(text):
        if match["num"] not in known:
            unknown.append(UnknownDraft(f"L.{match['num']}" + ("/Rev.1" if match["rev"] else ""), match.group().strip()))
    found.extend(_acted_on(text, documents))
    numbers = {d.number for doc in documents for d in doc.drafts} | {r.number for r in found}
    for match in _NUMBER_RE.finditer(text):  # "draft resolution III" when the report recommends only I and II
        number = _ROMAN.get((match["n"] or match["w"] or "").lower())
        if number and number not in numbers:
            unknown.append(UnknownDraft(f"draft resolution {number}", match.group().strip()))
    found = _pinned(text, found)
    found.sort(key=lambda r: r.start)
    unique: dict[tuple[str, str], DraftRef] = {}
    for ref in found:
        unique.setdefault((ref.document, ref.number), ref)
    return tuple(unique.values()), tuple(unknown)


# a symbol in brackets after a draft's name, as answers print it: "draft resolution I (A/C.1/73/L.27/Rev.1)"
BRACKETED_SYMBOL_RE = re.compile(r"\s*\((?P<symbol>[^()]+)\)")


def _pinned(text: str, found: list[DraftRef]) -> list[DraftRef]:
    """The drafts found, where a number several documents have is followed by one's symbol in brackets, only that one.

    "draft resolution I (A/C.1/73/L.27/Rev.1)" (how answers name a draft) with A/78/407 and A/76/441 indexed too is
    A/73/505's draft I, not each report's.
    """
    by_span: dict[tuple[int, int], list[DraftRef]] = {}
    for ref in found:
        by_span.setdefault((ref.start, ref.end), []).append(ref)
    kept = []
    for (_, end), rivals in by_span.items():
        bracket = BRACKETED_SYMBOL_RE.match(text, end) if len(rivals) > 1 else None
        pinned = [r for r in rivals if bracket is not None and r.symbol == bracket["symbol"]]
        kept += pinned or rivals
    return kept


def _acted_on(text: str, documents: list[ParsedDocument]) -> list[DraftRef]:
    """Drafts named by number in a document that recommends none but acts on some.

    A meeting record's "draft resolution I" is the draft its vote or adoption names (``RecordedVote.draft_number``), when
    the report recommending it is not indexed beside the record.
    """
    refs = []
    indexed = {d.symbol for d in documents}
    for document in (d for d in documents if not d.drafts):
        actions: list[RecordedVote | Adoption] = [*document.votes, *document.adoptions]
        # a draft of a report that is indexed too is named through the report ("draft resolution I" of A/73/505)
        acted = {a.draft_number: a.draft_symbol for a in actions
                 if a.draft_number and a.draft_kind == "resolution" and a.draft_symbol not in indexed}
        for match in _NUMBER_RE.finditer(text):
            number = _ROMAN.get((match["n"] or match["w"] or "").lower())
            if number is not None and number in acted:
                refs.append(DraftRef(document.symbol, number, acted[number], match.group(), match.start(), match.end()))
    return refs


def draft_numbers(text: str) -> list[str]:
    """The draft numbers ``text`` states ('draft resolution II', 'the second draft' → 'II'), in order."""
    return [n for m in _NUMBER_RE.finditer(text) if (n := _ROMAN.get((m["n"] or m["w"] or "").lower()))]


def named_by_symbol(text: str, documents: list[ParsedDocument]) -> list[DraftRef]:
    """The drafts and draft decisions ``text`` names by their L-document symbol, in every document, in order named."""
    refs = [r for doc in documents for d in (*doc.drafts, *doc.decisions) for r in _symbol_matches(text, doc, d)]
    return sorted(refs, key=lambda r: r.start)


def _matches(text: str, document: ParsedDocument, draft: Draft) -> list[DraftRef]:
    if draft.kind == "decision":  # named by its symbol only; its number is 'decision I' (votebook.action_key)
        return [replace(r, number=f"decision {draft.number}") for r in _symbol_matches(text, document, draft)]
    refs = []
    def add(match: re.Match[str]) -> None:
        refs.append(DraftRef(document.symbol, draft.number, draft.symbol, match.group(), match.start(), match.end()))

    numbers, bare_numbers, bare_ordinals, _ = _scans(text)
    for match in numbers:
        if _ROMAN.get((match["n"] or match["w"] or "").lower()) == draft.number:
            add(match)
    for match in bare_numbers:
        if match["n"] == draft.number:
            refs.append(DraftRef(document.symbol, draft.number, draft.symbol, match["n"], match.start("n"), match.end("n")))
    for match in bare_ordinals:
        if _ROMAN[match["w"].lower()] == draft.number:
            refs.append(DraftRef(document.symbol, draft.number, draft.symbol, match["w"], match.start("w"), match.end("w")))
    refs.extend(_symbol_matches(text, document, draft))
    for pattern in _named_patterns(document, draft):
        for match in pattern.finditer(text):
            add(match)
    return refs


def _symbol_matches(text: str, document: ParsedDocument, draft: Draft) -> list[DraftRef]:
    """The draft named by its L-document symbol in any spelling ("A/C.1/73/L.27/Rev.1", "L.27/Rev.1", "L27")."""
    refs = []
    number, rev = _short_symbol(draft.symbol or "")
    for match in _scans(text)[3]:
        if number and match["num"] == number:
            given = re.sub(r"\D", "", match["rev"] or "")
            refs.append(DraftRef(document.symbol, draft.number, draft.symbol, match.group(), match.start(), match.end(),
                                 other_revision=bool(given) and given != rev))
    return refs


@functools.lru_cache(maxsize=64)
def _scans(text: str) -> tuple[tuple[re.Match[str], ...], ...]:
    """The matches of the patterns every draft is looked for with: number, bare number, bare ordinal, L-symbol.

    Found once per text rather than once per draft: a corpus of 100 reports has 200 drafts.
    """
    return tuple(tuple(p.finditer(text)) for p in (_NUMBER_RE, _BARE_NUMBER_RE, _BARE_ORDINAL_RE, _SYMBOL_RE))


# What a draft of a document gives, by (document symbol, content hash, draft number): found once, not per question
_PATTERN_CACHE: dict[tuple[str, str, str], list[re.Pattern[str]]] = {}
_BODIES_CACHE: dict[tuple[str, str, str], list[str]] = {}


def _per_draft(cache: dict[tuple[str, str, str], T], document: ParsedDocument, number: str, build: Callable[[], T]) -> T:
    """``build()`` for draft ``number`` of ``document``, built once per document content and draft and kept in ``cache``."""
    key = (document.symbol, document.content_hash, number)
    if key not in cache:
        cache[key] = build()
    return cache[key]


def _named_patterns(document: ParsedDocument, draft: Draft) -> list[re.Pattern[str]]:
    """Patterns for the draft's names (cached per document content and draft number)."""
    return _per_draft(_PATTERN_CACHE, document, draft.number, lambda: _build_named_patterns(document, draft))


def _build_named_patterns(document: ParsedDocument, draft: Draft) -> list[re.Pattern[str]]:
    patterns = []
    sponsorship = next((s for s in document.sponsorships if s.draft_symbol == draft.symbol), None)
    if sponsorship:
        forms = {name_key(a) for a in (sponsorship.introduced_by, *roster().aliases[sponsorship.introduced_by])}
        forms |= lexicon().demonym_forms.get(sponsorship.introduced_by, set())  # "the Russian draft", "the U.S. text"
        alternatives = "|".join(sorted((re.escape(f) for f in forms if len(f) > 1), key=len, reverse=True))
        patterns.append(re.compile(
            rf"\b(?:{alternatives})(?:'s|’s)?[\s-]+"
            r"(?:led\s+|sponsored\s+|backed\s+|introduced\s+|tabled\s+|submitted\s+|proposed\s+|drafted\s+)?"
            r"(?:draft|resolution|text|proposal|one)\b",
            re.I,
        ))
        patterns.append(re.compile(
            r"\b(?:draft|resolution|text)\s+(?:introduced|submitted|tabled|presented)\s+by\s+"
            rf"(?:the\s+)?(?:{alternatives})\b",
            re.I,
        ))
    for body in bodies_set_up(document, draft.number):
        patterns.append(re.compile(rf"(?:{BODY_NAME_RES[body].pattern})[\s-]+(?:draft|resolution|text|vote)\b", re.I))
    words = re.findall(r"[a-z]+", draft.title.lower())
    others = {w for d in document.drafts if d.number != draft.number for w in re.findall(r"[a-z]+", d.title.lower())}
    distinctive = [w for w in words if w not in others and len(w) > 4]
    if len(distinctive) >= 2 and distinctive[0] == words[0]:
        # the title's opening word, then another of its words: "advancing responsible State behaviour" names
        # draft II, while "norms of responsible State behaviour" is a topic both drafts treat
        patterns.append(re.compile(rf"\b{distinctive[0]}\b.{{0,40}}\b(?:" + "|".join(distinctive[1:]) + r")\b", re.I))
    return patterns


def other_draft(previous: DraftRef | None, documents: list[ParsedDocument]) -> DraftRef | None:
    """The draft that is not ``previous`` in the same document, when the document has exactly two."""
    if previous is None:
        return None
    document = next((d for d in documents if d.symbol == previous.document), None)
    if document is None or len(document.drafts) != 2:
        return None
    draft = next(d for d in document.drafts if d.number != previous.number)
    return DraftRef(document.symbol, draft.number, draft.symbol, "the other draft", 0, 0)


def name_other(text: str, words: str) -> str:
    """``text`` with "the other draft" replaced by ``words`` (the draft's name)."""
    return _OTHER_RE.sub(words, text, count=1)


def mentions_other(text: str) -> bool:
    """Whether the text says "the other draft / resolution / one"."""
    return bool(_OTHER_RE.search(text))


def without_drafts(text: str, documents: list[ParsedDocument]) -> str:
    """``text`` with every name of a draft blanked ("the Russian draft", "L.37", "draft resolution II").

    A draft's name selects the draft (a metadata filter); left in a retrieval query its words
    ("Russian", "United States") pull the sponsorship paragraphs up instead of the content asked about.
    """
    return _without_drafts(text, _Corpus(documents))


@functools.lru_cache(maxsize=64)
def _without_drafts(text: str, corpus: _Corpus) -> str:
    chars = list(text)
    for document in corpus.documents:
        for draft in document.drafts:
            for ref in _matches(text, document, draft):
                chars[ref.start : ref.end] = " " * (ref.end - ref.start)
    return re.sub(r"\s+", " ", "".join(chars)).strip()


def draft_sections(document: ParsedDocument) -> dict[str, str]:
    """Report paragraph id → number of the draft whose section of the report it belongs to.

    A draft resolution's section is the report paragraphs (and sub-paragraphs) under the heading that names
    its symbol ("A. Draft resolution A/C.1/73/L.27/Rev.1": paras 5–7 → 'I' and 8–10 → 'II' in A/73/505); paragraphs
    outside every section (the introduction, the recommendation) are in none. A report footnote is in the
    section of the paragraph that cites it. Draft decisions have sections of their own and are left out. A passage of a
    meeting record naming one draft number is in that draft's section (A/73/PV.45: the Assembly deferring draft II).
    """
    sections: dict[str, str] = {}
    for draft in (d for d in document.drafts if d.kind == "resolution" and d.symbol):
        for unit in document.units:
            if unit.kind == "report_paragraph" and draft.symbol in unit.section.split():  # the heading's symbol, whole
                sections[unit.id] = draft.number
    for unit in document.units:  # a report footnote goes with the paragraph citing it (footnote 4 with para. 10)
        cited = [sections.get(f"{document.symbol}#{c}") for c in unit.cited_by] if unit.kind == "footnote" and unit.draft is None else []
        if cited and cited[0] is not None:
            sections[unit.id] = cited[0]
    if document.kind == "meeting_record":  # the passage taking up one draft ("Draft resolution II … has programme budget implications")
        for unit in document.units:
            if len(numbers := set(draft_numbers(unit.text))) == 1:
                sections[unit.id] = numbers.pop()
    return sections


def bodies_set_up(document: ParsedDocument, number: str) -> list[str]:
    """The bodies ('oewg', 'gge') that draft ``number`` of ``document`` convenes or establishes in its operative paragraphs.

    A paragraph must set the body up (``_sets_up``): A/78/407's draft I welcomes the working group's report, and its
    draft II establishes a mechanism "after the conclusion of the open-ended working group"; neither sets up the group.

    Found once per document content and draft (every question naming a body asks it of every draft of the corpus).
    """
    def found() -> list[str]:
        operative = [u.text for u in document.units if u.draft == number and u.kind == "operative"]
        return [body for body, pattern in _BODIES.items() if any(_sets_up(pattern, t) for t in operative)]

    bodies: list[str] = _per_draft(_BODIES_CACHE, document, number, found)
    return list(bodies)  # a copy: the cached list stays as found


def body_paragraph(document: ParsedDocument, number: str) -> Unit | None:
    """The first operative paragraph of draft ``number`` that convenes or establishes a body, or None.

    In A/73/505: draft I, op. para. 5 (the OEWG); draft II, op. para. 3 (the GGE). A paragraph naming a body without
    setting it up (words.toml ``setting_up_words``) is none: A/78/407 draft I, op. para. 2 welcomes the working group's report.
    """
    bodies = [_BODIES[b] for b in bodies_set_up(document, number)]
    return next((u for u in document.units if u.draft == number and u.kind == "operative" and any(_sets_up(p, u.text) for p in bodies)),
                None)


_INDEFINITE_BEFORE_RE = re.compile(r"\b(?:a|an)\s+$", re.I)


def _sets_up(body: re.Pattern[str], text: str) -> bool:
    """Whether an operative paragraph sets up the body ``body`` names.

    It needs a word setting up a body (words.toml ``setting_up_words``: 'decides to convene', 'to be established') and
    the body introduced as new, after 'a' or 'an' ("Decides to convene … an open-ended working group", A/73/505 draft
    I op. 5), not one that exists ('the open-ended working group').
    """
    return bool(lexicon().setting_up_words.search(text)) and any(_INDEFINITE_BEFORE_RE.search(text[: m.start()])
                                                                  for m in body.finditer(text))


def norms_paragraph(document: ParsedDocument, number: str) -> Unit | None:
    """The operative paragraph of draft ``number`` that states its norms of responsible State behaviour, or None.

    The paragraph listing a set of rules, norms and principles (its text ends in ':' and numbered items
    follow), else the one asking States to be guided by the reports of the Group of Governmental Experts.
    In A/73/505: draft I, op. para. 1 (items 1.1 to 1.13); draft II lists none, and op. para. 1 (a) calls
    upon Member States to be guided by the 2010, 2013 and 2015 reports.
    """
    operative = [u for u in document.units if u.draft == number and u.kind == "operative"]
    listing = next((u for u in operative if is_chapeau(u) and _NORMS_LIST_RE.search(u.text)), None)
    return listing or next((u for u in operative if _GUIDED_BY_REPORTS_RE.search(u.text)), None)


_EARLIER_REPORTS_CACHE: dict[tuple[tuple[str, str], ...], re.Pattern[str] | None] = {}


def earlier_reports(documents: list[ParsedDocument]) -> re.Pattern[str] | None:
    """Names of the earlier reports of a body the documents cite, as questions write them, or None when they cite none.

    A body whose reports the documents cite ("the 2010, 2013 and 2015 reports of the Group of Governmental Experts",
    A/73/505 draft II op. 1 (a)) has a past: "the reports of the GGE", "the GGE's 2015 report", "the expert group 2013
    report" in a question are those reports, not the body a draft sets up. The bodies are words.toml's [[set_up_body]]
    entries (their aliases and proposed names); which of them have reports is read from the documents' text, once per
    corpus (keyed by each document's symbol and content hash).
    """
    key = tuple((d.symbol, d.content_hash) for d in documents)
    if key not in _EARLIER_REPORTS_CACHE:
        text = " ".join(u.text for d in documents for u in d.units)
        names = [name for _, name in lexicon().proposed_names
                 if re.search(rf"\breports?\s+of\s+the\s+(?:{name.pattern})", text, re.I)]
        alternatives = "|".join(f"(?:{n.pattern})" for n in names)
        _EARLIER_REPORTS_CACHE[key] = re.compile(
            rf"\breports?\s+of\s+the\s+(?:{alternatives})|(?:{alternatives})(?:'s)?\s+(?:(?:19|20)\d\d\s+)?reports?\b", re.I) \
            if names else None
    return _EARLIER_REPORTS_CACHE[key]


def names_earlier_reports(text: str, documents: list[ParsedDocument]) -> bool:
    """Whether ``text`` names the earlier reports of a body the documents cite (``earlier_reports``)."""
    pattern = earlier_reports(documents)
    return bool(pattern and pattern.search(text))


def named_body(text: str) -> str | None:
    """The one body ('oewg', 'gge') ``text`` names, or None (no body, or both)."""
    named = [b for b, pattern in BODY_NAME_RES.items() if pattern.search(text)]
    return named[0] if len(named) == 1 else None


def mentions_body(document: ParsedDocument, number: str, body: str) -> bool:
    """Whether any unit of draft ``number`` names ``body`` ('open-ended working group' is not in draft II)."""
    return any(BODY_NAME_RES[body].search(u.text) for u in document.units if u.draft == number)


def setting_up(documents: list[ParsedDocument], body: str) -> list[tuple[ParsedDocument, str]]:
    """(document, draft number) of each draft that convenes or establishes ``body``."""
    return [(doc, d.number) for doc in documents for d in doc.drafts if body in bodies_set_up(doc, d.number)]


def body_draft(text: str, documents: list[ParsedDocument]) -> str | None:
    """Number of the draft that sets up the one body ``text`` names ("the OEWG" → 'I', "the GGE" → 'II').

    A draft sets up a body when its operative paragraphs convene or establish it (``_BODIES``);
    None when the text names no body, both bodies, or a body no draft sets up.
    """
    body = named_body(text)
    drafts = setting_up(documents, body) if body else []
    return drafts[0][1] if len(drafts) == 1 else None


def other_bodies(number: str, documents: list[ParsedDocument]) -> re.Pattern[str] | None:
    """Names of the bodies the other drafts set up (for draft I: "GGE", "group of governmental experts"), or None."""
    others = [b for doc in documents for d in doc.drafts if d.number != number for b in bodies_set_up(doc, d.number)]
    return re.compile("|".join(BODY_NAME_RES[b].pattern for b in dict.fromkeys(others)), re.I) if others else None
