"""The desk's records around a story: revisions, corrections, old addresses, the audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dateline.newsroom.models.content import LANGUAGE_CHOICES, Article


class Revision(models.Model):
    """A story as it stood after one save: who saved it, when, and which fields changed."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("number"))
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                           related_name="+", verbose_name=_("saved by"))
    data = models.JSONField(_("content"))
    changed = models.JSONField(_("changed fields"), default=list)
    note = models.CharField(_("note"), max_length=200, blank=True)
    autosave = models.BooleanField(_("autosave"), default=False)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"],
                                               name="revision_unique_number")]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self) -> str:
        return f"#{self.number} {self.article_id}"


class Correction(models.Model):
    """A dated note readers see on a published story ("Updated 14:05: ...")."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="corrections")
    created_at = models.DateTimeField(_("added at"), default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                           related_name="+", verbose_name=_("added by"))
    text = models.TextField(_("note"), max_length=1000)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["article", "created_at"], name="correction_article")]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return self.text[:60]


class ArticleRedirect(models.Model):
    """An address a published story had before its slug or section changed."""

    language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES)
    section_slug = models.SlugField(max_length=80)
    slug = models.SlugField(max_length=120)
    article = models.ForeignKey(Article, models.CASCADE, related_name="old_addresses")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "section_slug", "slug"],
                                               name="redirect_unique_address")]
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self) -> str:
        return f"/{self.language}/{self.section_slug}/{self.slug}/"


class AuditEntry(models.Model):
    """Who did what on the desk, when. Written by actions only; never edited."""

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("who"))
    action = models.CharField(_("action"), max_length=40)
    article = models.ForeignKey(Article, models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("story"))
    summary = models.CharField(_("summary"), max_length=300)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return self.summary
