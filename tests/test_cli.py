"""The `archive` command through click's CliRunner, on real indexes."""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from archive.cli import cli

from .conftest import SEEDS, seed_path


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_reindex_defaults_to_seeds_and_is_incremental(tmp_path):
    index_dir = str(tmp_path / "index")
    first = run("reindex", "--index", index_dir, "--workers", "1")
    assert first.exit_code == 0, first.output
    assert "5 added, 0 updated, 0 unchanged, 0 deleted, 0 failed" in first.output
    second = run("reindex", "--index", index_dir)
    assert "0 added, 0 updated, 5 unchanged" in second.output
    full = run("reindex", "--full", "--index", index_dir, "--workers", "2")
    assert "5 added" in full.output


def test_index_defaults_to_environment_variable(tmp_path):
    index_dir = str(tmp_path / "from-env")
    result = run("reindex", str(seed_path("001")), env={"ARCHIVE_INDEX": index_dir})
    assert result.exit_code == 0 and index_dir in result.output
    found = run("search", "杨国昕", env={"ARCHIVE_INDEX": index_dir})
    assert "001_0c41b430a93a6d9e" in found.output


def test_reindex_reports_bad_files_and_goes_on(tmp_path):
    (tmp_path / "ok.txt").write_text("区长杨国昕主持会议。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00\xff")
    result = CliRunner().invoke(cli, ["reindex", str(tmp_path), "--index",
                                      str(tmp_path / "index")])
    assert result.exit_code == 1  # finished, with a failure
    assert "1 added" in result.output and "1 failed" in result.output
    assert "bad.txt" in result.output  # the skipped file is named


def test_search_human_and_json(seed_index):
    human = run("search", "楊國昕", "--index", str(seed_index))
    assert human.exit_code == 0
    assert "1 document" in human.output and "001_0c41b430a93a6d9e" in human.output
    data = json.loads(run("search", "任俊洁", "--index", str(seed_index), "--json").stdout)
    assert data["total"] == 1 and data["hits"][0]["id"] == "000_13eb6cda136f1765"
    assert set(data) >= {"query", "total", "page", "hits", "facets"}
    assert set(data["facets"]) >= {"region", "official", "date"}


def test_search_json_equals_web_api(seed_index, client):
    cli_data = json.loads(run("search", "书记", "--index", str(seed_index), "--region", "四川省",
                              "--json", env={"ARCHIVE_BASE_URL": "http://localhost"}).stdout)
    web_data = client.get("/api/search?q=书记&region=四川省").get_json()
    for data in (cli_data, web_data):
        data.pop("seconds")
    assert [h["id"] for h in cli_data["hits"]] == [h["id"] for h in web_data["hits"]]
    assert cli_data["total"] == web_data["total"]
    assert cli_data["facets"] == web_data["facets"]  # links and all, on the same base URL
    assert cli_data["hits"][0]["url"] == web_data["hits"][0]["url"]


def test_errors_are_one_line_without_traceback(tmp_path, seed_index):
    missing = CliRunner().invoke(cli, ["search", "x", "--index", str(tmp_path / "nothing")])
    assert missing.exit_code == 1
    assert "no index" in missing.output and "Traceback" not in missing.output
    bad_date = CliRunner().invoke(cli, ["search", "x", "--index", str(seed_index),
                                        "--from", "2020-13"])
    assert bad_date.exit_code == 2 and "not a valid date" in bad_date.output
    # every kind of bad query or filter is a usage error, as a bad --limit is to click
    for bad_search in (["x", "--limit", "0"], ['"unbalanced'], ["a OR"], ["x", "--region", "朝阳区"],
                       ["x", "--to", "2020-02-30"], ["x" * 5000], ["书记", "--page", "99"]):
        result = CliRunner().invoke(cli, ["search", *bad_search, "--index", str(seed_index)])
        assert result.exit_code == 2 and "Traceback" not in result.output, bad_search
        assert result.stderr.count("Error:") == 1, result.output
    assert "Exit status" in CliRunner().invoke(cli, ["search", "--help"]).stdout
    serve_missing = CliRunner().invoke(cli, ["serve", "--index", str(tmp_path / "nothing")])
    assert serve_missing.exit_code == 1 and "archive reindex" in serve_missing.output


