"""What a First Committee report never records, recognised in a question before anything else.

Reports of this family record procedure, texts and votes; they do not record what
delegations said (statements, explanations of vote), who chaired or spoke, what happened
after the report was issued, figures on real-world incidents, the content of the documents
they cite by symbol, or the Committee's other agenda items. Questions of that kind get an
honest "not covered" instead of the nearest vote or paragraph.

Most rules read the question alone. Four are sharper with ``CorpusFacts`` (built once from
the parsed documents by ``corpus_facts``): a later year needs the date of issue, the
corpus's own symbols, year and topics must not count as "another document" or "another item",
and "why did X vote …" needs the recorded votes (a false premise is corrected by the vote tool,
not turned away) and the meeting records the report cites. Without facts those rules assume
the corpus is one report on one agenda item.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.entities import find_mentions
from assistant.router import read_question
from assistant.understand.lexicon import lexicon
from ingest.records import ParsedDocument


def _rule(*parts: str) -> re.Pattern[str]:
    """One case-insensitive pattern from alternatives written one per line."""
    return re.compile("|".join(parts), re.I)


NO_REASONS = "The report records how States voted, not why."
# an amount of money as the documents print one ("$412,300", "US$ 1.2 million"): with one in the corpus, the rule on figures stands aside
_AMOUNT_RE = re.compile(r"(?:US)?\$\s?\d|\b\d[\d,.]*\s+(?:United States )?dollars\b")
RULES_FILE = Path(__file__).parent / "understand" / "scope_rules.toml"
GIVING_WAY = ("meeting_record", "plenary_record", "amount")  # what may answer a kind after all


@dataclass(frozen=True)
class Unrecorded:
    """A kind of question the documents never answer: one [[unrecorded]] entry of ``scope_rules.toml``.

    ``gives_way``: what in the corpus can answer the kind after all (one of ``GIVING_WAY``), or ''.
    """

    key: str
    pattern: re.Pattern[str]
    reason: str
    gives_way: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class OtherItem:
    """An agenda item of the First Committee other than the corpus's: one [[other_item]] entry of ``scope_rules.toml``."""

    item: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]


@functools.cache
def unrecorded_kinds() -> tuple[Unrecorded, ...]:
    """The [[unrecorded]] rules of ``scope_rules.toml``, compiled on first use, in the file's order.

    ``{body}`` in a pattern is every name of a body a draft may set up (words.toml [[set_up_body]]).

    Raises:
        ValueError: if an entry has no example or gives way to something not in ``GIVING_WAY``.
    """
    body = "|".join(f"(?:{pattern.pattern})" for _, pattern in lexicon().proposed_names)
    kinds = []
    for entry in _rules_data()["unrecorded"]:
        if not entry.get("examples") or entry.get("gives_way", "") not in ("", *GIVING_WAY):
            raise ValueError(f"{RULES_FILE.name}: [[unrecorded]] {entry.get('key')!r} needs examples and a known gives_way")
        pattern = _rule(*(p.replace("{body}", body) for p in entry["patterns"]))
        kinds.append(Unrecorded(entry["key"], pattern, entry["reason"], entry.get("gives_way", ""), tuple(entry["examples"])))
    return tuple(kinds)


@functools.cache
def other_items() -> tuple[OtherItem, ...]:
    """The [[other_item]] entries of ``scope_rules.toml``, compiled on first use."""
    return tuple(OtherItem(e["item"], _rule(*e["patterns"]), tuple(e["examples"])) for e in _rules_data()["other_item"])


@functools.cache
def _rules_data() -> dict[str, list[dict[str, Any]]]:
    return tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))


_YEAR = r"(?:19|20)\d\d"
# "the First Committee's 2019 report", "a 2021 resolution"; "the report of 2021", "resolution adopted in December 2019"
# (sessions and meetings are left out: the drafts plan sessions in 2019, and questions about that plan are answerable)
_DATED_DOCUMENT_RE = _rule(
    rf"\b(?P<before>{_YEAR})\s+(?:[\w-]+\s+)?(?:reports?|resolutions?|decisions?|outcome|conclusions)\b",
    rf"\b(?:reports?|resolutions?|decisions?|outcome)\s+(?:of|from|(?:adopted|issued|published|released) in)\s+"
    rf"(?:\w+\s+)?(?P<after>{_YEAR})\b")
