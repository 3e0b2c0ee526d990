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

import re

from .common_words import frequency, is_common_word
from .document import Official
from .names import SURNAMES_2, is_cjk_run, plausible_name

# Offices that end a title. Longer forms first so that 副书记 is not read as 书记.
POSTS = sorted(set("""
书记 副书记 常务副书记 镇长 副镇长 乡长 副乡长 县长 副县长 区长 副区长 市长 副市长 州长 副州长 关长
省长 副省长 主任 副主任 主席 副主席 部长 副部长 局长 副局长 委员 常委 处长 副处长 主委 议长 副议长
领导 组长 副组长 院长 检察长 庭长 社长 政委 司令员 秘书长 区委书记 县委书记 市委书记 镇长人选
提名镇长人选 提名乡长人选 代镇长 代区长 代县长 代市长 代乡长 负责人 主任委员 里长 议员 立委
市议员 县议员 参议 党组成员 召集人 立法委员 总召 副总召 干事长 分队长 大队长 所长 科长 村长 主秘 司长 副司长
""".split()), key=len, reverse=True)
_POST_RE = re.compile("|".join(map(re.escape, POSTS)))
# Offices that say nothing on their own; they need an organ right before
# them (区领导, 镇领导, 社区主任), else 信访案件领导包案制 makes a person.
_GENERIC_POSTS = {"领导", "负责人", "委员", "主任", "组长", "召集人"}
# Nouns whose last character opens an office (社区|长辈, 全县|长期, 城市|长):
# there the office is a misreading.
_NOUN_BEFORE_POST = {"社区", "地区", "市区", "园区", "城区", "小区", "景区", "校区", "山区", "灾区",
                     "辖区", "片区", "街区", "老区", "郊区", "牧区", "湾区", "城市", "都市", "全县",
                     "全市", "全区", "全镇", "全乡", "城镇", "乡镇", "村镇", "集镇", "小镇", "古镇"}
# 王兆建是兴福镇党委书记: a name, a copula, then the office.
_NAME_IS_OFFICE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:现任|担任|是|系|任)(.+)$")
_ORGAN_END = set("区市县镇乡省州委府局处所会院部办厅里村队站团党")
# National offices: quoted in passing, never a local official.
_NATIONAL = ("总书记", "国家主席", "国务院总理", "总理", "委员长", "国家副主席", "中共中央",
             "国务院副总理", "政治局", "总统", "副总统", "行政院长")

# A given name that is a very frequent word is that word: 安银行 after 陕西省长
# is a bank. Given names that are also words (建平, 大庆) are far rarer.
_WORD_NOT_GIVEN_NAME = 700

# Characters that, right next to an office, are a word rather than a surname:
# 里长和海头社区, 公司原党组, 由安南区, 当市长时曾.
_NOT_NAME_START = set("和与及同于原由时")
_FREQUENT_WORD = _WORD_NOT_GIVEN_NAME

# What may follow a name: punctuation or the verbs that follow a speaker.
_AFTER_NAME = re.compile(
    r"(?:[,，、。；;：:！!？?\s（(“”\"]|$|主持|指出|要求|强调|表示|出席|参加|讲话|介绍|说|在|到|前往|"
    r"深入|带队|率队|率|一行|同志|等|和|与|及|为|对|调研|督导|检查|走访|看望|慰问|陪同|会见|"
    r"听取|召开|希望|代表|宣读|传达|作|就|任|又|详细|现场|专题|也|还|先后|来到|向|的|则|亦|更|已|"
    r"将|会|于|今|昨|特别|特地|再|一同|共同|皆|均|都|偕|邀|感谢|提醒|呼吁|鼓励|建议|认为|致|赠|从|案)")
# What may stand right before a name written ahead of its office (蔡佳甫区长).
_BEFORE_NAME = set(",，、。；;：:！!？? \t\n（(“”\"与和及由请偕暨心") | _ORGAN_END
# Words joining people in a list before a shared office (甲、乙及丙等议员).
_LIST_JOINS = ("、", "及", "和", "与")
_LATIN_NAME = re.compile(r"[a-z][a-z\- ]{1,30}[a-z]$")

