"""Raw document text → clean text blocks in reading order, with footnotes taken out.

Documents arrive as text converted from the printed page: page breaks split paragraphs
and voting lists, footnote text sits wherever the page ended, links come as
``[A/C.1/73/L.27/Rev.1](#)`` and emphasis as ``*Welcomes*``. This module undoes that
and nothing else; what the blocks mean is ``ingest.structure``'s job.
"""

from __future__ import annotations

import re
from typing import NamedTuple

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
MARKER_RE = re.compile(f"[{SUPERSCRIPTS}]+")
_FOOTNOTE_RE = re.compile(rf"^(?P<num>[{SUPERSCRIPTS}]+|\d+)\s+(?=\S)")
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_EMPHASIS_RE = re.compile(r"(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1")
_END_PUNCT = ".:;!?"
MARKER_WORDS = 10  # words before a footnote marker kept as what the footnote is attached to
_ITEM_START_RE = re.compile(r"\n(?=(?:- )?(?:\d+(?:\.\d+)*\.|\([a-z]\))\s)")
_BULLET_RE = re.compile(r"^- (?=\([a-z]\)\s)")


class Block(NamedTuple):
    """A paragraph-like run of text, page breaks rejoined.

    ``text`` keeps its footnote markers (superscript digits); ``position`` is its
    0-based position in the block stream. (Not ``index``: that name would shadow
    ``tuple.index``.)
    """

    position: int
    text: str


class FootnoteText(NamedTuple):
    """A footnote's text as found at a page foot.

    ``number`` is the footnote number; ``after_block`` the position of the block that
    precedes it in the stream (the footnote belongs to that block's part of the document).
    """

    number: int
    text: str
    after_block: int


def clean_inline(text: str) -> str:
    """Remove link artefacts and emphasis marks: ``[X](#)`` → ``X``, ``*X*`` → ``X``."""
    text = _LINK_RE.sub(r"\1", text)
    return _EMPHASIS_RE.sub(r"\2", text)


def strip_markers(text: str) -> str:
    """Remove superscript footnote markers from text."""
    return MARKER_RE.sub("", text)


def marker_words(text: str, words: int = MARKER_WORDS) -> list[tuple[int, str]]:
    """(footnote number, the words its marker follows) for each marker in ``text``, in order.

    The words run back at most ``words`` words, and never past the previous marker: in
    "in its 2013³ and 2015² reports" footnote 3 follows "… in its 2013" and footnote 2 "and 2015".
    Markers are removed from the words and trailing punctuation is dropped.
    """
    found, start = [], 0
    for match in MARKER_RE.finditer(text):
        before = text[start:match.start()].split()[-words:]
        found.append((int(match.group().translate(_SUP_TO_DIGIT)), " ".join(before).rstrip(",;:.")))
        start = match.end()
    return found


def marker_numbers(text: str) -> list[int]:
    """The footnote numbers whose superscript markers appear in ``text``, in order."""
    return [int(m.group().translate(_SUP_TO_DIGIT)) for m in MARKER_RE.finditer(text)]


def split_blocks(raw: str) -> tuple[list[Block], list[FootnoteText]]:
    """Split raw text into clean blocks and footnotes.

    Blank lines separate blocks. A block that starts with a superscript number is a
    footnote and leaves the flow. A block is joined to the one before it when that one
    does not end a sentence and either a footnote stood between them (a page foot) or
    the block starts in lower case (a page break with no footnote).

    Returns:
        (blocks in reading order, footnotes in order of appearance).
    """
    blocks: list[Block] = []
    footnotes: list[FootnoteText] = []
    page_foot = False
    for chunk in _chunks(raw):
        text = clean_inline(chunk)
        if not text:
            continue
        footnote = _FOOTNOTE_RE.match(text)
        if footnote and footnote["num"][0] in SUPERSCRIPTS:
            number = int(footnote["num"].translate(_SUP_TO_DIGIT))
            footnotes.append(FootnoteText(number, text[footnote.end():].strip(), len(blocks) - 1))
            page_foot = True
            continue
        if blocks and _continues(blocks[-1].text, text, page_foot):
            blocks[-1] = Block(blocks[-1].position, f"{blocks[-1].text} {text}")
        else:
            blocks.append(Block(len(blocks), text))
        page_foot = False
    return blocks, footnotes


def _chunks(raw: str) -> list[str]:
    """Blank-line separated chunks, further split where a line starts a numbered or lettered item."""
    chunks = []
    for chunk in re.split(r"\n\s*\n", raw.replace("\r\n", "\n")):
        for part in _ITEM_START_RE.split(chunk.strip()):
            if part.strip():
                chunks.append(_BULLET_RE.sub("", part.strip()))
    return chunks


def _continues(previous: str, text: str, page_foot: bool) -> bool:
    last = strip_markers(previous).rstrip()[-1:]
    if not last or last in _END_PUNCT:
        return False
    return page_foot or text[0].islower()
