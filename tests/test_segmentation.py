"""The faster jieba tokenizer cuts exactly jieba's words: on real text, on
random text of common characters, and after words are added (which must
forget what it remembered)."""
from __future__ import annotations

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.script import fold
from indexer import userdict
from indexer.segmentation import FastTokenizer

from .conftest import SEEDS


@pytest.fixture(scope="module")
def pair():
    jieba.setLogLevel(60)
    plain, fast = jieba.Tokenizer(), FastTokenizer()
    for tokenizer in (plain, fast):
        tokenizer.initialize()
        userdict.load_into(tokenizer)
    return plain, fast


def test_the_seeds_are_cut_into_jieba_s_words(pair):
    plain, fast = pair
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for form in (text, fold(text)):
            assert list(fast.cut(form)) == list(plain.cut(form))
            assert list(fast.cut(form)) == list(plain.cut(form))   # remembered blocks, too


# Characters of frequent words and names, both scripts, Latin, digits and
# what jieba splits blocks on: many dictionary words, ties and unknown runs.
TEXT = st.text(alphabet=st.sampled_from(list(
    "新闻國际关係台南市长书記会议招商引资工作的了是在一不有人中大为上个国我以要他时来用们生到"
    "作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度"
    "家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天"
    "政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没"
    "结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件"
    "ab9０Ａ _-，。\n、镇委镇长县区村")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=3))
def test_any_text_is_cut_into_jieba_s_words(pair, texts):
    plain, fast = pair
    for text in texts:
        assert list(fast.cut(text)) == list(plain.cut(text))
        assert list(fast.tokenize(text)) == list(plain.tokenize(text))


def test_added_words_change_the_cut_as_they_do_jieba_s():
    jieba.setLogLevel(60)
    plain, fast = jieba.Tokenizer(), FastTokenizer()
    text = "任俊洁主持会议，新桥镇党委书记任俊洁讲话，招商引资工作会议"
    for tokenizer in (plain, fast):
        tokenizer.initialize()
    before = list(fast.cut(text))
    assert before == list(plain.cut(text))
    for tokenizer in (plain, fast):
        tokenizer.add_word("洁主持", 2000)   # an odd word, to be sure the cut changes
        tokenizer.add_word("资工作会", 2000)
    after = list(fast.cut(text))
    assert after == list(plain.cut(text)) and after != before
    assert "洁主持" in after


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_unknown_runs_are_cut_as_jieba_s_hmm_cuts_them(text):
    # Runs of characters no dictionary word covers go to jieba's HMM.
    from jieba import finalseg

    from indexer.segmentation import hmm_cut

    assert list(hmm_cut(text)) == list(finalseg.cut(text))
