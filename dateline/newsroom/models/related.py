"""Stories shown under a story as related: computed when it is published or changed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RelatedStory(models.Model):
    article = models.ForeignKey("newsroom.Article", models.CASCADE, related_name="related_links")
    related = models.ForeignKey("newsroom.Article", models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    score = models.FloatField()

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["article", "related"],
                                               name="related_once")]
        indexes = [models.Index(fields=["article", "position"], name="related_in_order")]
        verbose_name = _("related story")
        verbose_name_plural = _("related stories")

    def __str__(self) -> str:
        return f"{self.article_id} → {self.related_id}"
