"""What the live socket does for chat rooms: joining (with presence), posting, deleting and
reporting through the chats' actions. Registered with the socket in ChatsConfig.ready()."""

from __future__ import annotations

import asyncio
import weakref

from channels.db import database_sync_to_async
from django.core.exceptions import PermissionDenied, ValidationError

from dateline import sockets
from dateline.chats import actions, selectors
from dateline.chats.models import Message, Room


def rooms_open(ids: list[int]) -> bool:
    return Room.objects.filter(pk__in=ids, is_open=True).count() == len(set(ids))


PRESENCE_EVERY = 1.0  # seconds: a room hears its count at most this often from a process
# rooms with a count on its way, per event loop (a loop that ends takes its own along)
_due: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def _presence(consumer, group: str, room_id: int, delta: int) -> None:
    """Count the reader in or out at once; tell the room once a second at most, however
    many came and went: one message per room, not one per socket per socket."""
    await database_sync_to_async(selectors.change_presence)(room_id, delta)
    loop = asyncio.get_running_loop()
    due = _due.setdefault(loop, set())
    if group in due:
        return
    due.add(group)
    layer = consumer.channel_layer
    loop.call_later(PRESENCE_EVERY, lambda: loop.create_task(_tell(layer, due, group, room_id)))


async def _tell(layer, due: set, group: str, room_id: int) -> None:
    due.discard(group)
    count = await database_sync_to_async(selectors.present)(room_id)
    await layer.group_send(group, {"type": "socket.relay", "message": {
        "type": "presence", "room": room_id, "count": count}})


async def joined(consumer, group: str, room_id: int) -> None:
    await _presence(consumer, group, room_id, +1)


async def left(consumer, group: str, room_id: int) -> None:
    await _presence(consumer, group, room_id, -1)


def _post(user, room_id, body) -> dict:
    room = Room.objects.filter(pk=room_id).first()
    if room is None:
        return {"type": "error", "error": "unknown room"}
    message = actions.post_message(room, by=user, body=body)
    return {"type": "chat.posted", "id": message.pk, "status": message.status}


def _delete(user, message_id) -> dict:
    message = Message.objects.filter(pk=message_id).first()
    if message is None:
        return {"type": "error", "error": "no such message"}
    actions.delete_message(message, by=user)
    return {"type": "chat.deleted", "id": message.pk}


def _report(user, message_id, reason) -> dict:
    message = Message.objects.filter(pk=message_id).first()
    if message is None:
        return {"type": "error", "error": "no such message"}
    actions.report_message(message, by=user, reason=reason)
    return {"type": "chat.reported", "id": message.pk}


async def _answer(consumer, run, *args) -> None:
    try:
        answer = await database_sync_to_async(run)(consumer.scope.get("user"), *args)
    except PermissionDenied as exc:
        answer = {"type": "error", "error": str(exc) or "forbidden", "code": 403}
    except ValidationError as exc:
        answer = {"type": "error", "error": " ".join(exc.messages), "code": 400}
    await consumer.send_json(answer)


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


async def post(consumer, message: dict) -> None:
    room, body = message.get("room"), message.get("body")
    if not _is_id(room) or not isinstance(body, str):
        await consumer.send_json({"type": "error", "error": "chat.post needs room and body"})
        return
    await _answer(consumer, _post, room, body)


async def delete(consumer, message: dict) -> None:
    target = message.get("message")
    if not _is_id(target):
        await consumer.send_json({"type": "error", "error": "chat.delete needs message"})
        return
    await _answer(consumer, _delete, target)


async def report(consumer, message: dict) -> None:
    target, reason = message.get("message"), message.get("reason")
    if not _is_id(target) or not isinstance(reason, str):
        await consumer.send_json({"type": "error",
                                  "error": "chat.report needs message and reason"})
        return
    await _answer(consumer, _report, target, reason)


def register() -> None:
    sockets.add_family(sockets.Family(prefix="chat.", may_join=rooms_open, joined=joined,
                                      left=left))
    sockets.add_handler("chat.post", post)
    sockets.add_handler("chat.delete", delete)
    sockets.add_handler("chat.report", report)
