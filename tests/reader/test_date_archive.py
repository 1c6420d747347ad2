"""The archive: a reader finds an old story by its day, through a month's calendar."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from dateline.newsroom.models import Article

pytestmark = pytest.mark.django_db


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def main(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")]


def day_links(html: str) -> dict[str, str]:
    """The calendar's linked days: address -> the story count it names."""
    return dict(re.findall(r'<a href="(/\w\w/archive/[0-9/]+/)"(?: aria-current="date")? '
                           r'title="([^"]+)"', html))


@pytest.fixture
def november(section, make_article):
    """Stories on 3 and 28 November 2026 (UTC), one on 1 December, one withdrawn."""
    at = lambda d, h: datetime(2026, 11, d, h, tzinfo=ZoneInfo("UTC"))  # noqa: E731
    return {
        "early": make_article(section, headline="Early ferry", published_at=at(3, 9)),
        "late": make_article(section, headline="Late ferry", published_at=at(28, 23)),
        "night": make_article(section, headline="Night ferry", published_at=at(28, 1)),
        "gone": make_article(section, headline="Withdrawn ferry", published_at=at(28, 12),
                             status=Article.Status.UNPUBLISHED),
        "december": make_article(section, headline="December ferry",
                                 published_at=datetime(2026, 12, 1, 8, tzinfo=ZoneInfo("UTC"))),
    }


def test_a_month_shows_its_days_with_stories(client, november):
    html = page(client, "/en/archive/2026/11/")
    assert "<h1>November 2026</h1>" in html
    assert day_links(html) == {"/en/archive/2026/11/03/": "1 story",
                               "/en/archive/2026/11/28/": "2 stories"}
    # the month before the first story has no link back; December has a link forward
    assert 'rel="prev"' not in html
    assert '<a rel="next" href="/en/archive/2026/12/">' in html


def test_a_day_lists_its_public_stories_newest_first(client, november):
    html = main(page(client, "/en/archive/2026/11/28/"))
    assert html.index("Late ferry") < html.index("Night ferry")
    assert "Withdrawn ferry" not in html and "Early ferry" not in html
    assert 'aria-current="date"' in html
    assert '<a rel="prev" href="/en/archive/2026/11/27/">' in html


def test_days_are_the_site_time_zone_s(client, november, settings):
    # 23:00 UTC on the 28th is already the 29th in Moscow
    settings.TIME_ZONE = "Europe/Moscow"
    with timezone.override("Europe/Moscow"):
        html = main(page(client, "/en/archive/2026/11/29/"))
    assert "Late ferry" in html and "Night ferry" not in html


def test_the_archive_opens_on_this_month(client, november):
    response = client.get("/en/archive/")
    today = timezone.localdate()
    assert response.status_code == 302
    assert response["Location"] == f"/en/archive/{today.year}/{today.month:02d}/"


def test_the_russian_archive_is_in_russian(client, section_ru, make_article):
    make_article(section_ru, headline="Паром", published_at=timezone.now() - timedelta(hours=1))
    today = timezone.localdate()
    html = main(page(client, f"/ru/archive/{today:%Y/%m/%d}/"))
    assert "Паром" in html and "Архив" in html
    assert re.search(r"<abbr title=\"Понедельник\">", html)  # the week starts on Monday


@pytest.mark.parametrize("url", [
    "/en/archive/2026/02/30/",  # no such date
    "/en/archive/2026/13/",
    "/en/archive/2026/00/01/",
    "/en/archive/2026/10/",  # before the first story
    "/en/archive/2026/11/02/",
    "/en/archive/2099/01/01/",  # the future
    "/en/archive/9999/12/",
    "/en/archive/2026/1/",  # one address per date
    "/en/archive/02026/11/",
    "/en/archive/2026/11/28/?page=9",
    "/en/archive/2026/11/28/?page=x",
])
def test_dates_outside_the_archive_are_not_found(client, november, url):
    page(client, url, status=404)


def test_archive_pages_cost_fixed_queries(client, november, make_article, section,
                                          django_assert_num_queries, forget_cache):
    for hour in range(10):
        make_article(section, published_at=datetime(2026, 11, 28, hour, tzinfo=ZoneInfo("UTC")))
    client.get("/en/")  # menu and newsfeed stored, as on any busy site
    # first story, stories per day of the month, the day's stories, their count for paging
    with django_assert_num_queries(4):
        assert client.get("/en/archive/2026/11/28/").status_code == 200
    with django_assert_num_queries(2):  # first story, stories per day
        assert client.get("/en/archive/2026/11/").status_code == 200
