"""The mails: a confirmation, a digest, an alert. Multipart (plain text and HTML with inline
styles in tables, which mail clients render), in the subscriber's edition's language, with
the list headers of RFC 2369 and RFC 8058 one-click unsubscription."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from dateline.subscriptions import tokens
from dateline.subscriptions.actions import MESSAGE_ID_PREFIX
from dateline.subscriptions.models import Issue, Subscriber

# stand-ins rendered into a shared body, replaced per recipient
MANAGE = "__dateline_manage_url__"
UNSUBSCRIBE = "__dateline_unsubscribe_url__"


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def links(subscriber: Subscriber, issue_id: int | None = None) -> dict[str, str]:
    token = tokens.manage_token(subscriber, issue_id=issue_id)
    with translation.override(subscriber.language):
        return {MANAGE: absolute(reverse("subscriptions:manage", args=[token])),
                UNSUBSCRIBE: absolute(reverse("subscriptions:unsubscribe", args=[token]))}


def list_headers(urls: dict[str, str], language: str) -> dict[str, str]:
    return {
        "List-Id": f"Dateline {language} <{language}.newsletter.{domain()}>",  # RFC 2919
        "List-Unsubscribe": f"<{urls[UNSUBSCRIBE]}>",  # RFC 2369, the POST target of 8058
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",  # RFC 8058
        "List-Help": f"<{urls[MANAGE]}>",  # RFC 2369
    }


def message_id(delivery_id: int, issue_id: int) -> str:
    return f"<{MESSAGE_ID_PREFIX}{delivery_id}.{issue_id}@{domain()}>"


def confirmation(subscriber: Subscriber) -> EmailMultiAlternatives:
    """The one mail an unconfirmed address gets."""
    with translation.override(subscriber.language):
        url = absolute(reverse("subscriptions:confirm",
                               args=[tokens.confirm_token(subscriber)]))
        context = {"confirm_url": url, "confirmed": subscriber.is_confirmed,
                   "manage_url": links(subscriber)[MANAGE], "LANGUAGE_CODE": subscriber.language}
        subject = (_("Your Dateline subscription") if subscriber.is_confirmed
                   else _("Confirm your Dateline subscription"))
        text = render_to_string("subscriptions/email/confirm.txt", context)
        html = render_to_string("subscriptions/email/confirm.html", context)
    mail = EmailMultiAlternatives(subject, text, to=[subscriber.email])
    mail.attach_alternative(html, "text/html")
    return mail


def render_issue(issue: Issue, stories: list) -> tuple[str, str]:
    """The text and HTML of an issue with these stories, links to be filled in."""
    with translation.override(issue.language):
        context = {"issue": issue, "stories": [_story(s) for s in stories],
                   "manage_url": MANAGE, "unsubscribe_url": UNSUBSCRIBE,
                   "site_url": absolute(f"/{issue.language}/"),
                   "LANGUAGE_CODE": issue.language}
        name = "alert" if issue.kind == Issue.Kind.ALERT else "digest"
        return (render_to_string(f"subscriptions/email/{name}.txt", context),
                render_to_string(f"subscriptions/email/{name}.html", context))


def _story(article) -> dict:
    return {"headline": article.headline, "lead": article.lead,
            "section": article.section.name, "url": absolute(article.get_absolute_url())}


def for_recipient(issue: Issue, body: tuple[str, str], subscriber: Subscriber,
                  delivery_id: int) -> EmailMultiAlternatives:
    urls = links(subscriber, issue.pk)
    text, html = body
    for stand_in, url in urls.items():
        text, html = text.replace(stand_in, url), html.replace(stand_in, url)
    headers = {**list_headers(urls, issue.language),
               "Message-ID": message_id(delivery_id, issue.pk)}
    mail = EmailMultiAlternatives(issue.subject, text, to=[subscriber.email], headers=headers)
    mail.attach_alternative(html, "text/html")
    return mail


_TO = "recipient@stand-in.invalid"
_ID = "<stand-in-message-id@stand-in.invalid>"


class Template:
    """An issue's message as bytes, built once, with each recipient's address, links and
    Message-ID put in by replacing stand-ins: building a MIME message costs more than the
    rest of a send. Where encoding hid a stand-in (quoted-printable, a non-ASCII address),
    the message is built for the recipient instead."""

    def __init__(self, issue: Issue, body: tuple[str, str]) -> None:
        self.issue, self.body = issue, body
        urls = {MANAGE: MANAGE, UNSUBSCRIBE: UNSUBSCRIBE}
        headers = {**list_headers(urls, issue.language), "Message-ID": _ID}
        mail = EmailMultiAlternatives(issue.subject, body[0], to=[_TO], headers=headers)
        mail.attach_alternative(body[1], "text/html")
        self.sender = mail.from_email
        self.data = mail.message().as_bytes(linesep="\r\n")
        links_in_body = sum(part.count(MANAGE) + part.count(UNSUBSCRIBE) for part in body)
        found = self.data.count(MANAGE.encode()) + self.data.count(UNSUBSCRIBE.encode())
        self.usable = found == links_in_body + 2 and self.data.count(_TO.encode()) == 1

    def for_recipient(self, subscriber: Subscriber, delivery_id: int) -> tuple[str, bytes]:
        """The sender and the message's bytes for one recipient."""
        if not self.usable or not subscriber.email.isascii():
            mail = for_recipient(self.issue, self.body, subscriber, delivery_id)
            return mail.from_email, mail.message().as_bytes(linesep="\r\n")
        urls = links(subscriber, self.issue.pk)
        data = (self.data.replace(_TO.encode(), subscriber.email.encode())
                .replace(_ID.encode(), message_id(delivery_id, self.issue.pk).encode()))
        for stand_in, url in urls.items():
            data = data.replace(stand_in.encode(), url.encode())
        return self.sender, data
