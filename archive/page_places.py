"""Where a page was published, from its chrome: the places that settle a
township the page names without its county.

A county or township government's site writes 龙门镇 (fourteen counties have
one) and never says which county: everyone reading the site knows. The page
itself does say, outside the story:

- the site's identifier codes in its footer: 政府网站标识码 5118260001 opens
  with the code of the division that runs the site, and a 公网安备 filing
  number (51182602000001号) with the code of the county whose police filed it;
- the site's own name and publisher lines (芦山县人民政府 主办, 版权所有,
  来源：XX县融媒体中心), in the lines cleaning set aside.

These places support a reading; they are not regions of the story (a page of
芦山县's site about 龙门镇 is about 龙门镇).
"""
from __future__ import annotations

import re

from .gazetteer import Division, Gazetteer

_SITE_CODES = re.compile(r"网站标识码\s*[:：]?\s*(\d{10})(?!\d)|公网安备\s*(\d{14})(?!\d)")


def division_of_code(code: str, gazetteer: Gazetteer) -> Division | None:
    """The division a six-digit administrative code names (510000 is the
    province 51, 511800 the city 5118, 511826 the county)."""
    if len(code) != 6 or not code.isdigit():
        return None
    if code.endswith("0000"):
        return gazetteer.get(code[:2])
    if code.endswith("00"):
        return gazetteer.get(code[:4])
    return gazetteer.get(code)


def site_code_places(folded: str, gazetteer: Gazetteer) -> set[str]:
    """Keys of the divisions the page's site identifier codes name."""
    keys = set()
    for match in _SITE_CODES.finditer(folded):
        division = division_of_code((match.group(1) or match.group(2))[:6], gazetteer)
        if division is not None:
            keys.add(division.key)
    return keys


def chrome_places(folded_chrome: str, gazetteer: Gazetteer) -> set[str]:
    """Keys of the places the page's chrome names in full (芦山县人民政府),
    resolved among themselves; short names there are too loose to trust."""
    from .regions import find_mentions, resolve
    return {div.key for mention, div in resolve(find_mentions(folded_chrome, gazetteer), gazetteer)
            if not mention.short}


def publisher_places(folded_body: str, folded_chrome: str, gazetteer: Gazetteer) -> set[str]:
    """Where the page was published, as far as its codes and chrome tell."""
    return site_code_places(folded_body + "\n" + folded_chrome, gazetteer) | \
        chrome_places(folded_chrome, gazetteer)
