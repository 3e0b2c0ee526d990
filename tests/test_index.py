"""The index against real Whoosh indexes in temporary directories."""
from __future__ import annotations

import random
import threading

import pytest

from archive.script import fold, to_traditional
from indexer import IndexBusy, QueryError, SearchRequest, build, open_index
from indexer import store

from .conftest import SEEDS, write_jsonl


def search(index_dir, **params):
    return open_index(index_dir).search(SearchRequest.from_params(params, page_size=100))


def ids(result):
    return {hit.id for hit in result.hits}


def test_names_are_found_in_either_script(seed_index):
    assert ids(search(seed_index, q="杨国昕")) == {"001_0c41b430a93a6d9e"}
    assert ids(search(seed_index, q="楊國昕")) == {"001_0c41b430a93a6d9e"}
    assert ids(search(seed_index, q="任俊洁")) == {"000_13eb6cda136f1765"}
    assert ids(search(seed_index, q="任俊潔")) == {"000_13eb6cda136f1765"}


def _corpus_texts():
    """The seeds' indexed texts (title + body), folded, by id."""
    from archive.extract import extract
    from archive.ingest import read_sources
    texts = {}
    for raw in read_sources([SEEDS]):
        doc = extract(raw)
        texts[doc.id] = fold(f"{doc.title}\n{doc.body}" if doc.title else doc.body)
    return texts


def test_substring_recall_equals_brute_force_scan(seed_index):
    """Every substring query finds exactly the documents that contain it."""
    texts = _corpus_texts()
    rng = random.Random(7)
    queries = set()
    for text in texts.values():
        runs = [r for r in "".join(c if c.isalnum() else " " for c in text).split() if len(r) >= 2]
        for _ in range(40):
            run = rng.choice(runs)
            length = rng.randint(1, min(8, len(run)))
            start = rng.randint(0, len(run) - length)
            queries.add(run[start:start + length])
    assert len(queries) > 150
    index = open_index(seed_index)
    for query in sorted(queries):
        expected = {doc_id for doc_id, text in texts.items() if query in text}
        found = ids(index.search(SearchRequest.from_params({"q": f'"{query}"'}, page_size=100)))
        assert found == expected, query
        # The same query in traditional script finds the same documents.
        found_traditional = ids(index.search(
            SearchRequest.from_params({"q": f'"{to_traditional(query)}"'}, page_size=100)))
        assert found_traditional == expected, query


def test_phrases_jieba_cuts_differently_are_still_found(seed_index):
    # "主持召开" is cut 主持/召开 by jieba; "书记任" crosses a word boundary.
    assert ids(search(seed_index, q='"主持召开"')) == {"002_67be057462c6ef43"}
    assert "000_13eb6cda136f1765" in ids(search(seed_index, q="书记任俊"))


def test_terms_combine_and_exclude(seed_index):
    both = ids(search(seed_index, q="书记 疫情"))
    assert both and all(i in ids(search(seed_index, q="书记")) for i in both)
    without = ids(search(seed_index, q="书记 -疫情"))
    assert without and not (without & both)


def test_phrase_does_not_cross_punctuation(seed_index):
    # 001 has "講話,區領導" — the comma separates 话 and 区.
    assert "001_0c41b430a93a6d9e" in ids(search(seed_index, q="讲话"))
    assert ids(search(seed_index, q="讲话区领导")) == set()


def test_filters_and_facets(seed_index):
    result = search(seed_index, q="书记", region="绵阳市")
    assert ids(result) == {"000_13eb6cda136f1765"}
    assert [f.label for f in result.facets.region_trail] == ["四川省", "绵阳市"]
    assert [(f.label, f.count) for f in result.facets.region] == [("游仙区", 1)]

    everything = search(seed_index, q="书记")
    provinces = {f.label: f.count for f in everything.facets.region}
    assert provinces["四川省"] == 2  # 000 (新桥镇) and 004 (广安)
    assert sum(f.count for f in everything.facets.date) + everything.facets.date_unknown \
        == everything.total

    by_official = search(seed_index, official="楊國昕")
    assert ids(by_official) == {"001_0c41b430a93a6d9e"}

    dated = search(seed_index, q="书记", **{"from": "2021", "to": "2023-01"})
    assert ids(dated) == {"000_13eb6cda136f1765"}


