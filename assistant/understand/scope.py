"""Which documents and which votes a question is about, read once against the records.

A question picks documents by a symbol ("A/78/407", "L.14", "54/18"), a session ("the seventy-eighth session"),
a year, and picks votes by the body that voted ("in the Council", "in the plenary") and by describing a draft: the
words around a noun that stands for one ("Russia's 2018 cyber resolution", "the 2023 plan for a permanent dialogue
mechanism") are scored against each vote's profile (``profiles.VoteProfile``: introducer, title and operative words).
The vocabulary of questions (bodies, draft nouns, demonyms, words that end a description) is ``words.toml``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.entities import find_mentions
from assistant.language import ENGLISH_FUNCTION_WORDS
from assistant.understand.lexicon import Lexicon, lexicon
from assistant.understand.profiles import VoteProfile, stems
from assistant.vocabulary import ordinal_word
from assistant.votes.votebook import DraftKey
from ingest.member_states import name_key, roster
from ingest.records import ParsedDocument

_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:[./'’-][A-Za-z0-9]+)*(?:['’]s?)?")
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_SYMBOL_RE = re.compile(r"[A-Z]+(?:/[A-Z0-9.]+)+|L\.\d+(?:/Rev\.\d+)?|\d{2,3}/\d{1,3}", re.I)  # 'A/73/507', 'L.14', '54/18'
_ORDINAL_SESSION_RE = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)?\s+(?:regular\s+)?session\b", re.I)
LEFT_WORDS, RIGHT_WORDS = 6, 10  # tokens a description reaches before and after its draft noun
# the least score that describes a draft: one title word, or two words of its operative paragraphs, that the other
# candidates lack (an introducer counts 3, a symbol 10)
MIN_SCORE = 1.5
SET_UP_BONUS = 1.0  # a description naming a body ('the working group') fits the draft setting it up better than one naming it
WORD_MARGIN = 0.9  # votes scoring within this share of the best are all described (the same draft in two bodies)


_ORDINALS = {ordinal_word(n): str(n) for n in range(1, 100)}  # "seventy-eighth" → "78"
_SESSION_WORDS = frozenset({"session", *_ORDINALS, *(f"{n}{s}" for n in range(1, 100) for s in ("st", "nd", "rd", "th"))})
_WORD_SESSION_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _ORDINALS), key=len, reverse=True)) + r")\s+session\b", re.I)


@dataclass(frozen=True)
class Described:
    """A draft a question describes by its words: the votes it may be, and the span of the description."""

    keys: tuple[DraftKey, ...]
    start: int
    end: int
    surface: str
    body_unrecorded: str = ""  # a body named whose vote on this draft no document records ('General Assembly')
    unknown: str = ""  # a symbol named with no vote recorded on the draft described ('A/73/507'); then ``keys`` is empty
    weak: bool = False  # no vote fitted the words: ``keys`` are all the few votes the body, year or session named left
    score: float = 0.0  # how well the words fit the best of ``keys`` (``_score``)
    placed: bool = False  # one body's vote on the draft described, placed where the question names that body (``_by_body``)


@dataclass(frozen=True)
class Scope:
    """The documents and votes a question is about.

    ``documents``: symbols of the documents in scope, in corpus order (every document when nothing narrows it).
    ``described``: drafts described in words, in the order named. ``bodies``: bodies named outside any description.
    ``narrowed``: whether ``documents`` is a strict subset of the corpus.
    """

    documents: tuple[str, ...]
    described: tuple[Described, ...] = ()
    naming: tuple[tuple[int, int], ...] = ()  # spans that name the documents ("in the 2023 report", "of A/78/407")
    bodies: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    sessions: tuple[str, ...] = ()
    narrowed: bool = False
    focus: int | None = None  # where the context a follow-up was completed with begins (``read_scope``'s ``focus``)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    folded: str


def read_scope(text: str, documents: list[ParsedDocument], profiles: list[VoteProfile], focus: int | None = None) -> Scope:
    """The ``Scope`` of ``text`` over ``documents`` (pure; ``profiles`` from ``profiles.profiles(documents)``).

    ``focus``: where the context a follow-up was completed with begins ("And in committee? What was the Assembly vote on
    the working group resolution in 2018?": after the first question mark). The follow-up's own words win: a draft it
    describes replaces those of the context, and a body, year, session or symbol it names replaces the context's in
    describing the draft the context names.
    """
    words = lexicon()
    tokens = [_Token(m.start(), m.end(), m.group(), name_key(m.group())) for m in _TOKEN_RE.finditer(text)]
    windows = _windows(text, tokens, words)
    whole = not windows  # no noun stands for a draft: the question's words may still describe one ("the 2023 vote on X")
    windows = windows or ([tokens] if tokens else [])
    inside = [] if whole else [(w[0].start, w[-1].end) for w in windows]  # the whole question is no description's span

    def outside(start: int) -> bool:
        return not any(a <= start < b for a, b in inside)

    bodies = _bodies(text, words)
    years = [(m.start(), m.group()) for m in _YEAR_RE.finditer(text)]
    sessions = _sessions(text)
    named = _named_documents(text, documents)
    blanked = "".join(" " if not outside(i) else c for i, c in enumerate(text))
    named_outside = _named_documents(blanked, documents) if not whole else named
    described: list[Described] = []
    for window in windows:
        a, b = window[0].start, window[-1].end
        earlier = focus is not None and a >= focus  # a window of the context a follow-up was completed with
        spans = (focus if earlier else None, a, b)
        own_named = _named_documents(text[:focus], documents) if focus is not None and a >= focus else set()
        if focus is not None and a < focus and not whole and _refers_back(window, words):
            continue  # "and the same draft in the GA?": the draft of the question it follows, in the body it names
        chosen = (_chosen(bodies, spans, outside), _chosen(years, spans, outside), _chosen(sessions, spans, outside))
        own = own_named or _named_documents(text[a:b], documents)
        found = _describe(text, window, profiles, words, own or named_outside, whole, *chosen)
        if found is None and not own and named_outside and any(v and a <= s < b for s, v in bodies):
            # a description naming a body of its own that no document named beside it has ("the HRC text and L.14")
            found = _describe(text, window, profiles, words, set(), whole, *chosen)
        if found is None and focus is not None and a < focus:
            # a follow-up's own description ("and in 2023 on the russian text?" after a plenary vote on L.27/Rev.1 of 2018):
            # the body and documents of the question it follows give way to what the follow-up itself names
            found = _describe(text, window, profiles, words, own or _named_documents(blanked[:focus], documents), whole,
                              _chosen(bodies, (focus, a, b), lambda _: False), *chosen[1:])
        if found is None and described and focus is None:
            found = _same_as_before(text, window, windows, profiles, words, described[-1], _chosen(years, spans, outside))
        elif found is not None and described and _pro_form(window, words) and not any(a <= s < b for s, _ in [*bodies, *years, *sessions]):
            found = _beside(found, described[-1])  # "the US draft in 2018 and also on the russian one": the Russian one of 2018
        if found is not None:
            named_bodies = [(s, v) for s, v in bodies if outside(s) and (focus is None or s < focus)]
            by_body = _by_body(found, profiles, named_bodies, text) if not whole else []
            described.extend(by_body or [found])
            described.extend(_in_other_bodies(found, profiles, named_bodies, text) if not whole and not by_body else [])
            if not whole and focus is None and (a <= min((s for s, _ in years), default=-1) < b):
                others = [(s, v) for s, v in years if outside(s) and v not in _chosen(years, spans, outside)]
                described.extend(_in_other_years(text, window, profiles, words, others, found))
    described.sort(key=lambda d: d.start)
    if focus is not None and (any(d.start < focus for d in described) or _names_drafts(text[:focus], documents)):
        described = [d for d in described if d.start < focus]  # the follow-up describes or names a draft of its own
    # several drafts compared (in several descriptions, or in one: "the russian and the american drafts"): a description
    # fitting one draft in two bodies is its origin's vote
    if len(described) > 1 or any(_drafts_of(d, profiles) > 1 for d in described):
        described = [_origin(d, profiles) for d in described]
    kinds = {kind for t in tokens if (kind := words.document_kinds.get(t.folded))}
    bodies_outside = [v for s, v in bodies if v and outside(s)]
    named |= _voted_in_bodies(text, documents, profiles, bodies_outside)
    if len(every_body := list(dict.fromkeys(v for _, v in bodies if v and (focus is None or _ < focus)))) >= 2:
        named |= _in_each_body(described, profiles, every_body)  # "between committee and plenary", in the question's own words
    acting = words.action_words.search(text) is not None  # "did the Assembly adopt …", not "recommended to the Assembly"
    named |= _records_of_bodies(documents, [v for _, v in bodies if v]) if named and acting else set()  # in a description too
    # a body that did not vote on the draft described: its meeting record may say what it did instead (A/73/PV.45)
    named |= _records_of_bodies(documents, [d.body_unrecorded for d in described if d.body_unrecorded and acting])
    in_scope = _documents(documents, named, [v for _, v in years], [v for _, v in sessions], described, kinds,
                          set(bodies_outside))
    naming = _naming(text, tokens, words, documents, {s for s, _ in [*years, *sessions]}) if len(in_scope) < len(documents) else []
    return Scope(tuple(in_scope), tuple(described), tuple(naming), tuple(dict.fromkeys(v for s, v in bodies if outside(s))),
                 tuple(dict.fromkeys(v for _, v in years)), tuple(dict.fromkeys(v for _, v in sessions)),
                 narrowed=len(in_scope) < len(documents), focus=focus)


def _pro_form(window: list[_Token], words: Lexicon) -> bool:
    """Whether a description ends on a pro-form for a draft ('the russian one': words.toml ``pro_form_nouns``)."""
    return window[-1].folded in words.pro_form_nouns


def _beside(found: Described, before: Described) -> Described:
    """``found`` kept to the documents of the description before it, when any of its drafts is there.

    "one" stands for the noun of a description before it, with its year and body: in "abstained on the US draft in 2018 and
    also on the russian one", the Russian one is the 2018 draft (A/73/505), not those of 2021 and 2023.
    """
    kept = tuple(k for k in found.keys if k.document in {b.document for b in before.keys})
    return replace(found, keys=kept) if kept else found


def _chosen(found: list[tuple[int, str]], spans: tuple[int | None, int, int], outside: Callable[[int], bool]) -> list[str]:
    """The values (bodies, years, sessions) that apply to one description, of those ``found`` at their offsets.

    ``spans``: (where the context begins when the description is in the context a follow-up was completed with, else
    None; the description's start and end). What the follow-up names, else what the description names, else what the
    question names outside every description.
    """
    focus, a, b = spans
    return ([v for s, v in found if focus is not None and s < focus] or [v for s, v in found if a <= s < b]
            or [v for s, v in found if outside(s)])


def _naming(text: str, tokens: list[_Token], words: Lexicon, documents: list[ParsedDocument], marks: set[int]) -> list[tuple[int, int]]:
    """Spans that name a document: its symbol, or a document noun after a year or session ("the 2023 report").

    Each span takes in the preposition and article leading into it ("in the 2023 report", "of A/78/407").
    """
    symbols = {d.symbol.lower() for d in documents}
    spans = []
    for i, token in enumerate(tokens):
        if token.text.lower() in symbols:
            start = i
        elif token.folded in words.document_nouns:
            start = i
            while start > 0 and i - start < 4 and (tokens[start - 1].start in marks or tokens[start - 1].folded in _SESSION_WORDS
                                                     or tokens[start - 1].folded in words.bodies):
                start -= 1
            if start == i:
                continue  # "the report" alone names no document
            if words.document_kinds.get(token.folded) == "meeting_record" and _numbered(tokens[start]):
                continue  # "adopted at the 30th meeting": the meeting an action was taken at, a fact the question claims
        else:
            continue
        while start > 0 and tokens[start - 1].folded in ENGLISH_FUNCTION_WORDS and tokens[start - 1].folded not in words.breaks:
            start -= 1
            if tokens[start].folded in words.document_prepositions:
                break
        spans.append((tokens[start].start, token.end))
    return spans


def _numbered(token: _Token) -> bool:
    """Whether a token is a meeting's or session's number in figures ('30th', '45th'), not a word ('seventy-eighth')."""
    return token.folded[:1].isdigit()


def blank(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` with ``spans`` replaced by spaces (offsets kept)."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _windows(text: str, tokens: list[_Token], words: Lexicon) -> list[list[_Token]]:
    """Token spans around each draft noun, cut at words and punctuation that end a description, overlaps merged."""
    spans: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        anchor = token.folded in words.draft_nouns or token.folded in words.position_nouns  # "the HRC abstainers"
        if not anchor or (token.folded == "l" and i + 1 < len(tokens)):
            continue
        left, crossed = i, False
        while left > 0 and i - left < LEFT_WORDS:
            if _breaks(text, tokens[left - 1], tokens[left], words, before=True):
                # "both the russian and the american cyber drafts": a plural noun shared by two conjuncts takes in the first
                if crossed or not _shared_by_conjuncts(tokens, left, i, words):
                    break
                crossed = True
            left -= 1
        right = i
        while right + 1 < len(tokens) and right - i < RIGHT_WORDS and not _breaks(text, tokens[right], tokens[right + 1], words):
            right += 1
        while left < i and tokens[left].folded in ENGLISH_FUNCTION_WORDS:  # "on the Russian draft" → "Russian draft"
            left += 1
        while right > i and tokens[right].folded in ENGLISH_FUNCTION_WORDS:
            right -= 1
        spans.append((left, right))
    merged: list[tuple[int, int]] = []
    for left, right in spans:
        if merged and left <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(right, merged[-1][1]))
        else:
            merged.append((left, right))
    return [tokens[a : b + 1] for a, b in merged]


def _shared_by_conjuncts(tokens: list[_Token], left: int, noun: int, words: Lexicon) -> bool:
    """Whether the break before ``left`` is 'and'/'or' joining two modifiers of one plural draft noun at ``noun``.

    "the russian and the american cyber drafts": 'drafts' stands for both; "the russian one and the american drafts" has a
    noun of its own in the first conjunct, and "voted for and against the drafts" no modifier there.
    """
    joined = tokens[left - 1].folded in ("and", "or") and left >= 2
    plural = tokens[noun].folded.endswith("s") and tokens[noun].folded in words.draft_nouns
    first = tokens[left - 2] if joined else None
    return bool(joined and plural and first is not None and first.folded not in words.breaks
                and first.folded not in ENGLISH_FUNCTION_WORDS and first.folded not in words.draft_nouns)


def _breaks(text: str, first: _Token, second: _Token, words: Lexicon, before: bool = False) -> bool:
    """Whether a description stops between two neighbouring tokens (``before``: extending to the left)."""
    between = text[first.end : second.start]
    if any(c in between for c in "?;!:\u2013\u2014") or " - " in between or ("," in between and not before):
        return True
    return first.folded in words.breaks | words.left_breaks if before else second.folded in words.breaks


def bodies_named(text: str) -> list[str]:
    """The bodies that vote which ``text`` names ('in the plenary' → 'General Assembly'), in order, repeats dropped."""
    return list(dict.fromkeys(body for _, body in _bodies(text, lexicon()) if body))


def names_time_or_body(text: str) -> bool:
    """Whether ``text`` names a year, a session or a body that votes ('in 2018', 'at the 78th session', 'in the plenary').

    These are the words that pick documents and votes besides their symbols.
    """
    return bool(_YEAR_RE.search(text) or _sessions(text) or _bodies(text, lexicon()))


def _names_drafts(text: str, documents: list[ParsedDocument]) -> bool:
    """Whether ``text`` names a draft by its number or symbol ('on draft I', 'L.37')."""
    from assistant.drafts import find_drafts

    return bool(find_drafts(text, documents)[0])


def _bodies(text: str, words: Lexicon) -> list[tuple[int, str]]:
    folded = _fold(text)
    return [(m.start(), words.bodies[m.group()]) for m in words.body_pattern.finditer(folded)]


def _fold(text: str) -> str:
    """``name_key`` character by character, keeping offsets (a leading 'the' is kept)."""
    return "".join((name_key(c) or " ") if c.strip() and c not in ".-" else " " for c in text)


def _sessions(text: str) -> list[tuple[int, str]]:
    found = [(m.start(), m.group(1)) for m in _ORDINAL_SESSION_RE.finditer(text)]
    return found + [(m.start(), _ORDINALS[m.group(1).lower()]) for m in _WORD_SESSION_RE.finditer(text)]


def _named_documents(text: str, documents: list[ParsedDocument]) -> set[str]:
    """Documents a question names by their symbol, a draft's symbol, a resolution number ('54/18') or agenda item ('agenda item 104')."""
    from assistant.drafts import named_by_symbol

    lowered = f" {text.lower()} "
    def says(symbol: str) -> bool:
        return re.search(rf"(?<![\w/.]){re.escape(symbol.lower())}(?![\w/])", lowered) is not None

    named = {d.symbol for d in documents if says(d.symbol) or (d.kind == "resolution" and says(_short(d.symbol)))}
    named |= {d.symbol for d in documents if d.agenda_item and says(f"agenda item {d.agenda_item}")}
    named |= {d.symbol for d in documents for v in d.votes if v.resolution and says(v.resolution)}
    named |= {r.document for r in named_by_symbol(text, documents)}
    return named


def _short(symbol: str) -> str:
    """'A/HRC/RES/54/18' → '54/18' (how people write a resolution's number)."""
    match = re.search(r"(\d+/\d+)$", symbol)
    return match[1] if match else symbol.lower()


def _describe(text: str, window: list[_Token], profiles: list[VoteProfile], words: Lexicon, named: set[str], whole: bool,
              bodies: list[str], years: list[str], sessions: list[str]) -> Described | None:
    """The votes a description fits best, or None when its words pick none (``_fitted``).

    A body named whose votes the words fit much less well than another body's ("the General Assembly's vote on the 2018
    expert-group resolution": the Assembly voted on the working-group draft only, A/73/PV.45) does not force its vote:
    the draft the words fit is described, with that body as ``body_unrecorded``.
    """
    found = _fitted(text, window, profiles, words, named, whole, bodies, years, sessions)
    if found is None or not any(bodies):
        return found
    elsewhere = _fitted(text, window, profiles, words, named, whole, [], years, sessions)
    if elsewhere is None or elsewhere.weak or set(elsewhere.keys) & set(found.keys):
        return found
    if not found.weak and found.score >= WORD_MARGIN * elsewhere.score:
        return found
    return replace(elsewhere, body_unrecorded=next(b for b in bodies if b))


def _fitted(text: str, window: list[_Token], profiles: list[VoteProfile], words: Lexicon, named: set[str], whole: bool,
            bodies: list[str], years: list[str], sessions: list[str]) -> Described | None:
    """The votes a description fits best, or None when its words pick none.

    ``whole``: the window is the whole question (no draft noun in it): its State names are who voted, not who introduced
    the draft, and only its words count.
    """
    candidates = [p for p in profiles if (not named or p.document in named or p.key.document in named)
                  and (not years or p.year in years) and (not sessions or p.session in sessions)]
    recorded_bodies = [b for b in bodies if b]
    within = [p for p in candidates if not recorded_bodies or p.body in recorded_bodies]
    unrecorded = recorded_bodies[0] if recorded_bodies and not within else ""
    candidates = within or ([] if bodies and not recorded_bodies else candidates)
    span = text[window[0].start : window[-1].end]
    numbers = _numbers(span) if not whole else set()
    symbols = [t.text for t in window if _SYMBOL_RE.fullmatch(t.text)] if not whole else []
    if symbols:  # "draft resolution I of A/73/507": the symbol named holds, and with it the number
        by_symbol = [p for p in profiles if any(s.lower() in p.symbols for s in symbols)]
        candidates = [p for p in by_symbol if not numbers or p.key.printed_number in numbers]
        if not candidates and not any(s.lower() in {d.lower() for d in named} for s in symbols):
            return Described((), window[0].start, window[-1].end, span, unknown=symbols[0])  # no vote recorded on it
    elif numbers:  # "draft resolution I in the plenary": the number narrows the votes the other words leave
        candidates = [p for p in candidates if p.key.number.removeprefix("decision ") in numbers]  # none: no such draft here
    states = set() if whole else _introducers(text, window, words)
    candidates = [p for p in candidates if not states or p.introducer is None or p.introducer in states]
    if not candidates:
        return None
    frequency = _frequencies(window, words, candidates)
    scores = {p.key: _score(p, window, words, states, frequency) for p in candidates}
    best = max(scores.values())
    constrained = bool(years or sessions or bodies or named) and not whole
    if best < MIN_SCORE and not (constrained and len(candidates) <= 3):
        return None
    keys = tuple(k for k, s in scores.items() if best < MIN_SCORE or s >= WORD_MARGIN * best)
    a, b = (0, 0) if whole else (window[0].start, window[-1].end)  # the whole question is no name to mask
    return Described(keys, a, b, text[a:b], unrecorded, weak=best < MIN_SCORE, score=best)


def _drafts_of(found: Described, profiles: list[VoteProfile]) -> int:
    """How many drafts a description's votes are on (one draft voted in two bodies is one)."""
    by_key = {p.key: p for p in profiles}
    return len({by_key[k].draft for k in found.keys if k in by_key})


def _origin(found: Described, profiles: list[VoteProfile]) -> Described:
    """``found`` with the votes of each draft in several bodies narrowed to the vote of the document holding its text.

    "both Russian drafts": L.27/Rev.1 in the First Committee (A/73/505; not again in the plenary, A/73/PV.45) and L.14.
    """
    by_key = {p.key: p for p in profiles}
    kept = tuple(k for k in found.keys if by_key[k].draft[0] == k.document
                 or not any(by_key[o].draft == by_key[k].draft and by_key[o].draft[0] == o.document for o in found.keys))
    return replace(found, keys=kept) if kept and len(kept) < len(found.keys) else found


def _in_other_bodies(found: Described, profiles: list[VoteProfile], bodies: list[tuple[int, str]], text: str) -> list[Described]:
    """The same draft's votes in other bodies named outside the description, each placed where its body is named.

    "Abstained in committee, then voted yes in the General Assembly on the OEWG resolution": both votes on the draft.
    """
    by_key = {p.key: p for p in profiles}
    drafts = {by_key[k].draft for k in found.keys}
    extra = []
    for start, body in bodies:
        keys = tuple(p.key for p in profiles if p.draft in drafts and p.body == body and p.key not in found.keys)
        if keys and body:
            extra.append(Described(keys, start, start + 1, text[start : start + len(body)]))  # a span: it names documents
    return extra


def _by_body(found: Described, profiles: list[VoteProfile], bodies: list[tuple[int, str]], text: str) -> list[Described]:
    """A description fitting one draft's votes in two bodies or more, split into each body's vote where it is named.

    "abstaining in committee to voting yes in the General Assembly on the 2018 OEWG resolution": the committee's vote
    (A/73/505) at "committee", the Assembly's (A/73/PV.45) at "General Assembly", so that each position goes with its
    body. [] unless two bodies named outside the description each have one of its votes.
    """
    by_key = {p.key: p for p in profiles}
    placed = [Described(keys, start, start + 1, text[start : start + len(body)], placed=True) for start, body in bodies
              if (keys := tuple(k for k in found.keys if k in by_key and by_key[k].body == body))]
    return placed if len({d.keys for d in placed}) >= 2 else []


def _in_each_body(described: list[Described], profiles: list[VoteProfile], bodies: list[str]) -> set[str]:
    """The documents recording the votes, by each body named, on the drafts described.

    "resolution 73/27 between committee and plenary": A/73/505 beside A/73/PV.45.
    """
    by_key = {p.key: p for p in profiles}
    drafts = {by_key[k].draft for d in described for k in d.keys if k in by_key}
    return {p.document for p in profiles if p.draft in drafts and p.body in bodies}


def _records_of_bodies(documents: list[ParsedDocument], bodies: list[str]) -> set[str]:
    """The meeting records of the bodies named: what a body did with a document named is in its record of the meeting.

    "Did the General Assembly adopt draft resolution II of A/73/505?": A/73/PV.45 (it deferred the draft) beside A/73/505.
    """
    return {d.symbol for d in documents if d.kind == "meeting_record" and d.body in bodies}


def _voted_in_bodies(text: str, documents: list[ParsedDocument], profiles: list[VoteProfile], bodies: list[str]) -> set[str]:
    """The documents recording a vote, by a body named, on a draft named by its symbol.

    "How did Mexico vote on L.27/Rev.1 in committee and in the plenary?": A/73/505 (the First Committee's vote) and
    A/73/PV.45 (the General Assembly's vote on the same draft, draft resolution I of A/73/505).
    """
    from assistant.drafts import named_by_symbol

    if not bodies:
        return set()
    drafts = {(r.document, r.number) for r in named_by_symbol(text, documents)}
    return {p.document for p in profiles if p.draft in drafts and p.body in bodies}


def _refers_back(window: list[_Token], words: Lexicon) -> bool:
    """Whether a description has no words of its own beyond words.toml's same_words, a body or a year ('the same draft in the GA')."""
    own = [t for t in window if t.folded not in words.draft_nouns and t.folded not in ENGLISH_FUNCTION_WORDS
           and t.folded not in words.bodies and not t.text.isdigit()]
    return bool(own) and all(t.folded in words.same_words for t in own)


def _same_as_before(text: str, window: list[_Token], windows: list[list[_Token]], profiles: list[VoteProfile], words: Lexicon,
                    before: Described, years: list[str]) -> Described | None:
    """A window with no words of its own but a year ('the one in 2023') describes as the description before it did.

    "Compare the Russian draft in 2018 with the one in 2023": 'the one in 2023' is the Russian draft of 2023 (L.14 of
    A/78/407). None when the window has words that describe, names no year, or the earlier description is the same.
    """
    own = [t for t in window if t.folded not in words.draft_nouns and t.folded not in ENGLISH_FUNCTION_WORDS and not t.text.isdigit()]
    if not years or own:
        return None
    earlier = next((w for w in windows if w[0].start == before.start), None)
    again = _describe(text, earlier, profiles, words, set(), False, [], years, []) if earlier else None
    if again is None or not again.keys or set(again.keys) == set(before.keys):
        return None
    return Described(again.keys, window[0].start, window[-1].end, text[window[0].start : window[-1].end])


def _in_other_years(text: str, window: list[_Token], profiles: list[VoteProfile], words: Lexicon,
                    years: list[tuple[int, str]], found: Described) -> list[Described]:
    """The same description in each other year named after it, placed where that year is named.

    "How many more States voted against the Russian draft in 2023 than in 2018?": the description holds 2023 (L.14 of
    A/78/407); 'in 2018' outside it asks for the Russian draft of 2018 too (L.27/Rev.1 of A/73/505). ``years``: (offset,
    year) named outside every description and not the description's own.
    """
    extra = []
    for start, year in years:
        again = _describe(text, window, profiles, words, set(), False, [], [year], [])
        if again is not None and again.keys and set(again.keys) != set(found.keys):
            extra.append(Described(again.keys, start, start + len(year), year))
    return extra


def _numbers(span: str) -> set[str]:
    """Draft numbers a description states ('draft resolution II' → {'II'})."""
    from assistant.drafts import draft_numbers

    return set(draft_numbers(span))


def _introducers(text: str, window: list[_Token], words: Lexicon) -> set[str]:
    """States a description names as the draft's introducer ('Russia's', 'the Dutch', 'tabled by Brazil')."""
    span = text[window[0].start : window[-1].end]
    folded = f" {name_key(span)} "
    found = {state for word, state in words.demonyms.items() if f" {word} " in folded}  # "south african" is two words
    found |= {m.name for m in find_mentions(span, fuzzy=False) if m.kind == "state"}
    return {roster().canonical(s) or s for s in found}


def _content(window: list[_Token], words: Lexicon) -> list[str]:
    """The stems of a description's words that are not function words or words every draft has."""
    stop = ENGLISH_FUNCTION_WORDS | words.undistinctive | words.position_nouns
    return [stem for t in window if t.folded not in stop for stem in stems(t.text)]


def _frequencies(window: list[_Token], words: Lexicon, candidates: list[VoteProfile]) -> Callable[[str], float]:
    """For each acronym, stem and pair of stems of a description: 1 when it tells the candidates apart, else 0 (``_idf``).

    Counted once per description (a pass over the candidates per word), so scoring n candidates costs n, not n².
    """
    acronyms = {t.folded for t in window}
    terms = {stem for t in window for stem in stems(t.text)}
    content = _content(window, words)
    pairs = {f"{a} {b}" for a, b in zip(content, content[1:], strict=False)}
    df = Counter[str]()
    for p in candidates:
        df.update(f"acronym:{a}" for a in acronyms & p.acronyms)
        df.update(t for t in terms if t in p.title or t in p.text)
        df.update(pairs & p.phrases)
    n = len(candidates)
    return lambda term: _idf(df[term], n)


def _score(profile: VoteProfile, window: list[_Token], words: Lexicon, states: set[str], idf: Callable[[str], float]) -> float:
    """How well a description's words fit one vote: introducer, symbols, acronyms, title and operative words (idf-weighted).

    ``idf(term)`` is 1 for a term that tells the candidates apart (``_frequencies``; an acronym as 'acronym:oewg').
    """
    score = 3.0 if profile.introducer in states else 0.0
    stop = ENGLISH_FUNCTION_WORDS | words.undistinctive | words.position_nouns
    if any(t.folded in words.decision_nouns for t in window) and profile.decision:
        score += MIN_SCORE  # "the draft decision": a decision rather than a draft resolution
    for token in window:
        if token.text.lower() in profile.symbols or token.folded in words.demonyms:
            score += 10.0 if token.text.lower() in profile.symbols else 0.0
            continue
        if token.folded in stop or token.folded in words.bodies or token.folded in words.decision_nouns or token.folded.isdigit():
            continue
        if token.folded.isalpha() and 3 <= len(token.folded) <= 5 and token.text.isupper():
            weight = 3.0 if token.folded in profile.title_acronyms else 2.0 if token.folded in profile.acronyms else 0.0
            score += weight * idf(f"acronym:{token.folded}")
            continue
        for stem in stems(token.text):
            weight = 2.0 if stem in profile.title else 1.0 if stem in profile.text else 0.0
            score += weight * idf(stem)
    content = _content(window, words)
    for pair in (f"{a} {b}" for a, b in zip(content, content[1:], strict=False)):  # "working group": the words together
        score += idf(pair) if pair in profile.phrases else 0.0
    # "the working group": the draft that sets it up, not those that name it; "expert-group" is "expert group" too
    said = " ".join(t.text for t in window)
    forms = (said, said.replace("-", " "))
    named = {key for key, _, aliases, _ in words.set_up_bodies if any(aliases.search(f) for f in forms)}
    named |= {key for key, names in words.proposed_names if any(names.search(f) for f in forms)}
    return score + SET_UP_BONUS * len(named & profile.sets_up)


def _idf(df: int, n: int) -> float:
    """1 for a word some candidates have and others lack, 0 for one all or none have: it tells them apart or not."""
    return 1.0 if 0 < df < n else 0.0


def _documents(documents: list[ParsedDocument], named: set[str], years: list[str], sessions: list[str],
               described: list[Described], kinds: frozenset[str] | set[str] = frozenset(),
               bodies: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The documents in scope: those named, else those of the sessions and years named, with the drafts described.

    Of those a year or session picks, the ones of the kind of document named ('the 2023 report': ``kinds``), if any, and
    of those the ones of a body named ('did the First Committee recommend in 2023': A/78/407, not the Council's
    resolution of the same year), if any.
    """
    picked = named | {k.document for d in described if d.end > d.start for k in d.keys}  # not from the whole question's words
    if picked:
        return [d.symbol for d in documents if d.symbol in picked]
    chosen = [d for d in documents if (years or sessions) and (not years or document_years(d) & set(years))
              and (not sessions or _session(d.symbol) in sessions)]
    chosen = [d for d in chosen if d.kind in kinds] or chosen
    chosen = [d for d in chosen if d.body in bodies] or chosen
    return [d.symbol for d in chosen] or [d.symbol for d in documents]


def document_years(document: ParsedDocument) -> set[str]:
    """The years of a document: its date's and those of the votes and adoptions it records ('2018' for A/73/505)."""
    return {document.date[-4:]} | {v.date[-4:] for v in document.votes} | {a.date[-4:] for a in document.adoptions if a.date}


def _session(symbol: str) -> str | None:
    from assistant.understand.profiles import session_of

    return session_of(symbol)
