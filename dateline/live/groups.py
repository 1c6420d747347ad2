"""Channel-layer group names: which group hears which event, and which names a page may ask for.

Every group name in Dateline is made and read here.
"""

from __future__ import annotations

import re

from dateline import sockets
from dateline.events import (
    ArticleEvent,
    ChatMessageChanged,
    CommentChanged,
    Event,
    WireItemChanged,
)

# what any page may subscribe to: the newsfeed of an edition, a story's discussion; apps add
# families of their own (a chat room: see dateline/sockets.py)
OPEN = re.compile(r"^(newsfeed\.(en|ru)|discussion\.[1-9][0-9]{0,11})$")
CHAT_PREFIX = "chat."
WIRE_PREFIX = "wire."  # the wire monitor, per agency: the desk's, never a reader's


def allowed(group: str) -> bool:
    return bool(OPEN.match(group)) or sockets.family_of(group) is not None


def newsfeed(language: str) -> str:
    return f"newsfeed.{language}"


def discussion(article_id: int) -> str:
    return f"discussion.{article_id}"


def chat(room_id: int) -> str:
    return f"{CHAT_PREFIX}{room_id}"


def wire(agency_id: int) -> str:
    return f"{WIRE_PREFIX}{agency_id}"


def of(event: Event) -> str | None:
    """The group whose pages hear this event, if any."""
    if isinstance(event, ArticleEvent):
        return newsfeed(event.language)
    if isinstance(event, CommentChanged):
        return discussion(event.article_id)
    if isinstance(event, ChatMessageChanged):
        return chat(event.room_id)
    if isinstance(event, WireItemChanged):
        return wire(event.agency_id)
    return None
