"""Officials (name + office) and bylines (reporters, photographers, editors).

An official is a person named right after an office: 镇党委书记任俊洁,
区长杨国昕, 区领导吴毓舟、洪武强 (one office, a list of names). The office
is read backwards from the name to the start of the clause, so compound
titles (市人大常委会副主任、广安区委书记) survive whole. Names are
checked against a surname list and must end at a boundary (punctuation or a
verb such as 主持, 指出), which keeps 书记处 and 区长期 from becoming people.
Bylines are found first, and their names are never officials.
"""
from __future__ import annotations

import re

from .document import Official

# Offices that end a title. Longer forms first so that 副书记 is not read as 书记.
_POSTS = sorted(set("""
书记 副书记 常务副书记 镇长 副镇长 乡长 副乡长 县长 副县长 区长 副区长 市长 副市长 州长 副州长
省长 副省长 主任 副主任 主席 副主席 部长 副部长 局长 副局长 委员 常委 处长 主委 议长 副议长
领导 组长 副组长 院长 检察长 庭长 社长 政委 司令员 秘书长 区委书记 县委书记 市委书记 镇长人选
提名镇长人选 提名乡长人选 代镇长 代区长 代县长 代市长 代乡长 负责人 主任委员 里长 议员 立委
""".split()), key=len, reverse=True)
# National offices: quoted in passing, never a local official.
_NATIONAL = ("总书记", "国家主席", "国务院总理", "总理", "委员长", "国家副主席", "中共中央")

_SURNAMES_2 = set("欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 "
                  "端木 独孤 南宫 万俟 闻人 轩辕 西门 澹台 申屠 太史 钟离 呼延 张简".split())
_SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳"
    "甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟"
    "邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班"
    "储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国"
    "狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆"
    "茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由")

# What may follow a name: punctuation or the verbs that follow a speaker.
_AFTER_NAME = re.compile(
    r"(?:[,，、。；;：:！!？?\s（(“”\"]|$|主持|指出|要求|强调|表示|出席|参加|讲话|介绍|说|在|到|前往|"
    r"深入|带队|率队|率|一行|同志|等|和|与|及|为|对|调研|督导|检查|走访|看望|慰问|陪同|会见|"
    r"听取|召开|希望|代表|宣读|传达|作|就|任|又|详细|现场|专题|也|还|先后|来到|向)")

# Bylines: （记者 王志超）, 梁嘉俊 摄, 编辑:郭玛莉, 全媒体记者 刘定春 蒋师帅 整理.
_NAME = r"[\u4e00-\u9fff]{2,4}"
_BYLINE_PATTERNS = [
    re.compile(r"(?:记者|通讯员|摄影|摄|编辑|责编|责任编辑|审核|校对|作者|文|图|撰稿|整理)"
               r"[\s:：/]*((?:%s[\s、,，]*){1,4})" % _NAME),
    re.compile(r"((?:%s\s+){0,3}%s)\s*(?:摄影?|整理|报道|供图)(?=[\s)）]|$)" % (_NAME, _NAME)),
    re.compile(r"[(（]\s*(%s)\s*[)）]\s*$" % _NAME),
]
_BYLINE_NOT_NAME = re.compile(r"(日报|晚报|新闻|记者|全媒体|本报|站|网|中心|融媒|报社|电视台|编辑部)")


def extract_reporters(folded: str) -> list[str]:
    """Folded names from bylines, in order of appearance, without repeats."""
    found: list[str] = []
    lines = folded.split("\n")
    for index, line in enumerate(lines):
        candidates = []
        for pattern in _BYLINE_PATTERNS:
            if pattern is _BYLINE_PATTERNS[2] and index < len(lines) - 1:
                continue  # a bare (name) counts only at the very end
            for match in pattern.finditer(line):
                candidates.extend(re.split(r"[\s、,，]+", match.group(1)))
        for name in candidates:
            name = name.strip()
            if 2 <= len(name) <= 4 and _plausible_name(name) and not _BYLINE_NOT_NAME.search(name) \
                    and name not in found:
                found.append(name)
    return found


def _plausible_name(name: str) -> bool:
    return name[:2] in _SURNAMES_2 or name[0] in _SURNAMES_1


def _name_at(folded: str, start: int) -> str | None:
    """The person's name starting at `start`, or None."""
    for length in (3, 2, 4):
        name = folded[start:start + length]
        if len(name) < length or not all("\u4e00" <= c <= "\u9fff" for c in name):
            continue
        if length == 4 and name[:2] not in _SURNAMES_2:
            continue
        if not _plausible_name(name):
            return None
        if _AFTER_NAME.match(folded, start + length):
            return name
    return None


_CLAUSE_START = re.compile(r"[。！？；;:：,，\n“”\"（(）)]")


def _title_before(folded: str, post_start: int, post_end: int) -> str:
    """The whole office phrase ending at post_end, read back to the clause start."""
    begin = post_start
    while begin > 0 and not _CLAUSE_START.match(folded[begin - 1]) and post_end - begin < 30:
        begin -= 1
    title = folded[begin:post_end]
    # Drop a leading date or verb phrase: keep from the last place/organ word on.
    title = re.sub(r"^.*?(?:日|上午|下午|晚上|会上|期间|时|后)", "", title) or title
    return title.strip()


def extract_officials(folded: str, original: str, reporters: list[str] | None = None,
                      ) -> list[Official]:
    """Officials named after their office, names as written in `original`."""
    skip = set(reporters or [])
    officials: dict[str, Official] = {}
    post_re = re.compile("|".join(map(re.escape, _POSTS)))
    for match in post_re.finditer(folded):
        title = _title_before(folded, match.start(), match.end())
        if any(national in title for national in _NATIONAL):
            continue
        position = match.end()
        while True:
            name = _name_at(folded, position)
            if not name or name in skip:
                break
            original_name = original[position:position + len(name)]
            if name not in officials:
                officials[name] = Official(name=original_name, title=title)
            position += len(name)
            if position < len(folded) and folded[position] == "、":
                position += 1
                continue
            break
    return list(officials.values())
