"""A reader's own data: what they can take with them, and leaving."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from dateline.accounts.models import ReaderProfile
from dateline.chats.models import Message, Mute
from dateline.discussion.models import Comment, Like, Notification
from dateline.moderation.models import Ban, Report
from dateline.subscriptions import actions as subscriptions
from dateline.subscriptions.push import actions as push
from dateline.subscriptions.selectors import reader_subscriptions

# what a report points at, as the export names it
REPORTED = {Comment: "comment", Message: "chat message"}


def reader_data(user) -> dict:
    """Everything Dateline holds that the reader wrote or chose."""
    profile = ReaderProfile.objects.filter(user=user).first()
    comments = (Comment.objects.filter(author=user).select_related("article__section")
                .order_by("created_at"))
    kinds = {ContentType.objects.get_for_model(model).pk: name
             for model, name in REPORTED.items()}
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
        "chat_messages": [{"id": m.pk, "room": m.room.name, "text": m.body,
                           "status": m.status, "written": m.created_at.isoformat()}
                          for m in Message.objects.filter(author=user)
                          .select_related("room").order_by("created_at")],
        "reports": [{"about": kinds.get(r.content_type_id, "other"), "id": r.object_id,
                     "reason": r.reason, "reported": r.created_at.isoformat()}
                    for r in Report.objects.filter(reporter=user).order_by("created_at")],
        "notifications": [{"reply": n.comment_id, "at": n.created_at.isoformat(),
                           "read": n.read_at.isoformat() if n.read_at else None}
                          for n in Notification.objects.filter(user=user)],
        "push_subscriptions": push.push_data(user),
        "email_addresses": [{"email": e.email, "verified": e.verified, "primary": e.primary}
                            for e in EmailAddress.objects.filter(user=user).order_by("pk")],
        "restrictions": _restrictions(user),
        "email_subscriptions": reader_subscriptions(user),
    }


def _restrictions(user) -> list[dict]:
    """Bans and mutes the reader was given: the reader meets them when they write."""
    bans = [{"kind": "ban", "reason": b.reason, "from": b.created_at.isoformat(),
             "until": b.until.isoformat() if b.until else None,
             "lifted": b.lifted_at.isoformat() if b.lifted_at else None}
            for b in Ban.objects.filter(user=user).order_by("created_at")]
    mutes = [{"kind": "mute", "room": m.room.name, "until": m.until.isoformat()}
             for m in Mute.objects.filter(user=user).select_related("room").order_by("until")]
    return bans + mutes


@transaction.atomic
def delete_reader(user) -> None:
    """Remove the account. Comments and chat messages stay readable, from "a deleted user",
    so that the replies around them keep their sense; likes and reports go with it."""
    liked = list(Like.objects.filter(user=user).values_list("comment_id", flat=True))
    Comment.objects.filter(pk__in=liked).update(like_count=F("like_count") - 1)
    for model in REPORTED:
        reported = Report.objects.filter(
            reporter=user, content_type=ContentType.objects.get_for_model(model))
        model.objects.filter(pk__in=list(reported.values_list("object_id", flat=True))).update(
            report_count=F("report_count") - 1)
    Report.objects.filter(reporter=user).delete()  # no foreign key cascades to a generic one
    push.forget(user)
    subscriptions.erase_for_user(user)
    user.delete()
