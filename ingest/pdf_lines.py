"""One PDF page → its printed lines in reading order, from pdfplumber's characters.

Positions are in PDF points (1/72 inch) with the origin at the top left of the page, as
pdfplumber gives them. A *line* here is a run of characters on one baseline, in one column,
without a wide gap: the masthead's "United Nations … A/73/505" row is two lines, and so is
"In favour:" followed by its list at a tab stop. Superscript digits (smaller and raised) become
Unicode superscripts glued to the character before them, as ``ingest.layout`` expects.
"""

from __future__ import annotations

from collections import Counter
from statistics import median
from typing import Any, NamedTuple

from ingest.layout import SUPERSCRIPTS

Char = dict[str, Any]
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)
SUPERSCRIPT_SIZE = 0.85  # a superscript is at most this fraction of its line's font size …
SUPERSCRIPT_RAISE = 0.15  # … and its foot at least this fraction of it above the line's foot
WORD_GAP = 0.15  # a gap wider than this fraction of the font size is a space
WIDE_GAP = 2.0  # a gap wider than this many font sizes (and several word gaps) separates two lines
MARKER_PUNCTUATION = ",*†‡"  # may stand between raised marker digits ("¹,²")
ROW_HEIGHT = 0.75  # a line's letters reach this many font sizes above its baseline
SPAN_GAP = 1.5  # chars closer than this many font sizes belong to one span when looking for a gutter


class PrintedLine(NamedTuple):
    """One printed line; positions in points from the page's top left corner.

    ``column`` is 0 for a line across the whole text width, 1 and 2 for the left and right
    column of a two-column page. ``baseline`` is the foot of its full-size characters, ``size``
    their font size (pt). ``text`` has superscript digits for footnote markers, whose numbers
    are also in ``markers`` (in order). ``first_word`` is the width (pt) of its first word.
    """

    page: int
    column: int
    x0: float
    x1: float
    top: float
    baseline: float
    size: float
    bold: bool
    text: str
    first_word: float
    markers: tuple[int, ...]


def page_lines(page_chars: list[Char], width: float, index: int) -> list[PrintedLine]:
    """The printed lines of one page, in reading order (column by column).

    Args:
        page_chars: the page's characters as pdfplumber gives them (``page.chars``); a glyph printed
            twice in the same place (fake bold) counts once.
        width: the page width (pt).
        index: its 0-based page number, copied into each line.

    Returns:
        Lines top to bottom; on a two-column page, each stretch between full-width lines is
        read left column first, then right column.
    """
    seen: set[tuple[str, float, float]] = set()
    chars = []
    for char in page_chars:
        key = (char["text"], round(float(char["x0"]), 1), round(float(char["top"]), 1))
        if char.get("upright", True) and char["text"].strip() and key not in seen:
            seen.add(key)
            chars.append(char)
    if not chars:
        return []
    groups = _merge_raised(_baseline_groups(chars))
    gutter = _gutter(groups, width)
    pieces: list[tuple[int, list[Char]]] = []
    for group in groups:
        pieces.extend(_columns(group, gutter))
    lines = [_line(seg, index, column) for column, chars_ in pieces for seg in _segments(chars_)]
    return _reading_order(lines) if gutter else _by_rows(lines)