# "what did the 2010 report … recommend": the words between the auxiliary and the verb name the document asked about
_ASKS_CONTENT_RE = _rule(
    r"\bwhat (?:did|does|do|has|have|had)\b(?P<subject>[^?]*?)\b(?:say|says|said|recommend\w*|conclu\w*|contain\w*|find|found"
    r"|stat(?:e|es|ed)|propos\w*|includ\w*|cover\w*|identif\w*|establish\w*|decid\w*|agree\w*|provid(?:e|es|ed)|requir(?:e|es|ed)"
    r"|call(?:s|ed)? for|set out)\b",
    r"\b(?:summari[sz]e|outline)\b(?P<object>[^?]*)")
_CITED_RE = re.compile(rf"\b{_YEAR}\b|\b\d{{2,3}}/\d{{1,3}}(?: [A-Z])?\b|\bA/[\w./-]*\d")
_DOCUMENT_NOUN_RE = _rule(r"\b(?:reports?|resolutions?|decisions?|statements?|documents?|conventions?|study)\b")
_SYMBOL_RE = re.compile(r"\bA/[\w./-]*\d")
# the question asks what the corpus says of the cited document, not what the cited document says
_ANCHORED_RE = _rule(
    r"\baccording to\b", r"\bdrafts?\b", r"\bL\.\d+", r"\bwhich documents?\b", r"\bsymbols?\b", r"\bfootnotes?\b", r"\bdocument numbers?\b",
    r"\b(?:as|where|when) (?:it is |they are )?"
    r"(?:cited|quoted|recalled|confirmed|welcomed|described|summari[sz]ed|referred to|mentioned)\b")


# "why", and asking for the motive ("how come", "for what reason", "the reasons behind")
_WHY_RE = _rule(r"\bwhy\b", r"\bhow come\b", r"\bfor what reasons?\b",
                r"\bwhat (?:was|were|is|are) (?:the )?(?:reasons?|motives?|motivations?|rationale)\b(?: (?:for|behind)\b)?",
                r"\b(?:reasons?|motives?|motivations?|rationale) (?:for|behind)\b")
# voting and sponsoring, whoever the subject ("Why did so many States abstain?"); not "against" or "in favour",
# which drafts use of their content ("warns against")
_VOTE_ACT_RE = _rule(r"\bvot(?:e|ed|es|ing)\b", r"\babstain\w*", r"\babstentions?\b", r"\b(?:co-?)?sponsor\w*")
# "why did the …" before its subject
_AUX_RE = _rule(r"\s*(?:(?:did|do|does|were|are|was|is|have|had|has|would|could|might)\s+)?(?:the\s+)?")
# "why did so many States oppose …": States as the subject of any position verb
_STATES_ACT_RE = _rule(
    r"\s*(?:(?:did|do|does|were|are|was|is|have|had|has|would)\s+)?(?:the\s+)?(?:(?:so )?many|some|several|most|other|few|these|those)?\s*"
    r"(?:member states|states|countries|delegations)\b[^?]{0,30}"
    r"\b(?:support\w*|oppos\w*|reject\w*|object\w*|back\w*|side\w*|split|divided|disagree\w*|differ\w*|prefer\w*)\b")
# "why did the United States' draft …" / "why does the Russian text …": the text is the subject, not the State
_OWN_TEXT_RE = re.compile(r"^(?:['’]s?)?\s*(?:own\s+)?(?:draft|resolution|text|proposal)s?\b", re.I)
_RECORD_RE = re.compile(r"\b[A-Z]/C\.\d/\d+/PV\.\d+\b")


@dataclass(frozen=True)
class CorpusFacts:
    """What the scope rules need to know about the corpus (built by ``corpus_facts``).

    Attributes:
        issued_year: year of issue of the latest document, from ``ParsedDocument.date``
            ('19 November 2018' → 2018); None when no document states a date.
        text: lower-cased text of every unit, for "does the corpus mention this topic at all".
        own: lower-cased symbols and years of issue of the corpus's own documents and drafts
            ('a/73/505', 'a/c.1/73/l.37', '2018'): references to these are not "another document".
        records: where the report points readers for the Committee's discussion, from the footnote
            that cites the meeting records ('A/C.1/73/PV.1 to A/C.1/73/PV.31 (A/73/505, footnote 2)');
            '' when no footnote cites them.
        documents: the parsed documents, whose recorded votes tell a false premise ("Why did the
            United States vote in favour of draft I?") from a true one; () without them.
    """

    issued_year: int | None
    text: str
    own: frozenset[str]
    records: str = ""
    documents: tuple[ParsedDocument, ...] = field(default=(), compare=False, repr=False)
    meeting_texts: tuple[str, ...] = field(default=(), compare=False, repr=False)  # each meeting record's text, joined once
    meeting_bodies: frozenset[str] = frozenset()  # the bodies whose meetings those records are of

    def recorded_in_a_meeting(self, question: str) -> bool:
        """Whether an indexed meeting record may hold what a question about statements or officers asks.

        A meeting record records who presided, who spoke and what they said: it may answer when the question names its
        body ("Who chaired the 45th plenary meeting?": the General Assembly) or only States that speak in it ("What did
        Saint Lucia say?": "Ms. Baptiste (Saint Lucia): …"). "Who chaired the First Committee?" or "What did China say?"
        (China is in its vote lists, not among its speakers) it does not.
        """
        from assistant.understand.scope import bodies_named

        if not self.meeting_texts:
            return False
        states = [m for m in find_mentions(question) if m.kind == "state"]
        bodies = bodies_named(question)
        if any(b not in self.meeting_bodies for b in bodies):
            return False
        # a speaker is introduced as "Ms. Baptiste (Saint Lucia): …" (a State in a vote list did not speak)
        return all(any(f"({name}):" in text for text in self.meeting_texts for name in (m.name, m.surface)) for m in states) \
            if states else bool(bodies)


