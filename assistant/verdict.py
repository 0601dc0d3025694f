"""Yes/no questions about recorded votes and sponsorship get their verdict first ("Yes: …", "No: …").

A question is a yes/no question when it opens with an auxiliary (``polar_openers`` in words.toml: "Did Turkey back
draft II?"). The verdict compares what the question asks (the positions it names, turned round by a negating word
before them: "refuse to back" asks for anything but in favour) with what the vote tool found for each State and
draft (``ToolResult.data``). It is a fact of the records, never a guess: when any State's record is missing the
verdict is left out and the sentences alone answer.
"""

from __future__ import annotations

import re

from assistant.results import Claim, ToolResult
from assistant.understand.lexicon import lexicon
from ingest.records import Position

NEGATION_REACH = 24  # characters before a position word in which a negating word turns it round ("refused to back")
_ALTERNATIVE_RE = re.compile(r"\bor\b", re.I)
_LEADING_RE = re.compile(r"^\W*(?:(?:and|but|so|ok|okay|well|also|then)\b[\s,]*)*", re.I)


def is_polar(text: str) -> bool:
    """Whether ``text`` asks yes or no.

    It opens with an auxiliary ('Did …', 'Was …', 'Is it true that …'), or it is a question without a word asking for
    something else ('Brazil - yes vote for the US draft?': ``wh_words``).

    Not a question offering alternatives ('Was Guinea an original sponsor, or did it join later?'): no verdict answers it.
    """
    rest = _LEADING_RE.sub("", text)
    if _ALTERNATIVE_RE.search(rest):
        return False
    keyword = rest.rstrip().endswith("?") and not lexicon().wh_words.search(rest)  # "Brazil - yes vote for the US draft?"
    return lexicon().polar_openers.match(rest) is not None or keyword


def asked_positions(text: str, named: list[tuple[int, Position]]) -> tuple[frozenset[str], bool]:
    """The positions a yes/no question asks about and whether it asks for their opposite.

    ``named``: (offset, position) of the position words read in ``text``; none named, no positions (no verdict:
    "Is that how it intended to vote?" names none and asks about an intention, not the record). Negated: a negating
    word within ``NEGATION_REACH`` characters before the first position word, the question's opening word aside
    ("Didn't France vote against?" asks the same as "Did France …").
    """
    if not named:
        return frozenset(), False
    first = min(start for start, _ in named)
    leading = _LEADING_RE.match(text)
    after = leading.end() if leading else 0
    opener = lexicon().polar_openers.match(text, after)
    skip = opener.end() if opener else after
    window = text[max(skip, first - NEGATION_REACH) : first]
    return frozenset(p for _, p in named), bool(lexicon().negating_words.search(window))


def vote_verdict(text: str, named: list[tuple[int, Position]], result: ToolResult) -> ToolResult:
    """``result`` (one or more 'vote_position' results) with 'Yes: ' or 'No: ' before its first sentence.

    Unchanged when the question is not a yes/no question or a result is not a State's recorded vote.
    """
    records = _records(result)
    if not is_polar(text) or not records or any("position" not in r for r in records):
        return result
    wanted, negated = asked_positions(text, named)
    if len(wanted) != 1:  # none, or several ("Answer with just 'yes': did Russia vote against …?" names two): no verdict
        return result
    if negated and any(r["position"] is None for r in records):  # "Did Palau refuse to back it?": not recorded says neither
        return result
    held = [(r["position"] in wanted) != negated for r in records]
    return _led(result, _verdict(held, text))


def members_verdict(text: str, named: list[tuple[int, Position]], result: ToolResult) -> ToolResult:
    """``result`` (the positions of a set of States: ``data['positions']``, State → position or None) led by a verdict.

    "Did any of them vote against L.14?" of L.52's sponsors → 'No: ' (none is listed against); "Did all of them …"
    → 'Yes: ' only when every one is. Unchanged unless the question is a yes/no question naming one position.
    """
    positions = result.data.get("positions")
    wanted, negated = asked_positions(text, named)
    if not is_polar(text) or not isinstance(positions, dict) or not positions or len(wanted) != 1:
        return result
    return _led(result, _verdict([(p in wanted) != negated for p in positions.values()], text))


def comparison_verdict(text: str, counts: tuple[int, int], result: ToolResult) -> ToolResult:
    """``result`` (two tallies compared) led by whether the draft named first had more of the position (fewer, if asked).

    "Did more countries vote against L.14 than against L.27/Rev.1?" → 'Yes: ' (51 against 45). ``counts``: the position's
    count on the draft named first, then on the other. Unchanged when the question is not a yes/no question.
    """
    if not is_polar(text):
        return result
    fewer = lexicon().fewer_words.search(text) is not None
    held = counts[0] < counts[1] if fewer else counts[0] > counts[1]
    return _led(result, "Yes" if held else "No")