def _baseline_groups(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped by text baseline (the text matrix's y, which ignores text rise)."""
    rows: dict[float, list[Char]] = {}
    for char in chars:
        rows.setdefault(round(float(char["matrix"][5]) * 2) / 2, []).append(char)
    keys = sorted(rows, reverse=True)
    groups: list[list[Char]] = []
    last: float | None = None
    for key in keys:  # baselines within 1 pt are one row (rounding, slightly shifted glyphs)
        if last is not None and last - key <= 1.0:
            groups[-1].extend(rows[key])
        else:
            groups.append(list(rows[key]))
        last = key
    return [sorted(g, key=lambda c: c["x0"]) for g in groups]


def _main_size(chars: list[Char]) -> float:
    sizes = Counter(round(float(c["size"]), 1) for c in chars)
    return max(sizes, key=lambda s: (sizes[s], s))


def _is_raised(char: Char, size: float, foot: float) -> bool:
    return float(char["size"]) <= SUPERSCRIPT_SIZE * size and float(char["bottom"]) < foot - SUPERSCRIPT_RAISE * size


def _foot(chars: list[Char], size: float) -> float:
    return median(float(c["bottom"]) for c in chars if abs(float(c["size"]) - size) < 0.5)


def _merge_raised(groups: list[list[Char]]) -> list[list[Char]]:
    """Fold a row of small raised characters (superscripts set by moving the baseline) into its line.

    Such a row sits just above its line, so it comes one (or, with two columns, two) rows before it.
    """
    merged = list(groups)
    for i in range(len(merged) - 2, -1, -1):
        for j in (i + 1, i + 2):
            if j < len(merged) and _superscripts_of(merged[i], merged[j]):
                merged[j] = sorted(merged[j] + merged[i], key=lambda c: c["x0"])
                del merged[i]
                break
    return merged


def _superscripts_of(small: list[Char], line: list[Char]) -> bool:
    """Whether ``small`` is a row of footnote markers (digits, smaller, raised) belonging to ``line``."""
    size = _main_size(line)
    if not all(float(c["size"]) <= SUPERSCRIPT_SIZE * size and (c["text"].isdigit() or c["text"] in MARKER_PUNCTUATION) for c in small):
        return False
    top = min(float(c["top"]) for c in line)
    foot = _foot(line, size)
    middle = median((float(c["top"]) + float(c["bottom"])) / 2 for c in small)
    inside = line[0]["x0"] - size <= small[0]["x0"] <= line[-1]["x1"] + size
    return inside and top - 0.5 <= middle < foot - SUPERSCRIPT_RAISE * size


def _spans(chars: list[Char]) -> list[tuple[float, float]]:
    """Horizontal extents of the runs of characters closer than ``SPAN_GAP`` font sizes."""
    spans: list[tuple[float, float]] = []
    for char in chars:
        x0, x1 = float(char["x0"]), float(char["x1"])
        if spans and x0 - spans[-1][1] < SPAN_GAP * float(char["size"]):
            spans[-1] = (spans[-1][0], max(spans[-1][1], x1))
        else:
            spans.append((x0, x1))
    return spans


def _gutter(groups: list[list[Char]], width: float) -> tuple[float, float] | None:
    """The empty vertical strip between two columns, if the page has two, as (x0, x1) in points.

    It is the widest strip in the middle two fifths of the page that at most one row in ten
    crosses (a full-width heading may), at least 6 pt wide, with text on both sides in three
    rows or more.
    """
    rows = [_spans(g) for g in groups if len(g) >= 5]
    if len(rows) < 6:
        return None
    allowed = max(1, len(rows) // 10)
    free = [x for x in range(int(0.3 * width), int(0.7 * width) + 1) if sum(any(a <= x <= b for a, b in row) for row in rows) <= allowed]
    runs: list[tuple[float, float]] = []
    for x in free:
        if runs and x - runs[-1][1] <= 1:
            runs[-1] = (runs[-1][0], x)
        else:
            runs.append((x, x))
    best = max(runs, key=lambda r: r[1] - r[0], default=None)
    if not best or best[1] - best[0] < 6:
        return None
    left = sum(any(b <= best[0] for _, b in row) for row in rows)
    right = sum(any(a >= best[1] for a, _ in row) for row in rows)
    return best if min(left, right) >= 3 else None


def _columns(group: list[Char], gutter: tuple[float, float] | None) -> list[tuple[int, list[Char]]]:
    """(column, chars) pieces of one row: the whole row (0) or its left (1) and right (2) parts."""
    if gutter is None:
        return [(0, group)]
    middle = (gutter[0] + gutter[1]) / 2
    if any(a < middle < b for a, b in _spans(group)):
        return [(0, group)]
    left = [c for c in group if float(c["x1"]) <= middle]
    right = [c for c in group if float(c["x1"]) > middle]
    return [(n, part) for n, part in ((1, left), (2, right)) if part]


def _segments(chars: list[Char]) -> list[list[Char]]:
    """Split a row where one gap is much wider than a word space (a tab stop or a masthead cell)."""
    size = _main_size(chars)
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in zip(chars, chars[1:], strict=False)]
    spaces = [g for g in gaps if g > WORD_GAP * size]
    cut = max(WIDE_GAP * size, 3 * min(spaces, default=0.0))  # justified lines stretch every space alike
    segments, current = [], [chars[0]]
    for gap, char in zip(gaps, chars[1:], strict=False):
        if gap > cut:
            segments.append(current)
            current = []
        current.append(char)
    return [*segments, current]


def _line(chars: list[Char], page: int, column: int) -> PrintedLine:
    size = _main_size(chars)
    foot = _foot(chars, size)
    text, markers, first_word, previous = "", [], 0.0, None
    for char in chars:
        raised = char["text"].isdigit() and _is_raised(char, size, foot)
        if previous is not None and not raised and float(char["x0"]) - float(previous["x1"]) > WORD_GAP * size:
            text += " "
            first_word = first_word or float(previous["x1"]) - float(chars[0]["x0"])
        if raised:
            text = text.rstrip()
            if not (text and text[-1] in SUPERSCRIPTS):
                markers.append("")
            markers[-1] += char["text"]
        text += char["text"].translate(_TO_SUPERSCRIPT) if raised else char["text"]
        previous = char
    full = [c for c in chars if abs(float(c["size"]) - size) < 0.5]
    bold = sum("bold" in str(c["fontname"]).lower() for c in full) * 2 > len(full)
    return PrintedLine(
        page=page, column=column, x0=float(chars[0]["x0"]), x1=float(chars[-1]["x1"]),
        top=min(float(c["top"]) for c in chars), baseline=foot, size=size, bold=bold, text=text,
        first_word=first_word or float(chars[-1]["x1"]) - float(chars[0]["x0"]), markers=tuple(int(m) for m in markers),
    )


def _by_rows(lines: list[PrintedLine]) -> list[PrintedLine]:
    """Lines top to bottom, a row at a time, each row left to right.

    Lines first form *stacks*: consecutive lines at the same left edge, size and line pitch (a
    wrapped paragraph's lines, the masthead's "Distr.: General" / "19 November 2018"). A row is a
    run of stacks whose letters (baseline up to ``ROW_HEIGHT`` font sizes above it) overlap in
    height, so the masthead's "General Assembly" (24 pt) comes before the date lines set beside it
    in 10 pt, as it reads.
    """
    stacks: list[list[PrintedLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.baseline, ln.x0)):
        last = stacks[-1][-1] if stacks else None
        if last and abs(last.x0 - line.x0) <= 1 and last.size == line.size and 0 < line.baseline - last.baseline <= 1.5 * line.size:
            stacks[-1].append(line)
        else:
            stacks.append([line])
    rows: list[list[list[PrintedLine]]] = []
    reach = float("-inf")
    for stack in sorted(stacks, key=lambda st: (st[0].baseline - ROW_HEIGHT * st[0].size, st[0].x0)):
        if rows and stack[0].baseline - ROW_HEIGHT * stack[0].size < reach:
            rows[-1].append(stack)
            reach = max(reach, stack[-1].baseline)
        else:
            rows.append([stack])
            reach = stack[-1].baseline
    return [line for row in rows for stack in sorted(row, key=lambda st: round(st[0].x0)) for line in stack]


def _reading_order(lines: list[PrintedLine]) -> list[PrintedLine]:
    """Two-column order: full-width lines cut the page into stretches, each read left then right."""
    ordered: list[PrintedLine] = []
    stretch: list[PrintedLine] = []
    for line in sorted(lines, key=lambda ln: (round(ln.baseline), ln.x0)):
        if line.column == 0:
            ordered.extend(sorted(stretch, key=lambda ln: (ln.column, round(ln.baseline), ln.x0)))
            ordered.append(line)
            stretch = []
        else:
            stretch.append(line)
    ordered.extend(sorted(stretch, key=lambda ln: (ln.column, round(ln.baseline), ln.x0)))
    return ordered
