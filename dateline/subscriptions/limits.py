"""How often confirmation mails may go: per address and per client, counted in the cache.

The subscribe form takes no CSRF token (the pages carrying it are cached whole for every
reader), so anyone can make a browser post it. What a post can do is bounded here: one
address gets a few confirmation mails a day however many clients ask, and one client can
ask for a few dozen addresses an hour.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

PER_ADDRESS = (3, 24 * 3600)  # mails, seconds
PER_CLIENT = (20, 3600)


def _spend(key: str, limit: tuple[int, int]) -> bool:
    most, seconds = limit
    cache.add(key, 0, seconds)  # the window starts with the first request
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, seconds)
        used = 1
    return used <= most


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:32]


def client_may_ask(client: str) -> bool:
    return _spend(f"subs:client:{_hash(client)}", PER_CLIENT)


def address_may_receive(address: str) -> bool:
    return _spend(f"subs:address:{_hash(address)}", PER_ADDRESS)
