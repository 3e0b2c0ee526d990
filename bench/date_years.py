"""Years the extractor gives, checked against the publication dates in corpus ids.

Every Tainan, council, Presidential Office and 新闻联播 id carries the day the
item was published (tainan-2024-03-08-…, xwlb-20240512-08). An event's year is
that year, except for an event just across the new year from its publication
(a 30 December concert reported on 2 January). So over the whole corpus, a
year that differs from the id's year by more than that is a wrong year, with
no labels needed: this measures the one error the archive must never make on
all 52,000 dated documents, not on a few hundred labelled ones.

Counts per source: documents, dates given with a year, wrong years (and all
years unlike the publication's, events across the new year included), and
dates given without a year (month-day). With --show N, prints N wrong years per
source (id, date, evidence) to read.

Usage: python bench/date_years.py [--limit N] [--show N]
"""
from __future__ import annotations

import argparse
import datetime
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import records  # noqa: E402

_ID_DATE = re.compile(r"^(tainan|tncc|president)-(\d{4})-(\d{2})-(\d{2})-|^(xwlb)-(\d{4})(\d{2})(\d{2})-")
# An event this many days from its publication may fall in the year before or after.
NEW_YEAR_SLACK_DAYS = 45


def published(doc_id: str) -> tuple[str, datetime.date] | None:
    match = _ID_DATE.match(doc_id)
    if not match:
        return None
    groups = [g for g in match.groups() if g is not None]
    try:
        return groups[0], datetime.date(int(groups[1]), int(groups[2]), int(groups[3]))
    except ValueError:
        return None


def is_wrong_year(value: str, day: datetime.date) -> bool:
    """A year unlike the publication's, unless the event may lie across the new year."""
    if value.startswith("--"):
        return False
    year = int(value[:4])
    if year == day.year:
        return False
    if abs(year - day.year) > 1:
        return True
    if len(value) >= 7:
        try:
            event = datetime.date(year, int(value[5:7]), int(value[8:10]) if len(value) == 10 else 15)
        except ValueError:
            return True
        return abs((event - day).days) > NEW_YEAR_SLACK_DAYS
    # A year alone: only a publication in the first or last weeks of a year
    # may be about the year next to it (a 2025 round-up published in January 2026).
    return not (day.timetuple().tm_yday <= NEW_YEAR_SLACK_DAYS or day.timetuple().tm_yday >= 365 - NEW_YEAR_SLACK_DAYS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="documents to read (default: all)")
    parser.add_argument("--show", type=int, default=0, help="wrong years to print per source")
    args = parser.parse_args(argv)
    from archive.extract import extract
    from archive.ingest import RawDocument
    counts: dict[str, Counter] = defaultdict(Counter)
    shown: Counter = Counter()
    started = time.perf_counter()
    for row in records(args.limit):
        found = published(row["id"])
        if found is None:
            continue
        source, day = found
        raw = RawDocument(id=row["id"], text=row["text"], origin="corpus",
                          given={"title": row["title"]} if row.get("title") else {})
        date = extract(raw).date
        tally = counts[source]
        tally["documents"] += 1
        if date is None:
            continue
        if date.value.startswith("--"):
            tally["month-day"] += 1
            continue
        tally["with year"] += 1
        if int(date.value[:4]) != day.year:
            tally["other year"] += 1
        if is_wrong_year(date.value, day):
            tally["wrong years"] += 1
            if shown[source] < args.show:
                shown[source] += 1
                print(f"  {row['id']}: {date.value} ({date.precision}) from {date.evidence!r}")
    for source in sorted(counts) + ["all"]:
        tally = counts[source] if source != "all" else sum(counts.values(), Counter())
        print(f"{source:10s} {tally['documents']:6d} documents, {tally['with year']:6d} with a year, "
              f"{tally['wrong years']:4d} wrong years ({tally['other year']} another year, "
              f"counting events across the new year), {tally['month-day']:6d} month-day only")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
