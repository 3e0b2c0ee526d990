"""Personal names: what may be a Chinese person's name, character by character.

A name starts with a known surname (one character, or two: 欧阳, 司马) and
its given name avoids the function words and organ characters that follow
offices in running text (的, 是, 局, 处 …).
"""
from __future__ import annotations

import re

SURNAMES_2 = set("欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 "
                 "端木 独孤 南宫 万俟 闻人 轩辕 西门 澹台 申屠 太史 钟离 呼延 张简".split())
SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳"
    "甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟"
    "邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班"
    "储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国"
    "狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆"
    "茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "洪萧赖锺涂蓝骆庄谌习"
    # Among the hundred commonest surnames (傅, 阎 beside 闫) and rarer ones
    # of people in the news (郦, 郗, 庹, 逄, 钭).
    "傅阎郦郗庹逄钭"
    # The rest of the 百家姓's single surnames that are rare as words of their
    # own (jieba frequency under 300, not a place): 市财政局局长笪某某 names a
    # person whatever the character's rarity, and no sentence reads it otherwise.
    # (Not 沃: it opens transliterations, 沃伊切霍夫斯基, whose end the Han
    # pattern cannot find; nor 毋, "not" in 毋须 and Taiwanese 毋通.)
    "郈佴邴郤訾蒯璩缑隗羿莘殳乜笪庾竺贲钮酆郏荀谯汲宓厍糜弘蔚蓟宦")
# Characters that do not occur inside personal names but do follow titles.
NOT_IN_NAME = set("的了是在等制度会部局处市县区镇乡村里所院委办厅署省们这那其该各此对于从把被将也都"
                  "就还而并或得靠前"
                  # a determiner (但每位议员)
                  "每"
                  # verbs of saying glued to a name (刘磊说：, 麦考尔称，)
                  "说称"
                  # a people's name ends in 族 (一名赫哲族代表, 藏族干部), no given name does
                  "族")


def plausible_name(name: str) -> bool:
    if any(c in NOT_IN_NAME for c in name[1:]):
        return False
    return name[:2] in SURNAMES_2 or name[0] in SURNAMES_1


def is_cjk_run(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def written_followed_by(folded: str, name: str, after: re.Pattern) -> bool:
    """Whether the text writes `name` anywhere with `after` matching right
    behind it: how a rule asks "is this ever written as a whole name
    (陈昆和指出)" or "is this ever a state's short name (马绍尔群岛)"."""
    at = folded.find(name)
    while at >= 0:
        if after.match(folded, at + len(name)):
            return True
        at = folded.find(name, at + 1)
    return False
