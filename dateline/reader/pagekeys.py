"""What a stored page shows, named as keys, and which keys an event makes stale.

A page carries `story-<id>` for every story it shows or lists (its own, the next one, the
related ones, the most read), and a key for each list a new story can enter: the newest
stories of an edition (its home, its feeds, the Newsfeed), a section, a tag, an author, an
archive day and month. Publishing, changing or withdrawing a story makes stale its own key
and those of the lists it belongs to: a page that listed it carries its `story-<id>`, so a
list it leaves (a tag taken off) is reached too. Its comment count shows on its own page
only (`comments-<id>`). Every page also carries EVERY_PAGE, for what all pages share.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from datetime import date, datetime

from django.utils import timezone

from dateline.events import ArticleEvent, CommentChanged
from dateline.newsroom import selectors
from dateline.reader.stale import EVERY_PAGE

_shown: ContextVar[set[str] | None] = ContextVar("page_keys", default=None)


def story(pk: int) -> str:
    return f"story-{pk}"


def latest(language: str) -> str:
    """An edition's newest stories: its home page, its feeds, its Newsfeed."""
    return f"latest-{language}"


def section(pk: int) -> str:
    return f"section-{pk}"


def tag(pk: int) -> str:
    return f"tag-{pk}"


def author(pk: int) -> str:
    return f"author-{pk}"


def day(language: str, when: date) -> str:
    return f"day-{language}-{when:%Y-%m-%d}"


def month(language: str, when: date) -> str:
    return f"month-{language}-{when:%Y-%m}"


def comments(pk: int) -> str:
    return f"comments-{pk}"


def collect() -> object:
    """Start naming what the page being rendered shows; returns a token for `collected`."""
    return _shown.set({EVERY_PAGE})


def collected(token) -> frozenset[str]:
    """The keys named since `collect`, and the collecting ended."""
    keys = _shown.get() or set()
    _shown.reset(token)
    return frozenset(keys)


def shows(*keys: str, stories: Iterable = ()) -> None:
    """The page being rendered shows these lists and stories (outside a stored page: nothing)."""
    found = _shown.get()
    if found is not None:
        found.update(keys)
        found.update(story(item.pk) for item in stories if item is not None)


def of_story(article) -> None:
    """A story's page shows the story, its comment count, the next story, its related
    stories and its translation's address. Related stories not public yet are named too:
    their publication adds them to this page."""
    links = getattr(article, "related_all", None)
    if links is None:
        links = article.related_links.all()
    shows(story(article.pk), comments(article.pk), stories=[link.related for link in links])
    if article.translation_id:
        shows(story(article.translation_id))


def stale_for(event) -> frozenset[str]:
    """The keys an event makes stale."""
    if isinstance(event, CommentChanged):
        return frozenset({comments(event.article_id)})
    if not isinstance(event, ArticleEvent):
        return frozenset({EVERY_PAGE})
    keys = {story(event.article_id), latest(event.language), section(event.section_id)}
    tags, authors = selectors.story_lists(event.article_id)
    keys.update(tag(pk) for pk in tags)
    keys.update(author(pk) for pk in authors)
    if event.published_at:
        published = timezone.localdate(datetime.fromisoformat(event.published_at))
        keys.update({day(event.language, published), month(event.language, published)})
    return frozenset(keys)
