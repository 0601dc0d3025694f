"""Follow-up questions → standalone questions, deterministically, from one session's history.

"And on L.37?" after "How did Egypt vote on L.27/Rev.1?" becomes "How did Egypt vote on
L.37?"; "What about Israel?" swaps the State; "the other draft" becomes the draft not
discussed last; "When was it introduced?" gets the last draft named; a short follow-up that points back
("How long is each meeting?") carries the previous question with it. Each session has its
own ``Conversation``; nothing is shared between sessions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.answers import About
from assistant.drafts import BODY_NAME_RES, BRACKETED_SYMBOL_RE, DraftRef, find_drafts, mentions_other, name_other, other_draft
from assistant.entities import Mention, find_mentions
from assistant.language import ENGLISH_FUNCTION_WORDS
from assistant.understand.lexicon import lexicon
from assistant.understand.scope import names_time_or_body
from assistant.votes.votebook import VERB, names
from ingest.member_states import name_key
from ingest.records import Draft, ParsedDocument

ELLIPTICAL_RE = re.compile(r"^\s*(?:and|what about|how about|same (?:for|question for)|what of|and what about|also|now)\b", re.I)
PRONOUN_RE = re.compile(r"\b(?:it|its|this draft|that draft|this resolution|that resolution|the draft|the resolution|this text|that text|"
                        r"that group|this group|the group|that body|this body)\b", re.I)
STATE_PRONOUN_RE = re.compile(
    r"\b(?:how did|did|was|has|is) (?P<p>it|they|this (?:country|state)|that (?:country|state))(?=(?:\s+[\w-]+){0,4}?\s+"
    r"(?:vot|abstain|sponsor|co-sponsor|support|oppos|join|intend|cast|in favou?r|against)\w*)"
    r"|(?:^|\bhow |\bthat )(?P<q>it|they) (?:vot\w*|abstain\w*|intend\w*|sponsor\w*|co-sponsor\w*|support\w*|oppos\w*)\b", re.I)
QUESTION_START_RE = re.compile(
    r"^\s*(?:how|what|which|who|whom|when|where|why|did|does|do|was|were|is|are|has|have|"
    r"can|could|should|will|would)\b",
    re.I,
)
ANAPHOR_RE = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those|each|such)\b", re.I)
VOTE_COUNT_RE = re.compile(r"\b(?:vot\w*|abstain\w*|abstention\w*|in favou?r|against|tally|how many|adopt\w*)\b", re.I)
# "they / those / of them" after "Which States abstained on draft II?" are those States
LISTED_RE = re.compile(r"^\s*(?:which|what|list(?: all)?(?: the)?|name(?: the)?|how many)\s+"
                       r"(?:member states|states|countries|delegations)\s+(?P<pred>.+?)\s*[?.]?\s*$", re.I)
THOSE_RE = re.compile(r"\b(?P<of>of )?(?:them|those|these|they)(?: same)?(?: (?:states|countries|ones|delegations))?\b"
                      r"(?! (?:two|drafts?)\b)", re.I)
# what follows the group in "Which Eastern European States voted for the Russian draft?"
GROUP_ASKED_RE = re.compile(r"^\s*(?:member states|states|countries|delegations|members)?\s*(?P<pred>.+?)\s*[?.]?\s*$", re.I)
# a position named in the previous question's predicate ("voted for the Russian draft", not "vote on draft I")
POSITION_RE = re.compile(r"\b(?:in favou?r|voted? for|supported|against|opposed|abstain\w*|voted? (?:yes|no))\b", re.I)
GROUP_ADJECTIVE_RE = re.compile(r"\b(?:are|were|is) (?:the )?(?P<adj>[A-Z][\w-]*(?: [A-Z][\w-]*)?)\s*[?.]?\s*$")
# the question "Which of them are African?" was rewritten to, after a list of States
FILTERED_RE = re.compile(r"^Which of the States that (?P<pred>.+?) are (?P<group>.+?)\?$")
HOW_MANY_ON_RE = re.compile(r"^\s*how many (?:on|for|in|of)\b", re.I)  # "and how many on the other?"
WHICH_THOSE_RE = re.compile(
    r"^\s*(?:which|what|who) (?:(?:states|countries|ones|delegations) )?(?:were|are) (?:those|they|these|them)\s*\??\s*$", re.I)
HOW_MANY_START_RE = re.compile(r"^\s*how many\s+", re.I)
DIFFERENCE_RE = re.compile(r"^\s*(?:and\s+|so\s+)?(?:what(?:'s| is| was) the (?:difference|gap)(?: between (?:them|th\w+ (?:two )?\w+))?|"
                           r"how (?:big|large|wide) (?:is|was) the (?:difference|gap)|by how (?:much|many)|how many more)\s*\??\s*$", re.I)
REVERSE_RE = re.compile(r"^\s*(?:and\s+|what about\s+|how about\s+)?(?:the\s+)?(?:other way (?:round|around)|vice versa|the reverse|"
                        r"conversely|reverse)\s*[?.!]?\s*$", re.I)
HOW_MANY_THAT_RE = re.compile(r"^\s*how many (?:is that|are (?:they|there|those|these)|of them|in all|in total)\s*\??\s*$", re.I)
LIST_START_RE = re.compile(r"^\s*(?:which|what|who|list(?: all)?(?: the)?|name(?: the)?)\s+", re.I)
BOTH_DRAFTS_RE = re.compile(r"\b(?:each|both|either|the two)\b", re.I)
THEY_RE = re.compile(r"\bthey\b", re.I)
SPONSORS_RE = re.compile(r"\b(?:co-?sponsor\w*|sponsor\w*)\b", re.I)
# a follow-up this short with "it / they / each …" and no name of its own carries the previous question
SHORT_FOLLOW_UP_WORDS = 8
THOSE_BACK = 3  # turns looked back through for the States "those" are

_REMEMBERED_DRAFT_RE = re.compile(r"\s*\(draft resolution [IVX]+(?: \([^()]*\))?\)")
SIMILAR_RE = re.compile(r"\b(?:similar|the same|anything like|likewise|as well|too|also|equivalent|comparable)\b", re.I)
WHICH_PARA_RE = re.compile(
    r"\b(?:which|what) (?:paragraph|para|footnote|passage|part)\b.*\b(?:that|this|it)\b"
    r"|\bwhere (?:does|is) (?:it|that) (?:say|said|written)"
    r"|\bsource\b\??$|^\s*(?:which|what) (?:paragraph|para|footnote|passage|part)\s*\??\s*$",
    re.I,
)
# what a text names or describes as drafts, with the spans of the names and descriptions (the service's reading:
# ``router.read_question`` over ``understand.scope.read_scope``); ``find_drafts`` (names only) without one
DraftReader = Callable[[str], list[DraftRef]]


@dataclass
class Turn:
    """One answered turn: the question as asked, its standalone form, what it cited, and what its answer was about."""

    question: str
    standalone: str
    citations: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    about: About = field(default_factory=About)


@dataclass
class Conversation:
    """One session's history (never shared between sessions)."""

    turns: list[Turn] = field(default_factory=list)

    def add(self, question: str, standalone: str, citations: list[str], labels: list[str], about: About | None = None) -> None:
        """Record an answered turn (``about``: what its answer was about, ``Answer.about``)."""
        self.turns.append(Turn(question, standalone, citations, labels, about or About()))

    @property
    def last(self) -> Turn | None:
        """The last answered turn, or None."""
        return self.turns[-1] if self.turns else None