def name_after(folded: str, start: int) -> str | None:
    """The person's name starting at `start` (right after an office), or None."""
    if folded[start:start + 1] in _NOT_NAME_START:
        return None
    lengths = (4, 3) if folded[start:start + 2] in SURNAMES_2 else (3, 2)
    candidates = [folded[start:start + n] for n in lengths
                  if start + n <= len(folded) and is_cjk_run(folded[start:start + n])]
    candidates = [name for name in candidates if plausible_name(name)]
    if not candidates:
        return None
    for name in candidates:
        if _AFTER_NAME.match(folded, start + len(name)):
            if _is_word(name) or frequency(name[:2]) >= _FREQUENT_WORD:
                return None  # 议员支持下: a phrase, not a person
            return name
    # No boundary: a two-character name is followed by a common word.
    longer, shorter = candidates[0], candidates[-1]
    if len(candidates) == 2 and is_common_word(folded[start + len(shorter):start + len(shorter) + 2]):
        return shorter if not _is_word(shorter) else None
    if len(longer) == lengths[0] and not _is_word(longer[:2]) \
            and frequency(longer[1:3]) < _WORD_NOT_GIVEN_NAME:
        return longer
    return None


def _is_word(name: str) -> bool:
    """A 'name' that is ordinary vocabulary (班子, 强调) is not a person."""
    return len(name) == 2 and is_common_word(name)


def post_start_is_organ(folded: str, end: int) -> bool:
    """The office after `end` opens with an organ word (局长, 处长, 区长)."""
    return folded[end:end + 1] in set("局处区市县镇乡所")


def name_before(folded: str, end: int) -> str | None:
    """The person's name ending at `end` (right before an office), or None."""
    for length in (3, 2, 4):
        begin = end - length
        if begin < 0:
            continue
        name = folded[begin:end]
        if not is_cjk_run(name) or not plausible_name(name) or _is_word(name) \
                or name[0] in _NOT_NAME_START or is_common_word(name[:2]):
            continue  # 原专职副主任 is "formerly", 祝贺郭议长 a verb
        if length == 2 and post_start_is_organ(folded, end):
            continue  # 都展局长: a two-character bureau name, not a person
        if length == 4 and name[:2] not in SURNAMES_2:
            continue
        if begin == 0 or folded[begin - 1] in _BEFORE_NAME or is_common_word(folded[max(0, begin - 2):begin]):
            return name
    return None


_CLAUSE_START = re.compile(r"[。！？；;:：,，\n“”\"（(）)]")
_LEADING_NOISE = re.compile(
    r"^.*?(?:日|上午|下午|晚上|会上|期间|时|后|由|是|系|在|经|据|请|落实|细化|作为|身为|邀请|包括|还有|贵宾有|嘉宾有|出席的有)")


def clause_start(folded: str, post_start: int, post_end: int) -> int:
    """Where the clause holding an office begins (at most 30 characters back)."""
    begin = post_start
    while begin > 0 and not _CLAUSE_START.match(folded[begin - 1]) and post_end - begin < 30:
        begin -= 1
    return begin


def title_before(folded: str, post_start: int, post_end: int) -> str:
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
        office = next((post for post in POSTS if segment.endswith(post)), None)
        if not office or name_before(segment, len(segment) - len(office)):
            begin = cut + 1
            break
        cut = folded.rfind("、", begin, cut)
    title = folded[begin:post_end]
    # Drop a leading date or verb phrase: keep from the place/organ words on.
    head = title[: post_start - begin]
    while True:
        shorter = _LEADING_NOISE.sub("", head)
        if shorter == head:
            break
        head = shorter
    return (head + title[post_start - begin:]).strip()


def _organ_before(folded: str, begin: int) -> str:
    """The organ phrase right before a name (中西区公所 in 中西区公所蔡佳甫区长)."""
    start = begin
    while start > 0 and not _CLAUSE_START.match(folded[start - 1]) and begin - start < 12:
        start -= 1
    organ = folded[start:begin]
    organ = _LEADING_NOISE.sub("", organ)
    return organ if organ and organ[-1] in _ORGAN_END else ""


