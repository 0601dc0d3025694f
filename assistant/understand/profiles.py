"""What each recorded vote and adoption can be called by, derived from the records at load time.

A question names a vote by its document ("A/78/407", "the seventy-eighth session report"), its year, the body that
voted, the State that introduced the draft ("Russia's resolution", "the Dutch draft"), or words of its title and
operative paragraphs ("the permanent mechanism draft", "the digital access resolution"). Nothing here is written for
one document: every word comes from the ``ParsedDocument`` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from assistant.votes.votebook import DraftKey, action_key
from ingest.records import Adoption, Draft, ParsedDocument, RecordedVote, Unit

_STEMMER = Stemmer.Stemmer("english")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*")
_SESSION_RE = re.compile(r"^A/(?:C\.\d/)?(?:RES/)?(\d{1,3})/|^A/HRC/(?:RES/)?(\d{1,3})/")
_ACRONYM_SKIP = frozenset({"of", "the", "and", "on", "in", "for", "to", "a", "an"})


def stems(text: str) -> list[str]:
    """Lower-case English stems of the words of ``text`` (hyphenated words split), in order."""
    words = [w for token in _WORD_RE.findall(text.lower()) for w in token.split("-") if w]
    return list(_STEMMER.stemWords(words))


def session_of(symbol: str) -> str | None:
    """The session number a document symbol carries ('A/73/505' → '73', 'A/HRC/RES/54/18' → '54'), or None."""
    match = _SESSION_RE.match(symbol)
    return (match[1] or match[2]) if match else None


@dataclass(frozen=True)
class VoteProfile:
    """One vote or adoption on a whole draft, with what a question may call it by.

    ``key`` is the vote-book key (``votebook.action_key``); ``document`` the symbol of the document recording it;
    ``title`` and ``text`` the stems of the draft's title and of its operative paragraphs (from the document, or from
    the report the draft came from when that is indexed too); ``acronyms`` the initials of the phrases of its operative
    paragraphs ('oewg' for 'open-ended working group'), ``symbols`` the folded symbols it goes by.
    """

    key: DraftKey
    document: str
    body: str
    year: str
    session: str | None
    introducer: str | None
    title: frozenset[str]
    text: frozenset[str]
    acronyms: frozenset[str]
    title_acronyms: frozenset[str]  # its whole title's initials ('paros': "Prevention of an arms race in outer space")
    symbols: frozenset[str]
    phrases: frozenset[str]  # pairs of neighbouring stems of its title and operative paragraphs ('work group')
    recorded: bool  # a recorded vote (False: adopted without a vote)
    draft: tuple[str, str]  # the draft acted on: (symbol of the document holding its text, its number), the same in every body
    decision: bool  # a draft decision (not a draft resolution)
    sets_up: frozenset[str] = frozenset()  # keys of words.toml's [[set_up_body]] the draft sets up ('oewg'; drafts.body_paragraph)


def profiles(documents: list[ParsedDocument]) -> list[VoteProfile]:
    """A profile for every vote and adoption on a whole draft in ``documents``, in document order."""
    actions: list[RecordedVote | Adoption] = [v for d in documents for v in d.votes if v.whole]
    actions += [a for d in documents for a in d.adoptions]
    return [_profile(a, documents) for a in actions]


def _profile(action: RecordedVote | Adoption, documents: list[ParsedDocument]) -> VoteProfile:
    source, number = _source(action, documents)
    units = _operative(source, number, action) if source else ()
    draft = _draft(source, number, action) if source else None
    title = getattr(action, "title", "") or (draft.title if draft else "")
    symbol = (draft.symbol if draft else None) or action.draft_symbol
    sponsorship = next((s for d in documents for s in d.sponsorships if s.draft_symbol == symbol), None)
    text = " ".join(u.text for u in units)
    symbols = {action.symbol, action.draft_symbol, symbol}
    if action.resolution:
        symbols |= {action.resolution, f"A/RES/{action.resolution}"}
    shorts = {short for s in symbols if (short := _short_symbol(s))}  # 'L.14' and 'L14'
    symbols |= shorts | {short.replace(".", "") for short in shorts}
    # a revision is also called by its draft's symbol ('L.38' for L.38/Rev.1), as drafts.find_drafts reads it
    symbols |= {base for s in symbols if s and (base := re.sub(r"/Rev\.\d+$", "", s, flags=re.I)) != s}
    return VoteProfile(
        key=action_key(action), document=action.symbol, body=action.body, year=action.date[-4:] if action.date else "",
        session=session_of(action.symbol), introducer=sponsorship.introduced_by if sponsorship else None,
        title=_stem_set(title), text=_stem_set(text), acronyms=_acronyms(text) | _acronyms(title, TITLE_REACH),
        title_acronyms=_title_acronym(title),
        symbols=frozenset(s.lower() for s in symbols if s), phrases=_pairs(f"{title}. {text}"),
        recorded=isinstance(action, RecordedVote),
        draft=(source.symbol if source else action.draft_symbol, action_key(action).number), decision=action.draft_kind == "decision",
        sets_up=_bodies_set_up(source, number),
    )


def _bodies_set_up(source: ParsedDocument | None, number: str | None) -> frozenset[str]:
    """The bodies the draft sets up, read from its operative paragraphs (``drafts.setting_up``'s reading); none unknown."""
    from assistant.drafts import bodies_set_up

    return frozenset(bodies_set_up(source, number)) if source is not None and number else frozenset()


def _short_symbol(symbol: str) -> str:
    """'A/C.1/78/L.38/Rev.1' → 'L.38/Rev.1' (how people write a draft's symbol); '' for other symbols."""
    match = re.search(r"(L\.\d+(?:/Rev\.\d+)?)$", symbol)
    return match[1] if match else ""


def _source(action: RecordedVote | Adoption, documents: list[ParsedDocument]) -> tuple[ParsedDocument | None, str | None]:
    """The document holding the text of the draft acted on, and its number there.

    A report's vote: the report itself. A plenary vote on a report's draft ('draft resolution I of A/73/505'): that
    report, when indexed. A resolution's own adoption (the Human Rights Council's): the resolution.
    """
    by_symbol = {d.symbol: d for d in documents}
    if action.draft_symbol in by_symbol and action.draft_symbol != action.symbol:
        return by_symbol[action.draft_symbol], action.draft_number
    own = by_symbol.get(action.symbol)
    if own is not None and action.draft_symbol.startswith("A/") and "/L." not in action.draft_symbol and action.draft_symbol != own.symbol:
        return None, action.draft_number  # a plenary action on a report that is not indexed: its text is not here
    return own, action.draft_number


def _operative(document: ParsedDocument, number: str | None, action: RecordedVote | Adoption) -> tuple[Unit, ...]:
    if action.draft_symbol == action.symbol or number is None:  # a resolution's own text
        return tuple(u for u in document.units if u.kind in ("operative", "preambular") and u.draft is None and u.decision is None)
    if action.draft_kind == "decision":
        return tuple(u for u in document.units if u.decision == number)
    return tuple(u for u in document.units if u.draft == number and u.kind == "operative")


def _draft(document: ParsedDocument, number: str | None, action: RecordedVote | Adoption) -> Draft | None:
    """The draft resolution or decision acted on, from the document holding its text."""
    drafts = document.decisions if action.draft_kind == "decision" else document.drafts
    return next((d for d in drafts if d.number == number), None)


# A draft's text is read again each time the assistant is narrowed to a document set that holds it (the UI's document
# chooser): its features are kept by text, as many as the drafts of several hundred documents.
_TEXT_FEATURES = 4096


@lru_cache(maxsize=_TEXT_FEATURES)
def _stem_set(text: str) -> frozenset[str]:
    return frozenset(stems(text))


@lru_cache(maxsize=_TEXT_FEATURES)
def _pairs(text: str) -> frozenset[str]:
    """Pairs of neighbouring stems ('work group'), skipping English function words between them."""
    from assistant.language import ENGLISH_FUNCTION_WORDS

    words = [w for w in stems(text) if w not in ENGLISH_FUNCTION_WORDS]
    return frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


TEXT_REACH = 5  # words a phrase of the operative text behind an acronym may span, function words included
TITLE_REACH = 9  # the same in a title ("Prevention of an arms race in outer space": 'paros'); titles are short
ACRONYM_LETTERS = 6  # letters an acronym may have


def _title_acronym(title: str) -> frozenset[str]:
    """The initials of a whole title's content words, if it has 3 to ``ACRONYM_LETTERS``; none for a longer title.

    'Prevention of an arms race in outer space' → {'paros'}.
    """
    words = [w for token in _WORD_RE.findall(title.lower()) for w in token.split("-") if w and w not in _ACRONYM_SKIP]
    return frozenset({"".join(w[0] for w in words)}) if 3 <= len(words) <= ACRONYM_LETTERS else frozenset()


@lru_cache(maxsize=_TEXT_FEATURES)
def _acronyms(text: str, reach: int = TEXT_REACH) -> frozenset[str]:
    """Initials of the phrases of ``text`` of two to ``reach`` words, function words inside them left out.

    'open-ended working group' → 'oewg', 'gge'; with a title's reach, 'prevention of an arms race in outer space' → 'paros'.
    """
    words = [w for token in _WORD_RE.findall(text.lower()) for w in token.split("-") if w]
    found = set()
    for size in range(2, reach + 1):
        for start in range(len(words) - size + 1):
            phrase = words[start : start + size]
            if phrase[0] in _ACRONYM_SKIP or phrase[-1] in _ACRONYM_SKIP:
                continue
            initials = "".join(w[0] for w in phrase if w not in _ACRONYM_SKIP)
            if 3 <= len(initials) <= ACRONYM_LETTERS:
                found.add(initials)
    return frozenset(found)
