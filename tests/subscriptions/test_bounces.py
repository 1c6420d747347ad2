"""Hard bounces and complaints suppress the address: from a mailbox of delivery reports
(`dateline read_bounces`), from an SMTP refusal, and from an email service's webhook."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage

import pytest
from django.core.management import CommandError, call_command

from dateline.subscriptions.models import Batch, Delivery, Issue, Subscriber


def _report(report_type: str, part_type: str, machine: str, original_id: str) -> bytes:
    """A delivery report as a mail server writes it (RFC 6522 multipart/report)."""
    return (f"From: MAILER-DAEMON@mx.example.org\nTo: bounces@dateline.example\n"
            f"Subject: Delivery report\nMIME-Version: 1.0\n"
            f'Content-Type: multipart/report; report-type={report_type}; boundary="b1"\n\n'
            f"--b1\nContent-Type: text/plain\n\nThis is a report.\n\n"
            f"--b1\nContent-Type: {part_type}\n\n{machine}\n"
            f"--b1\nContent-Type: text/rfc822-headers\n\n"
            f"Message-ID: {original_id}\nSubject: Dateline digest\n\n"
            f"--b1--\n").encode()


DSN = ("Reporting-MTA: dns; mx.example.org\n\n"
       "Final-Recipient: rfc822; gone@example.org\nAction: failed\nStatus: 5.1.1\n\n"
       "Final-Recipient: rfc822; later@example.org\nAction: delayed\nStatus: 4.2.2\n")
ARF = ("Feedback-Type: abuse\nUser-Agent: ExampleFBL/1.0\nVersion: 1\n"
       "Original-Rcpt-To: angry@example.org\n")


@pytest.fixture
def mbox(tmp_path, make_subscriber):
    for address in ("gone@example.org", "later@example.org", "angry@example.org",
                    "fine@example.org"):
        make_subscriber(address)
    issue = Issue.objects.create(kind="digest", language="en", subject="Digest", queued=1,
                                 sent=1)
    batch = Batch.objects.create(issue=issue, number=1)
    delivery = Delivery.objects.create(issue=issue, batch=batch, status="sent",
                                       subscriber=Subscriber.objects.get(email="gone@example.org"))
    path = tmp_path / "bounces.mbox"
    box = mailbox.mbox(str(path))
    box.add(_report("delivery-status", "message/delivery-status", DSN,
                    f"<dateline-delivery-{delivery.pk}.{issue.pk}@127.0.0.1>"))
    box.add(_report("feedback-report", "message/feedback-report", ARF,
                    "<someone-else@example.org>"))
    plain = EmailMessage()
    plain["Subject"] = "Re: your digest"
    plain.set_content("Thanks!")
    box.add(plain)
    box.close()
    return path


def test_read_bounces_suppresses_hard_bounces_and_complaints_only(db, mbox, capsys):
    # when the mailbox of reports is read
    call_command("read_bounces", str(mbox))
    # then the hard bounce and the complaint are suppressed; the delay and the rest are not
    status = dict(Subscriber.objects.values_list("email", "status"))
    assert status == {"gone@example.org": "suppressed", "later@example.org": "confirmed",
                      "angry@example.org": "suppressed", "fine@example.org": "confirmed"}
    # and the issue the bounce came back from counts it
    assert Issue.objects.get().bounced == 1
    assert Delivery.objects.get().status == "bounced"
    assert "2 reports read, 2 addresses suppressed" in capsys.readouterr().out
    # read again, nothing counts twice
    call_command("read_bounces", str(mbox))
    assert Issue.objects.get().bounced == 1


def test_read_bounces_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="No mailbox file"):
        call_command("read_bounces", str(tmp_path / "nowhere.mbox"))


def test_an_email_services_complaint_suppresses(db, make_subscriber):
    from anymail.signals import AnymailTrackingEvent, tracking

    make_subscriber("angry@example.org")
    tracking.send(sender=object, event=AnymailTrackingEvent(
        event_type="complained", recipient="Angry@Example.org", message_id="x"),
        esp_name="Postmark")
    assert Subscriber.objects.get().status == "suppressed"
