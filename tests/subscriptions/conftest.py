"""A real SMTP server (aiosmtpd) on a free port receives every mail the tests send."""

from __future__ import annotations

import email
import email.policy
import re
import threading
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from dateline.subscriptions.models import Subscriber
from dateline.testing import free_port


class Inbox:
    """What the server took: each message parsed, with its envelope recipients."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []
        self.lock = threading.Lock()
        self.refuse_after: int | None = None  # accept this many, then answer 421 to MAIL

    async def handle_MAIL(self, server, session, envelope, address, options):
        if self.refuse_after is not None and len(self.messages) >= self.refuse_after:
            return "421 4.3.2 Try again later"
        envelope.mail_from = address
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), parsed))
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for rcpts, m in self.messages if address in rcpts]

    def clear(self) -> None:
        self.messages.clear()


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.SUBSCRIPTIONS_SEND_RATE = 0
    yield inbox
    controller.stop()


def text_of(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(("html",)).get_content()


def link(message: EmailMessage, kind: str) -> str:
    """The path of the first link of a kind (confirm, manage, unsubscribe) in the text."""
    found = re.search(rf"https?://[^/\s]+(/\w\w/subscriptions/{kind}/[^/\s]+/)", text_of(message))
    assert found, text_of(message)
    return found.group(1)


def run_jobs() -> int:
    """Run every ready job, as a worker does."""
    from dateline.tasks.worker import Worker

    worker, ran = Worker(), 0
    while worker.run_one():
        ran += 1
    return ran


@pytest.fixture
def make_subscriber(db):
    def make(email: str, **fields) -> Subscriber:
        defaults = {"language": "en", "status": Subscriber.Status.CONFIRMED}
        defaults.update(fields)
        sections = defaults.pop("sections", [])
        subscriber = Subscriber.objects.create(email=email, **defaults)
        subscriber.sections.set(sections)
        return subscriber

    return make
