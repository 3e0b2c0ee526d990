"""The date facet drawn as bars: geometry only, the template draws the SVG.

Years with no documents between the first and the last still get a slot, so
that gaps show as gaps; months show all twelve. A bar's link narrows the
search to the bar's span *within* the current range: a bar never widens it.
"""
from __future__ import annotations

from dataclasses import dataclass

from indexer.query import parse_date_bound

WIDTH, HEIGHT = 240, 90
MAX_SLOT = 40           # a lone bar should look like a bar, not a wall
MAX_FILLED_YEARS = 80   # beyond this span, draw only the years that have documents
DIGIT_WIDTH = 6.5       # of a 10-unit label in the CJK fonts the site asks for, rounded up
LABEL_GAP = 6           # between two labels, so that 2023 and 2024 never run together
NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000)


@dataclass
class Bar:
    key: str          # YYYY or YYYY-MM
    label: str        # what the axis shows
    count: int
    x: float
    y: float
    width: float
    height: float
    show_label: bool
    label_x: float = 0.0
    anchor: str = "middle"   # labels at the ends are aligned inward, never cut by the edge


def bar_range(request, key: str) -> dict[str, str]:
    """The from/to a bar's link sets: the bar's span cut to the request's own range."""
    bar = parse_date_bound(key, "date")
    start, end = request.date_from, request.date_to
    return {"from": start.text if start and start.first_day > bar.first_day else key,
            "to": end.text if end and end.last_day < bar.last_day else key}


def bars(facets) -> list[Bar]:
    counts = {value.key: value.count for value in facets.date}
    if facets.date_unit == "month" and facets.date_year:
        keys = [f"{facets.date_year}-{month:02d}" for month in range(1, 13)]
        labels = {key: str(int(key[5:])) for key in keys}
    else:
        years = sorted(int(key) for key in counts)
        if not years:
            return []
        if years[-1] - years[0] <= MAX_FILLED_YEARS:
            years = list(range(years[0], years[-1] + 1))
        keys = [str(year) for year in years]
        labels = {key: key for key in keys}
    if not any(counts.get(key) for key in keys):
        return []
    slot = min(WIDTH / len(keys), MAX_SLOT)
    gap = min(2.0, slot * 0.2)
    tallest = max(counts.get(key, 0) for key in keys)
    drawn = []
    for i, key in enumerate(keys):
        count = counts.get(key, 0)
        height = 0.0 if not count else max(2.0, (HEIGHT - 4) * count / tallest)
        drawn.append(Bar(key=key, label=labels[key], count=count, x=round(i * slot + gap / 2, 2),
                         y=round(HEIGHT - height, 2), width=round(slot - gap, 2),
                         height=round(height, 2), show_label=False))
    place_labels(drawn)
    return drawn


def label_width(label: str) -> float:
    return len(label) * DIGIT_WIDTH


def place_labels(drawn: list[Bar]) -> None:
    """Label round years (every 1, 2, 5, 10 ... the smallest step that fits) so the axis reads as ticks.

    Each label is centred under its bar unless that would cross the chart's
    edge; then it is aligned to the edge instead. Labels never touch: a step
    whose labels would is passed over for the next one.
    """
    numbers = [int(bar.label) for bar in drawn]
    if all(b - a == 1 for a, b in zip(numbers, numbers[1:])):
        choices = [[i for i, n in enumerate(numbers) if n % step == 0] for step in NICE_STEPS]
    else:   # only the years that have documents are drawn: every k-th bar back from the last
        choices = [list(range(len(drawn) - 1, -1, -every)) for every in range(1, len(drawn) + 1)]
    for chosen in choices:
        boxes = [label_box(drawn[i]) for i in chosen]
        spans = sorted(box[:2] for box in boxes)
        if chosen and all(a[1] + LABEL_GAP <= b[0] for a, b in zip(spans, spans[1:])):
            break
    else:
        chosen, boxes = [len(drawn) - 1], [label_box(drawn[-1])]
    for i, (_left, _right, anchor, x) in zip(chosen, boxes):
        drawn[i].show_label, drawn[i].label_x, drawn[i].anchor = True, round(x, 2), anchor


def label_box(bar: Bar) -> tuple[float, float, str, float]:
    """(left, right, text-anchor, x) of a bar's label: centred, or aligned to the edge it would cross."""
    centre, half = bar.x + bar.width / 2, label_width(bar.label) / 2
    if centre + half > WIDTH:
        return WIDTH - 2 * half, WIDTH, "end", WIDTH
    if centre - half < 0:
        return 0, 2 * half, "start", 0
    return centre - half, centre + half, "middle", centre
