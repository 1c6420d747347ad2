"""Breaking news by email: a breaking story's publication alerts, once.

Every server process hears the event; the alert's row is unique per story, so only the
first process to write it starts the sending. A correction or a withdrawal is another kind
of event, and a story published again still has its row: neither alerts again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dateline.events import ArticlePublished
from dateline.subscriptions.models import Issue

STALE_AFTER = timedelta(hours=1)  # a story back-dated or published late is not news now


def on_published(event: ArticlePublished) -> None:
    if not event.is_breaking or _stale(event.published_at):
        return
    with translation.override(event.language):
        subject = _("Breaking: %(headline)s") % {"headline": event.headline}
    from dateline.subscriptions import tasks

    try:
        with transaction.atomic():
            issue = Issue.objects.create(kind=Issue.Kind.ALERT, language=event.language,
                                         article_id=event.article_id, subject=subject[:250])
            tasks.start_issue.enqueue(issue.pk)
    except IntegrityError:
        return  # another process wrote the alert first


def _stale(published_at: str | None) -> bool:
    if not published_at:
        return False
    try:
        when = datetime.fromisoformat(published_at)
    except ValueError:
        return False
    return timezone.now() - when > STALE_AFTER
