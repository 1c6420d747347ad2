"""Usernames: stored as typed after Unicode normalisation (NFKC), and refused when they look
like a name already taken, so that nobody can pose as the newsroom's staff (or anyone else)
with Cyrillic, Greek or full-width letters, or digits for letters.

The look-alike key of every username is kept beside it (UsernameKey) and indexed: a new
name is one query away from its look-alikes.
"""

from __future__ import annotations

import unicodedata

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from dateline.accounts.models import UsernameKey
from dateline.moderation.text import lookalike


def normalised(username: str) -> str:
    return unicodedata.normalize("NFKC", username).strip()


def check_distinct(username: str, *, user_pk: int | None = None) -> str:
    """The name as it will be stored, or ValidationError when it looks like one taken."""
    username = normalised(username)
    key = lookalike(username)
    taken = UsernameKey.objects.filter(key=key).exclude(user_id=user_pk or 0)
    if not key or taken.exists() or get_user_model().objects.filter(
            username__iexact=username).exclude(pk=user_pk or 0).exists():
        raise ValidationError(_("This username is taken, or looks too much like one that is. "
                                "Choose another."), code="lookalike")
    return username


def remember(sender, instance, **kwargs) -> None:
    """post_save of a user: keep their name's look-alike key."""
    UsernameKey.objects.update_or_create(user_id=instance.pk,
                                         defaults={"key": lookalike(instance.username)})