def test_sort_by_date_puts_undated_last(seed_index):
    result = search(seed_index, q="书记", sort="date")
    days = [hit.date.value for hit in result.hits if hit.date and hit.date.precision != "month-day"]
    assert days == sorted(days, reverse=True)
    assert result.hits[-1].date is None or result.hits[-1].date.precision == "month-day"


def test_snippets_mark_matches_in_the_document_script(seed_index):
    (hit,) = search(seed_index, q="杨国昕").hits
    assert "<mark>楊國昕</mark>" in hit.snippet_html


@pytest.mark.parametrize("params,message", [
    ({"q": "，。!"}, "nothing to search for"),
    ({"q": '"-"'}, "nothing to search for"),
    ({"q": "书记 OR"}, "OR goes between two terms"),
    ({"q": "OR 书记"}, "OR goes between two terms"),
    ({"q": "书记 OR OR 镇长"}, "OR goes between two terms"),
    ({"q": "-疫情 OR 书记"}, "cannot be one side of OR"),
    ({"q": "x" * 10_000}, "limit"),
    ({"q": '"open'}, "quotes"),
    ({"q": "a", "page": "0"}, "page"),
    ({"q": "a", "page": "1000000000"}, "page"),
    ({"q": "a", "from": "2020-02-30"}, "not a valid date"),
    ({"q": "a", "from": "yesterday"}, "not a date"),
    ({"q": "a", "from": "2021", "to": "2020"}, "after"),
    ({"q": "a", "region": "不存在的地方"}, "no division"),
    ({"q": "a", "region": "新桥镇"}, "ambiguous"),
    ({"q": "a", "sort": "random"}, "sort"),
])
def test_bad_requests_are_query_errors(params, message):
    with pytest.raises(QueryError, match=message):
        SearchRequest.from_params(params)


