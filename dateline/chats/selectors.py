"""Read paths of the chats: the rooms of a language, a room's history, who is there."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import QuerySet
from django.http import Http404

from dateline.chats.models import Message, Room

HISTORY = 50


def rooms(*, language: str) -> list[Room]:
    """Open rooms, general first, each with how many are in it now."""
    found = list(Room.objects.filter(language=language, is_open=True)
                 .select_related("section").order_by("kind", "section__order", "name"))
    counts = cache.get_many([presence_key(r.pk) for r in found])
    for room in found:
        room.present = max(0, counts.get(presence_key(room.pk), 0))
    return found


def room_by_slug(slug: str, *, language: str) -> Room:
    room = Room.objects.filter(language=language, slug=slug).first()
    if room is None:
        raise Http404("no such room")
    return room


def history(room: Room, *, before: int | None = None, limit: int = HISTORY) -> list[Message]:
    """The latest visible messages (older than before), oldest first."""
    qs: QuerySet[Message] = Message.objects.filter(room=room, status=Message.Status.VISIBLE)
    if before is not None:
        qs = qs.filter(pk__lt=before)
    return list(reversed(qs.select_related("author").order_by("-id")[:limit]))


def presence_key(room_id: int) -> str:
    return f"chat:present:{room_id}"


def present(room_id: int) -> int:
    return max(0, cache.get(presence_key(room_id), 0))


def change_presence(room_id: int, delta: int) -> int:
    """Count a socket in or out of a room; shared by all processes through the cache."""
    key = presence_key(room_id)
    try:
        value = cache.incr(key, delta)
    except ValueError:
        cache.add(key, 0, timeout=None)
        value = cache.incr(key, delta)
    return max(0, value)


def held_messages() -> QuerySet[Message]:
    """Messages waiting for a moderator, oldest first."""
    return (Message.objects.filter(status=Message.Status.HELD).select_related("author", "room")
            .order_by("created_at", "id"))
