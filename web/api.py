"""The JSON shapes of search results, documents and officials' trails (shared by web and CLI)."""
from __future__ import annotations

from urllib.parse import quote, urlencode

from indexer import SearchRequest, SearchResult


def _date(date) -> dict | None:
    return date.to_dict() if date else None


def hit_payload(hit, base_url: str = "") -> dict:
    return {
        "id": hit.id,
        "title": hit.title,
        "date": _date(hit.date),
        "script": hit.script,
        "source": hit.source,
        "regions": [r.to_dict() for r in hit.regions],
        "officials": [o.to_dict() for o in hit.officials],
        "snippet": hit.snippet_html,
        "snippet_text": hit.snippet_text,
        "url": f"{base_url}/doc/{quote(hit.id)}",
    }


def trail_url(base_url: str, name: str, suffix: str = "") -> str:
    return f"{base_url}/official/{quote(name, safe='')}{suffix}"


def search_payload(request: SearchRequest, result: SearchResult, base_url: str = "") -> dict:
    facets = result.facets

    def link(endpoint: str = "/api/search", **changes) -> str:
        return f"{base_url}{endpoint}?{urlencode(request.params(page=None, **changes))}"

    date_range = {"from": None, "to": None}
    return {
        "query": request.q,
        "filters": {k: v for k, v in request.params().items() if k not in ("q", "page", "page_size")},
        "total": result.total,
        "page": request.page,
        "pages": result.pages,
        "page_size": request.page_size,
        "seconds": round(result.seconds, 4),
        "timed_out": result.timed_out,
        "links": {
            "html": f"{base_url}/search?{urlencode(request.params())}",
            "csv": f"{base_url}/search.csv?{urlencode(request.params())}",
            "atom": link("/search.atom", sort=None),
        },
        "hits": [hit_payload(hit, base_url) for hit in result.hits],
        "facets": {
            "region": [{"key": f.key, "name": f.label, "count": f.count,
                        "url": link(region=f.key)} for f in facets.region],
            "region_trail": [{"key": f.key, "name": f.label, "count": f.count,
                              "url": link(region=f.key)} for f in facets.region_trail],
            "official": [{"name": f.label, "count": f.count, "title": f.title,
                          "region": f.region, "region_key": f.region_key, "selected": f.selected,
                          "url": link(official=None if f.selected else f.key),
                          "trail": trail_url(base_url, f.key, ".json")}
                         for f in facets.official],
            "date": [{"value": f.key, "unit": facets.date_unit, "count": f.count,
                      "url": link(**{"from": f.key, "to": f.key})} for f in facets.date],
            "date_year_only": facets.date_year_only,
            "date_unknown": facets.date_unknown,
            "date_clear": link(**date_range) if request.date_from or request.date_to else None,
        },
    }


# Where the server read a document from is a path on the server: not for the public.
SERVER_ONLY_FIELDS = ("origin", "file")


def document_payload(doc, base_url: str = "") -> dict:
    data = doc.to_dict()
    for name in SERVER_ONLY_FIELDS:
        data.pop(name, None)
    data["original"] = doc.original
    data["url"] = f"{base_url}/doc/{quote(doc.id)}"
    data["source_url"] = doc.url
    return data


def trail_payload(name: str, profile: dict, trail, base_url: str = "") -> dict:
    """An official's documents in date order, with the office each one gives them."""
    from archive.script import fold

    entries = []
    for hit in trail:
        office = next((o for o in hit.officials if fold(o.name) == name), None)
        entries.append({**hit_payload(hit, base_url),
                        "as_written": office.name if office else None,
                        "office": office.title if office else None})
    return {"official": name, "profile": profile, "documents": profile["documents"],
            "shown": len(entries), "trail": entries,
            "url": trail_url(base_url, name)}
