"""Seed-like damaged copies of a document, made deterministically.

The seeds show how scraped pages reach the archive: the script flipped
(a simplified story mirrored in traditional, or back), tone-marked pinyin
pushed in after characters (區(qū)), the site's chrome wrapped around the
article (nav bars, 当前位置 trails, 相关阅读 lists, 热门标签 clouds,
版权所有/ICP/contact footers) and a line of mojibake (UTF-8 read as GBK).
`damage(text, seed)` makes such a copy; the same seed gives the same copy.

Every piece of chrome is generated here from varied templates and invented
names, never copied from a site, so that a cleaning rule cannot pass by
knowing the phrases of one template: the nav items, separators, order, list
lengths and site names vary with the seed.

`cleaning_report` compares the cleaned damaged copy with the cleaned plain
document (both folded to one script): difflib similarity on characters,
body lines lost, and chrome lines that stayed in the body.
"""
from __future__ import annotations

import difflib
import hashlib
import random
from dataclasses import dataclass, field, replace

from archive.clean import clean_text
from archive.script import detect_script, fold, to_simplified, to_traditional

# Tone-marked readings of common characters, in both scripts; one reading
# each is enough for annotations a scraper would have added.
_PINYIN = {
    "区": "qū", "區": "qū", "书": "shū", "書": "shū", "记": "jì", "記": "jì", "长": "zhǎng",
    "長": "zhǎng", "县": "xiàn", "縣": "xiàn", "镇": "zhèn", "鎮": "zhèn", "乡": "xiāng",
    "鄉": "xiāng", "党": "dǎng", "黨": "dǎng", "委": "wěi", "会": "huì", "會": "huì",
    "议": "yì", "議": "yì", "领": "lǐng", "領": "lǐng", "导": "dǎo", "導": "dǎo", "统": "tǒng",
    "統": "tǒng", "质": "zhì", "質": "zhì", "数": "shù", "數": "shù", "经": "jīng", "經": "jīng",
    "济": "jì", "濟": "jì", "设": "shè", "設": "shè", "务": "wù", "務": "wù", "实": "shí",
    "實": "shí", "战": "zhàn", "戰": "zhàn", "动": "dòng", "動": "dòng", "产": "chǎn",
    "產": "chǎn", "业": "yè", "業": "yè", "农": "nóng", "農": "nóng", "村": "cūn", "民": "mín",
    "国": "guó", "國": "guó", "政": "zhèng", "府": "fǔ", "市": "shì", "省": "shěng", "部": "bù",
    "门": "mén", "門": "mén", "员": "yuán", "員": "yuán", "工": "gōng", "作": "zuò", "关": "guān",
    "關": "guān", "问": "wèn", "問": "wèn", "题": "tí", "題": "tí", "调": "diào", "調": "diào",
    "开": "kāi", "開": "kāi", "展": "zhǎn", "组": "zǔ", "組": "zǔ", "项": "xiàng", "項": "xiàng",
    "环": "huán", "環": "huán", "境": "jìng", "发": "fā", "發": "fā", "建": "jiàn", "强": "qiáng",
    "強": "qiáng", "体": "tǐ", "體": "tǐ", "全": "quán", "面": "miàn", "活": "huó", "推": "tuī",
}

_PLACE_CHARS = "安平和兴东西南北新华阳山河清宁永丰泰康宝云桥湖江城溪石庄林"
_PLACE_SUFFIXES = ["县", "区", "镇", "乡", "市"]
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华"
_NAV_ITEMS = ["首页", "新闻中心", "政务公开", "政务服务", "互动交流", "专题专栏", "领导之窗",
              "政策文件", "乡镇动态", "部门动态", "图片新闻", "通知公告", "走进{place}", "投资{place}",
              "办事指南", "信息公开", "便民服务", "网上信访"]
_NAV_SEPARATORS = [" | ", " · ", "  ", "｜", " / ", " │ ", "\u3000"]
_TRAIL_LABELS = ["当前位置：", "您的位置：", "您现在的位置：", "当前位置:", "所在位置 > "]
_TRAIL_SEPARATORS = [" > ", " >> ", " » ", " › ", "-", " → "]
_TOPICS = ["安全生产", "乡村振兴", "森林防火", "招商引资", "文明创建", "防汛抗旱", "营商环境",
           "人居环境整治", "民生实事", "疫情防控", "秸秆禁烧", "河长制", "项目建设"]
_HEADLINES = ["{place}召开{topic}工作会议", "{place}开展{topic}专项行动", "{place}：{topic}取得新成效",
              "{place}部署{topic}重点工作", "{topic}进行时｜{place}在行动", "{place}举办{topic}培训班",
              "{place}推进{topic}现场会召开"]
