"""Charts drawn on the server as SVG: no script, no third party, readable without colour.

Each chart is an <svg role="img"> with a <title>; the page also gives its figures as a table.
"""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH = 720
HEIGHT = 200
TOP = 16
BOTTOM = 22
LEFT = 48
ROW = 22


def _scale(values: list[int]) -> int:
    return max([*values, 1])


def columns(title: str, points: list[tuple[str, int]], *, css: str = "reads") -> SafeString:
    """A column per point (hour or day), the highest value marked on the axis."""
    top = _scale([v for _label, v in points])
    plot_w, plot_h = WIDTH - LEFT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(points), 1)
    bars = []
    for i, (label, value) in enumerate(points):
        h = plot_h * value / top
        bars.append((f"{LEFT + i * step:.2f}", f"{TOP + plot_h - h:.2f}",
                     f"{max(step - 1, 0.5):.2f}", f"{h:.2f}", label, number_format(value)))
    body = format_html_join("", '<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title>'
                                '</rect>', bars)
    ends = ""
    if points:
        ends = format_html(
            '<text class="axis" x="{}" y="{}">{}</text>'
            '<text class="axis end" x="{}" y="{}">{}</text>',
            LEFT, HEIGHT - 6, points[0][0], WIDTH, HEIGHT - 6, points[-1][0])
    return format_html(
        '<svg class="chart chart-{}" role="img" viewBox="0 0 {} {}" '
        'preserveAspectRatio="none"><title>{}</title>'
        '<line class="baseline" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
        '<text class="axis" x="0" y="{}">{}</text><text class="axis" x="0" y="{}">0</text>'
        '{}{}</svg>',
        css, WIDTH, HEIGHT, title, LEFT, TOP + plot_h, WIDTH, TOP + plot_h,
        TOP + 4, number_format(top), TOP + plot_h, body, ends)


def bars(title: str, rows: list[tuple[str, int]]) -> SafeString:
    """A horizontal bar per row, its name and figure beside it."""
    top = _scale([v for _label, v in rows])
    label_w, value_w = 220, 70
    plot_w = WIDTH - label_w - value_w
    height = ROW * max(len(rows), 1) + 4
    drawn = []
    for i, (label, value) in enumerate(rows):
        y = 2 + i * ROW
        drawn.append((label_w - 6, y + 15, label, label_w, y + 3,
                      f"{max(plot_w * value / top, 1):.2f}", ROW - 6,
                      WIDTH - value_w + 6, y + 15, number_format(value)))
    body = format_html_join(
        "", '<text class="label" x="{}" y="{}">{}</text><rect x="{}" y="{}" width="{}" '
            'height="{}"></rect><text class="value" x="{}" y="{}">{}</text>', drawn)
    return format_html('<svg class="chart chart-bars" role="img" viewBox="0 0 {} {}">'
                       '<title>{}</title>{}</svg>', WIDTH, height, title, body)
