"""Married women's names in Taiwan: the husband's surname before her own.

Many women of Taiwan's older generations, ward chiefs and councillors among
them, are named with their husband's surname before their own: 蔡苏秋金 (蔡,
then 苏秋金), 王黄春子. Four characters opening with two single surnames
are such a name; the surname test reads three (蔡苏秋) or two (蔡苏)
instead, or none where nothing stops a name before it (里|王黄春子里长).
Two surnames that together make a word (黄金, 江山) open a word, not a name.
"""
from __future__ import annotations

from .common_words import is_common_word
from .names import NOT_IN_NAME, SURNAMES_2, is_cjk_run


# Taiwan's commonest surnames (the interior ministry's published top 100, in
# simplified script): a married name joins two of them; a rare surname
# character (信, 外) opens words too often (郭信良外).
TAIWAN_SURNAMES = frozenset("陈林黄张李王吴刘蔡杨许郑谢郭洪邱曾廖赖徐周叶苏庄吕江何萧罗高潘简朱钟游彭詹胡施沈余卢"
                            "梁赵颜柯翁魏孙戴范方宋邓杜傅侯曹薛丁卓阮马董温唐蓝石蒋古纪姚连冯欧程汤田康姜白汪邹尤巫"
                            "黎涂龚严韩袁金童陆夏柳邵")


def is_married_name(name: str, next_chars: str = "", text: str = "") -> bool:
    """Four characters: a surname, her own surname, a two-character given
    name. The two surnames must be different (周周 is a repetition) and
    common ones: rarer surname characters open words and foreign names as
    often (但, 连, 马国, 叶南德兹), at the cost of a rarer one of hers
    (宋蓝美玉). The
    last character must end a name, not open the next word: no list word or
    function character (郑文灿|及, 林燕祝|谦让), and with the text after it
    (`next_chars`) no common word (苏金安|答说, 林国华|提到). A text that
    writes three of the four characters more often than the four (谢龙介 beside
    谢龙介别, 沈震东 beside 程沈震东) names a person of three."""
    return len(name) == 4 and is_cjk_run(name) and name[0] != name[1] \
        and name[0] in TAIWAN_SURNAMES and name[1] in TAIWAN_SURNAMES \
        and name[:2] not in SURNAMES_2 and not is_common_word(name[:2]) and not is_common_word(name[2:]) \
        and not any(c in NOT_IN_NAME or c in _NOT_ENDING for c in name[1:]) \
        and not is_common_word(name[3] + next_chars[:1]) \
        and not (text and max(text.count(name[:3]), text.count(name[1:])) > text.count(name))


# Characters that follow a name rather than end one: list words, function
# characters, the verbs a speaker's name runs into (答, 提, 引, 针, 早, 刚).
_NOT_ENDING = set("及和与跟暨等的了在向对为把被将已也都就还又请是让给从于以时有应但要并而且若仍却亦才便即乃曾另再之同答提引针早刚谦")
