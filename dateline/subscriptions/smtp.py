"""Handing one message to an SMTP server so that a worker dying at any moment neither sends
it twice nor loses it.

The server takes responsibility for a message only when it reads the final "." of DATA.
So the whole message is written first, then the delivery is recorded as sent, then the "."
goes. A worker that dies before the record leaves the row queued and the server drops the
unfinished message: the retry sends it. A worker that dies after the record has, within
microseconds, written the "." as well. (Django's backend sends the "." with the message,
which leaves no point at which to record.)
"""

from __future__ import annotations

import re
import smtplib
import socket
from collections.abc import Callable

from django.core.mail.message import sanitize_address

_DOT = re.compile(rb"(?m)^\.")


class NotDelivered(Exception):
    """The server refused the message before it was recorded as sent: safe to send again
    later (a temporary refusal) or never (permanent)."""

    def __init__(self, code: int, reply: bytes | str) -> None:
        super().__init__(f"{code} {reply!r}"[:300])
        self.code = code
        self.permanent = 500 <= code < 600


def send(smtp: smtplib.SMTP, sender: str, recipients: list[str], data: bytes,
         record: Callable[[], None]) -> None:
    """Send a message's bytes over an open connection; record() is called just before the
    final "." goes."""
    smtp.ehlo_or_helo_if_needed()
    code, reply = smtp.mail(sender)
    if code != 250:
        _refused(smtp, code, reply)
    for recipient in recipients:
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            _refused(smtp, code, reply)
    code, reply = smtp.docmd("data")
    if code != 354:
        _refused(smtp, code, reply)
    body = _DOT.sub(b"..", data)
    smtp.send(body if body.endswith(b"\r\n") else body + b"\r\n")
    record()
    smtp.send(b".\r\n")
    code, reply = smtp.getreply()
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)


def envelope(sender: str, recipients: list[str], encoding: str = "utf-8"
             ) -> tuple[str, list[str]]:
    return (sanitize_address(sender, encoding),
            [sanitize_address(address, encoding) for address in recipients])


def no_delay(smtp: smtplib.SMTP) -> None:
    """Write the final "." at once: with Nagle's algorithm a small write after a large one
    waits for the server's delayed acknowledgement, some 40 ms a message."""
    if smtp.sock is not None:
        smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _refused(smtp: smtplib.SMTP, code: int, reply: bytes) -> None:
    try:
        smtp.rset()
    except smtplib.SMTPException:
        pass
    raise NotDelivered(code, reply)
