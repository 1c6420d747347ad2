"""Generated views, flushed by the job, give exactly those figures: in most read, in the
desk's page and in a story's own page; a flush run again counts nothing twice."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.analytics import counter, flush, selectors, tasks
from dateline.analytics.counter import Read
from dateline.analytics.models import FlushedBucket, StoryDay, StoryHour, TrafficHour
from dateline.discussion.models import Comment
from dateline.newsroom.models import Article, Section
from dateline.reader.pagecache import make_stale
from tests.analytics.conftest import flush_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(section, make_article):
    business = Section.objects.create(name="Business", slug="business", language="en", order=2)
    world = [make_article(section) for _ in range(3)]
    money = [make_article(business) for _ in range(2)]
    return {"world": world, "business": money, "section": business}


def views(plan: list[tuple[Article, str, int]], *, minutes_ago: int = 0) -> None:
    when = timezone.now() - timedelta(minutes=minutes_ago)
    for article, kind, n in plan:
        for _ in range(n):
            counter.count(Read(article.pk, 0, article.language, kind), when=when)


def test_generated_views_give_exactly_those_figures(edition, client, editor,
                                                    django_assert_num_queries):
    w1, w2, w3 = edition["world"]
    b1, b2 = edition["business"]
    # given 40 reads over three minutes, of five stories, arriving in five ways
    views([(w1, "search", 6), (w2, "direct", 2), (b1, "social", 3)], minutes_ago=2)
    views([(w1, "internal", 4), (b2, "newsletter", 5), (w3, "other", 1)], minutes_ago=1)
    views([(b1, "search", 9), (w2, "search", 10)])
    # when the job runs after the last minute closed
    assert flush_all() == 3
    # then most read ranks them by their reads (a tie: the newer story first), in one query
    with django_assert_num_queries(1):
        top = selectors.most_read(language="en", limit=5)
    assert [(a.pk, a.reads) for a in top] == [(w2.pk, 12), (b1.pk, 12), (w1.pk, 10),
                                             (b2.pk, 5), (w3.pk, 1)]
    assert [a.pk for a in selectors.most_read(language="en", section=edition["section"])] == \
        [b1.pk, b2.pk]
    assert selectors.most_read(language="ru") == []
    # and the desk's page says the same
    client.force_login(editor)
    page = client.get("/admin/analytics/").content.decode()
    assert _figure(page, "reads") == 40
    assert re.search(r"<th scope=\"row\">Search</th><td>25</td>", page)
    assert re.search(r"<th scope=\"row\">Social</th><td>3</td>", page)
    assert re.search(r"<th scope=\"row\">Direct</th><td>2</td>", page)
    assert re.search(r"<th scope=\"row\">Newsletter</th><td>5</td>", page)
    assert re.search(r"<th scope=\"row\">Other sites</th><td>1</td>", page)  # internal: none
    assert re.search(r"<th scope=\"row\">World \(en\)</th><td>23</td>", page)
    assert re.search(r"<th scope=\"row\">Business \(en\)</th><td>17</td>", page)
    assert f'data-story="{w1.pk}">10<' in page
    assert page.count('role="img"') == 4
    # and the story's own page
    story = client.get(f"/admin/analytics/story/{w1.pk}/").content.decode()
    assert _figure(story, "total") == 10 and 'role="img"' in story


def _figure(page: str, name: str) -> int:
    return int(re.search(rf'data-figure="{name}">(\d+)<', page).group(1))


def test_a_flush_run_again_counts_nothing_twice(story):
    minute = counter.minute_of(timezone.now() - timedelta(minutes=3))
    counts = {Read(story.pk, 0, "en", "direct"): 7}
    assert flush.write_bucket(minute, counts) == 1
    # the same bucket again (a retried job, or a second worker racing the first)
    assert flush.write_bucket(minute, counts) == 0
    assert StoryHour.objects.get().reads == 7 and StoryDay.objects.get().reads == 7
    assert TrafficHour.objects.get().reads == 7


def test_the_job_skips_a_minute_already_written_and_clears_it(story):
    views([(story, "direct", 3)], minutes_ago=3)
    minute = counter.minute_of(timezone.now() - timedelta(minutes=3))
    FlushedBucket.objects.create(minute=minute)  # written by a flush that died after commit
    assert tasks.flush_reads.call() == 0
    assert not StoryHour.objects.exists()
    assert counter.sizes([minute]) == {}  # the cache's copy is gone too


def test_the_open_minute_is_left_for_later(story):
    views([(story, "direct", 2)])
    assert flush.flush() == 0
    assert flush_all() == 1 and StoryHour.objects.get().reads == 2


def test_counts_of_later_flushes_add_up(story):
    # two minutes of one hour (whatever the clock says now)
    hour = (timezone.now() - timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
    for _ in range(2):
        counter.count(Read(story.pk, 0, "en", "direct"), when=hour + timedelta(minutes=5))
    flush_all()
    for _ in range(3):
        counter.count(Read(story.pk, 0, "en", "search"), when=hour + timedelta(minutes=6))
    flush_all()
    assert StoryHour.objects.get().reads == 5 and StoryDay.objects.get().reads == 5
    assert sorted(TrafficHour.objects.values_list("kind", "reads")) == [("direct", 2),
                                                                        ("search", 3)]


def test_most_read_shows_public_stories_of_the_last_day_only(section, make_article):
    old, hidden, fresh = (make_article(section) for _ in range(3))
    views([(old, "direct", 9), (hidden, "direct", 8), (fresh, "direct", 1)])
    flush_all()
    StoryHour.objects.filter(article=old).update(hour=timezone.now() - timedelta(hours=26))
    Article.objects.filter(pk=hidden.pk).update(status=Article.Status.UNPUBLISHED)
    assert [a.pk for a in selectors.most_read(language="en")] == [fresh.pk]


def test_home_and_section_pages_show_most_read_only_once_there_are_reads(client, story,
                                                                         section):
    assert "Most read" not in client.get("/en/").content.decode()
    views([(story, "direct", 1)])
    flush_all()
    make_stale()  # as a site-wide change does; else the stored page ages out
    block = re.search(r'<section class="most-read".*?</section>',
                      client.get("/en/").content.decode(), re.S)
    assert block and story.headline in block.group(0)
    assert 'id="most-read-title"' in client.get("/en/world/").content.decode()


def test_old_hours_are_pruned_and_days_kept(story):
    views([(story, "direct", 4)], minutes_ago=3)
    flush_all()
    StoryHour.objects.update(hour=timezone.now() - timedelta(days=9))
    assert tasks.prune_hours.call() == 1
    assert not StoryHour.objects.exists() and StoryDay.objects.get().reads == 4


def test_comments_over_time_are_counted_per_day(client, editor, story, chief):
    for n in range(3):
        Comment.objects.create(article=story, author=chief, body=f"Comment {n}")
    Comment.objects.create(article=story, author=chief, body="Long ago",
                           created_at=timezone.now() - timedelta(days=40))
    client.force_login(editor)
    assert _figure(client.get("/admin/analytics/?period=30d").content.decode(), "comments") == 3
    assert _figure(client.get("/admin/analytics/?period=365d").content.decode(), "comments") == 4


@pytest.mark.parametrize("period", ["24h", "7d", "30d", "365d", "nonsense", "%00"])
def test_the_desk_page_queries_are_bounded(client, editor, edition, period):
    views([(edition["world"][0], "direct", 3)], minutes_ago=2)
    flush_all()
    client.force_login(editor)
    client.get("/admin/analytics/")  # the session and the user are read once warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/analytics/", {"period": period})
    assert response.status_code == 200
    # session, user, permissions (2), reads over time, comments over time, reads per
    # section and arrivals (one pass), the sections' names, the last hour's top stories
    assert len(queries) == 9, [q["sql"] for q in queries]


def test_the_desk_page_requires_the_permission(client, reporter, editor, chief, story):
    assert client.get("/admin/analytics/").status_code == 302  # to the desk's login
    client.force_login(reporter)
    assert client.get("/admin/analytics/").status_code == 403
    assert client.get(f"/admin/analytics/story/{story.pk}/").status_code == 403
    for allowed in (editor, chief):
        client.force_login(allowed)
        assert client.get("/admin/analytics/").status_code == 200
    assert client.get("/admin/analytics/story/999999/").status_code == 404


def test_the_desk_page_speaks_russian(client, editor, story):
    views([(story, "search", 2)], minutes_ago=2)
    flush_all()
    client.force_login(editor)
    page = client.get("/admin/analytics/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Аналитика" in page and "Поиск" in page


def test_comments_over_time_read_only_the_period(story, chief):
    # a year of discussion is one range of the comments' index on their time, not the whole
    # table (which is what made a year's page slow)
    Comment.objects.create(article=story, author=chief, body="Now")
    period, now = selectors.PERIODS["30d"], timezone.now()
    with CaptureQueriesContext(connection) as queries:
        selectors.comments_over_time(period, now)
    (query,) = queries
    with connection.cursor() as cursor:
        explain = "EXPLAIN QUERY PLAN" if connection.vendor == "sqlite" else "EXPLAIN"
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # a few rows: no index otherwise
        cursor.execute(f"{explain} {query['sql']}")
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "comment_written" in plan, plan
