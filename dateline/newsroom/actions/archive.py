"""Many finished stories at once: an archive brought over, or the demo edition.

Saving a story on the desk keeps a revision, an audit entry and an event for it. For tens of
thousands of stories that is most of the time and most of the database, and an event per story
would flood every open page, so an import checks each story as the desk does (sanitized body,
field validation, section and tags in its language, a unique slug), saves them in batches, and
tells the site once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dateline.events import SiteChanged, emit
from dateline.newsroom import tasks as jobs
from dateline.newsroom.actions.common import User, audit, require
from dateline.newsroom.models import Article, Author, Byline, Tag
from dateline.newsroom.models.listings import list_links, recount, recount_sections
from dateline.newsroom.sanitize import sanitize_html
from dateline.newsroom.slugs import latin_slug, unique_slug

BATCH = 2000
S = Article.Status
# Checked once per import, not once per story: the rows they point to are known to exist.
_RELATIONS = ["section", "agency", "author", "translation", "lead_image", "tags"]


@dataclass
class NewStory:
    """A story to import: an unsaved article (its slug may be empty: made from the headline),
    its tags, a key it shares with its translation, if it has one in the import, and its
    authors in byline order."""

    article: Article
    tags: Sequence[Tag] = ()
    translation_key: Hashable | None = None
    authors: Sequence[Author] = ()


@dataclass
class Imported:
    stories: int = 0
    translations: int = 0
    newest_id: int = 0
    listed_to: set[int] = field(default_factory=set)  # tags whose kept counts to renew
    sections: set[int] = field(default_factory=set)  # and sections


@transaction.atomic
def import_articles(stories: Iterable[NewStory], *, by: User | None,
                    progress: Callable[[int], object] | None = None) -> Imported:
    """Save finished stories (drafts, or published in the past) in bulk; all of them or, on
    any error, none. Emits one site.changed for the whole import after commit."""
    require(by, "newsroom.add_article")
    require(by, "newsroom.publish_article")
    result, now = Imported(), timezone.now()
    used: dict[str, set[str]] = {}  # slugs given so far, by language
    pairs: dict[Hashable, list[tuple[int, str]]] = {}  # translation key: [(id, language)]
    batch: list[NewStory] = []
    for story in stories:
        batch.append(story)
        if len(batch) == BATCH:
            _save(batch, used=used, pairs=pairs, now=now, by=by, result=result)
            batch = []
            if progress:
                progress(BATCH)
    if batch:
        _save(batch, used=used, pairs=pairs, now=now, by=by, result=result)
        if progress:
            progress(len(batch))
    result.translations = _link_translations(pairs)
    recount(result.listed_to)  # the kept counts of tags and sections, once for the import
    recount_sections(result.sections)
    if result.stories:
        audit(by, "imported", None, f"Imported {result.stories} stories",
              stories=result.stories, translations=result.translations)
        emit(SiteChanged(kind="articles", object_id=result.newest_id))
        jobs.relate_unrelated.enqueue()  # in the background: an import can be large
    return result


def _save(batch: list[NewStory], *, used: dict[str, set[str]],
          pairs: dict[Hashable, list[tuple[int, str]]], now, by: User | None,
          result: Imported) -> None:
    for story in batch:
        _check(story, now=now)
    _give_slugs([story.article for story in batch], used)
    author = by if by is not None and by.pk else None
    for story in batch:
        story.article.author = story.article.author or author
    articles = Article.objects.bulk_create([story.article for story in batch])
    through = Article.tags.through
    _execute_many(f"INSERT INTO {_table(through)} ({_column(through, 'article')}, "
                  f"{_column(through, 'tag')}) VALUES (%s, %s)",
                  [(article.pk, tag.pk) for article, story in zip(articles, batch, strict=True)
                   for tag in story.tags])
    # the tag pages' kept list (models/listings.py); counted once, after the last batch
    result.listed_to |= list_links(
        ((article.pk, tag.pk) for article, story in zip(articles, batch, strict=True)
         for tag in story.tags), count=False)
    result.sections |= {article.section_id for article in articles}
    Byline.objects.bulk_create([Byline(article=article, author=author, position=n)
                                for article, story in zip(articles, batch, strict=True)
                                for n, author in enumerate(dict.fromkeys(story.authors))])
    for article, story in zip(articles, batch, strict=True):
        if story.translation_key is not None:
            pairs.setdefault(story.translation_key, []).append((article.pk, article.language))
    result.stories += len(articles)
    result.newest_id = max(result.newest_id, *(article.pk for article in articles))


def _check(story: NewStory, *, now) -> None:
    """The desk's checks for one story, without a query: its relations are saved rows."""
    article = story.article
    if article.pk is not None:
        raise ValidationError(_("Only new stories can be imported."))
    if article.status not in (S.DRAFT, S.PUBLISHED):
        raise ValidationError(_("An imported story is a draft or published."))
    if (article.status == S.PUBLISHED) != (article.published_at is not None):
        raise ValidationError(_("A published story has a publication time; a draft has none."))
    if article.published_at is not None and article.published_at > now:
        raise ValidationError(_("An imported story cannot be published in the future."))
    if article.section.pk is None or (article.agency is not None and article.agency.pk is None):
        raise ValidationError(_("Save sections and agencies before importing stories."))
    for tag in story.tags:
        if tag.pk is None or tag.language != article.language:
            raise ValidationError(_("A story's tags must be saved and in its language."))
    if any(author.pk is None for author in story.authors):
        raise ValidationError(_("Save authors before importing their stories."))
    article.body = sanitize_html(article.body)  # as Article.save() does; bulk saves skip it
    article.version = 1
    article.comment_count = 0
    try:
        article.clean_fields(exclude=[*_RELATIONS, "slug"])
        article.clean()
    except ValidationError as exc:
        raise ValidationError(f"“{article.headline}”: {'; '.join(exc.messages)}") from exc


