"""The live socket: one per open page, subscribed to the groups the page shows.

A client sends {"type": "subscribe", "groups": [...], "after": <last event id it has>} and
receives what it missed, then every new event of those groups, each once, with its id.
Protocol and close codes: docs/live.md.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from dateline import clients, sockets
from dateline.live import groups
from dateline.live import log as catch_up

log = logging.getLogger(__name__)
MAX_FRAME = 4096  # bytes a client frame may hold
MAX_DEPTH = 4  # nesting a client frame may have ({"groups": [...]} is 2)
MAX_GROUPS = 40
# sockets one server process keeps for one client address, and for one account: a reader
# has one per open tab; an office behind one address has many readers
PER_ADDRESS = 60
PER_ACCOUNT = 20
FLOOD_FRAMES = 20  # frames a client may send per FLOOD_SECONDS
FLOOD_SECONDS = 10

CLOSE_MALFORMED = 4400
CLOSE_TOO_LARGE = 4413
CLOSE_FLOOD = 4429
CLOSE_UNKNOWN_ROOM = 4404
CLOSE_TOO_MANY = 4408
CLOSE_UNAVAILABLE = 1013  # "try again later"

_open: Counter[str] = Counter()  # sockets open in this process, per address and account


def _too_deep(raw: str | bytes) -> bool:
    """More nesting than any frame of ours has: refused before the parser recurses.
    Brackets inside strings (a chat message's text) do not count."""
    text = raw if isinstance(raw, str) else raw.decode("latin-1")
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


class LiveConsumer(AsyncWebsocketConsumer):
    async def connect(self) -> None:
        self.groups_joined: set[str] = set()
        self.frames: list[float] = []
        user = self.scope.get("user")
        self.counted = [f"address:{clients.of_scope(self.scope)}"]
        if user is not None and user.is_authenticated:
            self.counted.append(f"account:{user.pk}")
        _open.update(self.counted)
        await self.accept()
        if (_open[self.counted[0]] > PER_ADDRESS
                or len(self.counted) > 1 and _open[self.counted[1]] > PER_ACCOUNT):
            await self.close(CLOSE_TOO_MANY)

    async def disconnect(self, code: int) -> None:
        """Runs however the socket ended; one group's failure does not skip the others."""
        _open.subtract(self.counted)
        for key in self.counted:
            if _open[key] <= 0:
                del _open[key]
        for group in list(self.groups_joined):
            try:
                await self.channel_layer.group_discard(group, self.channel_name)
                found = sockets.family_of(group)
                if found and found[0].left:
                    await found[0].left(self, group, found[1])
            except Exception:
                log.exception("leaving %s failed", group)
        self.groups_joined.clear()

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None):
        now = time.monotonic()
        self.frames = [t for t in self.frames if now - t < FLOOD_SECONDS] + [now]
        if len(self.frames) > FLOOD_FRAMES:
            await self.close(CLOSE_FLOOD)
            return
        raw = text_data if text_data is not None else (bytes_data or b"")
        if len(raw) > MAX_FRAME:
            await self.close(CLOSE_TOO_LARGE)
            return
        if _too_deep(raw):
            await self.close(CLOSE_MALFORMED)
            return
        try:
            message = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            await self.close(CLOSE_MALFORMED)
            return
        if not isinstance(message, dict):
            await self.close(CLOSE_MALFORMED)
            return
        kind = message.get("type")
        if kind == "subscribe":
            await self.subscribe(message)
        elif isinstance(kind, str) and kind in sockets.handlers:
            await sockets.handlers[kind](self, message)
        elif kind == "ping":
            await self.send_json({"type": "pong"})
        else:
            await self.send_json({"type": "error", "error": "unknown message type"})

    async def subscribe(self, message: dict) -> None:
        asked, after = message.get("groups"), message.get("after", 0)
        if (not isinstance(asked, list) or not isinstance(after, int) or after < 0
                or isinstance(after, bool)):
            await self.send_json({"type": "error", "error": "subscribe needs groups and after"})
            return
        wanted = [g for g in asked if isinstance(g, str) and groups.allowed(g)]
        unknown = [g for g in asked if g not in wanted]
        if unknown or len(self.groups_joined | set(wanted)) > MAX_GROUPS:
            await self.send_json({"type": "error", "error": "unknown or too many groups",
                                  "groups": [str(g)[:80] for g in unknown][:10]})
            return
        new = [g for g in wanted if g not in self.groups_joined]
        asked_of: dict[sockets.Family, list[tuple[str, int]]] = {}
        for group in new:
            if found := sockets.family_of(group):
                asked_of.setdefault(found[0], []).append((group, found[1]))
        for family, members in asked_of.items():
            if not await database_sync_to_async(self._may_join)(family, members):
                await self.close(CLOSE_UNKNOWN_ROOM)
                return
        try:
            for group in new:
                await self.channel_layer.group_add(group, self.channel_name)
                self.groups_joined.add(group)
        except Exception as error:  # the channel layer is away: the page retries, and catches up
            log.warning("could not join %s: %s", new, error)
            await self.close(CLOSE_UNAVAILABLE)
            return
        for family, members in asked_of.items():
            for group, ident in members:
                if family.joined:
                    await family.joined(self, group, ident)
        if new and "after" in message:  # after 0: everything the log still has
            rows, complete = await database_sync_to_async(catch_up.replay)(new, after=after)
            if not complete:
                await self.send_json({"type": "resync"})
                return
            for row in rows:
                await self.send_json({"type": "event", "id": row.id, "group": row.group,
                                      "event": row.payload, "replayed": True})
        await self.send_json({"type": "subscribed", "groups": sorted(self.groups_joined)})

    def _may_join(self, family: sockets.Family, members: list[tuple[str, int]]) -> bool:
        user = self.scope.get("user")
        if family.permission and not (user is not None and user.has_perm(family.permission)):
            return False
        return family.may_join([ident for _group, ident in members])

    async def socket_relay(self, message: dict) -> None:
        """A message an app sent to a group, for the pages in it (say, a room's presence)."""
        await self.send_json(message["message"])

    async def domain_event(self, message: dict) -> None:
        await self.send_json({"type": "event", "id": message["id"], "group": message["group"],
                              "event": message["event"]})

    async def send_json(self, content: dict) -> None:
        await self.send(text_data=json.dumps(content, separators=(",", ":")))
