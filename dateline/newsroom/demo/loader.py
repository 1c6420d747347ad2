"""Saves a demo edition: sections, agencies and tags first, then stories in bulk batches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dateline.newsroom.demo.generator import Story, edition
from dateline.newsroom.demo.world import AGENCIES, SECTIONS, TAGS
from dateline.newsroom.demo.writer import latin_slug
from dateline.newsroom.models import Agency, Article, Section, Tag

BATCH = 2000


@dataclass
class Summary:
    sections: int
    agencies: int
    tags: int
    stories: int
    pairs: int


def _sections() -> dict[tuple[str, str], Section]:
    rows = {}
    for order, (slug, en_name, en_tagline, ru_name, ru_tagline) in enumerate(SECTIONS, 1):
        for language, name, tagline in (("en", en_name, en_tagline), ("ru", ru_name, ru_tagline)):
            rows[language, slug] = Section.objects.get_or_create(
                language=language, slug=slug,
                defaults={"name": name, "tagline": tagline, "order": order})[0]
    return rows


def _agencies() -> dict[str, Agency]:
    rows = {}
    for code, name, name_ru, _ in AGENCIES:  # both the code and the name are unique
        rows[code] = (Agency.objects.filter(Q(code=code) | Q(name=name)).first()
                      or Agency.objects.create(code=code, name=name, name_ru=name_ru))
    return rows


def _tags() -> dict[tuple[str, str], Tag]:
    rows = {}
    for key, (en_name, ru_name) in TAGS.items():
        rows["en", key] = Tag.objects.get_or_create(
            language="en", slug=key, defaults={"name": en_name})[0]
        rows["ru", key] = Tag.objects.get_or_create(
            language="ru", slug=latin_slug(ru_name), defaults={"name": ru_name})[0]
    return rows


@transaction.atomic
def fill(count: int, seed: int, *, now: datetime | None = None,
         progress: Callable[[int], object] | None = None) -> Summary:
    """Save the seed's edition of count stories; all of it or, on any error, nothing."""
    sections, agencies, tags = _sections(), _agencies(), _tags()
    through = Article.tags.through
    pairs: dict[int, list[int]] = {}

    def save(batch: list[Story]) -> None:
        # bulk_create skips Article.save(): the bodies are built from escaped text and safe tags
        articles = Article.objects.bulk_create([Article(
            headline=s.headline, slug=s.slug, lead=s.lead, body=s.body, dateline_place=s.place,
            agency=agencies[s.agency] if s.agency else None, byline=s.byline,
            section=sections[s.language, s.section], language=s.language,
            status=Article.Status.PUBLISHED if s.published_at else Article.Status.DRAFT,
            published_at=s.published_at, created_at=s.created_at,
        ) for s in batch])
        through.objects.bulk_create([
            through(article_id=article.pk, tag_id=tags[story.language, key].pk)
            for article, story in zip(articles, batch, strict=True) for key in story.tags])
        for article, story in zip(articles, batch, strict=True):
            if story.pair is not None:
                pairs.setdefault(story.pair, []).append(article.pk)
        if progress:
            progress(len(batch))

    batch: list[Story] = []
    for story in edition(count, seed, now or timezone.now()):
        batch.append(story)
        if len(batch) == BATCH:
            save(batch)
            batch = []
    if batch:
        save(batch)
    # A translation is a one-to-one link, so it can only be set once both stories exist.
    for first, second in pairs.values():
        Article.objects.filter(pk=first).update(translation_id=second)
        Article.objects.filter(pk=second).update(translation_id=first)
    return Summary(len(sections), len(agencies), len(tags), count, len(pairs))