def asks_which_paragraph(question: str) -> bool:
    """Whether the question asks where the last answer came from.

    'Which paragraph is that?' / 'Where does it say that?'
    """
    return bool(WHICH_PARA_RE.search(question))


def draft_words(ref: DraftRef) -> str:
    """A draft as answers name it: 'draft resolution II (A/C.1/73/L.37)', 'draft decision I (A/C.1/78/L.61)'.

    A decision's number is 'decision I'; a resolution voted with no draft of a report is 'resolution A/HRC/RES/54/18'.
    """
    if "/" in ref.number:  # a resolution voted with no draft of a report, keyed by its symbol (A/HRC/RES/54/18)
        return f"resolution {ref.number}"
    name = f"draft {ref.number}" if ref.number.startswith("decision ") else f"draft resolution {ref.number}"
    if ref.symbol and "/L." not in ref.symbol:
        return f"{name} of {ref.symbol}"  # a plenary's vote on a report's draft: 'draft resolution I of A/73/505'
    return f"{name} ({ref.symbol})" if ref.symbol else name


def _with_draft(question: str, ref: DraftRef, previous: str = "") -> str:
    """The question with the draft it is about added: 'How many votes did it get (draft resolution II (A/C.1/73/L.37))?'.

    With the ``previous`` standalone question about a separate vote on one of the draft's paragraphs, that vote ("how did
    Georgia vote on it?" after the vote on the eighth preambular paragraph of L.3).
    """
    part = next((m for m in _PART_OF_RE.finditer(previous) if ref.symbol and ref.symbol in m["draft"]), None)
    return f"{question.rstrip(' ?')} ({part.group() if part else draft_words(ref)})?"