def test_extract_prints_json_lines(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    result = CliRunner().invoke(cli, ["extract", str(SEEDS), str(tmp_path / "bad.txt")])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1  # one file failed, the others were still printed
    assert [d["id"][:3] for d in lines] == ["000", "001", "002", "003", "004"]
    for record in lines:
        assert set(record) >= {"id", "title", "script", "body", "regions", "mentioned_regions",
                               "officials", "reporters", "date", "source"}
    assert "bad.txt" in result.stderr


def test_search_says_which_index_it_searched_on_stderr(seed_index):
    human = run("search", "楊國昕", "--index", str(seed_index))
    assert human.stderr == f"searched {seed_index} (5 documents)\n"
    assert "001_0c41b430a93a6d9e" in human.stdout and "searched" not in human.stdout
    as_json = run("search", "楊國昕", "--index", str(seed_index), "--json")
    assert json.loads(as_json.stdout)["total"] == 1      # stdout stays pure JSON
    assert as_json.stderr == f"searched {seed_index} (5 documents)\n"


def test_search_json_links_are_absolute_on_the_configured_base(seed_index):
    default = json.loads(run("search", "楊國昕", "--index", str(seed_index), "--json",
                             env={"ARCHIVE_BASE_URL": None}).stdout)
    assert default["hits"][0]["url"] == "http://127.0.0.1:8000/doc/001_0c41b430a93a6d9e"
    assert default["links"]["html"].startswith("http://127.0.0.1:8000/search?q=")
    configured = json.loads(run("search", "楊國昕", "--index", str(seed_index), "--json",
                                env={"ARCHIVE_BASE_URL": "https://news.example.org/archive/"}).stdout)
    assert configured["hits"][0]["url"] == \
        "https://news.example.org/archive/doc/001_0c41b430a93a6d9e"
    links = [configured["links"]["atom"]] + [f["url"] for f in configured["facets"]["region"]]
    assert all(link.startswith("https://news.example.org/archive/") for link in links)
    bad = CliRunner().invoke(cli, ["search", "x", "--index", str(seed_index), "--json"],
                             env={"ARCHIVE_BASE_URL": "news.example.org"})
    assert bad.exit_code == 1 and bad.stdout == ""
    assert bad.stderr.count("\n") == 1 and "ARCHIVE_BASE_URL must be an http" in bad.stderr
    assert "$ARCHIVE_BASE_URL" in run("search", "--help").stdout


def run_bare(*args):
    """The `archive` command with no index or base URL in the environment, in
    the current directory: in process, as what is tested is where the default
    index is looked for and what is said of it, not the process."""
    return CliRunner().invoke(cli, list(args), env={"ARCHIVE_INDEX": None, "ARCHIVE_BASE_URL": None})


def test_search_without_an_index_points_to_reindex(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = run_bare("search", "杨国昕")
    assert missing.exit_code == 1 and missing.stdout == ""
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr
    assert "no index at instance/index (the default;" in missing.stderr
    assert "run `archive reindex [SOURCE...]` to build it" in missing.stderr
    (tmp_path / "nothing").mkdir()
    assert run("reindex", str(tmp_path / "nothing"), "--index",
               str(tmp_path / "instance" / "index")).exit_code == 0
    empty = run_bare("search", "杨国昕", "--json")
    assert empty.exit_code == 0 and json.loads(empty.stdout)["total"] == 0
    assert empty.stderr == (
        f"searched .{os.sep}instance{os.sep}index (the default; --index DIR or $ARCHIVE_INDEX "
        "picks another): it holds no documents; run `archive reindex [SOURCE...]` to fill it\n")
    elsewhere = run_bare("search", "x", "--index", "other")
    assert "run `archive reindex [SOURCE...] --index ./other` to build it" in elsewhere.stderr


@pytest.mark.parametrize("base", ['http://a"><script>x', "http://exa mple.org", "http://<b>/",
                                  "https://news.example.org/a b/", "http://[::1", "http://host_/"])
def test_a_base_url_no_url_could_have_is_refused_by_serve_and_search_alike(seed_index, base):
    """A typo in the public address made every absolute link `http:/search…` (serve) or
    carried the paste into every link (search --json): both refuse it in one line."""
    served = CliRunner().invoke(cli, ["serve", "--index", str(seed_index), "--port", "1",
                                      "--base-url", base])
    assert served.exit_code == 2 and "is not a URL" in served.output, served.output
    searched = CliRunner().invoke(cli, ["search", "x", "--index", str(seed_index), "--json"],
                                  env={"ARCHIVE_BASE_URL": base})
    assert searched.exit_code == 1 and searched.stdout == "", searched.output
    assert searched.stderr.count("\n") == 1 and "ARCHIVE_BASE_URL" in searched.stderr


@pytest.mark.parametrize("base", ["http://127.0.0.1:8000", "https://news.example.org/archive/",
                                  "http://[::1]:8080/a~b/", "http://xn--fiqs8s.example"])
def test_real_base_urls_are_taken(seed_index, base):
    searched = CliRunner().invoke(cli, ["search", "杨国昕", "--index", str(seed_index), "--json"],
                                  env={"ARCHIVE_BASE_URL": base})
    assert searched.exit_code == 0
    assert json.loads(searched.stdout)["hits"][0]["url"].startswith(base.rstrip("/") + "/doc/")


def test_an_empty_index_path_is_refused_not_the_current_directory(tmp_path, monkeypatch):
    """--index "$UNSET" would have built the index in the current directory."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["reindex", str(seed_path("001")), "--index", ""])
    assert result.exit_code == 2 and "'--index': is empty" in result.output
    assert list(tmp_path.iterdir()) == []
    for command in (["search", "x"], ["serve"]):
        refused = CliRunner().invoke(cli, [*command, "--index", " "])
        assert refused.exit_code == 2 and "'--index': is empty" in refused.output
