"""Bar charts of vote tallies as plain SVG (pure; no gradio here), honest by construction.

The y-axis always starts at zero and bar heights are proportional to the counts, so 11 votes
against are drawn 11/139 as tall as 139 in favour; each bar carries its value; the chart is an
image with an accessible name that states every count (``role="img"``, ``aria-label``). The
spec it is drawn from is kept on the element as JSON (``data-spec``) so a test can check the
axis and the values without reading pixels.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass

POSITION_COLORS = {"in favour": "#2e7d32", "against": "#c62828", "abstaining": "#f9a825", "not recorded": "#757575"}
_WIDTH, _HEIGHT = 420, 230
_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 8, 22, 42


@dataclass(frozen=True)
class Bar:
    """One bar: its label under the axis (may be two lines, split at ' ('), its position (colour) and count of States."""

    label: str
    position: str
    value: int


def axis_ticks(largest: int, most: int = 6) -> list[int]:
    """Ticks of the y-axis from 0: a step of 1, 2, 2.5 or 5 times a power of ten, at most ``most`` steps up to ``largest``.

    Example: 139 → [0, 25, 50, 75, 100, 125, 150]; 11 → [0, 2, 4, 6, 8, 10, 12]; 0 → [0, 1].
    """
    largest = max(largest, 1)
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude // 2, 5 * magnitude):
            if step >= 1 and -(-largest // step) <= most:
                return list(range(0, step * -(-largest // step) + 1, step))
        magnitude *= 10


def chart_spec(bars: Sequence[Bar], title: str, y_title: str = "Member States") -> dict:
    """The chart as data: ``{"title", "y": {"title", "domain": [0, top], "ticks": [...]}, "bars": [{label, position, value}]}``.

    The domain always starts at 0 and ends at the last of ``axis_ticks`` of the largest count.
    """
    ticks = axis_ticks(max((b.value for b in bars), default=0))
    return {"title": title, "y": {"title": y_title, "domain": [0, ticks[-1]], "ticks": ticks},
            "bars": [{"label": b.label, "position": b.position, "value": b.value} for b in bars]}


def spoken(bars: Sequence[Bar], title: str) -> str:
    """The chart's accessible name: 'Recorded vote on draft I: 109 in favour, 45 against, 16 abstaining, 23 not recorded.'."""
    return f"{title}: " + ", ".join(f"{b.value} {b.label}" for b in bars) + "."


def chart_svg(bars: Sequence[Bar], title: str, y_title: str = "Member States", element_id: str = "") -> str:
    """An SVG bar chart of ``bars`` with the y-axis from 0, gridlines, the value above each bar and its label below.

    Returns:
        A ``<figure class="tally-chart">`` holding the ``<svg role="img">`` (with ``aria-label``, ``<title>`` and
        ``data-spec``, see ``chart_spec``) and a visible caption (the title). Bars are ``rect.bar`` with
        ``data-value``; values are ``text.value``.
    """
    spec = chart_spec(bars, title, y_title)
    top = spec["y"]["domain"][1]
    plot_w, plot_h = _WIDTH - _LEFT - _RIGHT, _HEIGHT - _TOP - _BOTTOM
    base = _TOP + plot_h
    slot = plot_w / max(len(bars), 1)
    width = min(slot * 0.7, 64)
    parts = []
    for tick in spec["y"]["ticks"]:
        y = base - plot_h * tick / top
        parts.append(f'<line class="grid" x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="tick" x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    for n, bar in enumerate(bars):
        x = _LEFT + slot * n + (slot - width) / 2
        height = plot_h * bar.value / top
        colour = POSITION_COLORS.get(bar.position, "#455a64")
        parts.append(f'<rect class="bar" x="{x:.1f}" y="{base - height:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{colour}"'
                     f' data-value="{bar.value}" data-label="{html.escape(bar.label)}"/>')
        parts.append(f'<text class="value" x="{x + width / 2:.1f}" y="{base - height - 5:.1f}" text-anchor="middle">{bar.value}</text>')
        lines = bar.label.replace(" (", "\n(").split("\n")
        for k, line in enumerate(lines):
            parts.append(f'<text class="x-label" x="{x + width / 2:.1f}" y="{base + 15 + 13 * k:.1f}" text-anchor="middle">'
                         f"{html.escape(line)}</text>")
    parts.append(f'<line class="axis" x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{base}" y2="{base}"/>')
    parts.append(f'<text class="y-title" transform="translate(11 {_TOP + plot_h / 2:.0f}) rotate(-90)" text-anchor="middle">'
                 f"{html.escape(y_title)}</text>")
    name = html.escape(spoken(bars, title))
    anchor = f' id="{html.escape(element_id)}"' if element_id else ""
    return (f'<figure class="tally-chart"{anchor}><svg role="img" aria-label="{name}" viewBox="0 0 {_WIDTH} {_HEIGHT}"'
            f' data-spec="{html.escape(json.dumps(spec), quote=True)}" preserveAspectRatio="xMidYMid meet">'
            f"<title>{name}</title>{''.join(parts)}</svg><figcaption>{html.escape(title)}</figcaption></figure>")


def text_bar(value: int, top: int, width: int = 24) -> str:
    """A bar of full blocks for text exports, drawn from zero: ``value`` of ``top`` as a share of ``width`` blocks.

    Example: text_bar(11, 193) → '█' (11/193 of 24 blocks, at least one for any non-zero value); text_bar(0, 193) → ''.
    """
    if value <= 0 or top <= 0:
        return ""
    return "\u2588" * max(1, round(width * value / top))
