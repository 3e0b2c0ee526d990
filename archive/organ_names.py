"""The names of government organs inside an office phrase.

Mainland organs are named by what they do, and the name is often words
that outside an office are adjectives, set phrases or verbal nouns, joined
by 和: 卫生健康委, 生态环境厅, 烟草专卖局, 住房和城乡建设局, 发展和改革委员会.
Read back from the post, such a word would end the office (a verb or an
adjective opens a clause elsewhere: 感谢与会贵宾…). It belongs to the organ
when the words run, with nothing but naming words between, from a place
or an organ (固原市|卫生健康|委, 国家|烟草专卖|局) to the organ word
they name; otherwise, as before, the office stops there.
"""
from __future__ import annotations

# Words that name what an organ does: set phrases (生态环境), adjectives
# (健康), verbal nouns (改革), abbreviations (发改), nouns; never a plain verb
# (要求, 部署: 县政府要求住建局… is a clause) or a function word.
_NAMING_TAGS = frozenset({"n", "l", "a", "an", "vn", "j", "nz", "b"})
# 和 joins two subjects inside an organ's name (文化和旅游局).
_JOINS = frozenset({"和"})
# Organs named by the state rather than a place (国家烟草专卖局, 中央…,
# 最高人民法院): such a word opens the organ's name itself.
STATE_WORDS = frozenset({"国家", "中央", "全国", "最高"})
_MAX_NAMING_WORDS = 3
# Nouns for people end so (市民, 群众, 专家, 党员, 记者, 工人): before 和 and
# an organ they are a party of their own (市民和|市政府秘书长), while a
# ministry's subjects are things (文化和旅游部, 工业和信息化部).
_PEOPLE_ENDINGS = set("民众家员者人生师工友长士兵属")


def may_name_organ(word: str, tags: dict[str, str]) -> bool:
    """The cheap test first: the word that stopped reading back may belong
    to an organ's name at all."""
    return word in _JOINS or word in STATE_WORDS or (len(word) > 1 and tags.get(word, "n") in _NAMING_TAGS)


def organ_name_start(words: tuple[str, ...], stop: int, tags: dict[str, str], opens_organ) -> int | None:
    """Where an organ's name that reading back stopped inside begins.

    `words[stop]` is the word that stopped the reading; `opens_organ(word)`
    tells a place or an organ word. Returns the index of the word right
    before the name (-1: the clause's start), so that words[index + 1:stop + 1]
    all belong to the organ; None when the run reaches no place, organ or
    state word. A ministry is named with no place at all (住房和城乡建设部):
    a name joined by 和 may run from the clause's start, unless people and
    an organ of its own are joined (市民和|市政府: two parties, not a name).
    """
    at = stop
    naming = 0
    ministry = False
    while at >= 0:
        word = words[at]
        if word in STATE_WORDS:
            return at - 1
        if word in _JOINS:
            if at == 0 or tags.get(words[at - 1], "") not in _NAMING_TAGS:
                return None  # 和 between two naming words only
            ministry = at + 1 < len(words) and (
                not opens_organ(words[at + 1]) or words[at - 1][-1] not in _PEOPLE_ENDINGS)
        elif len(word) < 2 or tags.get(word, "n") not in _NAMING_TAGS:
            return None
        naming += 1
        if naming > _MAX_NAMING_WORDS:
            return None
        at -= 1
        if at >= 0 and (words[at] in STATE_WORDS or opens_organ(words[at])):
            return at
    return -1 if ministry else None
