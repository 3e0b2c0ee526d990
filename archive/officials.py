"""Officials: people named next to an office.

An official is a person named next to an office. Mainland text puts the
office first (镇党委书记任俊洁, 区领导吴毓舟、洪武强: one office, a list of
names); Taiwan text as often puts it after (蔡佳甫区长, 卢崑福、李启维议员).
The office is read back to the start of the clause, so compound titles
(市人大常委会副主任、广安区委书记) survive whole. A name must start with a
known surname; where it ends is decided by what follows it: a boundary or a
speaker's verb, else a common word (米亮|主持 vs 蔡佳甫|鼓励). Bylines
(`archive.bylines`) are found first, and their names are never officials.
"""
from __future__ import annotations

import functools
import math
import re

from . import (civil_bodies, collective_titles, cut_names, delegations, deputies, deputy_profiles, dotted_names, first_mention,
               foreign_heads, foreign_names, joint_posts, leaders, military_posts, name_lists, named_again, organ_acronyms,
               party_camps, profile_subjects, shared_organ, staff_titles, straddled_posts, tenure, took_office,
               ward_lists, ward_offices, word_names)
from .common_words import frequency, is_common_word, word_frequencies, word_tags
from .abbreviated_organs import abbreviation_words_before
from .centre_organs import centre_before_name
from .companions import companions
from .event_roles import is_event_role
from .function_words import function_word_before
from .presiders import presiders
from .document import Official
from .married_names import is_married_name
from .japanese_names import japanese_name_after, japanese_name_before, whole_japanese_name
from .minority_names import four_character_name
from .names import NOT_IN_NAME, SURNAMES_1, SURNAMES_2, is_cjk_run, plausible_name, written_followed_by
from .organ_names import STATE_WORDS, may_name_organ, organ_name_start

# Offices that end a title. Longer forms first so that 副书记 is not read as 书记.
_POST_WORDS = set("""
书记 副书记 常务副书记 镇长 副镇长 乡长 副乡长 县长 副县长 区长 副区长 市长 副市长 州长 副州长 关长
省长 副省长 主任 副主任 主席 副主席 部长 副部长 局长 副局长 委员 常委 处长 副处长 主委 议长 副议长
领导 组长 副组长 院长 检察长 庭长 社长 政委 司令员 秘书长 区委书记 县委书记 市委书记 镇长人选
提名镇长人选 提名乡长人选 代镇长 代区长 代县长 代市长 代乡长 负责人 主任委员 里长 议员 立委
市议员 县议员 参议 参议员 众议员 党组成员 召集人 立法委员 总召 副总召 干事长 分队长 大队长 所长 科长 村长 主秘 司长 副司长
总书记 国家主席 总理 副总理 总统 副总统 次长 大使 资政 国策顾问 发言人 署长 副署长 主任秘书 书记长 书记官
总督 股长 科员 执行秘书 督导员 参谋总长 辅导员 委员长 首相 村支书 支书
技正 技士 技佐 专员 专委 专门委员 课长 课员 组员 办事员 馆长 参事 督学 机要 国务卿 咨询委员 咨委
领袖代表 代表 工作专班 临时代办 检察官 主任检察官 法官 大法官 护理师 知事
第一书记 总支书记 巡视员 调研员 一级巡视员 二级巡视员 一级调研员 二级调研员 三级调研员 四级调研员
理事长 副理事长 师长 副师长
""".split()) | set(delegations.POSTS)  # 理事长: a civil body's (协会理事长, _CIVIL_ORGAN) or a people's organisation's (残联)
_POST_WORDS |= set(foreign_names.FOREIGN_POSTS) | staff_titles.TITLES  # 教宗, 总领事; 秘书 (archive.staff_titles)
_POST_WORDS |= military_posts.POSTS  # 陆军司令 (archive.military_posts)
# 副 joins a post whole even where 副 and the post's first characters make a
# shorter post: 副主任委员 is not 副主任 then 委员, nor 副书记长 副书记 then 长.
POSTS = sorted(_POST_WORDS | {"副" + post for post in _POST_WORDS if any(
    ("副" + post).startswith(shorter) for shorter in _POST_WORDS if shorter.startswith("副"))},
    key=len, reverse=True)
_POST_RE = re.compile("|".join(map(re.escape, POSTS)))
_POST_LENGTHS = sorted({len(post) for post in POSTS}, reverse=True)


def _post_ending(text: str, end: int | None = None) -> str | None:
    """The longest post `text[:end]` ends with: a few set lookups, not one
    comparison per post (this runs for every list mark before an office)."""
    end = len(text) if end is None else end
    return next((text[end - n:end] for n in _POST_LENGTHS if n <= end and text[end - n:end] in _POST_SET), None)


# Offices that say nothing on their own; they need an organ right before
# them (区领导, 镇领导, 社区主任), else 信访案件领导包案制 makes a person.
_GENERIC_POSTS = {"领导", "负责人", "委员", "主任", "组长", "召集人", "工作专班"}
# Posts that courts, prosecutors' offices and health stations share with
# the private sector (a clinic's 护理师) or with speech (苏大法官, 应尊重
# 检察官): public only when the organ is written with them (台南地检署
# 检察官, 北门区卫生所护理师, 司法院大法官).
_POSTS_NEEDING_ORGAN = frozenset("检察官 主任检察官 法官 大法官 护理师".split())
_POSTS_NEEDING_ORGAN |= staff_titles.TITLES  # 体育处 高致洁秘书, not 议员秘书
# Nouns whose last character opens an office (社区|长辈, 全县|长期, 城市|长):
# there the office is a misreading.
_NOUN_BEFORE_POST = {"社区", "地区", "市区", "园区", "城区", "小区", "景区", "校区", "山区", "灾区",
                     "辖区", "片区", "街区", "老区", "郊区", "牧区", "湾区", "城市", "都市", "全县",
                     "全市", "全区", "全镇", "全乡", "城镇", "乡镇", "村镇", "集镇", "小镇", "古镇"}
# A locative or adverb ending on the post's first character (地处|长江,
# 经常|委员会, 高处|长): the post is a misreading of two words.
_STRADDLING_TAGS = ("s", "d")
# 王兆建是兴福镇党委书记: a name, a copula, then the office.
# A personnel notice's 同志 form may run on into a noun phrase
# (习近平同志当选国家主席、中央军委主席的消息).
_COPULA_AND_OFFICE = (r"(同志(?:任|为|现任|担任|当选为?)|现任|担任|当选为?|是|系|"
                      r"(?:调|升|转|改|出)?任)(.+)$")  # 潘非琼调任…检察长: 调任 is the verb
_NAME_IS_OFFICE = re.compile(r"([\u4e00-\u9fff]{2,4}?)" + _COPULA_AND_OFFICE)
# A dotted name (阿某·某某是某村党支部书记) is whole up to the copula.
_DOTTED_NAME_IS_OFFICE = re.compile(r"([\u4e00-\u9fff]{2,8}(?:[%s][\u4e00-\u9fff]{1,8}?){1,2})" % dotted_names.DOTS
                                    + _COPULA_AND_OFFICE)
_ORGAN_END = set("区市县镇乡省州委府局处所会院部办厅里村队站团党署司科室组")
# Posts that after a name are verbs: 党统一领导 ("lead").
_VERBS_AFTER_NAME = frozenset({"领导"})
# What makes 代表 an office: a posting (驻台), a congress (人大, 二十大) or an organ.
_MISSION = re.compile(r"驻|大$|[处所会团部署]$")
# National offices. A national leader is an official of a document that
# opens with them (新闻联播's 习近平总书记指出, a presidential release's
# 蔡英文总统今日); further down a local page they are quoted in passing.
_NATIONAL_POSTS = ("总书记", "国家主席", "总理", "委员长", "国家副主席", "总统", "行政院长")
LEAD_CHARS = 150
# Posts no civil body has: a body named before the leader's name in the
# clause is the subject citing them (协会深入学习习近平总书记关于…), not their organ.
_HEAD_OF_STATE_POSTS = frozenset({"总书记", "国家主席", "国家副主席", "总理", "总统", "副总统"})


def _leader_cited_by_body(folded: str, post: str, post_start: int) -> bool:
    """A name jieba lists as a person's stands before a head of state's post."""
    if post not in _HEAD_OF_STATE_POSTS:
        return False
    name = name_before(folded, post_start)
    return bool(name) and _known_person(name, _word_tags().get(name, ""))
# A personnel notice names the appointed with the office (任命李强为国务院总理).
_APPOINTED = re.compile(r"任命([\u4e00-\u9fff]{2,4}?)(?:同志)?为(.+)$")
# A leader acting in a personnel notice (签署主席令, 任命) acts in the story
# wherever it stands: such a national post is no quotation in passing.
_PERSONNEL_ACT = re.compile(r"主席令|任命|任免")


def _at_or_act(folded: str, start: int, end: int) -> int:
    """Where a national post counts as standing: at the story's start when a
    personnel act is named beside it, else where it is."""
    return 0 if _PERSONNEL_ACT.search(folded, max(0, start - 20), end + 20) else start


# A temple's character opens many place names (庙荒村, 寺前镇, 宫前里): there
# a unit closes the name a character or two later, not the temple's post.
_NOT_PLACE_NAME_PART = r"(?![\u4e00-\u9fff]{0,2}[村镇乡街区县市里])"
# Bodies that are not government: their heads hold no public office
# (协会主委, 保生大帝庙主任委员, 经济日报社长, 董事长).
# A religious body's hospital or school is civil too (佛教正德医院), and so is
# an elected member's own office (立委服务处执行长, 议员服务处主任), and a
# sport's committee (软式网球委员会, 桌球委员会: a sports federation's), and a
# farm or training base's Party branch (示范基地党支部书记). A foreign
# state's mission in Taiwan is called an association (美国在台协会, 日本台湾
# 交流协会) and is no civil body, nor is its board (美国在台协会理事主席).
_CIVIL_ORGAN = re.compile(r"(?<!在台)(?<!交流)协会|公会|学会|基金会|公司|集团|银行|(?:庙|宫|寺)%s|报社|日报|商会|同乡会|策进会|促进会|"
                          r"联合会|俱乐部|(?<!联)(?<!联副)(?<!在台协会)理事|董事|奥林匹克|奥会|总会|宗亲会|合作社|工会|基地|"
                          r"佛教|基督|天主|教会|慈济|球委员会|(?:立委|议员|委员)服务处|"
                          r"国小|实小|附小|附中|小学|中学|高中|高职|大学|幼儿园|幼稚园" % _NOT_PLACE_NAME_PART)
_CIVIL_ORGAN = re.compile(_CIVIL_ORGAN.pattern + "|" + civil_bodies.CLUBS_PRESS_COLLEGES)  # archive.civil_bodies
# Posts the text marks as no longer held (前市长, 已故众议员) or not yet held.
_NOT_HELD = re.compile(r"^(?:前|已故|卸任|退休)|前任|当选人$|(?<=[\u4e00-\u9fff])前(?:%s)$"
                       % "|".join(map(re.escape, POSTS)))
_NOT_HELD_BEFORE = re.compile(r"(?:前|已故|卸任|退休)$")

# A given name that is a very frequent word is that word: 安银行 after 陕西省长
# is a bank. Given names that are also words (建平, 大庆) are far rarer.
_WORD_NOT_GIVEN_NAME = 700

# Characters that, right next to an office, are a word rather than a surname:
# 里长和海头社区, 公司原党组, 由安南区, 当市长时曾.
_NOT_NAME_START = set("和与及同于原由时")
_FREQUENT_WORD = _WORD_NOT_GIVEN_NAME

# What may follow a name: punctuation or the verbs that follow a speaker
# (答询 and 答复: a bureau head answering a council's questions).
_AFTER_NAME = re.compile(
    r"(?:[,，、。；;：:！!？?\s（(“”\"\d]|$|主持|指出|要求|强调|表示|出席|参加|讲话|介绍|说|在|到|前往|"
    r"深入|带队|率队|率|一行|同志|等|和|与|及|跟|为|对|调研|督导|检查|走访|看望|慰问|陪同|会见|"
    r"听取|召开|希望|代表|宣读|传达|作|就|任|又|详细|现场|专题|也|还|先后|来到|向|的|则|亦|更|已|"
    r"将|会|于|今|昨|近日|日前|特别|特地|再|一同|共同|皆|均|都|偕|邀|感谢|提醒|呼吁|鼓励|建议|认为|致|赠|从|案|"
    r"做|以|把|被|让|给|用|通过|带领|担任|出任|当选|伉俪|夫人|兼|因|是|称|答询|答复|%s)" % "|".join(military_posts.RANKS))
