"""A UN document as the Official Document System prints it (PDF) → text in the parser's layout.

Steps: printed lines per page (``ingest.pdf_lines``: pdfplumber characters with their positions,
sizes and fonts; superscript markers; columns); page furniture out (running header and footer,
job number, bar code, "Please recycle": lines in the top or bottom tenth of the page that repeat
across pages, or share the job number with lines that do, or sit below them, or have a UN
furniture shape); footnotes taken from the page foot (below the short rule, or the smaller
numbered lines at the bottom), a footnote continued on the next page joined to its start; the
remaining lines rejoined into paragraphs; each footnote placed after the paragraph that carries
its marker (``ingest.source_text.compose``).

Libraries compared, measured on tests/data/formats/N1839473.pdf (A/73/505, 9 pages, 31 footnote
markers, 12 footnotes, 2 paragraphs cut by a page end, 10 words broken at a line end and 6 real
hyphens there, "Guinea-/Bissau" among them) and the two-column page of
tests/ingest/test_pdf_reader.py, taking each library's plain text: pypdf's
``extract_text(extraction_mode="layout")`` gives markers as ordinary digits on a line of their own
above the word (0 of 31 recognisable), keeps the page foot (footnotes, "2/9  18-19826", job number,
bar code, "Please recycle": 11 furniture strings) in the middle of both cut paragraphs, leaves all
16 line-end hyphens as "informa- tion" (10 of them wrong), and prints two columns side by side,
line by line. pdfminer.six's
``extract_text`` glues markers to their word as ordinary digits ("before it,1 on", indistinguishable
from numbers), has the same page-foot, furniture and hyphen faults, but reads the columns in order
(its layout analysis), leaving a paragraph cut by the column break in two. pdfplumber's
``extract_text`` is like pdfminer.six for markers, feet, furniture and hyphens and interleaves the
two columns row by row. None of the three separates footnotes or furniture. What decides is that
pdfplumber exposes each character's position, size and font (pdfminer.six's ``LTChar``, in page
coordinates) and the page's rules: this module reads those and gets 31 of 31 markers, 12 footnotes
(the continued one whole), no furniture, 16 of 16 line-end hyphens right (``ingest.hyphenation``) and
both columns in order, in about 0.3 s a page.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

from ingest.hyphenation import join_broken, vocabulary
from ingest.layout import SUPERSCRIPTS
from ingest.parse import SYMBOL_RE, ParseError
from ingest.pdf_lines import ROW_HEIGHT, PrintedLine, page_lines
from ingest.source_text import VOTE_LABEL_RE as LABEL_RE
from ingest.source_text import Note, SourceText, compose, split_vote_label

BAND = 0.1  # running headers and footers sit in this fraction of the page height, top and bottom
PARA_GAP = 1.5  # baselines further apart than this many font sizes: a new paragraph
FURNITURE_PATTERNS = (  # page furniture by its shape, for documents too short to show repetition
    re.compile(r"^\d{1,4}/\d{1,4}$"),  # page counter: "2/10"
    re.compile(r"^\*[0-9A-Z]{5,}\*$"),  # bar code rendered as text: "*1819826*"
    re.compile(r"^\d{2}-\d{5}\b"),  # job number with language and date codes: "18-19826 (E)    201118"
    re.compile(r"^Please recycle\b"),
)
_LABEL = r"(?:\d{1,3}(?:\.\d{1,3})*\.|\((?:[a-z]|[ivx]{1,5})\)|[IVX]{1,5}\.|[A-H]\.)"  # "1.", "1.6.", "(a)", "(iv)", "II.", "B."
ITEM_RE = re.compile(rf"^{_LABEL}\s")  # a line that starts a numbered or lettered paragraph or heading
BARE_LABEL_RE = re.compile(_LABEL)  # a label alone, its text at a tab stop on the same row
HEADING_LINKS = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})
_NOTE_START_RE = re.compile(rf"^(?P<sup>[{SUPERSCRIPTS}]+)\s*(?=\S)|^(?P<num>\d{{1,3}})\s+(?=\S)")
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
_DIGIT_TOKEN_RE = re.compile(r"\d[\d-]{4,}\d")


class _Page(NamedTuple):
    """One page's printed lines, the y (pt from the top) of any short rules, and its height (pt)."""

    lines: list[PrintedLine]
    rules: list[float]
    height: float