def change_verdict(text: str, result: ToolResult) -> ToolResult:
    """``result`` (each State's 'vote_position' on two votes) led by whether the State changed its position.

    "Did Mexico change its vote between the committee and the plenary?" → 'No: ' (in favour on both). Unchanged when
    the question is not a yes/no question or a State's position on either vote is not recorded.
    """
    records = _records(result)
    if not is_polar(text) or not records or any(r.get("position") is None for r in records):
        return result
    positions: dict[str, set[object]] = {}
    for record in records:
        positions.setdefault(str(record["state"]), set()).add(record["position"])
    return _led(result, _verdict([len(held) > 1 for held in positions.values()], text))


def sponsor_verdict(text: str, result: ToolResult) -> ToolResult:
    """``result`` led by its verdict: whether the State is what was asked.

    For 'sponsor_status' a sponsor, or (asked for an original one) an original one; for 'introducer_status' the State
    that submitted the draft.
    """
    records = _records(result)
    if not is_polar(text) or not records:
        return result
    if all("introduced" in r for r in records):  # 'introducer_status': "Did France introduce L.37?"
        return _led(result, _verdict([r["introduced"] is True for r in records], text))
    if any("sponsorship" not in r for r in records):
        return result
    wanted = {"original"} if lexicon().original_words.search(text) else {"original", "joined"}
    return _led(result, _verdict([r["sponsorship"] in wanted for r in records], text))


def _records(result: ToolResult) -> list[dict[str, object]]:
    """The data of each result merged into ``result`` (``router.merge``), or its own."""
    merged = result.data.get("results", [result.data])
    return [r for r in merged if isinstance(r, dict)] if isinstance(merged, list) else []


def _verdict(held: list[bool], text: str) -> str | None:
    """'Yes' when every record holds what was asked, 'No' when none does; None when some do and some do not.

    "Was Turkey one of those abstainers?" read over both drafts: it abstained on one and not the other, so neither a
    plain yes nor a plain no is true; the sentences say which. A question asking about any one ("Did it sponsor
    either draft?": ``any_words``) is a yes when one record holds it.
    """
    if any(held) and lexicon().any_words.search(text):
        return "Yes"
    return "Yes" if all(held) else "No" if not any(held) else None


def without_verdict(text: str) -> str:
    """A sentence without the verdict ``_led`` put before it ('Yes: France was …' → 'France was …')."""
    verdict, colon, rest = text.partition(": ")
    return rest if colon and verdict in ("Yes", "No") else text


def led_if_polar(text: str, result: ToolResult, verdict: str) -> ToolResult:
    """``result`` with 'Yes: ' or 'No: ' before its first sentence when ``text`` is a yes/no question.

    For the verdicts the router settles itself: separate votes, days claimed, plenary action.
    """
    return _led(result, verdict, cited_only=False) if is_polar(text) else result


def is_led(result: ToolResult) -> bool:
    """Whether ``result`` already opens with a verdict ('Yes: ', 'No: '), written by ``_led`` or by the tool itself."""
    return bool(result.claims) and result.claims[0].text.startswith(("Yes:", "No:"))


def _led(result: ToolResult, verdict: str | None, cited_only: bool = True) -> ToolResult:
    """``result`` with ``verdict`` before its first cited sentence (with ``cited_only`` False, its first sentence)."""
    if verdict is None:
        return result
    first = next((n for n, c in enumerate(result.claims) if c.citations or not cited_only), None)
    if first is None:
        return result
    claim = result.claims[first]
    led = Claim(f"{verdict}: {claim.text}", claim.citations, quote=claim.quote)
    claims = (*result.claims[:first], led, *result.claims[first + 1 :])
    return ToolResult(result.tool, claims, result.table, (*result.facts, verdict), {**result.data, "verdict": verdict}, result.covered)


def existence_verdict(text: str, result: ToolResult) -> ToolResult:
    """``result`` (the States in a combination of positions: ``data['states']``) led by whether there are any.

    "Was there any country that voted against both drafts?" → 'No: ' (none); "Is there a country that abstained on both?"
    → 'Yes: ' (7). Unchanged unless the question is a yes/no question, or when the result is led already.
    """
    states = result.data.get("states")
    if not is_polar(text) or not isinstance(states, list) or is_led(result):
        return result
    return _led(result, "Yes" if states else "No")
