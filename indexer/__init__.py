"""The index: build it from documents, search it. The only package that touches Whoosh.

    build(sources, index_dir, full=False, workers=1)  -> BuildReport
    build_sharded(sources, index_dir, shards=N, ...)   -> BuildReport (see shard_build)
    open_index(index_dir).search(SearchRequest)        -> SearchResult

Everything above this line (the CLI, the web app) speaks only these names,
so that another engine can stand behind them.
"""
from . import whoosh_fixes  # noqa: F401  (before any index is read or written)
from .build import BuildReport, build
from .engine import ShardUnavailable
from .query import QueryError, SearchRequest
from .search import Facets, FacetValue, Hit, Index, SearchResult, open_index
from .shard_build import ShardCountChanged, build_sharded
from .manifest import is_sharded
from .store import IndexBusy, IndexMissing, IndexWriteError

__all__ = ["BuildReport", "build", "QueryError", "SearchRequest", "Facets", "FacetValue", "Hit",
           "Index", "SearchResult", "open_index", "IndexBusy", "IndexMissing",
           "IndexWriteError", "ShardCountChanged", "ShardUnavailable", "build_sharded",
           "is_sharded"]
