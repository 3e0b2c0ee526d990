"""Offices taken: a person who is the subject of a verb of taking office.

Stories about a village or a county tell how someone came to their post,
and the name stands a clause or a phrase before the verb, not next to the
office:

- 大学毕业返乡创业的张某某，当选为村党支部书记 (the name closes the clause
  before the verb's);
- 党员李某某回到某村，担任了党支部书记 (the name opens the clause before,
  after the noun that introduces them);
- 援藏干部王某三年前来到某县担任县委副书记 (the name opens the verb's own
  clause).

The holder is read only there, within the sentence and at most three
clauses back (李某今年30岁，是一名退伍军人，今年1月当选村党总支部书记), so a
name further back (another actor of the story) is never taken.
"""
from __future__ import annotations

import re

# The verb right before the office's title (担任了, 当选为, 出任).
_TAKING = re.compile(r"(?:担任|出任|就任|接任|当选为?)了?$")
_TAKING_ENDS = ("任", "选", "为", "了")
# Nouns that introduce a person by what they are (党员某某, 援藏干部某某).
_PERSON_NOUNS = ("党员", "干部", "青年", "大学生", "毕业生", "村民", "能人", "退役军人", "返乡人员")
# Before the verb: a post left or held once (不再担任, 曾经担任, 先后担任).
_NO_LONGER = re.compile(r"(?:不再|曾经?|先后|原|前)$")
# The offices a story about a village, a township or a county tells of being
# taken: a local government's or Party organ's (村党支部书记, 县委副书记), not
# a foreign state's or body's (新一任某国总统, 非盟委员会主席), whose subject
# may be a state or a party.
_LOCAL_ORGAN = re.compile(r"[村镇乡县区市州省]|党(?:支部|总支|委|组)")
_SENTENCE_ENDS = "。！？!?\n"
_CLAUSE_MARKS = "，,；;"
_CLAUSES_BACK = 3


# An office the text marks as held then, not now (石某是当时某村的党支部书记,
# 时任某县县长): the story looks back; the labels leave such posts out.
_HELD_THEN = ("当时", "时任", "那时", "彼时", "当年")


def held_then(office: str) -> bool:
    """The office written after a copula opens with a word of past time."""
    return office.startswith(_HELD_THEN)


def left_before(folded: str, verb_at: int) -> bool:
    """The verb at `verb_at` tells of a post left or held once (曾担任)."""
    return bool(_NO_LONGER.search(folded, max(0, verb_at - 3), verb_at))


def holder(folded: str, title: str, title_start: int, name_after, name_before, is_name) -> tuple[str, int] | None:
    """(name, where it starts) of the one who took the office `title`, which
    starts at `title_start`, when a verb of taking office stands right before
    it; `name_after`/`name_before` read a name from a position, and
    `is_name` tells a name from a word read as one (曾因: "once, because")."""
    if not folded.endswith(_TAKING_ENDS, 0, title_start):
        return None  # most offices: no verb of taking office before them
    if not _LOCAL_ORGAN.search(title):
        return None
    verb = _TAKING.search(folded, max(0, title_start - 4), title_start)
    if not verb:
        return None
    at = verb.start()
    if left_before(folded, at):
        return None  # 不再担任, 曾担任: a post left, not held
    if folded[at - 1:at] in _CLAUSE_MARKS:
        name = name_before(folded, at - 1)
        if name and is_name(name):
            return name, at - 1 - len(name)
    sentence = max(folded.rfind(end, 0, at) for end in _SENTENCE_ENDS) + 1
    clause_end = at
    for _ in range(_CLAUSES_BACK):
        clause = max(folded.rfind(mark, sentence, clause_end) for mark in _CLAUSE_MARKS) + 1
        clause = max(clause, sentence)
        name = name_after(folded, clause)
        if name and is_name(name):
            return name, clause
        for noun in _PERSON_NOUNS:
            found = folded.find(noun, clause, clause_end)
            if found >= 0:
                name = name_after(folded, found + len(noun))
                if name and is_name(name):
                    return name, found + len(noun)
        if clause == sentence:
            break
        clause_end = clause - 1
    return None
