"""The `archive` command: reindex, search, extract, serve.

One click group, one verb per subcommand. Every expected failure (a missing
index, an unreadable path, a bad date) is one line on stderr and a non-zero
exit, never a traceback.
"""
from __future__ import annotations

import errno
import json
import os
import sys
import time
from pathlib import Path

import click

DEFAULT_INDEX = Path("instance") / "index"


def default_index() -> str:
    return os.environ.get("ARCHIVE_INDEX") or str(DEFAULT_INDEX)


def bundled_seeds() -> Path:
    """The seed documents: in a checkout beside the package, else where pip put them."""
    candidates = [Path(__file__).resolve().parent.parent / "seeds",
                  Path(sys.prefix) / "share" / "archive" / "seeds"]
    for candidate in candidates:
        if candidate.is_dir() and any(candidate.iterdir()):
            return candidate
    raise click.UsageError("no SOURCE given and the bundled seeds/ were not found; "
                           "name a file or directory to index")


def _named_index(ctx, param, value: str) -> str:
    # An empty --index (an unset variable: --index "$DIR") would make the
    # current directory the index, its files strewn among the user's own.
    if not value.strip():
        raise click.BadParameter("is empty; name the directory that holds the index")
    return value


def _scheduler(ctx, param, value: str | None) -> str | None:
    # An empty $ARCHIVE_SCHEDULER means no cluster, as an unset one does.
    return value.strip() or None if value is not None else None


scheduler_option = click.option(
    "--scheduler", envvar="ARCHIVE_SCHEDULER", default=None, callback=_scheduler,
    metavar="ADDRESS", help="A Dask scheduler (tcp://HOST:PORT) whose workers build or search "
    "the shards; they must reach DIR at the same path. [env: ARCHIVE_SCHEDULER]")


def cluster_errors() -> tuple:
    """What searching on a cluster can fail with, in one line each: no
    scheduler at the address, a single index, a shard that cannot answer."""
    from indexer import ShardUnavailable
    from indexer.cluster import ClusterUnreachable, NotSharded
    quiet_dask()
    return ClusterUnreachable, NotSharded, ShardUnavailable


def quiet_dask() -> None:
    """Dask's own log lines (a worker lost, a task rescheduled) are not the
    CLI's: what matters is said in one line of ours."""
    import logging
    logging.getLogger("distributed").setLevel(logging.CRITICAL)


