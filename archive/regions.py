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

from collections import Counter
from dataclasses import dataclass

from .document import Region
from .gazetteer import Division, Gazetteer

# Characters after a short name that show it is part of a longer word, not a
# place: 中山路, 中山大学, 广安门.
_NOT_AFTER_SHORT = set("路街大门桥中小学院站港湾村路号楼厂")


@dataclass
class Mention:
    start: int
    end: int
    name: str
    candidates: list[Division]
    short: bool = False


def _lengths_by_prefix(gazetteer: Gazetteer) -> dict[str, tuple[int, ...]]:
    """For each two-character opening of a name, the name lengths, longest first.

    Scanning then tries only lengths some name actually has at that point,
    instead of every length up to the longest name: most positions in a text
    open no place name at all and cost one dictionary lookup.
    """
    cached = getattr(gazetteer, "_lengths_by_prefix", None)
    if cached is None:
        lengths: dict[str, set[int]] = {}
        for name in list(gazetteer.by_name) + list(gazetteer.by_short_name):
            if len(name) >= 2:
                lengths.setdefault(name[:2], set()).add(len(name))
        cached = {prefix: tuple(sorted(found, reverse=True)) for prefix, found in lengths.items()}
        gazetteer._lengths_by_prefix = cached
    return cached


def find_mentions(folded: str, gazetteer: Gazetteer) -> list[Mention]:
    """Non-overlapping place-name mentions, longest match first at each point."""
    mentions: list[Mention] = []
    by_prefix = _lengths_by_prefix(gazetteer)
    i, n = 0, len(folded)
    while i < n - 1:
        found = None
        for length in by_prefix.get(folded[i:i + 2], ()):
            if i + length > n:
                continue
            piece = folded[i:i + length]
            candidates = gazetteer.lookup(piece)
            if candidates:
                found = Mention(i, i + length, piece, candidates)
                break
            candidates = gazetteer.lookup_short(piece)
            if candidates and (i + length >= n or folded[i + length] not in _NOT_AFTER_SHORT):
                found = Mention(i, i + length, piece, candidates, short=True)
                break
        if found:
            mentions.append(found)
            i = found.end
        else:
            i += 1
    return mentions


def resolve(mentions: list[Mention], gazetteer: Gazetteer) -> list[tuple[Mention, Division]]:
    """Pick one division per mention using the document's other mentions."""
    unambiguous = {m.candidates[0].key for m in mentions if len(m.candidates) == 1}
    all_candidates = {d.key for m in mentions for d in m.candidates}
    resolved: list[tuple[Mention, Division]] = []
    for mention in mentions:
        if len(mention.candidates) == 1:
            div = mention.candidates[0]
            if mention.short and not _supported(div, unambiguous | all_candidates, gazetteer) \
                    and div.level >= 3:
                continue  # a bare short county name with no context is too weak
            resolved.append((mention, div))
            continue
        scored = []
        for div in mention.candidates:
            lineage = {d.key for d in gazetteer.lineage(div)}
            support = len(lineage & unambiguous - {div.key})
            support += sum(1 for key in unambiguous if _descends(key, div, gazetteer))
            scored.append((support, -div.level, div))
        scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
        best = scored[0]
        if best[0] > 0 and (len(scored) == 1 or scored[1][0] < best[0]):
            resolved.append((mention, best[2]))
        elif not mention.short and all(d.level <= 2 for d in mention.candidates) and \
                len({d.level for d in mention.candidates}) == len(mention.candidates):
            # 吉林省 / 吉林市 style collision with no context: the higher level.
            resolved.append((mention, min(mention.candidates, key=lambda d: d.level)))
    return resolved


def _supported(div: Division, keys: set[str], gazetteer: Gazetteer) -> bool:
    lineage = {d.key for d in gazetteer.lineage(div)} - {div.key}
    return bool(lineage & keys) or any(_descends(k, div, gazetteer) for k in keys)


def _descends(key: str, ancestor: Division, gazetteer: Gazetteer) -> bool:
    div = gazetteer.get(key)
    return div is not None and div.key != ancestor.key and gazetteer.is_ancestor(ancestor, div)


def extract_regions(folded: str, gazetteer: Gazetteer, anchors: list[str] | None = None,
                    ) -> tuple[list[Region], list[Region]]:
    """(regions the document is about, regions it merely mentions).

    `anchors` are folded texts that say what the document is about beyond
    frequency: its title and the titles of its officials.
    """
    mentions = find_mentions(folded, gazetteer)
    resolved = resolve(mentions, gazetteer)
    if not resolved:
        return [], []
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    divisions: dict[str, Division] = {}
    for mention, div in resolved:
        counts[div.key] += 1
        first_seen.setdefault(div.key, mention.start)
        divisions[div.key] = div
    anchored = set()
    for anchor in anchors or []:
        for mention, div in resolve(find_mentions(anchor, gazetteer), gazetteer):
            if div.key in divisions:
                anchored.add(div.key)
    top = max(counts.values())
    about_keys = {k for k, c in counts.items() if c >= max(2, top // 2)} | anchored
    if not about_keys:
        about_keys = {min(first_seen, key=first_seen.get)}
    # A place is not "about" when a more specific place under it is.
    about_keys = {k for k in about_keys
                  if not any(other != k and gazetteer.is_ancestor(divisions[k], divisions[other])
                             and counts[other] >= counts[k] for other in about_keys)}
    order = sorted(divisions, key=lambda k: first_seen[k])
    about = [gazetteer.region(divisions[k]) for k in order if k in about_keys]
    mentioned = [gazetteer.region(divisions[k]) for k in order if k not in about_keys]
    return about, mentioned