def rewrite(question: str, conversation: Conversation, documents: list[ParsedDocument], read: DraftReader | None = None) -> str:
    """The standalone form of ``question`` given the session's earlier turns.

    ``read``: the drafts a text names or describes (``DraftReader``): "the uk space draft" is a draft, so "uk" in it is not
    the State asked about. Returns the question unchanged when it stands on its own or there is no history.
    """
    last = conversation.last
    if last is None:
        return question
    read = read or _names_only(documents)
    before_drafts = read(last.standalone)
    drafts = read(question)
    if not drafts and mentions_other(question):
        other = other_draft(before_drafts[-1] if before_drafts else None, documents)
        drafts = [other] if other else []
    mentions = [m for m in find_mentions(_mask(question, drafts)) if m.kind in {"state", "group"}]
    if (pointed := lexicon().paragraph_anaphors.search(question)) and (paragraph := _last_paragraph(last.standalone)):
        of = f" of {draft_words(before_drafts[-1])}" if before_drafts and not drafts else ""
        return f"{question[: pointed.start()]}{paragraph}{of}{question[pointed.end():]}"  # "that paragraph" → "paragraph 1 of …"
    if HOW_MANY_THAT_RE.match(question) and LIST_START_RE.match(last.standalone):
        return LIST_START_RE.sub("How many ", last.standalone, count=1)  # "How many is that?" after "Which States abstained on both?"
    if REVERSE_RE.match(question) and len({(r.document, r.number) for r in before_drafts}) == 2:
        return _swapped(last.standalone, before_drafts)  # "and the other way round?" after "… on draft II but not on draft I?"
    if DIFFERENCE_RE.match(question) and HOW_MANY_START_RE.match(last.standalone) and before_drafts:
        # "What's the difference?" after two counts: the drafts the last two answers counted (``Turn.about``)
        counted = [_ref_of(d, documents) for t in conversation.turns[-2:] for d in t.about.drafts[:1]]
        both = [r for r in counted if r] if len({r.symbol for r in counted if r}) == 2 else \
            find_drafts("draft resolution I and draft resolution II", documents)[0]
        base = re.sub(r"\s*\(A/C\.1/[^()]*\)", "", last.standalone)  # the symbols come back with each draft's name
        return f"What is the difference: {_swap_drafts(base, both, find_drafts(base, documents)[0])}"
    if WHICH_THOSE_RE.match(question) and HOW_MANY_START_RE.match(last.standalone):
        return HOW_MANY_START_RE.sub("Which ", last.standalone, count=1)  # "Which countries were those?" after "How many …?"
    if not mentions and (carried := _vote_follow_up(question, conversation, read, documents)):
        return carried  # "and the US one?", "in the general assembly?", "and on pp8?" after a State's vote: that State
    if not [m for m in mentions if m.kind == "state"] and (carried := _those_before(question, conversation, documents, read)):
        return carried
    if THEY_RE.search(question) and SPONSORS_RE.search(last.standalone) and not mentions:
        question = THEY_RE.sub("the sponsors", question, count=1)  # "Did they all vote for it?" after "Who sponsored L.37?"
    prefix = ELLIPTICAL_RE.match(question)
    if prefix and lexicon().whole_words.search(question) and (part := _PART_OF_RE.search(last.standalone)) and not drafts:
        # "and on the whole resolution?" after a question on a separate vote: the same question, on the draft as a whole
        return f"{last.standalone[: part.start()]}{part['draft']} as a whole{last.standalone[part.end():]}"
    if prefix and not mentions and names_time_or_body(question[prefix.end():]) and not QUESTION_START_RE.match(question[prefix.end():]):
        if drafts and mentions_other(question) and not find_drafts(question, documents)[0]:
            question = name_other(question, draft_words(drafts[0]))  # "what about the other one in the GA?": named
        return f"{question.rstrip()} {last.standalone}"  # "and in 2018 on the Russian one?": its own year is read first (scope's focus)
    if prefix and mentions and len(re.findall(r"[a-z]+", _without_mentions(question[prefix.end():], mentions, prefix.end()), re.I)) <= 2:
        return _substitute(question, last.standalone, drafts, before_drafts, mentions, read)  # "And how many Asia-Pacific States?"
    if prefix and QUESTION_START_RE.match(question[prefix.end():]):
        return rewrite(question[prefix.end():].strip(), conversation, documents, read)  # "And how did it vote on L.37?" is a question
    if prefix and not drafts and _describes_a_draft(question[prefix.end():]):
        return question  # "and back to the decision, how did Georgia vote there?": its own draft (scope reads 'the decision')
    if prefix or len(question.split()) <= 3 or (HOW_MANY_ON_RE.match(question) and drafts):
        return _substitute(question, last.standalone, drafts, before_drafts, mentions, read)
    if drafts and not mentions and SIMILAR_RE.search(question):
        return _swap_drafts(last.standalone, drafts, before_drafts)
    if not mentions and STATE_PRONOUN_RE.search(question):
        named = _name_the_state(question, last.standalone, read, last.about.states)
        if named != question:
            if drafts or not before_drafts or BOTH_DRAFTS_RE.search(question):
                return named  # "How did it vote on each?" asks about both drafts, not the last one named
            return _with_draft(named, before_drafts[-1], last.standalone)
    short = len(question.split()) <= SHORT_FOLLOW_UP_WORDS and ANAPHOR_RE.search(question)
    if not drafts and not mentions and short and _asks_what_it_says(question) and lexicon().passage_questions.search(last.standalone):
        return f"{question.rstrip(' ?')}? ({last.standalone.rstrip(' ?')})"  # "what does it say?" after "which part … deals with X?"
    if not drafts and not mentions and short and before_drafts and _asks_what_it_says(question):
        # "What was it about?": the draft, not the question asked of it; its text is the report's (not a plenary's vote on it)
        return _with_draft(question, next((r for r in reversed(before_drafts) if r.symbol and "/L." in r.symbol), before_drafts[-1]))
    # the topic too: "How long is each meeting?", "When does it report?" after "Which body does draft I create?" (the body);
    # not when "it" or "that draft" points to a draft ("what does that draft set up?" after "how did Kenya vote on L.37?")
    pointed_at_draft = before_drafts and PRONOUN_RE.search(question) and not lexicon().body_nouns.search(last.standalone)
    if not drafts and not mentions and short and not VOTE_COUNT_RE.search(question) and not pointed_at_draft:
        return f"{question.rstrip(' ?')}? ({last.standalone.rstrip(' ?')})"
    if not drafts and before_drafts and PRONOUN_RE.search(question):
        return _with_draft(question, before_drafts[-1], last.standalone)  # only the draft: "How many votes did it get?"
    if not drafts and before_drafts and mentions and VOTE_COUNT_RE.search(question) and not _describes_a_draft(question) \
            and not BOTH_DRAFTS_RE.search(question):
        return _with_draft(question, before_drafts[-1], last.standalone)  # "how did israel vote" after "tell me about L.61"
    if drafts and mentions_other(question) and not find_drafts(question, documents)[0]:
        return name_other(question, draft_words(drafts[0]))  # "what does paragraph 4 of the other draft say?"
    return question


