"""rjieba finds jieba's route, and the archive's words stay jieba's.

Three tokenizers hold the archive's user dictionary (every gazetteer place
name): jieba itself, the tokenizer with its route in rjieba, and the same
with its route in Python (the fallback without rjieba). On the seeds,
a few hundred sentences shaped like the corpus's, and random text mixing
scripts, digits, punctuation and full-width forms, all three cut the same
words, and the archive's analyzers yield the same tokens through either
route. The texts rjieba would cut differently (its HMM, its wider blocks)
go to Python, and the tests check that the rest really is cut in Rust.
"""
from __future__ import annotations

import random
import threading

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.script import fold
from indexer import analysis, segmentation, userdict
from indexer.segmentation import FastTokenizer

from .conftest import SEEDS

rjieba = pytest.importorskip("rjieba")


def _loaded(tokenizer):
    tokenizer.initialize()
    userdict.load_into(tokenizer)
    return tokenizer


@pytest.fixture(scope="module")
def trio():
    jieba.setLogLevel(60)
    return (_loaded(jieba.Tokenizer()), _loaded(FastTokenizer(in_rust=True)),
            _loaded(FastTokenizer(in_rust=False)))


def assert_same_words(trio, text):
    plain, rust, python = trio
    expected = list(plain.cut(text))
    assert rust.lcut(text) == expected
    assert python.lcut(text) == expected
    assert list(rust.tokenize(text)) == list(plain.tokenize(text))


def cut_in_rust(tokenizer, text) -> bool:
    """Whether the Rust route takes `text` (rather than handing it to Python)."""
    tokenizer.lcut("")   # the route is made at the first cut
    return tokenizer.rust_route.cut(text, tokenizer.total) is not None


# -- texts ------------------------------------------------------------------

_PLACES = [n for n in userdict.place_names() if 3 <= len(n) <= 5][::97]
_PEOPLE = ["任俊洁", "杨国昕", "王建国", "李明", "欧阳晓东", "张三丰", "陈红", "刘德华"]
_OFFICES = ["县委书记", "县长", "镇党委书记", "镇长", "区委副书记", "市委常委、宣传部部长", "村党支部书记"]
_TEMPLATES = [
    "{date}，{place}{office}{person}主持召开{place}招商引资工作推进会。",
    "本报讯（记者 {person}）{date}上午，{place}召开2023年第{n}次常务会议，研究部署{place}重点工作。",
    "{place}全年实现地区生产总值{x}亿元，同比增长{p}%，其中一季度完成{y}亿元。",
    "今年1-{m}月，{place}共接待游客{n}万人次，旅游总收入{x}亿元，分别增长{p}%和{q}%。",
    "{person}强调，要坚持以习近平新时代中国特色社会主义思想为指导，扎实推进乡村振兴。",
    "咨询电话：0571-{tel}，400-{tel}，传真（0{n}）{tel}。",
    "详情请登录{place}政府网站 www.{ascii}.gov.cn 或 http://{ascii}.com/news/{n}.html 查看。",
    "投诉邮箱：{ascii}@{ascii}.com；微信公众号：{ascii}_{n}。",
    "{place}{n}个项目集中开工，总投资{x}亿元，涉及T恤、AA制、C++、AT&T、B超等{n}类产品。",
    "会议指出，3-5年内要建成{n}个示范村，第{n}批名单已于{date}公布。",
    "{person}同志，男，汉族，{y}年{m}月生，{place}人，{y}年{m}月参加工作，中共党员。",
    "２０２３年{place}ＧＤＰ增長{p}％，居民人均可支配收入{x}萬元。",
    "據{place}統計局消息，{person}縣長出席會議並講話，強調要做好防汛抗旱工作。",
    "一、{place}要加強組織領導；二、要壓實責任；三、要強化督查考核。",
    "{place}\r\n{date}\r\n{person}\t{office}\r\n",
    "新华社{place}{date}电（记者{person}、{person}）{place}近日出台《关于加快发展的若干意见》。",
    "“{place}模式”获得肯定！{person}：“我们将继续努力……”",
    "{ascii}{n}{ascii}-{n}.{n}%+#&_{ascii}",
    "\u3400{place}\U00020000{person}\uF900{office}\u9FD6",
    "常在孠，曂傥佛执妶，兾佛执棅。{place}的{office}在会上说了话。",
]


def _fill(rng: random.Random, template: str) -> str:
    def pick(key):
        return {
            "date": f"{rng.randint(1, 12)}月{rng.randint(1, 31)}日",
            "place": rng.choice(_PLACES), "office": rng.choice(_OFFICES),
            "person": rng.choice(_PEOPLE), "n": str(rng.randint(1, 999)),
            "x": f"{rng.randint(1, 9999)}.{rng.randint(0, 99)}", "y": str(rng.randint(1950, 2023)),
            "m": str(rng.randint(1, 12)), "p": f"{rng.randint(0, 30)}.{rng.randint(0, 9)}",
            "q": str(rng.randint(0, 30)), "tel": str(rng.randint(10_000_000, 99_999_999)),
            "ascii": "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(2, 9))),
        }[key]
    out = template
    while "{" in out:
        start = out.index("{")
        key = out[start + 1:out.index("}", start)]
        out = out[:start] + pick(key) + out[out.index("}", start) + 1:]
    return out


