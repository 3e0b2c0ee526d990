"""The JSON shapes of search results and documents (shared by web and CLI)."""
from __future__ import annotations

from urllib.parse import urlencode

from indexer import SearchRequest, SearchResult


def _date(date) -> dict | None:
    return date.to_dict() if date else None


def search_payload(request: SearchRequest, result: SearchResult, base_url: str = "") -> dict:
    facets = result.facets

    def facet_link(**changes) -> str:
        return f"{base_url}/api/search?{urlencode(request.params(page=None, **changes))}"

    return {
        "query": request.q,
        "filters": {k: v for k, v in request.params().items() if k not in ("q", "page")},
        "total": result.total,
        "page": request.page,
        "pages": result.pages,
        "page_size": request.page_size,
        "seconds": round(result.seconds, 4),
        "timed_out": result.timed_out,
        "hits": [{
            "id": hit.id,
            "title": hit.title,
            "date": _date(hit.date),
            "script": hit.script,
            "source": hit.source,
            "regions": [r.to_dict() for r in hit.regions],
            "officials": [o.to_dict() for o in hit.officials],
            "snippet": hit.snippet_html,
            "snippet_text": hit.snippet_text,
            "url": f"{base_url}/doc/{hit.id}",
        } for hit in result.hits],
        "facets": {
            "region": [{"key": f.key, "name": f.label, "count": f.count,
                        "url": facet_link(region=f.key)} for f in facets.region],
            "region_trail": [{"key": f.key, "name": f.label, "count": f.count}
                             for f in facets.region_trail],
            "official": [{"name": f.label, "count": f.count,
                          "url": facet_link(official=f.key)} for f in facets.official],
            "date": [{"value": f.key, "unit": facets.date_unit, "count": f.count,
                      "url": facet_link(**{"from": f.key, "to": f.key})} for f in facets.date],
            "date_unknown": facets.date_unknown,
        },
    }


def document_payload(doc, base_url: str = "") -> dict:
    data = doc.to_dict()
    data["original"] = doc.original
    data["url"] = f"{base_url}/doc/{doc.id}"
    return data