class _Para(NamedTuple):
    """A paragraph being built: its text, the (marker number, page) pairs it carries, its pages (0-based)."""

    text: str
    markers: set[tuple[int, int]]
    pages: set[int]


class _RawNote(NamedTuple):
    page: int
    number: int
    lines: list[PrintedLine]


def read_pdf(path: Path) -> SourceText:
    """Read a UN PDF into the parser's text layout, with the symbol from its masthead.

    Returns:
        ``SourceText``: blocks separated by blank lines, footnotes as "³ text" blocks after the
        paragraph carrying marker ³; ``symbol`` from page 1's masthead or the running header.

    Raises:
        ParseError: naming the file, if it is not a readable PDF or has no text (a scan).
    """
    pages = _load(path)
    if not any(page.lines for page in pages):
        raise ParseError(f"{path.name}: the PDF has no extractable text (a scan needs OCR first)")
    furniture, symbol = _furniture(pages)
    body: list[PrintedLine] = []
    foot: list[list[PrintedLine]] = []
    for p, page in enumerate(pages):
        kept = [line for i, line in enumerate(page.lines) if (p, i) not in furniture]
        page_body, page_foot = _split_foot(kept, page)
        body.extend(page_body)
        foot.append(page_foot)
    words = vocabulary(line.text for line in body + [ln for f in foot for ln in f])
    raw_notes, orphans = _notes(foot)
    for orphan in orphans:  # foot lines of no footnote go back to the end of their page's text
        body.insert(sum(line.page <= orphan.page for line in body), orphan)
    paragraphs = _paragraphs(body, words)
    taken: set[tuple[int, int]] = set()
    notes = [Note(n.number, _join_lines(n.lines, words), _anchor(paragraphs, n, taken)) for n in raw_notes]
    return SourceText(compose([p.text for p in paragraphs], notes), symbol)


def _load(path: Path) -> list[_Page]:
    """Each page's printed lines, footnote-rule candidates and height.

    Raises:
        ParseError: naming the file, if pdfplumber (pdfminer.six) cannot read it.
    """
    import pdfplumber

    try:
        with pdfplumber.open(str(path)) as pdf:
            raw = [
                (page.chars, list(page.lines) + list(page.rects), float(page.width), float(page.height))
                for page in pdf.pages
            ]
    except Exception as error:  # pdfminer.six raises many types, some bare Exceptions, for damaged files
        raise ParseError(f"{path.name}: not a readable PDF ({type(error).__name__}: {error})") from error
    return [
        _Page(page_lines(chars, width, i), _rules(shapes, width, height), height)
        for i, (chars, shapes, width, height) in enumerate(raw)
    ]


def _rules(shapes: list[dict[str, Any]], width: float, height: float) -> list[float]:
    """Tops (pt) of the short horizontal rules in the lower part of a page (the footnote separator).

    Args:
        shapes: pdfplumber line and rect objects of the page.
        width: page width (pt).
        height: page height (pt).
    """
    return sorted(
        float(s["top"]) for s in shapes
        if float(s["height"]) <= 2 and 20 <= float(s["width"]) < 0.5 * width and float(s["top"]) > 0.4 * height
    )


def _in_band(line: PrintedLine, height: float) -> str:
    if line.baseline < BAND * height:
        return "top"
    if line.top > (1 - BAND) * height:
        return "bottom"
    return ""


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _furniture(pages: list[_Page]) -> tuple[set[tuple[int, int]], str | None]:
    """Page furniture as (page, line index) pairs, and the document symbol it shows.

    A line in the top or bottom band without footnote markers is furniture if it has a digit and
    its shape (digits as '#') recurs at the same height on another page ("2/10  18-19826"), if it
    holds a long digit token found in the bands of two pages or more (the job number:
    "18-19826 (E) 201118", "*1819826*"), if it has a furniture shape (``FURNITURE_PATTERNS``) or
    is the symbol alone; so is a bottom-band line at or below the highest furniture line of its
    page ("Please recycle" beside the bar code).
    """
    banded = [
        (p, i, line) for p, page in enumerate(pages) for i, line in enumerate(page.lines)
        if _in_band(line, page.height) and not line.markers
    ]
    shapes: dict[tuple[str, int], set[int]] = {}
    tokens: dict[str, set[int]] = {}
    for p, _, line in banded:
        shapes.setdefault((_shape(line.text), round(line.baseline)), set()).add(p)
        for token in _digit_tokens(line.text):
            tokens.setdefault(token, set()).add(p)
    repeated = {t for t, ps in tokens.items() if len(ps) > 1}
    symbol = next((ln.text.strip() for _, _, ln in banded if SYMBOL_RE.fullmatch(ln.text.strip())), None)
    furniture = set()
    for p, i, line in banded:
        text = line.text.strip()
        if (
            (any(ch.isdigit() for ch in text) and len(shapes[(_shape(text), round(line.baseline))]) > 1)
            or _digit_tokens(text) & repeated
            or any(pattern.search(text) for pattern in FURNITURE_PATTERNS)
            or text == symbol
        ):
            furniture.add((p, i))
    return furniture | _below_furniture(pages, furniture) | _symbol_row(pages, furniture, symbol), symbol


