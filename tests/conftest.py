"""Shared fixtures: a small edition in both languages, and a clean cache for every test."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from dateline import events, testing
from dateline.live import bus
from dateline.newsroom.models import Agency, Article, Section, Tag
from tests.services import forget

_serial = itertools.count(1)


@pytest.fixture(scope="session", autouse=True)
def _static_files(django_db_blocker):
    """Pages name static files by their hashed names: collect them as production does."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    testing.shared_static = Path(settings.STATIC_ROOT)  # servers the tests start use them too


@pytest.fixture(scope="session", autouse=True)
def _serving_readers():
    """The test process answers the test client and the socket communicator itself: it
    delivers its own events at once, as a server does (see live/bus.py)."""
    bus.serve_here()


class Heard(list):
    def of(self, kind: type[events.Event]) -> list:
        return [event for event in self if isinstance(event, kind)]


@pytest.fixture
def heard():
    """Every event delivered in this process during the test, in order."""
    seen = Heard()
    stop = events.listen(events.Event, seen.append)
    yield seen
    stop()


def _forget_cache() -> None:
    """Empty the cache: all of local memory, or only this run's keys on a shared Redis."""
    from dateline.reader.pagecache import _near

    if settings.REDIS_URL:
        forget(cache._cache.get_client(write=True), settings.CACHES["default"]["KEY_PREFIX"])
    else:
        cache.clear()
    _near.forget()


@pytest.fixture(autouse=True)
def _english_again():
    """A request leaves its language active in the thread: the next test starts afresh."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def forget_cache():
    """Every test starts and ends with an empty cache; call it to empty it midway."""
    _forget_cache()
    yield _forget_cache
    _forget_cache()


@pytest.fixture
def agency(db) -> Agency:
    return Agency.objects.create(name="Meridian Wire", code="MW", name_ru="Меридиан")


@pytest.fixture
def section(db) -> Section:
    return Section.objects.create(name="World", slug="world", language="en", order=1,
                                  tagline="What happened everywhere else today.")


@pytest.fixture
def section_ru(db) -> Section:
    return Section.objects.create(name="Мир", slug="world", language="ru", order=1,
                                  tagline="Что произошло в мире сегодня.")


@pytest.fixture
def make_article(db, agency):
    """Create a published story; keyword arguments override the defaults."""

    def make(section: Section, **fields) -> Article:
        n = next(_serial)
        defaults = {
            "headline": f"Harbour authority opens new ferry route {n}",
            "slug": f"ferry-route-{n}",
            "lead": f"The new route {n} links the two banks of the bay.",
            "body": "<p>The ferry will run every hour.</p><p>Tickets go on sale today.</p>",
            "dateline_place": "Lisbon",
            "agency": agency,
            "byline": "Marta Oliveira",
            "language": section.language,
            "status": Article.Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(minutes=n),
        }
        defaults.update(fields)
        tags = defaults.pop("tags", [])
        article = Article.objects.create(section=section, **defaults)
        if tags:
            article.tags.set(tags)
        return article

    return make


@pytest.fixture
def tag(db) -> Tag:
    return Tag.objects.create(name="Shipping", slug="shipping", language="en")


@pytest.fixture
def story(section, make_article, tag) -> Article:
    return make_article(section, headline="Harbour opens night ferry", slug="night-ferry",
                        tags=[tag])


def _staff(username: str, role: str):
    from django.apps import apps
    from django.contrib.auth.models import Group, User

    from dateline.accounts.roles import sync_roles

    sync_roles(apps)  # a transactional test's flush removes the groups migrate made
    user = User.objects.create_user(username, f"{username}@example.org", "desk-pass-2026",
                                    is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return User.objects.get(pk=user.pk)  # fresh: permission caches start empty


@pytest.fixture
def reporter(db):
    return _staff("rita", "reporter")


@pytest.fixture
def other_reporter(db):
    return _staff("oleg", "reporter")


@pytest.fixture
def editor(db):
    return _staff("elena", "editor")


@pytest.fixture
def chief(db):
    return _staff("chris", "chief editor")


@pytest.fixture
def moderator(db):
    return _staff("mona", "moderator")


@pytest.fixture
def draft(section, make_article, reporter):
    return make_article(section, headline="Tram line reaches the harbour", slug="tram-line",
                        status=Article.Status.DRAFT, published_at=None, author=reporter)
