"""Foreign office holders written in transliteration, in Taiwan's releases.

The Presidential Office receives presidents, ministers, ambassadors and
legislators of other states and writes their names in sounds (费南德斯总统,
众议员汤玛丝(rachael thomas)、库熙(stephanie kusie), 教宗方济各), or only
in Latin letters (总领事maria fernanda rivera). Such names hold no Chinese
surname pattern, and jieba reads many of them as words or places (巴洛 is
tagged a place), so the surname test misses them. Three things mark them:

- a romanised gloss in parentheses right after the name, which says where
  the name ends whatever its characters;
- a run of the characters Chinese uses to write foreign sounds: a closed,
  public set (the transliteration table's common characters, 阿 巴 德 斯 …),
  three to six long, between a list mark or preposition and the post;
- after a post, Latin words; after a post only foreign states have (教宗),
  a run of those characters, with its regnal number (本笃十六世).

A state's name is written with the same characters (贝里斯, 萨尔瓦多), so a
run the text also writes as a place (访问贝里斯, 贝里斯驻华大使) or that
jieba knows as a place is no person.
"""
from __future__ import annotations

import re

from .common_words import is_common_word, word_frequencies, word_tags
from .names import SURNAMES_1

# The characters of the transliteration table (新华社《世界人名翻译大辞典》's
# common syllables, simplified), and those Taiwan's releases use for the
# same sounds (玛, 丝, 蔓, 婷, 熙; 佛 for 弗: 佛洛里达).
TRANSLITERATION = set(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布查察达戴丹道德登邓迪蒂丁东杜顿多厄恩尔法菲费芬弗福伏"
    "盖冈戈格根古瓜哈海汉豪赫亨怀惠霍基吉加贾杰捷卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里丽莉利"
    "列琳伦罗洛卢鲁律玛迈麦曼芒梅门蒙米密缪莫墨姆穆纳娜乃奈南内妮尼涅宁纽努诺欧帕潘庞佩彭皮珀普齐奇乔"
    "切钦琼丘萨塞赛桑瑟森沙莎尚绍舍圣施什史舒斯松苏索塔泰坦汤唐特提图托瓦万旺威韦维温沃乌伍西希锡席辛"
    "休雅亚耶伊因尤约泽扎詹兹茨佐琪丝黛娅缇翰逊蔓婷熙瑞蒲济各方帝笃禄若望良佛")
# Posts foreign states have that Taiwan's and the mainland's offices do not.
# (Not 国王: 德国王子陶 and 史国国王 hold it across a state's name.)
FOREIGN_POSTS = ("教宗", "总领事", "副总领事", "领事")

# A romanised gloss in parentheses after a transliterated name. Names keep
# the accents of their languages (mario búcaro, william tapia alemán, józef
# gróbarczyk): letters of Latin-1 and Latin Extended-A are letters too.
LETTER = "a-z\u00e0-\u00f6\u00f8-\u00ff\u0100-\u017f"
GLOSS = r"\s?[(（][%s][%s .,'\-]{2,60}[)）]" % (LETTER, LETTER)
_GLOSS_AFTER = re.compile(GLOSS)
# What opens an unglossed name before its post: a list mark, a clause mark
# or a preposition (与费南德斯总统).
_OPENS = set("，,、。；;：:“\"「 \n与和及同向由对请偕暨跟")
# The text names the run as a place: a visit to it, its mission or people.
_PLACE_USE = re.compile(r"(?:访问|前往|抵达|出访|访|赴|到|自|友邦|在)$")
_PLACE_USE_AFTER = re.compile(r"[驻国籍岛州]|政府|人民|共和|王国|期间|之旅|的|两国")
_WELL_KNOWN = 1000
# A state's full name opens its head's name as a list mark does: 萨尔瓦多
# 共和国|佛洛瑞斯总统, 帛琉共和国|雷蒙杰索总统 (the run stops at 国, no sound).
_STATE_ENDS = ("共和国", "王国", "联邦", "公国")
_LOOKS = 20
_LATIN_AFTER = re.compile(r"[a-z][a-z\-']+(?: [a-z][a-z\-']+){1,3}(?= ?(?:[\u4e00-\u9fff，,、。；;]|$))")
_STATE_POSTS = ("议员", "立法委员", "立委", "部长", "次长", "总领事", "领事", "大使", "代表", "发言人", "总统", "总理",
                "首相", "市长", "州长", "处长", "署长", "局长")