FRAME_STATES = 3  # a follow-up carries the States of the previous vote answer when it gave the votes of at most this many
ELLIPTICAL_WORDS = 5  # a follow-up this short with no question word of its own ("in the general assembly?") is elliptical
_PREPOSITION_RE = re.compile(r"^(?:on|in|at|for|regarding|about|during|with)\b", re.I)


def _states_carried(conversation: Conversation) -> tuple[list[str], list[str]]:
    """(States, drafts) of the last vote answer that gave a State's vote, within ``THOSE_BACK`` turns.

    Only if every turn since asked about the same States ("in the general assembly?" answered that the Assembly recorded no
    vote: Ghana still).
    """
    for back, turn in enumerate(reversed(conversation.turns[-THOSE_BACK:])):
        if turn.about.states:
            since = conversation.turns[len(conversation.turns) - back:]
            carried = all(all(s in t.standalone for s in turn.about.states) for t in since)
            return (turn.about.states, conversation.turns[-1].about.drafts or turn.about.drafts) if carried else ([], [])
    return [], []


def _vote_follow_up(question: str, conversation: Conversation, read: DraftReader, documents: list[ParsedDocument]) -> str | None:
    """A follow-up turning the previous vote answer to another draft, body, year or part, as a question of its own.

    After "how did ghana vote on the russian one?" (``Turn.about``: Ghana), "and the US one?" is "How did Ghana vote on the
    US one?"; after "who voted no on the first one?" (a list), "and the other one?" is "Which States voted against draft
    resolution II (A/C.1/73/L.37)?". None when the previous answer gave no State's vote and no list, or the follow-up names
    a State, asks a question of its own ("and who sponsored it?") or says more than where the vote was.
    """
    rest = _elliptical(question, read)
    if rest is None:
        return None
    states, drafts_before = _states_carried(conversation)
    if states and len(states) <= FRAME_STATES:
        return _state_vote(rest, read(rest), states, drafts_before, documents)
    last = conversation.turns[-1]
    about = last.about
    if about.listed and about.position in VERB and len(about.drafts) == 1 and not about.part and not POSITION_RE.search(rest):
        listed = _listed_again(rest, read(rest), about, documents)  # a position of its own ("and against L.37?") is left as asked
        return f"How many{listed[len('Which'):]}" if listed and HOW_MANY_START_RE.match(last.standalone) else listed
    return None


