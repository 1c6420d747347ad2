"""Every change to a subscription: subscribing, confirming, preferences, leaving, erasure,
and suppression after a bounce or a complaint."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from dateline.newsroom.models import Section
from dateline.subscriptions import limits, schedule
from dateline.subscriptions.models import Delivery, Issue, Subscriber

S = Subscriber.Status


class TooMany(Exception):
    """Too many confirmation mails asked for, from this client or for this address."""


def _sections(ids: Iterable[int], language: str) -> list[Section]:
    return list(Section.objects.filter(pk__in=list(ids), language=language))


@transaction.atomic
def subscribe(email: str, *, language: str, section_ids: Iterable[int] = (),
              breaking: bool = True, digest: bool = True, client: str = "") -> Subscriber:
    """Ask for a subscription: the address is sent a confirmation link, and nothing else
    until it is followed. A confirmed or suppressed address is not changed."""
    if client and not limits.client_may_ask(client):
        raise TooMany()
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is None:
        subscriber = Subscriber.objects.create(email=email, language=language,
                                               breaking=breaking, digest=digest,
                                               time_zone=default_zone(language))
    elif subscriber.status == S.UNSUBSCRIBED:
        subscriber.status = S.PENDING
        subscriber.language, subscriber.breaking, subscriber.digest = language, breaking, digest
        subscriber.save(update_fields=["status", "language", "breaking", "digest"])
    if subscriber.status == S.PENDING and section_ids:
        subscriber.sections.add(*_sections(section_ids, subscriber.language))
    if subscriber.status in (S.PENDING, S.CONFIRMED) and limits.address_may_receive(email):
        from dateline.subscriptions import tasks

        transaction.on_commit(lambda: tasks.send_confirmation.enqueue(subscriber.pk))
    return subscriber


def default_zone(language: str) -> str:
    return "Europe/Moscow" if language == "ru" else "UTC"


@transaction.atomic
def confirm_subscription(subscriber: Subscriber) -> Subscriber:
    """The reader followed the link: mails may go to the address from now on."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status in (S.PENDING, S.UNSUBSCRIBED):
        subscriber.status = S.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.next_digest_at = schedule.next_digest(subscriber.digest_hour,
                                                         subscriber.time_zone)
        subscriber.save(update_fields=["status", "confirmed_at", "next_digest_at"])
    return subscriber


@transaction.atomic
def save_preferences(subscriber: Subscriber, *, language: str, section_ids: Iterable[int],
                     breaking: bool, digest: bool, digest_hour: int,
                     time_zone: str) -> Subscriber:
    """Edition, sections, alerts and the digest's hour, from the preference centre."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    subscriber.language, subscriber.breaking, subscriber.digest = language, breaking, digest
    subscriber.digest_hour, subscriber.time_zone = digest_hour, time_zone
    fields = ["language", "breaking", "digest", "digest_hour", "time_zone", "next_digest_at"]
    if subscriber.status == S.UNSUBSCRIBED and (breaking or digest):
        subscriber.status = S.CONFIRMED  # only a confirmed address was ever unsubscribed
        fields.append("status")
    subscriber.next_digest_at = schedule.next_digest(digest_hour, time_zone)
    subscriber.save(update_fields=fields)
    subscriber.sections.set(_sections(section_ids, language))
    return subscriber


@transaction.atomic
def unsubscribe(subscriber: Subscriber, *, issue_id: int | None = None) -> bool:
    """Stop every mail to the address; True if it was receiving them. The issue whose link
    was followed counts one unsubscription."""
    changed = Subscriber.objects.filter(pk=subscriber.pk, status__in=[S.CONFIRMED, S.PENDING]
                                        ).update(status=S.UNSUBSCRIBED)
    if changed and issue_id:
        Issue.objects.filter(pk=issue_id).update(unsubscribed=F("unsubscribed") + 1)
    return bool(changed)


@transaction.atomic
def erase_subscriber(subscriber: Subscriber) -> None:
    """Forget the address and everything sent to it."""
    Subscriber.objects.filter(pk=subscriber.pk).delete()


def erase_for_user(user) -> int:
    """A deleted account takes its subscriptions along: its own, and its address's."""
    query = Subscriber.objects.filter(user=user)
    if user.email:
        query = query | Subscriber.objects.filter(email=user.email.lower())
    return query.delete()[0]


@transaction.atomic
def suppress_address(email: str, *, reason: str, message_id: str = "") -> bool:
    """A hard bounce or a complaint: nothing more goes to the address. The delivery whose
    report this is (known by its Message-ID) is marked bounced."""
    changed = Subscriber.objects.filter(email=email.strip().lower()).exclude(
        status=S.SUPPRESSED).update(status=S.SUPPRESSED, suppressed_reason=reason[:200])
    delivery_id = delivery_of(message_id)
    if delivery_id:
        marked = Delivery.objects.filter(pk=delivery_id).exclude(
            status=Delivery.Status.BOUNCED).update(status=Delivery.Status.BOUNCED)
        if marked:
            Issue.objects.filter(deliveries=delivery_id).update(bounced=F("bounced") + 1)
    return bool(changed)


MESSAGE_ID_PREFIX = "dateline-delivery-"


def delivery_of(message_id: str) -> int | None:
    """The delivery a Message-ID we wrote names (see mail.message_id)."""
    value = (message_id or "").strip().strip("<>")
    if not value.startswith(MESSAGE_ID_PREFIX):
        return None
    number = value[len(MESSAGE_ID_PREFIX):].split(".", 1)[0]
    return int(number) if number.isdigit() and len(number) < 19 else None


@transaction.atomic
def subscribe_account(user, *, language: str, section_ids: Iterable[int], breaking: bool,
                      digest: bool, digest_hour: int, time_zone: str,
                      verified: bool) -> Subscriber:
    """From the account page: the account's address, confirmed at once if the account's
    address is verified, else by the link like anyone's."""
    email = user.email.lower()
    subscriber = (Subscriber.objects.select_for_update().filter(user=user).first()
                  or Subscriber.objects.select_for_update().filter(email=email).first())
    if subscriber is None:
        subscriber = Subscriber.objects.create(email=email, user=user, language=language)
    elif subscriber.user_id != user.pk or subscriber.email != email:
        subscriber.user, subscriber.email = user, email
        subscriber.save(update_fields=["user", "email"])
    if subscriber.status == S.SUPPRESSED:
        return subscriber
    subscriber = save_preferences(subscriber, language=language, section_ids=section_ids,
                                  breaking=breaking, digest=digest, digest_hour=digest_hour,
                                  time_zone=time_zone)
    if verified:
        return confirm_subscription(subscriber)
    if subscriber.status == S.PENDING and limits.address_may_receive(email):
        from dateline.subscriptions import tasks

        transaction.on_commit(lambda: tasks.send_confirmation.enqueue(subscriber.pk))
    return subscriber