def corpus_facts(documents: Iterable[ParsedDocument]) -> CorpusFacts:
    """The facts of ``documents`` (parsed records; see ``ingest.records.ParsedDocument``)."""
    documents = list(documents)
    years = [int(y) for d in documents for y in re.findall(rf"\b{_YEAR}\b", d.date)]
    symbols = {d.symbol for d in documents} | {x.symbol for d in documents for x in d.drafts if x.symbol}
    text = " ".join(u.text for d in documents for u in d.units).lower()
    own = frozenset({s.lower() for s in symbols} | {str(y) for y in years})
    meetings = [d for d in documents if d.kind == "meeting_record"]
    return CorpusFacts(max(years, default=None), text, own, meeting_records(documents), tuple(documents),
                       tuple(" ".join(u.text for u in d.units) for d in meetings), frozenset(d.body for d in meetings))


def meeting_records(documents: Iterable[ParsedDocument]) -> str:
    """The meeting records a report's footnotes cite, as a range with the footnote's label.

    'A/C.1/73/PV.1 to A/C.1/73/PV.31 (A/73/505, footnote 2)' from footnote 2 of A/73/505 ("For an
    account of the Committee's discussion of the item, see A/C.1/73/PV.1, …, A/C.1/73/PV.31");
    '' when no footnote cites a meeting record (``…/PV.n``).
    """
    for document in documents:
        for unit in document.units:
            cited = _RECORD_RE.findall(unit.text) if unit.kind == "footnote" else []
            if cited:
                span = cited[0] if len(cited) == 1 else f"{cited[0]} to {cited[-1]}"
                return f"{span} ({unit.label})"
    return ""


def out_of_scope(question: str, facts: CorpusFacts | None = None) -> str | None:
    """Why the documents cannot answer the question (a sentence to show), or None if they might.

    Args:
        question: the standalone question.
        facts: what the corpus holds (``corpus_facts``); None assumes one report on one agenda item.
    """
    for kind in unrecorded_kinds():
        if kind.pattern.search(question) and not (facts is not None and _answered_after_all(kind, question, facts)):
            return _with_records(kind.reason, facts) if kind.key == "explanations" else kind.reason
    return (unrecorded_reasons(question, facts) or other_item(question, facts) or later_document(question, facts)
            or cited_content(question, facts))


def _answered_after_all(kind: Unrecorded, question: str, facts: CorpusFacts) -> bool:
    """Whether what the corpus holds can answer a question of ``kind`` after all (its ``gives_way``).

    "What did Saint Lucia say in the plenary?" with the plenary's meeting record indexed; "How much would the space threats
    resolution cost?" with A/76/441, para. 8 giving $412,300; "What did the Assembly decide on the two drafts?" with the
    Assembly's record of the meeting.
    """
    if kind.gives_way == "meeting_record":
        return facts.recorded_in_a_meeting(question)
    if kind.gives_way == "plenary_record":
        return "General Assembly" in facts.meeting_bodies
    return kind.gives_way == "amount" and bool(_AMOUNT_RE.search(facts.text))


