"""The catalogue of domain events, emit() and listen().

Only actions emit, and only after their transaction commits: a listener never sees a change
that was rolled back. An event is carried to every process that serves readers and reaches
each listener once (how it is carried is the transport's business: the live app installs
the catch-up log as the bus). Events are small typed records of ids and plain values; a
listener never reaches back into another app's internals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from typing import ClassVar

from django.db import transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    type: ClassVar[str] = "event"
    kinds: ClassVar[dict[str, type[Event]]] = {}
    # its place in the catch-up log, once carried there; pages replay from it
    id: int | None = field(default=None, kw_only=True, compare=False)

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "type" in cls.__dict__:
            Event.kinds[cls.type] = cls

    def payload(self) -> dict:
        data = asdict(self)
        del data["id"]
        return {"type": self.type, **data}

    @staticmethod
    def from_payload(payload: dict, *, id: int | None = None) -> Event:
        """The event a payload describes (fields it no longer knows are left out)."""
        kind = Event.kinds[payload["type"]]
        names = {f.name for f in fields(kind)} - {"id"}
        return kind(**{k: v for k, v in payload.items() if k in names}, id=id)

    def numbered(self, id: int) -> Event:
        return replace(self, id=id)


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
class SiteChanged(Event):
    """A section, tag or agency was created, renamed or removed: menus and credits change.
    Also told once for stories imported in bulk (kind "articles", the newest story's id)."""

    type: ClassVar[str] = "site.changed"
    kind: str  # "section", "tag", "agency", "author", "articles"
    object_id: int
    language: str = ""  # empty for what both editions share (agencies)


@dataclass(frozen=True)
class CommentChanged(Event):
    """A comment appeared, changed, or left view; carries the story's exact count."""

    type: ClassVar[str] = "comment.changed"
    article_id: int
    article_url: str
    comment_id: int
    status: str
    comment_count: int


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


@dataclass(frozen=True)
class RoomChanged(Event):
    """A chat room was opened, closed or renamed."""

    type: ClassVar[str] = "chat.room"
    room_id: int
    language: str


@dataclass(frozen=True)
class WireItemChanged(Event):
    """A wire item arrived (or a new version of one), or the desk must look at one: an alert
    ("urgent", "kill", "withhold") names the story we ran from it, if any."""

    type: ClassVar[str] = "wire.item"
    item_id: int
    agency_id: int
    agency: str
    language: str
    priority: int
    status: str
    headline: str
    received_at: str
    cluster_id: int | None = None
    alert: str = ""
    article_id: int | None = None
    replaces: int | None = None  # the item's version this one supersedes, if any


Listener = Callable[[Event], None]
_listeners: list[tuple[int, type[Event], Listener]] = []


def listen(event_type: type[Event], listener: Listener, *,
           order: int = 0) -> Callable[[], None]:
    """Call listener once for every event of event_type (or a subclass), after commit.

    Listeners run in ascending order; those that tell the outside world (live pages) use a
    high order, so that whatever a page fetches on hearing of an event is already fresh.
    Returns a function that stops the listening.
    """
    entry = (order, event_type, listener)
    if entry not in _listeners:
        _listeners.append(entry)
        _listeners.sort(key=lambda e: e[0])
    return lambda: _listeners.remove(entry) if entry in _listeners else None


def deliver(event: Event) -> None:
    """Run every listener for event here and now. The transport calls this."""
    for _order, event_type, listener in list(_listeners):
        if isinstance(event, event_type):
            try:
                listener(event)
            except Exception:  # one listener's failure must not keep the event from others
                log.exception("listener %r failed on %s", listener, event.type)


def _nowhere() -> int:
    return 0


_transport: Callable[[Event], None] = deliver
_position: Callable[[], int] = _nowhere


def set_transport(carry: Callable[[Event], None], position: Callable[[], int]) -> None:
    """How emitted events travel to the listeners (by default: here, at once), and how far
    they have come: the id of the newest event delivered here."""
    global _transport, _position
    _transport, _position = carry, position


def position() -> int:
    """The newest event id delivered here. A page embeds it, read before its queries, and
    its socket asks for what came after: nothing committed meanwhile is lost."""
    return _position()


def emit(event: Event) -> None:
    """Carry event to its listeners after the transaction commits."""
    transaction.on_commit(lambda: _carry(event), robust=True)


def _carry(event: Event) -> None:
    try:
        _transport(event)
    except Exception:  # a hiccup on the way must never undo or block a newsroom write
        log.exception("could not carry %s", event.type)
