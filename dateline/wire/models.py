"""The wire's tables: feeds per agency, the items they bring (every version kept), what the
desk took from them, alerts for the desk, and partners' keys for our copy going out."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dateline.newsroom.models import LANGUAGE_CHOICES, Agency, Article, Section

# a watched folder is a plain name under DATA_DIR/wire-inbox/: never a path of the editor's
FOLDER_NAME = RegexValidator(r"^[a-z0-9][a-z0-9_-]{0,63}$",
                             _("Letters, digits, '-' and '_' only: a folder in the wire inbox."))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Feed(models.Model):
    """One way an agency's copy reaches us."""

    class Format(models.TextChoices):
        RSS = "rss", _("RSS or Atom")
        NINJS = "ninjs", _("IPTC ninjs 2.x (JSON)")
        NEWSML = "newsml", _("IPTC NewsML-G2 (XML)")

    class Transport(models.TextChoices):
        POLL = "poll", _("HTTP polling")
        FOLDER = "folder", _("Watched folder")
        PUSH = "push", _("HTTP push to us")

    class Trust(models.TextChoices):
        REVIEW = "review", _("Review: every item is edited before it runs")
        TRUSTED = "trusted", _("Trusted: editors may publish an item as it is")

    agency = models.ForeignKey(Agency, models.PROTECT, related_name="feeds",
                               verbose_name=_("agency"))
    name = models.CharField(_("name"), max_length=120)
    format = models.CharField(_("format"), max_length=8, choices=Format.choices)
    transport = models.CharField(_("transport"), max_length=8, choices=Transport.choices)
    url = models.URLField(_("address"), max_length=500, blank=True,
                          help_text=_("For HTTP polling: the feed's http(s) address."))
    folder = models.CharField(_("folder"), max_length=64, blank=True, validators=[FOLDER_NAME],
                              help_text=_("For a watched folder: its name in the wire inbox."))
    push_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    poll_interval = models.PositiveIntegerField(
        _("poll every (seconds)"), default=300,
        validators=[MinValueValidator(30), MaxValueValidator(86_400)])
    section = models.ForeignKey(Section, models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("default section"))
    trust = models.CharField(_("trust"), max_length=8, choices=Trust.choices,
                             default=Trust.REVIEW)
    enabled = models.BooleanField(_("enabled"), default=True)
    # what the last poll learned: conditional requests, and when to ask again
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True, editable=False)
    next_check_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["agency__name", "name"]
        verbose_name = _("wire feed")
        verbose_name_plural = _("wire feeds")
        indexes = [models.Index(fields=["transport", "next_check_at"], name="wire_feed_due")]

    def __str__(self) -> str:
        return f"{self.agency} — {self.name}"

    @property
    def trusted(self) -> bool:
        return self.trust == self.Trust.TRUSTED


