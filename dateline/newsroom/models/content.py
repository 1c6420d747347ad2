"""The newsroom's content: sections, agencies, tags and articles."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from dateline.newsroom.sanitize import sanitize_html

LANGUAGE_CHOICES = settings.LANGUAGES

# Slugs that would shadow a fixed address under /<lang>/.
RESERVED_SLUGS = {"account", "accounts", "tags", "tag", "rss", "atom", "feeds", "admin", "static",
                  "discussion", "preview", "archive", "authors", "subscriptions",
                  "media", "search", "chats", "live", "api", "sitemap.xml", "robots.txt"}


def validate_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is reserved for the site."), params={"slug": value})


class Section(models.Model):
    class Moderation(models.TextChoices):
        POST = "post", _("Post-moderation: comments appear at once")
        PRE = "pre", _("Pre-moderation: comments wait for a moderator")

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, validators=[validate_not_reserved])
    tagline = models.CharField(_("tagline"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # its public stories, kept by models/listings.py: the section page's count without COUNT(*)
    story_count = models.PositiveIntegerField(default=0, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    moderation = models.CharField(_("comment moderation"), max_length=8,
                                  choices=Moderation.choices, default=Moderation.POST)

    class Meta:
        ordering = ["language", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="section_unique_slug"),
        ]
        indexes = [models.Index(fields=["language", "order"], name="section_menu")]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"

    def get_absolute_url(self) -> str:
        # Built by hand: lists call this hundreds of times a page, reverse() costs ~20 µs.
        return f"{get_script_prefix()}{self.language}/{self.slug}/"


class Agency(models.Model):
    """A wire source whose copy the newsroom runs, credited in the dateline."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    code = models.CharField(_("short code"), max_length=16, unique=True)
    name_ru = models.CharField(_("name in Russian"), max_length=120, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    # its public stories, kept by models/listings.py: the tag page's count without COUNT(*)
    story_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="tag_unique_slug"),
        ]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{get_script_prefix()}{self.language}/tags/{self.slug}/"


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> ArticleQuerySet:
        """Public stories only: published, and their time has come (embargo)."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    headline = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, validators=[validate_not_reserved])
    lead = models.TextField(_("lead"), max_length=1000)
    body = models.TextField(_("body"), help_text=_("HTML; sanitized on save."))
    dateline_place = models.CharField(
        _("dateline place"), max_length=80, blank=True,
        help_text=_("Where the story was filed, e.g. Moscow."),
    )
    agency = models.ForeignKey(Agency, models.PROTECT, null=True, blank=True,
                               related_name="articles", verbose_name=_("agency"))
    # the credit line of people we keep no record of (an agency's staff); ours are authors
    # (our authors are records, in the order of the story's bylines: see Byline)
    byline = models.CharField(_("credit line"), max_length=200, blank=True)
    section = models.ForeignKey(Section, models.PROTECT, related_name="articles",
                                verbose_name=_("section"))
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles",
                                  verbose_name=_("tags"))
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.DRAFT)
    # For a scheduled story, the time it goes out; it never changes on later corrections.
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    translation = models.OneToOneField(
        "self", models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("translation"), help_text=_("The same story in the other language."),
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                               related_name="articles", verbose_name=_("author"))
    is_breaking = models.BooleanField(_("breaking news"), default=False)
    discussion_closed = models.BooleanField(_("discussion closed"), default=False)
    lead_image = models.ForeignKey("newsroom.LeadImage", models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("lead image"))
    # Bumped by every save: a save based on an older version is refused, never merged.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Kept exact by the discussion's actions; shown on every list without a join.
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="article_unique_slug"),
            models.CheckConstraint(
                condition=~Q(status__in=["published", "scheduled"]) | Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
        ]
        indexes = [
            # home and newsfeed: a language's newest public stories
            models.Index(fields=["language", "status", "-published_at", "-id"],
                         name="article_latest"),
            # section page, endless scroll: a section's newest public stories
            models.Index(fields=["section", "status", "-published_at", "-id"],
                         name="article_section_latest"),
            # the desk's lists by status, and the scheduler's due stories
            models.Index(fields=["status", "-updated_at"], name="article_desk_status"),
            models.Index(fields=["author", "status", "-updated_at"], name="article_desk_author"),
            models.Index(fields=["status", "published_at"], name="article_due"),
            # partners' changes since a time (the wire's partner API), in order
            models.Index(fields=["updated_at", "id"], name="article_changes"),
        ]
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish stories")),
            ("edit_any_article", _("Can edit any story, not only their own drafts")),
            ("correct_article", _("Can add corrections to published stories")),
        ]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        self.body = sanitize_html(self.body)
        adding = self._state.adding
        super().save(*args, **kwargs)
        listed, before = self._listing(), getattr(self, "_listed_as", None)
        if listed != before:
            from dateline.newsroom.models.listings import list_story, recount_sections

            if not adding:
                list_story(self)  # its tag pages list it from now on, or no longer
            if (listed is None or listed[0]
                    or (not adding and (before is None or before[0]))):
                # its section page (and the one it left) count it from now on, or no longer
                recount_sections({self.section_id, before[2] if before else None})
        self._listed_as = listed

    def get_absolute_url(self) -> str:
        return f"{get_script_prefix()}{self.language}/{self.section.slug}/{self.slug}/"

    def clean(self) -> None:
        errors = {}
        if self.section_id and self.section.language != self.language:
            errors["section"] = _("The section must be in the story's language.")
        if self.translation_id:
            if self.translation_id == self.pk:
                errors["translation"] = _("A story cannot be its own translation.")
            elif self.translation.language == self.language:
                errors["translation"] = _("The translation must be in the other language.")
        if errors:
            raise ValidationError(errors)

    def credited_authors(self) -> list:
        """Its authors in byline order (prefetch "bylines__author" to read them free)."""
        return [byline.author for byline in self.bylines.all()]

    @property
    def credit_line(self) -> str:
        """Who wrote it, as a byline says it in the story's language: its authors, or else
        the free credit line of an agency's copy."""
        names = [author.name_in(self.language) for author in self.credited_authors()]
        if not names:
            return self.byline
        if len(names) == 1:
            return names[0]
        with override(self.language):
            return gettext("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]),
                                                         "last": names[-1]}

    @property
    def agency_credit(self) -> str:
        """The agency as the dateline credits it, in the story's language."""
        if self.agency is None:
            return ""
        if self.language == "ru" and self.agency.name_ru:
            return self.agency.name_ru
        return self.agency.name

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        article._listed_as = article._listing()
        return article

    def _listing(self) -> tuple | None:
        """What its tag listings and section count depend on (None when not loaded)."""
        # on every story loaded: plain dict reads, no attribute machinery
        d = self.__dict__
        if "status" not in d or "published_at" not in d or "section_id" not in d:
            return None
        return (d["status"] == "published", d["published_at"], d["section_id"])

    @property
    def public_related(self) -> list:
        """Its related stories public now, in order (prefetched as related_all)."""
        links = getattr(self, "related_all", None)
        if links is None:
            links = self.related_links.select_related("related__section")
        return [link for link in links if link.related.is_public]

    @property
    def is_public(self) -> bool:
        return (self.status == self.Status.PUBLISHED and self.published_at is not None
                and self.published_at <= timezone.now())
