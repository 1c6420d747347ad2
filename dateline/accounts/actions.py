"""A reader's own data: what they can take with them, and leaving."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from dateline.accounts.models import ReaderProfile


def reader_data(user) -> dict:
    """Everything Dateline holds that the reader wrote or chose."""
    from dateline.discussion.models import Comment, Like, Report

    profile = ReaderProfile.objects.filter(user=user).first()
    comments = (Comment.objects.filter(author=user).select_related("article")
                .order_by("created_at"))
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {"username": user.get_username(), "email": user.email,
                    "joined": user.date_joined.isoformat(),
                    "email_on_reply": bool(profile and profile.email_on_reply)},
        "comments": [{"id": c.pk, "story": c.article.headline,
                      "story_url": c.article.get_absolute_url(), "in_reply_to": c.parent_id,
                      "text": c.body, "status": c.status, "written": c.created_at.isoformat(),
                      "edited": c.edited_at.isoformat() if c.edited_at else None}
                     for c in comments],
        "likes": list(Like.objects.filter(user=user).values_list("comment_id", flat=True)),
        "reports": [{"comment": r.comment_id, "reason": r.reason} for r in
                    Report.objects.filter(reporter=user)],
    }


@transaction.atomic
def delete_reader(user) -> None:
    """Remove the account. Comments stay readable, from "a deleted user", so that the
    replies around them keep their sense; likes and reports go with the account."""
    from django.db.models import F

    from dateline.discussion.models import Comment, Like, Report

    liked = list(Like.objects.filter(user=user).values_list("comment_id", flat=True))
    Comment.objects.filter(pk__in=liked).update(like_count=F("like_count") - 1)
    reported = list(Report.objects.filter(reporter=user).values_list("comment_id", flat=True))
    Comment.objects.filter(pk__in=reported).update(report_count=F("report_count") - 1)
    user.delete()