# What may stand right before a name written ahead of its office (蔡佳甫区长).
# A closing quote ends the clause before (「…」吕维胤议员强调); so does a
# contact line's extension number (转224朱俊颖股长), though not any number
# (2位中心主任).
_BEFORE_NAME = set(",，、。；;：:！!？? \t\n（(“”\"」』与和及由请偕暨心的在对向把被让给为是也将国有") \
    | _ORGAN_END
_EXTENSION_BEFORE = re.compile(r"(?:(?:转|分机|#|ext\.?)\d{1,5}|、\d{3,5})$")
# Words joining people in a list before a shared office (甲、乙及丙等议员).
_LIST_JOINS = ("、", "及", "和", "与")
# A romanised name has a given name and a family name (ingay tali, tran thi
# van ngoc); one word run into Chinese is an acronym (我国apec领袖代表).
_LATIN_NAME = re.compile(r"[a-z][a-z\-]*[ \-][a-z\- ]{0,28}[a-z]$")
# Between list marks one romanised word is a name too (林易莹、ingaytali、李启维).
_LATIN_LIST_ITEM = re.compile(r"(?<=[、，,])[a-z]{3,30}$")

# Names outside the Han surname pattern. Uyghur and other transliterated
# names join their parts with a middle dot (艾尔肯·吐尼亚孜); Tibetan names
# are one or two of a small set of two-character parts (次仁平措, 扎西).
_DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,5}(?:[%s][\u4e00-\u9fff]{1,8}){1,2}" % dotted_names.DOTS)
_TIBETAN_PARTS = set("""次仁 扎西 多吉 卓玛 格桑 央金 旺堆 顿珠 达瓦 索朗 尼玛 拉巴 巴桑 白玛 德吉 曲珍 平措 罗布
嘎玛 群宗 玉珍 央拉 旺青 白珍 次央 尼珍 朗杰 华旦 贡保 万玛 完德 索南 旦正 吉毛 措毛 加羊 才仁 求培 嘎松 贡觉
加措 嘉措 桑珠 普布 边巴 洛桑 丹增 群培 强巴 贡嘎 益西 旦增 琼达 米玛 次旦 拉姆 央宗 卓嘎 仁青 土登 才让
才旦 多杰 拉毛 加央 更登 尕藏 久美 噶玛 坚参 措姆 阿旺 旺姆 欧珠 普琼 达娃 次珍 德庆 晋美 洛追 贡布 仁增
旺杰 次仁 桑杰 扎巴 顿典 泽仁 泽旺 降措 向巴 占堆 雍措 曲扎 赤列 尼玛 卓拉 斯朗 洛松 格勒 根敦 单增
江村 泽登 次珠 江白 坚赞 旺久 旦巴 土旦 曲尼 央珍 巴珠 德央 穷达""".split())
# Yi family names have two characters and come first (吉克曲布, 阿西阿呷,
# 沙马拉毅); with a two-character given name the name has four.
_YI_SURNAMES = set("""吉克 阿西 沙马 尔古 阿苏 吉木 俄木 曲比 海来 马海 阿约 吉伍 阿牛 阿尔 勒格 吉俄 日火 瓦其
阿的 阿克 倮伍 木乃 加拉 俄底 苏呷 阿说 阿火 海乃 马黑 补约 吉力 阿吉 洛古 土比 金古 吉觉 立布 阿余 吉史
阿什 阿侯 的惹 阿合 俄其 莫色 安克 井曲 巴莫 比曲 阿皮 以且 阿育 地惹 吉则""".split())
# Transliterated names hold characters that end Chinese names (都, 会, 里);
# only function words and organs are out.
_NOT_IN_TRANSLITERATION = set("的了是在们这那其该各此从把被将也就还而并或得靠局处市县区镇乡村所院委办厅署省")
# Aspect particles follow verbs (忙着, 来了), never a name.
_ASPECT = set("着了过")
# 于 is a surname and a preposition: 市长于昨日 is "on", 市长于殿红 a name.
_YU_PREPOSITION_NEXT = set("昨今明本上下当近此该次日年月同") | set("一二三四五六七八九十0123456789")


def _closes_transliteration(folded: str, at: int) -> bool:
    """A boundary at `at`, but not 都: 阿不都热合曼 holds it."""
    boundary = _AFTER_NAME.match(folded, at)
    return bool(boundary) and boundary.group(0) != "都"


def _name_outside_han_pattern(folded: str, start: int) -> str | None:
    dotted = _DOTTED_NAME.match(folded, start)
    if dotted:
        # The last part ends at the first boundary (吐尼亚孜|主持), not at
        # the end of the run of characters.
        # Transliterations hold characters that are words elsewhere
        # (阿不都热合曼): 都 does not end one.
        last_dot = max(dotted.group(0).rfind(dot) for dot in dotted_names.DOTS)
        ends = range(start + last_dot + 3, dotted.end() + 1)
        end = dotted_names.end_written_elsewhere(folded, start, ends)  # 廷·巴特尔：… beside 廷·巴特尔总结
        if end is None:
            # 布兰登·斯科特|拒绝, 施特菲·莱姆克|立即: a common verb or adverb
            # closes the name as a boundary does, unless it straddles one
            # (约瑟夫·西克|拉近|日 is 西克拉|近日).
            end = next((end for end in ends if _closes_transliteration(folded, end)
                        or (dotted_names.grammar_word(folded[end:end + 2])
                            and not _closes_transliteration(folded, end + 1))), None)
        if end is None:  # …托合塔洪|讲述: a rarer verb follows the name
            end = next((end for end in ends if _word_tags().get(folded[end:end + 2], "").startswith("v")), None)
        if end is not None:
            name = folded[start:end]
            return None if any(c in _NOT_IN_TRANSLITERATION for c in name) else name
    parts = 0
    while folded[start + 2 * parts:start + 2 * parts + 2] in _TIBETAN_PARTS and parts < 2:
        parts += 1
    if parts and _AFTER_NAME.match(folded, start + 2 * parts):
        return folded[start:start + 2 * parts]
    if folded[start:start + 2] in _YI_SURNAMES and is_cjk_run(folded[start + 2:start + 4]) \
            and _AFTER_NAME.match(folded, start + 4) and not _AFTER_NAME.match(folded, start + 3) \
            and not any(c in NOT_IN_NAME for c in folded[start + 2:start + 4]):
        return folded[start:start + 4]
    return None


# A transliterated foreign name is followed by its romanised form in
# parentheses (瓦卡(baron divavesi waqa), 龚萨福(ralph gonsalves)总理); the
# gloss marks where the name ends, whatever its first character.
_GLOSSED_NAME = re.compile(r"[\u4e00-\u9fff·]{2,8}(?=%s)" % foreign_names.GLOSS)  # (mario búcaro)
# A well-known state (美国) inside a glossed "name" shows it is a phrase;
# rare place words (法斯 in 凯法斯) are parts of transliterations.
_KNOWN_STATE = 1000
_GLOSS_BEFORE = re.compile(foreign_names.GLOSS + "$")


def name_after(folded: str, start: int) -> str | None:
    """The person's name starting at `start` (right after an office), or None."""
    other = _name_outside_han_pattern(folded, start)
    if other:
        return other
    glossed = _GLOSSED_NAME.match(folded, start)
    if glossed and not any(c in NOT_IN_NAME for c in glossed.group(0)) \
            and glossed.group(0)[0] not in _NOT_GLOSSED_NAME_START \
            and not _POST_RE.search(glossed.group(0)) and "团" not in glossed.group(0) \
            and not any(len(word) > 1 and (_word_tags().get(word, "n").startswith("v") or (
                _word_tags().get(word) == "ns" and word_frequencies().get(word, 0) >= _KNOWN_STATE))
                        for word in _words(glossed.group(0))):
        # 总统瓦卡(baron waqa): a foreign name, its romanised form after it
        # (not 接受美国时代(time)杂志专访: a verb and a state)
        return glossed.group(0)
    if folded[start:start + 1] == "于" and (folded[start + 1:start + 2] in _YU_PREPOSITION_NEXT
                                           or _word_tags().get(folded[start + 1:start + 3])):
        return None  # 议员于专案报告: "at", before a word
    if folded[start:start + 1] in _NOT_NAME_START_BUT_YU:
        return None
    if folded[start:start + 1] in _ADVERB_SURNAMES and (any(
            _word_tags().get(folded[start + 1:start + n], "").startswith(_VERB_PHRASE_TAGS) for n in (3, 4))
            or folded[start + 1:start + 2] in _NUMERALS
            or (folded[start] != "曾" and _common_word_not_name(folded[start + 1:start + 3]))):
        # 总统曾率团访问, 主席都予以尊重, 副委员长向十…, 总书记都重点强调,
        # 主席向大会致信: "once", "all", "towards" before a verb, a numeral
        # or (not 曾, whose given names are nouns: 曾海洋) a common word
        return None
    lengths = (4, 3) if folded[start:start + 2] in SURNAMES_2 else (3, 2)
    candidates = [folded[start:start + n] for n in lengths
                  if start + n <= len(folded) and is_cjk_run(folded[start:start + n])]
    candidates = [name for name in candidates if plausible_name(name)
                  and name[:2] not in _MEETING_VERBS and name[:2] not in _SPEECH_VERBS]  # 总统祝贺|李在明
    if not candidates:
        # 议员李镇国: a given name with an organ's character, written again
        # (archive.named_again); 书记立克拢拢，…立克拢拢心潮澎湃: a name of no
        # Han surname (archive.minority_names)
        return (named_again.name_at(folded, start, _POST_RE, _AFTER_NAME, _opens_with_word)
                or four_character_name(folded, start, _closes_name))
    if len(candidates) == 2 and folded[start + len(candidates[0]):start + len(candidates[0]) + 1] in _ASPECT \
            and not is_common_word(folded[start + len(candidates[0]):start + len(candidates[0]) + 2]):
        # 谢瑶|忙着: an aspect particle makes the third character a verb
        return None if _is_word(candidates[1]) else candidates[1]
    if len(candidates) == 2 \
            and frequency(folded[start + len(candidates[1]):start + len(candidates[1]) + 2]) >= _FREQUENT_WORD \
            and not is_common_word(folded[start + len(candidates[0]):start + len(candidates[0]) + 2]):
        # 杨渡|担任: the third character opens a word; but in 曾明华|表示 a
        # word follows the longer name too (华表 is a word only by chance).
        candidates = candidates[1:]
    if len(candidates) == 2 and folded[start + len(candidates[0]) - 1:start + len(candidates[0]) + 1] in _MADE_A_REPORT:
        candidates = candidates[1:]  # 副主任委员徐辉|作的关于…的汇报: 作的, 作了, 作出 "made"
    if len(candidates) == 2 and candidates[0][-1] in "和与及" and _post_closing_list(folded, start + len(candidates[0])):
        return candidates[0]  # 委员甲、乙及陈昆和议员出席: 和 ends the name, the post is theirs
    progressive = next((name for name in candidates if _PROGRESSIVE.match(folded, start + len(name))), None)
    if progressive:
        # 李勇|正在讲话, 黄某某|正忙着: "now" opens the verb, whatever the
        # name's last character would make of 在 on its own (李勇正|在).
        return None if _is_word(progressive) or frequency(progressive[:2]) >= _prefix_limit(progressive) \
            else progressive
    for name in candidates:
        if _AFTER_NAME.match(folded, start + len(name)):
            if _listed_person(name) and _SPEAKER_AFTER.match(folded, start + len(name)):
                return name  # 总理李强作出批示: jieba lists the word as a person
            if (_is_word(name) and not _rare_listed_word(name)) or frequency(name[:2]) >= _prefix_limit(name):
                if len(name) == 2 and word_names.titled_again(folded, name, start, _post_end_at, _AFTER_NAME.match):
                    return name  # 委员金花在… beside ，金花委员来到: a name (archive.word_names)
                return None  # 议员支持下: a phrase, not a person
            return name
    four = folded[start:start + 4]
    if lengths[0] == 3 and len(four) == 4 and is_cjk_run(four) and _AFTER_NAME.match(folded, start + 4) \
            and not any(c in NOT_IN_NAME for c in four[1:]) and not _of_two_words(four) \
            and (folded.count(four) > 1 or is_married_name(four, folded[start + 4:start + 5], folded)):
        # 乔进双梅, named whole again: a four-character name (Yi, Dai), not 乔进双;
        # 蔡苏秋金: a husband's surname before her own (archive.married_names)
        return four
    # No boundary: a two-character name is followed by a common word.
    longer, shorter = candidates[0], candidates[-1]
    if len(candidates) == 2 and is_common_word(folded[start + len(shorter):start + len(shorter) + 2]):
        # 杨渡|担任, 李勇|做法; a word jieba lists, even as a name, is that
        # word when no boundary follows it (总统贺词|全文)
        return shorter if not _is_word(shorter) and shorter not in _word_tags() else None
    if len(longer) == lengths[0] and not _is_word(longer[:2]) \
            and frequency(longer[1:3]) < _WORD_NOT_GIVEN_NAME and not _cuts_a_word(folded, start, len(longer)):
        return longer
    # 议员王家贞业务报告…: glued to a caption, named again (王家贞更痛批)
    return named_again.name_at(folded, start, _POST_RE, _AFTER_NAME, _opens_with_word)


