"""The search as other formats: CSV for spreadsheets, Atom for feed readers, OpenSearch for browsers."""
from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timezone
from urllib.parse import urlencode

from flask import Blueprint, Response, render_template

from indexer.query import MAX_PAGE_SIZE

from .links import site_url
from .searching import get_index, hit_titles, run_search

bp = Blueprint("exports", __name__)

FEED_ENTRIES = 30
CSV_COLUMNS = ["id", "url", "title", "date", "date_precision", "script", "regions",
               "region_codes", "officials", "source", "snippet"]
# A spreadsheet runs a cell starting with these as a formula; a quote makes it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 cannot carry most control characters at all, escaped or not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def spreadsheet_safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def xml_safe(value) -> str:
    return _NOT_XML.sub("", "" if value is None else str(value))


@bp.app_template_filter("xml_safe")
def xml_safe_filter(value) -> str:
    return xml_safe(value)


@bp.route("/search.csv")
def search_csv():
    """One row per hit, a page of MAX_PAGE_SIZE (or `page_size`); `page` steps through the rest."""
    search_request, result = run_search(default_page_size=MAX_PAGE_SIZE)
    titles = hit_titles(result.hits)
    base = site_url()
    out = io.StringIO()
    out.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for hit in result.hits:
        writer.writerow([spreadsheet_safe(value) for value in (
            hit.id, f"{base}/doc/{hit.id}", titles[hit.id],
            hit.date.value if hit.date else "", hit.date.precision if hit.date else "",
            hit.script,
            "; ".join(" > ".join(r.path) for r in hit.regions),
            "; ".join(r.code or r.key for r in hit.regions),
            "; ".join(f"{o.name} ({o.title})" if o.title else o.name for o in hit.officials),
            hit.source or "", hit.snippet_text)])
    filename = f"archive-search-p{search_request.page}.csv"
    return Response(out.getvalue(), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'inline; filename="{filename}"',
                             "X-Total-Count": str(result.total)})


def entry_time(hit, fallback: datetime) -> str:
    """An RFC 3339 time for a hit: its date where known (at noon UTC), else the index's."""
    if hit.date and hit.date.precision in ("day", "month", "year"):
        parts = (hit.date.value + "-01-01")[:10]
        return f"{parts}T12:00:00Z"
    return fallback.strftime("%Y-%m-%dT%H:%M:%SZ")


@bp.route("/search.atom")
def search_atom():
    """The newest documents for a saved query, to follow with a feed reader."""
    # A feed is always the newest FEED_ENTRIES: no paging, whatever the URL asks.
    search_request, result = run_search(default_page_size=FEED_ENTRIES, sort="date", page=None,
                                        page_size=None)
    index = get_index()
    indexed_at = datetime.fromtimestamp(index.updated_at(), tz=timezone.utc)
    entries = [(hit, entry_time(hit, indexed_at)) for hit in result.hits]
    params = search_request.params(page=None, sort=None)
    feed_updated = max((time for _hit, time in entries), default=indexed_at.strftime("%Y-%m-%dT%H:%M:%SZ"))
    body = render_template("feed.atom.xml", req=search_request, entries=entries,
                           titles=hit_titles(result.hits), updated=feed_updated,
                           site=site_url(), html_url=f"/search?{urlencode({**params, 'sort': 'date'})}",
                           self_url=f"/search.atom?{urlencode(params)}")
    return Response(body, content_type="application/atom+xml; charset=utf-8")


@bp.route("/opensearch.xml")
def opensearch():
    body = render_template("opensearch.xml", base=site_url())
    return Response(body, content_type="application/opensearchdescription+xml; charset=utf-8")
