"""Delivery reports read from a mailbox: RFC 3464 delivery status notifications (a hard,
5.x.x, failure suppresses the address) and RFC 5965 (ARF) complaints (always suppress)."""

from __future__ import annotations

import email.policy
import mailbox
from dataclasses import dataclass
from email.message import Message
from pathlib import Path


@dataclass(frozen=True)
class Report:
    address: str
    reason: str
    message_id: str = ""


def _strip(value: str | None) -> str:
    """'rfc822; ann@example.org' -> 'ann@example.org'."""
    value = (value or "").strip()
    return value.split(";", 1)[1].strip() if ";" in value else value


def _original_message_id(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() in ("message/rfc822", "text/rfc822-headers"):
            payload = part.get_payload()
            if isinstance(payload, list) and payload:
                return str(payload[0].get("Message-ID", ""))
            if isinstance(payload, str):
                headers = email.message_from_string(payload, policy=email.policy.compat32)
                return str(headers.get("Message-ID", ""))
    return ""


def _blocks(part: Message) -> list[Message]:
    """The header blocks of a message/delivery-status or message/feedback-report part."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return payload
    text = payload if isinstance(payload, str) else ""
    return [email.message_from_string(block) for block in text.replace("\r\n", "\n").split(
        "\n\n") if block.strip()]


def reports(message: Message) -> list[Report]:
    """What one message reports, if it is a delivery report we act on."""
    if message.get_content_type() != "multipart/report":
        return []
    kind = (message.get_param("report-type") or "").lower()
    message_id = _original_message_id(message)
    found = []
    for part in message.walk():
        if kind == "delivery-status" and part.get_content_type() == "message/delivery-status":
            for block in _blocks(part)[1:]:  # the first block is about the reporting MTA
                action = (block.get("Action") or "").strip().lower()
                status = (block.get("Status") or "").strip()
                address = _strip(block.get("Final-Recipient") or block.get("Original-Recipient"))
                if action == "failed" and status.startswith("5") and address:
                    found.append(Report(address, f"hard bounce {status}", message_id))
        elif kind == "feedback-report" and part.get_content_type() == "message/feedback-report":
            for block in _blocks(part):
                address = _strip(block.get("Original-Rcpt-To") or block.get("Removal-Recipient"))
                if address:
                    found.append(Report(address, "complaint", message_id))
    return found


def read_mailbox(path: Path) -> list[Report]:
    box = mailbox.mbox(str(path), create=False)
    try:
        return [report for message in box for report in reports(message)]
    finally:
        box.close()
