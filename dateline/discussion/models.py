"""Readers' discussion under stories: comments, likes, reports, bans and reply notices."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dateline.newsroom.models import Article

User = settings.AUTH_USER_MODEL


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a moderator")
        VISIBLE = "visible", _("Visible")
        REJECTED = "rejected", _("Rejected")
        DELETED = "deleted", _("Deleted")

    article = models.ForeignKey(Article, models.CASCADE, related_name="comments",
                                verbose_name=_("story"))
    # None once the author deleted their account: the comment stays, from "a deleted user".
    author = models.ForeignKey(User, models.SET_NULL, null=True, blank=True,
                               related_name="comments", verbose_name=_("author"))
    # Replies hang from a top-level comment only: a reply to a reply joins its thread.
    parent = models.ForeignKey("self", models.CASCADE, null=True, blank=True,
                               related_name="replies", verbose_name=_("in reply to"))
    body = models.TextField(_("text"), max_length=4000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.VISIBLE)
    held_because = models.CharField(_("held because"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    like_count = models.PositiveIntegerField(_("likes"), default=0)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    report_count = models.PositiveIntegerField(_("reports"), default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # without status: the few hidden rows are skipped while walking the index in
            # order, where a status IN (...) would force a sort of the whole discussion
            models.Index(fields=["article", "parent", "-created_at", "-id"],
                         name="comment_thread_newest"),
            models.Index(fields=["article", "parent", "-like_count", "-created_at"],
                         name="comment_thread_liked"),
            models.Index(fields=["parent", "status", "created_at"], name="comment_replies"),
            models.Index(fields=["author", "-created_at"], name="comment_by_author"),
            models.Index(fields=["status", "created_at"], name="comment_queue"),
        ]
        permissions = [("moderate_comment", _("Can moderate the discussion"))]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.body[:60]


class Like(models.Model):
    comment = models.ForeignKey(Comment, models.CASCADE, related_name="likes")
    user = models.ForeignKey(User, models.CASCADE, related_name="comment_likes")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="one_like")]

    def __str__(self) -> str:
        return f"{self.user_id} likes {self.comment_id}"


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abuse or hate")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    comment = models.ForeignKey(Comment, models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(User, models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "reporter"],
                                               name="one_report")]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.comment_id})"


class BanQuerySet(models.QuerySet["Ban"]):
    def active(self) -> BanQuerySet:
        return self.filter(Q(until__isnull=True) | Q(until__gt=timezone.now()), lifted_at=None)


class Ban(models.Model):
    """A reader barred from discussion (and chats) until a time, or for good."""

    user = models.ForeignKey(User, models.CASCADE, related_name="bans")
    until = models.DateTimeField(_("until"), null=True, blank=True,
                                 help_text=_("Empty: for good."))
    reason = models.CharField(_("reason"), max_length=300)
    by = models.ForeignKey(User, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = BanQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["user", "lifted_at"], name="ban_user")]
        verbose_name = _("ban")
        verbose_name_plural = _("bans")

    def __str__(self) -> str:
        return f"{self.user_id} until {self.until or 'forever'}"


class BannedWord(models.Model):
    """A word that holds a comment for a moderator, in either language."""

    word = models.CharField(_("word"), max_length=60, unique=True)

    class Meta:
        ordering = ["word"]
        verbose_name = _("banned word")
        verbose_name_plural = _("banned words")

    def __str__(self) -> str:
        return self.word


class Notification(models.Model):
    """Someone replied to a reader's comment."""

    user = models.ForeignKey(User, models.CASCADE, related_name="notifications")
    comment = models.ForeignKey(Comment, models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at", "-created_at"],
                                name="notification_inbox")]

    def __str__(self) -> str:
        return f"reply {self.comment_id} for {self.user_id}"
