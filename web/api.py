"""The JSON shapes of search results, documents and officials' trails (shared by web and CLI)."""
from __future__ import annotations

from urllib.parse import quote, urlencode

from indexer import SearchRequest, SearchResult

from .histogram import bar_range


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


def trail_url(base_url: str, name: str, suffix: str = "", **params) -> str:
    query = f"?{urlencode(params)}" if params else ""
    return f"{base_url}/official/{quote(name, safe='')}{suffix}{query}"


def trail_params(trail, page: int) -> dict[str, str]:
    """The query string of a page of the trail, leaving out what is the default."""
    params = {"order": trail.order} if trail.order != "oldest" else {}
    if page > 1:
        params["page"] = str(page)
    return params


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
                      "url": link(**bar_range(request, f.key))} for f in facets.date],
            "date_year_only": facets.date_year_only,
            "date_unknown": facets.date_unknown,
            "date_clear": link(**date_range) if request.date_from or request.date_to else None,
        },
    }


def document_payload(doc, base_url: str = "") -> dict:
    data = doc.to_dict()  # file and origin are relative to the SOURCE given (see ingest)
    data["original"] = doc.original
    data["url"] = f"{base_url}/doc/{quote(doc.id)}"
    data["source_url"] = doc.url
    return data


def trail_payload(profile: dict, trail, base_url: str = "") -> dict:
    """A page of an official's documents in date order, with the office each one gives
    them, and the timeline of offices over the whole trail."""
    from archive.script import fold

    name = trail.name
    entries = []
    for hit in trail.hits:
        office = next((o for o in hit.officials if fold(o.name) == name), None)
        entries.append({**hit_payload(hit, base_url),
                        "as_written": office.name if office else None,
                        "office": office.title if office else None})

    def page_link(page: int) -> str | None:
        if not 1 <= page <= trail.pages:
            return None
        return trail_url(base_url, name, ".json", **trail_params(trail, page))

    return {"official": name, "profile": profile, "documents": trail.total,
            "order": trail.order, "page": trail.page, "pages": trail.pages,
            "page_size": trail.page_size, "undated": trail.undated, "shown": len(entries),
            "timeline": [office.to_dict() for office in trail.timeline],
            "trail": entries,
            "url": trail_url(base_url, name),
            "links": {"html": trail_url(base_url, name, **trail_params(trail, trail.page)),
                      "prev": page_link(trail.page - 1), "next": page_link(trail.page + 1)}}