_REGNAL = re.compile(r"[一二三四五六七八九十]{1,2}世")
# Where a foreign head's name ends without a regnal number: punctuation or
# what follows a person (教宗方济各日前, 国王阿卜杜拉表示).
_NAME_ENDS = re.compile(r"[，,、。；;：:（(\s]|日前|近日|表示|指出|致|的|在|于|与|和|及|亲自|曾|也|今|昨|将|伉俪|夫妇|阁下|等")


def reads_as_words(run: str) -> bool:
    """A run holding an ordinary word (安全, 文明) is language, not sounds;
    names of people and places jieba lists inside it are sounds too."""
    return any(is_common_word(run[k:k + 2]) and not word_tags().get(run[k:k + 2], "").startswith(("nr", "ns"))
               for k in range(len(run) - 1))


def is_state(folded: str, run: str, is_place=None) -> bool:
    """The run names a place or a body, not a person: a place the gazetteer
    or jieba knows well, a -stan state (哈萨克斯坦), one the text visits or
    whose people or mission it names, or a body's short name the text gives
    in parentheses (伊斯兰圣战组织(杰哈德))."""
    if (is_place and is_place(run)) or run.endswith("斯坦") or (
            word_tags().get(run, "").startswith("ns") and word_frequencies().get(run, 0) >= _WELL_KNOWN):
        return True
    # The first few times the text writes it: a post may be written after the
    # run thousands of times in a hostile text, and each would look again.
    at, looked = folded.find(run), 0
    while at >= 0 and looked < _LOOKS:
        looked += 1
        # 在佛洛瑞斯总统领导下: a preposition before the run, but a post after
        # it makes the run its holder, not a place visited.
        if (_PLACE_USE.search(folded, max(0, at - 2), at) and not folded.startswith(_STATE_POSTS, at + len(run))) \
                or _PLACE_USE_AFTER.match(folded, at + len(run)) \
                or (folded[at - 1:at] in "(（" and folded[at + len(run):at + len(run) + 1] in ")）"):
            return True
        at = folded.find(run, at + 1)
    return False


def name_before_post(folded: str, end: int, glossed: bool, post: str, post_end: int, is_place=None) -> str | None:
    """A foreign name ending at `end`, right before its post (or before its
    gloss, when `glossed`), or None. Without a gloss the run must not read as
    a state in other ways: one a posting names (驻…与贝里斯两国大使), one
    jieba knows as a place, or one whose post a name follows (尼加拉瓜总统查莫洛,
    塔吉克斯坦总统拉赫蒙: the post is the holder's, the run their state's);
    and the post must be a state's (贾瑟利斯主席 chairs a society)."""
    begin = end
    while begin > 0 and folded[begin - 1] in TRANSLITERATION and end - begin < 6:
        begin -= 1
    run = folded[begin:end]
    if len(run) < (2 if glossed else 3) or (begin and folded[begin - 1] not in _OPENS
                                           and not folded.endswith(_STATE_ENDS, 0, begin)) \
            or reads_as_words(run) or is_state(folded, run, is_place):
        return None
    following = folded[post_end:post_end + 1]
    if not glossed and (not post.endswith(_STATE_POSTS) or word_tags().get(run, "").startswith("ns")
                        or "驻" in folded[max(0, begin - 16):begin]
                        or following in SURNAMES_1 or following in TRANSLITERATION):
        return None
    return run


