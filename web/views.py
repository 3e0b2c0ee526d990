"""Pages and API endpoints. Views only speak the index API (`indexer`)."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for

from indexer import SearchRequest, open_index

from .api import document_payload, search_payload

bp = Blueprint("archive", __name__)

EXAMPLES = ["杨国昕", "楊國昕", "任俊洁", "\"主持召开\"", "书记 招商"]


def get_index():
    """One Index per app; it follows the live generation by itself."""
    index = current_app.extensions.get("archive_index")
    if index is None:
        index = open_index(current_app.config["INDEX_DIR"])
        current_app.extensions["archive_index"] = index
    return index


def run_search():
    search_request = SearchRequest.from_params(request.args,
                                               page_size=current_app.config["PAGE_SIZE"])
    result = get_index().search(search_request)
    if search_request.page > 1 and search_request.page > result.pages:
        abort(400, f"page {search_request.page} is past the last page ({result.pages}) "
                   f"of {result.total} results")
    return search_request, result


@bp.route("/")
def home():
    return render_template("home.html", stats=get_index().stats(), examples=EXAMPLES)


@bp.route("/search")
def search():
    search_request, result = run_search()
    return render_template("search.html", req=search_request, result=result)


@bp.route("/search.json")
@bp.route("/api/search")
def search_json():
    search_request, result = run_search()
    return jsonify(search_payload(search_request, result, base_url=request.host_url.rstrip("/")))


def load_document(doc_id: str):
    if len(doc_id) > 200:
        abort(404, "no such document")
    doc = get_index().get(doc_id)
    if doc is None:
        abort(404, f"no document with id {doc_id!r}")
    return doc


@bp.route("/doc/<doc_id>.json")
def document_json(doc_id: str):
    doc = load_document(doc_id)
    return jsonify(document_payload(doc, base_url=request.host_url.rstrip("/")))


@bp.route("/doc/<doc_id>")
def document(doc_id: str):
    from archive.script import to_simplified, to_traditional
    from indexer.analysis import query_runs
    from indexer.snippets import highlight_html

    doc = load_document(doc_id)
    q = request.args.get("q", "")[:256]
    runs = query_runs(q.replace('"', " ").replace("-", " ")) if q else []
    view = request.args.get("script")
    text = doc.original
    if view == "simplified":
        text = to_simplified(text)
    elif view == "traditional":
        text = to_traditional(text)
    return render_template("doc.html", doc=doc, q=q, view=view,
                           text_html=highlight_html(text, runs),
                           related=get_index().related(doc),
                           json_url=url_for("archive.document_json", doc_id=doc.id))
