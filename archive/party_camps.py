"""Party camps named by colour: 蓝军议员, 绿营议员 are no one's name.

Taiwan's press and council releases call the parties' sides by colour: 蓝
(the KMT), 绿 (the DPP), 橘 (the PFP), 白 (the TPP), with 军 or 营 ("camp"):
蓝军议员下海夺牌, 绿营议员质询. 蓝 and 白 are surnames too, and jieba lists
only some of these words (绿营), so before a post the surname test reads
蓝军 as a person. The class is closed: a colour and a camp word.
"""
from __future__ import annotations

import re

_CAMP = re.compile(r"[蓝绿橘白][军营]|蓝绿")


def is_camp(name: str) -> bool:
    """The 'name' is a party camp's word (蓝军, 绿营, 蓝绿)."""
    return len(name) == 2 and bool(_CAMP.fullmatch(name))