def _elliptical(question: str, read: DraftReader) -> str | None:
    """What an elliptical vote follow-up says after its opening ("and", "what about"), or None if it is not one.

    Elliptical: it opens with "and …" or is at most ``ELLIPTICAL_WORDS`` words, asks no question of its own, and says no
    more than a draft, body, year or part besides words.toml ``vote_follow_up_fillers``.
    """
    prefix = ELLIPTICAL_RE.match(question)
    rest = (question[prefix.end():] if prefix else question).strip().rstrip("?.! ").strip()
    if not rest or QUESTION_START_RE.match(rest) or SPONSORS_RE.search(rest) or (not prefix and len(question.split()) > ELLIPTICAL_WORDS):
        return None
    spans = [(r.start, r.end) for r in read(rest)] + [m.span() for m in _PARAGRAPH_NAMED_RE.finditer(rest)]
    left = [w for w in re.finditer(r"[A-Za-z]+", rest) if not any(a <= w.start() < b for a, b in spans)]
    words = {w.group().lower() for w in left} - ENGLISH_FUNCTION_WORDS - lexicon().vote_follow_up_fillers
    words = {w for w in words if not names_time_or_body(w) and not lexicon().whole_words.search(w)}
    return rest if len(words) <= 2 else None


def _state_vote(rest: str, drafts: list[DraftRef], states: list[str], drafts_before: list[str],
                documents: list[ParsedDocument]) -> str | None:
    """The same States' vote where ``rest`` says: its draft, the previous draft in its body or year, or as a whole."""
    who = " and ".join(states)
    generic = lexicon().draft_nouns | ENGLISH_FUNCTION_WORDS | lexicon().vote_follow_up_fillers
    own = [w for w in re.findall(r"[A-Za-z0-9]+", rest) if w.lower() not in generic and not lexicon().whole_words.search(w)]
    if lexicon().whole_words.search(rest) and drafts_before and not (drafts and own):
        return f"How did {who} vote on {_named(drafts_before[0], documents)} as a whole?"  # not "the 2023 … draft as a whole"
    if drafts or _PARAGRAPH_NAMED_RE.search(rest) or lexicon().part_words.search(rest):
        return f"How did {who} vote {rest if _PREPOSITION_RE.match(rest) else 'on ' + rest}?"
    if names_time_or_body(rest) and drafts_before:
        return f"How did {who} vote on {' and '.join(_named(d, documents) for d in drafts_before)} {rest}?"
    return None


def _listed_again(rest: str, drafts: list[DraftRef], about: About, documents: list[ParsedDocument]) -> str | None:
    """The same list (the States in the previous answer's position) on the draft, body or year ``rest`` names.

    "and the other one?" after the 45 against draft I: "Which States voted against draft resolution II (A/C.1/73/L.37)?".
    """
    verb = VERB[str(about.position)]
    if mentions_other(rest) and not find_drafts(rest, documents)[0]:
        other = other_draft(_ref_of(about.drafts[0], documents), documents)
        return f"Which States {verb} {draft_words(other)}?" if other else None
    if drafts:
        return f"Which States {verb} {_LEADING_ON_RE.sub('', rest)}?"
    if names_time_or_body(rest):
        return f"Which States {verb} {_named(about.drafts[0], documents)} {rest}?"
    return None


_LEADING_ON_RE = re.compile(r"^(?:on|for)\s+", re.I)  # "and on L.27/Rev.1?": the draft, after the verb that takes it


def _ref_of(symbol: str, documents: list[ParsedDocument]) -> DraftRef | None:
    """The draft resolution of a report whose symbol is ``symbol`` (its document and number), or None (also for a decision)."""
    found = _draft_of(symbol, documents)
    return DraftRef(found[0].symbol, found[1].number, symbol, symbol, 0, 0) if found and found[1].kind != "decision" else None


def _draft_of(symbol: str, documents: list[ParsedDocument]) -> tuple[ParsedDocument, Draft] | None:
    """(report, draft or draft decision) whose L-document symbol is ``symbol``, or None."""
    return next(((d, x) for d in documents for x in (*d.drafts, *d.decisions) if x.symbol == symbol), None)


