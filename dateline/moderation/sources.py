"""What moderators look after, registered by the apps whose readers write it.

Moderation sits below the discussion and the chats: it cannot import them. Each registers a
Source in its AppConfig.ready(), through which the one queue lists what is held, and bans
and decisions reach what it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class Held:
    """One item waiting for a moderator, as the queue shows it."""

    kind: str
    pk: int
    author: object | None  # the user, or None once their account is gone
    text: str
    where: str
    where_url: str
    reason: str
    created_at: datetime


class Source(Protocol):
    kind: str  # a name for forms and URLs: "comment", "message"
    label: str  # what a moderator reads: "comment", "chat message"

    def held(self, limit: int) -> list[Held]:
        """Items waiting for a moderator, oldest first."""

    def author(self, pk: int):
        """Who wrote item pk (None if unknown); ObjectDoesNotExist if there is no such item."""

    def approve(self, pk: int, *, by) -> None: ...

    def remove(self, pk: int, *, by) -> None: ...

    def refuse_held_from(self, user, *, by) -> None:
        """A ban: what the reader wrote that still waits is refused."""


sources: dict[str, Source] = {}


def register(source: Source) -> None:
    sources[source.kind] = source
