"""A public office joined by 暨 to a civil body's post, then the name.

Presidential Office releases introduce a guest by every hat they wear,
joined by 暨 ("and also"): 总统府国策顾问暨保安宫董事长某某, 资政暨台湾观光
协会会长某某, 立委暨市党部主委某某. The civil post next to the name holds no
public office, but the one before 暨 does, and the person holds it: the
labels give them that office (总统府国策顾问).
"""
from __future__ import annotations

import re
from collections.abc import Callable

# 暨, a civil body's name (中华民国药师公会全国联合会 runs to 14 characters;
# 荣誉 or 名誉 may qualify the post), then the post of a civil body's head.
_CIVIL_HAT = re.compile(r"暨[^，,。；;：:、！!？?\n暨]{1,24}?(?:董事长|理事长|会长|副会长|主任委员|主委|执行长|社长|总干事)")


def holder_after(folded: str, post_end: int, name_after: Callable[[str, int], str | None]) -> tuple[str, int] | None:
    """(name, position) of the person a public post ending at `post_end` is
    joined by 暨 to, across the civil body's post they also hold."""
    hat = _CIVIL_HAT.match(folded, post_end)
    if not hat:
        return None
    name = name_after(folded, hat.end())
    return (name, hat.end()) if name else None
