"""Reads counted in the cache, in one bucket per minute, until a job writes them down.

Django's cache API has no sets, so each bucket keeps its own index: the first beacon for a
counter key wins its `cache.add` and takes the next slot (`cache.incr` of the bucket's slot
count, atomic on Redis and in local memory alike), writing the key's name into that slot.
Every process counts into the same keys; the flush reads slots 1..n and their counters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

PREFIX = "analytics"
KEEP_SECONDS = 6 * 3600  # long enough for a worker that was down a while to catch up
BUCKET = timedelta(minutes=1)


@dataclass(frozen=True)
class Read:
    article: int  # 0 for pages that are not a story
    section: int  # 0 for pages of no section
    language: str
    kind: str

    def name(self) -> str:
        return f"{self.article}:{self.section}:{self.language}:{self.kind}"

    @classmethod
    def parse(cls, name: str) -> Read | None:
        parts = name.split(":")
        if len(parts) != 4 or not (parts[0].isdigit() and parts[1].isdigit()):
            return None
        return cls(int(parts[0]), int(parts[1]), parts[2], parts[3])


def minute_of(when: datetime) -> datetime:
    return when.replace(second=0, microsecond=0)


def _stamp(minute: datetime) -> int:
    return int(minute.timestamp())


def _slots_key(minute: datetime) -> str:
    return f"{PREFIX}:{_stamp(minute)}:slots"


def _counter_key(minute: datetime, read: Read) -> str:
    return f"{PREFIX}:{_stamp(minute)}:n:{read.name()}"


def _slot_key(minute: datetime, slot: int) -> str:
    return f"{PREFIX}:{_stamp(minute)}:slot:{slot}"


def count(read: Read, *, when: datetime | None = None) -> None:
    """Add one read to the current minute's bucket."""
    minute = minute_of(when or timezone.now())
    key = _counter_key(minute, read)
    if cache.add(key, 1, timeout=KEEP_SECONDS):
        _index(minute, key)
        return
    try:
        cache.incr(key)
    except ValueError:  # gone between the add and the incr (evicted): start it again
        if cache.add(key, 1, timeout=KEEP_SECONDS):
            _index(minute, key)


def _index(minute: datetime, key: str) -> None:
    slots = _slots_key(minute)
    cache.add(slots, 0, timeout=KEEP_SECONDS)
    try:
        slot = cache.incr(slots)
    except ValueError:
        cache.add(slots, 0, timeout=KEEP_SECONDS)
        slot = cache.incr(slots)
    cache.set(_slot_key(minute, slot), key, timeout=KEEP_SECONDS)


def sizes(minutes: list[datetime]) -> dict[datetime, int]:
    """How many counters each of these buckets holds (absent: none), in one round trip."""
    keys = {_slots_key(minute): minute for minute in minutes}
    found = cache.get_many(list(keys))
    return {keys[key]: int(value) for key, value in found.items() if value}


def bucket(minute: datetime, size: int) -> dict[Read, int]:
    """The counts of one bucket: each counter its slots name, in two round trips."""
    names = cache.get_many([_slot_key(minute, slot) for slot in range(1, size + 1)])
    values = cache.get_many(list(names.values()))
    out: dict[Read, int] = {}
    marker = f"{PREFIX}:{_stamp(minute)}:n:"
    for key, value in values.items():
        read = Read.parse(key.removeprefix(marker))
        if read is not None and value:
            out[read] = out.get(read, 0) + int(value)
    return out


def forget(minute: datetime, size: int) -> None:
    """Drop a written bucket's keys (the FlushedBucket row already guards against twice)."""
    names = cache.get_many([_slot_key(minute, slot) for slot in range(1, size + 1)])
    cache.delete_many([*names.values(), *names.keys(), _slots_key(minute)])