def _give_slugs(articles: list[Article], used: dict[str, set[str]]) -> None:
    """A unique slug in its language for each story, made from its headline if it has none."""
    wanted: dict[str, set[str]] = {}
    for article in articles:
        article.slug = article.slug or latin_slug(article.headline)
        wanted.setdefault(article.language, set()).add(article.slug)
    for language, slugs in wanted.items():
        seen = used.setdefault(language, set())
        stored = set(Article.objects.filter(language=language, slug__in=slugs)
                     .values_list("slug", flat=True))

        def taken(slug: str, seen=seen, stored=stored, slugs=slugs, language=language) -> bool:
            if slug in seen or slug in stored:
                return True
            return slug not in slugs and Article.objects.filter(language=language,
                                                                slug=slug).exists()

        for article in articles:
            if article.language == language:
                article.slug = unique_slug(article.slug, taken)
                seen.add(article.slug)
    for article in articles:
        try:
            Article._meta.get_field("slug").clean(article.slug, article)
        except ValidationError as exc:
            raise ValidationError(f"“{article.headline}”: {'; '.join(exc.messages)}") from exc


def _link_translations(pairs: dict[Hashable, list[tuple[int, str]]]) -> int:
    """A translation is a one-to-one link, so it is set once both stories exist."""
    links = []
    for pair in pairs.values():
        if len(pair) != 2 or pair[0][1] == pair[1][1]:
            raise ValidationError(_("A translation links two stories in different languages."))
        (first, _first_language), (second, _second_language) = pair
        links += [(second, first), (first, second)]
    _execute_many(f"UPDATE {_table(Article)} SET {_column(Article, 'translation')} = %s "
                  f"WHERE {_column(Article, 'id')} = %s", links)
    return len(pairs)


# Plain statements for the link rows (about two tags per story, a translation for one in
# seven): bulk_create, which builds a model instance for each row, takes four times as long.
def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _execute_many(sql: str, rows: list[tuple]) -> None:
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