def _asks_what_it_says(question: str) -> bool:
    """'What was it about?', 'What does it say?': 'it' and only words asking what a text says (words.toml ``about_words``)."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", question)}
    # the function-word list holds 'voted' and 'against': "who voted against it?" asks for a vote, not what it says
    return "it" in words and words <= lexicon().about_words | ENGLISH_FUNCTION_WORDS and not VOTE_COUNT_RE.search(question)


def _describes_a_draft(text: str) -> bool:
    """Whether ``text`` calls a draft by a noun of its own, describing its own draft rather than taking the one before.

    'the decision', 'the Dutch text' (words.toml draft and decision nouns).
    """
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    return bool(words & (lexicon().draft_nouns | lexicon().decision_nouns) - {"one", "l"})


_PARAGRAPH_NAMED_RE = re.compile(r"\b(?:(?:operative|preambular)\s+)?(?:paragraph|para\.?|op\.?|pp\.?)\s*\d+(?:\s*\([a-z]\))?"
                                 r"|\bthe [a-z]+(?:-[a-z]+)? (?:operative|preambular) paragraph\b", re.I)
# a separate vote as answers name it: "the eighth preambular paragraph of draft resolution I (A/C.1/76/L.3)"
_PART_OF_RE = re.compile(r"(?P<part>(?:the [a-z]+(?:-[a-z]+)? )?(?:preambular|operative) paragraph(?: \d+)?) of "
                         r"(?P<draft>draft resolution [IVX]+ \([^()]+\))", re.I)


def _last_paragraph(text: str) -> str | None:
    """The last paragraph ``text`` names ('paragraph 1', 'operative paragraph 5', 'OP 1'), or None."""
    found = list(_PARAGRAPH_NAMED_RE.finditer(text))
    return found[-1].group() if found else None


def _names_only(documents: list[ParsedDocument]) -> DraftReader:
    """The drafts a text names by number or symbol (``drafts.find_drafts``), when no fuller reader is given."""
    return lambda text: find_drafts(text, documents)[0]


def _those_before(question: str, conversation: Conversation, documents: list[ParsedDocument], read: DraftReader) -> str | None:
    """'those' named from the last of the ``THOSE_BACK`` turns before that listed States, a group or sponsors (``_those``).

    "Which countries voted against the American draft?" → "What did Mozambique say?" → "And how did those no-voters vote
    on the other draft?": those are the 11 of the first turn, past a turn that listed none.
    """
    turns = list(reversed(conversation.turns[-THOSE_BACK:]))
    latest = next((t for t in turns if t.about.listed), None)
    if latest is not None and _listed_words(latest.about, documents) is None:
        # the same States listed earlier under one position on one draft ("how did those vote on L.14?" gave the 9 that
        # abstained on L.61): that description, which the vote tools read, before naming them one by one
        same = [t for t in turns if set(t.about.listed) == set(latest.about.listed) and _listed_words(t.about, documents)]
        turns = same[:1] + turns
    for turn in turns:
        if (carried := _those(question, turn.standalone, read(turn.standalone), documents, read, turn.about)) is not None:
            return carried
    return None


NAMED_STATES = 12  # a set the previous answer listed is named State by State up to this many


def _listed_words(about: About, documents: list[ParsedDocument]) -> str | None:
    """'the States that voted against draft resolution II (A/C.1/73/L.37)': the set an answer listed, from its record."""
    if about.listed and about.position in VERB and len(about.drafts) == 1:
        part = f"{about.part} of " if about.part else ""  # "the States that voted against the eighth preambular paragraph of …"
        return f"the States that {VERB[about.position]} {part}{_named(about.drafts[0], documents)}"
    return None


def _named(symbol: str, documents: list[ParsedDocument]) -> str:
    """A draft's symbol as answers name the draft ('draft resolution II (A/C.1/73/L.37)'), else the symbol (a Council resolution)."""
    if (found := _draft_of(symbol, documents)) is None:
        return symbol
    document, draft = found
    number = f"decision {draft.number}" if draft.kind == "decision" else draft.number
    return draft_words(DraftRef(document.symbol, number, symbol, symbol, 0, 0))