class Delivery(models.Model):
    """A payload as it reached us (a poll's answer, a file, a push), kept for audit and
    read by a job; the items it held are WireItems."""

    feed = models.ForeignKey(Feed, models.CASCADE, related_name="deliveries")
    source = models.CharField(_("source"), max_length=300)  # address, file name, "push"
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    payload = models.BinaryField()
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    new_items = models.PositiveIntegerField(_("new items"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        indexes = [models.Index(fields=["received_at"], name="wire_delivery_age")]

    def __str__(self) -> str:
        return f"{self.feed}: {self.source}"


class WireItem(models.Model):
    """One version of one agency item, as it came, mapped from its format."""

    class Status(models.TextChoices):
        USABLE = "usable", _("Usable")
        WITHHELD = "withheld", _("Withheld")
        CANCELED = "canceled", _("Canceled (killed)")

    feed = models.ForeignKey(Feed, models.PROTECT, related_name="items")
    agency = models.ForeignKey(Agency, models.PROTECT, related_name="wire_items")
    guid = models.CharField(_("agency's id"), max_length=300)
    version = models.PositiveIntegerField(_("version"), default=1)
    current = models.BooleanField(_("latest version"), default=True)
    # 1 (flash) to 9 (routine), as IPTC urgency
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=5, validators=[MinValueValidator(1), MaxValueValidator(9)])
    status = models.CharField(_("status"), max_length=8, choices=Status.choices,
                              default=Status.USABLE)
    headline = models.CharField(_("headline"), max_length=300)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("body"), blank=True, help_text=_("Sanitized HTML."))
    dateline_place = models.CharField(_("dateline place"), max_length=100, blank=True)
    dateline_date = models.DateField(_("dateline date"), null=True, blank=True)
    byline = models.CharField(_("byline"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    subjects = models.JSONField(_("subjects"), default=list, blank=True)
    embargo = models.DateTimeField(_("embargoed until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    raw = models.TextField(_("as received"), help_text=_("The item's payload, kept for audit."))
    content_hash = models.CharField(max_length=64, db_index=True)
    # near-duplicate finding: the MinHash signature (see dedup.py); its band keys in NearKey
    signature = models.JSONField(default=list, editable=False)
    # the first item of its story: the same story from other agencies points there
    cluster = models.ForeignKey("self", models.SET_NULL, null=True, blank=True,
                                related_name="+")

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("wire item")
        verbose_name_plural = _("wire items")
        constraints = [
            models.UniqueConstraint(fields=["agency", "guid", "version"],
                                    name="wire_item_version_once"),
            models.UniqueConstraint(fields=["agency", "guid"], condition=Q(current=True),
                                    name="wire_item_one_current"),
        ]
        indexes = [
            models.Index(fields=["-received_at", "-id"], name="wire_item_newest",
                         condition=Q(current=True)),
            models.Index(fields=["agency", "-received_at"], name="wire_item_agency"),
            models.Index(fields=["language", "-received_at"], name="wire_item_language"),
            models.Index(fields=["cluster"], name="wire_item_cluster"),
        ]

    def __str__(self) -> str:
        return f"{self.agency.code} {self.guid} v{self.version}: {self.headline}"

    @property
    def urgent(self) -> bool:
        return self.priority <= 2


class NearKey(models.Model):
    """One LSH band key of an item's signature: items sharing a key are near-duplicate
    candidates (dedup.py)."""

    item = models.ForeignKey(WireItem, models.CASCADE, related_name="+")
    key = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"{self.item_id}: {self.key}"


class Take(models.Model):
    """A story made from a wire item: the attribution chain article ← item ← agency."""

    item = models.ForeignKey(WireItem, models.PROTECT, related_name="takes")
    article = models.OneToOneField(Article, models.CASCADE, related_name="wire_source")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                           related_name="+")
    at = models.DateTimeField(default=timezone.now)
    as_is = models.BooleanField(_("published as it came"), default=False)

    class Meta:
        verbose_name = _("taken item")
        verbose_name_plural = _("taken items")

    def __str__(self) -> str:
        return f"{self.item} → {self.article_id}"


class Alert(models.Model):
    """Something the desk must see: an urgent item, or a kill or withhold of copy we ran."""

    class Kind(models.TextChoices):
        URGENT = "urgent", _("Urgent item")
        KILL = "kill", _("Kill of copy we ran")
        WITHHOLD = "withhold", _("Withhold of copy we ran")

    kind = models.CharField(max_length=8, choices=Kind.choices)
    item = models.ForeignKey(WireItem, models.CASCADE, related_name="alerts")
    article = models.ForeignKey(Article, models.SET_NULL, null=True, blank=True,
                                related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                    blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["-created_at"], condition=Q(resolved_at=None),
                                name="wire_alert_open")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.item.headline}"


class PartnerKey(models.Model):
    """A partner's key to our copy: scoped to editions and sections, revocable, rate-limited.
    Only its hash is kept; the key is shown once, when made."""

    partner = models.CharField(_("partner"), max_length=120)
    prefix = models.CharField(_("key starts"), max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    languages = models.JSONField(_("editions"), default=list, blank=True,
                                 help_text=_("Empty: every edition."))
    sections = models.ManyToManyField(Section, blank=True, related_name="+",
                                      verbose_name=_("sections"),
                                      help_text=_("None chosen: every section."))
    per_minute = models.PositiveIntegerField(
        _("requests per minute"), default=120,
        validators=[MinValueValidator(1), MaxValueValidator(10_000)])
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["partner"]
        verbose_name = _("partner key")
        verbose_name_plural = _("partner keys")

    def __str__(self) -> str:
        return f"{self.partner} ({self.prefix}…)"
