"""The search index: one row per public story, kept by the index's own writes (index.py).

The terms themselves live beside this table where each database keeps them best: an FTS5
table `search_fts` on SQLite, a `vector` tsvector column with a GIN index on PostgreSQL (both
made by the first migration, outside the model). The row holds what filters and excerpts
need, so a search reads no story row until it has its page of results.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from dateline.newsroom.models import Article


class Document(models.Model):
    article = models.OneToOneField(Article, models.CASCADE, primary_key=True,
                                   related_name="search_document", verbose_name=_("article"))
    language = models.CharField(_("language"), max_length=8)
    section_id = models.IntegerField(_("section"))
    agency_id = models.IntegerField(_("agency"), null=True)
    published_at = models.DateTimeField(_("published at"))
    # orders the FTS5 table by time (see keys.py); unique, so it finds this row from there
    key = models.BigIntegerField(_("key"), unique=True)
    # the story's version when indexed: a second process hearing the same event skips it
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"))  # lead and body as plain text, for excerpts

    class Meta:
        indexes = [
            models.Index(fields=["language", "-published_at"], name="search_newest"),
            models.Index(fields=["section_id", "-published_at"], name="search_section"),
            models.Index(fields=["language", "agency_id", "-published_at"], name="search_agency"),
        ]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return f"search entry of story {self.pk}"