_LIST_BULLETS = ["· ", "• ", "", "▪ ", "> ", "【{n}】"]
_RELATED_LABELS = ["相关阅读", "相关新闻", "延伸阅读", "推荐阅读", "热点新闻", "相关文章："]
_TAG_LABELS = ["热门标签：", "热门标签", "标签云", "TAG标签："]
_MOJIBAKE_SOURCES = ["（作者系{place}党委书记）", "责任编辑：{name}", "来源：{site}", "（{place}融媒体中心 {name}）",
                     "审核：{name} 校对：{name}"]


@dataclass
class Damaged:
    text: str
    chrome: list[str] = field(default_factory=list)   # the site lines added around the body
    kinds: list[str] = field(default_factory=list)    # which damage was applied


def rng_for(seed: str) -> random.Random:
    return random.Random(int(hashlib.sha1(seed.encode("utf-8")).hexdigest()[:16], 16))


def invented_place(rng: random.Random) -> str:
    return "".join(rng.sample(_PLACE_CHARS, 2)) + rng.choice(_PLACE_SUFFIXES)


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.choice((1, 2))))


def _fill(template: str, rng: random.Random, place: str, site: str) -> str:
    return template.format(place=place, site=site, name=_name(rng), topic=rng.choice(_TOPICS),
                           n=rng.randint(1, 9))


def flip_script(text: str) -> str:
    return to_simplified(text) if detect_script(text) == "traditional" else to_traditional(text)


def add_pinyin(text: str, rng: random.Random) -> str:
    """Annotate every occurrence of a few common characters, as scrapers do."""
    present = sorted({c for c in text if c in _PINYIN})
    chosen = set(rng.sample(present, min(len(present), rng.randint(4, 10))))
    parens = rng.choice([("(", ")"), ("（", "）")])
    # A character the text already annotates (a damaged original) is left alone.
    return "".join(f"{c}{parens[0]}{_PINYIN[c]}{parens[1]}"
                   if c in chosen and text[i + 1:i + 2] not in ("(", "（") else c
                   for i, c in enumerate(text))


def header(rng: random.Random, place: str, site: str) -> list[str]:
    lines = []
    if rng.random() < 0.7:
        lines.append(rng.choice([site, f"{site}欢迎您", f"{site}门户网站", f"中国·{place}"]))
    items = [_fill(item, rng, place, site) for item in rng.sample(_NAV_ITEMS[1:], rng.randint(5, 9))]
    lines.append(rng.choice(_NAV_SEPARATORS).join(["首页"] + items))
    if rng.random() < 0.4:
        lines += rng.sample(items, rng.randint(3, 5))  # a nav bar scraped one item a line
    trail = rng.choice(_TRAIL_SEPARATORS).join(["首页"] + rng.sample(items, rng.randint(1, 3)))
    lines.append(rng.choice(_TRAIL_LABELS) + trail)
    if rng.random() < 0.5:
        lines.append(rng.choice(["【字体：大 中 小】", "字号：大 中 小 【打印】 【关闭】", "【打印本页】【关闭窗口】",
                                 "分享到：微信 微博 QQ空间"]))
    return lines


def footer(rng: random.Random, place: str, site: str) -> list[str]:
    blocks: list[list[str]] = []
    if rng.random() < 0.5:
        blocks.append([f"上一篇：{_fill(rng.choice(_HEADLINES), rng, place, site)}",
                       f"下一篇：{_fill(rng.choice(_HEADLINES), rng, place, site)}"])
    bullet = rng.choice(_LIST_BULLETS)
    related = [rng.choice(_RELATED_LABELS)]
    for n in range(rng.randint(3, 6)):
        related.append(bullet.format(n=n + 1) + _fill(rng.choice(_HEADLINES), rng, invented_place(rng), site))
    blocks.append(related)
    tags = rng.sample(_TOPICS, rng.randint(4, 8))
    label = rng.choice(_TAG_LABELS)
    inline = label if label.endswith("：") else label + " "
    blocks.append([inline + " ".join(tags)] if rng.random() < 0.6 else [label.rstrip("：")] + tags)
    contact = [rng.choice([f"版权所有：{site}", f"主办：{site}办公室 版权所有", f"Copyright © {site} All Rights Reserved",
                           f"{site} 版权所有 未经许可不得转载"])]
    contact.append(rng.choice(["蜀", "浙", "豫", "湘", "鲁", "冀", "皖", "赣"])
                   + f"ICP备{rng.randint(10**7, 10**8 - 1)}号-{rng.randint(1, 3)}"
                   + rng.choice(["", f"  网站标识码：{rng.randint(10**9, 10**10 - 1)}"]))
    contact.append(rng.choice([f"联系电话：0{rng.randint(100, 999)}-{rng.randint(10**6, 10**7 - 1)}",
                               f"地址：{place}{rng.choice(['人民路', '政府街', '中山路'])}{rng.randint(1, 300)}号"
                               f"  邮编：{rng.randint(10**5, 10**6 - 1)}",
                               f"技术支持：{invented_place(rng)}网络科技有限公司"]))
    blocks.append(contact)
    rng.shuffle(blocks[:-1])
    return [line for block in blocks for line in block]


