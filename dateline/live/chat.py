"""What the live socket does for chat rooms: post and delete through the chats' actions."""

from __future__ import annotations

from channels.db import database_sync_to_async
from django.core.exceptions import PermissionDenied, ValidationError

from dateline.chats import actions, selectors
from dateline.chats.models import Message, Room

change_presence = selectors.change_presence


def rooms_open(ids: list[int]) -> bool:
    return Room.objects.filter(pk__in=ids, is_open=True).count() == len(set(ids))


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


async def handle(consumer, message: dict) -> None:
    user = consumer.scope.get("user")
    kind = message["type"]
    try:
        if kind == "chat.post":
            room, body = message.get("room"), message.get("body")
            if not isinstance(room, int) or not isinstance(body, str):
                answer = {"type": "error", "error": "chat.post needs room and body"}
            else:
                answer = await database_sync_to_async(_post)(user, room, body)
        elif kind == "chat.report":
            target, reason = message.get("message"), message.get("reason")
            answer = ({"type": "error", "error": "chat.report needs message and reason"}
                      if not isinstance(target, int) or not isinstance(reason, str)
                      else await database_sync_to_async(_report)(user, target, reason))
        else:
            target = message.get("message")
            answer = ({"type": "error", "error": "chat.delete needs message"}
                      if not isinstance(target, int)
                      else await database_sync_to_async(_delete)(user, target))
    except PermissionDenied as exc:
        answer = {"type": "error", "error": str(exc) or "forbidden", "code": 403}
    except ValidationError as exc:
        answer = {"type": "error", "error": " ".join(exc.messages), "code": 400}
    await consumer.send_json(answer)
