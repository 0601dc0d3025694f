"""Clean blocks → citable units: header, report paragraphs, footnotes, draft resolution PPs and OPs.

The layout this follows is the one UN committee reports share: a cover page, numbered
report paragraphs under Roman-numbered section headings (voting lists belong to the
paragraph that announces them), then "Draft resolution I/II/…" blocks, each opening with
"The General Assembly,", followed by preambular paragraphs and numbered operative
paragraphs with sub-paragraphs ``1.6.`` and lettered items ``(b)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.citations import decision_of, draft_of
from ingest.layout import Block, FootnoteText, marker_numbers, marker_words, strip_markers
from ingest.records import Unit, UnitKind

SECTION_RE = re.compile(r"^(?:[IVX]+|[A-H])\.\s+\S")
REPORT_PARA_RE = re.compile(r"^(\d+)\.\s+\S")
DRAFT_HEADING_RE = re.compile(r"^Draft (?P<kind>resolution|decision)(?: (?P<number>[IVX]+)\b)?\s*(?P<title>(?!A/).*)$")
RESOLUTION_HEADING_RE = re.compile(r"^Resolution adopted by the (?:General Assembly|Human Rights Council|Security Council)\b")
RESOLUTION_TITLE_RE = re.compile(r"^\d+/\d+\.\s+(.+)$")
ASSEMBLY_RE = re.compile(r"^The (?:General Assembly|Human Rights Council|Security Council),?$")
# the close of a resolution: "41st meeting" / "45th plenary meeting", the date, "[Adopted by a recorded vote of …]"
ADOPTION_START_RE = re.compile(r"^(?:\d+(?:st|nd|rd|th) (?:plenary )?meeting\b|\[Adopted\b)")
OP_RE = re.compile(r"^(\d+)\.\s+\S")
SUB_OP_RE = re.compile(r"^(\d+)\.(\d+)\.\s+\S")
LETTERED_RE = re.compile(r"^\(([a-z])\)\s+\S")
VOTE_LABEL_RE = re.compile(r"^(In favour|Against|Abstaining):$")
# a numbered report paragraph after a draft's text: "14. The First Committee also recommends … the following draft decision:"
REPORT_RESUMES_RE = re.compile(r"^(\d+)\.\s+The [\w\s,()-]*Committee\b")


class StructureError(ValueError):
    """The text does not have the structure of a UN report of this family."""


@dataclass
class _Draft:
    number: str
    kind: str = "resolution"
    title: str = ""
    preambular: int = 0
    op: str = ""
    closed: bool = False  # a resolution's adoption block has started

    @property
    def prefix(self) -> str:
        """'DR-I.' / 'DD-I.'; '' for a resolution document (no draft)."""
        return f"D{self.kind[0].upper()}-{self.number}." if self.number else ""

    @property
    def section(self) -> str:
        return f"Draft {self.kind} {self.number}" if self.number else "Resolution"


@dataclass
class _Walk:
    """Mutable state of one walk over the blocks (local to ``build_units``)."""

    header: list[str] = field(default_factory=list)
    section: str = ""
    draft: _Draft | None = None
    drafts: list[_Draft] = field(default_factory=list)
    pending: list[tuple[str, UnitKind, str, str]] = field(default_factory=list)
    part_of_block: dict[int, str] = field(default_factory=dict)
    rows_at_block: dict[int, int] = field(default_factory=dict)
    started: bool = False


@dataclass(frozen=True)
class Structure:
    """Units in reading order, with the draft titles found and the cover page lines."""

    units: tuple[Unit, ...]
    draft_titles: dict[str, str]
    header: tuple[str, ...]
    resolution_title: str = ""
    decision_titles: dict[str, str] = field(default_factory=dict)


def build_units(symbol: str, blocks: list[Block], footnotes: list[FootnoteText]) -> Structure:
    """Turn blocks and footnotes into units with locators, footnote links both ways.

    Raises:
        StructureError: if no report paragraph or draft is found, or a locator repeats.
    """
    walk = _Walk()
    for block in blocks:
        _take(walk, block)
        walk.part_of_block[block.position] = walk.draft.prefix.rstrip(".") if walk.draft else ""
        walk.rows_at_block[block.position] = len(walk.pending)
    if not walk.pending:
        raise StructureError("no numbered paragraph or draft resolution found")
    return Structure(
        units=_assemble(symbol, walk, footnotes),
        draft_titles={d.number: d.title for d in walk.drafts if d.number and d.kind == "resolution"},
        header=tuple(walk.header),
        resolution_title=next((d.title for d in walk.drafts if not d.number), ""),
        decision_titles={d.number: d.title for d in walk.drafts if d.number and d.kind == "decision"},
    )


def _take(walk: _Walk, block: Block) -> None:
    text = block.text
    heading = DRAFT_HEADING_RE.match(text)
    if heading:
        walk.draft = _Draft(heading["number"] or "I", heading["kind"], heading["title"].strip())
        walk.drafts.append(walk.draft)
        walk.started = True
    elif RESOLUTION_HEADING_RE.match(text):
        walk.header.append(text)
        walk.draft, walk.started = _Draft(""), True
        walk.drafts.append(walk.draft)
    elif walk.draft is not None and not _report_resumes(walk, text):
        _take_draft_block(walk, walk.draft, text)
    elif SECTION_RE.match(text) and not REPORT_PARA_RE.match(text):
        walk.section, walk.started = text, True
    elif REPORT_PARA_RE.match(text):
        number = REPORT_PARA_RE.match(text)[1]  # type: ignore[index]
        walk.pending.append((f"para-{number}", "report_paragraph", text, walk.section))
        walk.started = True
    elif LETTERED_RE.match(text) and walk.pending and walk.pending[-1][1] == "report_paragraph":
        paragraph = walk.pending[-1][0].partition("(")[0]  # "(b)" after para-12(a) is para-12(b)
        walk.pending.append((f"{paragraph}({LETTERED_RE.match(text)[1]})", "report_paragraph", text, walk.section))  # type: ignore[index]
    elif walk.started and walk.pending:
        _extend_last(walk, text)
    else:
        walk.header.append(text)


def _report_resumes(walk: _Walk, text: str) -> bool:
    """Whether a block after a draft's text is the report's next paragraph.

    It is numbered one past the last report paragraph and is about the Committee ("14. The First Committee also
    recommends …"); if it is, the draft ends here (``walk.draft`` is cleared).
    """
    match = REPORT_RESUMES_RE.match(text)
    if not match or not walk.draft or not walk.draft.number:
        return False
    numbers = [int(loc[5:]) for loc, kind, _, _ in walk.pending if kind == "report_paragraph" and loc[5:].isdigit()]
    if numbers and int(match[1]) == max(numbers) + 1:
        walk.draft = None
        return True
    return False


def _take_draft_block(walk: _Walk, draft: _Draft, text: str) -> None:
    prefix, section = draft.prefix, draft.section
    if ASSEMBLY_RE.match(text):
        return
    if not draft.title and draft.preambular == 0 and not draft.op:
        if text.startswith("[") or (not draft.number and not RESOLUTION_TITLE_RE.match(text)):
            walk.header.append(text)
            return
        title = RESOLUTION_TITLE_RE.match(text)
        if title or not strip_markers(text).rstrip().endswith((".", ",", ";", ":")):  # a title ends in no punctuation
            draft.title = strip_markers(title[1] if title else text)
            if title:
                walk.header.append(text)  # "99/12. Title" stays citable on the cover page
            return
    if not draft.number and (draft.closed or ADOPTION_START_RE.match(text)):
        _take_adoption_block(walk, draft, text)
        return
    sub, top, letter = SUB_OP_RE.match(text), OP_RE.match(text), LETTERED_RE.match(text)
    if sub:
        walk.pending.append((f"{prefix}OP-{sub[1]}.{sub[2]}", "operative", text, section))
    elif top:
        draft.op = top[1]
        walk.pending.append((f"{prefix}OP-{top[1]}", "operative", text, section))
    elif letter and draft.op:
        walk.pending.append((f"{prefix}OP-{draft.op}({letter[1]})", "operative", text, section))
    elif not draft.op:
        draft.preambular += 1
        walk.pending.append((f"{prefix}PP-{draft.preambular}", "preambular", text, section))
    else:
        _extend_last(walk, text)


def _take_adoption_block(walk: _Walk, draft: _Draft, text: str) -> None:
    """The close of a resolution (meeting, date, bracketed vote) is one unit, ``adoption``."""
    if not draft.closed:
        draft.closed = True
        walk.pending.append(("adoption", "adoption", text, "Adoption"))
    else:
        _extend_last(walk, text)


def _extend_last(walk: _Walk, text: str) -> None:
    locator, kind, body, section = walk.pending[-1]
    walk.pending[-1] = (locator, kind, f"{body}\n{text}", section)


def _assemble(symbol: str, walk: _Walk, footnotes: list[FootnoteText]) -> tuple[Unit, ...]:
    return assemble_rows(symbol, walk.header, walk.pending, footnotes, walk.part_of_block, walk.rows_at_block)


def assemble_rows(
    symbol: str, header: list[str], pending: list[tuple[str, UnitKind, str, str]], footnotes: list[FootnoteText],
    part_of_block: dict[int, str], rows_at_block: dict[int, int] | None = None,
) -> tuple[Unit, ...]:
    """Units from (locator, kind, text, section) rows: the cover page first, then the rows, then the footnotes.

    A footnote belongs to the part ('DR-I', 'DD-I', '' for the report) of the last row before it that
    carries its marker (``rows_at_block``: rows taken when each block was read), since its text stands
    where the page ended, which may be in the next draft; with no such row, to the part of the block it
    follows (``part_of_block``). Markers and the words before them link both ways.

    Raises:
        StructureError: if a locator repeats.
    """
    cites: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    rows: list[tuple[str, UnitKind, str, str, tuple[str, ...]]] = []
    if header:
        rows.append(("header", "header", "\n".join(header), "", ()))
    for locator, kind, body, section in pending:
        draft = _part_of(locator)
        fns = tuple(dict.fromkeys(_footnote_locator(draft, n) for n in marker_numbers(body)))
        for fn in fns:
            cites.setdefault(fn, []).append(locator)
        for number, before in marker_words(body):
            words.setdefault(_footnote_locator(draft, number), []).append(before)
        rows.append((locator, kind, strip_markers(body), section, fns))
    for note in footnotes:
        draft = _marker_part(pending[: (rows_at_block or {}).get(note.after_block, 0)], note.number)
        draft = draft if draft is not None else part_of_block.get(note.after_block, "") or None
        locator = _footnote_locator(draft, note.number)
        rows.append((locator, "footnote", note.text, _draft_section(draft) if draft else "Footnotes", ()))
    _check_unique([r[0] for r in rows])
    return tuple(
        Unit(
            symbol=symbol, locator=loc, kind=kind, text=text, section=sec, draft=draft_of(loc), decision=decision_of(loc),
            footnotes=fns, cited_by=tuple(cites.get(loc, ())) if kind == "footnote" else (),
            marker_words=tuple(words.get(loc, ())) if kind == "footnote" else (), order=i,
        )
        for i, (loc, kind, text, sec, fns) in enumerate(rows)
    )


def _marker_part(rows: list[tuple[str, UnitKind, str, str]], number: int) -> str | None:
    """The part of the last row carrying footnote marker ``number``: 'DR-I', or '' for the report; None when no row does."""
    for locator, _, body, _ in reversed(rows):
        if number in marker_numbers(body):
            return _part_of(locator) or ""
    return None


def _part_of(locator: str) -> str | None:
    """'DR-I' / 'DD-I' for a locator inside a draft, else None (the report, a resolution)."""
    head, dot, _ = locator.partition(".")
    return head if dot and head.startswith(("DR-", "DD-")) else None


def _draft_section(part: str) -> str:
    """'DR-II' → 'Draft resolution II'; 'DD-I' → 'Draft decision I'."""
    return f"Draft {'resolution' if part.startswith('DR-') else 'decision'} {part[3:]}"


def _footnote_locator(part: str | None, number: int) -> str:
    """'DR-I.fn-2' for footnote 2 inside draft resolution I ('DD-I.fn-2' in a decision), 'fn-2' elsewhere."""
    return f"{part}.fn-{number}" if part else f"fn-{number}"


def _check_unique(locators: list[str]) -> None:
    seen: set[str] = set()
    for locator in locators:
        if locator in seen:
            raise StructureError(f"duplicate locator {locator!r}: two units claim the same paragraph number")
        seen.add(locator)
