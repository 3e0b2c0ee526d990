import json

from archive.decode import UndecodableError, decode_bytes
from archive.ingest import IngestError, RawDocument, read_sources

from .conftest import seed_path, write_jsonl

import pytest


# Big5 cannot encode simplified characters, so the simplified seeds are
# checked in the encodings that can carry them.
ENCODINGS = {"000": ["utf-8", "utf-8-sig", "gb18030"],
             "001": ["utf-8", "gb18030", "big5hkscs"],
             "002": ["utf-8", "utf-8-sig", "gb18030"],
             "003": ["utf-8", "gb18030", "big5hkscs"],
             "004": ["utf-8", "utf-8-sig", "gb18030", "big5hkscs"]}


@pytest.mark.parametrize("prefix,encoding",
                         [(p, e) for p, encodings in ENCODINGS.items() for e in encodings])
def test_decodes_seed_in_each_encoding(prefix, encoding):
    text = seed_path(prefix).read_text(encoding="utf-8")
    decoded, detected = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert detected.replace("_", "-") == encoding


def test_undecodable_bytes_raise_clear_error():
    with pytest.raises(UndecodableError):
        decode_bytes(bytes([0xFF, 0xFE, 0x00, 0x81]) * 50)


def test_bad_files_are_reported_and_reading_goes_on(tmp_path):
    (tmp_path / "a_good.txt").write_text("区长杨国昕主持会议。", encoding="utf-8")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    (tmp_path / "c_empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "d_bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "e_good.html").write_text(
        "<html><head><title>标题</title><script>var x='不要';</script></head>"
        "<body><nav>首页 新闻</nav><article><h1>镇长讲话</h1><p>新桥镇召开会议。</p></article>"
        "<footer>版权所有</footer></body></html>", encoding="utf-8")
    items = list(read_sources([tmp_path, tmp_path / "missing.txt"]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [d.id for d in docs] == ["a_good", "e_good"]
    assert {e.origin.rsplit("/", 1)[-1] for e in errors} == {
        "b_binary.txt", "c_empty.txt", "d_bad.json", "missing.txt"}
    html = docs[1]
    assert html.html_title == "镇长讲话"
    assert "新桥镇召开会议" in html.text
    assert "不要" not in html.text and "版权所有" not in html.text and "首页" not in html.text


def test_jsonl_takes_given_metadata_and_reports_bad_lines(tmp_path):
    path = write_jsonl(tmp_path / "batch.jsonl", [
        {"id": "x1", "text": "区长主持会议。", "title": "会议", "date": "2021-05-06", "source": "某日报"},
        {"text": ""},
        {"text": "第三篇。", "url": "https://example.org/3"},
    ])
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("{broken\n")
    items = list(read_sources([path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [d.id for d in docs] == ["x1", "batch-3"]
    assert docs[0].given == {"title": "会议", "date": "2021-05-06", "source": "某日报"}
    assert docs[1].given == {"url": "https://example.org/3"}
    assert [e.origin.rsplit(":", 1)[-1] for e in errors] == ["2", "4"]


def test_gb18030_file_reads_like_utf8(tmp_path):
    text = seed_path("000").read_text(encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    (doc,) = list(read_sources([tmp_path / "gbk.txt"]))
    assert doc.text == text
    assert json.dumps(doc.id)  # ids are plain strings usable in URLs


def test_jsonl_lines_may_contain_unicode_line_separators(tmp_path):
    path = write_jsonl(tmp_path / "sep.jsonl", [{"id": "s1", "text": "第一段\u2028第二段\x85第三段"},
                                                {"id": "s2", "text": "另一篇"}])
    docs = list(read_sources([path]))
    assert [d.id for d in docs] == ["s1", "s2"]
    assert "\u2028" in docs[0].text


def test_special_files_are_reported_not_read(tmp_path):
    """A FIFO would block a reindex forever and a device would never end: found in a
    folder or named as a SOURCE, each is one line saying what it is (not 'no such
    file'), and the regular files beside them are still read."""
    import os
    import socket

    (tmp_path / "good.txt").write_text("区长杨国昕主持会议。", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(tmp_path / "sock.jsonl"))
        items = list(read_sources([tmp_path, tmp_path / "pipe.txt", "/dev/null"]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = {e.origin.rsplit("/", 1)[-1]: e.message for e in items if isinstance(e, IngestError)}
    assert [d.id for d in docs] == ["good"]
    assert set(errors) == {"pipe.txt", "zero.txt", "sock.jsonl", "null"}
    assert all(message.startswith("not a regular file") for message in errors.values())


@pytest.mark.parametrize("page, text", [
    ("<p>前文</p><!-- 注释 <p>隐藏</p>", "前文"),                  # never closed: to the end
    ("<p>前文</p><!-- 注释 --><p>后文</p>", "前文\n后文"),          # closed: only itself
    ("<p>前文</p><script>x='<!--'</script><p>后文</p>", "前文\n后文"),  # not a comment in a script
    ("<p>a &lt;!-- b</p>", "a <!-- b"),                          # escaped: text
])
def test_an_unclosed_html_comment_runs_to_the_end_as_browsers_read_it(page, text):
    """A truncated scrape whose last comment never closes gave '<!-- …' and the
    markup after it as body text."""
    from archive.htmltext import html_to_text

    assert html_to_text(page).text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_its_byte_order_mark_is_text(tmp_path, encoding):
    """Windows Notepad's "Unicode" is UTF-16 with a BOM: full of NUL bytes, yet
    text; binary that happens to start with FF FE stays undecodable."""
    text = "县委书记主持召开常委会议。\n第二行"
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    assert decode_bytes(bom + text.encode(encoding)) == (text, "utf-16")
    (tmp_path / "notepad.txt").write_bytes(bom + text.encode(encoding))
    (tmp_path / "noise.txt").write_bytes(b"\xff\xfe" + bytes(range(256)) * 4)
    items = list(read_sources([tmp_path]))
    assert [i.text for i in items if isinstance(i, RawDocument)] == [text]
    assert [i.origin.rsplit("/", 1)[-1] for i in items if isinstance(i, IngestError)] == ["noise.txt"]
