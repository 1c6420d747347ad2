"""Subscribers, the issues sent to them, and one row per recipient of each issue."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

HOURS = [(hour, f"{hour:02d}:00") for hour in range(24)]


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        SUPPRESSED = "suppressed", _("Suppressed (bounced or complained)")

    email = models.EmailField(_("email"), max_length=254, unique=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, null=True, blank=True,
                                related_name="email_subscription", verbose_name=_("account"))
    language = models.CharField(_("edition"), max_length=8, choices=settings.LANGUAGES)
    sections = models.ManyToManyField("newsroom.Section", blank=True, related_name="+",
                                      verbose_name=_("sections"))
    breaking = models.BooleanField(_("breaking news alerts"), default=True)
    digest = models.BooleanField(_("daily digest"), default=True)
    digest_hour = models.PositiveSmallIntegerField(_("digest hour"), choices=HOURS, default=7)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.PENDING)
    suppressed_reason = models.CharField(_("why suppressed"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # the UTC instant of the next digest (the chosen local hour); the sweep's index
    next_digest_at = models.DateTimeField(_("next digest"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        indexes = [
            models.Index(fields=["status", "next_digest_at"], name="subscriber_digest_due"),
            models.Index(fields=["language", "status", "breaking"], name="subscriber_alerts"),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class Issue(models.Model):
    """One mailing: a digest round of an edition, or the alert of one breaking story."""

    class Kind(models.TextChoices):
        DIGEST = "digest", _("Daily digest")
        ALERT = "alert", _("Breaking alert")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    language = models.CharField(_("edition"), max_length=8, choices=settings.LANGUAGES)
    article = models.ForeignKey("newsroom.Article", models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("story"))
    subject = models.CharField(_("subject"), max_length=250)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    queued = models.PositiveIntegerField(_("queued"), default=0)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    bounced = models.PositiveIntegerField(_("bounced"), default=0)
    unsubscribed = models.PositiveIntegerField(_("unsubscribed"), default=0)

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["-created_at"]
        constraints = [
            # a story alerts once, whichever process heard of its publication first
            models.UniqueConstraint(fields=["article"], condition=Q(kind="alert"),
                                    name="issue_one_alert_per_story"),
        ]

    def __str__(self) -> str:
        return self.subject


class Batch(models.Model):
    """A slice of an issue's recipients, sent by one job; made together with that job."""

    issue = models.ForeignKey(Issue, models.CASCADE, related_name="batches")
    number = models.PositiveIntegerField()
    finished_at = models.DateTimeField(null=True, blank=True)
    # counted from the batch's rows when it ends, so that a retried batch counts once
    sent = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issue", "number"],
                                               name="batch_unique_number")]

    def __str__(self) -> str:
        return f"{self.issue_id}/{self.number}"


class Delivery(models.Model):
    """One recipient of one issue: written before the message goes, so none goes twice."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Skipped (nothing new)")
        FAILED = "failed", _("Failed")
        BOUNCED = "bounced", _("Bounced")

    issue = models.ForeignKey(Issue, models.CASCADE, related_name="deliveries")
    batch = models.ForeignKey(Batch, models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    # a digest brings what was published since this; empty for an alert
    since = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [models.UniqueConstraint(fields=["issue", "subscriber"],
                                               name="delivery_once_per_issue")]
        indexes = [models.Index(fields=["batch", "status"], name="delivery_batch_status")]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}: {self.status}"
