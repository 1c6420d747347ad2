"""Search reads: one selector for the reader's search page and the desk's story list,
whichever database holds the index."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.safestring import SafeString

from dateline.newsroom.models import Article
from dateline.search import backends
from dateline.search.excerpts import Matcher, excerpt, marked
from dateline.search.models import Document
from dateline.search.text import parse

PER_PAGE = 20
PAGES_MAX = 50  # deeper than this nobody reads; the reader narrows the search instead
ORDERS = ("relevance", "newest")
DESK_MAX = 200


@dataclass
class Hit:
    article: Article
    headline: SafeString
    excerpt: SafeString


@dataclass
class SearchPage:
    query: str
    problem: str = ""  # "empty", "too_long", "stop_words"
    hits: list[Hit] = field(default_factory=list)
    count: int = 0
    more: bool = False  # more match than count (the first thousand are shown)
    number: int = 1

    @property
    def num_pages(self) -> int:
        return min(PAGES_MAX, max(1, -(-self.count // PER_PAGE)))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def search_stories(query: str, *, language: str, section: str = "", tag: str = "",
                   agency: str = "", since: datetime | None = None,
                   until: datetime | None = None, order: str = "relevance",
                   page: int = 1) -> SearchPage:
    """A page of public stories matching query in one language, with highlighted excerpts:
    the matches (one query; a second ranks them for best match), then the page's stories."""
    parsed = parse(query, language)
    page = max(1, min(page, PAGES_MAX))
    result = SearchPage(query=query, problem=parsed.problem, number=page)
    if parsed.problem:
        return result
    filters = backends.Filters(language=language, now=timezone.now(), section=section,
                               tag=tag, agency=agency, since=since, until=until)
    found = backends.search(parsed, filters, newest=order == "newest", limit=PER_PAGE,
                            offset=(page - 1) * PER_PAGE)
    result.count, result.more = found.count, found.more
    result.hits = _hits(found.ids, Matcher(parsed.stems, parsed.prefixes, language))
    return result


def _hits(ids: list[int], matcher: Matcher) -> list[Hit]:
    if not ids:
        return []
    rows = (Document.objects.filter(pk__in=ids)
            .select_related("article__section", "article__agency")
            .only("text", "article__headline", "article__slug", "article__lead",
                  "article__language", "article__published_at", "article__section__slug",
                  "article__section__name", "article__section__language",
                  "article__agency__name", "article__agency__name_ru",
                  "article__dateline_place", "article__byline", "article__comment_count",
                  "article__is_breaking"))
    by_id = {row.pk: row for row in rows}
    return [Hit(article=row.article, headline=marked(row.article.headline, matcher),
                excerpt=excerpt(row.text, matcher))
            for pk in ids if (row := by_id.get(pk)) is not None]


def desk_matches(text: str, language: str = "") -> list[int]:
    """Ids of public stories matching what an editor typed, best first (at most DESK_MAX)."""
    ids: list[int] = []
    for lang in [language] if language in backends.CONFIGURATIONS else list(
            backends.CONFIGURATIONS):
        parsed = parse(text, lang)
        if parsed.problem:
            continue
        filters = backends.Filters(language=lang, now=timezone.now())
        ids += backends.search(parsed, filters, newest=False, limit=DESK_MAX, offset=0).ids
    return ids
