"""A fault in one document's extraction or analysis costs only that document.

Faults are injected into the real pipeline (a step that raises for one
marked text), so the test covers any exception at that step, not one cause.
"""
from __future__ import annotations

from archive import extract as extract_module
from indexer import SearchRequest, analysis, build, open_index


def _ids(index_dir, query: str) -> set[str]:
    result = open_index(index_dir).search(SearchRequest.from_params({"q": query}))
    return {hit.id for hit in result.hits}


def test_extraction_that_raises_skips_only_that_document(tmp_path, monkeypatch):
    real = extract_module.extract_regions

    def failing(folded, *args, **kwargs):
        if "故障" in folded:
            raise ValueError("injected")
        return real(folded, *args, **kwargs)

    monkeypatch.setattr(extract_module, "extract_regions", failing)
    source = tmp_path / "docs"
    source.mkdir()
    (source / "a.txt").write_text("区长杨国昕主持会议。", encoding="utf-8")
    (source / "batch.jsonl").write_text('{"text": "镇长讲话"}\n{"text": "故障文件"}\n{"text": "乡长发言"}\n',
                                        encoding="utf-8")
    errors = []
    report = build([source], tmp_path / "index", on_error=errors.append)
    assert report.added == 3 and report.failed == 1
    (error,) = errors
    assert error.origin == f"{source}/batch.jsonl:2" and "injected" in error.message
    assert _ids(tmp_path / "index", "乡长") == {"batch-3"}


def test_analysis_that_raises_skips_only_that_document_and_keeps_its_old_version(tmp_path,
                                                                               monkeypatch):
    source = tmp_path / "docs"
    source.mkdir()
    (source / "a.txt").write_text("区长杨国昕主持会议。", encoding="utf-8")
    (source / "b.txt").write_text("镇长罗舒参加会议。", encoding="utf-8")
    index_dir = tmp_path / "index"
    build([source], index_dir, workers=1)

    real = analysis.segmenter

    class Failing:
        # The word fields index from `cut`, queries segment with `tokenize`.
        def tokenize(self, text):
            if "故障" in text:
                raise RuntimeError("injected")
            return real().tokenize(text)

        def cut(self, text, *args, **kwargs):
            if "故障" in text:
                raise RuntimeError("injected")
            return real().cut(text, *args, **kwargs)

    monkeypatch.setattr(analysis, "segmenter", Failing)
    (source / "b.txt").write_text("镇长罗舒故障独有词。", encoding="utf-8")
    (source / "c.txt").write_text("乡长发言。", encoding="utf-8")
    errors = []
    report = build([source], index_dir, workers=1, on_error=errors.append)
    monkeypatch.undo()
    assert (report.added, report.updated, report.unchanged, report.failed) == (1, 0, 1, 1)
    assert errors[0].origin == str(source / "b.txt") and "injected" in errors[0].message
    assert _ids(index_dir, "乡长") == {"c"}
    assert _ids(index_dir, "参加会议") == {"b"}     # the indexed version stays
    # Whoosh pooled the failed document's bigrams before jieba raised: they
    # must belong to no visible document, not to the next one written.
    assert _ids(index_dir, "独有词") == set()
    assert open_index(index_dir).get("-unwritten-0") is None
