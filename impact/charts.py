"""Bar charts drawn on the server as small inline SVG: no script, no chart library.

A chart reads without colour: every bar carries its number as text above it, the axis names
each bar, and a bar whose figure is hidden (fewer than five people) is not drawn at all and
reads "<5" instead. Bars are a dark solid fill (over 8:1 against the white page), and the SVG
has role="img" with a title and a description, so screen readers announce it as one image;
the same numbers are always given in a table next to the chart.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from impact.definitions import SMALL_CELL

WIDTH, HEIGHT = 600, 240
TOP, BOTTOM, SIDE = 26, 30, 4  # room for the numbers above the bars and the labels below
INK, BAR = "#1b1f24", "#0b4f8a"  # the site's --ink and --brand


@dataclass(frozen=True)
class Bar:
    label: str  # on the axis, e.g. "Jan"
    value: int | None  # None: hidden (a small cell), drawn as no bar with "<5"


def _number(value: int | None) -> str:
    return f"<{SMALL_CELL}" if value is None else f"{value:,}"


def bar_chart(*, chart_id: str, title: str, description: str, bars: list[Bar]) -> SafeString:
    """An SVG bar chart of a few KB: one bar per item, its number above it, its label below."""
    plot = HEIGHT - TOP - BOTTOM
    highest = max([bar.value or 0 for bar in bars] + [1])
    slot = (WIDTH - 2 * SIDE) / max(len(bars), 1)
    bar_width = round(slot * 0.62, 1)
    baseline = TOP + plot
    parts = []
    for index, bar in enumerate(bars):
        middle = round(SIDE + slot * index + slot / 2, 1)
        height = round(plot * (bar.value or 0) / highest, 1)
        if height:
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                    round(middle - bar_width / 2, 1),
                    round(baseline - height, 1),
                    bar_width,
                    height,
                    BAR,
                )
            )
        parts.append(
            format_html(
                '<text x="{}" y="{}" class="chart-value">{}</text>'
                '<text x="{}" y="{}" class="chart-label" font-size="13">{}</text>',
                middle,
                round(baseline - height - 6, 1),
                _number(bar.value),
                middle,
                baseline + 18,
                bar.label,
            )
        )
    return format_html(
        '<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title" '
        'aria-describedby="{id}-desc" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'font-size="14" text-anchor="middle" fill="{ink}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "{bars}"
        '<line x1="{side}" y1="{base}" x2="{end}" y2="{base}" stroke="{ink}" stroke-width="1.5"/>'
        "</svg>",
        id=chart_id,
        w=WIDTH,
        h=HEIGHT,
        ink=INK,
        title=title,
        desc=description,
        bars=format_html_join("", "{}", ((part,) for part in parts)),
        side=SIDE,
        end=WIDTH - SIDE,
        base=baseline,
    )
