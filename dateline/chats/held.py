"""The chats as a source for the one moderation queue."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from dateline.chats import actions, selectors
from dateline.chats.models import Message
from dateline.moderation.sources import Held


class Messages:
    kind = "message"
    label = _("chat message")

    def held(self, limit: int) -> list[Held]:
        return [Held(kind=self.kind, pk=m.pk, author=m.author, text=m.body, where=m.room.name,
                     where_url="", reason=m.held_because, created_at=m.created_at)
                for m in selectors.held_messages()[:limit]]

    def author(self, pk: int):
        return Message.objects.select_related("author").get(pk=pk).author

    def approve(self, pk: int, *, by) -> None:
        actions.approve_message(Message.objects.get(pk=pk), by=by)

    def remove(self, pk: int, *, by) -> None:
        actions.delete_message(Message.objects.get(pk=pk), by=by)

    def refuse_held_from(self, user, *, by) -> None:
        actions.refuse_held_from(user, by=by)