def mojibake(rng: random.Random, place: str, site: str) -> str:
    """A line of UTF-8 text decoded as GBK, as a misconfigured scraper reads it."""
    source = _fill(rng.choice(_MOJIBAKE_SOURCES), rng, place, site)
    return source.encode("utf-8").decode("gbk", errors="replace")


def damage(text: str, seed: str) -> Damaged:
    rng = rng_for(seed)
    place = invented_place(rng)
    site = rng.choice([f"{place}人民政府", f"{place}融媒体中心", f"{place}新闻网", f"{place}政务网"])
    body = add_pinyin(flip_script(text), rng)
    lines = body.split("\n")
    garbled = mojibake(rng, place, site)
    if rng.random() < 0.5:
        lines[-1] = lines[-1] + " " + garbled      # a garbled tail, as in seed 003
    else:
        lines.append(garbled)
    top, bottom = header(rng, place, site), footer(rng, place, site)
    blank = rng.choice(["", None])
    joined = top + ([blank] if blank is not None else []) + lines + ([blank] if blank is not None else []) + bottom
    return Damaged(text="\n".join(joined), chrome=top + bottom,
                   kinds=["script", "pinyin_annotation", "boilerplate", "mojibake"])


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


@dataclass
class CleaningScore:
    similarity: float        # difflib ratio of the cleaned bodies, folded
    body_lines: int          # non-empty lines of the cleaned plain body
    body_lines_lost: int     # of those, lines missing from the cleaned damaged body
    chrome_lines: int
    chrome_lines_kept: int   # generated site lines left in the cleaned damaged body
    plain_lines: int         # non-empty lines of the plain document as given
    plain_lines_changed: int  # of those, lines cleaning dropped or changed (pinyin, mojibake cut)


def score_cleaning(text: str, seed: str) -> CleaningScore:
    damaged = damage(text, seed)
    plain_body = fold(clean_text(text).body)
    damaged_body = fold(clean_text(damaged.text).body)
    matcher = difflib.SequenceMatcher(None, plain_body, damaged_body, autojunk=False)
    kept = set(_lines(damaged_body))
    body = _lines(plain_body)
    chrome = [fold(line.strip()) for line in damaged.chrome if line and line.strip()]
    plain = [fold(line) for line in _lines(text)]
    return CleaningScore(
        similarity=matcher.ratio(),
        body_lines=len(body), body_lines_lost=sum(1 for line in body if line not in damaged_body),
        chrome_lines=len(chrome), chrome_lines_kept=sum(1 for line in chrome if line in kept),
        plain_lines=len(plain), plain_lines_changed=sum(1 for line in plain if line not in plain_body),
    )


def cleaning_report(texts: dict[str, str]) -> list[str]:
    """Summary lines for the damaged copies of the given documents (id -> text)."""
    scores = {doc_id: score_cleaning(text, doc_id) for doc_id, text in sorted(texts.items())}
    if not scores:
        return ["cleaning: no documents"]
    values = list(scores.values())
    mean = sum(s.similarity for s in values) / len(values)
    worst = min(scores, key=lambda k: scores[k].similarity)
    return [
        f"cleaning of damaged copies ({len(values)} documents):",
        f"  similarity to the cleaned plain body: mean {mean:.3f}, min {scores[worst].similarity:.3f} ({worst}), "
        f"{sum(1 for s in values if s.similarity >= 0.97)}/{len(values)} at >= 0.97",
        f"  body lines lost          {sum(s.body_lines_lost for s in values)}/{sum(s.body_lines for s in values)}",
        f"  chrome lines kept        {sum(s.chrome_lines_kept for s in values)}/{sum(s.chrome_lines for s in values)}",
        f"  plain lines dropped or changed by cleaning the plain text "
        f"{sum(s.plain_lines_changed for s in values)}/{sum(s.plain_lines for s in values)}",
    ]


def damaged_raws(raws: dict) -> dict:
    """The damaged copy of each raw document (id -> RawDocument), seeded by its id."""
    return {doc_id: replace(raw, text=damage(raw.text, doc_id).text) for doc_id, raw in raws.items()}
