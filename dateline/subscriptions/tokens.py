"""Signed links: confirming an address (they expire), and managing a subscription from any
mail without logging in (they last as long as the subscription)."""

from __future__ import annotations

from datetime import timedelta

from django.core import signing

from dateline.subscriptions.models import Subscriber

CONFIRM_FOR = timedelta(days=7)
_CONFIRM = "dateline.subscriptions.confirm"
_MANAGE = "dateline.subscriptions.manage"


class Invalid(Exception):
    """A link that was altered, has expired, or names a subscription that is gone."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def confirm_token(subscriber: Subscriber) -> str:
    # the address is signed too: a link sent to an earlier address confirms nothing
    return signing.dumps([subscriber.pk, subscriber.email], salt=_CONFIRM, compress=True)


def manage_token(subscriber: Subscriber, *, issue_id: int | None = None) -> str:
    value = [subscriber.pk, subscriber.email] + ([issue_id] if issue_id else [])
    return signing.dumps(value, salt=_MANAGE, compress=True)


def _load(token: str, salt: str, max_age: timedelta | None) -> list:
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise Invalid(expired=True) from error
    except (signing.BadSignature, ValueError, TypeError, UnicodeError) as error:
        raise Invalid() from error
    if not isinstance(value, list) or len(value) not in (2, 3):
        raise Invalid()
    return value


def _subscriber(pk, email) -> Subscriber:
    subscriber = Subscriber.objects.filter(pk=pk, email=email).first() if isinstance(
        pk, int) else None
    if subscriber is None:
        raise Invalid()
    return subscriber


def confirming(token: str) -> Subscriber:
    pk, email = _load(token, _CONFIRM, CONFIRM_FOR)[:2]
    return _subscriber(pk, email)


def managing(token: str) -> tuple[Subscriber, int | None]:
    """The subscriber a management link is for, and the issue whose mail carried it."""
    value = _load(token, _MANAGE, None)
    issue = value[2] if len(value) == 3 and isinstance(value[2], int) else None
    return _subscriber(value[0], value[1]), issue
