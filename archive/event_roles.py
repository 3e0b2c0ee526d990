"""Words for the part a person plays at an event: 与会者 ("attendee"),
出席者, 参加者, 主讲者. They introduce the people who follow and name no
organ, so an office never opens with one: 与会者劳动部…科长叶某某 holds
劳动部…科长. Other words in 者 stay readable inside organs (消费者保护处,
身心障碍者权益…), so the class is the closed set of event roles, not 者.
"""
from __future__ import annotations

# Matched against dictionary words, so only roles the dictionary holds whole
# (出席者 is cut 出席|者, and the verb 出席 already stops an office).
EVENT_ROLES = frozenset({"与会者", "参加者", "参与者", "主持者", "发言者", "受访者", "来宾", "贵宾", "嘉宾"})


def is_event_role(word: str) -> bool:
    return word in EVENT_ROLES
