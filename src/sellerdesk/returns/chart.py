"""The return-rate chart's geometry: pure numbers for an inline SVG.

The template (``returns/_rate_chart.html``) draws what ``rate_chart`` computes:
no JavaScript, no external files. The view box is narrow (360 wide) so that its
13-unit text stays readable (about 11 px) when a phone shrinks it to the screen's
width; on a wide screen the figure stops at 40 rem. A
period without shipped units has no rate: the line breaks there rather than
drawing a zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sellerdesk.returns.stats import SeriesPoint

WIDTH, HEIGHT = 360, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 24, 12, 32  # margins around the plot area
# Line colours with a 4.5:1 contrast on white; the second line is also dashed.
COLOURS = ("#1a5fd0", "#b3261e")
DASHES = ("", "6 4")


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    title: str  # the tooltip and the screen reader's text for the point


@dataclass(frozen=True, slots=True)
class Line:
    name: str
    colour: str
    dash: str
    path: str  # SVG path data; breaks where a period has no rate
    dots: tuple[Dot, ...]


@dataclass(frozen=True, slots=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: int
    right: float  # x of the plot's right edge
    top: int
    bottom: float  # y of the plot's bottom edge (the zero line)
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    lines: tuple[Line, ...]

    @property
    def points(self) -> int:
        return sum(len(line.dots) for line in self.lines)


def _nice_step(top: float) -> float:
    """A round step (1, 2 or 5 times 10^n) giving 3 to 6 grid lines up to ``top``."""
    raw = top / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def _percent(value: float) -> str:
    text = f"{value * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text} %"


def rate_chart(series: Sequence[tuple[str, Sequence[SeriesPoint]]]) -> Chart:
    """Lines of return rate over the same periods: ``[(name, points), …]``, at most two."""
    periods = list(series[0][1]) if series else []
    rates = [p.rate for _, points in series for p in points if p.rate is not None]
    top_rate = max(rates, default=0.0)
    step = _nice_step(top_rate * 1.1) if top_rate > 0 else 0.05
    y_max = step * max(1, math.ceil(top_rate * 1.1 / step))
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM
    span_x = right - LEFT
    count = len(periods)

    def x_at(index: int) -> float:
        return round(LEFT + (span_x * index / (count - 1) if count > 1 else span_x / 2), 1)

    def y_at(value: float) -> float:
        return round(bottom - (bottom - TOP) * value / y_max, 1)

    y_ticks = tuple(
        Tick(y_at(step * i), _percent(step * i)) for i in range(round(y_max / step) + 1)
    )
    # Few enough dates that they never touch on a phone; the last period always has one.
    every = max(1, math.ceil(count / 5))
    x_ticks = tuple(
        Tick(x_at(i), f"{p.end:%b} {p.end.day}")
        for i, p in enumerate(periods)
        if (count - 1 - i) % every == 0
    )
    lines = []
    for number, (name, points) in enumerate(series[:2]):
        parts: list[str] = []
        dots: list[Dot] = []
        pen_down = False
        for index, point in enumerate(points):
            if point.rate is None:
                pen_down = False
                continue
            x, y = x_at(index), y_at(point.rate)
            parts.append(f"{'L' if pen_down else 'M'}{x} {y}")
            pen_down = True
            dots.append(
                Dot(
                    x,
                    y,
                    f"{name}, {point.start:%b} {point.start.day} to {point.end:%b} "
                    f"{point.end.day}: {_percent(point.rate)} "
                    f"({point.returned} of {point.shipped} units)",
                )
            )
        lines.append(Line(name, COLOURS[number], DASHES[number], " ".join(parts), tuple(dots)))
    return Chart(WIDTH, HEIGHT, LEFT, right, TOP, bottom, y_ticks, x_ticks, tuple(lines))
