"""Recognising administrative divisions in a document.

Matching runs over folded (simplified) text, longest name first. A name that
several divisions share (新桥镇 exists in eleven counties) is resolved by the
other places the document names: the candidate whose ancestors or
descendants are also mentioned wins; with no such support a repeated
township name is left unresolved rather than guessed.

A document is *about* the most specific places it keeps returning to (or
that its officials hold office in); the other places are *mentioned*.
"""
from __future__ import annotations

import re
import functools
from itertools import chain
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .common_words import is_common_word, word_frequencies, word_tags
from .document import Region
from .gazetteer import Division, Gazetteer
from .page_places import publisher_places

# What after a short name shows it is part of a longer name, not a place:
# 中山路, 中山大学, 广安门, 平陆运河, 宝塔山 (but 泰顺山区 is the county's hills),
# 郑州东站 (a station), and 区 after a name ending in 新: that 新区 is a new
# area's (雄安新区 holds no 安新县), as a district would have been matched
# by its full name first.
_NOT_AFTER_SHORT = re.compile(r"[路街大门桥中小学院站港湾村号楼厂溪河江湖里运]|山(?!区)|[东南西北]站|(?<=新)区")
# Of those, 大, 中 and 小 make a longer name after a city's or a county's
# short name (平安大街, 中山小区) but after a province's they start the next
# word, the province being the sentence's subject: 河南小麦已播超3成,
# 江西中稻播栽, 四川大凉山 (a university, 四川大学, is told apart below).
_WORD_AFTER_PROVINCE = re.compile(r"[大中小]")
# Of those, the ones that name a thing called after the place (汨罗江, 中山路,
# 平陆运河) even right after the place's parent; the others start ordinary
# words that may follow a place (烟台招远|大户).
_FEATURE_AFTER_SHORT = re.compile(r"[路街门桥站港湾村号楼厂溪河江湖里运]|山(?!区)|[东南西北]站|(?<=新)区")
# A full name whose suffix starts a common word is that word: 金华市场 is a
# market, not 金华市 followed by 场.
_SUFFIX_WORDS = {"市场", "区域", "区间", "县城"}
# A township's 乡 that makes a word with the next character belongs to that
# word, which still speaks of the place: 新营乡亲 are 新营's folks, 安平乡土
# 文化馆 a museum of 安平's local lore. The place is the name without it (新营,
# 安平), not a 新营乡 or 安平乡 of some other province.
_SUFFIX_WORDS_OF_THE_PLACE = {"乡亲", "乡土"}


@dataclass
class Mention:
    start: int
    end: int
    name: str
    candidates: list[Division]
    short: bool = False
    glued: bool = False  # its first character makes a word with the one before
    listed: bool = False  # follows the place before it after a list comma (河北、辽宁)


