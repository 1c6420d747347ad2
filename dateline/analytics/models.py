"""Counted reads, aggregated: nothing here says who read, only how many and when."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from dateline.newsroom.models import LANGUAGE_CHOICES, Article, Section


class Kind(models.TextChoices):
    """How a reader arrived at a page (classified by the beacon's endpoint)."""

    SEARCH = "search", _("Search")
    SOCIAL = "social", _("Social")
    DIRECT = "direct", _("Direct")
    NEWSLETTER = "newsletter", _("Newsletter")
    OTHER = "other", _("Other sites")
    INTERNAL = "internal", _("From our own pages")  # a read, not an arrival


class StoryHour(models.Model):
    """Reads of a story in one hour; kept a few days, for "most read" and "last hour"."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="hourly_reads")
    # the story's own section and language, copied so most-read lists need no join to filter
    section = models.ForeignKey(Section, models.CASCADE, related_name="+")
    language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES)
    hour = models.DateTimeField()
    reads = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "hour"],
                                               name="analytics_story_hour")]
        indexes = [
            models.Index(fields=["language", "hour"], name="analytics_hour_language"),
            models.Index(fields=["section", "hour"], name="analytics_hour_section"),
            models.Index(fields=["hour"], name="analytics_hour_prune"),
        ]
        default_permissions = ()
        permissions = [("view_analytics", _("Can see the readership figures"))]

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H:00}: {self.reads}"


class StoryDay(models.Model):
    """Reads of a story in one day (the site's time zone); kept for a story's history."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="daily_reads")
    day = models.DateField()
    reads = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "day"],
                                               name="analytics_story_day")]
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.day}: {self.reads}"


class TrafficHour(models.Model):
    """Page reads in one hour per edition, section and way of arriving."""

    hour = models.DateTimeField()
    language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES)
    # a plain number, 0 for pages of no section (home): a unique key must not hold NULLs
    section_ref = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    reads = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["hour", "language", "section_ref", "kind"],
                                               name="analytics_traffic_hour")]
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.hour:%Y-%m-%d %H:00} {self.language}/{self.section_ref}/{self.kind}"


class TrafficDay(models.Model):
    """TrafficHour summed per day (the site's time zone): a year is 365 rows per key, which
    the desk's longer periods read instead of 8,760."""

    day = models.DateField()
    language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES)
    section_ref = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    reads = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "language", "section_ref", "kind"],
                                               name="analytics_traffic_day")]
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.day} {self.language}/{self.section_ref}/{self.kind}"


class FlushedBucket(models.Model):
    """A minute of counts already written: a flush run twice counts it once."""

    minute = models.DateTimeField(unique=True)
    flushed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.minute:%Y-%m-%d %H:%M}"