# 正 "now" before a verb in progress: 正在, or a verb and its particle (正忙着).
_PROGRESSIVE = re.compile(r"正在|正[\u4e00-\u9fff]着")


def _post_end_at(folded: str, at: int) -> int | None:
    post = _POST_RE.match(folded, at)
    return post.end() if post else None


def _closes_name(folded: str, at: int) -> bool:
    """Punctuation or a speaker's verb: what surely ends a name of no known shape."""
    return bool(_SPEAKER_AFTER.match(folded, at))


_MADE_A_REPORT = frozenset("作的 作了 作出 做的 做了 做出".split())


def _of_two_words(text: str) -> bool:
    """A four-character phrase of two common words (国家|安全, 居家|隔离), or a word."""
    return text in _word_tags() or (is_common_word(text[:2]) and is_common_word(text[2:]))


def _cuts_a_word(folded: str, start: int, length: int) -> bool:
    """A word of three or four characters starts inside the 'name' and runs
    past its end (主席国|马来西亚总理): the first character closes the word
    before; or a four-character word, an idiom, starts with it and runs past
    its end (总书记|高瞻远瞩, not a name 高瞻远)."""
    frequencies = word_frequencies()
    return folded[start:start + 4] in frequencies and length < 4 or any(
        folded[start + k:start + k + n] in frequencies
        for k in range(1, length) for n in (3, 4) if start + k + n > start + length)


def _post_closing_list(folded: str, at: int) -> bool:
    """A post at `at` closes a list of names: no name follows it (议员出席),
    unlike 和局长王五, where the post opens the next person's office."""
    post = _POST_RE.match(folded, at)
    return bool(post) and folded[post.end():post.end() + 1] not in SURNAMES_1 \
        and bool(_AFTER_NAME.match(folded, post.end()))


# jieba's dictionary lists many two-character names as words (李强, 张扬,
# tagged nr); right after an office and before a boundary, a rare one is the
# person. Frequent ones (明白, 文明, 阳光) are tagged nr too, and stay words.
_LISTED_PERSON_MAX_FREQUENCY = 300
# Only a speaker's punctuation or verb confirms such a name (李强作出批示),
# not any boundary (黄伟哲市长施政以…: 施政 is policy).
# A date between the name and the verb is a newsreader's (国务院总理李强5月5日
# 主持召开…, 李强今天会见…): it closes the name as a verb would.
_SPEAKER_AFTER = re.compile(r"[,，、。；;：:（(]|作出|表示|指出|强调|主持|要求|出席|讲话|介绍|说|会见|率|带队|调研|听取|宣读"
                            r"|\d{1,2}月\d{1,2}日|[今昨]天|近日|日前")


_SPEAKER_VERB_AFTER = re.compile(r"表示|指出|强调|说|认为|呼吁|提到|坦言|感谢|希望|出席|主持|列席|参加")


def _listed_person(name: str) -> bool:
    return len(name) == 2 and _word_tags().get(name, "").startswith("nr") \
        and frequency(name) < _LISTED_PERSON_MAX_FREQUENCY


# The commonest surnames open many words (王家, 高度): a name starting with one
# is read as a word only when that word is very frequent.
_COMMON_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
                       "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵")


def _opens_with_word(name: str) -> bool:
    """祝贺|郭议长: the 'name' opens with a word (李俊 is rarely one)."""
    if len(name) == 3 and name[0] in _COMMON_SURNAMES:
        return frequency(name[:2]) >= _prefix_limit(name)
    return is_common_word(name[:2])


def _prefix_limit(name: str) -> int:
    return 3000 if len(name) == 3 and name[0] in _COMMON_SURNAMES else _FREQUENT_WORD


# A two-character noun or numeral jieba lists but almost never uses (石定 2,
# 余天 12) is, right after a post and before a boundary, a name (次长石定陪同,
# 立法委员余天等); rare verbs, adverbs, places and organs' short names stay
# words (相挺, 连袂, 国发|会).
_RARE_WORD = 20
_RARE_NAME_TAGS = frozenset({"n", "m"})


def _rare_listed_word(name: str) -> bool:
    return len(name) == 2 and _word_tags().get(name) in _RARE_NAME_TAGS and not is_common_word(name) \
        and word_frequencies().get(name, 0) < _RARE_WORD


def _is_word(name: str) -> bool:
    """A 'name' that is ordinary vocabulary (班子, 强调, 贺年卡, 全票) is not a person."""
    if len(name) == 2 and is_common_word(name):
        return True
    tag = _word_tags().get(name)
    return tag is not None and not tag.startswith("nr")


_ORGAN_WORD_START = frozenset("局处区市县镇乡所部署司科")


def post_start_is_organ(folded: str, end: int) -> bool:
    """The office after `end` opens with an organ word (局长, 处长, 区长, 部长)."""
    return folded[end:end + 1] in _ORGAN_WORD_START


# 徐区长全立, 黄主任秘书明新: a surname alone before the office and the given
# name after it, in a list or clause of its own.
# 李总统登辉伉俪: a couple's word closes the given name too, but 贤伉俪 is one
# courtesy word (柯市长贤伉俪: "the mayor and his wife").
_GIVEN_AFTER = re.compile(r"[\u4e00-\u9fff]{1,2}(?=[、，,。；;\s]|偕同|及|和|与|先生|女士|伉俪|夫妇)(?<!贤(?=伉俪))")


def _given_name_after_surname(folded: str, post_start: int, post_end: int) -> str | None:
    if post_start < 1 or folded[post_start - 1] not in SURNAMES_1:
        return None
    if post_start >= 2 and folded[post_start - 2] not in "、，,。；;:：由与和及\n ":
        return None
    if folded.endswith(_STATE_WORDS, 0, post_start):
        return None  # 诺鲁共和国总统瓦卡伉俪: 国 closes the state's name, no surname
    given = _GIVEN_AFTER.match(folded, post_end)
    if not given or is_common_word(given.group(0)) or any(c in NOT_IN_NAME for c in given.group(0)) \
            or _AFTER_NAME.match(given.group(0)):
        return None  # 李议员说，: what follows a name (说, 表示) is no given name
    return given.group(0)


def _ends_with_boundary_word(folded: str, begin: int) -> bool:
    """The text before `begin` ends with a word, so a name may start there:
    a common word, a verb or preposition (偕同, 便由), or an office
    (董事长纪政国策顾问)."""
    before = folded[max(0, begin - 2):begin]
    if len(before) == 2 and (is_common_word(before) or _word_tags().get(before, "n") in _STOP_TAGS):
        return True
    return any(folded.endswith(post, 0, begin) for post in ("长", "员", "书记", "主任", "人"))


def _post_ends(folded: str, at: int) -> bool:
    """A post at `at` ends where a boundary follows (总理等), not inside an
    organ's name (国会华裔|议员团: 华裔 is a word)."""
    post = _POST_RE.match(folded, at)
    return bool(post) and bool(_AFTER_NAME.match(folded, post.end()))


def name_before(folded: str, end: int) -> str | None:
    """The person's name ending at `end` (right before an office), or None."""
    dotted = dotted_names.name_before(folded, end)
    if dotted and not _POST_RE.search(dotted):
        return dotted  # 迪丽娜尔·阿布拉委员: every dotted part (archive.dotted_names)
    tibetan = folded[max(0, end - 4):end]
    if tibetan[:2] in _TIBETAN_PARTS and tibetan[2:] in _TIBETAN_PARTS \
            and (end == 4 or folded[end - 5] in _BEFORE_NAME):
        return tibetan  # 巴桑卓玛委员: a Tibetan name of two parts, not 桑卓玛
    for length in (3, 2, 4):
        begin = end - length
        if begin < 0:
            continue
        name = folded[begin:end]
        if not is_cjk_run(name) or not plausible_name(name) or name[0] in _NOT_NAME_START:
            continue  # 原专职副主任 is "formerly"
        if name[0] in _ADVERB_SURNAMES and name[1] in _FUNCTION_CHARS:
            continue  # 村长都向总统指出: "all", "towards"
        if (_is_word(name) or _opens_with_word(name)) and not (_listed_person(name) and _post_ends(folded, end)):
            continue  # 祝贺郭议长: a verb; but 按照李强总理等: a rare word jieba lists as a name
        if length == 2 and post_start_is_organ(folded, end):
            continue  # 都展局长: a two-character bureau name, not a person
        if length == 3 and post_start_is_organ(folded, end) and name[1:] + folded[end] in word_frequencies():
            continue  # 向教育局长: the "given name" and the post's organ make a bureau (教育局)
        if length == 4 and name[:2] not in SURNAMES_2 and not is_married_name(name, text=folded):  # 宋蓝美玉里长
            continue
        if begin and len(_words(folded[max(0, begin - 4):begin + 1])[-1]) > 1:
            continue  # 共和国|驻华大使: the "surname" closes the word before it
        if begin == 0 or folded[begin - 1] in _BEFORE_NAME or _ends_with_boundary_word(folded, begin) \
                or _EXTENSION_BEFORE.search(folded, max(0, begin - 10), begin) \
                or (length == 3 and _foreign_state_before(folded, begin, None)) \
                or _known_name_after_word(folded, begin, name) or function_word_before(folded, begin):
            return name  # 以色列|游亚旭(…)代表
    return None


def _taker_name(name: str) -> bool:
    """A name read at a clause's start is a person's, not words (曾因救人)."""
    tag = _word_tags().get(name)
    return plausible_name(name) and not _is_word(name) and not _opens_with_word(name) \
        and name[0] not in _ADVERB_SURNAMES and name[-1] not in _FUNCTION_CHARS \
        and (tag is None or _known_person(name, tag))  # not 吉布提, a state jieba lists


def _known_name_after_word(folded: str, begin: int, name: str) -> bool:
    """A name jieba lists as a person's, cut whole from a verb before it,
    needs no boundary: 受|习近平总书记委派, 学习|习近平总书记关于 (not
    宏|都拉斯总统: jieba reads 宏都拉斯 as one word, a state; nor 同|卢森堡
    首相: after a preposition, a state jieba also tags a name)."""
    if len(name) != 3 or not _known_person(name, _word_tags().get(name, "")):
        return False
    words = _words(folded[max(0, begin - 4):begin + 3])
    return len(words) > 1 and words[-1] == name and (
        _word_tags().get(words[-2], "").startswith("v") or leaders.studied(words[-2]))


# An opening corner quote starts a clause (会晤「帛琉共和国总统…」); a closing
# one ends an organ's name whose post follows (「台湾日本关系协会」秘书长).
_CLAUSE_START = re.compile(r"[。！？；;:：,，!?\n“”\"（(）)「『\s]")


def clause_start(folded: str, post_start: int, post_end: int) -> int:
    """Where the clause holding an office begins (at most 30 characters back)."""
    begin = post_start
    while begin > 0 and not _CLAUSE_START.match(folded[begin - 1]) and post_end - begin < 30:
        begin -= 1
    return begin


