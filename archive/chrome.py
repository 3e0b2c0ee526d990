"""Which lines of a scraped page are the site's chrome rather than the article.

A line is judged by its shape, not by a list of one site's phrases:
- separator density: a nav bar or a 当前位置 trail is a row of short items
  between separators (| · > » / and runs of spaces), with no sentence in it;
- the phrases sites open their chrome lines with (当前位置, 相关阅读, 热门标签);
- site identity: copyright, ICP and security-bureau registration numbers;
- contact shape: phone, fax, postcode, address, technical-support lines;
- link lists: runs of three or more short lines without sentence punctuation
  (相关阅读 items, tag clouds scraped one tag a line) next to other chrome;
- a short row of bracketed buttons (【打印】【关闭】).

Chrome is only taken from the page's edges, around the article: everything
before the last strong chrome line that precedes the first sentence, and
everything from the first strong chrome line after the last sentence, with
the contact lines, buttons and link lists adjoining them. A page with no
sentence (a notice of 主題：/時間：/地點： fields) is anchored the same way on
its short lines that no chrome shape explains. A line in the
middle of the article is never taken, whatever it looks like: losing a body
line is worse than keeping a nav bar.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum


class Kind(Enum):
    BLANK = "blank"
    STRONG = "strong"      # chrome by itself
    WEAK = "weak"          # chrome when it adjoins strong chrome (contact lines, buttons)
    SHORT = "short"        # a short line with no sentence: a title, a list item, a byline
    SENTENCE = "sentence"  # article text


# Phrases that open a site line; kept from the first version of the cleaner
# because they are how the seeds' sites announce their chrome.
_SITE_LINE = re.compile(
    r"^\s*(?:"
    r"您的位置|当前位置|您现在的位置|所在位置|首页\s|声明[:：]|免责声明|版权所有|copyright|©|"
    r"联系(?:QQ|电话|我们)|本站(?:所有|将|不对)|相关(?:文章|阅读|新闻|链接)|相關(?:文章|閱讀|新聞)|"
    r"分享到|分享至|标签[:：]|標籤[:：]|热门(?:标签|关键词)|熱門(?:標籤|關鍵詞)|标签云|標籤雲|tags?[:：]|tag标签|关键词[:：]|關鍵詞[:：]|上一篇|下一篇|上一則|下一則|责任编辑|責任編輯|"
    r"扫一扫|掃一掃|打印本页|关闭窗口|【打印】|【关闭】"
    r")", re.I)
_SITE_IDENTITY = re.compile(r"ICP[备備证證]|网站标识码|網站標識碼|公网安备|公網安備|公安机关备案|版权所有|版權所有|"
                            r"copyright|©|all rights reserved", re.I)
_CONTACT = re.compile(r"(?:电话|電話|传真|傳真|热线|熱線)\s*[:：]\s*[\d(（][\d\-－()（） #]{6,}|邮编|郵編|邮政编码|"
                      r"^\s*(?:地址|技术支持|技術支持|主办|主辦|承办|承辦|协办|協辦)\s*[:：]", re.I)
# Buttons and the font-size control: 【打印】【关闭】, 【打印本页】, 字号：大 中 小.
# A button is a verb of a few characters; a single bracketed phrase longer
# than that is a heading (【征才活动资讯】 over a job fair's details).
_BUTTONS = re.compile(r"^\s*【[^】]{1,4}】\s*$|^(?:\s*【[^】]{1,10}】\s*){2,}$"
                      r"|^[【\[]?字[号號体體]\s*[:：]\s*[【\[]?大")
_SENTENCE_PUNCTUATION = re.compile(r"[。！？；!?;]|[，,].*[，,]")
# Separators of nav bars and trails; a run of two or more spaces separates
# items too, a single space only between many items (a tag cloud).
_SEPARATOR = re.compile(r"\s*(?:[|｜│·•»›>→/\\]+|>>)\s*|\s{2,}|\u3000+")
_FIELD = re.compile(r"^[^\s:：，,]{1,6}[:：]\s*\S")
# A line opening with a bullet or an item number is a list item whatever
# follows (【3】某县：某事取得新成效 is a link, not a 'label: value' field).
_LIST_MARKER = re.compile(r"^\s*(?:[·•▪▫◆◇■□●○>»\-*]|【\d+】|[(（]?\d+[)）.、．])")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]")
_SHORT = 30
_SENTENCE_LENGTH = 40
_FOOTER_LENGTH = 60


def _is_item_row(line: str) -> bool:
    """A row of short items between separators: a nav bar or a trail.

    Not a table row or a contact line (more than one item with digits in
    it), a web address, or a name spaced out (市長   黃 偉 哲).
    """
    if _SENTENCE_PUNCTUATION.search(line) or "://" in line or "www." in line.lower():
        return False
    # Only items with a word in them count: 108/04/18 is a date, not a trail.
    pieces = [p for p in _SEPARATOR.split(line.strip()) if p]
    items = [p for p in pieces if _WORD.search(p)]
    # Words apart by single spaces are not enough: a contact line
    # (發稿人：衛生局 技士 王俊欽 科長 蔡玲珊) has that shape too.
    if len(items) < 3:
        return False
    # A 'label: value' item is a field (內/外場人員：學歷不拘/月薪…), not a
    # link; trails that open with a label are known by their phrase.
    if any(":" in p or "：" in p for p in items):
        return False
    if sum(1 for p in pieces if _DIGIT.search(p)) > 1:
        return False
    return max(len(p) for p in items) <= 12 and sum(len(p) for p in items) / len(items) <= 8


def is_site_line(line: str) -> bool:
    """A line that opens like the seeds' sites announce their chrome."""
    return bool(_SITE_LINE.match(line))