@dataclass(frozen=True)
class _Lexicon:
    """What jieba's dictionary knows about words that place names collide
    with. Its tags are rough (大连 is tagged an adverb), so only what they
    say with confidence is used.
    """
    plain: dict[str, str]    # two-character vocabulary words, frequent, not names -> tag
    long: dict[str, int]     # three- and four-character vocabulary words (长治久安, 平方公里) -> frequency
    places: frozenset[str]   # words jieba tags as places (黔江, 北流)
    common_long: frozenset[str]  # the long words common enough to outweigh a known place


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Built from the words common_words already read from jieba's
    dictionary (up to four characters: a place name the lexicon must know is
    a short name, and all but one of those are that short), not a second
    pass over the file."""
    plain: dict[str, str] = {}
    long: dict[str, int] = {}
    places = set()
    frequencies = word_frequencies()
    for word, tag in word_tags().items():
        if tag.startswith("ns"):
            places.add(word)
        elif tag.startswith(("nr", "nz", "nt")):
            continue
        elif len(word) == 2 and frequencies[word] >= 50:
            plain[word] = tag
        elif len(word) in (3, 4) and frequencies[word] >= 3:
            long[word] = frequencies[word]
    return _Lexicon(plain, long, frozenset(places),
                    frozenset(word for word, frequency in long.items() if frequency >= _COMMON))


# A frequency that makes a word common enough to outweigh a known place.
_COMMON = 100


@functools.lru_cache(maxsize=None)
def _windows_across(length: int, known_place: bool) -> tuple[tuple[int, int], ...]:
    """(offset from the name's start, length) of the three- and four-character
    windows that run across an edge of a name of `length` characters, from
    up to three characters before it; for a place jieba knows, not those
    that merely start with it (台湾|人)."""
    return tuple((offset, size) for offset in range(-3, length) for size in (3, 4)
                 if offset + size > 0 and (offset < 0 or offset + size > length)
                 and not (offset == 0 and known_place))


def _inside_a_word(folded: str, start: int, end: int, listed: bool = False) -> bool:
    """Whether a short name at [start, end) is part of an ordinary word:
    a longer word runs across its edge (长治|久安, 四|平方公里, 新|市政中心), or,
    unless jieba knows the name as a place (黔江|段 stays), its last
    character starts a word with the next (三明|治, 南通|往). A place jieba
    knows gives way only to a common word (四|平方公里, not 白|河水库), and
    a name in a list of places (永康、安平等) not to a split at all."""
    lexicon = _lexicon()
    # A word that merely starts with the name (台湾|人, 高雄|医学) is no
    # evidence against it, unless the name is itself a word (长治|久安).
    name = folded[start:end]
    known_place = name in lexicon.places or name not in lexicon.plain
    # (Every long word is frequent enough to count against a name jieba does not know.)
    words = lexicon.common_long if known_place else lexicon.long
    for offset, length in _windows_across(end - start, known_place):
        at = start + offset
        if at >= 0 and folded[at:at + length] in words:
            return True
    if listed:
        return False
    # The split counts only when what follows is no word of its own: 盐水|分区
    # and 安平|方向 read as well as 盐|水分 and 安|平方.
    return folded[end - 1:end + 1] in lexicon.plain and name not in lexicon.places \
        and folded[end:end + 2] not in lexicon.plain


@dataclass(frozen=True)
class _NameIndex:
    """The gazetteer's names (full, short and township aliases) as scanning needs them.

    `lengths` gives, for each two-character opening of a name, the name
    lengths, longest first: scanning tries only lengths some name actually
    has at that point, and `names` says at once whether a piece is any
    name, before the three lookups that say which. The openings are also
    kept as a bit table over (first character, second character), so that
    the points where a name may open are found for a whole text at once (one
    in 27 points of a news text opens a name; a loop over the others was a
    tenth of extraction): `row_of` and `column_of` number the characters
    that open names (0 for any other, and for every character from `beyond` up).
    """
    lengths: dict[str, tuple[int, ...]]
    names: frozenset[str]
    row_of: np.ndarray
    column_of: np.ndarray
    width: int
    beyond: int
    bits: np.ndarray


def _name_index(gazetteer: Gazetteer) -> _NameIndex:
    cached = getattr(gazetteer, "_name_index", None)
    if cached is None:
        names = {name for name in chain(gazetteer.by_name, gazetteer.by_short_name,
                                        getattr(gazetteer, "by_township_alias", {}))
                 if len(name) >= 2}
        lengths: dict[str, set[int]] = {}
        for name in names:
            lengths.setdefault(name[:2], set()).add(len(name))
        firsts = sorted({ord(prefix[0]) for prefix in lengths})
        seconds = sorted({ord(prefix[1]) for prefix in lengths})
        beyond = max(firsts + seconds, default=0) + 1
        row_of = np.zeros(beyond + 1, dtype=np.int32)
        row_of[firsts] = np.arange(1, len(firsts) + 1)
        column_of = np.zeros(beyond + 1, dtype=np.int32)
        column_of[seconds] = np.arange(1, len(seconds) + 1)
        width = len(seconds) + 1
        table = np.zeros((len(firsts) + 1) * width, dtype=bool)
        table[[row_of[ord(prefix[0])] * width + column_of[ord(prefix[1])] for prefix in lengths]] = True
        cached = _NameIndex(
            lengths={prefix: tuple(sorted(found, reverse=True)) for prefix, found in lengths.items()},
            names=frozenset(names), row_of=row_of, column_of=column_of, width=width, beyond=beyond,
            bits=np.packbits(table, bitorder="little"))
        gazetteer._name_index = cached
    return cached


# Below this length a loop over the text's points costs less than setting up arrays.
_VECTORISED_FROM = 64


def _openings(folded: str, index: _NameIndex) -> list[int]:
    """The points of the text, in order, whose two characters open a name."""
    if len(folded) < _VECTORISED_FROM:
        lengths = index.lengths
        return [at for at in range(len(folded) - 1) if folded[at:at + 2] in lengths]
    # Code points (a lone surrogate too), any past the names' counted as `beyond`.
    points = np.minimum(np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32),
                        index.beyond)
    cells = index.row_of[points[:-1]] * index.width + index.column_of[points[1:]]
    return np.flatnonzero((index.bits[cells >> 3] >> (cells & 7)) & 1).tolist()


def _lengths_by_prefix(gazetteer: Gazetteer) -> dict[str, tuple[int, ...]]:
    """For each two-character opening of a name, the name lengths, longest first."""
    return _name_index(gazetteer).lengths


def _full_name_inside(folded: str, start: int, end: int, gazetteer: Gazetteer,
                      by_prefix: dict[str, tuple[int, ...]]) -> bool:
    """Whether a full name starts inside a short one and runs on for two
    characters or more: 长安 in 议长安南区 is the end of 议长 and the start of
    安南区. (One more character proves little: 台南|区 is 台南, not 南区.)"""
    for at in range(start + 1, end):
        for length in by_prefix.get(folded[at:at + 2], ()):
            if at + length >= end + 2 and gazetteer.lookup(folded[at:at + length]):
                return True
    return False


def _in_a_list_of_places(folded: str, start: int, mentions: list[Mention]) -> bool:
    """Whether the name at `start` follows a place and a list comma (白河、东山、
    后壁大面积): in a list of places, what comes after the last one says nothing."""
    return start > 0 and folded[start - 1] in "、及和与" and bool(mentions) and mentions[-1].end == start - 1


def _place_at(folded: str, at: int, gazetteer: Gazetteer,
              by_prefix: dict[str, tuple[int, ...]], under: list[Division]) -> bool:
    """Whether a division name starts at `at`: a full name (北京|门头沟区), or
    a short one of a place under `under` (浙江|湖州). The short name then
    qualifies the place after it, even before a character like 门 or 湖."""
    for length in by_prefix.get(folded[at:at + 2], ()):
        piece = folded[at:at + length]
        if gazetteer.lookup(piece):
            return True
        if any(gazetteer.is_ancestor(parent, div) for div in gazetteer.lookup_short(piece)
               for parent in under):
            return True
    return False


def _right_after_a_parent(mentions: list[Mention], at: int, candidates: list[Division],
                          gazetteer: Gazetteer) -> bool:
    """Whether the place just before `at` lies above one of `candidates`: right
    after it (烟台|招远大户, 山西|吉县), a short name is that place's, whatever
    follows or overlaps it."""
    return bool(mentions) and mentions[-1].end == at and any(
        gazetteer.is_ancestor(above, div) for above in mentions[-1].candidates for div in candidates)


def _child_at(folded: str, at: int, gazetteer: Gazetteer,
              by_prefix: dict[str, tuple[int, ...]], under: list[Division]) -> bool:
    """Whether a place inside one of `under` starts at `at` (山西|吉县): then
    a name that starts inside the short one (西吉县) is a false reading."""
    for length in by_prefix.get(folded[at:at + 2], ()):
        piece = folded[at:at + length]
        if any(gazetteer.is_ancestor(parent, div) for div in gazetteer.lookup(piece) + gazetteer.lookup_short(piece)
               for parent in under):
            return True
    return False


# A part of a region (浙江中东部, 吉林西部): the region itself, though 中 or
# 西 could start another word.
_PART_OF_REGION = re.compile(r"[东南西北中]{1,2}部")


def find_mentions(folded: str, gazetteer: Gazetteer,
                  blocked: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Non-overlapping place-name mentions, longest match first at each point.

    `blocked` spans (people's names: 李长春, 范大庆) hold no place names.
    """
    mentions: list[Mention] = []
    blocked_at = set()
    for start, end in blocked or ():
        blocked_at.update(range(start, end))
    index = _name_index(gazetteer)
    by_prefix, names = index.lengths, index.names
    n = len(folded)
    free_from = 0  # where the last mention ends: no name starts inside one
    for i in _openings(folded, index):
        if i < free_from:
            continue
        found = None
        for length in by_prefix[folded[i:i + 2]]:
            if i + length > n:
                continue
            piece = folded[i:i + length]
            if piece not in names:
                continue
            if blocked_at and (i in blocked_at or i + length - 1 in blocked_at):
                continue
            aliases = gazetteer.lookup_township_alias(piece)
            candidates = gazetteer.lookup(piece)
            if candidates and folded[i + length - 1:i + length + 1] in _SUFFIX_WORDS:
                break  # 金华市场: no place starts here, not even 金华
            if candidates and folded[i + length - 1:i + length + 1] in _SUFFIX_WORDS_OF_THE_PLACE:
                continue  # 新营乡亲: the place is 新营, a shorter name
            if candidates:
                found = Mention(i, i + length, piece, candidates + aliases)
                break
            candidates = gazetteer.lookup_short(piece) + aliases
            if not candidates:
                continue
            listed = _in_a_list_of_places(folded, i, mentions)
            if not _inside_a_word(folded, i, i + length, listed) \
                    and (not _full_name_inside(folded, i, i + length, gazetteer, by_prefix)
                         or _child_at(folded, i + length, gazetteer, by_prefix, candidates)) \
                    and (not _NOT_AFTER_SHORT.match(folded, i + length) or listed
                         or _WORD_AFTER_PROVINCE.match(folded, i + length)
                         and any(d.level == 1 for d in candidates)
                         or not _FEATURE_AFTER_SHORT.match(folded, i + length)
                         and _right_after_a_parent(mentions, i, candidates, gazetteer)
                         or _PART_OF_REGION.match(folded, i + length)
                         or _place_at(folded, i + length, gazetteer, by_prefix, candidates)):
                found = Mention(i, i + length, piece, _as_province(candidates, mentions, i, gazetteer), short=True)
                break
        if found and (_names_something_else(folded, found)
                      or found.short and all(d.key.isdigit() for d in found.candidates)
                      and _INSTITUTION_AFTER.match(folded, found.end)):
            free_from = found.end  # 北京时间, 台湾灯会, 香港商世界健身: not about the place
            continue
        if found:
            # A character that ends the place before it (河南|平舆县, 安康市|县河镇)
            # glues nothing.
            after_place = bool(mentions) and mentions[-1].end == i
            found.glued = i > 0 and not after_place and is_common_word(folded[i - 1:i + 1])
            found.listed = i > 0 and folded[i - 1] == "、" and bool(mentions) and mentions[-1].end == i - 1
            mentions.append(found)
            free_from = found.end
    return mentions


def _as_province(candidates: list[Division], mentions: list[Mention], at: int,
                 gazetteer: Gazetteer) -> list[Division]:
    """A province's short name is the province: the district or county that
    shares it (天津's 河北区, 乌海's 海南区, 河南蒙古族自治县) is written in
    full, or short only right after its own city (天津河北). Without this,
    a story that names 天津 reads 河北召开新闻发布会 as Tianjin's district."""
    if not any(d.level == 1 for d in candidates):
        return candidates
    counties = [d for d in candidates if d.level >= 3]
    if not counties or _right_after_a_parent(mentions, at, counties, gazetteer):
        return candidates
    return [d for d in candidates if d.level < 3]


# A place name that opens the name of something else: a time zone (北京时间,
# 台北时间), an event (台湾灯会, 台湾祭) or a company registered there (香港商,
# Taiwan's way of naming a foreign company: 香港商世界健身).
_OTHER_THING_AFTER = re.compile(r"时间|时区|标准时|灯会|灯节|祭(?![祀奠拜扫])|商(?=[\u4e00-\u9fff])")
# A mainland place written short at the head of a university's, a
# hospital's or a company's name (哈尔滨工程大学, 北京协和医院, 国家电投宁夏铝电公司):
# the institution, named as an actor (调派北京协和医院专家), wherever the story
# is. Not across 的, which ends the phrase (落户宁夏的公司), nor a branch
# (中国电信河北分公司), which is named for the place it serves. (Taiwan's releases
# name a city in its institutions' names to place them: 高雄醫學大學 is read as
# a mention of 高雄, as the Taiwan labels do.)
_INSTITUTION_AFTER = re.compile(r"(?:(?!的)[\u4e00-\u9fff]){0,4}?(?:大学|医院|(?<!分)公司)")


def _names_something_else(folded: str, mention: Mention) -> bool:
    match = _OTHER_THING_AFTER.match(folded, mention.end)
    if not match:
        return False
    if match.group() == "商":
        # Only a country or region registers companies (香港商); 台南商圈,
        # 香港商会 are the place's own, 郑州商都 a city's old name.
        return all(d.level == 1 for d in mention.candidates) \
            and folded[mention.end:mention.end + 2] not in _lexicon().plain
    return True


_NOT_A_TOWNSHIP_BY_ITSELF = ("社区", "场", "局")
# How often jieba must have seen a name as an ordinary word for the word to
# be what a text most likely means (城区 1517, 郊区 668, 矿区 372). jieba tags
# many places wrongly (保定市 n 40, 钟祥市 nr 776), so only frequent words
# count, and never those it tags as names.
_COMMON_NOUN = 300


def _is_weak(mention: Mention, div: Division) -> bool:
    """A match that needs its own parent or a child in the text to count:
    a short county name (泰山 in 泰山崩于前), a township written short (南区
    for 南区街道), a two-character township (色乡 in 特色乡村), or a name
    whose first character ends a word before it (海城市 in 沿海城市).
    Also any name ending in 社区, 场 or 局: every town has communities, and
    state farms (军川农场, 种羊场) and forestry bureaus (林业局) are listed as
    township-level units, or named like Taiwan's 新社區 (新社区, a new
    community); such a name is the division only beside its parent. And a
    full name that is an everyday word (城区 'urban area', 矿区, 开发区, 郊区,
    解放区): jieba's dictionary knows it well as a word, not a place."""
    return (mention.short and div.level >= 3) or (div.level == 4 and len(div.name) <= 2) \
        or (div.level >= 2 and mention.glued) or div.name.endswith(_NOT_A_TOWNSHIP_BY_ITSELF) \
        or (not mention.short and _is_common_noun(mention.name))


@functools.lru_cache(maxsize=4096)
def _is_common_noun(name: str) -> bool:
    tag = word_tags().get(name)
    return tag is not None and not tag.startswith(("ns", "nr", "nz")) and word_frequencies()[name] >= _COMMON_NOUN


def _support(div: Division, keys: "_KnownPlaces", gazetteer: Gazetteer, close: bool) -> int:
    if close:
        parent = gazetteer.parent_of(div)
        support = int(parent is not None and parent.key in keys)
    else:
        # (lineage - itself) & keys: `lineage & keys - {key}` would copy all
        # the known keys for every candidate.
        support = len(({d.key for d in gazetteer.lineage(div)} - {div.key}) & keys)
    return support + keys.below[div.key]


class _KnownPlaces(set):
    """Keys of resolved places, with how many of them lie under each division.

    Support counts the known places under a candidate; testing every known
    key against every candidate of every mention was quadratic in the length
    of a text (20 s for a megabyte of news). Counting each key once into its
    ancestors when it becomes known makes that count a lookup.
    """

    def __init__(self, keys, gazetteer: Gazetteer):
        super().__init__()
        self.gazetteer = gazetteer
        self.below: Counter[str] = Counter()
        for key in keys:
            self.add(key)

    def add(self, key: str) -> None:
        if key in self:
            return
        super().add(key)
        div = self.gazetteer.get(key)
        parent = self.gazetteer.parent_of(div) if div is not None else None
        while parent is not None:
            self.below[parent.key] += 1
            parent = self.gazetteer.parent_of(parent)


# Words only Taiwan's administration uses: a district named in such a text
# (中西区公所) is Taiwan's, not Hong Kong's district of the same name.
_TAIWAN_WORDS = re.compile(r"区公所|里长|里民|里办公处|新台币|民国\d|市议员|市议会|立委")
# A district's or township's own office, 公所 (中西區公所, 南區區公所, 新化
# 鎮公所), is Taiwan's word for it alone: the mainland's are 政府 and 街道
# 办事处, Hong Kong's 民政事务处. One is enough (no 新闻联播 story in the
# corpus writes one; 1,526 Tainan releases write one and no other word above).
_TAIWAN_OFFICE = re.compile(r"[区乡镇市]公所")


def country_hint(folded: str) -> str | None:
    """'TW' when the text speaks of Taiwan's administration, else None."""
    if "公所" in folded and _TAIWAN_OFFICE.search(folded):
        return "TW"
    return "TW" if len(_TAIWAN_WORDS.findall(folded)) >= 2 else None


def writes_taiwan_in_full(mentions: list[Mention]) -> bool:
    """Whether the text names more of Taiwan's units in full (臺南市, 安南區)
    than units in full the mainland alone has: a Taiwan release that names
    no 公所 or 里長. Names written short do not count: they are as often
    words (通道, 延长, 来宾 'guests')."""
    taiwan = mainland = 0
    for mention in mentions:
        if not mention.short:
            in_taiwan = {div.key.startswith("TW") for div in mention.candidates}
            taiwan += in_taiwan == {True}
            mainland += in_taiwan == {False}
    return taiwan > mainland


def resolve(mentions: list[Mention], gazetteer: Gazetteer,
            country: str | None = None, background: set[str] | frozenset[str] = frozenset(),
            foreign_weak_from: int = 1) -> list[tuple[Mention, Division]]:
    """Pick one division per mention using the document's other mentions.

    Resolution repeats while it makes progress, so that a place resolved by
    its children (中山 by 古镇镇, 小榄镇) can in turn settle a repeated
    township name (港口镇 exists in four counties) or a short one (南区).
    `background` places (the page's publisher, see `page_places`) support
    readings as mentions do, without being mentions. In a text of `country`,
    a place outside it written short, from level `foreign_weak_from` down,
    needs support.
    """
    known = _KnownPlaces(chain((m.candidates[0].key for m in mentions
                                if len(m.candidates) == 1 and not _is_weak(m, m.candidates[0])),
                               background), gazetteer)
    neighbours = _shared_counties(mentions)
    # Places written in full: 屏东 after 屏东县 is that county, not its seat
    # 屏东市, which the county would otherwise support.
    in_full = {m.candidates[0].key for m in mentions
               if not m.short and len(m.candidates) == 1 and not _is_weak(m, m.candidates[0])}
    chosen = _parents_of_the_next(mentions, gazetteer)
    for division in chosen.values():
        known.add(division.key)
    for _ in range(3):
        before = len(chosen)
        for index, mention in enumerate(mentions):
            if index in chosen:
                continue
            previous = mentions[index - 1] if index and mentions[index - 1].end == mention.start else None
            scored = []
            for div in mention.candidates:
                if previous is not None and _names_an_ancestor(previous, div, chosen.get(index - 1), gazetteer):
                    # Written right after its province or city (安徽金寨县,
                    # 河南林州, 辽宁绥中): that is the place, however short.
                    scored.append((_support(div, known, gazetteer, close=False) + 2, False, -div.level, div))
                    continue
                # In a text about Taiwan, a mainland place written short
                # (松柏长春) needs support like any weak reading.
                weak = _is_weak(mention, div) or (
                    country is not None and mention.short and not div.key.startswith(country)
                    and div.level >= foreign_weak_from)
                # A short county name no dictionary knows as a word (彰武,
                # 施甸) is settled by its province anywhere in the text.
                # (Not Taiwan's: 台湾 is named in every text there, and its
                # districts' short names are everyday words: 山上, 马公庙.)
                # Such support is the weakest kind: any closer reading wins (新化
                # beside Tainan's districts is Tainan's, though 湖南 is named too).
                support = _support(div, known, gazetteer, close=weak)
                if weak and not support and mention.short and div.level == 3 and div.key.isdigit() \
                        and not mention.glued and not is_common_word(mention.name):
                    support = 0.5 * bool(_support(div, known, gazetteer, close=False))
                if not support and div.level >= 3 and not mention.glued:
                    # Places named together lie together: 南区 beside 安平区
                    # is Tainan's 南區, not Hong Kong's or Taichung's, though
                    # the text never names the city. The weakest support.
                    support = 0.5 * bool(div.parent and known.below[div.parent])
                support += 2 * (div.key in in_full) + (div.level == 4 and div.parent in neighbours)
                if not weak:
                    support += div.level in _list_levels(mentions, index, chosen)
                scored.append((support, weak, -div.level, div))
            # A weak reading with nothing to support it is no reading at all:
            # 河北 is the province unless the text is about Tianjin's 河北区.
            scored = [item for item in scored if not item[1] or item[0] > 0]
            if not scored:
                continue
            scored.sort(key=lambda item: (item[0], not item[1], item[2]), reverse=True)
            best = scored[0]
            if len(scored) == 1 and not best[1]:
                chosen[index] = best[3]
            elif best[0] > 0 and (len(scored) == 1 or scored[1][0] < best[0]):
                chosen[index] = best[3]
            elif best[0] > 0 and all(gazetteer.is_ancestor(best[3], item[3])
                                     for item in scored[1:] if item[0] == best[0]):
                # 南昌 is 南昌市 before its own 南昌县, 屏东 屏东县 before 屏东市:
                # a short name shared with a place inside it is the larger one.
                chosen[index] = best[3]
            elif (not mention.short or best[0] > 0 or any(d.level == 1 for d in mention.candidates)) \
                    and all(d.level <= 2 for d in mention.candidates) \
                    and len({d.level for d in mention.candidates}) == len(mention.candidates):
                # 吉林省 / 吉林市 style collision that context does not settle
                # (吉林舒兰市 is under both): the higher level. Written short
                # with nothing around it (吉林水稻陆续开镰), a province's name
                # is the province: its namesake city is written 吉林市.
                chosen[index] = min(mention.candidates, key=lambda d: d.level)
            elif country and not mention.short:
                # No context but the country's: the one candidate there.
                local = [d for d in mention.candidates if d.key.startswith(country)]
                if len(local) == 1:
                    chosen[index] = local[0]
            if index in chosen:
                known.add(chosen[index].key)
        if len(chosen) == before:
            break
    return [(mentions[index], chosen[index]) for index in sorted(chosen)]


def _parents_of_the_next(mentions: list[Mention], gazetteer: Gazetteer) -> dict[int, Division]:
    """Namesakes settled by the place written right after them: in 吉林扶余
    吉林 is the province (扶余 lies in 吉林省, not in 吉林市), in 海南三沙
    the province, not 海南区: a place's parent is written before it, so
    the reading that holds the next place is the one meant."""
    chosen = {}
    for index, (mention, after) in enumerate(zip(mentions, mentions[1:])):
        if after.start != mention.end or len(mention.candidates) < 2:
            continue
        holding = [div for div in mention.candidates
                   if any(gazetteer.is_ancestor(div, below) for below in after.candidates)]
        if len(holding) == 1:
            chosen[index] = holding[0]
    return chosen


def _headline_places(headline: str, resolved: list[tuple[Mention, Division]], gazetteer: Gazetteer,
                     country: str | None, background: set[str] | frozenset[str],
                     foreign_weak_from: int = 1) -> list[tuple[Mention, Division]]:
    """The places a headline names, read with the body's places as context
    (新化 in the headline is the 新化 the body's other places point to).
    Their mentions sit before the body's (at negative offsets), so that the
    headline's places come first and count as the body's do."""
    mentions = find_mentions(headline, gazetteer)
    if not mentions:
        return []
    shift = len(headline) + 1
    for mention in mentions:
        mention.start -= shift
        mention.end -= shift
    context = set(background) | {div.key for _, div in resolved}
    if country is None:
        country, foreign_weak_from = country_hint(headline), 1
    return resolve(mentions, gazetteer, country, frozenset(context), foreign_weak_from)


def _list_levels(mentions: list[Mention], index: int, chosen: dict[int, Division]) -> set[int]:
    """Levels of the settled places listed beside mention `index` (河北、辽宁、
    吉林、内蒙古): a list names places of one level, so 吉林 there is the
    province, not its city."""
    levels = set()
    for other, linked in ((index - 1, mentions[index].listed),
                          (index + 1, index + 1 < len(mentions) and mentions[index + 1].listed)):
        if not linked or not 0 <= other < len(mentions):
            continue
        settled = chosen.get(other)
        if settled is None and len(mentions[other].candidates) == 1:
            settled = mentions[other].candidates[0]
        if settled is not None:
            levels.add(settled.level)
    return levels


def _shared_counties(mentions: list[Mention]) -> set[str]:
    """Counties that have a township for each of two or more differently
    named mentions. A township page names its county's other townships
    (侯庙镇、后方乡、城关镇): the one county where they all lie settles the
    repeated names (城关镇 is in 88 counties)."""
    names_under: dict[str, set[str]] = {}
    for mention in mentions:
        for div in mention.candidates:
            # Written in full only: 南区 and 北区 (short for two street
            # offices in many cities) are Taiwan's districts as often.
            if div.level == 4 and div.name == mention.name:
                names_under.setdefault(div.parent, set()).add(mention.name)
    return {county for county, names in names_under.items() if len(names) >= 2}


def _names_an_ancestor(previous: Mention, div: Division, settled: Division | None,
                       gazetteer: Gazetteer) -> bool:
    """Whether the mention just before names a place above `div`."""
    readings = [settled] if settled is not None else previous.candidates
    return any(gazetteer.is_ancestor(reading, div) for reading in readings)


_ADDRESS_BEFORE = re.compile(r"址\s*[:：\]]?\s*\d{0,6}\s*$")
_ADDRESS_AFTER = re.compile(r"\s*[\u4e00-\u9fff]{0,6}?(?:路|街|大道|巷|号)")


def _in_address(folded: str, start: int, end: int) -> bool:
    return bool(_ADDRESS_BEFORE.search(folded, max(0, start - 12), start)
                or _ADDRESS_AFTER.match(folded, end))


def extract_regions(folded: str, gazetteer: Gazetteer, anchors: list[str] | None = None,
                    blocked: list[tuple[int, int]] | None = None, chrome: str = "",
                    headline: str | None = None) -> tuple[list[Region], list[Region]]:
    """(regions the document is about, regions it merely mentions).

    `anchors` are folded texts that say what the document is about beyond
    frequency: its title and the titles of its officials. `chrome` is the
    folded text cleaning set aside (site name, footer), which says where the
    page was published and so which of several namesakes the text means.
    `headline` is a given title that the body does not repeat: the places it
    names belong to the document too (臺南市北區年貨大街記者會 over a body that
    gives only the time and the room).
    """
    mentions = find_mentions(folded, gazetteer, blocked)
    background = publisher_places(folded, chrome, gazetteer)
    country = country_hint(folded)
    foreign_weak_from = 1
    if country is None and writes_taiwan_in_full(mentions):
        # Read as Taiwan's too: the mainland city or county its words happen
        # to spell (来宾 'guests', 海东国小 a school, 中山路) needs support.
        # Not a province, a municipality or Hong Kong written short (在中国
        # 四川举行, 北京和上海等地, 由香港入境): such a release names them as places.
        country, foreign_weak_from = "TW", 2
    resolved = resolve(mentions, gazetteer, country, background, foreign_weak_from)
    in_headline = _headline_places(headline, resolved, gazetteer, country, background,
                                   foreign_weak_from) if headline else []
    resolved = in_headline + resolved
    if not resolved:
        return [], []
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    divisions: dict[str, Division] = {}
    for mention, div in resolved:
        counts[div.key] += 1
        first_seen.setdefault(div.key, mention.start)
        divisions[div.key] = div
    # The headline's places, read once with the body's as context, anchor
    # what the document is about; the other anchors are read alone.
    anchored = {div.key for _, div in in_headline}
    for anchor in anchors or []:
        if headline is not None and anchor == headline:
            continue
        for mention, div in resolve(find_mentions(anchor, gazetteer), gazetteer):
            if div.key in divisions:
                anchored.add(div.key)
    top = max(counts.values())
    about_keys = {k for k, c in counts.items() if c >= max(2, top // 2)} | anchored
    # A place written with its province or city before it (安徽金寨县, 河南林州)
    # is where a round-up's story happens, however often the text names it.
    # Not in an address (地址：708台南市安平区永华路), which says where an
    # office sits, not where the story happens. (A headline's places, at
    # negative offsets, are in no address.)
    for (before, above), (mention, div) in zip(resolved, resolved[1:]):
        if before.end == mention.start and gazetteer.is_ancestor(above, div) \
                and not (before.start >= 0 and _in_address(folded, before.start, mention.end)):
            about_keys.add(div.key)
    if not about_keys:
        about_keys = {min(first_seen, key=first_seen.get)}
    # A place is not "about" when a more specific place under it is (as
    # often). Each place hands its count up to its ancestors once, rather than
    # every pair of places being compared (quadratic in the places named).
    most_below: dict[str, int] = {}
    for other in about_keys:
        parent = gazetteer.parent_of(divisions[other])
        while parent is not None:
            most_below[parent.key] = max(most_below.get(parent.key, 0), counts[other])
            parent = gazetteer.parent_of(parent)
    about_keys = {k for k in about_keys if most_below.get(k, 0) < counts[k]}
    # A round-up of several places under one parent (each county of a city)
    # is about the parent too, when the text names it.
    under: Counter[str] = Counter()
    for key in about_keys:
        parent = gazetteer.parent_of(divisions[key])
        if parent is not None and parent.key in divisions:
            under[parent.key] += 1
    about_keys |= {key for key, children in under.items() if children >= 3}
    order = sorted(divisions, key=lambda k: first_seen[k])
    about = [gazetteer.region(divisions[k]) for k in order if k in about_keys]
    mentioned = [gazetteer.region(divisions[k]) for k in order if k not in about_keys]
    return about, mentioned
