"""The pages: home, search, a document, an official's trail. Views only speak the index API."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for
from markupsafe import Markup

from archive.script import fold, to_simplified, to_traditional
from indexer import QueryError
from indexer.query import MAX_DEPTH, MAX_OFFICIAL_CHARS, MAX_PAGE, parse_choice, parse_query
from indexer.snippets import highlight_html
from indexer.trails import parse_trail_order, parse_trail_page

from . import histogram, zero_results
from .api import document_payload, search_payload, trail_params, trail_payload
from .links import site_url
from .searching import get_index, hit_titles, run_search

bp = Blueprint("archive", __name__)

DOC_SCRIPTS = ("simplified", "traditional")


@bp.route("/")
def home():
    index = get_index()
    return render_template("home.html", stats=index.stats(), examples=index.examples())


@bp.route("/favicon.ico")
def favicon():
    # Browsers ask for this path whatever the page links; answer with the SVG icon.
    return current_app.send_static_file("favicon.svg")


def written_script(name: str, region_key: str | None) -> str | None:
    """"traditional" when an official's latest document was written in it, as far as can be told.

    Officials are filed and counted under the folded name, and their offices
    are stored folded. A name that differs from its fold (黃偉哲) was written
    in traditional script; a name the same in both (曾培雅) tells nothing, but
    an office in Taiwan is written as Taiwan writes, in traditional script.
    """
    traditional = fold(name) != name or (region_key or "").startswith("TW")
    return "traditional" if traditional else None


def as_written(profile: dict | None, folded: str) -> dict:
    """An official's name, latest office and script as their latest document writes them."""
    if not profile:
        return {"name": folded, "title": None, "script": None}
    script = written_script(profile["name"], profile["region_key"])
    return {"name": profile["name"], "title": in_script(profile["title"], script) or None,
            "script": script}


@bp.route("/search")
def search():
    search_request, result = run_search()
    # Pages past the depth limit would only answer 400: do not offer them.
    last_page = min(result.pages, MAX_PAGE, MAX_DEPTH // search_request.page_size)
    index = get_index()
    # The facet counts one folded key per official; each is shown as written.
    officials = {value.key: as_written(index.official_profile(value.key), value.key)
                 for value in result.facets.official}
    return render_template("search.html", req=search_request, result=result, last_page=last_page,
                           officials=officials,
                           titles=hit_titles(result.hits), bars=histogram.bars(result.facets),
                           bar_range=histogram.bar_range,
                           wider=zero_results.suggestions(search_request) if not result.total else [])


@bp.route("/search.json")
@bp.route("/api/search")
def search_json():
    search_request, result = run_search()
    return jsonify(search_payload(search_request, result, base_url=site_url()))


def load_document(doc_id: str):
    if len(doc_id) > 200:
        abort(404, "no such document")
    doc = get_index().get(doc_id)
    if doc is None:
        abort(404, f"no document with id {doc_id!r}")
    return doc


@bp.route("/doc/<doc_id>.json")
def document_json(doc_id: str):
    return jsonify(document_payload(load_document(doc_id), base_url=site_url()))


def highlight_runs(q: str) -> list[str]:
    """The runs to mark for a query; a query that would not parse marks nothing."""
    try:
        return [run for term in parse_query(q) if not term.exclude for run in term.runs]
    except QueryError:
        return []


# The 简/繁 toggle converts everything written in the document's words: its
# text, title and officials (names and offices); gazetteer names stay as listed.
CONVERTERS = {None: lambda text: text, "simplified": to_simplified, "traditional": to_traditional}


def document_title(doc) -> str:
    """The title, else the first line, else the id: what the page and its tab are called."""
    body = doc.body.strip()
    return doc.title or (body.split("\n")[0][:60] if body else doc.id)


@bp.route("/doc/<doc_id>")
def document(doc_id: str):
    doc = load_document(doc_id)
    q = request.args.get("q", "")
    view = request.args.get("script") or None
    if view is not None:
        parse_choice(view, "script", DOC_SCRIPTS)
    convert = CONVERTERS[view]
    runs = highlight_runs(q)
    title = convert(document_title(doc))
    # Offices are stored folded (simplified): shown in the script the page is read in.
    in_page_script = CONVERTERS[view or ("traditional" if doc.script == "traditional" else None)]
    officials = [(official, convert(official.name), in_page_script(official.title or ""))
                 for official in doc.officials]
    related = get_index().related(doc)
    # Only web links are offered as links: a stored url could be anything.
    source_link = doc.url if doc.url and doc.url.startswith(("http://", "https://")) else None
    return render_template("doc.html", doc=doc, q=q, typed=q, view=view, title=title,
                           title_html=highlight_html(title, runs), officials=officials,
                           text_html=highlight_html(convert(doc.original), runs),
                           related=related, related_titles=hit_titles(related),
                           source_link=source_link,
                           json_url=url_for("archive.document_json", doc_id=doc.id))


def load_trail(name: str):
    """(profile, Trail) for the official and the page and order the request asks for."""
    name = name.strip()
    if not name or len(name) > MAX_OFFICIAL_CHARS:
        abort(400, f"an official's name is 1 to {MAX_OFFICIAL_CHARS} characters")
    page = parse_trail_page(request.args.get("page"))
    order = parse_trail_order(request.args.get("order"))
    folded = fold(name)
    index = get_index()
    profile = index.official_profile(folded)
    if profile is None:
        abort(404, f"no document names an official {name!r}")
    return profile, index.official_trail(folded, page=page, order=order)


def by_year(hits) -> list[tuple[str, list]]:
    """Consecutive hits grouped under their year, in the order given; no year is its own group."""
    groups: list[tuple[str, list]] = []
    for hit in hits:
        known = hit.date and hit.date.precision != "month-day"
        year = hit.date.value[:4] if known else ""
        if not groups or groups[-1][0] != year:
            groups.append((year, []))
        groups[-1][1].append(hit)
    return groups


@bp.route("/official/<name>")
def official(name: str):
    profile, trail = load_trail(name)
    return render_template("official.html", name=trail.name, profile=profile, trail=trail,
                           written=as_written(profile, trail.name),
                           years=by_year(trail.hits), titles=hit_titles(trail.hits),
                           page_params=lambda page: trail_params(trail, page))


@bp.route("/official/<name>.json")
def official_json(name: str):
    profile, trail = load_trail(name)
    return jsonify(trail_payload(profile, trail, base_url=site_url()))


@bp.app_template_filter("highlight")
def highlight_filter(text: str, terms) -> Markup:
    """Text escaped with the query's (non-excluded) terms marked, e.g. a hit's title."""
    return Markup(highlight_html(text or "", [run for term in terms if not term.exclude
                                              for run in term.runs]))


@bp.app_template_filter("in_script")
def in_script(text: str, script: str | None) -> str:
    """Folded (simplified) text, such as a stored office, in a document's script."""
    return to_traditional(text) if text and script == "traditional" else text or ""


@bp.app_template_filter("most_specific")
def most_specific(regions) -> list:
    """The regions no other one lies within: 臺灣 › 臺南市 › 東區 already says 臺南市."""
    within = {key for region in regions for key in region.path_keys[:-1]}
    return [region for region in regions if region.key not in within]


@bp.app_template_filter("dict_without")
def dict_without(values: dict, key: str) -> dict:
    return {k: v for k, v in values.items() if k != key}


@bp.app_template_filter("fold")
def fold_filter(text: str) -> str:
    """A name in the folded (simplified) form the index files officials under."""
    return fold(text or "")
