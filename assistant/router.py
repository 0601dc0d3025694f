"""Vote and sponsorship questions → the right deterministic lookup (no retrieval, no LLM).

``route`` reads what a question names (drafts, States, groups, positions) and its intent
words, and returns a ``ToolResult``; it returns None for questions that are not about
votes or sponsors, which then go to retrieval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import crossvotes, sponsors
from assistant.drafts import DraftRef, UnknownDraft, find_drafts
from assistant.entities import Mention, find_mentions
from assistant.results import Claim, Table, ToolResult
from assistant.votebook import DraftKey, VoteBook, cap, the
from ingest.member_states import name_key, roster
from ingest.records import ParsedDocument, Position

STRONG_VOTE_RE = re.compile(
    r"\b(?:vot(?:e|ed|es|ing)|tall(?:y|ies)|abstain\w*|abstention\w*|in favou?r|favou?red|recorded|result|outcome|"
    r"how many (?:states|countries|member states|delegations|votes)|yes votes|no votes|chang\w* (?:their |its )?positions?|"
    r"consensus|without a vote)\b", re.I)
ADOPT_RE = re.compile(r"\b(?:adopt\w*|reject\w*|defeat\w*|fail\w*)\b", re.I)  # "Draft I was rejected, right?" gets the adoption
INTENT_RE = re.compile(r"\bintend\w*|\bintention\w*|\b(?:later|subsequently) (?:said|indicated|stated|clarified)\b", re.I)
TOTAL_RE = re.compile(r"\b(?:in total|total|altogether|overall|in all|all together)\b", re.I)
OVERLAP_RE = re.compile(r"\b(?:recorded|voted|voting) (?:as voting )?on both\b|\bsame (?:position|way|vote)\b|\bconsistent\w*\b", re.I)
VOTE_WORD_RE = re.compile(r"\b(?:vot\w*|abstain\w*|in favou?r|against)\b", re.I)
WEAK_VOTE_RE = re.compile(r"\b(?:against|support\w*|oppos\w*|position|stance|side)\b", re.I)
SPONSOR_RE = re.compile(r"\b(?:co-?sponsor\w*|sponsor\w*|on behalf of|joined in)\b", re.I)
PROPOSER_RE = re.compile(r"\b(?:introduc\w*|submit\w*|tabled|proposed|put forward|presented)\b", re.I)
POSITION_RES: list[tuple[re.Pattern[str], Position]] = [
    (re.compile(r"\b(?:in favou?r|for|yes|supported|support|backed)\b", re.I), "in_favour"),
    (re.compile(r"\b(?:against|no|opposed|oppose|rejected)\b", re.I), "against"),
    (re.compile(r"\b(?:abstain\w*|abstention\w*)\b", re.I), "abstaining"),
]
NOT_RECORDED_RE = re.compile(
    r"\b(?:not (?:recorded|vote|voting|participate)|did(?:n't| not) (?:vote|take part|participate)"
    r"|absent|non-?voting|missing|no vote recorded|neither)\b",
    re.I,
)
BOTH_RE = re.compile(r"\b(?:both|each|either|two drafts|two resolutions|all drafts)\b", re.I)
CHANGED_RE = re.compile(r"\b(?:chang\w*|switch\w*|differently|different (?:position|way)|flip\w*|inconsistent)\b", re.I)
ONE_ONLY_RE = re.compile(r"\b(?:only (?:one|on one)|one (?:draft|of them) only|just one|only one of)\b"
                         r"|\bbut not (?:on )?(?:the )?(?:other|draft|l\.|second|first)", re.I)
COMPARE_RE = re.compile(r"\b(?:how many more|more votes|fewer|difference|compare\w*|versus|vs\.?|side by side|margin|"
                        r"(?:wider|broader|more|greater|larger|stronger) (?:support|backing|majority))\b", re.I)
LIST_RE = re.compile(r"\b(?:which|who|list|name|names|what (?:states|countries|member states|delegations))\b", re.I)
HOW_MANY_RE = re.compile(r"\bhow many\b", re.I)
OWN_DRAFT_RE = re.compile(r"\b(?:own|their|its) (?:draft|resolution|text)\b|\bsponsors? (?:vote|voted)\b", re.I)
STATE_OWN_DRAFT_RE = re.compile(
    r"\b(?:its|their) own (?:draft|resolution|text|proposal)\b"
    r"|\b(?:draft|resolution|text|proposal) (?:it|they) (?:introduced|submitted|tabled|presented|put forward)\b", re.I)
# "which was introduced earlier"
ORDER_RE = re.compile(r"\b(?:introduc|submit|tabl|present)\w*\s+(?:earlier|first|later|before|after)\b", re.I)
WHICH_DRAFT_BY_RE = re.compile(
    r"\b(?:which|what) (?:draft|resolution|text|proposal)s?\b.*\b(?:introduc|submit|tabl|present|put forward)", re.I
)
WHEN_WHO_RE = re.compile(
    r"\b(?:who|which (?:state|country|delegation)|when|what date)\b.*\b(?:introduc|submit|tabled|present)|" + ORDER_RE.pattern, re.I
)
SUBJECT_RE = re.compile(
    r"\b(?i:did|does|has|was|were|is)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’-]+){0,3})\s+"
    r"(?i:vote|voted|abstain|abstained|sponsor|sponsored|co-sponsor|support|oppose|cast)")
PLENARY_RE = re.compile(
    r"\bplenary\b|\bGeneral Assembly\b.{0,40}\b(?:vot\w*|adopt\w*)|\b(?:vot\w*|adopt\w*)\b.{0,40}\bGeneral Assembly\b", re.I
)
NOT_SUBJECTS = {"it", "they", "he", "she", "this", "that", "the", "there", "anyone", "everyone", "each", "any", "every", "who"}


@dataclass(frozen=True)
class Asked:
    """What a question names: drafts, unknown L-symbols, States, groups, and positions in order."""

    text: str
    drafts: list[DraftRef]
    unknown: list[UnknownDraft]
    states: list[Mention]
    groups: list[Mention]
    positions: list[tuple[int, Position]]
    masked: str = ""  # the text with draft, State and group names blanked ("Russian-sponsored draft" is a name, not a sponsor question)


def read_question(text: str, documents: list[ParsedDocument]) -> Asked:
    """Find the drafts, States, groups and position words a question names (pure).

    A statement followed by a question ("Turkey co-sponsored L.37. How did it vote on draft
    resolution I?") is read as the question, taking from the statement only the names the
    question leaves out (the State behind "it", the draft behind "on it").
    """
    start = _last_question_start(text)
    if start:
        full, last = _read(text, documents), _read(text[start:], documents)
        return Asked(last.text, last.drafts or full.drafts, last.unknown or full.unknown, last.states or full.states,
                     last.groups or full.groups, last.positions, last.masked)
    return _read(text, documents)


def _last_question_start(text: str) -> int:
    """Offset of the closing question after one or more statements, else 0."""
    if not text.rstrip().endswith("?"):
        return 0
    breaks = [m.end() for m in re.finditer(r"(?<=[\w)][.!])(?<![A-Z]\.[A-Z].)\s+(?=[A-Z])", text)]
    return breaks[-1] if breaks and "?" not in text[: breaks[-1]] else 0


def _read(text: str, documents: list[ParsedDocument]) -> Asked:
    drafts, unknown = find_drafts(text, documents)
    masked = list(text)
    for ref in drafts:
        masked[ref.start : ref.end] = " " * (ref.end - ref.start)
    mentions = find_mentions("".join(masked))
    for mention in mentions:
        masked[mention.start : mention.end] = " " * (mention.end - mention.start)
    positions = sorted({(m.start(), pos) for pattern, pos in POSITION_RES for m in pattern.finditer(text)})
    return Asked(text, drafts, unknown, [m for m in mentions if m.kind == "state"], [m for m in mentions if m.kind == "group"], positions,
                 "".join(masked))


def is_vote_question(asked: Asked) -> bool:
    """Whether to answer with the vote / sponsorship tools rather than retrieval."""
    if asked.drafts and not re.search(r"\w", asked.masked):
        return True  # only a draft named ("A/C.1/73/L.37"): answer with its recorded vote
    if _asks_which_draft_introduced(asked):
        return True
    named = asked.drafts or asked.unknown or asked.states or asked.groups
    if _is_sponsor_question(asked) and (named or LIST_RE.search(asked.text)):
        return True
    if STRONG_VOTE_RE.search(asked.text):
        return True
    if ADOPT_RE.search(asked.text) and (asked.drafts or re.search(r"\b(?:the (?:two )?drafts|both)\b", asked.text, re.I)):
        return True
    return bool(WEAK_VOTE_RE.search(asked.text) and (asked.states or asked.groups))


def route(asked: Asked, book: VoteBook) -> ToolResult | None:
    """Answer a vote or sponsorship question from the records, or None if it is not one."""
    if not is_vote_question(asked):
        return None
    if asked.unknown and not asked.drafts:
        return unknown_draft(asked.unknown[0], book)
    drafts = [DraftKey(r.document, r.number) for r in asked.drafts] or book.drafts()
    if asked.states and not asked.drafts and STATE_OWN_DRAFT_RE.search(asked.text):
        return merge([sponsors.own_draft(book, m.name) for m in asked.states], asked)
    if _asks_which_draft_introduced(asked):
        return merge([sponsors.own_draft(book, m.name, with_vote=False) for m in asked.states], asked)
    if PLENARY_RE.search(asked.text):
        return plenary(book, drafts, asked)
    if _is_sponsor_question(asked):
        return _sponsor_route(asked, book, drafts)
    return _vote_route(asked, book, drafts)


def _asks_which_draft_introduced(asked: Asked) -> bool:
    """Whether the question asks which draft a State introduced ("Which draft did the United States introduce?")."""
    return bool(asked.states and not asked.drafts and WHICH_DRAFT_BY_RE.search(asked.masked))


def _is_sponsor_question(asked: Asked) -> bool:
    """'sponsor' words, or 'introduced/submitted' said of a named draft (not of a report)."""
    if SPONSOR_RE.search(asked.masked or asked.text):
        return True
    asks_who = (
        re.search(r"\b(?:who|whom|which (?:state|country|delegation)|when|what date)\b", asked.text, re.I)
        or ORDER_RE.search(asked.text)
    )
    named = asked.drafts or BOTH_RE.search(asked.text)
    return bool(PROPOSER_RE.search(asked.masked or asked.text) and asks_who and named and not re.search(r"\breport\b", asked.text, re.I))


def _sponsor_route(asked: Asked, book: VoteBook, drafts: list[DraftKey]) -> ToolResult:
    pair = book.pair([DraftKey(r.document, r.number) for r in asked.drafts])
    only_introducer = WHEN_WHO_RE.search(asked.text) and not re.search(r"\b(?:sponsor\w*|co-?sponsor\w*|on behalf)\b", asked.text, re.I)
    if only_introducer and not asked.states:
        return merge([sponsors.introduced(book, d) for d in drafts], asked)
    if BOTH_RE.search(asked.text) and len(pair) == 2 and not asked.states:
        return sponsors.both(book, *pair)
    if asked.states:
        with_vote = bool(VOTE_WORD_RE.search(asked.text))
        return merge([sponsors.sponsor_status(book, m.name, d, with_vote) for m in asked.states for d in drafts], asked)
    if len(asked.drafts) == 2 and VOTE_WORD_RE.search(asked.text):
        first, second = (DraftKey(r.document, r.number) for r in sorted(asked.drafts, key=lambda r: r.start))
        return sponsors.sponsor_votes(book, first, second)
    if OWN_DRAFT_RE.search(asked.text) or VOTE_WORD_RE.search(asked.text):
        return merge([sponsors.sponsor_votes(book, d) for d in drafts], asked)
    return merge([sponsors.sponsors(book, d) for d in drafts], asked)


def _vote_route(asked: Asked, book: VoteBook, drafts: list[DraftKey]) -> ToolResult:
    text, pair = asked.text, book.pair([DraftKey(r.document, r.number) for r in asked.drafts])
    if asked.groups:
        return merge([crossvotes.group_votes(book, roster().group(g.name), drafts) for g in asked.groups], asked)
    if asked.states:
        return merge([book.position(m.name, d) for m in asked.states for d in drafts], asked)
    if INTENT_RE.search(text):
        return book.intentions(drafts)
    if not_a_state := _unknown_subject(asked, book):
        return not_a_state
    if len(pair) == 2 and CHANGED_RE.search(text):
        return crossvotes.changed(book, *pair)
    if len(pair) == 2 and ONE_ONLY_RE.search(text):
        return crossvotes.one_only(book, *pair)
    if len(pair) == 2 and COMPARE_RE.search(text):
        return crossvotes.compare_tallies(book, *pair)
    if len(pair) == 2 and OVERLAP_RE.search(text) and (BOTH_RE.search(text) or HOW_MANY_RE.search(text)):
        return crossvotes.overlap(book, *pair)
    if TOTAL_RE.search(text) and HOW_MANY_RE.search(text):
        return merge([book.tally(d) for d in drafts], asked)
    if NOT_RECORDED_RE.search(text):
        if len(pair) == 2 and BOTH_RE.search(text) and len(asked.drafts) != 1:
            return crossvotes.cross(book, pair[0], None, pair[1], None)
        return merge([book.not_recorded(d) for d in drafts], asked)
    positions = _positions_by_draft(asked, book, pair)
    if positions:
        return positions
    position = _list_position(asked)
    if position:
        return merge([book.listing(d, position) for d in drafts], asked)
    return merge([book.tally(d) for d in drafts], asked)


def _positions_by_draft(asked: Asked, book: VoteBook, pair: list[DraftKey]) -> ToolResult | None:
    """Set questions across the two drafts: 'abstained on both', 'against I and in favour of II'."""
    if len(pair) != 2:
        return None
    bare_for = _is_bare_for(asked.text)  # "for" alone is not a position ("how did X vote for …"); "yes" is
    found = [p for start, p in asked.positions if not (p == "in_favour" and bare_for and asked.text[start : start + 3].lower() == "for")]
    if BOTH_RE.search(asked.text) and len(set(found)) == 1 and len(asked.drafts) != 1:
        return crossvotes.cross(book, pair[0], found[0], pair[1], found[0])
    if len(asked.drafts) == 2 and len(found) >= 2:
        ordered = sorted(asked.drafts, key=lambda r: r.start)
        by_draft = {ordered[0].number: found[0], ordered[1].number: found[1]}
        return crossvotes.cross(book, pair[0], by_draft[pair[0].number], pair[1], by_draft[pair[1].number])
    return None


def _is_bare_for(text: str) -> bool:
    return not re.search(r"\b(?:voted|vote|votes) for\b|\bin favou?r\b|\bsupport", text, re.I)


_LIST_POSITIONS: tuple[tuple[re.Pattern[str], Position], ...] = (
    (re.compile(r"\babstain\w*|\babstention\w*", re.I), "abstaining"),
    (re.compile(r"\bin favou?r\b|\bvoted (?:for|yes)\b|\bsupport", re.I), "in_favour"),
    (re.compile(r"\bagainst\b|\bvoted no\b|\boppos", re.I), "against"),
)


def _list_position(asked: Asked) -> Position | None:
    """The position a list or count question asks for: the first one named ("how many against? …in favour…" → against)."""
    found = [(m.start(), position) for pattern, position in _LIST_POSITIONS if (m := pattern.search(asked.text))]
    return min(found)[1] if found else None


def _unknown_subject(asked: Asked, book: VoteBook) -> ToolResult | None:
    match = SUBJECT_RE.search(asked.text)
    if not match or match["name"].lower() in NOT_SUBJECTS or match["name"].split()[0].lower() in NOT_SUBJECTS:
        return None
    name = match["name"]
    candidates = [s for s in roster().names if re.search(rf"(?<![a-z]){re.escape(name_key(name))}(?![a-z])", name_key(s))]
    if len(candidates) >= 2:
        return _ambiguous(name, candidates, asked, book)
    text = (f"\u201c{name}\u201d is not a United Nations Member State, and it appears in none of the recorded votes in the "
            "documents; the documents do not cover it.")
    return ToolResult("vote_position", (Claim(text, ()),), data={"state": None, "asked": name}, covered=False)


def _ambiguous(name: str, candidates: list[str], asked: Asked, book: VoteBook) -> ToolResult:
    """'Korea' names two Member States: answer for each, saying so."""
    note = Claim(f"\u201c{name}\u201d could mean " + " or ".join(the(c) for c in candidates) + "; here is each.", ())
    drafts = [DraftKey(r.document, r.number) for r in asked.drafts] or book.drafts()
    results = [book.position(c, d) for c in candidates for d in drafts]
    merged = merge(results, asked) if results else ToolResult("vote_position", ())
    return ToolResult("vote_position", (note, *merged.claims), merged.table, (*merged.facts, *candidates), merged.data)


def plenary(book: VoteBook, drafts: list[DraftKey], asked: Asked) -> ToolResult:
    """Votes in the General Assembly plenary are not in the corpus: say so, then give the Committee's votes."""
    note = Claim("The documents in the corpus do not cover votes in the General Assembly plenary: they record only the "
                 "First Committee's recorded votes, which are these.", ())
    tallies = merge([book.tally(d) for d in drafts], asked)
    return ToolResult("vote_tally", (note, *tallies.claims), tallies.table, tallies.facts, tallies.data, covered=False)


def unknown_draft(unknown: UnknownDraft, book: VoteBook) -> ToolResult:
    """A symbol asked as a draft that has no recorded vote: say so, and quote where it appears."""
    for unit in book.units.values():
        sentence = next((s for s in re.split(r"(?<=\.)\s+(?=[A-Z])", unit.text) if unknown.symbol in s), None)
        if sentence:
            symbol = re.search(rf"\S*{re.escape(unknown.symbol)}", sentence)
            lead = (f"{symbol.group() if symbol else unknown.symbol} is not a draft resolution voted on in the documents; "
                    f"there is no recorded vote on it. It is mentioned in {unit.label}:")
            return ToolResult(
                "vote_unknown_draft", (Claim(lead, (unit.id,)), Claim(f"\u201c{sentence.strip()}\u201d", (unit.id,), quote=True))
            )
    text = (f"{cap(unknown.surface)} is not a draft resolution in the documents, and there is no recorded vote on it; "
            "the documents do not cover it.")
    return ToolResult("vote_unknown_draft", (Claim(text, ()),), covered=False)


def merge(results: list[ToolResult], asked: Asked) -> ToolResult:
    """Several results (e.g. one per draft) as one, with a note for fuzzily read names."""
    notes = tuple(Claim(f"(Reading \u201c{m.surface}\u201d as {m.name}.)", ()) for m in asked.states if m.fuzzy)
    claims = notes + tuple(c for r in results for c in r.claims)
    rows = tuple(row for r in results if r.table for row in r.table.rows)
    table = Table(results[0].table.columns, rows) if results and results[0].table else None
    facts = tuple(f for r in results for f in r.facts) + tuple(m.name for m in asked.states)
    covered = all(r.covered for r in results)
    return ToolResult(results[0].tool if results else "none", claims, table, facts, {"results": [r.data for r in results]}, covered)
