"""Error messages in Chinese as well as English.

The index and the views raise their messages in English (the CLI and the
JSON API print them as they are). The site is Chinese, so each message known
here gets its Chinese reading, worked out from the English one: a message
without an entry still gets a Chinese line, the status's own, so no error
page is ever English only. Keep the patterns in step with the messages in
`indexer/` (query.py, trails.py, search.py, cluster.py) and `web/`; a test runs a bad
request for each.
"""
from __future__ import annotations

import ast
import re

PARAMETER_NAMES = {"from": "起始日期", "to": "结束日期", "date": "日期", "region": "地区",
                   "official": "官员", "page": "页码", "page_size": "每页条数", "script": "字体", "sort": "排序"}

STATUS_NAMES = {400: "请求有误", 404: "找不到", 405: "不支持这种请求方法", 413: "请求太大",
                429: "请求太多，请稍后再试", 500: "内部出错", 503: "索引不可用"}

# (pattern over the English message, Chinese template over its named groups)
CATALOGUE = [
    (r"(?P<name>\w+) must be a whole number from (?P<low>\d+) to (?P<high>\d+)",
     "{name}必须是 {low} 到 {high} 的整数"),
    (r"page (?P<page>\d+) is too deep: results are listed up to (?P<depth>\d+).*",
     "第 {page} 页太深：结果最多列出 {depth} 条，请加筛选条件缩小范围"),
    (r"page (?P<page>\d+) is past the last page \((?P<pages>\d+)\) of (?P<total>\d+) results",
     "第 {page} 页超出了最后一页（共 {pages} 页，{total} 条结果）"),
    (r"page (?P<page>\d+) is past the last page \((?P<pages>\d+)\); this trail has (?P<total>\d+) documents",
     "第 {page} 页超出了最后一页（共 {pages} 页，{total} 篇文章）"),
    (r"order must be (?P<values>.+) \(oldest first by default\)", "顺序只能是 {values}（默认从早到晚）"),
    (r"page size must be between 1 and (?P<max>\d+)", "每页条数必须在 1 到 {max} 之间"),
    (r"the query is (?P<n>\d+) characters long; the limit is (?P<max>\d+)",
     "查询有 {n} 个字符，上限是 {max} 个"),
    (r"the query has (?P<n>\d+) terms; the limit is (?P<max>\d+)", "查询有 {n} 个词，上限是 {max} 个"),
    (r'unbalanced quotes: close the phrase with a second "', "引号不成对：请用第二个引号 \" 结束短语"),
    (r"nothing to search for in (?P<value>.+): a term needs letters, digits or Chinese characters",
     "{value} 里没有可搜索的内容：搜索词需要含有字母、数字或汉字"),
    (r"(?P<term>.+) cannot be one side of OR: exclude a term on its own, outside an OR",
     "{term} 不能作为 OR 的一边：排除的词请单独写在 OR 之外"),
    (r'OR goes between two terms, as in (?P<example>.+); to search for the word, quote it: "OR"',
     'OR 要写在两个词之间，例如 {example}；要搜索 OR 这个词本身，请加引号："OR"'),
    (r"(?P<name>\w+): (?P<value>.+) is not a date; use YYYY, YYYY-MM or YYYY-MM-DD",
     "{name}：{value} 不是日期；请用 YYYY、YYYY-MM 或 YYYY-MM-DD"),
    (r"(?P<name>\w+): (?P<value>.+) is not a valid date", "{name}：{value} 不是有效的日期"),
    (r"from \((?P<start>[^)]*)\) is after to \((?P<end>[^)]*)\)", "起始日期 {start} 晚于结束日期 {end}"),
    (r"region: give a region name or code of at most (?P<max>\d+) characters",
     "地区：请给出不超过 {max} 个字符的地区名称或代码"),
    (r"region: no division called or coded (?P<value>.+) is known", "地区：没有名称或代码为 {value} 的行政区划"),
    (r"region: (?P<value>.+?) is ambiguous: it names (?P<n>\d+) places; use a code(?:: .*)?",
     "地区：{value} 指 {n} 个地方，请用其中一个的代码"),
    (r"official: a name is at most (?P<max>\d+) characters", "官员：姓名最多 {max} 个字"),
    (r"an official's name is 1 to (?P<max>\d+) characters", "官员姓名须为 1 到 {max} 个字"),
    (r"no document names an official (?P<value>.+)", "没有文章提到名为 {value} 的官员"),
    (r"(?P<name>\w+) must be one of (?P<values>.+)", "{name}只能是 {values}"),
    (r"no document with id (?P<value>.+)", "没有编号为 {value} 的文章"),
    (r"no such document", "没有这篇文章"),
    (r"the search index is not available.*", "搜索索引不可用：请先运行 `archive reindex` 建立索引"),
    (r"the archive hit an internal error.*", "档案馆内部出错，已记录下来"),
    # A shard of a cluster's index (indexer/cluster.py), named by number and folder.
    (r"shard (?P<n>\d+) of (?P<count>\d+) \((?P<shard>[^)]*)\) is not available: no worker "
     r"could open it; try again in a while",
     "第 {n} 个分片（共 {count} 个，{shard}）暂不可用：没有工作节点能打开它，请稍后再试"),
    (r"shard (?P<n>\d+) of (?P<count>\d+) \((?P<shard>[^)]*)\) is not available: the workers "
     r"searching it stopped; try again in a while",
     "第 {n} 个分片（共 {count} 个，{shard}）暂不可用：搜索它的工作节点已停止，请稍后再试"),
    (r"shard (?P<n>\d+) of (?P<count>\d+) \((?P<shard>[^)]*)\) did not answer within "
     r"(?P<seconds>\d+) s; try again in a while",
     "第 {n} 个分片（共 {count} 个，{shard}）在 {seconds} 秒内没有回应，请稍后再试"),
    (r"The requested URL was not found on the server\..*", "这个网址上没有网页"),
    (r"The method is not allowed for the requested URL\.", "这个网址不支持这种请求方法"),
]
_COMPILED = [(re.compile(pattern, re.DOTALL), template) for pattern, template in CATALOGUE]


def _value(text: str) -> str:
    """A value the English message quoted with repr(), in Chinese quotation marks."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        try:
            text = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            text = text[1:-1]
    return f"“{text}”"


def chinese(message: str, status: int = 400) -> str:
    """The Chinese reading of an English error message; the status's name if none is known."""
    for pattern, template in _COMPILED:
        match = pattern.fullmatch(message)
        if match:
            groups = match.groupdict()
            if "name" in groups:
                groups["name"] = PARAMETER_NAMES.get(groups["name"], groups["name"])
            if "value" in groups:
                groups["value"] = _value(groups["value"])
            return template.format(**groups)
    return STATUS_NAMES.get(status, "出错了")


def bilingual(message: str, status: int = 400) -> str:
    """Chinese first, English after: `页码必须是 1 到 1000 的整数 · page must be …`."""
    return f"{chinese(message, status)} · {message}"