def corpus_shaped(count: int, seed: int = 13) -> list[str]:
    rng = random.Random(seed)
    return [_fill(rng, _TEMPLATES[k % len(_TEMPLATES)]) for k in range(count)]


SENTENCES = corpus_shaped(400)


# -- identity ---------------------------------------------------------------

def test_the_seeds_are_cut_alike_and_in_rust(trio):
    rust = trio[1]
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for form in (text, fold(text)):
            assert_same_words(trio, form)
            assert cut_in_rust(rust, form)


def test_corpus_shaped_sentences_are_cut_alike(trio):
    rust = trio[1]
    for sentence in SENTENCES:
        for form in (sentence, fold(sentence)):
            assert_same_words(trio, form)
    # All but the template with CJK beyond jieba's range went through Rust.
    in_rust = sum(cut_in_rust(rust, s) for s in SENTENCES)
    assert in_rust == len(SENTENCES) - len(SENTENCES) // len(_TEMPLATES)


def test_the_analyzers_yield_the_same_tokens_through_either_route(trio, monkeypatch):
    _, rust, python = trio
    text = "\n".join([fold(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
                     + SENTENCES[:100])

    def analysed(tokenizer):
        monkeypatch.setattr(analysis, "segmenter", lambda: tokenizer)
        tokens = [(t.text, t.pos, t.startchar, t.endchar)
                  for t in analysis.word_analyzer()(text, positions=True, chars=True)]
        return tokens, analysis.word_counts(text), analysis.words(SENTENCES[0])

    through_rust = analysed(rust)
    assert through_rust == analysed(python)
    assert len(through_rust[0]) > 5000


# Han of every kind jieba and jieba-rs treat differently (common, rare,
# extension A and B, compatibility ideographs, the edge of jieba's range),
# ASCII, digits, the punctuation inside jieba's blocks, full-width forms,
# whitespace and line ends.
_ALPHABET = list(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "县镇乡村委书记长区市省党政府会议招商引资常在孠曂傥佛执妶兾棅"
    "\u9FD5\u9FD6\u3400\u4DBF\uF900\uFA29\U00020000\U0002A6D6"
    "abcxyzABCT0123456789+#&._%-@/:，。、；：？！“”《》（）０１２３ＡＢＣａｂｃ％－．"
    " \t\r\n\u3000") + ["\r\n", "www.", ".com", "2023年", "3-5", "T恤", "c++", "AT&T"]
TEXT = st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_random_text_is_cut_alike(trio, text):
    assert_same_words(trio, text)


# -- what stays in Python -----------------------------------------------------

def test_rjieba_s_own_hmm_is_not_jieba_s():
    # jieba-rs rounds the HMM's emission probabilities to six decimals: on
    # these runs of unknown characters its path differs from jieba's, which
    # is why runs of single characters are settled in Python.
    from jieba import finalseg

    empty = rjieba.Jieba.empty()   # no words: the whole text goes to the HMM
    differing = [t for t in ("常在孠", "曂傥佛执妶", "兾佛执棅") if empty.cut(t) != list(finalseg.cut(t))]
    assert differing


def test_with_a_small_dictionary_the_hmm_cuts_alike(tmp_path):
    # Few words: nearly every run goes to the HMM, where rjieba's own differs.
    dictionary = tmp_path / "small.txt"
    dictionary.write_text("县委 300\n书记 400\n常在 50\n佛 30\n", encoding="utf-8")
    tokenizers = []
    for make in (jieba.Tokenizer, lambda d: FastTokenizer(d, in_rust=True),
                 lambda d: FastTokenizer(d, in_rust=False)):
        tokenizer = make(str(dictionary))
        tokenizer.tmp_dir = str(tmp_path)
        tokenizer.initialize()
        tokenizers.append(tokenizer)
    for text in ["常在孠", "曂傥佛执妶兾佛执棅", "县委书记常在孠主持会议"] + SENTENCES[:60]:
        assert_same_words(tokenizers, text)
        assert cut_in_rust(tokenizers[1], text) or segmentation._RUST_ONLY_HAN.search(text)


def test_the_wheel_s_blocks_take_exactly_the_extra_cjk_routed_to_python():
    # A word 甲 + c is found by rjieba only where c belongs to its blocks.
    probe = rjieba.Jieba.empty()
    astral = [c for lo, hi in ((0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0x2F800, 0x2FA1F))
              for c in (lo - 1, lo, lo + 1, (lo + hi) // 2, hi - 1, hi, hi + 1)]
    points = [c for c in range(0x20, 0x10000) if not 0xD800 <= c <= 0xDFFF] + astral
    for c in points:
        probe.add_word("甲" + chr(c), 1000, None)
    words = probe.cut(" ".join("甲" + chr(c) for c in points), False)
    in_rust_blocks = {w[1] for w in words if len(w) == 2 and w[0] == "甲"}
    jieba_blocks = {chr(c) for c in points if jieba.re_han_default.fullmatch(chr(c))}
    assert jieba_blocks <= in_rust_blocks
    assert {c for c in in_rust_blocks - jieba_blocks} == \
        {chr(c) for c in points if segmentation._RUST_ONLY_HAN.fullmatch(chr(c))}


def test_texts_rjieba_cannot_take_are_cut_in_python_with_the_same_words(trio):
    rust = trio[1]
    for text in ["\u3400县委书记", "\uF900有此理", "\U00020000字", "\u9FD6镇长", "a\x00b县长", "县长\ud83d讲话"]:
        assert not cut_in_rust(rust, text)
        assert rust.lcut(text) == trio[0].lcut(text)


# -- the dictionary reaches both ----------------------------------------------

def fresh_pair() -> tuple[jieba.Tokenizer, FastTokenizer]:
    """A jieba tokenizer and the archive's Rust-route one, each with its own
    dictionary loaded, for tests that change a dictionary."""
    jieba.setLogLevel(60)
    plain, rust = jieba.Tokenizer(), FastTokenizer(in_rust=True)
    for tokenizer in (plain, rust):
        tokenizer.initialize()
    return plain, rust


def test_words_added_after_the_first_cut_reach_rjieba():
    plain, rust = fresh_pair()
    text = "任俊洁主持会议，新桥镇党委书记任俊洁讲话，招商引资工作会议，洁主持"
    assert rust.lcut(text) == plain.lcut(text)
    assert rust.rust_route is not None
    for word, freq in [("洁主持会", 2000),    # its prefix 洁主持 is no word in either
                       ("资工作会", 2000), ("新桥镇", 5), ("新桥镇", 2000),   # re-added: jieba's total grows twice
                       ("招商", None)]:       # jieba suggests the frequency
        for tokenizer in (plain, rust):
            tokenizer.add_word(word, freq)
        assert rust.lcut(text) == plain.lcut(text)
        assert cut_in_rust(rust, text)
    for tokenizer in (plain, rust):
        tokenizer.suggest_freq("任俊洁讲话", tune=True)   # a frequency that joins it
    assert rust.lcut(text) == plain.lcut(text) and cut_in_rust(rust, text)
    assert "任俊洁讲话" in rust.lcut(text)


def test_a_change_rjieba_cannot_mirror_leaves_the_cut_to_python():
    plain, rust = fresh_pair()
    text = "招商引资工作会议在新桥镇召开 abc2023"
    for tokenizer in (plain, rust):
        tokenizer.lcut(text)
    for tokenizer in (plain, rust):
        tokenizer.add_word("abc2023", 10)   # an ASCII word: not told from single letters
    assert rust.lcut(text) == plain.lcut(text)
    assert not cut_in_rust(rust, text)
    for tokenizer in (plain, rust):
        # Splitting may take a frequency of 0, as del_word does: jieba then
        # forgets the word (and forces its split), which rjieba cannot.
        tokenizer.suggest_freq(("新桥", "镇"), tune=True)
        tokenizer.del_word("招商")
    assert rust.rust_route is None
    assert rust.lcut(text) == plain.lcut(text)
    assert "招商" not in rust.lcut(text)


def test_threads_may_cut_while_words_are_added(trio):
    # From the first cut on, which makes the route from the dictionary
    # while words are being added to it.
    tokenizer = _loaded(FastTokenizer(in_rust=True))   # the dictionary of trio's
    text = SENTENCES[0] * 20
    expected = trio[2].lcut(text)
    errors = []

    def cut():
        try:
            for _ in range(200):
                assert tokenizer.lcut(text) == expected
        except Exception as exc:   # noqa: BLE001 - reported below
            errors.append(exc)

    def add():
        for k in range(300):
            tokenizer.add_word(f"未见词{k}甲", 10)   # words the text never holds

    threads = [threading.Thread(target=add)] + [threading.Thread(target=cut) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and tokenizer.rust_route is not None


# -- without rjieba -----------------------------------------------------------

def test_without_rjieba_the_archive_cuts_in_python(monkeypatch, trio):
    monkeypatch.setattr(segmentation, "RustJieba", None)   # as where no wheel installs
    # The archive's segmenter made afresh, leaving this process's own alone.
    tokenizer = analysis.segmenter.__wrapped__()
    for sentence in SENTENCES[:50]:
        assert tokenizer.lcut(sentence) == trio[0].lcut(sentence)
    assert tokenizer.rust_route is None
    assert FastTokenizer(in_rust=True).lcut("县委书记") == ["县委书记"]   # asked for, but absent