def unrecorded_reasons(question: str, facts: CorpusFacts | None = None) -> str | None:
    """The reason when the question asks why a State voted, sponsored or acted as it did.

    'Why did the United States vote against the Russian resolution?', 'Why is Egypt different from
    the other Arab States?', 'Why? How did Afghanistan vote on L.27/Rev.1?' (a rewritten follow-up):
    the report records votes and sponsors, not motives. A "why" about what a draft says ('Why,
    according to the first draft, is it in every country's interest …?') is left to retrieval, and
    so is a question whose premise the recorded votes contradict ('Why did the United States vote
    in favour of the Russian draft?'): the vote tool corrects it. Needs ``facts.documents`` for that check.
    """
    asks = list(_WHY_RE.finditer(question))
    if not asks:
        return None
    after = question[asks[0].start():]
    if not (_VOTE_ACT_RE.search(after) or any(_actor_follows(question, m.end()) for m in asks)):
        return None
    if facts is not None and facts.documents and _false_premise(question, list(facts.documents)):
        return None
    if facts is not None and facts.recorded_in_a_meeting(question):
        return None  # "Why did Norway vote against it in the Assembly?": its explanation of vote is in the meeting record
    return _with_records(NO_REASONS, facts)


def _actor_follows(question: str, start: int) -> bool:
    """Whether a State, a group or 'States' is the subject right after 'why did' (not 'the US draft')."""
    rest = question[start:]
    if _STATES_ACT_RE.match(rest):
        return True
    aux = _AUX_RE.match(rest)
    lead = aux.end() if aux else 0
    mention = next((m for m in find_mentions(rest, fuzzy=False) if m.start == lead), None)
    return mention is not None and not _OWN_TEXT_RE.match(rest[mention.end:])


def _false_premise(question: str, documents: list[ParsedDocument]) -> bool:
    """Whether a named State is recorded in none of the positions the question gives it.

    On the drafts the question names, or on any recorded vote when it names none; False when the
    question names no State or no position ('for', 'against', 'abstained', …; ``router.POSITION_RES``).
    """
    asked = read_question(_WHY_RE.sub(lambda m: " " * len(m.group()), question), documents)  # not the "for" of "reasons for"
    named = {position for _, position in asked.positions}
    if not named or not asked.states:
        return False
    numbers = {d.number for d in asked.drafts}
    votes = [v for d in documents for v in d.votes if not numbers or v.draft_number in numbers]
    return any(not {v.position_of(s.name) for v in votes} & named for s in asked.states)


def _with_records(reason: str, facts: CorpusFacts | None) -> str:
    """The reason, pointing to the meeting records the report cites when there are any."""
    if facts is None or not facts.records:
        return reason
    return (f"{reason[:-1]}; for an account of the Committee's discussion of the item it refers to the "
            f"meeting records {facts.records}.")


def other_item(question: str, facts: CorpusFacts | None = None) -> str | None:
    """The reason when the question is about another First Committee item that the corpus never mentions.

    Returns None when no item of ``other_items`` is named, or when the corpus's text names that item in any of its
    words (a corpus that also holds a report on outer space answers "the PAROS resolution", though it never writes
    "PAROS").
    """
    for other in other_items():
        if other.pattern.search(question) and (facts is None or not other.pattern.search(facts.text)):
            return f"The documents report on other agenda items of the First Committee, not on {other.item}."
    return None


def later_document(question: str, facts: CorpusFacts | None) -> str | None:
    """The reason when the question names a report, resolution or decision dated after the corpus.

    'The 2019 report' asked of documents issued in 2018; None without a date of issue.
    """
    if facts is None or facts.issued_year is None:
        return None
    for match in _DATED_DOCUMENT_RE.finditer(question):
        year = match.group("before") or match.group("after")
        if int(year) > facts.issued_year:
            return (f"The question asks about a document of \u201c{year}\u201d; "
                    "the documents were issued before it and record nothing later.")
    return None


def cited_content(question: str, facts: CorpusFacts | None = None) -> str | None:
    """The reason when the question asks what another document, named by year or symbol, says.

    'What did the 2010 report of the Group of Governmental Experts recommend?' asks for the content
    of a document the drafts only cite (A/65/201); 'Which document is the 2015 report?' or 'What does
    draft resolution II say about the 2015 report?' ask about the corpus and are left alone, as are
    the corpus's own symbols and year of issue when ``facts`` gives them. Without facts a bare symbol
    ('What does A/73/505 say…') is not taken for another document.
    """
    match = _ASKS_CONTENT_RE.search(question)
    if not match or _ANCHORED_RE.search(question):
        return None
    named = match.group("subject") if match.group("subject") is not None else match.group("object")
    cited = [c.lower() for c in _CITED_RE.findall(named)]
    if not cited or not (_DOCUMENT_NOUN_RE.search(named) or (facts is not None and _SYMBOL_RE.search(named))):
        return None
    if facts is not None and all(c in facts.own or any(o.endswith(c) for o in facts.own) for c in cited):
        return None
    return "The documents cite that document by year or symbol but do not reproduce it; they record only what the drafts say of it."
