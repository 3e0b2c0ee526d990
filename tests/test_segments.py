"""Per-document columns stay aligned to document numbers across segments.

Each incremental reindex adds a segment, and Whoosh writes no column for a
field that no document of that segment has: a batch of undated documents has
no `date_start` column, a batch without places or officials no `region` or
`official` column. Reading such an index through Whoosh's multi-segment
column reader shifted every later segment's values onto the wrong documents.
These tests index batches with and without each optional field, in several
orders, and check every per-document value against what was indexed.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer import SearchRequest, build, open_index
from indexer.build import known_documents
from indexer.columns import column_values

from .conftest import write_jsonl

ATOM = "{http://www.w3.org/2005/Atom}"
PLACE_AND_OFFICIAL = "绵阳市游仙区区委书记任俊洁主持召开会议，研究部署招商工作。"
NEITHER = "会议研究了下一步的工作安排，大家踊跃发言。"


def batch(name: str, dated: bool, count: int = 3) -> list[dict]:
    """Documents that all match 会议; dated ones also name a place and an official."""
    records = []
    for i in range(count):
        record = {"id": f"{name}{i}", "text": f"{PLACE_AND_OFFICIAL if dated else NEITHER}第{name}{i}号。"}
        if dated:
            # Distinct days across batches, so that the date order is one order.
            record["date"] = f"20{10 + ord(name) - ord('a'):02d}-0{i + 1}-1{i}"
        records.append(record)
    return records


# Batches in the order they are indexed; True = dated, with a place and an official.
ORDERS = {
    "undated first": [("a", False), ("b", True), ("c", False), ("d", True)],
    "dated first": [("a", True), ("b", False), ("c", False), ("d", True)],
    "undated last": [("a", True), ("b", True), ("c", False)],
    "only undated, then dated": [("a", False), ("b", False), ("c", True)],
}


@pytest.fixture(scope="module", params=list(ORDERS), ids=list(ORDERS))
def mixed_index(request, tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    records = []
    for name, dated in ORDERS[request.param]:
        records_here = batch(name, dated)
        report = build([write_jsonl(root / f"{name}.jsonl", records_here)], root / "index")
        assert report.added == len(records_here) and report.failed == 0
        records += records_here
    index = open_index(root / "index")
    with index.shard.reading() as shard:  # what Index methods do (see _reading)
        searcher = shard.searcher
        assert len(list(searcher.reader().leaf_readers())) > 1  # else nothing is tested
    return root / "index", index, {r["id"]: r for r in records}


def expected_start(record: dict) -> int:
    return int(record["date"].replace("-", "")) if "date" in record else 0


def test_every_document_reads_its_own_column_values(mixed_index):
    _root, index, records = mixed_index
    with index.shard.reading() as shard:  # what Index methods do (see _reading)
        searcher = shard.searcher
        reader = searcher.reader()
        table = shard.columns()
        assert len(table.date_start) == reader.doc_count_all() == len(records)
        officials = list(column_values(reader, "official"))
        regions = list(column_values(reader, "region"))
        for docnum in range(reader.doc_count_all()):
            record = records[searcher.stored_fields(docnum)["id"]]
            # No undated document borrows a date, no dated one loses its own.
            assert table.date_start[docnum] == expected_start(record)
            assert ("任俊洁" in officials[docnum]) == ("date" in record)
            assert ("510704" in regions[docnum]) == ("date" in record)


def test_sort_by_date_and_facets_over_mixed_segments(mixed_index):
    _root, index, records = mixed_index
    result = index.search(SearchRequest.from_params({"q": "会议", "sort": "date"}, page_size=50))
    dated = sorted((r for r in records.values() if "date" in r), key=lambda r: r["date"],
                   reverse=True)
    assert result.total == len(records)
    got = [hit.id for hit in result.hits]
    assert got[:len(dated)] == [r["id"] for r in dated]  # newest first, by their own dates
    assert set(got[len(dated):]) == {i for i, r in records.items() if "date" not in r}
    years: dict[str, int] = {}
    for record in dated:
        years[record["date"][:4]] = years.get(record["date"][:4], 0) + 1
    assert {f.key: f.count for f in result.facets.date} == years
    assert result.facets.date_unknown == len(records) - len(dated)
    assert {f.key: f.count for f in result.facets.official} == {"任俊洁": len(dated)}
    assert {f.key: f.count for f in result.facets.region} == {"51": len(dated)}
    trail = index.official_trail("任俊洁")
    assert [hit.id for hit in trail.hits] == [r["id"] for r in reversed(dated)]  # oldest first


def test_feed_and_reindex_read_the_right_documents(mixed_index):
    from web import create_app

    root, index, records = mixed_index
    client = create_app({"INDEX_DIR": str(root), "TESTING": True}).test_client()
    response = client.get("/search.atom?q=会议")
    assert response.status_code == 200
    entries = ET.fromstring(response.get_data()).findall(f"{ATOM}entry")
    newest = max((r for r in records.values() if "date" in r), key=lambda r: r["date"])
    assert len(entries) == len(records)
    assert entries[0].find(f"{ATOM}id").text.endswith(newest["id"])
    # The incremental reindex's view of what is indexed: every id with its own origin.
    from whoosh import index as whoosh_index
    from indexer import store
    known = known_documents(whoosh_index.open_dir(str(store.current_generation(root))))
    assert set(known) == set(records)
    for doc_id, (_hash, origin) in known.items():
        assert origin.endswith(f"{doc_id[0]}.jsonl")


OFFICIAL = "绵阳市游仙区区委书记任俊洁主持召开会议。"
PLACE = "游仙区召开会议。"
PLAIN = "会议研究了下一步的工作安排。"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(st.lists(st.tuples(st.booleans(), st.sampled_from(["official", "place", "plain"])),
                                 min_size=1, max_size=3), min_size=2, max_size=4))
def test_any_mix_of_optional_fields_across_batches_stays_aligned(tmp_path_factory, batches):
    """Each document independently dated or not, naming an official, a place or neither."""
    root = tmp_path_factory.mktemp("any-mix")
    records = {}
    for number, documents in enumerate(batches):
        here = []
        for position, (dated, kind) in enumerate(documents):
            record = {"id": f"b{number}d{position}",
                      "text": {"official": OFFICIAL, "place": PLACE, "plain": PLAIN}[kind]
                      + f"第{number}批第{position}篇。"}
            if dated:
                record["date"] = f"20{number:02d}-0{position + 1}-0{position + 1}"
            here.append(record)
            records[record["id"]] = (record, kind)
        build([write_jsonl(root / f"batch{number}.jsonl", here)], root / "index")
    index = open_index(root / "index")
    with index.shard.reading() as shard:  # what Index methods do (see _reading)
        searcher = shard.searcher
        reader = searcher.reader()
        table = shard.columns()
        officials = list(column_values(reader, "official"))
        regions = list(column_values(reader, "region"))
        assert len(table.date_start) == len(officials) == len(regions) == reader.doc_count_all()
        for docnum in range(reader.doc_count_all()):
            record, kind = records[searcher.stored_fields(docnum)["id"]]
            assert table.date_start[docnum] == expected_start(record)
            assert ("任俊洁" in officials[docnum]) == (kind == "official")
            assert bool(regions[docnum]) == (kind != "plain")
        result = index.search(SearchRequest.from_params({"q": "会议", "sort": "date"}, page_size=50))
        starts = [expected_start(records[hit.id][0]) for hit in result.hits]
        assert result.total == len(records)
        assert starts == sorted(starts, reverse=True)  # newest first, undated (0) last
