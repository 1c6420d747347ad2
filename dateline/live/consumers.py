"""The live socket: one per open page, subscribed to the groups the page shows.

A client sends {"type": "subscribe", "groups": [...], "after": <last event id it has>} and
receives what it missed, then every new event of those groups, each once, with its id.
Protocol and close codes: docs/live.md.
"""

from __future__ import annotations

import json
import time

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from dateline import sockets
from dateline.live import groups
from dateline.live import log as catch_up

MAX_FRAME = 4096  # bytes a client frame may hold
MAX_GROUPS = 40
FLOOD_FRAMES = 20  # frames a client may send per FLOOD_SECONDS
FLOOD_SECONDS = 10

CLOSE_MALFORMED = 4400
CLOSE_TOO_LARGE = 4413
CLOSE_FLOOD = 4429
CLOSE_UNKNOWN_ROOM = 4404


class LiveConsumer(AsyncWebsocketConsumer):
    async def connect(self) -> None:
        self.groups_joined: set[str] = set()
        self.frames: list[float] = []
        await self.accept()

    async def disconnect(self, code: int) -> None:
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)
            found = sockets.family_of(group)
            if found and found[0].left:
                await found[0].left(self, group, found[1])

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
            if not await database_sync_to_async(family.may_join)([i for _g, i in members]):
                await self.close(CLOSE_UNKNOWN_ROOM)
                return
        for group in new:
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.add(group)
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

    async def socket_relay(self, message: dict) -> None:
        """A message an app sent to a group, for the pages in it (say, a room's presence)."""
        await self.send_json(message["message"])

    async def domain_event(self, message: dict) -> None:
        await self.send_json({"type": "event", "id": message["id"], "group": message["group"],
                              "event": message["event"]})

    async def send_json(self, content: dict) -> None:
        await self.send(text_data=json.dumps(content, separators=(",", ":")))