index_option = click.option(
    "--index", "index_dir", default=default_index, show_default="$ARCHIVE_INDEX or ./instance/index",
    type=click.Path(file_okay=False), callback=_named_index, help="Directory that holds the index.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="archive")
def cli() -> None:
    """A searchable archive of Chinese local-government news.

    \b
    Typical use:
      archive reindex                 index the bundled seeds/
      archive reindex ~/scraped/      add or update documents from a folder
      archive search 杨国昕            search in either script
      archive serve                   open the search site on localhost:8000
    """


# Exit statuses of `reindex` and `extract`, as their --help and the README say.
EXIT_OK = 0           # every document was read and indexed (or printed)
EXIT_FAILURES = 1     # finished, but some documents or SOURCEs failed and were skipped
EXIT_USAGE = 2        # a bad option or argument (click's own status for usage errors)
EXIT_NOT_WRITTEN = 3  # stopped before finishing (index busy, disk full, not writable): nothing changed

EXIT_STATUS_HELP = """
    \b
    Exit status:
      0  all documents indexed
      1  finished, but some documents or SOURCEs failed (each is listed)
      2  usage error (a bad option or argument)
      3  nothing changed: the index is busy, or could not be written
"""


@cli.command(epilog=EXIT_STATUS_HELP)
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@index_option
@click.option("--full", is_flag=True, help="Rebuild from scratch in a new index generation, "
              "then switch to it atomically (searches keep working meanwhile).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Processes for reading and analysis (default: number of cores).")
@click.option("--shards", type=click.IntRange(1, 1024), default=None,
              help="Split the index into N shards by a hash of each document's id (a new "
                   "count needs --full; default: the count the index has, else one index).")
@scheduler_option
def reindex(sources: tuple[Path, ...], index_dir: str, full: bool, workers: int | None,
            shards: int | None, scheduler: str | None) -> None:
    """Index documents from SOURCE files or directories (default: the bundled seeds/).

    SOURCE may be .txt, .html/.htm, .json (one document) or .jsonl (one per
    line, with "text" and optionally "id", "title", "date", "source", "url").
    Unchanged documents are skipped; documents deleted from a SOURCE
    directory are removed. Bad files are reported and skipped.
    """
    from indexer import (IndexBusy, IndexWriteError, ShardCountChanged, build, build_sharded,
                         is_sharded)

    from .progress import ReindexProgress

    paths = list(sources) or [bundled_seeds()]
    workers = workers or os.cpu_count() or 1
    started = time.monotonic()
    terminal = sys.stderr.isatty()
    progress = ReindexProgress(sys.stderr, terminal)
    failures: list[str] = []

    def report_failure(error) -> None:
        failures.append(str(error))
        if not terminal:  # on a terminal, after the bars, so that they stay whole
            click.echo(f"skipped {error}", err=True)

    def notify(message: str) -> None:
        click.echo(message, err=True)

    def shard_done(shard) -> None:
        progress.close()   # its last stage's line, before the shard's own
        click.echo(f"shard {shard.shard + 1}: {shard.added} added, {shard.updated} updated, "
                   f"{shard.unchanged} unchanged, {shard.deleted} deleted, "
                   f"{shard.failed} failed", err=True)

    run, cluster_failed = None, ()   # the exceptions of a cluster build, when there is one
    if scheduler:
        # Each shard's build is a task on the cluster's workers, which write
        # DIR on the shared filesystem: its absolute path, and the sources'.
        from indexer.cluster import ClusterBuildFailed, ClusterUnreachable, connect, run_builds
        quiet_dask()
        try:
            client = connect(scheduler)
        except ClusterUnreachable as exc:
            raise click.ClickException(str(exc))
        paths = [path.absolute() for path in paths]
        index_dir = os.path.abspath(index_dir)
        run = lambda tasks: run_builds(client, tasks)  # noqa: E731
        cluster_failed = (ClusterBuildFailed,)
    try:
        if shards is None and not is_sharded(index_dir) and not scheduler:
            report = build(paths, index_dir, full=full, workers=workers, progress=progress,
                           on_error=report_failure, notify=notify)
        else:
            report = build_sharded(paths, index_dir, shards, full=full, workers=workers,
                                   progress=progress, on_error=report_failure, notify=notify,
                                   on_shard=shard_done, run=run)
    except ShardCountChanged as exc:
        progress.close(completed=False)
        raise click.UsageError(str(exc))
    except (IndexBusy, IndexWriteError) as exc:
        progress.close(completed=False)
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_NOT_WRITTEN)
    except cluster_failed as exc:
        progress.close(completed=False)
        click.echo(f"Error: the build failed on the cluster: {exc}; the live index is unchanged",
                   err=True)
        sys.exit(EXIT_FAILURES)
    progress.close()
    if terminal:
        for failure in failures:
            click.echo(f"skipped {failure}", err=True)
    seconds = time.monotonic() - started
    click.echo(f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
               f"{report.deleted} deleted, {report.failed} failed in {seconds:.1f}s "
               f"-> {index_dir}")
    sys.exit(EXIT_FAILURES if report.failed else EXIT_OK)


DEFAULT_BASE_URL = "http://127.0.0.1:8000"   # where `archive serve` listens by default