def classify(line: str) -> Kind:
    stripped = line.strip()
    if not stripped:
        return Kind.BLANK
    sentence = len(stripped) > _SENTENCE_LENGTH or bool(_SENTENCE_PUNCTUATION.search(stripped))
    if _SITE_LINE.match(stripped) or _is_item_row(stripped):
        return Kind.STRONG
    # A paragraph that mentions a phone number or copyright is still a
    # paragraph; a site's footer line is short.
    if len(stripped) <= _FOOTER_LENGTH and _SITE_IDENTITY.search(stripped):
        return Kind.STRONG
    if len(stripped) <= _FOOTER_LENGTH and not _SENTENCE_PUNCTUATION.search(stripped) \
            and (_CONTACT.search(stripped) or _BUTTONS.match(stripped)):
        return Kind.WEAK
    if sentence:
        return Kind.SENTENCE
    return Kind.SHORT if len(stripped) <= _SHORT else Kind.SENTENCE


def _link_list_above(kinds: list[Kind], lines: list[str], at: int,
                     garbled: Callable[[str], bool]) -> int:
    """How many lines, ending at `at` and running up, form a link list: three
    or more short lines, few of them 'label: value' fields (活动时间：…,
    联络人：…), which are the article's particulars, not links.

    A garbled line ends the run: a site prints its link lists from its own
    template, readable, while a line of mojibake is damage the article's
    text brought with it (a scraped copy's garbled byline), so the short
    lines above it (a price list's rows, a form's last fields) are the
    article's."""
    count = fields = 0
    while at - count >= 0 and kinds[at - count] is Kind.SHORT and not garbled(lines[at - count]):
        fields += bool(_FIELD.match(lines[at - count].strip()))
        count += 1
    return count if count >= 3 and fields * 3 <= count else 0


def _extend(kinds: list[Kind], lines: list[str], at: int, step: int, stop: int,
            garbled: Callable[[str], bool]) -> int:
    """From a strong chrome line, walk over adjoining chrome toward the article.

    Above the article (walking down) that is blank lines, buttons and
    contact lines; short lines there are the headline and its byline, and
    stay. Below it (walking up) it is blank lines and link lists; contact
    lines there may be the article's own (新聞聯絡人：…), and stay.
    """
    while at != stop:
        kind = kinds[at]
        if kind in (Kind.STRONG, Kind.BLANK) or (kind is Kind.WEAK and step > 0):
            at += step
            continue
        run = _link_list_above(kinds, lines, at, garbled) if step < 0 else 0
        if not run:
            break
        at -= run
    return at


