"""Vote and sponsorship questions → the right deterministic lookup (no retrieval, no LLM).

``route`` reads what a question names (drafts, States, groups, positions) and its intent
words, and returns a ``ToolResult``; it returns None for questions that are not about
votes or sponsors, which then go to retrieval.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from typing import cast

from assistant.drafts import (
    BODY_NAME_RES,
    DraftRef,
    UnknownDraft,
    draft_numbers,
    find_drafts,
    named_body,
    names_earlier_reports,
    setting_up,
)
from assistant.entities import Mention, find_mentions
from assistant.results import Claim, Table, ToolResult
from assistant.understand.lexicon import lexicon
from assistant.understand.scope import Described, bodies_named
from assistant.verdict import (
    change_verdict,
    comparison_verdict,
    existence_verdict,
    is_led,
    is_polar,
    led_if_polar,
    members_verdict,
    sponsor_verdict,
    vote_verdict,
)
from assistant.vocabulary import named_meetings, ordinal_number
from assistant.votes import crossvotes, sponsors
from assistant.votes.votebook import DraftKey, VoteBook, action_key, cap, part_key, the
from ingest.member_states import name_key, roster
from ingest.records import POSITIONS, Adoption, ParsedDocument, Position, RecordedVote

STRONG_VOTE_RE = re.compile(
    r"\b(?:vot(?:e|ed|es|ing)|tall(?:y|ies)|abstain\w*|abstention\w*|in favou?r|favou?red|recorded|result|outcome|"
    r"how many (?:states|countries|member states|delegations|votes)|yes votes|no votes|chang\w* (?:their |its )?positions?|"
    r"(?<!on a )(?<!work by )(?<!working by )(?<!act by )(?<!acting by )(?<!decide by )(?<!operate by )(?<!operates by )"
    r"consensus(?![\s-]+(?:basis|decision|rule|based|driven))|"
    r"without a vote|outpoll\w*|outvot\w*|per ?cent\w*|percentage|"
    r"(?:more|wider|broader|greater|stronger|less) (?:support|backing))\b", re.I)
_YEAR_REPORTS_RE = re.compile(r"\b(?:19|20)\d\d\b[\w ,]{0,20}\breports?\b", re.I)  # "the 2013 and 2015 reports"
_RESOLUTION_NUMBER_RE = re.compile(r"\bresolutions?\s+\d{2}/\d{1,3}\b", re.I)  # "resolution 71/28": an earlier resolution
CONSENSUS_RE = re.compile(r"\bconsensus\b|\bwithout a vote\b|\bunanimous\w*", re.I)
VOTES_CAST_RE = re.compile(r"\bvotes cast\b|\bshare of (?:the )?votes\b", re.I)
PERCENT_RE = re.compile(r"\bper ?cent\w*|\bpercentage\b|%|\bproportion\b|\bshare of\b", re.I)
# "Draft I was rejected, right?", "Did the Russian resolution pass?" get the adoption
ADOPT_RE = re.compile(r"\b(?:adopt\w*|reject\w*|defeat\w*|fail\w*|pass|passed|passes|go through|went through|"
                      r"bec(?:ame|ome|omes) (?:a )?resolution)\b", re.I)  # "… become resolution 73/27": its adoption
INTENT_RE = re.compile(r"\bintend\w*|\bintention\w*|\b(?:later|subsequently) (?:said|indicated|stated|clarified)\b"
                       r"|\bmeant to vote\b|\bafter the fact\b|\bafterwards\b", re.I)
# "the total number of abstentions across both drafts": a count of votes, not of States
TOTAL_OF_RE = re.compile(r"\b(?:total|combined|altogether|together|in all|sum|added up|across)\b", re.I)
COUNTED_RES: tuple[tuple[re.Pattern[str], Position], ...] = (
    (re.compile(r"\babstentions\b", re.I), "abstaining"),
    (re.compile(r"\b(?:no|negative) votes\b|\bvotes against\b", re.I), "against"),
    (re.compile(r"\b(?:yes|positive|affirmative) votes\b|\bvotes in favou?r\b", re.I), "in_favour"),
)
AT_LEAST_ONE_RE = re.compile(r"\bat least one\b|\beither (?:draft|one|resolution|of (?:the|them))\b|\bone or (?:the other|both)\b", re.I)
# "How did the States that abstained on draft I vote on draft II?"
THEN_RE = re.compile(r"\b(?:states|countries|members|delegations|those|ones)\s+(?:that|who|which)\b", re.I)
# groupings without a membership list in ingest/data/groups.json
UNLISTED_GROUP_RE = re.compile(
    r"\b(?:NATO|Nordic (?:countries|States)|Nordics|CIS|Commonwealth of Independent States|BRICS|G-?77|Group of 77|"
    r"Non-Aligned Movement|NAM|Arab (?:Group|States|League|countries)|League of Arab States|OIC|Organi[sz]ation of Islamic Cooperation|"
    r"Shanghai Cooperation Organi[sz]ation|SCO|G-?7|G-?20|OSCE|CSTO|Five Eyes|CARICOM|Mercosur|African Union|Pacific Islands Forum|"
    r"Commonwealth(?: countries| of Nations)?|OECD|GCC|(?:the )?Americas|Gulf Cooperation Council|Quad|AUKUS|"
    r"(?i:(?:Caribbean|South American|Central American|North American|Central Asian|South Asian|East Asian|Southeast Asian|"
    r"Middle East(?:ern)?|Gulf|Baltic|Balkan|Nordic|Pacific (?i:islands?)|Sahel|Maghreb|Arab|Francophone|Lusophone|Scandinavian|"
    r"(?i:small island developing|least developed|landlocked developing)|Western|Developing|Developed)"
    r" (?:States?|countries|country|nations?|members?|delegations?)))\b|\bSIDS\b|\bLDCs?\b|(?i:\bnordics?\b)")
TOTAL_RE = re.compile(r"\b(?:in total|total|altogether|overall|in all|all together)\b", re.I)
OVERLAP_RE = re.compile(r"\b(?:recorded|voted|voting) (?:as voting )?on both\b|\bsame (?:position|way|vote)\b|\bconsistent\w*\b", re.I)
VOTE_WORD_RE = re.compile(r"\b(?:vot\w*|abstain\w*|in favou?r|against)\b", re.I)
WEAK_VOTE_RE = re.compile(r"\b(?:against|support\w*|oppos\w*|position|stance|side|do (?:on|about))\b", re.I)
SPONSOR_RE = re.compile(
    r"\b(?:co-?sponsor\w*|sponsor\w*|on behalf of|joined in|join(?:ed)?\b[^?.]{0,30}\b(?:later|subsequently|afterwards))\b", re.I)
POSITION_RES: list[tuple[re.Pattern[str], Position]] = [
    (re.compile(r"\b(?:in favou?r|for|yes|supported|support|backed)\b", re.I), "in_favour"),
    (re.compile(r"\b(?:against|no|opposed|oppose|rejected)\b", re.I), "against"),
    (re.compile(r"\b(?:abstain\w*|abstention\w*)\b", re.I), "abstaining"),
]
# a State recorded in no list: "did not vote" (not "did not vote against"); the lay words are words.toml's not_recorded_words
NOT_RECORDED_RE = re.compile(
    r"\b(?:not (?:recorded|vote|voting|participate)|did(?:n't|n’t|nt| not) (?:vote|take part|participate))\b"
    r"(?! (?:against|for|in favou?r|yes|no)\b)", re.I)
GROUP_THEN_RE = re.compile(r"\s*(?:members?|states|countries|delegations)?\s*(?:that|who|which)\b", re.I)
ALSO_RE = re.compile(r"\b(?:also|too|as well)\b", re.I)  # "… that voted for draft I also voted for draft II": the same position
BOTH_RE = re.compile(r"\b(?:both|each|either|two drafts|two resolutions|all drafts)\b", re.I)
CHANGED_RE = re.compile(r"\b(?:chang\w*|switch\w*|differently|different (?:position|way)|flip\w*|inconsistent)\b", re.I)
BUT_NOT_RE = re.compile(r"\bbut not (?:on |in |for )?(?:the )?(?:[\w.-]+ ){0,2}?(?:other|draft|resolution|text|one|l\.|second|first)", re.I)
ONE_ONLY_RE = re.compile(r"\b(?:only (?:one|on one)|one (?:draft|of them) only|just one|only one of)\b|" + BUT_NOT_RE.pattern, re.I)
COMPARE_RE = re.compile(r"\b(?:how many more|more votes|fewer|difference|compare\w*|versus|vs\.?|side by side|margin|outpoll\w*|"
                        r"outvot\w*|by how much|"
                        r"(?:wider|broader|more|greater|larger|stronger) (?:support|backing|majority))\b", re.I)
LIST_RE = re.compile(r"\b(?:which|who|list|name|names|what (?:states|countries|member states|delegations))\b", re.I)
HOW_MANY_RE = re.compile(r"\bhow many\b", re.I)
OWN_DRAFT_RE = re.compile(r"\b(?:own|their|its) (?:draft|resolution|text)\b|\bsponsors? (?:vote|voted)\b", re.I)
STATE_OWN_DRAFT_RE = re.compile(
    r"\b(?:its|their) (?:own )?(?:draft|resolution|text|proposal)\b"
    r"|\b(?:draft|resolution|text|proposal) (?:it|they) (?:introduced|submitted|tabled|presented|put forward)\b", re.I)
# "which was introduced earlier"
ORDER_RE = re.compile(r"\b(?:introduc|submit|tabl|present)\w*\s+(?:earlier|first|later|before|after)\b", re.I)
WHICH_DRAFT_BY_RE = re.compile(
    r"\b(?:which|what) (?:draft|resolution|text|proposal)s?\b.*\b(?:introduc|submit|tabl|present|put forward)", re.I
)
SUBJECT_RE = re.compile(
    r"\b(?i:did|does|has|was|were|is)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’-]+){0,3})\s+"
    r"(?i:vote|voted|abstain|abstained|sponsor|sponsored|co-sponsor|support|oppose|cast)")
# asks what the title is ("What is the title of draft II?", "what's the Russian draft called?"), not a draft named by its title
SYMBOL_OF_RE = re.compile(r"\b(?:document )?symbols? (?:of|for) (?:the )?", re.I)
TITLE_RE = re.compile(r"\btitles? of\b|\bwhat(?:'s|\u2019s|\s+is|\s+are|\s+was|\s+were)?\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}?"
                      r"(?:titled|called|named)\b"
                      r"|\bname of (?:the )?(?:draft|resolution)"
                      r"|(?:['\u2019]s|\bits|\btheir)\s+(?:full\s+|exact\s+)?titles?\b", re.I)  # "what is its title", "L.37's title"
PLENARY_RE = re.compile(
    r"\bplenary\b|\bGeneral Assembly\b.{0,40}\b(?:vot\w*|adopt\w*)|\b(?:vot\w*|adopt\w*)\b.{0,40}\bGeneral Assembly\b", re.I
)
NOT_SUBJECTS = {"it", "they", "he", "she", "this", "that", "the", "there", "anyone", "everyone", "each", "any", "every", "who",
                "committee", "first committee", "general assembly", "assembly", "secretariat", "chair", "everybody", "anybody",
                "states", "countries", "members", "delegations", "most", "many", "others", "all", "you", "we", "i", "people"}
# the same in lower case, one word after "how did" ("how did taiwan vote"); names of States and groups are read before this
LOWER_SUBJECT_RE = re.compile(r"\bhow did (?:the )?(?P<name>[a-z][\w'’-]+) (?:vote|abstain)", re.I)
# "did not vote against draft I": a position denied
NEGATED_RE = re.compile(
    r"(?:\bnot|n['’]t|\b(?:did|does|do|were|was|are|is|has|have)nt|\bnever)\s+(?:vote\s+|voting\s+)?"
    r"(?:in favou?r|for|against|yes|no|abstain\w*|support\w*|oppos\w*)\b", re.I)
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
EXCEPT_RE = re.compile(r"\b(?:apart from|other than|except(?: for)?|excluding|besides|aside from|outside(?: of)?|"
                       r"not(?: in| members of| part of| from| among| counting)?)\s*(?:the\s+)?|\bnon-", re.I)
NEITHER_RE = re.compile(r"\bneither\b", re.I)
EXACTLY_ONE_RE = re.compile(r"\b(?:exactly|only|just) one (?:of the (?:two )?(?:drafts|texts|resolutions)|draft|text)\b", re.I)
RECORDED_ON_RE = re.compile(r"\b(?<!not )(?:voted|vote|voting|took part|participated) (?:on|in)\b", re.I)  # recorded, no position
# a vote question naming no vote is answered for every vote of the documents up to this many; beyond, it asks which
MAX_UNNAMED_VOTES = 3
OUTCOME_REACH = 5  # words after "what happened to" within which the draft asked about is named
MAX_POSITIONS_LISTED = 6  # a State's positions listed, one vote each, when the question names no vote
# Issue 16: a question whose drafts are in more documents than this, none chosen, is answered by asking which document
# (up to this many, the answer gives each, labelled with its document)
MAX_DOCUMENTS_ANSWERED = 3
DOCUMENTS_LISTED = 12  # documents named in that question back, the rest counted
MARGIN_RE = re.compile(r"\bmargin\b|\bby how (?:much|many)\b", re.I)


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
    earlier_reports: bool = False  # names the earlier reports of a body the documents cite (``drafts.earlier_reports``)


def read_question(text: str, documents: list[ParsedDocument], described: tuple[Described, ...] = ()) -> Asked:
    """Find the drafts, States, groups and position words a question names (pure).

    A statement followed by a question ("Turkey co-sponsored L.37. How did it vote on draft
    resolution I?") is read as the question, taking from the statement only the names the
    question leaves out (the State behind "it", the draft behind "on it").

    ``described``: the drafts the question describes in words (``understand.scope.read_scope`` over the whole text):
    they stand beside the drafts named, and a name that the description contradicts is dropped.
    """
    start = _last_question_start(text)
    if start:
        full, last = _read(text, documents, described), _read(text[start:], documents, _shifted(described, start))
        return Asked(last.text, last.drafts or full.drafts, last.unknown or full.unknown, last.states or full.states,
                     last.groups or full.groups, last.positions, last.masked, last.earlier_reports)
    return _read(text, documents, described)


def _shifted(described: tuple[Described, ...], offset: int) -> tuple[Described, ...]:
    """Descriptions in the part of a text from ``offset`` on, with offsets into that part."""
    return tuple(replace(d, start=d.start - offset, end=d.end - offset) for d in described if d.start >= offset)


def _with_described(refs: list[DraftRef], described: tuple[Described, ...], documents: list[ParsedDocument],
                    text: str = "") -> list[DraftRef]:
    """The drafts named, with those described added and names overlapping a description of other drafts dropped."""
    kept = [r for r in refs if not any(d.start < r.end and r.start < d.end and DraftKey(r.document, r.number) not in d.keys
                                       for d in described)]
    # a body's vote placed where the body is named goes there, not where the draft's own name stands
    placed = {k for d in described if d.placed for k in d.keys}
    kept = [r for r in kept if DraftKey(r.document, r.number) not in placed]
    have = {DraftKey(r.document, r.number) for r in kept}
    actions: list[RecordedVote | Adoption] = [v for doc in documents for v in doc.votes]
    actions += [a for doc in documents for a in doc.adoptions]
    symbols = {action_key(a): a.draft_symbol for a in actions}
    resolutions = {action_key(a): a.resolution for a in actions if getattr(a, "resolution", None)}
    for found in described:
        # a description around a draft named by number keeps that number's votes ("in the plenary on draft I": not draft III)
        numbers = {r.number for r in kept if found.start < r.end and r.start < found.end}
        keys = [k for k in found.keys if not numbers or k.number in numbers]
        kept += [DraftRef(k.document, k.number, symbols.get(k), found.surface, *_placed(found, resolutions.get(k), text))
                 for k in keys if k not in have]
        have |= set(keys)
    return sorted(kept, key=lambda r: r.start)


def _placed(found: Described, resolution: str | None, text: str) -> tuple[int, int]:
    """Where a described draft stands in the question: its description's span, or where the resolution it became is named.

    The second for the question's words as a whole (an empty span): "against 73/27 in plenary but not … L.27/Rev.1";
    the place is still an empty span, so the draft is not taken for one named in words.
    """
    if found.end > found.start or not resolution or (at := text.find(resolution)) < 0:
        return found.start, found.end
    return at, at


def _last_question_start(text: str) -> int:
    """Offset of the closing question after one or more statements, else 0."""
    if not text.rstrip().endswith("?"):
        return 0
    breaks = [m.end() for m in re.finditer(r"(?<=[\w)][.!])(?<![A-Z]\.[A-Z].)\s+(?=[A-Z])", text)]
    return breaks[-1] if breaks and "?" not in text[: breaks[-1]] else 0


def _read(text: str, documents: list[ParsedDocument], described: tuple[Described, ...] = ()) -> Asked:
    drafts, unknown = find_drafts(text, documents)
    drafts = _with_described(drafts, described, documents, text) if described else drafts
    drafts = drafts or _proposed_body(text, documents)
    unknown += [UnknownDraft(d.unknown, d.surface) for d in described if d.unknown]
    masked = list(text)
    # a draft's name, and every description of one (also of a draft named by symbol beside it: "the brazil decision L.61"),
    # is no State asked about and no sponsor question ("the Russian-sponsored draft")
    for start, end in [(r.start, r.end) for r in drafts] + [(d.start, d.end) for d in described if d.end > d.start and not d.unknown]:
        masked[start:end] = " " * (end - start)
    # a word of the documents is no misspelt State ("arms race" is not France)
    mentions = [m for m in find_mentions("".join(masked)) if not (m.fuzzy and _in_documents(name_key(m.surface), documents))]
    for mention in mentions:
        masked[mention.start : mention.end] = " " * (mention.end - mention.start)
    # "going back to the first one": a phrase that holds a position word without naming a position
    idle = [m.span() for m in lexicon().not_position_phrases.finditer(text)]
    found = [(m, pos) for pattern, pos in POSITION_RES for m in pattern.finditer(text)
             if not any(a <= m.start() < b for a, b in idle)]
    positions = sorted({(m.start(), pos) for m, pos in found})
    spans = [m.span() for m, _ in found] + idle
    # words.toml's position words ("voted yes", "backed") where no position word of POSITION_RES already stands
    positions = sorted({*positions, *((m.start(), cast(Position, pos)) for pattern, pos in lexicon().position_words
                                      for m in pattern.finditer(text) if not any(a < m.end() and m.start() < b for a, b in spans))})
    return Asked(text, drafts, unknown, [m for m in mentions if m.kind == "state"], [m for m in mentions if m.kind == "group"], positions,
                 "".join(masked), names_earlier_reports(text, documents))


_DOCUMENT_WORDS: dict[tuple[str, str], frozenset[str]] = {}


def _in_documents(word: str, documents: list[ParsedDocument]) -> bool:
    """Whether a lower-case word is a word of one of the documents (each document's words read once, by content hash)."""
    for document in documents:
        key = (document.symbol, document.content_hash)
        if key not in _DOCUMENT_WORDS:
            text = " ".join(u.text for u in document.units)
            _DOCUMENT_WORDS[key] = frozenset(name_key(w) for w in re.findall(r"[^\W\d_]+", text))
        if word in _DOCUMENT_WORDS[key]:
            return True
    return False


def _proposed_body(text: str, documents: list[ParsedDocument]) -> list[DraftRef]:
    """'Who proposed the working group?': asked who or when a body was proposed, the drafts that set it up are named.

    The body's name or a looser one (words.toml [[set_up_body]] ``aliases`` and ``proposed_names``) stands for each
    draft that convenes or establishes it (``drafts.setting_up``, read from the drafts' operative paragraphs), in each
    document; none when the question asks neither who nor when with a proposer word ("Which paragraph sets up the
    working group?" names the body, not a draft).
    """
    if not _asks_who_proposed(text):
        return []
    named = [(key, match) for key, names in lexicon().proposed_names if (match := names.search(text))]
    if len(named) != 1:
        return []
    body, said = named[0]
    drafts = [(doc, next(d for d in doc.drafts if d.number == number)) for doc, number in setting_up(documents, body)]
    return [DraftRef(doc.symbol, draft.number, draft.symbol, said.group(), said.start(), said.end()) for doc, draft in drafts]


def _asks_who_proposed(text: str) -> bool:
    """Whether a question asks who or when with a proposer word ("Who tabled L.37?", "When was the GGE proposed?")."""
    return bool(lexicon().who_when_words.search(text) and proposer_verb(text))


# one space before the word: a name masked out of the question leaves many
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an|this|that|these|those|its|their|his|her|our|your) $", re.I)


def proposer_verb(text: str) -> re.Match[str] | None:
    """The first proposer word (words.toml ``proposer_words``) used as a verb, not as an adjective after a determiner.

    "Who proposed the working group?" has one; "How many sessions would the proposed permanent mechanism hold?" has none
    (the mechanism the draft proposes, a question on its text).
    """
    return next((m for m in lexicon().proposer_words.finditer(text) if not _DETERMINER_BEFORE_RE.search(text[: m.start()])), None)


def _asks_who_introduced(text: str) -> bool:
    """Whether a question asks who introduced a draft, or when ("Who tabled L.37?"; "which was submitted first?")."""
    return _asks_who_proposed(text) or bool(ORDER_RE.search(text))


def _strong_vote(text: str) -> bool:
    """Whether the question uses a word that makes it one about votes (``STRONG_VOTE_RE``, words.toml's vote words).

    Also words.toml's outcome words before a draft ("what happened to draft III?": ``_asks_outcome``).

    Not 'vote' as a point in time (words.toml ``time_of_vote_phrases``: "Was it amended before the vote?").
    """
    text = lexicon().time_of_vote_phrases.sub(" ", text)
    return bool(STRONG_VOTE_RE.search(text) or lexicon().vote_words.search(text) or _asks_outcome(text))


def _asks_outcome(text: str) -> bool:
    """'What happened to draft resolution III?', 'the outcome of L.14': words.toml outcome words followed by a draft.

    The draft is named within ``OUTCOME_REACH`` words after them (a draft noun or an L-symbol): not "what happened to the
    programme budget implications statement for draft resolution I?" (the statement), nor a body ("the OEWG").
    """
    said = lexicon().outcome_words.search(text)
    if said is None or named_body(text) is not None:
        return False
    following = re.findall(r"[\w.'/-]+", text[said.end():])[:OUTCOME_REACH]
    return any(name_key(w) in lexicon().draft_nouns or re.fullmatch(r"L\.?\d+.*", w, re.I) for w in following)


def _not_recorded_at(text: str) -> list[int]:
    """Where the question speaks of States recorded in no list of a vote, as character offsets in order.

    ``NOT_RECORDED_RE`` or words.toml's not_recorded_words ("don't appear in the Committee's vote").
    """
    found = [*NOT_RECORDED_RE.finditer(text), *lexicon().not_recorded_words.finditer(text)]
    return sorted({m.start() for m in found})


def _not_recorded(text: str) -> bool:
    """Whether the question asks about States recorded in no list of a vote (``_not_recorded_at``)."""
    return bool(_not_recorded_at(text))


def _asks_share(text: str) -> bool:
    """Whether a question asks for a share of the votes or of the body (``PERCENT_RE`` or words.toml's share words)."""
    return bool(PERCENT_RE.search(text) or lexicon().share_words.search(text))


def is_vote_question(asked: Asked) -> bool:
    """Whether to answer with the vote / sponsorship tools rather than retrieval.

    Not a question asking for a reason ("Why did Norway vote against it?", words.toml ``reason_openers``): the records
    hold votes, not reasons; the vote it takes for granted is checked first as a question of its own (``parts``).
    """
    if lexicon().reason_openers.match(asked.text):
        return False
    if asked.drafts and not re.search(r"\w", asked.masked):
        return True  # only a draft named ("A/C.1/73/L.37"): answer with its recorded vote
    if _asks_which_draft_introduced(asked) or _asks_title(asked):
        return True
    named = asked.drafts or asked.unknown or asked.states or asked.groups or BOTH_RE.search(asked.text)  # "each draft"
    if _is_sponsor_question(asked) and (named or LIST_RE.search(asked.text) or HOW_MANY_RE.search(asked.text)):
        return True
    if _strong_vote(asked.text) and not body_consensus(asked) and not asks_how_a_body_decides(asked):
        return True
    if ADOPT_RE.search(asked.text) and (asked.drafts or re.search(
            r"\b(?:the (?:two )?drafts|both|(?:any|either|each|neither)(?: of the)? (?:two )?drafts?)\b", asked.text, re.I)):
        return True
    if (NEITHER_RE.search(asked.text) or AT_LEAST_ONE_RE.search(asked.text)) and _one_position(asked):
        return bool(re.search(r"\b(?:drafts?|texts?|resolutions?)\b", asked.text, re.I))  # "Which States supported neither text?"
    listing = re.search(r"\b(?:which|what|list(?: the)?|name(?: the)?|how many)\s+(?:member states|states|countries|delegations)\b",
                        asked.text, re.I)  # "Which countries supported L.37?"
    weak = WEAK_VOTE_RE.search(asked.text) or any(p.search(asked.text) for p, _ in lexicon().position_words)
    if weak and len(asked.drafts) >= 2 and _named_positions(asked) and re.search(r"\b(?:how many|which|who)\b", asked.text, re.I):
        return True  # "Of the countries that opposed X, how many also opposed Y?": positions on two drafts
    return bool(weak and (asked.states or asked.groups or (asked.drafts and listing)))


def asks_how_a_body_decides(asked: Asked) -> bool:
    """'Will the new mechanism decide by majority vote?': how a body takes decisions, not a recorded vote.

    A question on the text (the body's working methods): a deciding word, a rule (words.toml deciding_words,
    decision_rules) and a body noun or a body's name, and no State named or adoption asked ("Was draft I adopted by a
    majority vote?" is about the vote).
    """
    text = asked.masked or asked.text
    words = lexicon()
    body = words.body_nouns.search(text) or named_body(text)
    return bool(body and words.deciding_words.search(text) and words.decision_rules.search(text) and not asked.states
                and not ADOPT_RE.search(text))


def body_consensus(asked: Asked) -> bool:
    """Whether "consensus" is said of something other than the drafts' adoption, so the question is about the text.

    'Will the OEWG take its decisions by consensus?', 'Will the working group in the first draft decide by consensus?':
    how a body works (draft I, op. para. 5), whether or not its draft is named. 'Which GGE
    reports were adopted by consensus?', 'Was resolution 71/28 adopted by consensus?': the earlier reports
    and resolution draft I, op. para. 1, names. Otherwise true when "consensus" is the only vote word, no draft is
    named, and either earlier reports or a resolution number are named, or a body is and nothing is said
    to be adopted ("Was the OEWG adopted by consensus?" asks about draft I's vote).
    """
    words = {m.group().lower() for m in STRONG_VOTE_RE.finditer(asked.text)}
    if words != {"consensus"}:
        return False
    if asked.drafts:  # "Will the working group in the first draft make its decisions by consensus?": the body's way of working
        body = named_body(asked.text)
        said = BODY_NAME_RES[body].search(asked.text) if body else None
        of_draft = said is not None and any(r.start <= said.start() < r.end for r in asked.drafts)  # "the GGE resolution"
        return said is not None and not of_draft and not ADOPT_RE.search(asked.text)
    if asked.earlier_reports or _RESOLUTION_NUMBER_RE.search(asked.text) or _YEAR_REPORTS_RE.search(asked.text):
        return True
    return named_body(asked.text) is not None and not ADOPT_RE.search(asked.text)


def route(asked: Asked, book: VoteBook) -> ToolResult | None:
    """Answer a vote or sponsorship question from the records, or None if it is not one."""
    if not is_vote_question(asked):
        return None
    asked = _with_part_votes(asked, book)
    if asked.unknown and not asked.drafts:
        return unknown_draft(asked.unknown[0], book)
    if other_years := _other_vote_years(asked, book):
        return other_year(other_years, book)
    across = _across_bodies(asked, book)
    named_votes = _named_votes(asked, book)
    drafts = across or _with_other_drafts(named_votes, asked, book) or _keys(asked) or book.drafts()
    if not (named_votes or asked.drafts) and CONSENSUS_RE.search(asked.text) and _asks_for_drafts(asked.text):
        return merge([book.no_vote(k) for k in book.adoptions], asked) if book.adoptions else plenary_none(book)
    if (separate := _separate_votes(asked, book)) is not None:
        return separate
    if not (named_votes or asked.drafts) and book.several and len(drafts) > (MAX_POSITIONS_LISTED if asked.states else MAX_UNNAMED_VOTES):
        return which_vote(book)  # a State's position on each vote in scope is a line each ("how did Iran vote in 2023?")
    if asked.states and not asked.drafts and STATE_OWN_DRAFT_RE.search(asked.text):
        with_sponsors = bool(re.search(r"\bon behalf\b|\bsponsor", asked.text, re.I))  # "… and on behalf of whom?"
        return merge([sponsors.own_draft(book, m.name, with_sponsors=with_sponsors) for m in asked.states], asked)
    if _asks_which_draft_introduced(asked):
        return merge([sponsors.own_draft(book, m.name, with_vote=False) for m in asked.states], asked)
    if _asks_title(asked):  # "What are the drafts called?": every draft acted on, with or without a vote
        return merge([sponsors.title(book, d) for d in (drafts if asked.drafts or named_votes else book.actions())], asked)
    acted = [a for k in drafts if (a := book.vote(k) or book.adoptions.get(k)) is not None]
    if _asks_plenary(asked.text) and not any(a.body == "General Assembly" for a in acted):
        return plenary(book, drafts, asked)
    if _is_sponsor_question(asked):
        return _sponsor_route(asked, book, drafts)
    result = _when_claimed(asked, book, drafts, _vote_route(asked, book, drafts, bool(across)))
    # a yes/no question on a combination of positions naming no State asks whether there are any
    return existence_verdict(asked.text, result) if result is not None and not asked.states else result


_PARAGRAPH_RE = re.compile(r"\b(?P<kind>op(?:erative)?|pp|preambular)?\.?\s*(?:para(?:graph)?s?\.?\s*)?(?P<n>\d{1,2})\b", re.I)
# "the eighth preambular paragraph", "the 8th operative paragraph": the number as an ordinal before the kind
_ORDINAL_PARAGRAPH_RE = re.compile(
    r"\b(?P<ord>[a-z]+(?:-[a-z]+)?|\d{1,2}(?:st|nd|rd|th))\s+(?P<kind>op(?:erative)?|pp|preambular)\.?\s*para(?:graph)?\b", re.I)


def _with_part_votes(asked: Asked, book: VoteBook) -> Asked:
    """A draft named with one of its paragraphs that had a separate vote stands for that vote ('retaining OP1 of L.38/Rev.1').

    The paragraph is named by number ('op 1', 'paragraph 1', 'OP1') or, for a draft with one separate vote, as 'the
    paragraph' or 'the separate vote' (words.toml). The whole draft stays when the question also asks about it ('as a
    whole', 'overall'), in the order the two are named.
    """
    refs: list[DraftRef] = []
    for ref in asked.drafts:
        parts = [v for v in book.part_votes if action_key(v) == _key(ref)]
        found = [(m, v) for m in _paragraphs_named(asked.text) for v in parts if _names_part(m, v)] if parts else []
        # 'the separate vote' alone is the draft's one separate vote; 'a separate vote on op 3' names a paragraph none was on
        if not found and len(parts) == 1 and not _paragraph_refs(asked.text) and (said := lexicon().part_words.search(asked.text)):
            found = [(said, parts[0])]
        refs += [DraftRef(ref.document, part_key(v).number, ref.symbol, m.group(), m.start(), m.end()) for m, v in found]
        if not found or lexicon().whole_words.search(asked.text):
            refs.append(ref)
    if any(" / " in r.number for r in refs):  # "the separate vote in the space report": that vote, not the report's others
        refs = [r for r in refs if " / " in r.number or r.end > r.start]
    if (asked.drafts or asked.states) and not any(" / " in r.number for r in refs) and (alone := _part_vote_alone(asked, book)) is not None:
        refs.append(alone)  # "voted no on L.14 but yes on the OP1 paragraph vote", "how did Egypt vote in the paragraph vote?"
    if refs == list(asked.drafts):
        return asked
    return replace(asked, drafts=sorted(refs, key=lambda r: r.start))


def _part_vote_alone(asked: Asked, book: VoteBook) -> DraftRef | None:
    """The one separate vote a question names by its words alone (beside drafts it names that had none); else None.

    Separate-vote words (words.toml ``part_words``: 'the paragraph vote') or a paragraph reference that fits exactly one
    separate vote of the documents in scope ('the OP1 paragraph vote': operative paragraph 1 of L.38/Rev.1, A/78/407).
    """
    said = lexicon().part_words.search(asked.text)
    if said is None:
        return None
    paragraphs = _paragraph_refs(asked.text)
    named = [(m, v) for m in _paragraphs_named(asked.text) for v in book.part_votes if _names_part(m, v)]
    if paragraphs and not named:
        return None  # "a separate vote on op 3": a paragraph no separate vote was on (``_separate_votes`` says so)
    found = named if len({id(v) for _, v in named}) == 1 else [(said, v) for v in book.part_votes] if not named else []
    if len(found) < 1 or len({id(v) for _, v in found}) != 1:
        return None
    match, vote = found[0]
    key = part_key(vote)
    return DraftRef(key.document, key.number, vote.draft_symbol, match.group(), match.start(), match.end())


def _paragraphs_named(text: str) -> list[re.Match[str]]:
    """The paragraph references of a question, in order.

    By number ('OP1', 'paragraph 1') or by ordinal ('the eighth preambular paragraph').
    """
    ordinal = [m for m in _ORDINAL_PARAGRAPH_RE.finditer(text) if ordinal_number(m["ord"]) is not None]
    return sorted([*_PARAGRAPH_RE.finditer(text), *ordinal], key=lambda m: m.start())


def _paragraph_refs(text: str) -> list[re.Match[str]]:
    """The references of ``_paragraphs_named`` that say they are paragraphs, not a bare number (the 38 of 'L.38').

    'op 3', 'paragraph 2', 'the eighth preambular paragraph'.
    """
    return [m for m in _paragraphs_named(text) if m.groupdict().get("kind") or re.search(r"para", m.group(), re.I)]


def _names_part(match: re.Match[str], vote: RecordedVote) -> bool:
    """Whether a paragraph reference names the part a separate vote was on ('operative paragraph 1').

    By number ('OP1', 'paragraph 1') or ordinal ('the eighth preambular paragraph').
    """
    kind = (match["kind"] or "").lower()
    said = "preambular" if kind in ("pp", "preambular") else "operative"
    has_word = bool(match["kind"]) or re.search(r"para", match.group(), re.I) is not None
    number = ordinal_number(match["ord"]) if "ord" in match.groupdict() else int(match["n"])
    return has_word and _subject_part(vote.subject) == (said, number)


def _subject_part(subject: str) -> tuple[str, int | None] | None:
    """(kind, number) of the paragraph a separate vote was on, as the report writes it; None for words of a paragraph.

    'operative paragraph 1' → ('operative', 1); 'the eighth preambular paragraph' → ('preambular', 8).
    """
    found = _paragraphs_named(subject)
    if len(found) != 1 or not found[0]["kind"]:
        return None
    match = found[0]
    kind = "preambular" if match["kind"].lower() in ("pp", "preambular") else "operative"
    return kind, ordinal_number(match["ord"]) if "ord" in match.groupdict() else int(match["n"])


def _other_vote_years(asked: Asked, book: VoteBook) -> list[str]:
    """Years a vote question names in which the documents record no vote ("the equivalent draft in 2017")."""
    return [y for y in YEAR_RE.findall(asked.text) if y not in book.recorded_years]


def other_year(years: list[str], book: VoteBook) -> ToolResult:
    """Votes of other years are not in the documents: say which votes they do record."""
    dates = " and ".join(sorted({v.date for v in book.votes.values()}))
    text = (f"The documents in the corpus do not cover this: they record the First Committee's recorded votes of {dates} only, "
            f"not votes in {' or '.join(years)}.")
    return ToolResult("vote_tally", (Claim(text, ()),), facts=(*years, dates), covered=False)


def _asks_which_draft_introduced(asked: Asked) -> bool:
    """Whether the question asks which draft a State introduced ("Which draft did the United States introduce?")."""
    return bool(asked.states and not asked.drafts and WHICH_DRAFT_BY_RE.search(asked.masked))


def _asks_title(asked: Asked) -> bool:
    """'What is the title of draft resolution II?', 'What are the drafts called?' (a draft or the drafts named)."""
    both = r"\b(?:the (?:two )?drafts?(?: resolutions)?|both drafts|each draft|the two (?:draft )?resolutions)\b"
    drafts = asked.drafts or re.search(both, asked.text, re.I)
    symbol = SYMBOL_OF_RE.search(asked.text)  # "the document symbol of draft resolution I" (not of a report it cites)
    # … "of the revised Russian draft", "of the two draft resolutions"; but not "of draft II's footnote on the 2010 report"
    between = r"(?:(?:revised|original|final|first|second|two|both)\s+)?"
    of_draft = symbol is not None and (
        any(re.fullmatch(between, asked.text[symbol.end():r.start]) and not re.match(r"['\u2019]s\b", asked.text[r.end:])
            and not _another_document_first(r.surface) for r in asked.drafts)
        or bool(re.match(rf"{between}(?:draft resolutions|drafts)\b", asked.text[symbol.end():], re.I)))
    return bool(drafts and (TITLE_RE.search(asked.text) or of_draft) and not asked.states)


def _another_document_first(surface: str) -> bool:
    """Whether a description names another document before the draft (words.toml document nouns).

    "the High Commissioner's report that resolution 54/18 takes note of": the symbol asked for is the report's.
    """
    words = [name_key(w) for w in re.findall(r"[\w'-]+", surface)]
    first_draft = next((i for i, w in enumerate(words) if w in lexicon().draft_nouns), len(words))
    return any(w.removesuffix("'s") in lexicon().document_nouns for w in words[:first_draft])


def _is_sponsor_question(asked: Asked) -> bool:
    """'sponsor' words, or 'introduced/submitted' said of a named draft (not of a report)."""
    if SPONSOR_RE.search(asked.masked or asked.text) or lexicon().sponsor_words.search(asked.masked or asked.text):
        return True
    asks_who = (
        lexicon().who_when_words.search(asked.text)
        or ORDER_RE.search(asked.text)
        or (asked.states and is_polar(asked.text))  # "Did France introduce L.37?": whether that State did
    )
    named = asked.drafts or BOTH_RE.search(asked.text) or ORDER_RE.search(asked.text)
    proposed = proposer_verb(asked.masked or asked.text)
    return bool(proposed and asks_who and named and not re.search(r"\breport\b", asked.text, re.I))


def _across_bodies(asked: Asked, book: VoteBook) -> list[DraftKey]:
    """The votes of each body a question names on the same draft ("between the committee and the plenary"), or [].

    Two bodies or more must be named, and a draft ('the OEWG resolution' or draft I): of the drafts named, those
    voted in every body named (``VoteBook.in_bodies``).
    """
    # in one sentence: "And in committee? What was the Assembly vote …?" (a follow-up completed) names one body of its own
    bodies = max((book.bodies_named(s) for s in re.split(r"\?", asked.text)), key=len, default=[])
    drafts = _keys(asked) or book.named_in(asked.text)  # "resolution 73/27": the plenary's vote names the draft
    return book.in_bodies(drafts, bodies) if len(bodies) >= 2 and drafts else []


def _with_other_drafts(named: list[DraftKey], asked: Asked, book: VoteBook) -> list[DraftKey]:
    """The votes named by their body or resolution, with the other drafts the question names, in the order named.

    "How did India vote on the Council's digital access resolution compared with the 2023 permanent cyber mechanism
    draft?": the Council's vote (named by its body) and L.38/Rev.1 (described). A draft that is the same as a vote named
    ("draft resolution I in the plenary": the plenary's vote on A/73/505's draft I) is not added; [] when none is named.
    """
    if not named:
        return []
    voted = {book.draft_voted(k) for k in named}
    others = [k for k in _keys(asked) if k not in named and book.vote(k) is not None and book.draft_voted(k) not in voted]
    return named + list(dict.fromkeys(others))


def _separate_votes(asked: Asked, book: VoteBook) -> ToolResult | None:
    """'Was there a separate vote on any paragraph in 2018?': the separate votes the documents record, or that there are none.

    For a question with separate-vote words (words.toml ``part_words``) naming no State and no paragraph of its own;
    over the drafts it names, else every vote of the documents given (the scope's). A/73/505 records none; A/78/407 one,
    on operative paragraph 1 of L.38/Rev.1 (para. 8 (a)).
    """
    if not lexicon().part_words.search(asked.text) or asked.states or any(" / " in r.number for r in asked.drafts):
        return None
    keys = set(_keys(asked)) or set(book.votes)
    parts = [v for v in book.part_votes if action_key(v) in keys]
    named = _paragraph_refs(asked.text)
    if named and parts and not any(_names_part(m, v) for m in named for v in parts):
        # "Was there a separate vote on op 3 of the Dutch draft?": no; the one recorded was on operative paragraph 1
        held = "; ".join(book.draft_name(v) for v in parts)  # 'operative paragraph 1 of draft resolution II (…)
        text = f"The documents record no separate vote on {named[0].group()}: the separate vote they record there was on {held}."
        return led_if_polar(asked.text, ToolResult("vote_tally", (Claim(text, tuple(book.cite(v) for v in parts)),),
                                                   facts=(named[0].group(),)), "No")
    parts = [v for v in parts if not named or any(_names_part(m, v) for m in named)]
    if parts:
        result = merge([book.tally(part_key(v)) for v in parts], asked)
        return led_if_polar(asked.text, result, "Yes")
    documents = list(dict.fromkeys(k.document for k in book.votes if k in keys))
    text = (f"The documents record no separate vote on a paragraph in {' or '.join(documents)}: each draft there was put to "
            "the vote, or adopted, as a whole.")
    cited = tuple(book.cite(v) for k, v in book.votes.items() if k in keys)
    return led_if_polar(asked.text, ToolResult("vote_tally", (Claim(text, cited),)), "No")


_MONTH = "|".join(calendar.month_name[1:])
_DAY_MONTH_RE = re.compile(rf"\b(?P<d1>\d{{1,2}}) (?P<m1>{_MONTH})\b|\b(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}})\b", re.I)  # '6 November


def _when_claimed(asked: Asked, book: VoteBook, drafts: list[DraftKey], result: ToolResult) -> ToolResult:
    """``result`` led by 'Yes' or 'No' when a yes/no question claims the day or meeting a draft was acted on.

    "L.61 was adopted on 1 November 2023?": No (6 November, A/78/407 para. 12); "L.14 was adopted at the 30th meeting,
    yes?": No (the 28th). Unchanged for other questions, for several drafts, and for a result already led by a verdict.
    """
    if not is_polar(asked.text) or len(drafts) != 1 or asked.states or is_led(result):
        return result
    action = book.vote(drafts[0]) or book.adoptions.get(drafts[0])
    if action is None:
        return result
    held = [f"{int(m['d1'] or m['d2'])} {(m['m1'] or m['m2']).capitalize()}" == " ".join(action.date.split()[:2])
            for m in _DAY_MONTH_RE.finditer(asked.text)]
    held += [meeting.split()[0] == action.meeting.split()[0] for meeting in named_meetings(asked.text) if action.meeting]
    return led_if_polar(asked.text, result, "Yes" if all(held) else "No") if held else result


def _asks_for_drafts(text: str) -> bool:
    """'Which drafts were adopted without a vote?', 'How many texts …': a list or count of drafts.

    The first word after the question word (words.toml ``wh_words``; 'how many'), past 'of the', is a draft noun.
    """
    words = [name_key(w) for w in re.findall(r"[\w-]+", text)]
    after = next((i + 1 for i, w in enumerate(words) if lexicon().wh_words.fullmatch(w) or w == "many"), None)
    rest = [w for w in words[after:] if w not in ("of", "the", "many")] if after is not None else []
    return bool(rest) and rest[0] in lexicon().draft_nouns


def plenary_none(book: VoteBook) -> ToolResult:
    """No draft of the documents was adopted without a vote: each action they record was a recorded vote."""
    return ToolResult("vote_tally", (Claim(f"The documents record no draft adopted without a vote: each of the {len(book.votes)} "
                                           "actions they record was a recorded vote.", ()),), facts=(str(len(book.votes)),))


def _named_votes(asked: Asked, book: VoteBook) -> list[DraftKey]:
    """Votes the question singles out by their document, resolution or body (``VoteBook.named_in``).

    Narrowed to the drafts it names, if any, by the draft voted on ("draft resolution I in the plenary": the Assembly's
    vote on A/73/505's draft I); none when the votes named are all on other drafts than the ones it names. A body's vote
    on another draft is not the draft asked about, even under the same number ("Was L.37 adopted by the plenary?": not
    73/27's vote; "Was the 2023 critical infrastructure resolution adopted in plenary?": not the 2018 draft I's).
    """
    voted = {book.draft_voted(k) for k in _keys(asked)} - {None}
    return [k for k in book.named_in(asked.text) if not asked.drafts or book.draft_voted(k) in voted]


def _keys(asked: Asked) -> list[DraftKey]:
    """The drafts a question names, as vote-book keys, in the order named (``find_drafts`` returns them in that order)."""
    return [_key(r) for r in asked.drafts]


def _key(ref: DraftRef) -> DraftKey:
    """The vote-book key of a draft named: its document and number (draft I of two reports are two drafts)."""
    return DraftKey(ref.document, ref.number)


def _sponsor_route(asked: Asked, book: VoteBook, drafts: list[DraftKey]) -> ToolResult:
    drafts = _one_per_sponsorship(book, drafts)
    named = _one_per_sponsorship(book, _keys(asked))  # one draft voted in two bodies is one sponsorship, not a pair
    pair = book.pair(named) if len(named) != 1 else []
    if excluded := _excluded(asked):
        if _list_position(asked) or (set(asked.states) | set(asked.groups)) - set(excluded):
            return _apart_from(asked, book, drafts, excluded)
        members, apart = _members(excluded)
        return merge([sponsors.sponsors_apart(book, d, members, apart) for d in drafts], asked)
    if ORDER_RE.search(asked.text) and len(drafts) >= 2:
        return sponsors.order(book, drafts)
    only_introducer = (_asks_who_introduced(asked.text) and not re.search(r"\b(?:sponsor\w*|co-?sponsor\w*|on behalf)\b", asked.text, re.I)
                       and _which_sponsors(asked.text) == "all")  # "Who tabled it, and who joined later?" asks for both
    if only_introducer and not asked.states:
        return merge([sponsors.introduced(book, d) for d in drafts], asked)
    if TOTAL_OF_RE.search(asked.text) and len(pair) == 2 and len(asked.drafts) != 1 and not (asked.states or asked.groups):
        return sponsors.totals(book, pair)
    if (voters := _voters_who_sponsored(asked, book, pair)) is not None:
        return voters
    if asked.groups and not asked.states:
        return merge([sponsors.group_sponsors(book, roster().group(g.name), d) for g in asked.groups for d in drafts], asked)
    if BOTH_RE.search(asked.text) and len(pair) == 2 and not asked.states:
        position = _one_position(asked)
        if position:
            return sponsors.sponsors_in_position(book, pair[0], pair[1], position)
        return sponsors.both(book, pair[0], pair[1], with_vote=bool(VOTE_WORD_RE.search(asked.text)))
    if asked.states and _asks_introducer(asked):
        statuses = [sponsors.introducer_status(book, m.name, d) for m in asked.states for d in drafts]
        return sponsor_verdict(asked.text, merge(statuses, asked))
    if asked.states:
        with_vote = bool(VOTE_WORD_RE.search(asked.text))
        statuses = [sponsors.sponsor_status(book, m.name, d, with_vote) for m in asked.states for d in drafts]
        return sponsor_verdict(asked.text, merge(statuses, asked))
    if len(asked.drafts) == 2 and VOTE_WORD_RE.search(asked.text):
        first, second = _keys(asked)
        voted = sponsors.sponsor_votes(book, first, second, _which_sponsors(asked.text))
        return members_verdict(asked.text, _named_positions(asked), voted)
    if OWN_DRAFT_RE.search(asked.text) or VOTE_WORD_RE.search(asked.text):
        return merge([sponsors.sponsor_votes(book, d, which=_which_sponsors(asked.text)) for d in drafts], asked)
    return merge([sponsors.sponsors(book, d) for d in drafts], asked)


def _one_per_sponsorship(book: VoteBook, drafts: list[DraftKey]) -> list[DraftKey]:
    """The drafts, one per sponsorship record: a draft voted in committee and in plenary was sponsored once.

    Of the keys of one record, the one of the document holding it ('A/73/505', not the plenary record 'A/73/PV.45').
    """
    records = {key: book.sponsorship(key) for key in drafts}
    kept: list[DraftKey] = []
    for key in drafts:
        record = records[key]
        same = [k for k in drafts if record is not None and records[k] is record]
        chosen = next((k for k in same if k.document == record.symbol), same[0]) if record is not None else key
        if chosen not in kept:
            kept.append(chosen)
    return kept


def _asks_introducer(asked: Asked) -> bool:
    """Whether a question about a State asks if it introduced the draft ("Did France table L.37?"), not if it sponsored it."""
    text = asked.masked or asked.text
    return bool(proposer_verb(text) and not SPONSOR_RE.search(text) and not lexicon().sponsor_words.search(text))


def _which_sponsors(text: str) -> sponsors.Which:
    """'original sponsors' → the original ones; 'late sponsors', 'joined later' → those that joined later; else all."""
    if re.search(r"\boriginal (?:co-?)?sponsors?\b|\boriginally\b", text, re.I):
        return "original"
    if re.search(r"\b(?:late|later|subsequent)\s+(?:co-?)?sponsors?\b|\bjoined\b.*\b(?:later|subsequently|afterwards|after)\b", text, re.I):
        return "later"
    return "all"


def _voters_who_sponsored(asked: Asked, book: VoteBook, pair: list[DraftKey]) -> ToolResult | None:
    """'Which of the States that voted against draft I sponsored draft II?': a position named before the sponsor word."""
    position, sponsor = _one_position(asked), SPONSOR_RE.search(asked.text)
    if position is None or sponsor is None or len(asked.drafts) != 2 or len(pair) != 2 or asked.states or len(asked.groups) > 1:
        return None
    if min(start for start, _ in _named_positions(asked)) > sponsor.start():
        return None  # "How did the sponsors of draft I vote on draft II?" is sponsor_votes
    voted_on, sponsored = (next(d for d in pair if d == _key(r)) for r in asked.drafts)
    within = roster().group(asked.groups[0].name) if asked.groups else None  # "the ASEAN members that abstained on II …"
    return sponsors.voters_who_sponsored(book, voted_on, position, sponsored, _which_sponsors(asked.text), within)


def _asks_among(asked: Asked) -> bool:
    """Whether a list or count is asked among the States named ("how many of Canada, Georgia and Japan voted against L.14?").

    Words.toml ``among_openers`` right before the first State named.
    """
    first = min(m.start for m in asked.states)
    return any(not asked.text[m.end():first].strip() for m in lexicon().among_openers.finditer(asked.text[:first]))


def _vote_route(asked: Asked, book: VoteBook, drafts: list[DraftKey], in_bodies: bool) -> ToolResult:
    """A vote question's answer; ``in_bodies``: ``drafts`` are one draft's votes in the bodies named (``_across_bodies``)."""
    text, pair = asked.text, (drafts if in_bodies else book.pair(_keys(asked)))
    if excluded := _excluded(asked):
        return _apart_from(asked, book, drafts, excluded)
    if asked.groups:
        if len(asked.groups) == 1 and (focused := _within_group(asked, book, drafts, pair)):
            return focused
        return merge([crossvotes.group_votes(book, roster().group(g.name), drafts) for g in asked.groups], asked)
    if len(asked.states) >= 2 and len(drafts) == 1 and (position := _one_position(asked)) and _asks_among(asked):
        return crossvotes.among(book, list(dict.fromkeys(m.name for m in asked.states)), drafts[0], position)
    if asked.states:
        positions = [book.position(m.name, d) for m in asked.states for d in drafts]
        if CHANGED_RE.search(text) and len(drafts) == 2:
            return change_verdict(text, merge(positions, asked))  # "Did Mexico change its vote between …?"
        said = [(start, p) for start, p in _named_positions(asked) if not any(r.start <= start < r.end for r in asked.drafts)]
        return vote_verdict(asked.text, said, merge(positions, asked))  # not 'backed' of "the American-backed text"
    if INTENT_RE.search(text):
        return book.intentions(drafts)
    if lexicon().body_size_phrases.search(text) and (book.bodies_named(text) or asked.drafts):  # its size, then a position asked
        position = _list_position(asked)
        sized = [book.membership(d) for d in drafts] + ([book.listing(d, position) for d in drafts] if position else [])
        return merge(sized, asked)
    if unlisted := UNLISTED_GROUP_RE.search(text):
        return unlisted_group(unlisted.group())
    if not_a_state := _unknown_subject(asked, book):
        return not_a_state
    if VOTES_CAST_RE.search(text):
        return merge([book.shares(d) for d in drafts], asked)  # "What share of the votes cast were in favour of the two drafts?"
    if (every := _every(asked, book, drafts)) is not None:
        return every
    if lexicon().several_words.search(text) and (position := _one_position(asked)) and len(drafts) >= 2:
        return crossvotes.in_several(book, drafts, position)  # "against more than one draft"
    if (several := _positions_on_several(asked, book)) is not None:
        return several
    if len(pair) == 2 and (across := _across_drafts(asked, book, pair)):
        return across
    if len(asked.drafts) == 1 and (denied := NEGATED_RE.search(text)) and (refused := _position_word(denied.group())):
        return book.not_in_position(drafts[0], refused)  # "Which States did not vote in favour of draft II?"
    if MARGIN_RE.search(text) and len(asked.drafts) == 1:
        return merge([book.margin(d) for d in drafts], asked)
    if _asks_share(text):
        return merge([book.shares(d) for d in drafts], asked)
    if TOTAL_RE.search(text) and HOW_MANY_RE.search(text):
        return merge([book.tally(d) for d in drafts], asked)
    if _not_recorded(text):
        return merge([book.not_recorded(d) for d in drafts], asked)
    position = _list_position(asked)
    if position:
        return merge([book.listing(d, position) for d in drafts], asked)
    if CONSENSUS_RE.search(text):  # "Was draft I adopted by consensus?": no, a recorded vote
        return merge([book.by_consensus(d) for d in drafts], asked)
    return merge([book.tally(d) for d in drafts], asked)


def _every(asked: Asked, book: VoteBook, drafts: list[DraftKey]) -> ToolResult | None:
    """'… voted in favour of all three texts': one position on every vote named, when there are more than two.

    With fewer than three named, every vote of the one document the drafts named belong to; None otherwise.
    """
    position = _one_position(asked)
    if position is None or not lexicon().every_words.search(asked.text):
        return None
    keys = drafts if len(asked.drafts) > 2 else [k for k in book.drafts() if len({d.document for d in drafts}) == 1
                                                  and k.document == drafts[0].document]
    return crossvotes.in_every(book, keys, position) if len(keys) > 2 else None


def _positions_on_several(asked: Asked, book: VoteBook) -> ToolResult | None:
    """Which States (or how many) took a position on each of three votes or more.

    Each draft takes the position named last before it (else the first).

    "against both Russian drafts but in favour of the HRC resolution": against L.27/Rev.1 and L.14, in favour of
    A/HRC/RES/54/18 (``crossvotes.in_positions``); "in favour of both Russian drafts and of the HRC resolution": in
    favour of all three. None with fewer than three votes, no position named, or a position denied.
    """
    keys = list(dict.fromkeys(_key(r) for r in asked.drafts))
    named = sorted(_named_positions(asked))
    asks_for_states = LIST_RE.search(asked.text) or HOW_MANY_RE.search(asked.text)
    if len(keys) < 3 or not named or not asks_for_states or NEGATED_RE.search(asked.text):
        return None
    wanted: dict[DraftKey, Position] = {}
    for ref in asked.drafts:
        before = [p for start, p in named if start < ref.start]
        wanted.setdefault(_key(ref), before[-1] if before else named[0][1])
    return crossvotes.in_positions(book, list(wanted.items()))


def _within_group(asked: Asked, book: VoteBook, drafts: list[DraftKey], pair: list[DraftKey]) -> ToolResult | None:
    """The members of the one group named in the positions asked, or None for the group's whole breakdown.

    "Which African States abstained on draft II?" (one position on one draft, as a list, a count or a share);
    "Which Eastern European States voted for both drafts?", "… that voted for draft I also voted for draft II?"
    (a position on each draft). Questions denying a position ("did not vote for") get the breakdown.
    """
    group, text = roster().group(asked.groups[0].name), asked.text
    if NEGATED_RE.search(text) or AT_LEAST_ONE_RE.search(text) or EXACTLY_ONE_RE.search(text) or NEITHER_RE.search(text) \
            or ONE_ONLY_RE.search(text) or re.search(r"\beither\b", text, re.I):
        return None  # "either", "at least one", "neither", "only one" with a group: the breakdown on each draft
    if len(pair) == 2 and len(asked.drafts) != 1:
        found = [p for _, p in sorted(_named_positions(asked))]
        two = len(asked.drafts) == 2 and _key(asked.drafts[0]) != _key(asked.drafts[1])
        if two and len(found) == 2:
            by_draft = {_key(asked.drafts[0]): found[0], _key(asked.drafts[1]): found[1]}
            return crossvotes.cross(book, pair[0], by_draft[pair[0]], pair[1], by_draft[pair[1]], group)
        position = _one_position(asked)
        then = THEN_RE.search(text) or GROUP_THEN_RE.match(text[asked.groups[0].end :])  # "the P5 that voted against II"
        if position and two and then and not BOTH_RE.search(text) and not ALSO_RE.search(text):
            first, second = _keys(asked)  # "How did the Eastern European States that voted for draft I vote on draft II?"
            return crossvotes.then_on(book, first, position, second, group)
        if position and (two or BOTH_RE.search(text)):
            return crossvotes.cross(book, pair[0], position, pair[1], position, group)
        return None
    position = _list_position(asked)
    if len(drafts) == 1 and position and (LIST_RE.search(text) or HOW_MANY_RE.search(text) or _asks_share(text)):
        return crossvotes.group_listing(book, group, drafts[0], position)
    return None


def _excluded(asked: Asked) -> list[Mention]:
    """The States and groups a question leaves out ("apart from the EU members", "other than China", "non-EU")."""
    cuts = [m.end() for m in EXCEPT_RE.finditer(asked.text)]
    excluded: list[Mention] = []
    for mention in sorted((*asked.states, *asked.groups), key=lambda m: m.start):
        after_cut = any(0 <= mention.start - cut <= 1 for cut in cuts)
        listed = excluded and re.fullmatch(r",?\s*(?:and\s+|or\s+)?(?:the\s+)?", asked.text[excluded[-1].end : mention.start])
        if after_cut or listed:
            excluded.append(mention)  # "apart from China and Russia"
    return excluded


def _apart_from(asked: Asked, book: VoteBook, drafts: list[DraftKey], excluded: list[Mention]) -> ToolResult:
    """A list of one position on the drafts named, leaving the excluded States out; other combinations are declined."""
    members, apart = _members(excluded)
    position = _list_position(asked)
    if position is None or len(asked.drafts) > 1 or (set(asked.states) | set(asked.groups)) - set(excluded):
        text = (f"The documents in the corpus do not cover this as asked: Rapporteur can list the States in one position on a draft "
                f"apart from {apart}, but not combine that with other conditions. Ask for that list, or for the group's votes.")
        return ToolResult("vote_list", (Claim(text, ()),), facts=tuple(members), covered=False)
    return merge([book.listing(d, position, members, apart) for d in drafts], asked)


def _members(excluded: list[Mention]) -> tuple[frozenset[str], str]:
    """The Member States a list of State and group mentions stands for, and how to name them ('the European Union members')."""
    members = frozenset(s for m in excluded for s in (roster().group(m.name).members if m.kind == "group" else (m.name,)))
    return members, " and ".join(f"the {roster().group(m.name).name} members" if m.kind == "group" else the(m.name) for m in excluded)


def _across_drafts(asked: Asked, book: VoteBook, pair: list[DraftKey]) -> ToolResult | None:
    """Questions about the two drafts together, or None: tallies compared, positions on each, changes, totals."""
    text, position = asked.text, _one_position(asked)
    if (COMPARE_RE.search(text) or _compares_counts(text)) and len(asked.drafts) != 1:
        return _compared(asked, book, pair, _list_position(asked) or "in_favour")
    if TOTAL_OF_RE.search(text) and (counted := _counted_position(text)) and len(asked.drafts) != 1:
        return crossvotes.position_total(book, pair[0], pair[1], counted)
    if position and NEITHER_RE.search(text) and len(asked.drafts) != 1:
        return crossvotes.neither(book, pair[0], pair[1], position)
    if by_draft := _positions_by_draft(asked, book, pair):
        return by_draft
    if _not_recorded(text) and position is None and BOTH_RE.search(text) and len(asked.drafts) != 1:
        return crossvotes.cross(book, pair[0], None, pair[1], None)
    if (voted := RECORDED_ON_RE.search(text)) and _not_recorded(text) and position is None \
            and book.draft_voted(pair[0]) == book.draft_voted(pair[1]):
        # "voted in the plenary … but don't appear in the First Committee's vote": the body named after "voted in"
        named = book.bodies_named(text[voted.start():])
        kept = next((k for k in pair if named and (vote := book.vote(k)) is not None and vote.body == named[0]), None)
        if kept is not None:
            return crossvotes.one_only(book, pair[0], pair[1], kept)
    if CHANGED_RE.search(text):
        if book.draft_voted(pair[0]) == book.draft_voted(pair[1]) and not (LIST_RE.search(text) or HOW_MANY_RE.search(text)):
            # "How did the vote on the OEWG resolution change between the committee and the Assembly?": both tallies, then who
            return merge([crossvotes.compare_tallies(book, pair[0], pair[1], "in_favour"), crossvotes.changed(book, *pair)], asked)
        return crossvotes.changed(book, *pair)
    if position and EXACTLY_ONE_RE.search(text):
        return crossvotes.at_least_one(book, pair[0], pair[1], position, exactly=True)
    if ONE_ONLY_RE.search(text):
        kept = _recorded_on(asked, pair)
        if position and kept:  # "in favour of draft I but not draft II"
            return crossvotes.in_position_on_one(book, kept, next(d for d in pair if d != kept), position)
        return crossvotes.one_only(book, pair[0], pair[1], kept)
    if position and AT_LEAST_ONE_RE.search(text) and len(asked.drafts) != 1:
        return crossvotes.at_least_one(book, pair[0], pair[1], position)
    if position and (THEN_RE.search(text) or _names_holders(text)) and len(asked.drafts) == 2:
        first, second = _keys(asked)  # "How did the opponents of L.37 vote on L.27/Rev.1?"
        return crossvotes.then_on(book, first, position, second)
    if OVERLAP_RE.search(text) and (BOTH_RE.search(text) or HOW_MANY_RE.search(text)):
        return crossvotes.overlap(book, *pair)
    if position and (BOTH_RE.search(text) or (ALSO_RE.search(text) and len(asked.drafts) == 2)) and len(asked.drafts) != 1:
        return crossvotes.cross(book, pair[0], position, pair[1], position)  # "abstained on L.37 and also on L.27/Rev.1"
    return None


def _asks_plenary(text: str) -> bool:
    """Whether a vote question asks for the General Assembly's vote ('plenary', 'the GA': words.toml bodies).

    "recommended to the General Assembly" with no vote or adoption asked is not one (``PLENARY_RE`` needs those words).
    """
    named = bodies_named(text)  # the first body named: a follow-up's own ("And in committee? What was the Assembly vote …")
    if named and named[0] != "General Assembly":
        return False
    return bool(PLENARY_RE.search(text)) or (bool(named) and bool(VOTE_WORD_RE.search(text) or ADOPT_RE.search(text)))


def _names_holders(text: str) -> bool:
    """Whether the question calls States by the position they took (words.toml ``position_nouns``: 'the opponents of')."""
    return any(w in lexicon().position_nouns for w in (name_key(t) for t in re.findall(r"[\w-]+", text)))


def _compares_counts(text: str) -> bool:
    """Whether a comparative asks for two tallies compared, not a list of States.

    A comparative (words.toml ``comparative_words``) read with 'than', or after 'which' not asking for States: "more
    countries voted against L.14 than …", "which got more yes votes, L.37 or L.27/Rev.1?".

    Not a count compared with a number ("Which States voted against more than one draft?": a condition on States).
    """
    said = lexicon().comparative_words.search(text)
    if said is None or re.search(r"\bthan\s+(?:\d|one|two|three|half|a (?:third|quarter))", text[said.end():], re.I):
        return False
    which = re.search(r"\bwhich\s+(?:of the (?:two )?)?(\w+)", text[: said.start()], re.I)
    return (re.search(r"\bthan\b", text[said.end():], re.I) is not None  # "which got more", "which draft had more"; not
            or (which is not None and name_key(which[1]) not in lexicon().member_nouns))  # "which States … more"


def _compared(asked: Asked, book: VoteBook, pair: list[DraftKey], position: Position) -> ToolResult:
    """The two tallies compared (``crossvotes.compare_tallies``); a yes/no question led by its verdict.

    The verdict reads the drafts in the order named ("Did more vote against L.14 than against L.27/Rev.1?": Yes, 51 to 45).
    """
    result = crossvotes.compare_tallies(book, pair[0], pair[1], position)
    named = [_key(r) for r in asked.drafts]
    votes = [book.vote(k) for k in named[:2]]
    if len(votes) < 2 or votes[0] is None or votes[1] is None:
        return result
    at = POSITIONS.index(position)
    return comparison_verdict(asked.text, (votes[0].stated[at], votes[1].stated[at]), result)


def _counted_position(text: str) -> Position | None:
    """The position a 'number of abstentions / votes against' question counts, from its noun, or None."""
    return next((position for pattern, position in COUNTED_RES if pattern.search(text)), None)


def _recorded_on(asked: Asked, pair: list[DraftKey]) -> DraftKey | None:
    """The draft a 'voted on X but not on Y' question keeps: the one named before 'but not' (None without it)."""
    match = BUT_NOT_RE.search(asked.text)
    before = [r for r in asked.drafts if match and r.end <= match.start()]
    if not before:
        return None
    return next((d for d in pair if d == _key(before[-1])), None)


def _positions_by_draft(asked: Asked, book: VoteBook, pair: list[DraftKey]) -> ToolResult | None:
    """A position on each of the two drafts, in the order named: 'against I and in favour of II', 'yes on II and absent on I'.

    'Not recorded' words ("absent", "did not vote") count as a position here.
    """
    if len(asked.drafts) != 2 or _key(asked.drafts[0]) == _key(asked.drafts[1]):
        return None
    ordered = asked.drafts  # in the order named
    if denied := _denied(asked, book, pair, ordered):
        return denied
    absent: list[tuple[int, Position | None]] = [(start, None) for start in _not_recorded_at(asked.text)]
    named: list[tuple[int, Position | None]] = [*_named_positions(asked), *absent]
    found = [p for _, p in sorted(named, key=lambda x: x[0])]
    voted = RECORDED_ON_RE.search(asked.text)
    if len(found) == 1 and found[0] is None and voted:  # "absent on draft II but voted on draft I"
        kept = next(r for r in ordered if r.start > voted.start()) if ordered[1].start > voted.start() else ordered[0]
        return crossvotes.one_only(book, pair[0], pair[1], next(d for d in pair if d == _key(kept)))
    if len(found) < 2:
        return None
    by_draft = {_key(ordered[0]): found[0], _key(ordered[1]): found[1]}
    return crossvotes.cross(book, pair[0], by_draft[pair[0]], pair[1], by_draft[pair[1]])


def _denied(asked: Asked, book: VoteBook, pair: list[DraftKey], ordered: list[DraftRef]) -> ToolResult | None:
    """'Against draft II but did not vote against draft I', 'against I but not for II'.

    A position affirmed on one draft and one denied on the other.
    """
    denied = list(NEGATED_RE.finditer(asked.text))
    affirmed = [(start, p) for start, p in _named_positions(asked) if not any(m.start() <= start < m.end() for m in denied)]
    if len(denied) != 1 or len(affirmed) != 1:
        return None
    refused = _position_word(denied[0].group())
    kept = next((r for r in ordered if r.start > affirmed[0][0]), ordered[0])  # the draft named after the affirmed position
    first = next(d for d in pair if d == _key(kept))
    return crossvotes.in_position_on_one(book, first, next(d for d in pair if d != first), affirmed[0][1], refused)


def _position_word(text: str) -> Position | None:
    """The position a phrase names ('not vote against' → 'against'; 'not for' → 'in_favour')."""
    if re.search(r"\bfor\b|\byes\b", text, re.I):
        return "in_favour"
    return next((position for pattern, position in POSITION_RES if pattern.search(text)), None)


def _named_positions(asked: Asked) -> list[tuple[int, Position]]:
    """The vote positions a question names, with their offsets; "for" alone is not one ("how did X vote for …"), "yes" is."""
    bare_for = _is_bare_for(asked.text)
    return [(start, p) for start, p in asked.positions
            if not (p == "in_favour" and bare_for and asked.text[start : start + 3].lower() == "for") or _for_a_draft(asked, start)]


def _for_a_draft(asked: Asked, start: int) -> bool:
    """Whether "for" at ``start`` is a vote for the draft named right after it, following another position.

    "voted against I and for II", "against the first draft and for the second" (not "how did X vote for draft I").
    """
    after = start + 3
    follows = any(asked.text[after : r.start].strip().lower() in ("", "the") for r in asked.drafts if r.start >= after)
    return follows and any(s < start and p != "in_favour" for s, p in asked.positions)


def _one_position(asked: Asked) -> Position | None:
    """The single vote position a question names ('voted in favour of both … and sponsored one'), else None."""
    found = {p for _, p in _named_positions(asked)}
    return next(iter(found)) if len(found) == 1 else None


def _is_bare_for(text: str) -> bool:
    return not re.search(r"\b(?:voted|vote|votes) for\b|\bin favou?r\b|\bsupport", text, re.I)


_LIST_POSITIONS: tuple[tuple[re.Pattern[str], Position], ...] = (
    (re.compile(r"\babstain\w*|\babstention\w*", re.I), "abstaining"),
    (re.compile(r"\bin favou?r\b|\bvoted (?:for|yes)\b|\bsupport|\byes votes?\b|\bbacked\b", re.I), "in_favour"),
    (re.compile(r"\bagainst\b|\bvoted no\b|\boppos|\bno votes?\b", re.I), "against"),
)


def _list_position(asked: Asked) -> Position | None:
    """The position a list or count question asks for: the first one named ("how many against? …in favour…" → against)."""
    listed = [*_LIST_POSITIONS, *((p, cast(Position, position)) for p, position in lexicon().position_words)]
    idle = [m.span() for m in lexicon().not_position_phrases.finditer(asked.text)]  # "going back to …"
    found = [(m.start(), position) for pattern, position in listed for m in pattern.finditer(asked.text)
             if not any(a <= m.start() < b for a, b in idle)]
    return min(found)[1] if found else None


def _unknown_subject(asked: Asked, book: VoteBook) -> ToolResult | None:
    match = SUBJECT_RE.search(asked.text) or LOWER_SUBJECT_RE.search(asked.text)  # "how did taiwan vote on draft I"
    if not match or match["name"].lower() in NOT_SUBJECTS or match["name"].split()[0].lower() in NOT_SUBJECTS:
        return None
    if bodies_named(match["name"]) or book.bodies_named(match["name"]):
        return None  # "How did the plenary vote on it?": a body that votes, not a State (the tally, below)
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


def unlisted_group(name: str) -> ToolResult:
    """A grouping Rapporteur has no membership list for ("NATO", "BRICS"): say so and name the groups it has."""
    known = ", ".join(g.name for g in roster().groups)
    text = (f"The documents in the corpus do not cover this: they record votes State by State and do not say which States make up "
            f"\u201c{name}\u201d, and Rapporteur has no membership list for it. The groups it can answer for are: {known}; "
            "or ask about each State.")
    return ToolResult("vote_group", (Claim(text, ()),), data={"group": None, "asked": name}, covered=False)


def plenary(book: VoteBook, drafts: list[DraftKey], asked: Asked) -> ToolResult:
    """A General Assembly plenary vote on these drafts is not in the corpus: say so, then give the votes it does record.

    With a record of the Assembly's meetings indexed, what it says of the draft instead (``_in_the_record``).
    """
    if book.meeting_records("General Assembly"):
        return _in_the_record(book, drafts, asked)
    bodies = sorted({a.body for k in drafts if (a := book.vote(k) or book.adoptions.get(k)) is not None}) or ["First Committee"]
    note = Claim("The documents in the corpus do not cover votes in the General Assembly plenary: they record only the "
                 f"{' and the '.join(bodies)}'s recorded votes, which are these.", ())
    tallies = merge([book.tally(d) for d in drafts], asked)
    return ToolResult("vote_tally", (note, *tallies.claims), tallies.table, tallies.facts, tallies.data, covered=False)


def _in_the_record(book: VoteBook, drafts: list[DraftKey], asked: Asked) -> ToolResult:
    """The Assembly's meeting record holds no vote on these drafts: say so, quote what it says of each, then the votes.

    "What was the General Assembly's vote on the 2018 expert-group resolution?": A/73/PV.45 records no vote on draft
    resolution II of A/73/505; its passage 10 says the draft "has programme budget implications" and that the Assembly
    "will therefore take action on it at a later date".

    A draft whose report no record takes up (A/78/407's drafts beside a record of 2018): the documents do not record what
    the Assembly did with it, so no verdict ("Was the 2023 critical infrastructure resolution adopted in plenary?").
    """
    records = book.meeting_records("General Assembly")
    claims: list[Claim] = []
    untaken = [key for key in drafts if not _taken_up(book, records, key)]
    for key in drafts:
        acted = book.vote(key) or book.adoptions.get(key)
        name = book.draft_name(acted) if acted is not None else f"draft resolution {key.number} of {key.document}"
        if key in untaken:
            claims.append(Claim(f"The documents do not record what the General Assembly did with {name}: "
                                f"{' and '.join(records)}, the record of its meeting in the documents, does not take up "
                                f"{key.document}.", ()))
            continue
        said = [u for u in book.units.values() if u.symbol in records and set(draft_numbers(u.text)) == {key.number}
                and _taken_up(book, (u.symbol,), key)]
        claims.append(Claim(f"{' and '.join(records)}, the record of the General Assembly's meeting, records no vote on {name}"
                            + (":" if said else "."), tuple(u.id for u in said[:1])))
        claims += [Claim(f"\u201c{u.text}\u201d", (u.id,), quote=True) for u in said[:1]]
    tallies = merge([book.tally(d) for d in drafts], asked)
    result = ToolResult("vote_tally", (*claims, *tallies.claims), tallies.table, (*tallies.facts, *records), tallies.data,
                        covered=not untaken)
    if untaken:
        return result
    return led_if_polar(asked.text, result, "No") if ADOPT_RE.search(asked.text) or _strong_vote(asked.text) else result


def _taken_up(book: VoteBook, records: tuple[str, ...] | list[str], key: DraftKey) -> bool:
    """Whether a meeting record takes up the document a draft is in (it cites the report by its symbol)."""
    return any(key.document in u.text for u in book.units.values() if u.symbol in records)


def which_vote(book: VoteBook) -> ToolResult:
    """A vote question naming no vote, over documents recording more than ``MAX_UNNAMED_VOTES``: ask which, listing them.

    With more votes than ``DOCUMENTS_LISTED`` in more than ``MAX_DOCUMENTS_ANSWERED`` documents, the documents are
    listed instead (``which_document``): 100 reports record 200 votes; four documents of seven votes list the seven.
    """
    holding = list(dict.fromkeys(k.document for k in book.drafts()))
    if len(holding) > MAX_DOCUMENTS_ANSWERED and len(book.drafts()) > DOCUMENTS_LISTED:
        return which_document([d for symbol in holding for d in book.documents if d.symbol == symbol], "votes")
    listed = [f"{book.draft_name(v)} ({v.body}, {v.date})" for v in (book.votes[k] for k in book.drafts())]
    text = (f"Which vote do you mean? The documents record {len(listed)} votes on whole drafts: " + "; ".join(listed)
            + ". Ask again naming the draft (its number, symbol or subject), the document or the body that voted.")
    return ToolResult("vote_which", (Claim(text, ()),), facts=(str(len(listed)), *listed), covered=False)


def which_document(documents: list[ParsedDocument], what: str) -> ToolResult:
    """Ask which document is meant: what was asked about (``what``: 'draft resolution I', 'votes') is in all of ``documents``.

    The answer lists the documents, each with its date, the first ``DOCUMENTS_LISTED`` of them, and cites nothing.
    """
    listed = [f"{d.symbol} ({d.date})" if d.date else d.symbol for d in documents]
    more = f", and {len(listed) - DOCUMENTS_LISTED} more" if len(listed) > DOCUMENTS_LISTED else ""
    text = (f"Which document do you mean? {len(listed)} documents hold {what}: " + ", ".join(listed[:DOCUMENTS_LISTED]) + more
            + ". Ask again naming the document (its symbol, session or year), or choose it in the document list.")
    counts = (str(len(listed)), str(len(listed) - DOCUMENTS_LISTED))
    return ToolResult("document_which", (Claim(text, ()),), facts=(*counts, *listed), covered=False)


def unknown_draft(unknown: UnknownDraft, book: VoteBook) -> ToolResult:
    """A symbol asked as a draft that has no recorded vote: say so, and quote where it appears."""
    for unit in book.units.values():
        sentence = next((s for s in re.split(r"(?<=\.)\s+(?=[A-Z])", unit.text) if unknown.symbol in s), None)
        if sentence:
            symbol = re.search(rf"[\w/.]*{re.escape(unknown.symbol)}", sentence)
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
    notes = tuple(Claim(f"(Reading \u201c{m.surface}\u201d as {m.name}.)", ()) for m in asked.states if m.fuzzy) + tuple(
        Claim(f"(The documents have no {r.surface.strip()}; the draft voted on is {r.symbol}, answered here.)", ())
        for r in asked.drafts if r.other_revision)
    claims = notes + tuple(c for r in results for c in r.claims)
    rows = tuple(row for r in results if r.table for row in r.table.rows)
    table = Table(results[0].table.columns, rows) if results and results[0].table else None
    facts = tuple(f for r in results for f in r.facts) + tuple(m.name for m in asked.states)
    covered = all(r.covered for r in results)
    return ToolResult(results[0].tool if results else "none", claims, table, facts, {"results": [r.data for r in results]}, covered)