def search_base_url() -> str:
    """Where the links of `search --json` point: $ARCHIVE_BASE_URL, else the default serve address."""
    from web.links import BaseUrlError, parse_base_url

    base = (os.environ.get("ARCHIVE_BASE_URL") or DEFAULT_BASE_URL).strip().rstrip("/")
    try:  # the check serve makes, so that both accept the same addresses
        parse_base_url(base)
    except BaseUrlError as exc:
        raise click.ClickException(f"ARCHIVE_BASE_URL must be an http:// or https:// address: {exc}")
    return base


def shown_path(path: str) -> str:
    """A relative index path as ./path, so that it reads as relative to where you are."""
    return path if os.path.isabs(path) or path.startswith(".") else f".{os.sep}{path}"


class BadSearch(click.ClickException):
    """A query or filter that cannot be searched (a bad date, unbalanced quotes,
    an ambiguous region): a bad argument like any other, so status 2, as click
    gives --limit 0."""
    exit_code = EXIT_USAGE


@cli.command(epilog="""
    \b
    Exit status:
      0  searched (also when nothing matched)
      1  no index to search (missing or damaged), or a bad $ARCHIVE_BASE_URL
      2  usage error: a bad option, query or filter (date, region, quotes)
""")
@click.argument("query")
@index_option
@click.option("--region", help="Region name or code; includes everything below it (绵阳市, 510704).")
@click.option("--official", help="Official's name, in either script.")
@click.option("--from", "date_from", help="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--to", "date_to", help="Latest date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--script", type=click.Choice(["simplified", "traditional", "mixed"]))
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance",
              show_default=True)
