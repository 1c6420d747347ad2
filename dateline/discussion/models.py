"""Readers' discussion under stories: comments, likes and reply notices."""

from __future__ import annotations

from django.conf import settings
from django.db import models
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
            # the desk's comments over time read only the period's part of it
            models.Index(fields=["created_at"], name="comment_written"),
        ]
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
