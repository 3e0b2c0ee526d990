"""The pages: home, search, a document, an official's trail. Views only speak the index API."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for

from archive.script import fold, to_simplified, to_traditional
from indexer import QueryError
from indexer.query import MAX_DEPTH, MAX_PAGE, parse_query
from indexer.snippets import highlight_html

from . import histogram
from .links import site_url
from .api import document_payload, search_payload, trail_payload
from .searching import get_index, hit_titles, run_search

bp = Blueprint("archive", __name__)

# Each example finds something in the bundled seeds (a test holds them to it).
EXAMPLES = ["杨国昕", "楊國昕", "任俊洁", "\"主持召开\"", "书记 -疫情", "陈涛镇"]
DOC_SCRIPTS = ("simplified", "traditional")
TRAIL_LIMIT = 500


@bp.route("/")
def home():
    return render_template("home.html", stats=get_index().stats(), examples=EXAMPLES)


@bp.route("/favicon.ico")
def favicon():
    # Browsers ask for this path whatever the page links; answer with the SVG icon.
    return current_app.send_static_file("favicon.svg")


@bp.route("/search")
def search():
    search_request, result = run_search()
    # Pages past the depth limit would only answer 400: do not offer them.
    last_page = min(result.pages, MAX_PAGE, MAX_DEPTH // search_request.page_size)
    return render_template("search.html", req=search_request, result=result, last_page=last_page,
                           titles=hit_titles(result.hits), bars=histogram.bars(result.facets))


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


@bp.route("/doc/<doc_id>")
def document(doc_id: str):
    doc = load_document(doc_id)
    q = request.args.get("q", "")
    view = request.args.get("script") or None
    if view is not None and view not in DOC_SCRIPTS:
        abort(400, f"script must be one of {', '.join(DOC_SCRIPTS)}")
    text = doc.original
    if view == "simplified":
        text = to_simplified(text)
    elif view == "traditional":
        text = to_traditional(text)
    related = get_index().related(doc)
    # Only web links are offered as links: a stored url could be anything.
    source_link = doc.url if doc.url and doc.url.startswith(("http://", "https://")) else None
    return render_template("doc.html", doc=doc, q=q, view=view,
                           text_html=highlight_html(text, highlight_runs(q)),
                           related=related, related_titles=hit_titles(related),
                           source_link=source_link,
                           json_url=url_for("archive.document_json", doc_id=doc.id))


def load_trail(name: str):
    name = name.strip()
    if not name or len(name) > 32:
        abort(400, "an official's name is 1 to 32 characters")
    folded = fold(name)
    index = get_index()
    profile = index.official_profile(folded)
    if profile is None:
        abort(404, f"no document names an official {name!r}")
    return folded, profile, index.official_trail(folded, limit=TRAIL_LIMIT)


@bp.route("/official/<name>")
def official(name: str):
    folded, profile, trail = load_trail(name)
    return render_template("official.html", name=folded, profile=profile, trail=trail,
                           titles=hit_titles(trail), limit=TRAIL_LIMIT)


@bp.route("/official/<name>.json")
def official_json(name: str):
    folded, profile, trail = load_trail(name)
    return jsonify(trail_payload(folded, profile, trail, base_url=site_url()))


@bp.app_template_filter("fold")
def fold_filter(text: str) -> str:
    """A name in the folded (simplified) form the index files officials under."""
    return fold(text or "")