# An office is [place][organ][post](、[organ][post])*. Read back from the
# post, word by word (jieba's dictionary and its part-of-speech tags), it
# stops at what no title holds: a verb (偕同, 移交, 打造), a preposition or
# adverb (向, 已, 为), a conjunction (及, 以及, 不过), a time word, a pronoun.
_STOP_TAGS = {"v", "vd", "vg", "p", "d", "ad", "dg", "df", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv",
              "r", "rr", "rz", "y", "e", "o", "t", "tg", "m", "mq", "q", "f", "zg", "k", "h", "l", "i", "a"}
_TITLE_WORDS = {"副", "原", "代", "常务", "兼", "党", "党组", "党委", "党工委", "委", "中共"}


def _word_tags() -> dict[str, str]:
    return word_tags()


_LOG_TOTAL = math.log(60_000_000)  # about the sum of jieba's dictionary frequencies
_PLACE_FREQUENCY = 1000


# The same few characters before a name or post recur across documents
# (台南市政府, 镇党委): their cut is kept, keyed on the text and the place test
# (one gazetteer's bound method, equal from document to document).
@functools.lru_cache(maxsize=1 << 16)
def _words(text: str, is_place=None) -> tuple[str, ...]:
    """`text` cut into dictionary words the way jieba cuts without its HMM:
    the cut whose words are likeliest together (自治区|党委, not 自治|区党委).
    Places the gazetteer knows count as words of middling frequency."""
    frequencies = word_frequencies()
    # best[i]: (log-likelihood of the best cut of text[:i], start of its last word)
    best: list[tuple[float, int]] = [(0.0, 0)]
    for end in range(1, len(text) + 1):
        choice = (-math.inf, end - 1)
        for length in range(1, min(4, end) + 1):
            word = text[end - length:end]
            frequency = frequencies.get(word, 0)
            if not frequency and length > 1:
                if not (is_place and is_place(word)):
                    continue
                frequency = _PLACE_FREQUENCY
            score = best[end - length][0] + math.log(frequency or 1) - _LOG_TOTAL
            if score > choice[0]:
                choice = (score, end - length)
        best.append(choice)
    words: list[str] = []
    end = len(text)
    while end > 0:
        start = best[end][1]
        words.append(text[start:end])
        end = start
    return tuple(reversed(words))


# A foreign state's name opens its offices (帛琉共和国总统, 诺鲁共和国驻华大使):
# the gazetteer knows no foreign state, and jieba tags 共和国 a place.
# 驻 opens a posting (驻华大使, 驻村第一书记), though jieba tags 驻华 a verb.
_STATE_WORDS = ("共和国", "王国", "联邦", "合众国", "公国", "酋长国")


def _foreign_state(word: str) -> bool:
    return word.endswith(_STATE_WORDS) or (len(word) == 2 and word[0] == "驻")


def _foreign_state_before(folded: str, begin: int, is_place) -> str:
    """The foreign state named right before a name (圣文森国|龚萨福, 以色列|游亚旭):
    a place jieba knows and the gazetteer does not, or a word ending in 国."""
    words = _words(folded[max(0, begin - 6):begin], is_place)
    last = words[-1] if words else ""
    if len(last) > 1 and (last.endswith("国") or (_word_tags().get(last) == "ns" and not (is_place and is_place(last)))):
        return last
    return ""


# A single character's tag is too ambiguous to judge (地 in 地政局, 新 in
# 新北市): only these function characters stop an office on their own.
_FUNCTION_CHARS = set("的了在向对为与和及由把被将已等也都就还又请是让给从于以前后时有予我他她其应"
                      "但要并而且若仍却亦才便即乃曾另再之同"
                      # 跟 "with" before a state's name (跟|巴拉圭新任总统): jieba
                      # cuts 跟巴 as a word, so its tag never stops the office.
                      "跟"
                      # An aspect particle closes a verb jieba does not list
                      # (杨某带着|镇派出所所长): no office holds one.
                      "着")
# Built once: name_after runs for every office found.
_NOT_GLOSSED_NAME_START = _FUNCTION_CHARS | set("长员官")
_NOT_NAME_START_BUT_YU = _NOT_NAME_START - {"于"}
# Surnames that are also adverbs or prepositions (曾 "once", 都 "all", 向
# "towards"): before a verb they are that word (曾来到, 都予以), not a
# surname; a given name after them is no verb (曾培雅, 向明华).
_ADVERB_SURNAMES = set("曾都向将")
_VERB_PHRASE_TAGS = ("v", "d", "p", "c", "r")
_NUMERALS = set("一二三四五六七八九十百千0123456789")


def _common_word_not_name(word: str) -> bool:
    """A common word jieba does not list as a name (重点, 积极; not 向阳)."""
    return is_common_word(word) and not _word_tags().get(word, "").startswith("nr")


# Verbs of meeting that jieba's dictionary tags as nouns.
_MEETING_VERBS = frozenset("会见 会晤 接见 会谈 拜会 致电 致函 祝贺".split())
_MEETING_VERB_ENDINGS = tuple(_MEETING_VERBS)
# Verbs of speech and reference jieba tags nouns: 建议市长黄伟哲整合,
# 向市长报告, 有关市议员的质询 ("suggests", "reports", "concerning").
_SPEECH_VERBS = frozenset("建议 报告 有关".split())
# Single-character verbs that take a person as their object (率环保局长,
# 邀交通部长, 获市长, 问市长, 就像国家安全会议咨询委员): as a function
# character, they end an office read back.
_VERB_CHARS = frozenset("率邀获问像继")  # 继巴拿马总统某某之后: "after"
# 第四分局长, 第一科科长: an ordinal numbers the organ that follows it.
_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇两\d]+$")
# jieba lists some people by name (习近平, 王沪宁, 李登辉, all rare as
# words); it tags some states as names too (乌克兰, 塞尔维亚: frequent, or
# transliterations tagged nrt), and those open offices.
_PERSON_MAX_FREQUENCY = 600


def _known_person(word: str, tag: str) -> bool:
    return len(word) == 3 and tag in ("nr", "nrfg") and plausible_name(word) \
        and word_frequencies().get(word, 0) < _PERSON_MAX_FREQUENCY


def _known_leader_name(name: str) -> bool:
    """A name before a national post that jieba lists as a person's: three
    characters (习近平), or two with a common surname that jieba tags a name
    and nothing else (李强总理作出批示; not 晋见总统, a verb)."""
    tag = _word_tags().get(name, "")
    return _known_person(name, tag) or (len(name) == 2 and tag in ("nr", "nrfg") and name[0] in _COMMON_SURNAMES
                                        and word_frequencies().get(name, 0) < _PERSON_MAX_FREQUENCY)


def _title_word(word: str, is_place) -> bool:
    """A word that may stand inside an office's place/organ prefix."""
    if not is_cjk_run(word):
        return False
    if len(word) == 1:
        return word not in _FUNCTION_CHARS and word not in _VERB_CHARS
    if _ORDINAL.match(word):
        return True
    if word == "代表":
        return False  # 副市长姜淋煌代表市长: "on behalf of", before a post
    if word in _TITLE_WORDS or word[-1] in _ORGAN_END or _POST_RE.search(word) or _foreign_state(word) \
            or (len(word) > 1 and is_place and is_place(word)):
        return True
    tag = _word_tags().get(word, "n")
    if word in _MEETING_VERBS or word in _SPEECH_VERBS or is_event_role(word):
        return False  # 在京会见|澳大利亚总理: jieba tags these verbs nouns; 与会者|劳动部…科长
    if _known_person(word, tag):
        return False  # 习近平|总书记: a person's name is no part of an office
    if tag == "ns" and is_place:
        return False  # tagged a place, yet no place the gazetteer knows (贵宾)
    return tag not in _STOP_TAGS


# Organs named by the subjects they cover join them with 及 or 暨
# (资讯及科技教育司, 社会及家庭署); there the conjunction is inside the name.
# After an organ, a post or a name (农业局及, 议员及, 黄伟哲及) it joins others.
_SUBJECT_TAGS = {"n", "vn", "nz", "an"}
# Nouns that follow a person (李大维伉俪及): 及 after them joins people.
_AFTER_PERSON = {"伉俪", "夫妇", "夫人", "先生", "女士", "同志", "一行", "等人"}


def _joins_subjects(word: str, before: str) -> bool:
    return word in ("及", "暨") and len(before) > 1 and _word_tags().get(before) in _SUBJECT_TAGS \
        and before[-1] not in _ORGAN_END and not _POST_RE.search(before) and before not in _AFTER_PERSON


def office_prefix(head: str, is_place=None) -> str:
    """The place/organ words that end `head` and open the office after it.

    Reading back stops at the first word no title holds; of what is left,
    a place name opens the office when there is one (聚餐|台南市长,
    贵宾|台南市政府农业局局长), as places open titles.
    """
    words = _words(head, is_place)
    kept: list[str] = []
    at = len(words) - 1
    while at >= 0:
        word = words[at]
        if not _title_word(word, is_place) and not (kept and at and _joins_subjects(word, words[at - 1])) \
                and not (_word_tags().get(word) == "ns" and _opens_foreign_organ(kept, is_place)) \
                and not _opens_state_name(word, kept) and not (kept and _well_known_state(word)) \
                and not _names_bare_organ(word, kept):
            if word[0] in _NUMERAL_CHARS and _numeral_opens_place(word, kept):
                kept.append(word)  # 十家子村, 三河镇: a numeral opens a village's name
                at -= 1
                continue
            # 固原市|卫生健康|委: words naming an organ, run from a place or organ
            named_from = organ_name_start(words, at, _word_tags(), functools.partial(_opens_organ, is_place=is_place)) \
                if may_name_organ(word, _word_tags()) and any(w[-1] in _ORGAN_END for w in kept) else None
            if named_from is None:
                break
            kept.extend(reversed(words[named_from + 1:at + 1]))
            at = named_from
            continue
        kept.append(word)
        at -= 1
    abbreviated = abbreviation_words_before(words, at, kept)
    kept.extend(reversed(words[at - abbreviated + 1:at + 1]) if abbreviated else ())  # 都发局: 都 is no adverb
    at -= abbreviated
    if kept and kept[-1] == "地" and at >= 0 and words[at] == "在":
        kept.pop()  # 在地|市议员: Taiwan's 在地 ("local") is one word, jieba's cut 在|地市 is not
    kept.reverse()
    joined = next((i for i, w in enumerate(kept) if w in ("及", "暨")), None)
    if joined is not None and (_POST_RE.search("".join(kept[:joined])) or (
            is_place and joined + 1 < len(kept) and is_place(kept[joined + 1]))):
        # 外交部长李大维伉俪及驻诺国大使, 合作厂商及台南市市长: others came first
        kept = kept[joined + 1:]
    if is_place:
        first_place = next((i for i, w in enumerate(kept) if len(w) > 1 and is_place(w)), 0)
        if first_place and kept[0].startswith(_STATE_PREFIXES) and any(w[-1] in _ORGAN_END for w in kept[1:first_place]):
            first_place = 0  # 国家烟草专卖局|吉林省局: a state organ holds the place's
        if first_place:
            # A long place name is cut into words (宁夏回族|自治区): the words
            # before the first place that join into a longer place open it.
            first_place = next((k for k in range(max(0, first_place - 2), first_place)
                                if is_place("".join(kept[k:first_place]))), first_place)
        while first_place and (_word_tags().get(kept[first_place - 1]) == "b" or kept[first_place - 1] == "驻"
                               or _well_known_state(kept[first_place - 1])):
            # 国立|台湾科学教育馆, 驻|台北…办事处, 日本|台湾交流协会: "state-run",
            # "posted in" and the foreign state whose body it is belong to it
            first_place -= 1
        kept = kept[first_place:]
    return "".join(kept)


def _well_known_state(word: str) -> bool:
    """A state jieba tags a place and uses often (日本, 美国), not a courtesy
    word it tags one (贵宾, 嘉宾)."""
    return _word_tags().get(word) == "ns" and word_frequencies().get(word, 0) >= _KNOWN_STATE


_NUMERAL_CHARS = set("一二三四五六七八九十百千两")
_STATE_PREFIXES = tuple(STATE_WORDS)
_SMALL_UNITS = set("村镇乡屯庄寨铺营")