@click.option("--page", type=click.IntRange(1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True,
              help="Hits per page.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the web API's JSON object. Its links are absolute, on $ARCHIVE_BASE_URL "
                   f"if set, else {DEFAULT_BASE_URL} (where `archive serve` listens by default).")
@scheduler_option
@click.pass_context
def search(ctx, query: str, index_dir: str, region, official, date_from, date_to, script, sort,
           page, limit, as_json, scheduler) -> None:
    """Search the index for QUERY (words, "quoted phrases", A OR B, -excluded terms;
    "" lists all, newest first).

    Which index was searched, and how many documents it holds, is said on
    stderr, so that --json output stays pure JSON.
    """
    from indexer import IndexMissing, QueryError, SearchRequest, open_index
    from web.api import search_payload

    cluster_failed = cluster_errors() if scheduler else ()
    where = shown_path(index_dir)
    default = (ctx.get_parameter_source("index_dir") == click.core.ParameterSource.DEFAULT
               and not os.environ.get("ARCHIVE_INDEX"))
    about = " (the default; --index DIR or $ARCHIVE_INDEX picks another)" if default else ""
    rebuild = "archive reindex [SOURCE...]" + ("" if default else f" --index {where}")
    base_url = search_base_url() if as_json else ""
    try:
        request = SearchRequest.from_params({
            "q": query, "region": region, "official": official, "from": date_from,
            "to": date_to, "script": script, "sort": sort, "page": str(page)}, page_size=limit)
        index = open_index(index_dir, scheduler)
        try:
            result = index.search(request)
            size = index.document_count()
        finally:
            index.close()
        request.check_page(result)
    except IndexMissing as exc:
        raise click.ClickException(f"{exc}{about}; run `{rebuild}` to build it")
    except QueryError as exc:
        raise BadSearch(exc.spelled_out())
    except cluster_failed as exc:
        raise click.ClickException(str(exc))
    if size == 0:
        click.echo(f"searched {where}{about}: it holds no documents; run `{rebuild}` to fill it",
                   err=True)
    else:
        noun = "document" if size == 1 else "documents"
        click.echo(f"searched {where} ({size} {noun}){about}", err=True)
    if as_json:
        click.echo(json.dumps(search_payload(request, result, base_url=base_url),
                              ensure_ascii=False, indent=2))
        return
    noun = "document" if result.total == 1 else "documents"
    click.echo(f"{result.total} {noun} match {result.query_text!r} "
               f"({result.seconds * 1000:.0f} ms)")
    for rank, hit in enumerate(result.hits, start=(page - 1) * limit + 1):
        date = hit.date.value if hit.date else "date unknown"
        click.echo(f"\n{rank}. {hit.title or '(untitled)'}  [{hit.id}]  {date}")
        regions = "; ".join(" > ".join(r.path) for r in hit.regions)
        if regions:
            click.echo(f"   {regions}")
        if hit.officials:
            click.echo("   " + "、".join(f"{o.title}{o.name}" for o in hit.officials[:6]))
        click.echo("   " + hit.snippet_text)


@cli.command(epilog="""
    \b
    Exit status:
      0  every document printed
      1  finished, but some files or PATHs failed (each is listed on stderr)
      2  usage error (a bad option or argument)
""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def extract(paths: tuple[Path, ...]) -> None:
    """Print each document in PATHS with its metadata, one JSON object per line.

    No index is involved. Problems with a file are reported on stderr and the
    other files are still printed.
    """
    from .extract import extract as extract_document
    from .ingest import IngestError, read_sources

    failed = 0
    for item in read_sources(paths):
        if isinstance(item, IngestError):
            failed += 1
            click.echo(f"skipped {item}", err=True)
            continue
        try:
            line = json.dumps(extract_document(item).to_dict(), ensure_ascii=False)
        except Exception as exc:  # the boundary: one document, not the run
            failed += 1
            click.echo(f"skipped {item.origin}: extraction failed: {type(exc).__name__}: {exc}",
                       err=True)
            continue
        click.echo(line)
    sys.exit(EXIT_FAILURES if failed else EXIT_OK)


@cli.command()
@index_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64))
@click.option("--base-url", envvar="ARCHIVE_BASE_URL", default=None,
              help="Public address for absolute links (API, feeds, OpenSearch), e.g. "
                   "https://archive.example/; default: the request's Host. [env: ARCHIVE_BASE_URL]")
@scheduler_option
def serve(index_dir: str, host: str, port: int, threads: int, base_url: str | None,
          scheduler: str | None) -> None:
    """Serve the search site and JSON API with a production WSGI server."""
    from indexer import IndexMissing, open_index
    from web import create_app
    from web.links import BaseUrlError, parse_base_url
    from web.server import bind

    if base_url:
        try:
            parse_base_url(base_url)
        except BaseUrlError as exc:
            raise click.BadParameter(str(exc), param_hint="--base-url")

    cluster_failed = cluster_errors() if scheduler else ()
    try:
        index = open_index(index_dir, scheduler)
        index.warm_up()   # on a cluster: every shard opened on its worker
    except IndexMissing as exc:  # a damaged index's message names its own remedy
        raise click.ClickException(str(exc) if exc.damaged else f"{exc} (run `archive reindex` first)")
    except cluster_failed as exc:
        raise click.ClickException(str(exc))
    app = create_app({"INDEX_DIR": index_dir, "BASE_URL": base_url or None})
    app.extensions["archive_index"] = index
    try:
        server = bind(app, host=host, port=port, threads=threads)
    except OSError as exc:  # the port is taken, the host is not this machine's, ...
        if exc.errno == errno.EADDRINUSE:
            raise click.ClickException(f"port {port} on {host} is already in use; "
                                       "stop what is using it or choose another with --port")
        raise click.ClickException(f"cannot serve on {host}:{port}: "
                                   f"{(exc.strerror or str(exc)).lower()}")
    except ValueError:  # waitress: the host resolves to no address (a typo, an empty --host)
        raise click.ClickException(f"cannot serve on {host!r}: no such host name or address")
    click.echo(f"serving {index_dir} on http://{host}:{port}/", err=True)
    server.run()


def main() -> None:
    cli(prog_name="archive")


if __name__ == "__main__":
    main()
