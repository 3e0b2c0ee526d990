"""Warm render time of the search page, with facets, over a mix of searches.

    python -m bench.web_bench --index DIR [--rounds 5] [--json]

Works on any index (the seeds, or the full corpus). The searches are a fixed
list of words, names, phrases and exclusions, plus filters discovered from
the index itself (its most frequent region, city, official and year), so that
every filter path is exercised whatever the index holds. Each URL is
rendered once to warm caches, then `rounds` times; every render goes through
the whole Flask app (query parsing, search, facets, officials' profiles,
histogram, template), as a browser would get it, minus the network.
Prints p50/p95/max over all renders and the slowest searches.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from urllib.parse import unquote, urlencode

WORDS = ["书记", "会议", "经济", "发展", "招商", "疫情防控", "乡村振兴", "调研", "主持", "人民",
         "杨国昕", "楊國昕", "任俊洁", "任俊潔", "党委书记", "區長", "镇长", "脱贫攻坚"]
PHRASES = ['"主持召开"', '"工作会议"', '"高质量发展"']
COMBINED = ["书记 -疫情", "书记 会议", "县委书记 调研", "经济 发展 -疫情"]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def discovered_searches(client) -> list[dict]:
    """Filters that exist in this index: its top region, a city in it, an official, a year."""
    data = client.get("/api/search?" + urlencode({"q": "书记"})).get_json() or {}
    facets = data.get("facets") or {}
    searches: list[dict] = []
    if facets.get("region"):
        province = facets["region"][0]["key"]
        searches += [{"q": "书记", "region": province}, {"region": province, "sort": "date"}]
        inner = (client.get("/api/search?" + urlencode({"q": "书记", "region": province})).get_json()
                 or {}).get("facets", {}).get("region") or []
        if inner:
            searches.append({"q": "会议", "region": inner[0]["key"]})
    if facets.get("official"):
        name = facets["official"][0]["name"]
        searches += [{"official": name, "sort": "date"}, {"q": "书记", "official": name}]
    if facets.get("date"):
        year = max(facets["date"], key=lambda d: d["count"])["value"]
        searches += [{"q": "书记", "from": year, "to": year}, {"q": "发展", "from": year}]
    if data.get("pages", 1) > 1:
        searches.append({"q": "书记", "page": "2"})
    return searches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=os.environ.get("ARCHIVE_INDEX", "instance/index"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="time /search.json instead of the page")
    parser.add_argument("--slowest", type=int, default=8)
    args = parser.parse_args()

    from web import create_app

    client = create_app({"INDEX_DIR": args.index}).test_client()
    stats = client.get("/").status_code
    if stats != 200:
        raise SystemExit(f"the site does not answer on {args.index} (status {stats}); build the index first")
    searches = ([{"q": w} for w in WORDS] + [{"q": p} for p in PHRASES] + [{"q": c} for c in COMBINED]
                + [{"q": "书记", "sort": "date"}, {"q": "会议", "script": "traditional"}]
                + discovered_searches(client))
    path = "/search.json" if args.json else "/search"
    urls = [f"{path}?{urlencode(search)}" for search in searches]

    totals: dict[str, int] = {}
    for url in urls:  # warm: caches, facet tables, officials' profiles, templates
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        summary = client.get(url.replace(path, "/api/search", 1)).get_json()
        totals[url] = summary["total"]

    timings: dict[str, list[float]] = {url: [] for url in urls}
    for _ in range(args.rounds):
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            response.get_data()
            timings[url].append((time.perf_counter() - started) * 1000)
    every = [t for values in timings.values() for t in values]
    from indexer import open_index

    documents = open_index(args.index).stats()["documents"]
    print(f"index {args.index}: {documents} documents; "
          f"{len(urls)} searches x {args.rounds} rounds, warm, {path} rendered with facets")
    print(f"p50 {statistics.median(every):.1f} ms   p95 {percentile(every, 0.95):.1f} ms   "
          f"max {max(every):.1f} ms   ({os.cpu_count()} cores)")
    print("slowest (median ms, hits):")
    for url in sorted(urls, key=lambda u: -statistics.median(timings[u]))[:args.slowest]:
        print(f"  {statistics.median(timings[url]):7.1f}  {totals[url]:>7}  {unquote(url)}")


if __name__ == "__main__":
    main()
