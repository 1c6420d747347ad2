"""The catalogue of domain events and emit().

Only actions emit, and only after their transaction commits: a listener never sees a change
that was rolled back. Each event goes to in-process listeners (cache invalidation) and to the
channel layer groups it names (live pages on every server process).
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import ClassVar

from django.db import transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    type: ClassVar[str] = "event"

    def groups(self) -> list[str]:
        return []

    def payload(self) -> dict:
        return {"type": self.type, **asdict(self)}


@dataclass(frozen=True)
class ArticleEvent(Event):
    article_id: int
    language: str
    section_id: int
    headline: str
    url: str
    published_at: str | None
    is_breaking: bool = False

    @classmethod
    def of(cls, article) -> ArticleEvent:
        return cls(
            article_id=article.pk,
            language=article.language,
            section_id=article.section_id,
            headline=article.headline,
            url=article.get_absolute_url(),
            published_at=article.published_at.isoformat() if article.published_at else None,
            is_breaking=article.is_breaking,
        )

    def groups(self) -> list[str]:
        return [f"newsfeed.{self.language}"]


@dataclass(frozen=True)
class ArticlePublished(ArticleEvent):
    type: ClassVar[str] = "article.published"


@dataclass(frozen=True)
class ArticleUpdated(ArticleEvent):
    type: ClassVar[str] = "article.updated"


@dataclass(frozen=True)
class ArticleUnpublished(ArticleEvent):
    type: ClassVar[str] = "article.unpublished"


@dataclass(frozen=True)
class CommentChanged(Event):
    """A comment appeared, changed, or left view; carries the story's exact count."""

    type: ClassVar[str] = "comment.changed"
    article_id: int
    article_url: str
    comment_id: int
    status: str
    comment_count: int

    def groups(self) -> list[str]:
        return [f"discussion.{self.article_id}"]


@dataclass(frozen=True)
class ChatMessageChanged(Event):
    """A chat message appeared (visible) or went (deleted); carries what a page shows."""

    type: ClassVar[str] = "chat.message"
    room_id: int
    message_id: int
    status: str
    author: str
    body: str
    created_at: str
    body_html: str = ""  # the body escaped, its links made safe anchors (rel=nofollow)

    def groups(self) -> list[str]:
        return [f"chat.{self.room_id}"]


Listener = Callable[[Event], None]
_listeners: dict[type[Event], list[Listener]] = defaultdict(list)


def listen(event_type: type[Event], listener: Listener) -> None:
    """Call listener in-process for every event of event_type (or a subclass) after commit."""
    if listener not in _listeners[event_type]:
        _listeners[event_type].append(listener)


def emit(event: Event) -> None:
    """Deliver event to its listeners and groups after the transaction commits."""
    transaction.on_commit(lambda: deliver(event), robust=True)


def deliver(event: Event) -> None:
    for event_type, listeners in list(_listeners.items()):
        if isinstance(event, event_type):
            for listener in listeners:
                listener(event)
    from dateline.live import bridge
    from dateline.live import log as catch_up

    payload = {**event.payload(), "sent_at": time.time()}
    messages = []
    try:
        for group in event.groups():
            # logged first: a page connecting now replays it, or receives it, never neither
            event_id = catch_up.record(group, payload)
            messages.append((group, {"type": "domain.event", "id": event_id, "group": group,
                                     "event": payload}))
        bridge.send(messages)
    except Exception:  # a live-page hiccup must never undo or block a newsroom write
        log.exception("could not deliver %s to %s", event.type, event.groups())
