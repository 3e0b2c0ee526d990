"""Smoke test of an installed (not editable) archive: index the bundled seeds, ask every URL kind.

Run it with the Python of a fresh virtual environment into which the wheel
was installed, from a folder outside the checkout (`.ci/run` does both):

    /tmp/v/bin/python /path/to/tools/smoke_installed.py

It fails (exit 1, one line per failure) when the package was imported from
a checkout instead of the installed files, when `archive reindex` does not
find the seeds shipped as data files, or when any URL answers other than
2xx: that is how a template left out of the wheel shows itself.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote


def installed_from_site_packages() -> list[str]:
    import archive
    import indexer
    import web

    problems = []
    for module in (archive, indexer, web):
        where = Path(module.__file__).resolve()
        if "site-packages" not in where.parts:
            problems.append(f"{module.__name__} was imported from {where}, not an installed wheel")
    return problems


def reindex(index_dir: Path) -> list[str]:
    command = Path(sys.executable).with_name("archive")
    done = subprocess.run([str(command), "reindex", "--index", str(index_dir), "--workers", "1"],
                          capture_output=True, text=True, timeout=300)
    summary = done.stdout.strip()
    print(f"archive reindex: {summary or done.stderr.strip()}")
    if done.returncode != 0 or not summary.startswith("5 added"):
        return [f"archive reindex did not index the 5 bundled seeds: {done.stderr.strip()[-300:]}"]
    return []


def urls(client) -> list[str]:
    """One URL of each kind, with a real document id and official from the index."""
    found = client.get("/api/search?q=%E4%B9%A6%E8%AE%B0").get_json()  # 书记
    hit = next(h for h in found["hits"] if h["officials"])
    doc_id, official = quote(hit["id"]), quote(hit["officials"][0]["name"], safe="")
    return ["/", "/search", "/search?q=书记", "/search.json?q=书记", "/api/search?q=书记",
            "/search.csv?q=书记", "/search.atom?q=书记", "/search.json", "/search.atom",
            "/opensearch.xml",
            "/static/style.css", f"/doc/{doc_id}", f"/doc/{doc_id}.json",
            f"/official/{official}", f"/official/{official}.json"]


def main() -> int:
    problems = installed_from_site_packages()
    with tempfile.TemporaryDirectory() as folder:
        index_dir = Path(folder) / "index"
        problems += reindex(index_dir)
        if not problems:
            from web import create_app

            client = create_app({"INDEX_DIR": str(index_dir)}).test_client()
            for url in urls(client):
                response = client.get(url)
                print(f"{response.status_code} {url}")
                if not 200 <= response.status_code < 300:
                    problems.append(f"{url} answered {response.status_code}: "
                                    f"{response.get_data(as_text=True)[:200]}")
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
