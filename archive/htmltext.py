"""Visible text and title from an HTML page, with the page chrome left out.

Scripts, styles and the elements that hold navigation rather than content
(nav, header, footer, aside, form) are dropped; block elements become line
breaks so that the line-based cleaning that follows sees the page's layout.
When the page marks its article (<article>, <main>, or an element whose id or
class names the content), only that part is taken as the body.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer",
         "aside", "form", "iframe", "svg", "select", "button"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
          "tr", "table", "section", "article", "main", "blockquote", "pre", "dd", "dt"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col"}
_CONTENT_HINT = re.compile(r"(^|[-_ ])(article|content|post|entry|main|text|detail|news)([-_ ]|$)", re.I)


@dataclass
class PageText:
    title: str | None
    text: str


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, opens a content region)
        # How many of each tag the stack holds: an end tag with no open match
        # (</i> after a thousand unclosed <b>) is ignored without a scan,
        # which would make a page of stray end tags quadratic.
        self.open_count: Counter[str] = Counter()
        self.skip_depth = 0
        self.parts: list[str] = []
        self.content_parts: list[str] = []
        self.content_depth = 0
        self.found_content = False
        self.content_has_text = False  # kept as parts come, not re-joined at each close
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.in_title = self.in_h1 = False

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            if tag == "br":
                self._emit("\n")
            return
        attrs = dict(attrs)
        hint = " ".join(filter(None, (attrs.get("id"), attrs.get("class"))))
        opens = (tag in ("article", "main") or bool(_CONTENT_HINT.search(hint))) \
            and self.content_depth == 0 and not self.found_content
        self.stack.append((tag, opens))
        self.open_count[tag] += 1
        if opens:
            self.content_depth = 1
        elif self.content_depth:
            self.content_depth += 1
        if tag in _SKIP:
            self.skip_depth += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in _BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag):
        # Pop to the matching open tag; tolerate unclosed children. Each tag
        # is popped once, so the scans add up to the tags opened.
        for i in range(len(self.stack) - 1 if self.open_count[tag] else -1, -1, -1):
            if self.stack[i][0] == tag:
                for open_tag, opened in reversed(self.stack[i:]):
                    self.open_count[open_tag] -= 1
                    if open_tag in _SKIP:
                        self.skip_depth -= 1
                    if self.content_depth:
                        self.content_depth -= 1
                        if opened or self.content_depth == 0:
                            self.content_depth = 0
                            if self.content_has_text:
                                self.found_content = True
                del self.stack[i:]
                break
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK:
            self._emit("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self._emit(data)

    def close(self):
        # A comment the page never closes (a truncated scrape) runs to the end,
        # as browsers read it; html.parser would give it back as text, "<!--"
        # and the markup after it included. feed() stops before it, so what
        # is left unparsed from "<!--" on is the comment.
        if self.rawdata.startswith("<!--"):
            self.rawdata = ""
        super().close()

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        if self.content_depth and not self.found_content:
            self.content_parts.append(text)
            self.content_has_text = self.content_has_text or bool(text.strip())


def _tidy(text: str) -> str:
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> PageText:
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    body = _tidy("".join(parser.content_parts)) if parser.found_content else ""
    if not body:
        body = _tidy("".join(parser.parts))
    h1 = _tidy("".join(parser.h1_parts))
    title = h1 or _tidy("".join(parser.title_parts)) or None
    if title and body and not body.startswith(title):
        body = f"{title}\n{body}"
    return PageText(title=title, text=body)