def name_after_post(folded: str, start: int, post: str, found: str | None = None, title: str = "",
                    is_place=None) -> str | None:
    """A foreign name right after a post: Latin words (总领事maria fernanda
    rivera则), or for a foreign post a run of sounds, with its regnal number
    (教宗本笃十六世), which `found` (the surname test's reading) may cut short;
    or after a post a state's full name opens (`title`: 瓜地马拉共和国总统), a
    run of sounds a boundary ends (塞拉诺伉俪)."""
    if not found and title.endswith(post) and title[:-len(post)].endswith(_STATE_ENDS) \
            and post.endswith(_STATE_POSTS):
        # Not before a list mark: the list's next items are read by the
        # surname test, which cuts transliterations (葛瑞斯|理).
        run = _sound_run(folded, start)
        if len(run) >= 3 and _NAME_ENDS.match(folded, start + len(run)) and folded[start + len(run)] != "、" \
                and not reads_as_words(run) and not is_state(folded, run, is_place):
            return run
    if found and post not in FOREIGN_POSTS:
        return found
    latin = None if found else _LATIN_AFTER.match(folded, start)
    if latin:
        # Only after a post that is a state's (议员, 部长, 总领事, 发言人): an
        # international body's officers (秘书长, 主席, 主任) are private.
        return latin.group(0) if post.endswith(_STATE_POSTS) else None
    if post not in FOREIGN_POSTS:
        return None
    run = _sound_run(folded, start)
    end = start + len(run)
    if len(run) < 2 or reads_as_words(run):
        return found
    regnal = _REGNAL.match(folded, end)
    if regnal:
        return folded[start:regnal.end()]
    return run if _NAME_ENDS.match(folded, end) and len(run) >= len(found or "") else found


def _sound_run(folded: str, start: int) -> str:
    """The run of transliteration characters at `start`, at most six long."""
    end = start
    while end < len(folded) and folded[end] in TRANSLITERATION and end - start < 6:
        end += 1
    return folded[start:end]


# A British or European rank or courtesy written after the name, before its
# gloss (蓝纳勋爵(lord rana), 郝尔丝女爵(baroness howells)): not the name.
_RANKS = r"勋爵|女爵|爵士|男爵|伯爵|公爵|夫人|女士|先生|博士"
_HONORIFIC = re.compile(r"(?:%s)$" % _RANKS)
_RANK_AND_GLOSS = re.compile(r"(?:%s)?" % _RANKS + GLOSS)
# The next item of a list of glossed names is a glossed name too; an item
# with more words before its gloss (罗德岛州众议员布莱恩(…)) names its own post.
_GLOSSED_ITEM = re.compile(r"、[\u4e00-\u9fff·]{2,6}(?:%s)?\s?[(（][%s]" % (_RANKS, LETTER))


def skip_gloss(folded: str, at: int) -> int:
    """Past a romanised gloss right after a listed name, when another glossed
    name follows: 吉钦(robert kitchen)、汤玛丝(…) goes on to the next name."""
    gloss = _RANK_AND_GLOSS.match(folded, at)
    return gloss.end() if gloss and _GLOSSED_ITEM.match(folded, gloss.end()) else at


def without_honorific(folded: str, name: str, at: int) -> str:
    """The name without a rank glued to it before its gloss."""
    if name[-1] not in "爵士人生":
        return name  # most names: no rank's last character, no search
    rank = _HONORIFIC.search(name)
    if rank and rank.start() >= 2 and _GLOSS_AFTER.match(folded, at + len(name)):
        return name[:rank.start()]
    return name


# The inauguration the story attends makes the person head of state: before
# it they are not yet in post (出席…总统卡蕬楚(xiomara castro)就职典礼,
# 新任总统罗博就职典礼).
_INAUGURATION = re.compile(r"(?:%s)?(?:的)?就职" % GLOSS)


def awaiting_inauguration(folded: str, names) -> set[str]:
    """The names the text writes right before their inauguration."""
    if "就职" not in folded:
        return set()
    waiting = set()
    for name in names:
        at = folded.find(name)
        while at >= 0:
            if _INAUGURATION.match(folded, at + len(name)):
                waiting.add(name)
                break
            at = folded.find(name, at + 1)
    return waiting
