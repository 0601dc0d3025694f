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

from ingest.citations import draft_of
from ingest.layout import Block, FootnoteText, marker_numbers, marker_words, strip_markers
from ingest.records import Unit, UnitKind

SECTION_RE = re.compile(r"^(?:[IVX]+|[A-H])\.\s+\S")
REPORT_PARA_RE = re.compile(r"^(\d+)\.\s+\S")
DRAFT_HEADING_RE = re.compile(r"^Draft (?:resolution|decision)(?: ([IVX]+)\b)?\s*(.*)$")
RESOLUTION_HEADING_RE = re.compile(r"^Resolution adopted by the General Assembly\b")
RESOLUTION_TITLE_RE = re.compile(r"^\d+/\d+\.\s+(.+)$")
ASSEMBLY_RE = re.compile(r"^The General Assembly,?$")
OP_RE = re.compile(r"^(\d+)\.\s+\S")
SUB_OP_RE = re.compile(r"^(\d+)\.(\d+)\.\s+\S")
LETTERED_RE = re.compile(r"^\(([a-z])\)\s+\S")
VOTE_LABEL_RE = re.compile(r"^(In favour|Against|Abstaining):$")


class StructureError(ValueError):
    """The text does not have the structure of a UN report of this family."""


@dataclass
class _Draft:
    number: str
    title: str = ""
    preambular: int = 0
    op: str = ""


@dataclass
class _Walk:
    """Mutable state of one walk over the blocks (local to ``build_units``)."""

    header: list[str] = field(default_factory=list)
    section: str = ""
    draft: _Draft | None = None
    drafts: list[_Draft] = field(default_factory=list)
    pending: list[tuple[str, UnitKind, str, str]] = field(default_factory=list)
    part_of_block: dict[int, str] = field(default_factory=dict)
    started: bool = False


@dataclass(frozen=True)
class Structure:
    """Units in reading order, with the draft titles found and the cover page lines."""

    units: tuple[Unit, ...]
    draft_titles: dict[str, str]
    header: tuple[str, ...]
    resolution_title: str = ""


def build_units(symbol: str, blocks: list[Block], footnotes: list[FootnoteText]) -> Structure:
    """Turn blocks and footnotes into units with locators, footnote links both ways.

    Raises:
        StructureError: if no report paragraph or draft is found, or a locator repeats.
    """
    walk = _Walk()
    for block in blocks:
        _take(walk, block)
        walk.part_of_block[block.position] = walk.draft.number if walk.draft else ""
    if not walk.pending:
        raise StructureError("no numbered paragraph or draft resolution found")
    return Structure(
        units=_assemble(symbol, walk, footnotes),
        draft_titles={d.number: d.title for d in walk.drafts if d.number},
        header=tuple(walk.header),
        resolution_title=next((d.title for d in walk.drafts if not d.number), ""),
    )


def _take(walk: _Walk, block: Block) -> None:
    text = block.text
    heading = DRAFT_HEADING_RE.match(text)
    if heading and not text.startswith("Draft resolution A/"):
        walk.draft = _Draft(heading[1] or "I", heading[2].strip())
        walk.drafts.append(walk.draft)
        walk.started = True
    elif RESOLUTION_HEADING_RE.match(text):
        walk.header.append(text)
        walk.draft, walk.started = _Draft(""), True
        walk.drafts.append(walk.draft)
    elif walk.draft is not None:
        _take_draft_block(walk, walk.draft, text)
    elif SECTION_RE.match(text) and not REPORT_PARA_RE.match(text):
        walk.section, walk.started = text, True
    elif REPORT_PARA_RE.match(text):
        number = REPORT_PARA_RE.match(text)[1]  # type: ignore[index]
        walk.pending.append((f"para-{number}", "report_paragraph", text, walk.section))
        walk.started = True
    elif walk.started and walk.pending:
        _extend_last(walk, text)
    else:
        walk.header.append(text)


def _take_draft_block(walk: _Walk, draft: _Draft, text: str) -> None:
    prefix = f"DR-{draft.number}." if draft.number else ""
    section = f"Draft resolution {draft.number}" if draft.number else "Resolution"
    if ASSEMBLY_RE.match(text):
        return
    if not draft.title and draft.preambular == 0 and not draft.op:
        if text.startswith("[") or (not draft.number and not RESOLUTION_TITLE_RE.match(text)):
            walk.header.append(text)
            return
        title = RESOLUTION_TITLE_RE.match(text)
        draft.title = strip_markers(title[1] if title else text)
        if title:
            walk.header.append(text)  # "99/12. Title" stays citable on the cover page
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


def _extend_last(walk: _Walk, text: str) -> None:
    locator, kind, body, section = walk.pending[-1]
    walk.pending[-1] = (locator, kind, f"{body}\n{text}", section)


def _assemble(symbol: str, walk: _Walk, footnotes: list[FootnoteText]) -> tuple[Unit, ...]:
    cites: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    rows: list[tuple[str, UnitKind, str, str, tuple[str, ...]]] = []
    if walk.header:
        rows.append(("header", "header", "\n".join(walk.header), "", ()))
    for locator, kind, body, section in walk.pending:
        draft = draft_of(locator)
        fns = tuple(dict.fromkeys(_footnote_locator(draft, n) for n in marker_numbers(body)))
        for fn in fns:
            cites.setdefault(fn, []).append(locator)
        for number, before in marker_words(body):
            words.setdefault(_footnote_locator(draft, number), []).append(before)
        rows.append((locator, kind, strip_markers(body), section, fns))
    for note in footnotes:
        draft = walk.part_of_block.get(note.after_block, "") or None
        locator = _footnote_locator(draft, note.number)
        rows.append((locator, "footnote", note.text, f"Draft resolution {draft}" if draft else "Footnotes", ()))
    _check_unique([r[0] for r in rows])
    return tuple(
        Unit(
            symbol=symbol, locator=loc, kind=kind, text=text, section=sec, draft=draft_of(loc),
            footnotes=fns, cited_by=tuple(cites.get(loc, ())) if kind == "footnote" else (),
            marker_words=tuple(words.get(loc, ())) if kind == "footnote" else (), order=i,
        )
        for i, (loc, kind, text, sec, fns) in enumerate(rows)
    )


def _footnote_locator(draft: str | None, number: int) -> str:
    return f"DR-{draft}.fn-{number}" if draft else f"fn-{number}"


def _check_unique(locators: list[str]) -> None:
    seen: set[str] = set()
    for locator in locators:
        if locator in seen:
            raise StructureError(f"duplicate locator {locator!r}: two units claim the same paragraph number")
        seen.add(locator)
