"""Questions about how a document is made: counts of its parts and what a draft consists of, from the parsed units.

"How many preambular paragraphs does draft resolution I have?", "How many items are listed under operative paragraph
1?", "How many footnotes does the report have?", "What does draft resolution II consist of?". Every number is counted
from the units ingest parsed (their locators: 'DR-I.PP-21', 'DR-I.OP-1.13', 'para-11', 'fn-4'), and the answer cites the
last unit counted. The words that ask (count and composition words, the names of parts) are in understand/words.toml.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from assistant.drafts import DraftRef
from assistant.results import Claim, ToolResult
from assistant.understand.lexicon import lexicon
from assistant.votes.votebook import cap
from ingest.records import ParsedDocument, Unit

COUNTED_NOUN_REACH = 3  # words between the count word and the part noun ("how many separate operative paragraphs")
_OF_PARAGRAPH_RE = re.compile(r"\b(?:op(?:erative)?\.?\s*)?(?:para(?:graph)?\.?\s*)(\d{1,2})\b|\bop\.?\s*(\d{1,2})\b", re.I)
_NOUNS = {"preambular": "preambular paragraphs", "operative": "operative paragraphs", "footnote": "footnotes",
          "paragraph": "paragraphs", "item": "items"}


@dataclass(frozen=True)
class Whole:
    """What a structure question is about: a draft of a document (``number``: 'I', 'decision I') or the document itself."""

    document: ParsedDocument
    number: str | None

    def name(self) -> str:
        """'draft resolution I (A/C.1/73/L.27/Rev.1) of A/73/505', 'A/73/505'."""
        if self.number is None:
            return self.document.symbol
        decision = self.number.startswith("decision ")
        number = self.number.removeprefix("decision ")
        drafts = self.document.decisions if decision else self.document.drafts
        draft = next((d for d in drafts if d.number == number), None)
        symbol = f" ({draft.symbol})" if draft and draft.symbol else ""
        return f"draft {'decision' if decision else 'resolution'} {number}{symbol} of {self.document.symbol}"

    def units(self) -> list[Unit]:
        """The units of the draft (or the document's own units outside every draft), in document order."""
        if self.number is None:
            return [u for u in self.document.units if u.draft is None and u.decision is None]
        if self.number.startswith("decision "):
            return [u for u in self.document.units if u.decision == self.number.removeprefix("decision ")]
        return [u for u in self.document.units if u.draft == self.number]


# 'resolutions 58/199 of 23 December 2003 and 64/211 of 21 December 2009' (A/78/407, draft I, pp. 1); a General
# Assembly or Council resolution number, with its date where the text gives one
_RESOLUTION_CITED_RE = re.compile(r"(?<![\w./])(?P<number>\d{1,2}/\d{1,3}(?: [A-Z]\b)?)(?: of (?P<date>\d{1,2} [A-Z][a-z]+ \d{4}))?")


_DECISION_BEFORE_RE = re.compile(r"\bdecisions? $", re.I)  # 'as well as its decision 72/512' is no resolution


def recalled(text: str, drafts: list[DraftRef], documents: list[ParsedDocument]) -> ToolResult | None:
    """'What is the oldest resolution recalled in A/78/407?': the oldest or newest resolution the texts cite, by date.

    Read over the drafts named, else every document given (the scope's); a resolution's date is the one the text gives
    ('58/199 of 23 December 2003'), else its session (the number before the slash). None unless the question asks for
    the oldest or newest (words.toml ``oldest_words``, ``newest_words``) resolution a text recalls (``citing_words``).
    """
    words = lexicon()
    oldest, newest = words.oldest_words.search(text), words.newest_words.search(text)
    if not (oldest or newest) or not words.citing_words.search(text) or not {"resolution", "resolutions"} & set(text.lower().split()):
        return None
    wholes = _wholes(drafts, documents) or _texts_of(drafts, documents)
    wholes = [part for w in wholes for part in ([w] if w.number else [w, *(Whole(w.document, x.number) for x in w.document.drafts)])]
    cited = [(_when(m), m, u) for w in wholes for u in w.units() for m in _RESOLUTION_CITED_RE.finditer(u.text)
             if u.kind in ("preambular", "operative") and not _DECISION_BEFORE_RE.search(u.text[: m.start()])]
    if not cited:
        return None
    when, found, unit = (min if oldest and (not newest or oldest.start() < newest.start()) else max)(cited, key=lambda c: c[0])
    which = "oldest" if oldest and (not newest or oldest.start() < newest.start()) else "most recent"
    of = f" of {found['date']}" if found["date"] else ""
    lead = f"The {which} resolution recalled is resolution {found['number']}{of}, in {unit.label}:"
    return ToolResult("structure", (Claim(lead, (unit.id,)), Claim(f"\u201c{unit.text}\u201d", (unit.id,), quote=True)),
                      facts=(found["number"], found["date"] or "", str(len(cited))))


def _texts_of(drafts: list[DraftRef], documents: list[ParsedDocument]) -> list[Whole]:
    """The drafts whose text the documents hold, for drafts named in a document that has no text of them.

    A plenary vote on 'draft resolution I of A/73/505' (A/73/PV.45) is on the draft whose text A/73/505 holds, when it is
    the one document given holding a draft of that number; with no draft named, every document's drafts.
    """
    if not drafts:
        return [Whole(d, x.number) for d in documents for x in d.drafts]
    wholes = []
    for ref in drafts:
        holding = [d for d in documents if d.symbol != ref.document and any(x.number == ref.number for x in d.drafts)]
        wholes += [Whole(holding[0], ref.number)] if len(holding) == 1 else []
    return wholes


def _when(match: re.Match[str]) -> tuple[int, int, int]:
    """A cited resolution's date as (year, month, day), or (its session + 1945, 0, 0) when the text gives no date."""
    if match["date"]:
        day, month, year = match["date"].split()
        months = list(calendar.month_name)
        return int(year), months.index(month) if month in months else 0, int(day)
    return int(match["number"].split("/")[0]) + 1945, 0, 0


def answer(text: str, drafts: list[DraftRef], documents: list[ParsedDocument]) -> ToolResult | None:
    """The structure answer to ``text``, or None when it does not ask how a draft or document is made.

    ``drafts`` are the drafts the question names (``router.read_question``); with none, the one document of
    ``documents`` (a question over several documents that names none is not answered here).
    """
    words = lexicon()
    if words.restricting_words.search(text):
        return None
    wholes = _wholes(drafts, documents)
    if not wholes:
        return None
    if words.composition_words.search(text):
        return _merge([_composition(w) for w in wholes])
    kind = _part_asked(text)
    if kind is not None and kind not in ("draft", "item") and not words.count_words.search(text) and (end := _end_asked(text)):
        return _merge([_at_end(w, kind, end) for w in wholes])  # "the last operative paragraph of the HRC resolution"
    if kind is None or not words.count_words.search(text):
        return None
    if kind == "draft":  # "How many drafts does A/73/505 have?": the documents' drafts, whichever drafts the words named
        # a document recommending no drafts (a resolution, a meeting record) is not counted as one recommending none
        counted = [d for d in dict.fromkeys(w.document for w in wholes) if d.drafts or d.decisions]
        return _merge([_count_drafts(d) for d in counted]) if counted else None
    of_paragraph = _of_paragraph(text) if kind == "item" else None
    return _merge([_count(w, kind, of_paragraph) for w in wholes])


def _wholes(drafts: list[DraftRef], documents: list[ParsedDocument]) -> list[Whole]:
    by_symbol = {d.symbol: d for d in documents}
    # a draft the question names (a span of its words: not one read from the whole question) whose text is indexed
    named = [Whole(by_symbol[r.document], r.number) for r in drafts
             if r.end > r.start and r.document in by_symbol and " / " not in r.number]
    named = [w for w in named if w.units()]
    if named:
        return list({(w.document.symbol, w.number): w for w in named}.values())
    return [Whole(documents[0], None)] if len(documents) == 1 else []


def _part_asked(text: str) -> str | None:
    """The kind of part counted: the part noun named first after the count word (longest at a position).

    The noun must follow within ``COUNTED_NOUN_REACH`` words: "How many rules, norms and principles are listed under
    operative paragraph 1?" counts what the paragraph lists, not operative paragraphs.
    """
    count = lexicon().count_words.search(text)
    start = count.end() if count else 0
    found = [(m.start(), -len(m.group()), kind) for pattern, kind in lexicon().part_nouns for m in pattern.finditer(text, start)
             if len(text[start : m.start()].split()) <= COUNTED_NOUN_REACH]
    return min(found)[2] if found else None


def _of_paragraph(text: str) -> str | None:
    match = _OF_PARAGRAPH_RE.search(text)
    return (match[1] or match[2]) if match else None


def _parts(whole: Whole, kind: str, of_paragraph: str | None = None) -> list[Unit]:
    """The units of one kind of part of ``whole``, by their locators."""
    number = of_paragraph or r"\d+"
    patterns = {
        "preambular": r"(?:^|\.)PP-\d+$", "operative": r"(?:^|\.)OP-\d+$", "footnote": r"(?:^|\.)fn-\d+$",
        "item": rf"(?:^|\.)OP-{number}(?:\.\d+|\([a-z]+\))$",
        "paragraph": r"^para-\d+$" if whole.number is None and whole.document.kind == "report" else r"(?:^|\.)(?:PP|OP)-\d+$",
    }
    return [u for u in whole.units() if re.search(patterns[kind], u.locator)]


def _end_asked(text: str) -> str | None:
    """'first' or 'last': the end of a text's parts a question asks for (words.toml ``first_words``, ``last_words``).

    None when it asks for both or neither, or for a numbered paragraph ("paragraph 1").
    """
    first, last = lexicon().first_words.search(text), lexicon().last_words.search(text)
    if bool(first) == bool(last) or _of_paragraph(text):
        return None
    return "first" if first else "last"


def _at_end(whole: Whole, kind: str, end: str) -> ToolResult:
    """The first or last part of a kind, quoted: 'The last operative paragraph of A/HRC/RES/54/18 is operative para. 4: …'."""
    parts = _parts(whole, kind)
    if not parts:
        return ToolResult("structure", (Claim(f"{cap(whole.name())} has no {_NOUNS[kind]}.", ()),), facts=("0",))
    unit = parts[0] if end == "first" else parts[-1]
    lead = f"The {end} {_NOUNS[kind].rstrip('s')} of {whole.name()} is {_short(unit)}, of {len(parts)}:"
    return ToolResult("structure", (Claim(lead, (unit.id,)), Claim(f"\u201c{unit.text}\u201d", (unit.id,), quote=True)),
                      facts=(_short(unit), str(len(parts))))


def _count_drafts(document: ParsedDocument) -> ToolResult:
    """How many drafts a report recommends, cited to the paragraphs recommending them.

    'A/78/407 recommends 3 draft resolutions (I to III) and 1 draft decision to the General Assembly' (paras 13 and 14).
    """
    resolutions = [d for d in document.drafts if d.kind == "resolution"]
    decisions = [*document.decisions, *(d for d in document.drafts if d.kind == "decision")]
    counted = [f"{len(resolutions)} draft resolution{'s' if len(resolutions) != 1 else ''}"
               + (f" ({resolutions[0].number} {'and' if len(resolutions) == 2 else 'to'} {resolutions[-1].number})"
                  if len(resolutions) > 1 else "")]
    counted += [f"{len(decisions)} draft decision{'s' if len(decisions) != 1 else ''}"] if decisions else []
    cited = tuple(u.id for u in document.units if u.kind == "report_paragraph" and "recommends" in u.text.lower())
    text = f"{document.symbol} recommends {' and '.join(counted)} to the General Assembly."
    return ToolResult("structure", (Claim(text, cited),), facts=(str(len(resolutions)), str(len(decisions))),
                      data={"count": len(resolutions) + len(decisions)})


def _count(whole: Whole, kind: str, of_paragraph: str | None) -> ToolResult:
    parts = _parts(whole, kind, of_paragraph)
    noun = _NOUNS[kind] + (f" in operative paragraph {of_paragraph}" if of_paragraph else "")
    if not parts:
        text = f"{cap(whole.name())} has no {noun}."
        return ToolResult("structure", (Claim(text, ()),), facts=("0",), data={"count": 0})
    last = parts[-1]
    text = f"{cap(whole.name())} has {len(parts)} {noun}; the last is {_short(last)}."
    claims = [Claim(text, (last.id,))]
    facts = [str(len(parts)), _short(last), *([of_paragraph] if of_paragraph else [])]
    if whole.number is None and kind == "footnote":  # a report's drafts number their footnotes apart
        for draft in whole.document.drafts:
            own = _parts(Whole(whole.document, draft.number), "footnote")
            if own:
                claims.append(Claim(f"Draft resolution {draft.number} has {len(own)} footnotes of its own.", (own[-1].id,)))
                facts.append(str(len(own)))
    return ToolResult("structure", tuple(claims), facts=tuple(facts), data={"count": len(parts), "units": [u.id for u in parts]})


def _composition(whole: Whole) -> ToolResult:
    """What a draft (or a document) is made of: its preambular and operative paragraphs, their items, its footnotes."""
    pieces, cited, facts = [], [], []
    for kind in ("preambular", "operative", "footnote") if whole.number else ("paragraph", "footnote"):
        parts = _parts(whole, kind)
        if not parts:
            continue
        piece = f"{len(parts)} {_NOUNS[kind]}"
        if kind == "operative":
            items = [(p, n) for p in parts if (n := len(_parts(whole, "item", p.locator.rsplit("-", 1)[1])))]
            if items:
                piece += " (" + ", ".join(f"{_short(p)} with {n} items" for p, n in items) + ")"
                facts += [str(n) for _, n in items] + [_short(p) for p, _ in items]
        pieces.append(piece)
        cited.append(parts[-1].id)
        facts.append(str(len(parts)))
    if not pieces:
        return ToolResult("structure", (Claim(f"The documents record no parts of {whole.name()}.", ()),))
    listed = pieces[0] if len(pieces) == 1 else ", ".join(pieces[:-1]) + " and " + pieces[-1]
    return ToolResult("structure", (Claim(f"{cap(whole.name())} consists of {listed}.", tuple(cited)),), facts=tuple(facts))


def _short(unit: Unit) -> str:
    """'preambular para. 21' (the unit's label without its document and draft)."""
    return unit.label.split(", ")[-1]


def _merge(results: list[ToolResult]) -> ToolResult:
    return ToolResult("structure", tuple(c for r in results for c in r.claims), facts=tuple(f for r in results for f in r.facts))
