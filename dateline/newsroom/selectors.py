"""Read paths the reader's pages use: each an indexed query of bounded size, free of N+1."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from dateline import numbers
from dateline.newsroom.models import (
    Article,
    ArticleRedirect,
    Author,
    Byline,
    RelatedStory,
    Section,
    Tag,
)

NEWSFEED_SIZE = 20
SECTION_PAGE_SIZE = 20
_LIST_FIELDS = ("id", "headline", "slug", "lead", "language", "published_at", "comment_count",
                "is_breaking", "section__id", "section__slug", "section__name")
BREAKING_FOR = timedelta(hours=12)  # how long a breaking story holds the top of home
FRONT_WINDOW = 200  # newest stories the front page sorts into its sections in one query


def _listed(qs: QuerySet[Article]) -> QuerySet[Article]:
    """Just what a story list shows: no bodies."""
    return qs.select_related("section").only(*_LIST_FIELDS).order_by("-published_at", "-id")


def menu_sections(*, language: str) -> list[Section]:
    """Sections of a language in menu order."""
    return list(Section.objects.filter(language=language).order_by("order", "name"))


def newsfeed(*, language: str, limit: int = NEWSFEED_SIZE) -> list[Article]:
    """The newest public stories of a language, for the Newsfeed column."""
    qs = Article.objects.published().filter(language=language)
    return list(qs.select_related("section").only(
        "id", "headline", "slug", "language", "published_at", "is_breaking", "section__slug",
    ).order_by("-published_at", "-id")[:limit])


def newsfeed_items(*, language: str, limit: int) -> list[Article]:
    """The newest public stories with what a feed entry shows."""
    return list(_listed(Article.objects.published().filter(language=language))
                .only(*_LIST_FIELDS, "updated_at")[:limit])


def feed_entries(*, language: str, section: Section | None = None, tag: Tag | None = None,
                 limit: int) -> list[Article]:
    """The newest public stories of an edition, a section or a tag, with all a full feed
    entry shows (body, lead image, tags, authors): three queries however many stories."""
    public = Article.objects.published()
    if section is not None:
        public = public.filter(section=section)
    elif tag is not None:
        public = _tagged(tag)
    else:
        public = public.filter(language=language)
    if tag is None:
        public = public.order_by("-published_at", "-id")
    return list(public.select_related("section", "lead_image").prefetch_related("tags", BYLINES)
                [:limit])


def front_page(*, language: str, sections: list[Section], per_section: int = 4) -> dict:
    """Top story (the latest breaking one, else the latest) and the latest stories of each
    section: two queries, and one more for each section too quiet to appear among the
    FRONT_WINDOW newest stories often enough."""
    public = Article.objects.published().filter(language=language)
    breaking = list(_listed(public.filter(
        is_breaking=True, published_at__gte=timezone.now() - BREAKING_FOR))[:1])
    newest = list(_listed(public)[:FRONT_WINDOW])
    top = breaking[0] if breaking else (newest[0] if newest else None)
    by_section = []
    for section in sections:
        stories = [a for a in newest if a.section_id == section.pk]
        if len(stories) <= per_section and len(newest) == FRONT_WINDOW:
            # it may have older stories beyond the window: ask for its own
            stories = list(_listed(public.filter(section=section))[:per_section + 1])
        stories = [a for a in stories if top is None or a.pk != top.pk][:per_section]
        if stories:
            by_section.append((section, stories))
    return {"top": top, "by_section": by_section}


def section_by_slug(slug: str, *, language: str) -> Section:
    section = Section.objects.filter(language=language, slug=slug).first()
    if section is None:
        raise Http404("no such section")
    return section


def tag_by_slug(slug: str, *, language: str) -> Tag:
    tag = Tag.objects.filter(language=language, slug=slug).first()
    if tag is None:
        raise Http404("no such tag")
    return tag


def paginate(qs: QuerySet[Article], number: str | None, *, per_page: int = SECTION_PAGE_SIZE,
             count: int | None = None) -> Page:
    """A page of a list; a missing, malformed or out-of-range number is a 404. `count` is
    the list's length when it is kept (a tag's, a section's): no COUNT(*) then."""
    page = 1 if number is None else numbers.parse(number, low=1, high=10**9)
    if page is None:
        raise Http404("bad page number")
    paginator = Paginator(qs, per_page, allow_empty_first_page=True)
    if count is not None:
        paginator.count = count  # instead of its cached_property
    if page > 1 and page > paginator.num_pages:
        raise Http404("no such page")
    return paginator.page(page)


def section_articles(section: Section) -> QuerySet[Article]:
    """Public stories of a section, newest first."""
    return _listed(Article.objects.published().filter(section=section))


def tag_articles(tag: Tag) -> QuerySet[Article]:
    """Public stories with a tag, newest first: a range of the tag's kept list (its
    tag_latest index), however many stories the tag has."""
    return _tagged(tag).select_related("section").only(*_LIST_FIELDS)


def _tagged(tag: Tag) -> QuerySet[Article]:
    return (Article.objects.published()
            .filter(tag_listings__tag=tag, tag_listings__published_at__lte=timezone.now())
            .order_by("-tag_listings__published_at", "-tag_listings__article_id"))


BYLINES = Prefetch("bylines", queryset=Byline.objects.select_related("author"))