def _first_paragraph(lines: list[str], kinds: list[Kind], sentences: list[int]) -> int:
    """The first sentence, unless it is the page's first line, a sentence
    only by its length, and chrome follows it before the next sentence: a
    page's <title> put before its site name and nav bar is long, but it is
    a headline, not a paragraph."""
    first = sentences[0]
    if len(sentences) < 2 or any(kind is not Kind.BLANK for kind in kinds[:first]) \
            or _SENTENCE_PUNCTUATION.search(lines[first]):
        return first
    if any(kind is Kind.STRONG for kind in kinds[first + 1:sentences[1]]):
        return sentences[1]
    return first


def _content_lines(lines: list[str], kinds: list[Kind], garbled: Callable[[str], bool]) -> list[int]:
    """The anchors of a page with no sentence in it: its short lines that no
    chrome shape explains. A notice can be all short lines (a headline over
    主題：/時間：/地點： fields, a one-line title, a list of results), and
    without an anchor the whole page, chrome and all, would count as the
    article.

    Left out: a bulleted or numbered line (a list item); a short line inside
    a link list (three or more short lines, few of them fields, no bulleted
    item counting as one: a nav bar or a 相关阅读 list scraped one item a
    line, a tag cloud); and the page's first line when header chrome (two or
    more strong lines: a nav bar, a trail) parts it from two or more anchors
    below, for it is the site's name or the page's <title>. Any other page
    that opens with one line over strong chrome is ambiguous (that line may
    be the body and the chrome a footer, or the body a list below a site's
    name), and has no anchor.

    Every line between the first and the last anchor stays, whatever its
    shape, so a body shaped like a link list is kept whenever any line of
    the page anchors it; with no anchor at all the whole page is kept."""
    anchors: list[int] = []
    run: list[int] = []  # the current run of short readable lines
    for i, kind in enumerate([*kinds, Kind.BLANK]):
        if kind is Kind.SHORT and not garbled(lines[i]):
            run.append(i)
            continue
        fields = sum(1 for j in run if _FIELD.match(lines[j].strip()) and not _LIST_MARKER.match(lines[j]))
        if len(run) < 3 or fields * 3 > len(run):
            anchors += [j for j in run if not _LIST_MARKER.match(lines[j])]
        run = []
        if kind is Kind.SHORT:  # a garbled line: damage the article brought with it
            anchors.append(i)
    if anchors and all(kind is Kind.BLANK for kind in kinds[:anchors[0]]) \
            and next((kind for kind in kinds[anchors[0] + 1:] if kind is not Kind.BLANK), None) is Kind.STRONG:
        # The page opens with one line over strong chrome: a site's name, or
        # the body over a footer.
        if len(anchors) > 2 and sum(kind is Kind.STRONG for kind in kinds[anchors[0] + 1:anchors[1]]) >= 2:
            return anchors[1:]
        return []
    return anchors


def article_bounds(lines: list[str], garbled: Callable[[str], bool] = lambda line: False) -> tuple[int, int]:
    """(start, end): the lines[start:end] that hold the article; the rest is
    chrome. `garbled` tells a line with mojibake in it (see `archive.clean`)."""
    kinds = [classify(line) for line in lines]
    sentences = [i for i, kind in enumerate(kinds) if kind is Kind.SENTENCE] \
        or _content_lines(lines, kinds, garbled)
    if not sentences:
        return 0, len(lines)
    first, last = _first_paragraph(lines, kinds, sentences), sentences[-1]
    start = 0
    head_strong = [i for i in range(first) if kinds[i] is Kind.STRONG]
    if head_strong:
        start = _extend(kinds, lines, head_strong[-1], 1, first, garbled)
    end = len(lines)
    tail_strong = [i for i in range(last + 1, len(lines)) if kinds[i] is Kind.STRONG]
    if tail_strong:
        end = _extend(kinds, lines, tail_strong[0], -1, last, garbled) + 1
    return start, end
