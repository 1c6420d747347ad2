"""Bounces and complaints reported by an email service's webhook (django-anymail's tracking
signal, at /mail/events/<service>/tracking/ with ANYMAIL's webhook secret). Mailboxes that
receive delivery reports are read by `dateline read_bounces` instead."""

from __future__ import annotations

from anymail.signals import tracking

from dateline.subscriptions.actions import suppress_address

SUPPRESSING = {"bounced": "bounced", "complained": "complaint", "rejected": "rejected"}


def on_tracking(sender, event, esp_name: str, **kwargs) -> None:
    reason = SUPPRESSING.get(event.event_type)
    if reason and event.recipient:
        suppress_address(event.recipient, reason=f"{esp_name} {reason}",
                         message_id=event.message_id or "")


def connect() -> None:
    tracking.connect(on_tracking, dispatch_uid="dateline-subscriptions-tracking")
