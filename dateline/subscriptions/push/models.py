"""Devices that asked for breaking alerts, the alerts sent, and each device's delivery."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

ENDPOINT_MAX = 1024


class Subscription(models.Model):
    """One browser on one device, for one edition: what the Push API handed it."""

    endpoint = models.CharField(_("endpoint"), max_length=ENDPOINT_MAX, unique=True)
    p256dh = models.CharField(_("public key"), max_length=100)
    auth = models.CharField(_("auth secret"), max_length=32)
    language = models.CharField(_("edition"), max_length=8)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.CASCADE, related_name="push_subscriptions",
                             verbose_name=_("reader"))
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)

    class Meta:
        verbose_name = _("push subscription")
        verbose_name_plural = _("push subscriptions")
        indexes = [models.Index(fields=["language", "id"], name="push_sub_edition")]

    def __str__(self) -> str:
        return f"{self.language}: {self.endpoint[:60]}"

    def info(self) -> dict:
        """As pywebpush wants it."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class Alert(models.Model):
    """A breaking story told to its edition's devices. One per story, ever: the unique
    article id is what keeps every process that hears of the story from alerting again."""

    # Not a foreign key: a story deleted and its id kept here still never alerts twice.
    article_id = models.BigIntegerField(_("story"), unique=True)
    language = models.CharField(_("edition"), max_length=8)
    headline = models.CharField(_("headline"), max_length=300)
    lead = models.TextField(_("lead"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    fanned_out_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    queued = models.PositiveIntegerField(_("queued"), default=0)
    # the deliveries' counts, kept when the deliveries themselves are dropped (settled)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    pruned = models.PositiveIntegerField(_("expired, removed"), default=0)
    settled_at = models.DateTimeField(_("settled"), null=True, blank=True)

    class Meta:
        verbose_name = _("breaking alert")
        verbose_name_plural = _("breaking alerts")
        indexes = [models.Index(fields=["-created_at"], name="push_alert_newest")]

    def __str__(self) -> str:
        return self.headline


class Delivery(models.Model):
    """One alert to one device. Its row is claimed before the send: a batch run again
    never sends to a device whose row it did not claim."""

    class Status(models.TextChoices):
        SENDING = "sending", _("sending")
        RETRY = "retry", _("to retry")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        PRUNED = "pruned", _("expired, removed")

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    # emptied when the device's subscription is removed (it expired): the count stays
    subscription = models.ForeignKey(Subscription, null=True, on_delete=models.SET_NULL,
                                     related_name="deliveries")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.SENDING)
    claim = models.CharField(max_length=32, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("push delivery")
        verbose_name_plural = _("push deliveries")
        constraints = [models.UniqueConstraint(fields=["alert", "subscription"],
                                               name="push_delivery_once")]
        indexes = [models.Index(fields=["claim"], name="push_delivery_claim")]

    def __str__(self) -> str:
        return f"{self.alert_id} → {self.subscription_id}: {self.status}"
