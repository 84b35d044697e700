"""The inline SVG line charts (``sellerdesk.web.charts``): geometry worked out by hand.

The plot area runs from x = 46 to 336 (360 - 24) and from y = 12 (top) to 172
(200 - 28, the zero line): 290 units wide, 160 high.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest

from sellerdesk.web.charts import chart_svg, hours, line_chart, nice_step, percent

DAYS = tuple(date(2026, 11, 1) + timedelta(days=7 * i) for i in range(5))  # Nov 1 .. Nov 29
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(  # noqa: S314  # our own SVG, built by the code under test
        svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    )


def test_points_scale_to_the_plot_area() -> None:
    # max value 0.02 and target 0.01: top 0.022 -> step nice(0.022/4 = 0.0055) = 0.01,
    # y_max = 0.01 * ceil(0.022 / 0.01) = 0.03. Five days: x = 46 + 290 * i / 4.
    chart = line_chart(
        key="odr",
        title="ODR",
        days=DAYS,
        series=[("MFN", [0.0, 0.01, 0.02, 0.015, 0.03 * 0.5])],
        fmt=percent,
        reference=0.01,
        reference_label="target < 1 %",
    )
    assert chart.y_max == pytest.approx(0.03)
    (line,) = chart.lines
    assert [d.x for d in line.dots] == [46.0, 118.5, 191.0, 263.5, 336.0]
    # y = 172 - 160 * v / 0.03: 0 -> 172; 0.01 -> 118.7; 0.02 -> 65.3; 0.015 -> 92.0
    assert [d.y for d in line.dots] == [172.0, 118.7, 65.3, 92.0, 92.0]
    assert line.path == "M46.0 172.0 L118.5 118.7 L191.0 65.3 L263.5 92.0 L336.0 92.0"
    assert chart.reference is not None
    assert chart.reference.y == 118.7
    assert [t.label for t in chart.y_ticks] == ["0 %", "1 %", "2 %", "3 %"]
    assert [t.at for t in chart.y_ticks] == [172.0, 118.7, 65.3, 12.0]
    # Five days, at most five labels: every one, the last at the right edge.
    assert [t.label for t in chart.x_ticks] == ["Nov 1", "Nov 8", "Nov 15", "Nov 22", "Nov 29"]
    assert chart.x_ticks[-1].at == 336.0
    assert line.dots[2].title == "MFN, Nov 15: 2 %"
    assert not chart.empty


def test_a_missing_value_breaks_the_line() -> None:
    chart = line_chart(
        key="rating",
        title="Rating",
        days=DAYS,
        series=[("Rating", [0.5, None, 1.0, 1.0, None])],
        fmt=percent,
        ceiling=1.0,
    )
    (line,) = chart.lines
    # Top 1.0 * 1.1 is capped at the ceiling: y_max 1.0 -> 0.5 at y = 172 - 80 = 92.
    assert chart.y_max == 1.0
    assert line.path == "M46.0 92.0 M191.0 12.0 L263.5 12.0"
    assert len(line.dots) == 3
    assert [cells for _, cells in chart.rows] == [
        ("50 %",),
        ("no data",),
        ("100 %",),
        ("100 %",),
        ("no data",),
    ]


def test_no_data_renders_a_no_data_state() -> None:
    chart = line_chart(
        key="returns",
        title="Return rate",
        days=DAYS,
        series=[("Return rate", [None] * 5)],
        fmt=percent,
        empty_top=0.1,
    )
    assert chart.empty
    assert chart.lines[0].path == ""
    assert chart.lines[0].dots == ()
    assert chart.y_max == 0.1
    assert [t.label for t in chart.y_ticks] == ["0 %", "2.5 %", "5 %", "7.5 %", "10 %"]
    svg = str(chart.svg)
    assert ">No data</text>" in svg
    assert "No data to draw." in chart.description
    assert "<circle" not in svg


def test_two_lines_get_their_own_colours_and_the_second_is_dashed() -> None:
    chart = line_chart(
        key="odr",
        title="ODR",
        days=DAYS[:2],
        series=[("MFN", [0.01, 0.01]), ("AFN", [0.002, None])],
        fmt=percent,
    )
    mfn, afn = chart.lines
    assert mfn.colour != afn.colour
    assert (mfn.dash, afn.dash) == ("", "5 3")
    assert afn.path == "M46.0 " + str(afn.dots[0].y)
    assert chart.rows == (("2026-11-01", ("1 %", "0.2 %")), ("2026-11-08", ("1 %", "no data")))


def test_many_days_get_at_most_five_date_labels_ending_with_the_last() -> None:
    days = tuple(date(2026, 9, 3) + timedelta(days=7 * i) for i in range(13))
    chart = line_chart(
        key="r", title="R", days=days, series=[("x", [1.0] * 13)], fmt=hours, reference=24.0
    )
    # every ceil(13 / 5) = 3rd, counted back from the last: indexes 0, 3, 6, 9, 12.
    assert [t.label for t in chart.x_ticks] == ["Sep 3", "Sep 24", "Oct 15", "Nov 5", "Nov 26"]
    # The reference (24) sets the top: 26.4 -> step nice(6.6) = 10, y_max 30.
    assert chart.y_max == 30
    assert chart.reference is not None
    assert chart.reference.label == "24 h"


def test_one_day_sits_in_the_middle() -> None:
    chart = line_chart(key="k", title="T", days=DAYS[:1], series=[("x", [2.0])], fmt=hours)
    assert chart.lines[0].dots[0].x == 191.0


def test_series_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="one value per day"):
        line_chart(key="k", title="T", days=DAYS, series=[("x", [1.0])], fmt=hours)


def test_nice_steps() -> None:
    assert nice_step(0.022) == pytest.approx(0.01)
    assert nice_step(26.4) == 10
    assert nice_step(1.1) == pytest.approx(0.5)
    assert nice_step(0.1) == pytest.approx(0.025)


def test_svg_is_well_formed_accessible_and_escapes_text() -> None:
    chart = line_chart(
        key="odr",
        title='ODR <script>alert("x")</script>',
        days=DAYS,
        series=[("M&N", [0.01, 0.02, None, 0.0, 0.01])],
        fmt=percent,
        reference=0.01,
        reference_label="target < 1 %",
    )
    svg = str(chart_svg(chart))
    assert "<script>" not in svg
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-odr-title chart-odr-desc"
    assert root.find(f"{SVG}title").text == 'ODR <script>alert("x")</script>'  # type: ignore[union-attr]  # the element exists: asserted by the test
    circles = root.findall(f".//{SVG}circle")
    assert len(circles) == 4
    assert [c.get("cy") for c in circles] == [str(d.y) for d in chart.lines[0].dots]
    series = root.find(f".//{SVG}g[@class='series']")
    assert series is not None
    assert series.get("data-series") == "M&N"
    reference = root.find(f".//{SVG}g[@class='reference']/{SVG}line")
    assert reference is not None
    assert chart.reference is not None
    assert reference.get("y1") == str(chart.reference.y)
    assert re.search(r'viewBox="0 0 360 200"', svg)