def _those(question: str, previous: str, before: list[DraftRef], documents: list[ParsedDocument], read: DraftReader,
           about: About | None = None) -> str | None:
    """'they / those / of them' named from the previous question, or None.

    After a group question, the group ("which of them voted in favour?" → "which of the Eastern European Group …");
    after a list of States, those States ("how did they vote on the other draft?" → "how did the States that
    abstained on draft II vote on draft resolution I?").
    """
    question = _group_adjective(question)
    those = THOSE_RE.search(question)
    names_group = any(m.kind == "group" for m in find_mentions(question))  # "Which of them are African States?"
    if those is None or not (VOTE_COUNT_RE.search(question) or SPONSORS_RE.search(question) or re.search(r"\bmembers?\b", question)
                             or names_group):
        return None
    groups = [m for m in find_mentions(_mask(previous, before)) if m.kind == "group"]
    listed = LISTED_RE.match(previous)
    filtered = FILTERED_RE.match(previous)  # "Which of the States that abstained on draft I are African States?"
    if filtered and names_group:
        return f"Which of the States that {filtered['pred']} are {question[those.end():].strip(' ?').removeprefix('are ').strip()}?"
    if filtered:
        words = f"the {filtered['group']} that {filtered['pred']}"
    elif len(groups) != 1 and about is not None and (canonical := _listed_words(about, documents)):
        words = canonical  # "how did they vote on the russian one?" after the 11 against the US draft: those 11
    elif len(groups) != 1 and about is not None and 0 < len(about.listed) <= NAMED_STATES and not SPONSORS_RE.search(previous):
        words = names(about.listed)  # a set no one position on one draft describes (in both lists): the States themselves
    elif len(groups) == 1:
        asked = GROUP_ASKED_RE.match(previous[groups[0].end :])  # "Which Eastern European States voted for the Russian draft?"
        words = f"the {groups[0].surface}" + (f" that {asked['pred']}" if asked and POSITION_RE.search(asked["pred"]) else "")
    elif listed:
        words = "the States that " + re.sub(r"^(?:that|who|which)\s+", "", listed["pred"])  # "List the countries that voted no …"
    elif SPONSORS_RE.search(previous) and len({(r.document, r.number) for r in before}) == 1:
        words = f"the sponsors of {draft_words(before[-1])}"  # "how many of them are African?" after "Who sponsored the OEWG resolution?"
    else:
        return None
    end = those.end()
    if (noun := re.match(r"\s+([\w-]+)", question[end:])) and name_key(noun[1]) in lexicon().position_nouns:
        end += noun.end()  # "those no-voters": the States of the list, whose position the list already says
    named = question[: those.start()] + (f"of {words}" if those["of"] else words) + question[end:]
    other = other_draft(before[-1], documents) if before and mentions_other(named) else None
    if other:
        return name_other(named, draft_words(other))
    if not read(named) and before:
        return _with_draft(named, before[-1])
    return named


def _without_mentions(text: str, mentions: list[Mention], offset: int) -> str:
    """``text`` (which starts at ``offset`` in the question) with the State and group names blanked."""
    chars = list(text)
    for m in mentions:
        chars[max(m.start - offset, 0) : max(m.end - offset, 0)] = " " * (min(m.end, offset + len(text)) - max(m.start, offset))
    return "".join(chars)


def _swapped(base: str, drafts: list[DraftRef]) -> str:
    """``base`` with its first two draft names (of different drafts) exchanged."""
    first = drafts[0]
    second = next(r for r in drafts if (r.document, r.number) != (first.document, first.number))  # draft I of two reports: two
    return base[: first.start] + second.surface + base[first.end : second.start] + first.surface + base[second.end :]


def _group_adjective(question: str) -> str:
    """'Which of them are African?' → '… are African States?' when that names a group; else the question unchanged."""
    adjective = GROUP_ADJECTIVE_RE.search(question)
    if adjective is None:
        return question
    named = f"{question[: adjective.end('adj')]} States{question[adjective.end('adj') :]}"
    return named if any(m.kind == "group" for m in find_mentions(named)) else question


def _separate_vote_cited(cited: list[str], documents: list[ParsedDocument]) -> str | None:
    """The separate vote on the one paragraph an answer cites, as answers name it, or None.

    'the eighth preambular paragraph of draft resolution I (A/C.1/76/L.3)' when the answer cites only that paragraph and it
    was put to a separate vote (``RecordedVote.whole`` False).
    """
    from assistant.router import _subject_part

    if len(cited) != 1:
        return None
    for document in documents:
        for vote in document.votes:
            part = None if vote.whole else _subject_part(vote.subject)
            if part and f"{document.symbol}#DR-{vote.draft_number}.{'PP' if part[0] == 'preambular' else 'OP'}-{part[1]}" == cited[0]:
                return f"{vote.subject} of draft resolution {vote.draft_number} ({vote.draft_symbol})"
    return None