def _numeral_opens_place(word: str, kept_after: list[str]) -> bool:
    """A numeral opening a village's or town's name is part of it
    (十家|子村, 三道|沟村): a name follows it, and the unit closes that name
    a character or two later. A unit right after it is a count (三个|村)."""
    if not word or word[0] not in _NUMERAL_CHARS or len(word) > 2 or not _word_tags().get(word, "m").startswith("m"):
        return False
    following = "".join(reversed(kept_after[-3:]))
    return bool(following) and following[0] not in _SMALL_UNITS and any(c in _SMALL_UNITS for c in following[1:3])


def _opens_organ(word: str, is_place=None) -> bool:
    """A place or an organ word an organ's name may run from (固原市, 省)."""
    if len(word) == 1:
        return word in _ORGAN_END
    return (bool(is_place) and is_place(word)) or (
        word[-1] in _ORGAN_END and not _POST_RE.search(word) and _word_tags().get(word, "n") not in _STOP_TAGS)


def _names_bare_organ(word: str, kept_after: list[str]) -> bool:
    """An organ character alone needs a name, and organs are named by what
    they do (动物防疫保护|处, 都市发展|局): a verb right before it is that name."""
    if not kept_after or len(word) < 2:
        return False
    tag = _word_tags().get(word)
    # A set phrase jieba tags l names an organ word after it (家庭教育|中心),
    # also where that organ's own units follow (生态环境|部|环境工程评估中心
    # 副主任: the ministry, then its centre).
    # The bureau's own posts may follow it (投资促进|局|党组成员、副局长).
    return (kept_after[-1] in _BUREAU_CHARS and tag in ("v", "vn")) \
        or (kept_after[-1] in _ORGAN_WORDS and tag == "l")


def _opens_state_name(word: str, kept_after: list[str]) -> bool:
    """A transliteration jieba tags a name or a place (马绍尔, 所罗门) opens
    the name of the state a word or two after it (马绍尔|群岛|共和国)."""
    return bool(kept_after) and any(_foreign_state(w) for w in kept_after[-2:]) \
        and _word_tags().get(word, "")[:2] in ("nr", "ns")


def _opens_foreign_organ(kept_after: list[str], is_place) -> bool:
    """A place jieba knows and the gazetteer does not (a foreign state, a
    village, a region: 新加坡, 北河, 中南美) opens the office when an organ
    or the post follows it (新加坡|通讯及新闻部, 北河|村党支部书记,
    塞拉利昂|共和国, 美国|国务卿), not when one of our places does
    (贵宾|台南市政府: jieba's courtesy word tagged a place)."""
    return not kept_after or not (is_place and is_place(kept_after[-1]))


def title_before(folded: str, post_start: int, post_end: int, is_place=None) -> str:
    """The whole office phrase ending at post_end, read back to the clause start.

    A list of offices (市人大常委会副主任、广安区委书记) stays one title.
    """
    begin = clause_start(folded, post_start, post_end)
    # In 林美燕议员、李启维议员 each office is its own: a segment before 、
    # joins the title only when it is itself an office held by no named
    # person (市人大常委会副主任、广安区委书记).
    cut = folded.rfind("、", begin, post_start)
    while cut > begin:
        segment = folded[clause_start(folded, cut, cut):cut]
        office = _post_ending(segment)
        if not office or name_before(segment, len(segment) - len(office)):
            shared = _organ_sharing_post(folded, segment, cut, post_start, is_place)
            begin = cut - len(shared) if shared else cut + 1
            break
        cut = folded.rfind("、", begin, cut)
    # Only the first joined office opens with words to weigh: the others
    # were checked to be offices above.
    begin = _after_another_holder(folded, begin, post_start)
    pieces = folded[begin:post_start].split("、")
    head = pieces[0]
    pieces[0] = office_prefix(head, is_place) or _organ_fused_with_post(head, folded[post_start], is_place)
    quoted = head[:len(head) - len(pieces[0])]
    if len(pieces) == 1 and folded[begin - 1:begin] == "「" and quoted.endswith("」") \
            and quoted[:-1].endswith(_ORGAN_WORDS) and "「" not in quoted:
        pieces[0] = "「" + quoted + pieces[0]  # 「美国在台协会」政治组组长: a quoted organ opens it
    elif len(pieces) == 1 and len(pieces[0]) == 1 and pieces[0] not in _ORGAN_END and is_cjk_run(head[-2:]) \
            and folded[post_start:post_start + 1] in _BUREAU_CHARS:
        # 市府都发局长: a bureau is named by two characters at least, so the
        # one before 发局 belongs to it even when it reads as a word (都).
        pieces[0] = head[-2:]
    elif len(pieces) == 1 and len(pieces[0]) == 2 and pieces[0][1] in _BUREAU_CHARS \
            and pieces[0][0] not in _ORGAN_END and is_cjk_run(head[-3:]) and len(head) >= 3:
        pieces[0] = head[-3:]  # 市府都发局局长: the same, the bureau written before a whole post
    return "、".join(pieces).lstrip("、") + folded[post_start:post_end]


_BUREAU_CHARS = set("局处署司科")


def _organ_sharing_post(folded: str, segment: str, cut: int, post_start: int, is_place=None) -> str:
    """An organ listed before another that one post follows (中共中央台办、
    国务院台办主任: two offices under one name, one head): the organ before
    the list mark, or "" when the words before it are no organ or the post
    opens no organ of its own (农业、农村局长 is one bureau's)."""
    if folded[post_start - 1:post_start] not in _ORGAN_END or post_start - cut < 4:
        return ""
    organ = office_prefix(segment, is_place)
    # Organs of one kind (办 and 办, 委 and 委), each named in full: not 陈某某
    # 服务处、市议长, nor 办公室副主任季某某、国防部: a person ends the words before.
    return organ if len(organ) >= 4 and organ[-1] == folded[post_start - 1] and "、" not in organ \
        and not _POST_RE.search(organ) else ""


def _organ_fused_with_post(head: str, post_first: str, is_place=None) -> str:
    """An organ whose last character opens the post (立法院长, 考选部长:
    立法院 and 考选部 share 院 and 部 with 院长 and 部长) is named by the word
    before the post even when jieba tags it a verb; the dictionary knows the
    organ as a word (立法院, 考选部), not 感谢部 or 表示院."""
    if post_first not in _ORGAN_END:
        return ""
    words = _words(head, is_place)
    last = words[-1] if words else ""
    if len(last) < 2 or last + post_first not in word_frequencies():
        return ""
    return office_prefix(head[:-len(last)], is_place) + last


def _after_another_holder(folded: str, begin: int, post_start: int) -> int:
    """Where an office starts when another person's office and name open
    its clause, joined by a conjunction (在省委书记梁言顺和|省长王清宪陪同下)
    or followed by their date or verb (国务院副总理丁某某19日在北京会见|俄罗斯
    第一副总理: the words after the name are cut by office_prefix)."""
    start = begin
    if not _HOLDER_JOIN.search(folded, begin, post_start) and not _DATE_OR_SPEECH.search(folded, begin, post_start):
        return start  # the common case: no conjunction, date or verb, no second holder
    for post in _POST_RE.finditer(folded, begin, post_start):
        holder = name_after(folded, post.end())
        end = post.end() + len(holder) if holder else post_start
        if end < post_start and folded[end] in _HOLDERS_JOINED:
            start = end + 1
        elif end < post_start and (_SPEAKER_AFTER.match(folded, end) or _DATE_OR_SPEECH.match(folded, end)):
            start = end
    return start


# What may follow a second holder's name inside the clause of an office.
_DATE_OR_SPEECH = re.compile(r"\d{1,2}日|[今昨]天|会见|会晤|主持|率|带队|陪同")


_HOLDERS_JOINED = set("和与及同")
_HOLDER_JOIN = re.compile("[和与及同]")


# Words that end an organ's name: a bureau, an office, a council.
_ORGAN_WORDS = ("局", "处", "署", "司", "科", "课", "室", "所", "会", "院", "部", "厅", "办", "中心", "公所", "政府",
                "委员会")


def _organ_before(folded: str, begin: int, is_place=None) -> str:
    """The organ phrase right before a name (中西区公所 in 中西区公所蔡佳甫区长).

    Contact lines set the organ apart with spaces (新闻连络人:台南市动物防疫
    保护处  洪振凯副处长); across spaces it must end in an organ word.
    An organ 的 names its member (台北地检署的陈佳秀主任检察官).
    """
    if folded[begin - 1:begin] == "的" and folded.endswith(_ORGAN_WORDS, 0, begin - 1):
        return _organ_before(folded, begin - 1, is_place)  # (not 率队的: a verb's object)
    spaced = begin
    while spaced > 0 and folded[spaced - 1] in " \t\u3000":
        spaced -= 1
    if spaced < begin:
        # The organ fills its field: from the label's colon to the spaces.
        start = spaced
        while start > 0 and not _CLAUSE_START.match(folded[start - 1]) and spaced - start < 16:
            start -= 1
        organ = folded[start:spaced]
        # A section is a 组 too in a contact line (竞技运动组  组长 高某某).
        return organ if is_cjk_run(organ) and organ.endswith(_ORGAN_WORDS + ("组",)) else ""
    start = begin
    while start > 0 and not _CLAUSE_START.match(folded[start - 1]) and folded[start - 1] != "、" \
            and begin - start < 12:
        start -= 1
    organ = office_prefix(folded[start:begin], is_place)
    # A foreign state opens its leader's office as an organ does (马绍尔群岛共和国海妮总统).
    # A verb of meeting ending in an organ's character (拜会, 会见) is none: 访团拜会某某议长.
    return organ if organ and (organ[-1] in _ORGAN_END or organ.endswith(_STATE_WORDS)
                               or centre_before_name(folded, begin, organ)) \
        and not organ.endswith(_MEETING_VERB_ENDINGS) else ""


# A leader introduced with the full run of their central posts
# (中共中央政治局常委、国务院总理李强作出批示) acts in the story, wherever
# it stands; a post alone (学习贯彻习近平总书记…精神) cites them in passing.
_FORMAL_INTRODUCTION = re.compile(r"(?:中共中央|中央政治局|国务院|中央军委|全国人大|全国政协)[^、]*、")


def _holder_before(folded: str, post_start: int, is_place=None) -> bool:
    """A full name, no organ's or place's, stands right before the post."""
    if post_start < 3 or folded[post_start - 3:post_start - 2] not in SURNAMES_1:
        return False  # cheap test first: most posts have no surname three back
    name = name_before(folded, post_start)
    # Not a list's join (戴谦及|副市长赵卿惠, 王储兼|首相), nor a state jieba lists (吉布提总统盖莱).
    return bool(name) and len(name) >= 3 and name[-1] not in _ORGAN_END and name[-1] not in "和与及暨兼" \
        and name not in _word_tags() \
        and not (is_place and (is_place(name) or is_place(name[:2]) or is_place(name[1:])))


def _leader_takes_part(folded: str, name: str, start: int, after: int) -> bool:
    """A national leader past the lead named in full, not a surname with the
    post (蔡总统), an adverb before a verb (曾来到) or a preposition before the
    post (高声向总书记问好)."""
    if not leaders.takes_part(folded, name, start, after) or _POST_RE.search(name) or name[0] in _ADVERB_SURNAMES \
            or name[-1] in _FUNCTION_CHARS or _opens_with_word(name) or _is_word(name):
        return False
    # A state jieba tags a name (乌克兰, 伊拉克: frequent, or transliterations
    # tagged nrt) is no leader; only a rare name it lists is (习近平, 陈建仁).
    tag = _word_tags().get(name)
    return tag is None or _known_person(name, tag)


