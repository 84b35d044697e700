"""Line charts as inline SVG, drawn on the server: no JavaScript, no external files.

``line_chart`` turns values per day into geometry (pure numbers, unit-tested),
``chart_svg`` writes that geometry as an ``<svg role="img">`` with a ``<title>``
and ``<desc>`` (the page puts the same figures in a table for screen readers).

* The y axis starts at 0 and ends at a round step above the largest value and
  the reference line (``ceiling`` caps it, e.g. 100 % for a rate).
* Days are evenly spaced (the dashboard's points are a week apart); a date
  label on at most five of them, the last always.
* A missing value (``None``: nothing to divide by) breaks the line: it is never
  drawn as zero.
* With no value at all the chart says "No data" instead of drawing a flat line.
* The reference line is a target (Amazon's) or, where Amazon sets none, a
  labelled reference figure; it is dashed and drawn under the lines.

The view box is narrow (360 wide) so its 12-unit text stays readable when a
phone shrinks the figure to the screen's width.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH, HEIGHT = 360, 200
LEFT, RIGHT, TOP, BOTTOM = 46, 24, 12, 28  # margins around the plot area
MAX_X_LABELS = 5
# Line colours with at least 4.5:1 contrast on white; the second line is also dashed.
COLOURS = ("#1a5fd0", "#7b3fb3")
DASHES = ("", "5 3")
REFERENCE_COLOUR = "#a15c00"  # desk.css --amber
GRID_COLOUR = "#dfe3ea"  # desk.css --line
TEXT_COLOUR = "#5b6475"  # desk.css --ink-soft

Format = Callable[[float], str]


def percent(value: float) -> str:
    """``1.25 %``, ``4 %``: up to two decimals, trailing zeros dropped."""
    text = f"{value * 100:.2f}".rstrip("0").rstrip(".")
    return f"{text} %"


def hours(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{text} h"


def short_date(day: date) -> str:
    """``Nov 2``: the store has no date style of its own; the returns chart uses this."""
    return f"{day:%b} {day.day}"


@dataclass(frozen=True, slots=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    title: str  # tooltip and accessible text of the point


@dataclass(frozen=True, slots=True)
class Line:
    name: str
    colour: str
    dash: str
    path: str  # SVG path data, broken where a value is missing
    dots: tuple[Dot, ...]


@dataclass(frozen=True, slots=True)
class Reference:
    y: float
    value: float
    label: str  # "target < 1 %" or "lifetime 91 %"


@dataclass(frozen=True, slots=True)
class LineChart:
    key: str  # unique on the page: element ids derive from it
    title: str
    description: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    y_max: float
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    lines: tuple[Line, ...]
    reference: Reference | None
    days: tuple[date, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # the table: (date, value per line)
    names: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not any(line.dots for line in self.lines)

    @property
    def svg(self) -> SafeString:
        return chart_svg(self)


def nice_step(top: float) -> float:
    """A round step (1, 2, 2.5 or 5 times 10^n) giving about four grid lines up to ``top``."""
    raw = top / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def line_chart(
    *,
    key: str,
    title: str,
    days: Sequence[date],
    series: Sequence[tuple[str, Sequence[float | None]]],
    fmt: Format,
    reference: float | None = None,
    reference_label: str = "",
    ceiling: float | None = None,
    empty_top: float = 1.0,
    date_label: Callable[[date], str] = short_date,
) -> LineChart:
    """Geometry of ``series`` (``[(name, values)]``, one value per day, at most two
    lines) over ``days``; ``empty_top`` is the axis top when nothing is drawn."""
    if any(len(values) != len(days) for _, values in series):
        raise ValueError("every series needs one value per day")
    values = [v for _, vs in series for v in vs if v is not None]
    top_value = max([*values, *([reference] if reference is not None else [])], default=0.0)
    if top_value <= 0:
        step, y_max = nice_step(empty_top), empty_top
    else:
        step = nice_step(top_value * 1.1)
        y_max = step * math.ceil(top_value * 1.1 / step)
    if ceiling is not None and y_max > ceiling:
        y_max = ceiling
        step = nice_step(ceiling)
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM
    count = len(days)

    def x_at(index: int) -> float:
        span = right - LEFT
        return round(LEFT + (span * index / (count - 1) if count > 1 else span / 2), 1)

    def y_at(value: float) -> float:
        return round(bottom - (bottom - TOP) * min(value, y_max) / y_max, 1)

    y_ticks = tuple(
        Tick(y_at(step * i), fmt(step * i)) for i in range(math.floor(y_max / step + 1e-9) + 1)
    )
    every = max(1, math.ceil(count / MAX_X_LABELS))
    x_ticks = tuple(
        Tick(x_at(i), date_label(day)) for i, day in enumerate(days) if (count - 1 - i) % every == 0
    )
    lines = []
    for number, (name, vals) in enumerate(series[: len(COLOURS)]):
        parts: list[str] = []
        dots: list[Dot] = []
        pen_down = False
        for index, value in enumerate(vals):
            if value is None:
                pen_down = False
                continue
            x, y = x_at(index), y_at(value)
            parts.append(f"{'L' if pen_down else 'M'}{x} {y}")
            pen_down = True
            dots.append(Dot(x, y, f"{name}, {date_label(days[index])}: {fmt(value)}"))
        lines.append(Line(name, COLOURS[number], DASHES[number], " ".join(parts), tuple(dots)))
    ref = None
    if reference is not None:
        ref = Reference(y_at(reference), reference, reference_label or fmt(reference))

    def cell(value: float | None) -> str:
        return "no data" if value is None else fmt(value)

    rows = tuple(
        (day.isoformat(), tuple(cell(vals[i]) for _, vals in series)) for i, day in enumerate(days)
    )
    first, last = (date_label(days[0]), date_label(days[-1])) if days else ("", "")
    description = (
        f"{title}, {count} points from {first} to {last}"
        + (f"; {ref.label}" if ref else "")
        + (". No data to draw." if not values else ". The table after the chart has the figures.")
    )
    return LineChart(
        key=key,
        title=title,
        description=description,
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=right,
        top=TOP,
        bottom=bottom,
        y_max=y_max,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        lines=tuple(lines),
        reference=ref,
        days=tuple(days),
        rows=rows,
        names=tuple(name for name, _ in series),
    )


def chart_svg(chart: LineChart) -> SafeString:
    """The chart as an ``<svg>`` element; every text passes through ``format_html``."""
    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}"/>',
        ((chart.left, chart.right, t.at, t.at) for t in chart.y_ticks),
    )
    y_labels = format_html_join(
        "",
        '<text x="{}" y="{}" dy="4">{}</text>',
        ((chart.left - 6, t.at, t.label) for t in chart.y_ticks),
    )
    x_labels = format_html_join(
        "",
        '<text x="{}" y="{}" dy="17">{}</text>',
        ((t.at, chart.bottom, t.label) for t in chart.x_ticks),
    )
    reference = SafeString("")
    if chart.reference is not None:
        ref = chart.reference
        reference = format_html(
            '<g class="reference"><line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" '
            'stroke-width="1.5" stroke-dasharray="6 4"/>'
            '<text x="{}" y="{}" dy="-4" text-anchor="end" fill="{}">{}</text></g>',
            chart.left,
            chart.right,
            ref.y,
            ref.y,
            REFERENCE_COLOUR,
            chart.right,
            ref.y,
            REFERENCE_COLOUR,
            ref.label,
        )
    lines = SafeString("")
    for line in chart.lines:
        dots = format_html_join(
            "",
            '<circle class="point" cx="{}" cy="{}" r="3.5" fill="{}"><title>{}</title></circle>',
            ((d.x, d.y, line.colour, d.title) for d in line.dots),
        )
        dash = format_html(' stroke-dasharray="{}"', line.dash) if line.dash else ""
        lines += format_html(
            '<g class="series" data-series="{}"><path d="{}" fill="none" stroke="{}" '
            'stroke-width="2.5" stroke-linejoin="round"{}/>{}</g>',
            line.name,
            line.path,
            line.colour,
            dash,
            dots,
        )
    empty = SafeString("")
    if chart.empty:
        empty = format_html(
            '<text class="no-data" x="{}" y="{}" text-anchor="middle" font-size="15" fill="{}">'
            "No data</text>",
            (chart.left + chart.right) / 2,
            (chart.top + chart.bottom) / 2,
            TEXT_COLOUR,
        )
    return format_html(
        '<svg class="chart" id="chart-{key}" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="chart-{key}-title chart-{key}-desc" '
        'font-family="system-ui, sans-serif" font-size="12">'
        '<title id="chart-{key}-title">{title}</title><desc id="chart-{key}-desc">{desc}</desc>'
        '<rect width="{w}" height="{h}" fill="#ffffff"/>'
        '<g class="grid" stroke="{grid_colour}" stroke-width="1">{grid}</g>'
        '<line x1="{left}" x2="{left}" y1="{top}" y2="{bottom}" stroke="{grid_colour}"/>'
        '<g class="y-axis" fill="{text}" text-anchor="end">{y_labels}</g>'
        '<g class="x-axis" fill="{text}" text-anchor="middle">{x_labels}</g>'
        "{reference}{lines}{empty}</svg>",
        key=chart.key,
        w=chart.width,
        h=chart.height,
        title=chart.title,
        desc=chart.description,
        grid_colour=GRID_COLOUR,
        grid=grid,
        left=chart.left,
        top=chart.top,
        bottom=chart.bottom,
        text=TEXT_COLOUR,
        y_labels=y_labels,
        x_labels=x_labels,
        reference=reference,
        lines=lines,
        empty=empty,
    )
