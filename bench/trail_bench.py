"""Weight and render time of an official's trail, page and JSON twin.

    python -m bench.trail_bench [--index DIR --official NAME] [--documents 962] [--rounds 20]

With no --index it builds, in a temporary folder, one long career: seed 001
(a district head's report, damaged traditional script) repeated with dates
spread over ten years, the office changing from 区长 to 区委书记 part way,
every 50th document undated; 962 documents, the largest trail the usability
review met. Prints, for page 1 and the last page of the HTML and the JSON:
bytes, the first render (which reads the trail's outline) and the warm p50.
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def career(documents: int) -> list[dict]:
    head = next((REPO / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")
    secretary = head.replace("區(qū)長楊國昕", "區(qū)委書記楊國昕")
    rows = []
    for i in range(documents):
        year, rest = divmod(i * 3650 // documents, 365)   # ten years, evenly
        month, dom = rest // 31 % 12 + 1, rest % 28 + 1
        report = head if i < documents * 3 // 5 else secretary    # promoted after 3/5
        row = {"id": f"career-{i:04d}", "text": f"第{i + 1}期\n{report}"}
        if i % 50 != 49:
            row["date"] = f"{2016 + year}-{month:02d}-{dom:02d}"
        rows.append(row)
    return rows


def measure(client, url: str, rounds: int) -> tuple[int, float, float]:
    started = time.perf_counter()
    response = client.get(url)
    first = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
    return len(response.data), first, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index")
    parser.add_argument("--official", default="杨国昕")
    parser.add_argument("--documents", type=int, default=962)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    from indexer import build
    from web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        index = args.index
        if index is None:
            source = Path(tmp) / "career.jsonl"
            source.write_text("\n".join(json.dumps(r, ensure_ascii=False)
                                        for r in career(args.documents)) + "\n", encoding="utf-8")
            index = str(Path(tmp) / "index")
            started = time.perf_counter()
            report = build([source], index, workers=2)
            print(f"built {report.added} documents in {time.perf_counter() - started:.1f}s")
        client = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
        base = f"/official/{args.official}"
        data = client.get(base + ".json").get_json()
        pages = data.get("pages", 1)
        print(f"{args.official}: {data['documents']} documents, {pages} pages, "
              f"{len(data.get('timeline', []))} offices in the timeline")
        # The first URL measured pays for the outline; the others reuse it.
        for url in (base, f"{base}?page={pages}", base + ".json", f"{base}.json?page={pages}"):
            size, first, warm = measure(client, url, args.rounds)
            print(f"{url:32} {size / 1024:7.1f} KB  first {first * 1000:6.1f} ms  "
                  f"warm p50 {warm * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