def _leader_standing(folded: str, title: str, post_start: int, post_end: int, name: str | None = None,
                     name_at: int | None = None, name_from: int | None = None) -> str:
    """How the holder of a national office named here stands (`archive.leaders`):
    "" when the office is no national one or the lead names its leader, who
    counts; "cited" inside another's words (他强调，要学习贯彻习近平总书记
    关于…), who never counts; "acts" further down (习近平总书记强调, 国务院副
    总理丁薛祥作交流发言), who counts; "passing" further down without acting,
    who counts only if named in full taking part (`_leader_takes_part`).
    `name_at` is where a name written before the post starts; else the name,
    if any, is read from `name_from` after the post (only for a national
    office: reading a name is costly)."""
    if not _is_national(title, LEAD_CHARS):
        return ""
    start = post_end - len(title) if name_at is None else name_at
    speech = leaders.in_speech(folded, start)
    in_lead = _at_or_act(folded, post_start, post_end) < LEAD_CHARS
    if in_lead and not speech:
        return ""  # the lead names its leader, and no one cites him
    if name_at is None:
        name = name_after(folded, name_from) if name_from is not None else None
        end = post_end + len(name or "")
    else:
        end = post_end
    if speech and leaders.cited(folded, start, end):
        return "cited"
    if in_lead:
        return ""
    # Further down, a leader who acts: named after the post, or before it by
    # a full name jieba lists (习近平); a word before a post is too often read
    # as a name (晋见总统).
    if name_at is None:
        acting = bool(name) and leaders.acts(folded, end, post_first=True)
    else:
        acting = bool(name) and _known_leader_name(name) and leaders.acts(folded, end)
    return "acts" if acting else "passing"


def _is_national(title: str, at: int = LEAD_CHARS) -> bool:
    """A national office named after the document's lead (quoted in passing),
    unless the title is a formal introduction.

    The post decides, not an organ inside the title: 总统府秘书长 is a
    secretary-general, not a president.
    """
    if at < LEAD_CHARS or _FORMAL_INTRODUCTION.search(title):
        return False
    post = next((post for post in _NATIONAL_POSTS if title.endswith(post)), None)
    if post and _LOCAL_OR_FOREIGN_ORGAN.search(title[:-len(post)]):
        return False  # 侨务委员会委员长, 新加坡总理: a commission's or another state's head
    return post is not None or "中共中央" in title or "政治局" in title


# What before a national post makes it a commission's (侨务委员会委员长) or a
# foreign state's (新加坡总理, 圣文森总理): any word but the nation's own organs.
_LOCAL_OR_FOREIGN_ORGAN = re.compile(r"^(?!(?:中共|中央|中国|中华民国|中华人民共和国|国家|国务院|全国|人大|常委会|政协|军委|我国|副|常务|、)*$).+")


def is_public_office(title: str, is_place=None) -> bool:
    """The office is held now and belongs to government, not a civil body.

    前 opening a title is "former" unless it opens a place (前锋区委书记).
    """
    if not title or _CIVIL_ORGAN.search(title) or civil_bodies.holds_no_public_office(title, is_place) \
            or staff_titles.members_staff(title):
        return False
    former = _NOT_HELD.search(title)
    if former and former.group(0) == "前" and is_place \
            and any(is_place(title[:k]) for k in (2, 3, 4)):
        return True
    return not former


# A body named in corner quotes with its romanised name or acronym after it
# (「世界自然基金会」(wwf)保育部主任, 「世界自然保育联盟」(iucn) 熊类专家群组主席)
# is an international organisation, not a government, unless it is a foreign
# state's mission (「美国在台协会」(ait)处长).
_GLOSSED_BODY = re.compile(r"「([^「」]{2,30})」\s?[(（][a-z][a-z .,&'\-]{1,80}[)）]\s?$")
_FOREIGN_MISSION = re.compile(r"在台|交流协会|办事处|代表处|大使馆|领事馆")


def _glossed_body_before(folded: str, post_start: int, post_end: int) -> bool:
    begin = clause_start(folded, post_start, post_end)
    body = _GLOSSED_BODY.search(folded, max(0, begin - 120), begin)
    return bool(body) and not _FOREIGN_MISSION.search(body.group(1))


def _civil_body_before(folded: str, post_start: int, post_end: int) -> bool:
    """A civil body closes the words before the post, and no post of its own
    (基金会董事长|纪政国策顾问) stands between them: the body opens the post's
    title, or its officer is named right before the post (天后宫在卢友礼
    主任委员), not a clause away (华山基金会过端午|市议员李启维)."""
    window = folded[max(clause_start(folded, post_start, post_end), post_start - 10):post_start]
    if _SCHOOL_BRANCH.search(window):
        return True  # 某镇中心学校的党总支书记: school staff (not 学校体育科科长, a bureau's section)
    civil = None
    for civil in _CIVIL_ORGAN.finditer(window):
        pass
    if civil is None:
        return False
    between = window[civil.end():]
    # 观护协会理事长江金忠、秘书长刘文钦: a bare post a body of its own has,
    # after a list mark, goes on naming the same body's officers (unlike
    # 公会理事长徐岩奇、立委林俊宪).
    if between.startswith("、") and folded[post_start:post_end] not in _CIVIL_OFFICERS:
        return False  # 陈某议员服务处、沈某议员: the list mark closes the body; the next item is its own
    if _LIST_GOES_ON.search(between):
        return folded[post_start:post_end] in _CIVIL_OFFICERS
    if "长" in between:
        return False
    if _BODYS_OWN_BRANCH.match(between):
        return True  # 某镇中心学校的党总支书记: the school's own Party branch, school staff
    return not any(_word_tags().get(word, "n").startswith(_CLAUSE_TAGS) or word in _FUNCTION_CHARS
                   for word in _words(between)) or name_before(folded, post_start) is not None


# Words that make a clause of their own between a body and a post: verbs,
# prepositions, conjunctions, adverbs, particles, pronouns (not time words:
# jieba tags 正德 of 正德医院 one).
_CLAUSE_TAGS = ("v", "p", "c", "d", "u", "r")


_LIST_GOES_ON = re.compile(r"^[^、，,。；;]*、$")
# Only 的 and a body's own Party or League branch between it and the post
# (中心学校的党总支书记, 某公司的党支部书记): the post is still the body's.
_BODYS_OWN_BRANCH = re.compile(r"^的(?:党|党委|党总支|党支部|团委)?$")
# A school (中心学校, 职业学校) closed by 的 before its post: 学校 alone also
# names bureau sections (学校体育科), so only this shape counts.
_SCHOOL_BRANCH = re.compile(r"学校的(?:党|党委|党总支|党支部|团委)?$")
_CIVIL_OFFICERS = frozenset("秘书长 副秘书长 干事长 总干事 执行长 主委 副主委 主任委员 副主任委员 理事 监事".split())


# A second office right after the name of one who holds the first:
# 召集人蔡宗豪议员 (an office on each side), 次长林腾蛟兼体育署代理署长 (兼);
# 兼任 is written as 兼, as the office reads.
_SECOND_OFFICE = re.compile(r"(兼任?)?([^\s\d,，。、；;：:！!？?（()）“”\"「」兼]{0,12}?)(%s)"
                            % "|".join(map(re.escape, POSTS)))



def _closes_item(folded: str, at: int) -> bool:
    """A list item ends at `at`: punctuation, a list mark, a verb, a post, or
    the dash of a council caption (议员甲、ingay tali 颖艾达利-某议题)."""
    return bool(_AFTER_NAME.match(folded, at) or _POST_RE.match(folded, at)) or folded[at:at + 1] in ("-", "—")


# A contact line's field holding one name before a spaced post.
_CONTACT_FIELD = re.compile(r"(?:^|[:：\n ])[\u4e00-\u9fff]{2,4} $")


def _office_after_name(folded: str, end: int) -> str:
    """The office joined to the one before a name, from right after it
    (、议员 or 兼体育署代理署长), or "" when none follows."""
    second = _SECOND_OFFICE.match(folded, end)
    if not second:
        return ""
    joined, organ, post = second.groups()
    if post == "代表" and not organ:
        return ""  # 杨智雄代表市长: "on behalf of"
    if not _AFTER_NAME.match(folded, second.end()) and folded[second.end():second.end() + 1] != "兼":
        return ""  # 蔡旺诠议员服务处: the post opens an organ's name
    if not joined and (organ or folded[end - 1:end + len(post)] in _NOUN_BEFORE_POST):
        return ""  # only a bare post sits right after a name: 蔡宗豪议员
    if joined and organ and not all(_title_word(word, None) for word in _words(organ)):
        return ""  # 兼顾: a verb, not a second office
    return ("兼" if joined else "、") + organ + post


def _held_by_one(post: str) -> bool:
    """A post one person holds (书记长, 市长, 主席): names listed after it are
    others (书记长甲、乙、丙 names one 书记长), unlike 区领导甲、乙 or 议员甲、乙."""
    return not post.startswith("副") and post not in _GENERIC_POSTS \
        and post.endswith(("长", "书记", "主席", "总统", "总理", "主委", "发言人", "秘书"))


_PARTY_BEFORE_NAME = re.compile(r"(?:无党籍?|(?:民进|国民|亲民|民众|时代力量|台联|共产|民主|进步)党籍?)$")


def _names_listed_before(folded: str, begin: int) -> list[tuple[str, int]]:
    """Further names of a list ending where a found name begins, nearest first."""
    found = []
    while begin > 0:
        party = _PARTY_BEFORE_NAME.search(folded, max(0, begin - 6), begin)
        if party:  # 林美燕和无党吴禹寰议员: a party label sits between join and name
            begin = party.start()
        # Only the character right before the name: a search for a join
        # anchored at `begin` would scan the text from its start every time.
        if folded[begin - 1] not in _LIST_JOINS:
            break
        end = begin - 1 - folded.endswith("以及", 0, begin)  # 甲以及乙议员: 以及 is one join
        paired = name_lists.item_before(folded, end)
        if paired:  # 甲、ingay tali颖艾达利、乙议员: one person in two scripts (archive.name_lists)
            found.append(paired[:2])
            begin = paired[2]
            continue
        latin = _LATIN_NAME.search(folded, max(0, end - 32), end) \
            or _LATIN_LIST_ITEM.search(folded, max(0, end - 32), end)
        name = latin.group(0) if latin else (name_before(folded, end) or _list_item_before(folded, end))
        if not name or _POST_RE.search(name):
            break  # 蔡总统与某某总统: a surname and a post, no name in the list
        begin = end - len(name)
        name, begin = name_lists.married_name_before(folded, begin, name)  # 、蔡苏秋金、
        if _holds_own_post(folded, begin):
            break  # 执行长童小芸、林俊宪立委: the earlier name has an office of its own
        found.append((name, begin))
    return found


