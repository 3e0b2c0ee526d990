"""Foreign heads of state and government named after their state and post.

International stories on the mainland name another state's leaders as
state, post, name: 伊朗总统佩泽希齐扬29日在与法国总统马克龙通话时…,
俄罗斯总统普京表示…. The name is written in sounds, so the surname test
misses it (佩 is no surname; 马克龙 is cut as a word). What vouches for it
is the shape: a state's name that jieba tags a place and the gazetteer does
not hold (a foreign state, not 福建), one of the few posts a state's
leaders hold, then a run of the characters Chinese uses for foreign sounds
(the transliteration table), closed by what follows a person (a day, 称, 表示,
punctuation).
"""
from __future__ import annotations

import re

from .common_words import word_tags
from .foreign_names import TRANSLITERATION, is_state, reads_as_words

# Syllables of Xinhua's transliteration table that the Taiwan-built set lacks
# (马克龙, 普京, 佩泽希齐扬, 内塔尼亚胡, 泽连斯基, 默克尔, 朔尔茨): public and closed.
SOUNDS = TRANSLITERATION | set("马龙扬胡京连默朔")
# Posts of a state's leaders and of its foreign minister.
HEAD_POSTS = ("总统", "副总统", "总理", "副总理", "首相", "国王", "外长", "外交部长")
# What follows a person's name: a day (29日), a verb of saying or meeting, or punctuation.
_NAME_ENDS = re.compile(r"\d|[一二三四五六七八九十]{1,3}日|[，,、。；;：:（(\s]|日前|近日|当天|当地时间|此前|表示|指出|称|说|"
                        r"强调|宣布|发表|签署|会见|会晤|会谈|通话|致|访华|出席|在|于|与|和|同|及|将|也|还|已|曾|等|的")
_OWN_STATE = ("中国", "我国", "中华人民共和国")


def _foreign_state(word: str, is_place) -> bool:
    return bool(word) and word not in _OWN_STATE and word_tags().get(word, "").startswith("ns") \
        and not (is_place and is_place(word))


def head_after_post(folded: str, start: int, post: str, title: str, is_place=None) -> str | None:
    """The transliterated name of a foreign state's leader right after
    `title` (a state's name and `post`) at `start`, or None."""
    if post not in HEAD_POSTS or not title.endswith(post) or not _foreign_state(title[:-len(post)], is_place):
        return None
    end = start
    while end < len(folded) and folded[end] in SOUNDS and end - start < 6:
        end += 1
    run = folded[start:end]
    if len(run) < 2 or not _NAME_ENDS.match(folded, end) or reads_as_words(run) \
            or is_state(folded, run, is_place):
        return None
    return run
