"""Who may speak: bans, banned words, and readers' reports on what others wrote."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

User = settings.AUTH_USER_MODEL


class BanQuerySet(models.QuerySet["Ban"]):
    def active(self) -> BanQuerySet:
        return self.filter(Q(until__isnull=True) | Q(until__gt=timezone.now()), lifted_at=None)


class Ban(models.Model):
    """A reader barred from the discussion and the chats until a time, or for good."""

    user = models.ForeignKey(User, models.CASCADE, related_name="bans")
    until = models.DateTimeField(_("until"), null=True, blank=True,
                                 help_text=_("Empty: for good."))
    reason = models.CharField(_("reason"), max_length=300)
    by = models.ForeignKey(User, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = BanQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["user", "lifted_at"], name="moderation_ban_user")]
        permissions = [("moderate", _("Can moderate what readers write"))]
        verbose_name = _("ban")
        verbose_name_plural = _("bans")

    def __str__(self) -> str:
        return f"{self.user_id} until {self.until or 'forever'}"


class BannedWord(models.Model):
    """A word that holds a comment or a chat message for a moderator, in either language."""

    word = models.CharField(_("word"), max_length=60, unique=True)

    class Meta:
        ordering = ["word"]
        verbose_name = _("banned word")
        verbose_name_plural = _("banned words")

    def __str__(self) -> str:
        return self.word


class Report(models.Model):
    """A reader flags something another reader wrote (a comment, a chat message)."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abuse or hate")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    content_type = models.ForeignKey(ContentType, models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(User, models.CASCADE, related_name="reports_made")
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id", "reporter"],
                                               name="moderation_one_report")]
        indexes = [models.Index(fields=["content_type", "object_id"],
                                name="moderation_report_target")]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.content_type_id}:{self.object_id})"
