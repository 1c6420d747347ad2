"""The people who write our stories: one record each, named in both editions' languages."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override


class Author(models.Model):
    name = models.CharField(_("name"), max_length=120)
    name_ru = models.CharField(_("name in Russian"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    bio = models.TextField(_("biography"), max_length=2000, blank=True)
    bio_ru = models.TextField(_("biography in Russian"), max_length=2000, blank=True)
    photo = models.ForeignKey("newsroom.LeadImage", models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("photo"))
    # the staff account of the person, if they have one: their desk and their page meet
    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                blank=True, related_name="author_record",
                                verbose_name=_("staff account"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> str:
        return self.name_ru if language == "ru" and self.name_ru else self.name

    def bio_in(self, language: str) -> str:
        return self.bio_ru if language == "ru" and self.bio_ru else self.bio

    def url_in(self, language: str) -> str:
        with override(language):
            return reverse("reader:author", args=[self.slug])


class Byline(models.Model):
    """An author of a story, in the order the byline names them."""

    article = models.ForeignKey("newsroom.Article", models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["article", "author"],
                                               name="byline_once_per_story")]
        # an author's page: their stories, newest first, through this index and the article's
        indexes = [models.Index(fields=["author", "article"], name="byline_author")]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")

    def __str__(self) -> str:
        return f"{self.author} · {self.article_id}"
