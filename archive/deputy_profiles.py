"""Deputies introduced one by one under headings of their own.

A news feature on the deputies of a congress (《二十大代表风采》, or a story of
the deputies at this year's 两会) says in its lead that the people it
profiles are deputies, then gives each a section opened by a heading line:
the name, a colon and a slogan (某某：把论文写在大地上). The heading names the
person and the lead gives the post; the body often names them with no public
office at all (a researcher, a worker), or with none.

Each heading's name, written again in the story, is a deputy: the office is
the congress's deputy (二十大代表) when the feature names the congress, else
none is written (两会 stories: 来自基层一线的代表), and an office the text
gives the person elsewhere comes first (`officials` reads it).
"""
from __future__ import annotations

import re

from .common_words import is_common_word, word_tags
from .dotted_names import is_whole
from .names import SURNAMES_1, SURNAMES_2, is_cjk_run

# The feature's name: a congress, then 代表风采 (二十大代表风采).
_SERIES = re.compile(r"([一二三四五六七八九十]{1,3}大|人大)?代表风采")
# A 两会 story about the deputies who came to it.
_SESSIONS = re.compile(r"两会[^。\n]{0,30}代表")
# A heading line: a name, a colon, a short slogan.
_HEADING = re.compile(r"^([\u4e00-\u9fff·]{2,12})[：:][^\n]{2,30}$", re.M)
_LEAD_CHARS = 300
# Characters of grammar no given name holds. The heading's structure vouches
# for the name, so characters the running-text pattern shuns (其, 从: 殷其龙,
# 潘从明) may stand in it.
_NOT_IN_HEADING_NAME = set("的了是在们这那和与及把被让给向对为")


def _heading_name(name: str) -> bool:
    """A heading's name: dotted parts, or a surname and a given name of one
    or two characters that is no word (a name jieba lists, 李鹏, is one)."""
    if is_whole(name):
        return True
    surname = 2 if name[:2] in SURNAMES_2 else 1 if name[:1] in SURNAMES_1 else 0
    return bool(surname) and 1 <= len(name) - surname <= 2 and is_cjk_run(name) \
        and not any(c in _NOT_IN_HEADING_NAME for c in name) \
        and (not is_common_word(name) or word_tags().get(name, "").startswith("nr"))


def deputies_office(folded: str) -> str | None:
    """The office the lead gives everyone the feature profiles ("" when it
    names deputies but no congress), or None when it is no such feature."""
    first_line = folded.find("\n")
    lead = folded[:first_line if 0 < first_line < _LEAD_CHARS else _LEAD_CHARS]
    series = _SERIES.search(lead)
    if series:
        return series.group(1) + "代表" if series.group(1) else ""
    return "" if _SESSIONS.search(lead) else None


def subjects(folded: str) -> list[tuple[str, int, str]]:
    """(name, where its heading starts, office) for each deputy of the
    feature, in the order of the headings."""
    if folded.find("代表", 0, _LEAD_CHARS) < 0:
        return []  # cheap test first: most stories are no deputies' feature
    office = deputies_office(folded)
    if office is None:
        return []
    found = []
    for heading in _HEADING.finditer(folded):
        name = heading.group(1)
        if heading.start() == 0 or folded.count(name) < 2:
            continue  # the title line, or a heading whose "name" the story never writes again
        if _heading_name(name):
            found.append((name, heading.start(), office))
    return found
