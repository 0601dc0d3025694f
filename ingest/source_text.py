"""What a format reader returns, and how readers lay paragraphs and footnotes out as text.

The text follows the conventions of ``corpus/A_73_505.txt`` that ``ingest.layout.split_blocks``
reads: blocks separated by blank lines, one logical paragraph per block, footnote markers as
superscript digits glued to the word they follow, and each footnote as a block of its own
("³ Subsequently the delegation …") after the paragraph that carries its marker.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ingest.layout import SUPERSCRIPTS, strip_markers

_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)
_SENTENCE_END = ".:;!?"
VOTE_LABEL_RE = re.compile(r"^(?:In favour|Against|Abstaining):")
_PART_START_RE = re.compile(r"^(?:Draft (?:resolution|decision)\b|Resolution adopted by\b|[IVX]+\.\s)")


class SourceText(NamedTuple):
    """A document file's text, in the layout the parser reads, and the symbol its format shows.

    ``symbol`` is the document's own symbol as printed in its masthead or running page header
    (PDF) or page header / first table (DOCX), e.g. 'A/73/505'; None for plain text and Markdown
    or when the format shows none.
    """

    text: str
    symbol: str | None


class Note(NamedTuple):
    """A footnote or endnote to lay out: its displayed number, its text, and where it goes.

    ``anchor`` is the index (in the paragraph list) of the paragraph that carries its marker,
    or of the last paragraph before the note when no paragraph carries it.
    """

    number: int
    text: str
    anchor: int


def superscript(number: int) -> str:
    """3 → '³', 12 → '¹²'."""
    return str(number).translate(_TO_SUPERSCRIPT)


def split_vote_label(text: str) -> list[str]:
    """A vote label and the list on its line as two blocks: 'In favour: Algeria, …' → ['In favour:', 'Algeria, …'].

    Returns:
        The blocks, in order; [] for empty text, [text] when there is nothing to split.
    """
    label = VOTE_LABEL_RE.match(text)
    if not text.strip():
        return []
    if not label or not text[label.end():].strip():
        return [text]
    return [label[0], text[label.end():].strip()]


def compose(paragraphs: list[str], notes: list[Note]) -> str:
    """Paragraphs and notes as text: blocks separated by blank lines, each note after its anchor.

    A note goes right after its anchor paragraph when that paragraph ends a sentence. When it does
    not (a preambular paragraph ends with a comma), the note goes after the next paragraph of the
    same part that does: ``split_blocks`` joins the block after a footnote to the block before it
    when that one does not end a sentence (its rule for a paragraph cut by a page foot), so a note
    after "… transmitted by the Secretary-General,¹" would glue the next preambular paragraph to it.

    Args:
        paragraphs: one logical paragraph each, markers as superscript digits.
        notes: in their order of appearance.

    Returns:
        The document text; ends with a newline.
    """
    if not paragraphs:
        return "\n\n".join(f"{superscript(n.number)} {n.text}" for n in notes) + "\n"
    after: dict[int, list[Note]] = {}
    for note in notes:
        after.setdefault(_landing(paragraphs, note.anchor), []).append(note)
    blocks: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        blocks.append(paragraph)
        blocks.extend(f"{superscript(n.number)} {n.text}" for n in after.get(i, ()))
    return "\n\n".join(blocks) + "\n"


def _landing(paragraphs: list[str], anchor: int) -> int:
    """The paragraph after which a note anchored at ``anchor`` is placed (see ``compose``)."""
    anchor = max(0, min(anchor, len(paragraphs) - 1))
    for i in range(anchor, len(paragraphs)):
        last = strip_markers(paragraphs[i]).rstrip()[-1:]
        if last and last in _SENTENCE_END:
            return i
        if i + 1 < len(paragraphs) and _PART_START_RE.match(paragraphs[i + 1]):
            break
    return anchor