def test_incremental_reindex_adds_updates_and_deletes(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    (source / "a.txt").write_text("新桥镇党委书记任俊洁主持会议。", encoding="utf-8")
    (source / "b.txt").write_text("区长杨国昕主持会议。", encoding="utf-8")
    index_dir = tmp_path / "index"
    first = build([source], index_dir)
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    again = build([source], index_dir)
    assert (again.added, again.updated, again.unchanged, again.deleted) == (0, 0, 2, 0)
    (source / "b.txt").write_text("区长杨国昕主持召开常务会议。", encoding="utf-8")
    (source / "a.txt").unlink()
    (source / "c.txt").write_text("镇长罗舒参加会议。", encoding="utf-8")
    third = build([source], index_dir)
    assert (third.added, third.updated, third.unchanged, third.deleted) == (1, 1, 0, 1)
    assert ids(search(index_dir, q="常务会议")) == {"b"}
    assert ids(search(index_dir, q="任俊洁")) == set()


def test_bad_files_are_skipped_and_reported(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    (source / "good.txt").write_text("区长杨国昕主持会议。", encoding="utf-8")
    (source / "bad.txt").write_bytes(b"\x00\xff\xfe binary")
    write_jsonl(source / "more.jsonl", [{"id": "j1", "text": "镇长讲话。"}, {"id": "j2"}])
    seen = []
    report = build([source], tmp_path / "index", on_error=seen.append)
    assert report.added == 2 and report.failed == 2 == len(seen)
    assert ids(search(tmp_path / "index", q="讲话")) == {"j1"}


def test_second_writer_gets_busy_message(tmp_path):
    index_dir = tmp_path / "index"
    build([SEEDS], index_dir)
    with store.write_lock(index_dir):
        with pytest.raises(IndexBusy, match="index is busy"):
            build([SEEDS], index_dir, full=True)


def test_full_rebuild_switches_atomically_and_searches_keep_working(tmp_path):
    index_dir = tmp_path / "index"
    build([SEEDS], index_dir)
    index = open_index(index_dir)
    before = store.current_generation(index_dir)
    errors, counts = [], []
    stop = threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                counts.append(index.search(SearchRequest.from_params({"q": "书记"})).total)
            except Exception as exc:  # any failure during the switch is the bug
                errors.append(exc)

    thread = threading.Thread(target=keep_searching)
    thread.start()
    try:
        report = build([SEEDS], index_dir, full=True)
    finally:
        stop.set()
        thread.join()
    assert not errors
    assert counts and set(counts) == {4}
    after = store.current_generation(index_dir)
    assert after != before and not before.exists()
    assert report.added == 5
    assert index.search(SearchRequest.from_params({"q": "书记"})).total == 4


def test_killed_rebuild_leaves_live_index(tmp_path, monkeypatch):
    index_dir = tmp_path / "index"
    build([SEEDS], index_dir)
    live = store.current_generation(index_dir)

    def explode(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "switch_to", explode)
    with pytest.raises(KeyboardInterrupt):
        build([SEEDS], index_dir, full=True)
    monkeypatch.undo()
    assert store.current_generation(index_dir) == live
    assert ids(search(index_dir, q="杨国昕")) == {"001_0c41b430a93a6d9e"}


def test_repeated_and_overlapping_bigrams_are_exact(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    (source / "three.txt").write_text("他笑了：哈哈哈。", encoding="utf-8")
    (source / "two.txt").write_text("哈哈，再哈哈。", encoding="utf-8")
    (source / "abab.txt").write_text("区长区长区长会议", encoding="utf-8")
    (source / "split.txt").write_text("长区和区长是两个词", encoding="utf-8")
    build([source], tmp_path / "index")
    assert ids(search(tmp_path / "index", q="哈哈哈")) == {"three"}
    assert ids(search(tmp_path / "index", q="哈哈")) == {"three", "two"}
    assert ids(search(tmp_path / "index", q="长区长")) == {"abab"}
    assert ids(search(tmp_path / "index", q="区长区长区长")) == {"abab"}
    assert ids(search(tmp_path / "index", q="区长区长区长区")) == set()


def test_facet_counts_match_a_count_by_hand(seed_index):
    from archive.extract import extract
    from archive.ingest import read_sources

    docs = {raw.id: extract(raw) for raw in read_sources([SEEDS])}
    result = search(seed_index, q="书记")
    by_hand: dict[str, int] = {}
    for doc_id in ids(result):
        for key in {k for r in docs[doc_id].regions for k in r.path_keys}:
            by_hand[key] = by_hand.get(key, 0) + 1
    provinces = {f.key: f.count for f in result.facets.region}
    assert provinces == {k: v for k, v in by_hand.items() if len(k) == 2}


def test_officials_names_become_jieba_words(seed_index):
    from indexer import userdict
    from indexer.analysis import words

    names = userdict.read_names(store.current_generation(seed_index))
    assert {"任俊洁", "杨国昕"} <= names  # folded, as jieba sees the text
    open_index(seed_index).search(SearchRequest.from_params({"q": "会议"}))
    assert "杨国昕" in words("区长杨国昕主持会议")
    assert "新桥镇" in words("新桥镇党委书记")


def test_ranking_prefers_officials_titles_and_whole_words(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    filler = "会议强调要统筹发展和安全，推动经济社会高质量发展。" * 8
    (source / "incidental.txt").write_text(
        f"{filler}\n据杨国昕介绍，项目进展顺利。\n{filler}", encoding="utf-8")
    (source / "official.txt").write_text(
        f"{filler}\n区长杨国昕主持会议并讲话。\n{filler}", encoding="utf-8")
    (source / "titled.txt").write_text(f"杨国昕调研重点项目\n{filler}", encoding="utf-8")
    build([source], tmp_path / "index")
    order = [h.id for h in search(tmp_path / "index", q="杨国昕").hits]
    assert set(order) == {"incidental", "official", "titled"}
    assert order[-1] == "incidental"


def test_segments_are_plain_files_not_compound(tmp_path):
    # A compound segment is read whole into memory when opened: on the full
    # corpus that was 1.8 GB resident for a serving process.
    build([SEEDS], tmp_path / "index", workers=2)
    generation = store.current_generation(tmp_path / "index")
    assert not list(generation.glob("*.seg"))
    assert list(generation.glob("*.pst"))


def test_covering_bigrams_pin_every_character():
    from indexer.phrase import covering_bigrams

    assert covering_bigrams("杨国昕") == [("杨国", 0), ("国昕", 1)]
    assert covering_bigrams("南市政府") == [("南市", 0), ("政府", 2)]
    pairs = covering_bigrams("新闻及国际关系处")
    assert [k for _, k in pairs] == [0, 2, 4, 6]
    covered = {k + i for _, k in pairs for i in (0, 1)}
    assert covered == set(range(8))


def test_every_other_bigram_never_matches_across_runs(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    # 南市 and 政府 stand two positions apart only across the comma.
    (source / "apart.txt").write_text("台南市，政府大楼", encoding="utf-8")
    (source / "together.txt").write_text("台南市政府大楼", encoding="utf-8")
    (source / "shifted.txt").write_text("南市X政府", encoding="utf-8")
    build([source], tmp_path / "index")
    assert ids(search(tmp_path / "index", q="南市政府")) == {"together"}


def test_pages_of_a_search_partition_its_results(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    for n in range(25):
        (source / f"d{n:02d}.txt").write_text(f"第{n}次会议，镇长主持会议。" * (n % 4 + 1), encoding="utf-8")
    build([source], tmp_path / "index")
    index = open_index(tmp_path / "index")
    pages = [index.search(SearchRequest.from_params({"q": "会议", "page": str(p)}, page_size=10))
             for p in (1, 2, 3)]
    seen = [h.id for page in pages for h in page.hits]
    assert len(seen) == len(set(seen)) == 25 == pages[0].total
    again = index.search(SearchRequest.from_params({"q": "会议", "page": "2"}, page_size=10))
    assert [h.id for h in again.hits] == [h.id for h in pages[1].hits]


def test_results_follow_reindexing_and_rebuilds(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    (source / "a.txt").write_text("区长杨国昕主持会议。", encoding="utf-8")
    build([source], tmp_path / "index")
    index = open_index(tmp_path / "index")
    assert ids(index.search(SearchRequest.from_params({"q": "会议"}))) == {"a"}
    (source / "b.txt").write_text("镇长罗舒参加会议。", encoding="utf-8")
    build([source], tmp_path / "index")
    assert ids(index.search(SearchRequest.from_params({"q": "会议"}))) == {"a", "b"}
    (source / "a.txt").unlink()
    build([source], tmp_path / "index", full=True)  # same size, new generation
    (source / "c.txt").write_text("书记主持会议。", encoding="utf-8")
    build([source], tmp_path / "index", full=True)
    result = index.search(SearchRequest.from_params({"q": "会议"}))
    assert ids(result) == {"b", "c"}
    assert {f.key for f in result.facets.official} >= {"罗舒"}


def test_an_open_index_sees_incremental_deletions_and_updates(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    (source / "a.txt").write_text("新桥镇党委书记任俊洁主持会议。", encoding="utf-8")
    (source / "b.txt").write_text("区长杨国昕主持会议。", encoding="utf-8")
    build([source], tmp_path / "index")
    index = open_index(tmp_path / "index")  # stays open, like a server's
    assert ids(index.search(SearchRequest.from_params({"q": "会议"}))) == {"a", "b"}
    (source / "a.txt").unlink()
    (source / "b.txt").write_text("区长杨国昕调研招商项目。", encoding="utf-8")
    build([source], tmp_path / "index")
    assert ids(index.search(SearchRequest.from_params({"q": "会议"}))) == set()
    assert ids(index.search(SearchRequest.from_params({"q": "招商"}))) == {"b"}
    assert index.stats()["documents"] == 1
