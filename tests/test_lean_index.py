"""The lean index: fast-path analysis equal to its analyzers, ranking only the
top of an unscored match set, and generations of an older format refused or
rebuilt, never misread."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.script import fold
from indexer import IndexMissing, SearchRequest, build, open_index, store
from indexer.analysis import CharBigramTokenizer, CharSetTokenizer, bigram_positions, word_chars
from indexer.schema import FORMAT_VERSION, build_schema

from .conftest import SEEDS

# Word characters of both scripts, digits, Latin, and what separates runs.
TEXT = st.text(alphabet=st.sampled_from(list("新闻國际关係台南市长书記会议ab9０Ａ _-，。\n、")),
               max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_bigram_field_indexes_exactly_what_its_tokenizer_yields(text):
    expected: dict[str, list[int]] = {}
    for token in CharBigramTokenizer()(text, positions=True):
        expected.setdefault(token.text, []).append(token.pos)
    assert bigram_positions(text) == expected
    # Every character starts one token: the character field holds exactly
    # the first characters of the bigram field's tokens.
    assert set(word_chars(text)) == {t[0] for t in expected}
    assert [t.text for t in CharSetTokenizer()(text)] == word_chars(text)


def test_the_bigram_field_is_unscored_and_writes_no_lengths(tmp_path, seed_documents):
    schema = build_schema()
    assert not schema["chars"].scorable and not schema["char"].scorable
    build([SEEDS], tmp_path / "index")
    from whoosh import index as whoosh_index

    reader = whoosh_index.open_dir(str(store.current_generation(tmp_path / "index"))).reader()
    assert reader.field_length("chars") == 0 and reader.field_length("words") > 0
    holding = [d for d in seed_documents.values() if "书" in fold(f"{d.title}\n{d.body}")]
    assert reader.doc_frequency("char", "书") == len(holding) > 0


def _all_pages(index, q: str, page_size: int, sort: str = "relevance"):
    ids, scores, page = [], [], 1
    while True:
        result = index.search(SearchRequest.from_params(
            {"q": q, "page": str(page), "sort": sort}, page_size=page_size))
        ids += [h.id for h in result.hits]
        scores += [h.score for h in result.hits]
        if page >= result.pages:
            return result.total, ids, scores
        page += 1


@pytest.fixture(scope="module")
def many_documents(tmp_path_factory):
    """120 documents, some with the query word in the title, some only inside a word."""
    folder = tmp_path_factory.mktemp("many")
    source = folder / "docs"
    source.mkdir()
    for n in range(120):
        title = "招商引资工作会议" if n % 7 == 0 else f"第{n}期简报"
        body = "区长主持会议，研究招商工作。" if n % 3 else "会议室整修完毕。"
        (source / f"d{n:03d}.txt").write_text(f"{title}\n{body}\n编号{n}", encoding="utf-8")
    build([source], folder / "index")
    return open_index(folder / "index")


@pytest.mark.parametrize("page_size", [1, 7, 100])
def test_paging_lists_every_match_once_in_rank_order(many_documents, page_size):
    # Pages past the first ranked head make it rank deeper; whatever the page
    # size, the pages together are the whole match set, best first.
    total, ids, scores = _all_pages(many_documents, "会议", page_size)
    assert total == 120 and len(ids) == 120 and len(set(ids)) == 120
    assert scores == sorted(scores, reverse=True)
    titled = {f"d{n:03d}" for n in range(0, 120, 7)}
    assert set(ids[:len(titled)]) == titled  # the word in the title ranks first


def test_date_order_needs_no_scores(many_documents):
    total, ids, scores = _all_pages(many_documents, "招商", 25, sort="date")
    assert total == len(ids) == len(set(ids)) == 80 + 6  # bodies, and titles n % 21 == 0
    assert set(scores) == {None}


def _old_format(index_dir):
    # A generation written before formats were recorded reads as format 1.
    (store.current_generation(index_dir) / "FORMAT").unlink()


def test_a_search_of_an_older_format_is_refused_in_one_line(tmp_path, monkeypatch):
    build([SEEDS], tmp_path / "index")
    _old_format(tmp_path / "index")
    with pytest.raises(IndexMissing, match=f"older format \\(1; this archive reads {FORMAT_VERSION}\\)"):
        open_index(tmp_path / "index").search(SearchRequest.from_params({"q": "书记"}))

    from web import create_app

    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    response = client.get("/search.json?q=书记")
    assert response.status_code == 503
    assert str(tmp_path) not in response.get_data(as_text=True)

    from click.testing import CliRunner
    from archive.cli import cli

    result = CliRunner().invoke(cli, ["search", "书记", "--index", str(tmp_path / "index")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "older format" in result.output and "Traceback" not in result.output
    assert "archive reindex" in result.output


def test_a_reindex_rebuilds_an_older_format_in_full(tmp_path):
    index_dir = tmp_path / "index"
    build([SEEDS], index_dir)
    old = store.current_generation(index_dir)
    _old_format(index_dir)
    heard: list[str] = []
    report = build([SEEDS], index_dir, notify=heard.append)
    assert report.added == 5 and report.unchanged == 0
    assert any(m.startswith("index format changed") for m in heard)
    new = store.current_generation(index_dir)
    assert new != old and not old.exists()
    assert (new / "FORMAT").read_text().strip() == str(FORMAT_VERSION)
    result = open_index(index_dir).search(SearchRequest.from_params({"q": fold("書記")}))
    assert result.total > 0
    # And the next run is incremental again.
    assert build([SEEDS], index_dir).unchanged == 5


def test_the_command_line_rebuilds_an_older_format(tmp_path):
    from click.testing import CliRunner
    from archive.cli import cli

    index_dir = tmp_path / "index"
    build([SEEDS], index_dir)
    _old_format(index_dir)
    result = CliRunner().invoke(cli, ["reindex", str(SEEDS), "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    assert "index format changed" in result.output and "5 added" in result.output


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=2_000_000), min_size=1, max_size=40, unique=True))
def test_compact_positions_round_trip(positions):
    from indexer.schema import CompactPositions

    positions = sorted(positions)
    fmt = CompactPositions()
    encoded = fmt.encode(positions)
    assert fmt.decode_positions(encoded) == positions
    assert fmt.decode_frequency(encoded) == len(positions)
    halves = [fmt.encode(positions[::2]), fmt.encode(positions[1::2])] if len(positions) > 1 \
        else [encoded]
    assert fmt.decode_positions(fmt.combine(halves)) == positions


def test_match_sets_over_segments_with_replaced_documents(tmp_path):
    # Replacing a document leaves the old one deleted in its segment; read
    # block by block, a single term's postings would still list it.
    source = tmp_path / "docs"
    source.mkdir()
    for n in range(6):
        (source / f"d{n}.txt").write_text(f"第{n}号\n台南市长出席会议。", encoding="utf-8")
    build([source], tmp_path / "index")
    (source / "d0.txt").write_text("第0号\n今日无事。", encoding="utf-8")
    (source / "d1.txt").unlink()
    report = build([source], tmp_path / "index")
    assert (report.updated, report.deleted) == (1, 1)
    index = open_index(tmp_path / "index")
    for q, expected in [("台", 4), ("台南", 4), ("台南市长", 4), ("无", 1), ("号", 5)]:
        assert index.search(SearchRequest.from_params({"q": q})).total == expected, q


def test_segments_merged_by_later_commits_keep_every_match(tmp_path):
    # Whoosh merges small segments every few commits, re-reading their postings;
    # the `char` field's postings have no values and short lists are inlined.
    source = tmp_path / "docs"
    source.mkdir()
    for n in range(8):
        (source / f"d{n}.txt").write_text(f"第{n}号\n镇长主持会议，研究第{n}项工作。", encoding="utf-8")
        build([source], tmp_path / "index")
    index = open_index(tmp_path / "index")
    for q, expected in [("镇", 8), ("镇长主持", 8), ("第3", 1), ("3", 1), ("研究第7项", 1)]:
        assert index.search(SearchRequest.from_params({"q": q})).total == expected, q