def _related() -> Prefetch:
    """A story's related stories in order, each with its section and what tells whether it
    is public now (Article.public_related picks those). Filtered in SQL, the query walked
    every published story of the archive on SQLite, which has no statistics to start from
    the few related rows instead."""
    return Prefetch("related_links", to_attr="related_all", queryset=RelatedStory.objects
                    .select_related("related__section").only(
                        "article_id", "position", "related__headline", "related__slug",
                        "related__language", "related__status", "related__published_at",
                        "related__section__slug"))


def _for_page(qs: QuerySet[Article]) -> QuerySet[Article]:
    return (qs.select_related("section", "agency", "lead_image", "translation",
                              "translation__section")
            .prefetch_related("tags", "corrections", BYLINES, _related()))


def article_for_reading(*, language: str, slug: str) -> Article:
    """A public story with everything its page shows: one query, plus tags, corrections,
    authors and related stories."""
    article = _for_page(Article.objects.published().filter(language=language, slug=slug)).first()
    if article is None:
        raise Http404("no such story")
    if article.translation_id and not article.translation.is_public:
        article.translation = None
    return article


def next_article(article: Article) -> Article | None:
    """The next older public story of the same section: what the endless scroll shows next."""
    # One range on the index, minus the few stories of the very same instant that come
    # before it (an OR of the two conditions would defeat the index).
    return (Article.objects.published()
            .filter(section_id=article.section_id, published_at__lte=article.published_at)
            .exclude(published_at=article.published_at, id__gte=article.pk)
            .select_related("section").only(
                "id", "slug", "headline", "language", "section__slug")
            .order_by("-published_at", "-id").first())


def section_in_language(slug: str, *, language: str) -> Section | None:
    """The section with the same address in another language, for the language switcher."""
    return Section.objects.filter(language=language, slug=slug).first()


def article_for_preview(pk: int) -> Article:
    """Any story, whatever its status, loaded as its public page would load it."""
    article = _for_page(Article.objects.filter(pk=pk)).first()
    if article is None:
        raise Http404("no such story")
    return article


def moved_article(*, language: str, section: str, slug: str) -> Article | None:
    """The public story that used to live at this address, if one did."""
    old = (ArticleRedirect.objects.filter(language=language, section_slug=section, slug=slug)
           .select_related("article__section").first())
    if old is None or not old.article.is_public:
        return None
    return old.article


def sitemap_sections() -> QuerySet[Section]:
    """Every section of both editions, in menu order."""
    return Section.objects.order_by("language", "order")


def news_sitemap_articles(*, since: datetime, limit: int) -> QuerySet[Article]:
    """Public stories published since `since`, newest first, for a news sitemap (a range on
    the published_at index)."""
    return (Article.objects.published().filter(published_at__gte=since)
            .select_related("section")
            .only("id", "slug", "headline", "language", "published_at", "section__slug")
            .order_by("-published_at", "-id")[:limit])


def author_by_slug(slug: str) -> Author:
    """An author with their photo, or a 404."""
    author = Author.objects.select_related("photo").filter(slug=slug).first()
    if author is None:
        raise Http404("no such author")
    return author


def author_articles(author: Author, *, language: str) -> QuerySet[Article]:
    """An author's public stories in an edition, newest first."""
    return _listed(Article.objects.published().filter(bylines__author=author, language=language))


def first_published(*, language: str) -> datetime | None:
    """When the edition's oldest public story appeared: where its archive begins."""
    return (Article.objects.published().filter(language=language).order_by("published_at")
            .values_list("published_at", flat=True).first())


def stories_per_day(*, language: str, start: datetime, end: datetime) -> dict[date, int]:
    """How many public stories each day in [start, end) has, days in the site's time zone:
    one query, a range on the edition's newest-first index."""
    rows = (Article.objects.published()
            .filter(language=language, published_at__gte=start, published_at__lt=end)
            .annotate(day=TruncDate("published_at", tzinfo=timezone.get_current_timezone()))
            .values("day").annotate(stories=Count("id")).order_by())
    return {row["day"]: row["stories"] for row in rows}


def stories_between(*, language: str, start: datetime, end: datetime) -> QuerySet[Article]:
    """Public stories of an edition published in [start, end), newest first."""
    return _listed(Article.objects.published()
                   .filter(language=language, published_at__gte=start, published_at__lt=end))


def sitemap_articles() -> QuerySet[Article]:
    """Every public story, for the sitemap."""
    return (Article.objects.published().select_related("section")
            .only("id", "slug", "language", "updated_at", "section__slug")
            .order_by("-published_at", "-id"))


def story_feed_keys(article_id: int, *, section_id: int) -> tuple[str | None, list[str]]:
    """The slugs of the section and tags whose feeds list a story (two indexed queries);
    the section is None if it is gone."""
    section = Section.objects.filter(pk=section_id).values_list("slug", flat=True).first()
    tags = list(Tag.objects.filter(articles__id=article_id).order_by("slug")
                .values_list("slug", flat=True))
    return section, tags


def story_lists(article_id: int) -> tuple[list[int], list[int]]:
    """The ids of the tags and authors whose pages list a story (two indexed queries)."""
    tags = list(Tag.objects.filter(articles__id=article_id).values_list("id", flat=True))
    authors = list(Byline.objects.filter(article_id=article_id)
                   .values_list("author_id", flat=True))
    return tags, authors


def stories_since(*, language: str, since, until, limit: int = 200) -> list[Article]:
    """Public stories of an edition published in (since, until], newest first: a digest."""
    return list(_listed(Article.objects.published().filter(
        language=language, published_at__gt=since, published_at__lte=until))[:limit])