def remembered(standalone: str, answer_text: str, documents: list[ParsedDocument], cited: list[str] | None = None) -> str:
    """What a turn is remembered as.

    Its standalone question, plus the draft its answer is about when the question named none and the
    answer names exactly one ("Which draft did the United States introduce?" is remembered with draft
    resolution II, so "How many votes did it get?" can follow), or the separate vote on a paragraph its answer is
    about ("the eighth preambular paragraph of draft resolution I (A/C.1/76/L.3)").
    """
    parts = {(m["part"].lower(), m["draft"]) for m in _PART_OF_RE.finditer(answer_text)}
    if len(parts) == 1 and (part := next(iter(parts)))[0] not in standalone.lower():
        return f"{standalone.rstrip(' ?')} ({part[0]} of {part[1]})?"  # a separate vote: "how did Kenya vote on it?" next
    if (quoted := _separate_vote_cited(cited or [], documents)) and quoted not in standalone:
        return f"{standalone.rstrip(' ?')} ({quoted})?"  # its text quoted: "who voted against keeping it?" is that vote
    if find_drafts(standalone, documents)[0]:
        return standalone
    named = find_drafts(answer_text, documents)[0]
    # "draft resolution I (A/C.1/73/L.27/Rev.1)" with several reports indexed: the draft whose symbol the answer prints
    named = [r for r in named if r.symbol and r.symbol in answer_text] or named
    return _with_draft(standalone, named[0]) if len({(r.document, r.number) for r in named}) == 1 else standalone


def _name_the_state(question: str, previous: str, read: DraftReader, answered: list[str] | None = None) -> str:
    """'How did it vote on II?' after a question about Egypt → 'How did Egypt vote on II?'.

    ``answered``: the States the previous answer was about (``About.states``), taken first when there is one; else the last
    State or group the previous question names outside its drafts' names and descriptions.
    """
    match = STATE_PRONOUN_RE.search(question)
    assert match is not None
    group = "p" if match["p"] else "q"
    if answered and len(answered) == 1:
        return question[: match.start(group)] + answered[0] + question[match.end(group) :]
    drafts = read(previous)
    states = [m for m in find_mentions(_mask(previous, drafts)) if m.kind in {"state", "group"}]
    if not states:
        return question
    return question[: match.start(group)] + states[-1].surface + question[match.end(group) :]


def _mask(text: str, drafts: list[DraftRef]) -> str:
    chars = list(text)
    for ref in drafts:
        if ref.end:
            chars[ref.start : ref.end] = " " * (ref.end - ref.start)
    return "".join(chars)


def _substitute(
    question: str, base: str, drafts: list[DraftRef], before: list[DraftRef], mentions: list[Mention], read: DraftReader
) -> str:
    if not drafts and not mentions:
        swapped = _swap_bodies(question, base)
        return swapped if swapped else f"{question.rstrip()} {base}"
    result = base
    if drafts:
        result = _swap_drafts(result, drafts, before)
    if mentions:
        result = _swap_mentions(result, mentions, read)
    return result


def _swap_drafts(base: str, drafts: list[DraftRef], before: list[DraftRef]) -> str:
    words = " and ".join(draft_words(d) for d in drafts)
    if not before:
        return f"{base.rstrip(' ?')} in {words}?"
    first, last = before[0], before[-1]
    end = last.end
    if (bracket := BRACKETED_SYMBOL_RE.match(base, end)) and bracket["symbol"] == last.symbol:
        end = bracket.end()  # "draft resolution I (A/C.1/73/L.27/Rev.1)": the symbol goes with its draft
    return base[: first.start] + words + base[end:]


def _swap_mentions(base: str, mentions: list[Mention], read: DraftReader) -> str:
    drafts = read(base)
    old = [m for m in find_mentions(_mask(base, drafts)) if m.kind in {"state", "group"}]
    words = " and ".join(m.surface for m in mentions)
    if not old:
        return f"{base.rstrip(' ?')} for {words}?"
    return base[: old[0].start] + words + base[old[-1].end :]


def _swap_bodies(question: str, base: str) -> str | None:
    """'And the GGE?' after a question about the OEWG → the question about the GGE (None if no body is swapped)."""
    asked = [b for b, pattern in BODY_NAME_RES.items() if pattern.search(question)]
    before = [b for b, pattern in BODY_NAME_RES.items() if pattern.search(base)]
    if len(asked) != 1 or len(before) != 1 or asked == before:
        return None
    name = BODY_NAME_RES[asked[0]].search(question)
    assert name is not None
    swapped = BODY_NAME_RES[before[0]].sub(name.group(), base)
    return _REMEMBERED_DRAFT_RE.sub("", swapped)  # the draft remembered with the other body is not this body's