def _is_national(title: str) -> bool:
    return any(national in title for national in _NATIONAL)


def _names_listed_before(folded: str, begin: int) -> list[tuple[str, int]]:
    """Further names of a list ending where a found name begins, nearest first."""
    found = []
    while begin > 0:
        # Only the character right before the name: a search for a join
        # anchored at `begin` would scan the text from its start every time.
        if folded[begin - 1] not in _LIST_JOINS:
            break
        end = begin - 1
        latin = _LATIN_NAME.search(folded, max(0, end - 32), end)
        name = latin.group(0) if latin else name_before(folded, end)
        if not name:
            break
        begin = end - len(name)
        found.append((name, begin))
    return found


def extract_officials(folded: str, original: str, reporters: list[str] | None = None,
                      is_place: "callable | None" = None) -> list[Official]:
    """Officials named next to their office, names as written in `original`.

    `is_place` tells whether a text is a place name, so that 玉井区长者 or
    蒙阴县长明村 do not read as a person called 玉井 holding 区长.
    """
    skip = set(reporters or [])
    officials: dict[str, Official] = {}

    def add(name: str, at: int, title: str) -> None:
        if name in skip or name in officials or not title:
            return
        officials[name] = Official(name=original[at:at + len(name)], title=_as_written(title))

    def _as_written(title: str) -> str:
        return title

    for match in _POST_RE.finditer(folded):
        post = match.group(0)
        if folded[match.start() - 1:match.start() + 1] in _NOUN_BEFORE_POST:
            continue
        generic = post in _GENERIC_POSTS and (
            match.start() == 0 or folded[match.start() - 1] not in _ORGAN_END)
        # Office first: 区长杨国昕, 区领导吴毓舟、洪武强.
        title = title_before(folded, match.start(), match.end())
        position = match.end()
        while not generic and not _is_national(title):
            name = name_after(folded, position)
            if not name:
                break
            add(name, position, title)
            position += len(name)
            if folded[position:position + 1] == "、":
                position += 1
                continue
            # 议员许又仁及蔡旺诠: a second name after 及/和 only when it
            # clearly ends, lest 区长杨国昕和同事 make 同事 a person.
            if folded[position:position + 1] in ("及", "和", "与"):
                following = name_after(folded, position + 1)
                if following and _AFTER_NAME.match(folded, position + 1 + len(following)):
                    position += 1
                    continue
            break
        # Name, copula, office: 王兆建是兴福镇党委书记.
        begin = clause_start(folded, match.start(), match.end())
        copula = _NAME_IS_OFFICE.match(folded, begin, match.end())
        if copula and plausible_name(copula.group(1)) and not _is_word(copula.group(1)) \
                and not _is_national(copula.group(2)) \
                and folded[match.end():match.end() + 1] in ("，", ",", "。", "；", "、", "\n", ""):
            add(copula.group(1), begin, copula.group(2))
            continue
        # Office after: 蔡佳甫区长, 卢崑福、李启维议员, 陈亭妃、李中岑…等议员.
        end = match.start()
        if folded[end - 1:end] in ("等", "前", "原"):
            end -= 1
        name = name_before(folded, end)
        if not name:
            latin = _LATIN_NAME.search(folded, max(0, end - 32), end)
            name = latin.group(0) if latin else None
        if not name or _is_national(post) or (post in _GENERIC_POSTS and len(name) < 3):
            continue
        if is_place and (is_place(name) or is_place(name + post[0])):
            continue
        begin = end - len(name)
        if is_place and any(is_place(folded[max(0, begin - k):begin + 1]) for k in (2, 3, 4)):
            continue  # 安南区学东里长: 区 closes a place name, it is no surname
        begin = end - len(name)
        add(name, begin, _organ_before(folded, begin) + post)
        for previous, at in _names_listed_before(folded, begin):
            if previous[0].isascii() or not (is_place and is_place(previous)):
                add(previous, at, post)
    return list(officials.values())
