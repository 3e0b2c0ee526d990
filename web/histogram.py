"""The date facet drawn as bars: geometry only, the template draws the SVG.

Years with no documents between the first and the last still get a slot, so
that gaps show as gaps; months show all twelve.
"""
from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT = 240, 90
MAX_SLOT = 40           # a lone bar should look like a bar, not a wall
MAX_FILLED_YEARS = 80   # beyond this span, draw only the years that have documents


@dataclass
class Bar:
    key: str          # the from/to value a click sets: YYYY or YYYY-MM
    label: str        # what the axis shows
    count: int
    x: float
    y: float
    width: float
    height: float
    show_label: bool


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
    label_every = max(1, round(len(keys) / 6))
    drawn = []
    for i, key in enumerate(keys):
        count = counts.get(key, 0)
        height = 0.0 if not count else max(2.0, (HEIGHT - 4) * count / tallest)
        drawn.append(Bar(key=key, label=labels[key], count=count, x=round(i * slot + gap / 2, 2),
                         y=round(HEIGHT - height, 2), width=round(slot - gap, 2),
                         height=round(height, 2),
                         show_label=(i % label_every == 0 or i == len(keys) - 1)))
    return drawn
