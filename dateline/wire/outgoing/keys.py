"""Partner keys: the desk makes and revokes them; each request is checked, counted and noted.

A key is 32 random bytes (secrets.token_urlsafe). Only its SHA-256 is stored and a request's
key is found by the hash of what it sent: the lookup compares hashes, so it reveals nothing
of a stored key through its timing, and a copy of the database holds no usable key.
"""

from __future__ import annotations

import re
import secrets
import time
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from dateline.newsroom.actions.common import User, audit, require
from dateline.wire.models import PartnerKey, token_hash

PERMISSION = "wire.add_partnerkey"
PREFIX_LENGTH = 8  # what the desk sees of a key, to tell keys apart
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,200}")
USE_NOTED_EVERY = timedelta(minutes=1)


@transaction.atomic
def make_partner_key(key: PartnerKey, *, by: User | None) -> str:
    """Give a new key its secret and save it. Returns the secret, which is kept nowhere: the
    desk shows it once."""
    require(by, PERMISSION)
    if key.pk is not None:
        raise ValueError("a partner key gets its secret once, when it is made")
    secret = secrets.token_urlsafe(32)
    key.prefix = secret[:PREFIX_LENGTH]
    key.key_hash = token_hash(secret)
    key.save()
    audit(by, "partner key made", None, f"Made a partner key for “{key.partner}”",
          key_id=key.pk, prefix=key.prefix)
    return secret


@transaction.atomic
def save_partner_key(key: PartnerKey, *, by: User | None) -> PartnerKey:
    """Save a key's partner name, editions, sections or rate; never its secret."""
    require(by, PERMISSION)
    key.save(update_fields=["partner", "languages", "per_minute"])
    audit(by, "partner key changed", None, f"Changed the partner key of “{key.partner}”",
          key_id=key.pk, prefix=key.prefix)
    return key


@transaction.atomic
def revoke_partner_key(key: PartnerKey, *, by: User | None) -> PartnerKey:
    """Stop a key for good: its next request is refused. A revoked key stays on record."""
    require(by, PERMISSION)
    key = PartnerKey.objects.select_for_update().get(pk=key.pk)
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        audit(by, "partner key revoked", None, f"Revoked the partner key of “{key.partner}”",
              key_id=key.pk, prefix=key.prefix)
    return key


def bearer(header: str) -> str | None:
    """The key an Authorization header carries ("Bearer <key>"), if it is shaped like one."""
    scheme, _space, secret = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    secret = secret.strip()
    return secret if _TOKEN.fullmatch(secret) else None


def find_key(secret: str) -> PartnerKey | None:
    """The key whose hash matches, revoked or not. One query."""
    return PartnerKey.objects.filter(key_hash=token_hash(secret)).first()


def spend(key: PartnerKey) -> int | None:
    """Count a request against the key's minute. None while within its rate; else the
    seconds until the next minute begins. A fixed window: a key may send up to twice its
    rate across a minute's turn, never more."""
    now = time.time()
    name = f"wire:partner-rate:{key.pk}:{int(now // 60)}"
    if cache.add(name, 1, timeout=90):
        count = 1
    else:
        try:
            count = cache.incr(name)
        except ValueError:  # it expired between the two calls: this request starts it again
            cache.set(name, 1, timeout=90)
            count = 1
    if count <= key.per_minute:
        return None
    return max(1, 60 - int(now % 60))


def note_use(key: PartnerKey) -> None:
    """Keep last_used_at to the minute: one write a minute per key, not one per request."""
    now = timezone.now()
    if key.last_used_at is not None and now - key.last_used_at < USE_NOTED_EVERY:
        return
    PartnerKey.objects.filter(pk=key.pk).update(last_used_at=now)
    key.last_used_at = now
