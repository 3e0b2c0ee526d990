"""Related documents are picked from the documents that share the most with the
one shown, however many share less. The pool they are ordered from (6 × the
number shown) is the exact top by what is shared: Whoosh's top-k collector over
AndNot(Or(shared), the document itself) once skipped later documents sharing
three things once its heap was full of documents sharing two."""
from __future__ import annotations

import pytest

from indexer import build, open_index

from .conftest import write_jsonl

DOCUMENTS = 800


def records() -> list[dict]:
    """The focus in the middle; every 40th document shares the township and two of
    its officials, half the rest the township and one official, the others the township."""
    rows = []
    for i in range(DOCUMENTS):
        if i == DOCUMENTS // 2:
            rows.append({"id": "focus", "date": "2022-06-01",
                         "text": "游仙区新桥镇党委书记任俊洁主持召开镇党委会议，镇长罗舒、副镇长王小明参加会议。"})
        elif i % 40 == 7:
            rows.append({"id": f"three-{i:03d}", "date": "2015-01-01",
                         "text": f"游仙区新桥镇第{i + 1}次乡村振兴调研，党委书记任俊洁、镇长罗舒陪同。"})
        elif i % 2:
            rows.append({"id": f"two-{i:03d}", "date": f"2022-{i % 12 + 1:02d}-01",
                         "text": f"游仙区新桥镇召开第{i + 1}次村民代表大会，镇长罗舒参加。"})
        else:
            rows.append({"id": f"one-{i:03d}", "date": f"2022-{i % 12 + 1:02d}-01",
                         "text": f"游仙区新桥镇召开第{i + 1}次村民代表大会。"})
    return rows


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("related")
    report = build([write_jsonl(root / "docs.jsonl", records())], root / "index")
    assert report.added == DOCUMENTS and report.failed == 0
    index = open_index(root / "index")
    yield index
    index.close()


def test_documents_sharing_most_come_first_however_many_share_less(archive):
    focus = archive.get("focus")
    assert {o.name for o in focus.officials} == {"任俊洁", "罗舒", "王小明"}
    related = archive.related(focus)
    assert len(related) == 8 and "focus" not in {hit.id for hit in related}
    # Far in date, but sharing two officials and the township: all eight
    # places go to them (there are 20), before any document sharing less.
    assert all(hit.id.startswith("three-") for hit in related)
    assert all(hit.shared == ["任俊洁", "罗舒", "新桥镇"] for hit in related)