_COUPLE = ("伉俪", "夫妇")
# A list of people, their count and a word or two describing them, then the
# post they share (曾之婕、蔡宗豪2位年轻议员, 甲、乙、丙三位议员): the count
# confirms where the list begins.
_COUNT_BEFORE_POST = re.compile(r"(\d|[两二三四五六七八九十])[位名]([\u4e00-\u9fff]{0,2})$")
_COUNT_WORDS = {c: n for n, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


def _counted_list_before(folded: str, end: int, is_place=None) -> list[tuple[str, int]]:
    window = folded[max(0, end - 4):end]
    if "位" not in window and "名" not in window:
        return []  # most posts: no count before them, no search
    count = _COUNT_BEFORE_POST.search(folded, max(0, end - 6), end)
    if not count:
        return []
    describing = count.group(2)
    if describing and (describing[-1] in _ORGAN_END or (is_place and is_place(describing))):
        return []  # 两位市|议员 is a post of its own; 三名台南|议员 names a place
    at = count.start()
    first = name_before(folded, at) or _list_item_before(folded, at)
    if not first:
        return []
    listed = [(first, at - len(first))] + _names_listed_before(folded, at - len(first))
    wanted = int(count.group(1)) if count.group(1).isdigit() else _COUNT_WORDS[count.group(1)]
    return listed if len(listed) == wanted >= 2 else []


# Characters no given name holds. Organ characters (镇, 村, 里) are left out:
# between two list marks they are part of a name (李镇国, 王村生).
_NOT_IN_LISTED_NAME = set("的了是在等们这那其该各此对于从把被将也都就还而并或得靠")


def _list_item_before(folded: str, end: int) -> str | None:
    """The whole item of a list of people ending at `end`, when list marks
    close it on both sides (、李镇国、): its extent is the name's, so
    characters that end names elsewhere (镇 in 兴福镇长) do not cut it."""
    for length in (3, 2, 4):
        begin = end - length
        if begin < 1 or folded[begin - 1] not in "、及和与，,：: \n":
            continue
        item = folded[begin:end]
        if _POST_RE.search(item):
            continue  # 普京总统和习近平主席: an item holding a post of its own
        if is_cjk_run(item) and (item[0] in SURNAMES_1 or item[:2] in SURNAMES_2) \
                and item[-1] not in _ORGAN_END and not _is_word(item) \
                and not any(c in _NOT_IN_LISTED_NAME for c in item[1:]):
            return item
    return None


def _holds_own_post(folded: str, begin: int) -> bool:
    """A post (or a title ending like one: 执行长, 专员) stands right before `begin`."""
    return folded[begin - 1:begin] in ("长", "员") or _post_ending(folded, begin) is not None


def extract_officials(folded: str, original: str, reporters: list[str] | None = None,
                      is_place: "callable | None" = None) -> list[Official]:
    """Officials named next to their office, names as written in `original`.

    `is_place` tells whether a text is a place name, so that 玉井区长者 or
    蒙阴县长明村 do not read as a person called 玉井 holding 区长.
    """
    skip = set(reporters or [])
    officials: dict[str, Official] = {}
    # People the document gives a past or a civil post: the same post bare
    # elsewhere (林志聪主任委员也强调, 潘敏捷书记官) is that one, not a public office.
    not_holding: set[str] = set()
    # (name, post) of posts that are no public office (市党部主委林进旺): the same
    # post bare elsewhere (林进旺主委) is that one; another post is not (谢龙介委员).
    private_posts: set[tuple[str, str]] = set()

    def add(name: str, at: int, title: str, title_at: int | None = None) -> None:
        title = tenure.without_tenure(title)  # 新任书记长 is 书记长 (archive.tenure)
        if _POST_RE.search(name):
            return  # 将和副总统当选人…: a "name" holding a whole post is a post, not a person
        if name in skip or not is_public_office(title, is_place):
            if civil_bodies.holds_no_public_office(title, is_place):  # not 童军总会…暨教育部长: 部长 is public
                private_posts.add((name, _post_ending(title) or ""))
            return
        if title_at is not None and _past_before(folded, title_at):
            not_holding.add(name)
            return  # 海巡署前署长王进旺, 退休书记官潘敏捷: the post is past
        known = officials.get(name)
        # A person keeps the office written where they are first named with
        # one, unless a later mention adds offices (archive.first_mention).
        if known is None or first_mention.later_replaces(known.title, title, _POST_SET):
            officials[name] = Official(name=original[at:at + len(name)], title=title)

    def add_joined(given: str, surname_at: int, given_at: int, title: str) -> None:
        name = folded[surname_at] + given
        if name in skip or name in officials or not is_public_office(title, is_place):
            return
        written = original[surname_at] + original[given_at:given_at + len(given)]
        officials[name] = Official(name=written, title=title)

    japan = "日本" in folded or "交流协会" in folded  # Japanese guests (archive.japanese_names)
    quoted_bodies = "」" in folded
    club_districts = civil_bodies.names_club_district(folded)  # 狮子会300-e1区…主席 (archive.civil_bodies)
    for match in _POST_RE.finditer(folded):
        post = match.group(0)
        if post in delegations.POSTS and not delegations.heads_delegation(folded, match.start()):
            continue  # 艺术团团长: a troupe's head, no public post
        if post in _DIVISION_POSTS and folded[match.start() - 1:match.start()] != "师":
            continue  # 第六师副师长, 某师师长; but 老师|长期, 尊敬师长 ("teachers")
        if folded[match.start() - 1:match.start() + 1] in _NOUN_BEFORE_POST \
                or _word_tags().get(folded[match.start() - 1:match.start() + 1]) in _STRADDLING_TAGS \
                and not ward_lists.chief_of_ward(folded, match.start(), post, name_after, _AFTER_NAME.match) \
                or straddled_posts.misread(folded, match.start(), match.end(), is_place):
            continue  # 老师|长期; but 玉山里长某某 (archive.ward_lists); 万里|长江, 大东区|长安街道 (archive.straddled_posts)
        if _civil_body_before(folded, match.start(), match.end()) \
                and not _leader_cited_by_body(folded, post, match.start()) \
                or (quoted_bodies and _glossed_body_before(folded, match.start(), match.end())) \
                or (club_districts and civil_bodies.in_club_district(
                    folded[clause_start(folded, match.start(), match.end()):match.start()])):
            spaced = folded[match.end():match.end() + 1] == " "
            holder = name_after(folded, match.end() + spaced)
            if holder and post in _BOARD_POSTS:
                # 协会理事长曾某 and 曾某议员: a board's chair no government
                # post shares, so the bare post elsewhere is another one
                private_posts.add((holder, post))
            elif holder:
                not_holding.add(holder)
            continue  # 天后宫在卢友礼主任委员: a civil body's post, even a word away
        # 卫生所护理师黄雅如 or 卫生所黄雅如护理师, not 苏大法官
        bare = post in _POSTS_NEEDING_ORGAN and not folded.endswith(_ORGAN_WORDS, 0, match.start()) \
            and not folded.endswith(tuple(_ORGAN_END), 0, match.start())
        generic = post in _GENERIC_POSTS and (match.start() == 0 or (
            folded[match.start() - 1] not in _ORGAN_END and not folded.endswith(_ORGAN_WORDS, 0, match.start()))
            or folded[match.start() - 2:match.start()] == "团队") \
            and not folded.endswith("政协", 0, match.start())  # 全国政协委员傅小云是…: a conference's member
        # Office first: 区长杨国昕, 区领导吴毓舟、洪武强.
        title = title_before(folded, match.start(), match.end(), is_place)
        if title == post and folded[match.start() - 1:match.start()] == " ":
            # 地政局地籍科 科长 林佳桦: a contact line sets the organ apart by a space
            title = _organ_before(folded, match.start(), is_place) + post
        title = organ_acronyms.with_acronym(folded, match.end() - len(title), title,
                                            lambda head: office_prefix(head[-20:], is_place))  # apec领袖代表
        title = ward_offices.ward_before_post(folded, match.start(), title)  # 、东和里长 (archive.ward_offices)
        position = match.end()
        # Contact lines put one space between office and name (科员 林倩羽06-…).
        if folded[position:position + 1] == " " and folded[position + 1:position + 2] != " ":
            spaced = name_after(folded, position + 1)
            if spaced:
                position += 1
        elif folded[position:position + 1] in (":", "：") \
                and (match.end() == len(title) or folded[match.end() - len(title) - 1] == "\n"):
            # 代理科长:李美蓉 电话:…: a contact line's field is the office, its
            # value the name (not 苏科长: a surname and a post)
            valued = name_after(folded, position + 1)
            if valued and not _POST_RE.search(valued):
                position += 1
        elif folded[position:position + 1] in "，," and folded.endswith("作为", 0, match.end() - len(title)):
            # 作为全国人大代表，农加贵分享了…: the office, a comma, its holder
            if name_after(folded, position + 1):
                position += 1
        elif folded[position:position + 2] == "——" and folded[position + 2:position + 3] != "—":
            # 峨嵋村党总支部书记——李春燕: a dash sets the name apart
            if name_after(folded, position + 2):
                position += 2
        elif folded[position:position + 1] == "的":
            # 六连任台南市议员的邱莉莉表示: the office describes the speaker
            described = name_after(folded, position + 1)
            if described and plausible_name(described) and described not in _word_tags() \
                    and _SPEAKER_VERB_AFTER.match(folded, position + 1 + len(described)):
                position += 1
        if folded[position:position + 1] == "暨":
            joint = joint_posts.holder_after(folded, position, name_after)
            if joint:  # 国策顾问暨保安宫董事长某某: the office before 暨 is theirs (archive.joint_posts)
                add(joint[0], joint[1], title, match.end() - len(title))
                continue
        # 代表市长致词, 致富能手代表: as an office 代表 names its mission (驻台代表, 人大代表)
        names_follow = not bare and (post != "代表" or bool(_MISSION.search(title[:-len(post)])))
        given = names_follow and _given_name_after_surname(folded, match.start(), match.end())
        if given:
            # 徐区长全立: surname, office, given name — the person is 徐全立.
            add_joined(given, match.start() - 1, match.end(), title[:-len(post)][:-1] + post)
            continue
        listed: list[tuple[str, int]] = []
        # A national leader cited in another's words takes no name; further
        # down, one who acts takes the names listed, and one in passing only a
        # name in full taking part (行政院长赖清德, not 总书记关于…的重要指示).
        standing = _leader_standing(folded, title, match.start(), match.end(), name_from=position)
        national = standing == "passing"
        # 黄伟哲市长应正视, 郭贞慧局长任台日: a person right before the post
        # holds it; what follows is their clause, not another holder.
        names_follow = names_follow and standing != "cited" and not _holder_before(folded, match.start(), is_place)
        while names_follow:
            # 议员甲、ingay tali颖艾达利、乙: one person in two scripts (archive.name_lists)
            paired = name_lists.item_after(folded, position, _closes_item, alone=position > match.end())
            position = paired[1] if paired else position
            name = paired[0] if paired else name_after(folded, position)
            name = name and name_lists.married_name_at(folded, position, name)  # 甲、蔡苏秋金及乙
            if name and japan:  # 首相安倍晋三, not 安倍晋 (archive.japanese_names)
                name = whole_japanese_name(folded, position,
                                           folded[clause_start(folded, match.start(), match.end()):match.end()], name,
                                           _AFTER_NAME)
            if not name and japan:
                name = japanese_name_after(folded, position,
                                           folded[clause_start(folded, match.start(), match.end()):match.end()])
                if name and (_POST_RE.search(name) or is_common_word(name) or _AFTER_NAME.match(folded, position)
                             or _word_tags().get(name, "n").startswith(_VERB_PHRASE_TAGS)):
                    name = None  # 日本驻台代表|表示: a verb, not a name (河野, a word, is one)
            name = foreign_names.name_after_post(folded, position, post, name, title, is_place)  # 教宗方济各
            name = name or foreign_heads.head_after_post(folded, position, post, title, is_place)  # 伊朗总统佩泽希齐扬
            name = name and foreign_names.without_honorific(folded, name, position)  # 蓝纳|勋爵(lord rana)
            if not name or (national and not (_leader_takes_part(folded, name, match.end() - len(title), position + len(name))
                                               and _AFTER_NAME.match(folded, position + len(name)))):
                break  # 行政院长赖清德 takes part; 总书记关于…的重要指示 is a citation
            # An office that says little on its own (召集人, 委员) takes a
            # name only when the name clearly ends (召集人余柷青、林冠维).
            if _listed_person(name) and name_before(folded, match.start()):
                break  # 黄伟哲市长施政: the post is the name's before it; 施政 is a word
            second = _office_after_name(folded, position + len(name))
            if second and position == match.end() + 1:
                break  # 吴才堃股长 蔡玲珊科长: across a space, the office after the name is theirs
            if second and title.endswith(second[1:]):
                second = ""  # 教育局长郑新辉局长: the same post twice
            # …委员会党组书记、主任郑栅洁11月9日: a post joined to an office shares its organ
            if generic and "、" not in title and position == match.end() and not second and (post in ("领导", "负责人") or not (
                    re.match(r"[、，,。；;\s]", folded[position + len(name):position + len(name) + 1])
                    or _SPEAKER_VERB_AFTER.match(folded, position + len(name))
                    or name_lists.joined_before_post(folded, position + len(name), name_after, _post_closing_list))):
                break  # 及委员蔡育辉出席 ends at a verb of its own; 领导包案制 is no name
            if title[:-len(post)].endswith(name):
                # 洪玉凤市议员洪玉凤继送…: a headline's name and office, then the name again
                title = title[:-len(post) - len(name)] + post
            add(name, position, title + second, match.end() - len(title))
            if second and not second.startswith("兼"):
                # 委员卢昆福、李中岑及陈昆和议员出席: the office after the
                # list's last name is every listed member's second office.
                for earlier, at in listed:
                    add(earlier, at, title + second, match.end() - len(title))
                listed = []
            else:
                listed.append((name, position))
            position = paired[2] if paired else foreign_names.skip_gloss(folded, position + len(name))  # 甲(…)、乙(…)
            if folded.startswith(_COUPLE, position):
                position += 2  # 资政黄昆虎伉俪、沈荣津: the list goes on after the couple
            if folded[position:position + 1] == "、" and not _held_by_one(post):
                position += 1
                continue
            # 议员许又仁及蔡旺诠: a second name after 及/和 only when it
            # clearly ends, lest 区长杨国昕和同事 make 同事 a person.
            if folded[position:position + 1] in ("及", "和", "与"):
                if name_lists.joins_a_closed_list(folded, position + 1, _POST_RE.match):
                    break  # 副议长甲与乙、丙等议员: the others are the closing post's
                if name_lists.item_after(folded, position + 1, _closes_item):
                    position += 1  # 议员甲及颖艾达利ingay tali
                    continue
                following = name_after(folded, position + 1)
                if following and (_AFTER_NAME.match(folded, position + 1 + len(following))
                                  or _post_closing_list(folded, position + 1 + len(following))):
                    position += 1
                    continue
            break
        # Name, copula, office: 王兆建是兴福镇党委书记.
        begin = clause_start(folded, match.start(), match.end())
        copula = not bare and (_NAME_IS_OFFICE.match(folded, begin, match.end()) or (
            dotted_names.dot_between(folded, begin, match.start())
            and _DOTTED_NAME_IS_OFFICE.match(folded, begin, match.end())))
        if copula and took_office.left_before(folded, copula.start(2)):
            copula = None  # 某某曾担任…, 不再担任…: a post left (not a name 某某曾)
        if copula and took_office.held_then(copula.group(3)):
            not_holding.add(copula.group(1))
            copula = None  # 某某是当时某村的党支部书记: held then, not now (archive.took_office)
        if copula and (dotted_names.is_whole(copula.group(1)) or plausible_name(copula.group(1))
                       and not _is_word(copula.group(1)) and not _opens_with_word(copula.group(1))) \
                and not _is_national(copula.group(3), begin) \
                and (folded[match.end():match.end() + 1] in ("，", ",", "。", "；", "、", "\n", "")
                     or (copula.group(2).startswith("同志") and folded[match.end():match.end() + 1] == "的")):
            add(copula.group(1), begin, copula.group(3))
            continue
        profiled = not bare and not copula and profile_subjects.subject(folded, begin, match.end(), _taker_name)
        if profiled and not _is_national(title, begin):
            add(profiled[0], profiled[1], title)  # 徐某某，生前是某县委常委、宣传部部长 (archive.profile_subjects)
            continue
        # A personnel notice: 任命李强为国务院总理, 决定任命张建华同志为县委常委.
        appointed = _APPOINTED.search(folded, begin, match.end())
        if appointed and plausible_name(appointed.group(1)) \
                and (not _is_word(appointed.group(1)) or _listed_person(appointed.group(1))) \
                and folded[match.end():match.end() + 1] in ("，", ",", "。", "；", "、", "\n", ""):
            add(appointed.group(1), appointed.start(1), title_before(folded, match.start(), match.end(), is_place))
            continue
        # A verb of taking office: 党员某某回到某村，担任了党支部书记 (archive.took_office).
        if not listed and folded[match.end():match.end() + 1] in ("，", ",", "。", "；", "\n", ""):
            taker = took_office.holder(folded, title, match.end() - len(title), name_after, name_before, _taker_name)
            if taker and taker[0] not in not_holding:
                add(taker[0], taker[1], title)
                continue
        # Office after: 蔡佳甫区长, 卢崑福、李启维议员, 陈亭妃、李中岑…等议员.
        end = match.start()
        rank = re.search(r"(?:常务副|代理|副|代|首席)$", folded[max(0, end - 3):end])
        if rank:  # 李俊俋副秘书长, 昆斯(…)首席议员: the rank belongs to the post
            end -= len(rank.group(0))
            post = rank.group(0) + post
        if post not in _GENERIC_POSTS:  # 甲、乙等多位议员: to 等 (not 调解委员…等12位委员)
            end = name_lists.before_others_counted(folded, end)
        if folded[end - 1:end] in ("等", "前", "原"):
            end -= 1
        if folded[end:match.start()] == "前":
            continue  # 安倍前首相: a past post
        if folded[end - 1:end] == " " and folded[end - 2:end - 1] not in (" ", "") \
                and _CONTACT_FIELD.search(folded, max(0, end - 10), end):
            end -= 1  # 连络人:吴昭慧 执行秘书: a contact line's name, a space, the post
        gloss = _GLOSS_BEFORE.search(folded, max(0, end - 64), end)
        if gloss:  # 龚萨福(ralph gonsalves)总理: the name stands before its gloss
            end = gloss.start()
        counted = folded[match.end():match.end() + 1] != "级" and _counted_list_before(folded, end, is_place)
        if counted:  # (三位总统级学生: a rank, no post)
            for listed_name, at in counted:
                add(listed_name, at, post)
            continue
        paired = name_lists.item_before(folded, end)
        if paired and not _past_before(folded, paired[2]):  # ingay tali颖艾达利议员 (archive.name_lists)
            add(paired[0], paired[1], post)
            for previous, at in _names_listed_before(folded, paired[2]):
                add(previous, at, post)
            continue
        name = name_before(folded, end)
        # 与费南德斯总统, 巴洛(dean barrow)总理: a foreign name, no leader of ours cited
        foreign = None if name else foreign_names.name_before_post(folded, end, bool(gloss), post, match.end(),
                                                                      is_place)
        name = name or foreign
        if not name and japan:  # 团长古屋圭一众议员 (archive.japanese_names)
            name = japanese_name_before(folded, end, folded[clause_start(folded, match.start(), match.end()):match.end()],
                                        _post_ending, _ORGAN_END)
        if not name and not gloss:
            latin = _LATIN_NAME.search(folded, max(0, end - 32), end)
            name = latin.group(0) if latin else None
        if not name or (post in _GENERIC_POSTS and len(name) < 3) or post in _VERBS_AFTER_NAME or party_camps.is_camp(name) \
                or (post in ("里长", "村长") and len(name) == 2) or name.endswith("兼"):
            # 坚持党统一领导: after a name 领导 is "lead"; 明德里长: a ward's
            # name; 王储兼首相: 兼 joins two offices
            continue
        if len(name) == 3 and name[-1] in _LIST_JOINS and name_after(folded, match.end()):
            continue  # 省委书记陈刚和省长吴晓军: 和 joins two people, the post is the next one's
        if post == "代表" and not re.match(r"[及、，,。]", folded[match.end():match.end() + 1]):
            continue  # 姜淋煌代表市长: "on behalf of"; 游亚旭(…)代表及: the post
        organ = _organ_before(folded, end - len(name), is_place) or shared_organ.organ_of_previous(
            folded, end - len(name), post, _post_ending, name_before,
            functools.partial(_organ_before, is_place=is_place),
            lambda held: officials[held].title if held in officials else None)  # 观光署甲署长及乙副署长
        organ = ward_offices.ward_before_name(folded, end - len(name), post, organ)  # 平通里李某里长
        if organ and leaders.studied(organ):
            organ = ""  # 深入领会|习近平总书记: a verb of studying, no organ (会 closes organs too)
        if bare and (not organ or (len(name) < 3 and folded[end - len(name) - 1] == "的")):
            continue  # 卫生所的公卫护理师: a word between organ and post
        state = _foreign_state_before(folded, end - len(name), is_place)
        standing = "" if foreign else _leader_standing(folded, state + post, match.start(), match.end(), name,
                                                       end - len(name))
        if standing == "cited" or (standing == "passing" and (
                not _leader_takes_part(folded, name, end - len(name), match.end()) or name_after(folded, match.end()))):
            # 他强调，要学习贯彻习近平总书记…: cited in another's words; 习近平总书记
            # 重要讲话, 晋见总统: cited in passing (请蔡英文总统宣布 takes part,
            # 习近平总书记强调 acts); 吉布提总统盖莱: the holder follows, a state came first
            continue
        if is_place and (any(is_place(name[k:] + post[0]) for k in range(len(name) - 1))
                         or is_place(name) or (len(name) == 3 and is_place(name[:2]))):
            continue  # 向台南|市议员, 高雄分|处处长: the "name" ends or starts with a place
        begin = end - len(name)
        if is_place and any(is_place(folded[max(0, begin - k):begin + 1]) for k in (2, 3, 4)):
            continue  # 安南区学东里长: 区 closes a place name, it is no surname
        if _past_before(folded, begin):
            not_holding.add(name)
            continue  # 退休潘敏捷书记官: the post is past (之前蔡松柏机要 is "earlier")
        if tenure.names_past_era(folded, match.end(), _POST_RE):
            continue  # 赖某某市长时代: that post is past, though the person may hold another now (archive.tenure)
        add(name, begin, organ + post)
        for previous, at in _names_listed_before(folded, begin):
            if previous[0].isascii() or not (is_place and is_place(previous)):
                add(previous, at, post)
    for name, at, title in ward_lists.ward_chiefs(folded):  # 甲里张三、乙里李四等2位里长: each their own ward's
        add(name, at, title)
    states_named = bool(_STATE_NAME_AFTER.search(folded))
    # 全国人大代表、某集团董事长张三: the seat is the office, the job may be none.
    def holder_at(text: str, k: int) -> str | None:
        name = name_after(text, k)
        return name if name and (name in officials or _AFTER_NAME.match(text, k + len(name))) else None

    for _, seat_end, at, name in deputies.seated(folded, holder_at, _is_verb):
        if name in skip:
            continue
        seat = title_before(folded, seat_end - 2, seat_end, is_place)
        known = officials.get(name)
        if known is None:
            officials[name] = Official(name=original[at:at + len(name)], title=seat)
        elif seat not in known.title:
            officials[name] = Official(name=known.name, title=seat + "、" + known.title)
    # 马兴瑞、石泰峰一同调研: companions of a visit, named with no office.
    # 李某某主持会议并作总结讲话: a meeting's presider, named alone.
    for name, at in companions(folded) + presiders(folded):
        if name not in officials and name not in skip and name not in not_holding:
            officials[name] = Official(name=original[at:at + len(name)], title="")
    # 二十大代表风采 … 某某：把论文写在大地上: a feature's deputies, whatever job the
    # story gives them (a firm's 党委书记) (archive.deputy_profiles); 党和国家领导人
    # 习近平、李强等: each listed leader holds the collective title (archive.collective_titles)
    for name, at, title in deputy_profiles.subjects(folded) + collective_titles.listed_leaders(folded):
        if name not in officials and name not in skip:
            officials[name] = Official(name=original[at:at + len(name)], title=title)
    # 院长方勤和…, 院长方勤正带领: the same person glued to the next word (正).
    # 乔进双|梅 beside 乔进双梅 named whole: the shorter is the cut one.
    waiting = foreign_names.awaiting_inauguration(folded, officials)  # 总统卡蕬楚就职典礼: not yet in post
    for cut, whole in cut_names.whole_names(list(officials), folded).items():  # 陈昆|和议员 beside 陈昆和指出
        cut_first = list(officials).index(cut) < list(officials).index(whole)
        cut_reading = officials.pop(cut)
        if cut_first:  # the office first written is the one kept (archive.first_mention)
            officials[whole] = Official(name=officials[whole].name, title=cut_reading.title)
    glued = {name for name in officials if len(name) == 3 and name[:2] in officials} \
        | {name[:3] for name in officials if len(name) == 4 and name[:3] in officials}
    return [official for name, official in officials.items()
            if not (name in not_holding and official.title in _POST_SET) and name not in glued
            and (name, official.title) not in private_posts and name not in waiting
            and not (states_named and written_followed_by(folded, name, _STATE_NAME_AFTER))]


# A "name" the text also writes before a state's word (马绍尔总统 beside
# 马绍尔群岛共和国) is that state's short name.
_STATE_NAME_AFTER = re.compile("|".join(_STATE_WORDS + ("群岛",)))

_POST_SET = frozenset(POSTS)
# A division's commanders (兵团第六师副师长): only with the division written,
# as 师长 is also "teachers" and 老师长期 is 老师|长期.
_DIVISION_POSTS = frozenset({"师长", "副师长"})
# Posts of boards (associations, and the people's organisations: 残联理事长).
_BOARD_POSTS = frozenset({"理事长", "副理事长"})


def _is_verb(word: str) -> bool:
    return _word_tags().get(word, "").startswith("v")


def _past_before(folded: str, at: int) -> bool:
    """A post or name at `at` is marked past (前署长, 退休潘敏捷书记官); 前
    closing a time word (日前, 之前, 目前) is no such mark."""
    past = _NOT_HELD_BEFORE.search(folded, max(0, at - 2), at)
    return bool(past) and (past.group(0) != "前" or len(_words(folded[max(0, at - 3):at])[-1]) == 1)

