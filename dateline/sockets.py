"""What apps add to the live socket: handlers for what pages send, and groups they may join.

The live app's one consumer sits above every app and knows none of these by name: an app
registers here in its AppConfig.ready(), and the consumer looks here. Handlers and hooks
are coroutines; what touches the database runs through channels' database_sync_to_async.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from dateline import numbers

Consumer = Any  # the live consumer: send_json(), channel_layer, channel_name, scope


@dataclass(frozen=True)
class Family:
    """Groups named prefix + an id (such as a chat room's), which pages ask to join."""

    prefix: str
    # sync, called in a worker thread: may the page join the groups of all these ids?
    may_join: Callable[[list[int]], bool]
    # after a page joined or left group (its name) of this id
    joined: Callable[[Consumer, str, int], Awaitable[None]] | None = None
    left: Callable[[Consumer, str, int], Awaitable[None]] | None = None
    # a permission the page's user must hold (the desk's own groups), or None for readers
    permission: str | None = None

    def id_of(self, group: str) -> int | None:
        if not group.startswith(self.prefix):
            return None
        rest = group[len(self.prefix):]
        return numbers.parse(rest, low=1) if rest[:1] != "0" else None


Handler = Callable[[Consumer, dict], Awaitable[None]]
families: dict[str, Family] = {}
handlers: dict[str, Handler] = {}


def add_family(family: Family) -> None:
    families[family.prefix] = family


def add_handler(message_type: str, handler: Handler) -> None:
    """Handle frames of this type a page sends (e.g. "chat.post")."""
    handlers[message_type] = handler


def family_of(group: str) -> tuple[Family, int] | None:
    for family in families.values():
        if (ident := family.id_of(group)) is not None:
            return family, ident
    return None
