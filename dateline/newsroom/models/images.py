"""Lead images: the uploaded original and its responsive renditions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LeadImage(models.Model):
    original = models.ImageField(_("image"), upload_to="images/originals/%Y/%m/")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt = models.CharField(_("alt text"), max_length=300,
                           help_text=_("What the image shows, for readers who cannot see it."))
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    # [{"width": 480, "height": 270, "url": "/media/..."}, ...], smallest first: the page
    # builds srcset from this without another query.
    renditions = models.JSONField(default=list, editable=False)
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                    blank=True, related_name="+", editable=False)

    class Meta:
        verbose_name = _("lead image")
        verbose_name_plural = _("lead images")

    def __str__(self) -> str:
        return self.alt

    @property
    def default(self) -> dict | None:
        """The rendition the page names in src: the largest up to 800 px wide."""
        fitting = [r for r in self.renditions if r["width"] <= 800]
        return (fitting or self.renditions or [None])[-1]

    @property
    def srcset(self) -> str:
        return ", ".join(f"{r['url']} {r['width']}w" for r in self.renditions)
