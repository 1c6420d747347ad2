"""A kept list of each tag's public stories by publication time, for the tag pages.

The tag-to-story table knows nothing of time, so the newest stories of a tag meant joining
and sorting all of its stories: a tag on 30,000 stories cost 30,000 rows per page, and as
much again to count them. A listing row holds a published story's time under each of its
tags, so one index on (tag, time) answers a page in its own size, and Tag.story_count
keeps the count. Both follow the story: every change of its tags (m2m_changed), of its
status or publication time (Article.save) and its deletion; bulk writers of tag links (the
archive import) call list_links.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.db.models.functions import Coalesce

from dateline.newsroom.models.content import Article, Section, Tag


class TagListing(models.Model):
    tag = models.ForeignKey(Tag, models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, models.CASCADE, related_name="tag_listings")
    published_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tag", "article"], name="listed_once")]
        indexes = [models.Index(fields=["tag", "-published_at", "-article"], name="tag_latest")]
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.tag_id} · {self.article_id}"


def recount(tag_ids: Iterable[int]) -> None:
    """Set the tags' story counts from their listings (on writes: a read never counts)."""
    tag_ids = set(tag_ids)
    if tag_ids:
        Tag.objects.filter(pk__in=tag_ids).update(story_count=Coalesce(models.Subquery(
            TagListing.objects.filter(tag=models.OuterRef("pk")).order_by()
            .values("tag").annotate(n=models.Count("id")).values("n")[:1]), 0))


def recount_sections(section_ids: Iterable[int | None]) -> None:
    """Set the sections' story counts: a range of their newest-first index, on writes."""
    section_ids = {pk for pk in section_ids if pk is not None}
    if section_ids:
        Section.objects.filter(pk__in=section_ids).update(story_count=Coalesce(models.Subquery(
            Article.objects.published().filter(section=models.OuterRef("pk")).order_by()
            .values("section").annotate(n=models.Count("id")).values("n")[:1]), 0))


def _unlist(**where) -> None:
    rows = TagListing.objects.filter(**where)
    tag_ids = set(rows.values_list("tag_id", flat=True))
    if tag_ids:
        rows.delete()
        recount(tag_ids)


def list_story(article: Article) -> None:
    """Make a story's listings match its tags and status: listed while published."""
    _unlist(article=article)
    if article.status == Article.Status.PUBLISHED and article.published_at is not None:
        list_links((article.pk, tag_id) for tag_id in Article.tags.through.objects.filter(
            article=article).values_list("tag_id", flat=True))


def list_links(links: Iterable[tuple[int, int]], *, count: bool = True) -> set[int]:
    """Listings for new (article id, tag id) links, for the stories among them published;
    the ids of the tags listed to. count=False leaves recounting them to the caller."""
    links = list(links)
    if not links:
        return set()
    times = dict(Article.objects.filter(
        pk__in={article_id for article_id, _tag in links}, status=Article.Status.PUBLISHED,
        published_at__isnull=False).values_list("id", "published_at"))
    listed = [TagListing(article_id=article_id, tag_id=tag_id, published_at=times[article_id])
              for article_id, tag_id in links if article_id in times]
    if listed:
        TagListing.objects.bulk_create(listed, ignore_conflicts=True)
    tag_ids = {row.tag_id for row in listed}
    if count:
        recount(tag_ids)
    return tag_ids


def tags_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    """m2m_changed of Article.tags (either side): the listings follow the links."""
    if action == "post_add" and pk_set:
        list_links((instance.pk, pk) if not reverse else (pk, instance.pk) for pk in pk_set)
    elif action == "post_remove" and pk_set:
        _unlist(**({"tag_id__in": pk_set, "article": instance} if not reverse else {
            "article_id__in": pk_set, "tag": instance}))
    elif action == "post_clear":
        _unlist(**{"tag" if reverse else "article": instance})


def story_deleted(sender, instance: Article, **kwargs) -> None:
    """pre_delete of an Article: its tags count it no more."""
    _unlist(article=instance)


def story_gone(sender, instance: Article, **kwargs) -> None:
    """post_delete of an Article: nor does its section."""
    recount_sections([instance.section_id])