def _symbol_row(pages: list[_Page], furniture: set[tuple[int, int]], symbol: str | None) -> set[tuple[int, int]]:
    """Top-band lines on the same row as the symbol ("United Nations" by the emblem on page 1).

    That is the masthead's top row, which a Word file keeps in its page header, not in the text.
    """
    row = set()
    for p, page in enumerate(pages):
        marks = [ln for i, ln in enumerate(page.lines) if (p, i) in furniture and ln.text.strip() == symbol]
        for i, line in enumerate(page.lines):
            if _in_band(line, page.height) == "top" and any(abs(line.baseline - m.baseline) < ROW_HEIGHT * m.size for m in marks):
                row.add((p, i))
    return row


def _digit_tokens(text: str) -> set[str]:
    """Long digit runs, hyphens and bar-code stars dropped: '18-19826' and '*1819826*' → {'1819826'}."""
    return {re.sub(r"\D", "", t) for t in _DIGIT_TOKEN_RE.findall(text.replace("*", ""))}


def _below_furniture(pages: list[_Page], furniture: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Bottom-band lines at or below the highest furniture line of their page's bottom band."""
    more = set()
    for p, page in enumerate(pages):
        tops = [ln.top for i, ln in enumerate(page.lines) if (p, i) in furniture and _in_band(ln, page.height) == "bottom"]
        if tops:
            more |= {(p, i) for i, ln in enumerate(page.lines) if _in_band(ln, page.height) == "bottom" and ln.baseline >= min(tops)}
    return more


def _split_foot(lines: list[PrintedLine], page: _Page) -> tuple[list[PrintedLine], list[PrintedLine]]:
    """(body lines, footnote lines) of one page, furniture already removed.

    The foot is what lies below the footnote rule, when all of it is in a smaller font than the
    text above; without a rule, the trailing lines in a smaller font, the first of them numbered.
    """
    if not lines:
        return [], []
    body_size = _body_size(lines)
    for rule in page.rules:
        below = [ln for ln in lines if ln.top > rule]
        if below and all(ln.size < body_size - 0.5 for ln in below):
            return [ln for ln in lines if ln.top <= rule], sorted(below, key=lambda ln: (ln.baseline, ln.x0))
    ordered = sorted(lines, key=lambda ln: (ln.baseline, ln.x0))
    start = len(ordered)
    while start > 0 and ordered[start - 1].size < body_size - 0.5:
        start -= 1
    numbered = [i for i in range(start, len(ordered)) if _NOTE_START_RE.match(ordered[i].text)]
    if not numbered:
        return lines, []
    foot = ordered[numbered[0]:]
    return [ln for ln in lines if ln not in foot], foot


def _body_size(lines: list[PrintedLine]) -> float:
    """The font size (pt) that most of the text is set in, weighted by characters."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return max(sizes, key=lambda s: sizes[s])


def _notes(feet: list[list[PrintedLine]]) -> tuple[list[_RawNote], list[PrintedLine]]:
    """Footnotes from the page feet, in order, and foot lines that belong to no footnote.

    A line opens a footnote if it starts with superscript digits, or with plain digits that are
    1 or the next number; any other line continues the footnote before it, across a page break.
    """
    notes: list[_RawNote] = []
    orphans: list[PrintedLine] = []
    for page, lines in enumerate(feet):
        for line in lines:
            start = _NOTE_START_RE.match(line.text)
            number = int((start["sup"] or start["num"]).translate(_SUP_TO_DIGIT)) if start else None
            if start and (start["sup"] or not notes or number in (1, notes[-1].number + 1)):
                rest = line._replace(text=line.text[start.end():], markers=line.markers[1:] if start["sup"] else line.markers)
                notes.append(_RawNote(page, number or 0, [rest]))
            elif notes:
                notes[-1].lines.append(line)
            else:
                orphans.append(line)
    return notes, orphans


def _anchor(paragraphs: list[_Para], note: _RawNote, taken: set[tuple[int, int]]) -> int:
    """Index of the paragraph carrying the note's marker on its page (or the page before).

    Without one, the last paragraph that has text from that page or an earlier one. ``taken``
    holds (paragraph, number) pairs already given a note, so that two notes numbered alike on one
    page (numbering restarted in a new draft) go to two paragraphs; it is updated.
    """
    for page in (note.page, note.page - 1):
        for i, paragraph in enumerate(paragraphs):
            if (note.number, page) in paragraph.markers and (i, note.number) not in taken:
                taken.add((i, note.number))
                return i
    before = [i for i, para in enumerate(paragraphs) if min(para.pages) <= note.page]
    return before[-1] if before else len(paragraphs) - 1


def _paragraphs(lines: list[PrintedLine], words: Counter[str]) -> list[_Para]:
    """Body lines rejoined into paragraphs; a vote label ("In favour:") is a paragraph of its own."""
    right = _right_edges(lines)
    paragraphs: list[_Para] = []
    previous: PrintedLine | None = None
    for line in lines:
        marks = {(m, line.page) for m in line.markers}
        if previous is not None and not _breaks(previous, line, right):
            last = paragraphs[-1]
            joined = join_broken(last.text, line.text, words) if re.search(r"[^\W\d_]-$", last.text) else f"{last.text} {line.text}"
            paragraphs[-1] = _Para(joined, last.markers | marks, last.pages | {line.page})
        else:
            paragraphs.append(_Para(line.text, marks, {line.page}))
        previous = line
    return [_Para(part, para.markers, para.pages) for para in paragraphs for part in split_vote_label(para.text)]


def _right_edges(lines: list[PrintedLine]) -> dict[int, float]:
    """Right edge (pt) of the text in each column kind: near the largest line end."""
    ends: dict[int, list[float]] = {}
    for line in lines:
        ends.setdefault(line.column, []).append(line.x1)
    return {c: sorted(xs)[int(0.98 * (len(xs) - 1))] for c, xs in ends.items()}


def _breaks(a: PrintedLine, b: PrintedLine, right: dict[int, float]) -> bool:
    """Whether line ``b`` starts a new paragraph after line ``a``.

    It does when it starts a numbered or lettered item or a vote label, follows a vote label, sits
    on the same row as ``a`` (another cell), lies a paragraph gap below ``a``, changes font size or
    weight, or when its first word would have fitted at the end of ``a`` (so ``a`` ended short).
    A line that starts in lower case in the same style and spacing continues, wherever ``a`` ended;
    after a bold (heading) line, a capitalised line continues only if ``a`` ended mid-phrase.
    """
    if ITEM_RE.match(b.text) or LABEL_RE.match(b.text) or LABEL_RE.fullmatch(a.text.strip()):
        return True
    same_place = a.page == b.page and a.column == b.column
    step = b.baseline - a.baseline
    if same_place and abs(step) < ROW_HEIGHT * max(a.size, b.size) and b.x0 > a.x1 and BARE_LABEL_RE.fullmatch(a.text):
        return False  # "A." at the margin, its heading at the indent
    if same_place and (step < ROW_HEIGHT * max(a.size, b.size) or step > PARA_GAP * max(a.size, b.size)):
        return True
    same_style = abs(a.size - b.size) <= 0.5 and a.bold == b.bold
    if not same_style:
        return True
    if b.text[:1].islower() or re.search(r"[^\W\d_]-$", a.text):
        return False
    if a.bold:  # a heading line wraps mid-phrase ("… of the" / "United Nations …") or not at all
        return not (a.text.rstrip().endswith(",") or a.text.split()[-1].lower() in HEADING_LINKS)
    return a.x1 + 0.3 * a.size + b.first_word <= right.get(a.column, a.x1) + 0.5


def _join_lines(lines: list[PrintedLine], words: Counter[str]) -> str:
    """The lines of one footnote as one text, line-end hyphens resolved."""
    text = ""
    for line in lines:
        piece = line.text.strip()
        if not text:
            text = piece
        elif re.search(r"[^\W\d_]-$", text):
            text = join_broken(text, piece, words)
        else:
            text = f"{text} {piece}"
    return text
