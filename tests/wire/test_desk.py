"""The wire monitor and an item's page in the desk, as editors use them."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from dateline.newsroom.models import Article
from dateline.wire import actions, ingest
from dateline.wire.models import Alert
from tests.wire.conftest import parsed

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(feed, other_feed):
    made = [ingest.store(feed, parsed(f"mw-{n}", headline=f"Item number {n}",
                                      body=f"<p>Text {n} about harbour number {n}.</p>"))
            for n in range(60)]
    made.append(ingest.store(other_feed, parsed("nsn-1", priority=1, headline="Flash")))
    return made


def test_the_monitor_lists_the_newest_items_first_with_a_page_of_older(client, reporter, items):
    client.force_login(reporter)
    page = client.get("/admin/wire/monitor/")
    html = page.content.decode()
    assert page.status_code == 200
    assert html.index("Flash") < html.index("Item number 59<") < html.index("Item number 11<")
    assert "Item number 10<" not in html  # on the next page
    older = re.search(r'href="\?before=(\d+)"', html).group(1)
    html = client.get(f"/admin/wire/monitor/?before={older}").content.decode()
    assert "Item number 10<" in html and "Item number 0<" in html and "Item number 11<" not in html
    assert 'data-groups="wire.' in html


def test_the_monitor_filters_by_agency_priority_and_words(client, reporter, items, other_feed):
    client.force_login(reporter)
    html = client.get(f"/admin/wire/monitor/?agency={other_feed.agency_id}").content.decode()
    assert "Flash" in html and "Item number" not in html
    html = client.get("/admin/wire/monitor/?priority=2").content.decode()
    assert "Flash" in html and "Item number" not in html
    html = client.get("/admin/wire/monitor/?q=harbour+number+42").content.decode()
    assert "Item number 42" in html and "Item number 41" not in html


@pytest.mark.parametrize("query", ["since=yesterday", "priority=①", "agency=99999999999",
                                   "before=²", "q=" + "x" * 300, "language=xx"])
def test_bad_filters_are_told_not_failed(client, reporter, items, query):
    client.force_login(reporter)
    assert client.get(f"/admin/wire/monitor/?{query}").status_code == 200


def test_the_monitor_runs_a_fixed_number_of_queries(client, reporter, items,
                                                    django_assert_num_queries):
    client.force_login(reporter)
    client.get("/admin/wire/monitor/")
    # session, user, permissions (2), items, their story sizes, agencies to follow, alerts,
    # failing feeds, the agency filter's choices
    with django_assert_num_queries(10):
        assert client.get("/admin/wire/monitor/").status_code == 200


def test_readers_never_see_the_wire(client, items, django_user_model):
    assert client.get("/admin/wire/monitor/").status_code == 302  # to the desk's login
    reader = django_user_model.objects.create_user("vera", "v@example.org", "pw-2026-x")
    client.force_login(reader)
    assert client.get("/admin/wire/monitor/").status_code in (302, 403)
    assert client.get(f"/admin/wire/monitor/{items[0].pk}/").status_code in (302, 403)


def test_an_items_page_shows_the_changes_between_versions(client, reporter, feed):
    ingest.store(feed, parsed(headline="Ferry back", body="<p>Forty passengers.</p>"))
    second = ingest.store(feed, parsed(headline="Ferry back", body="<p>Fifty passengers.</p>"))
    client.force_login(reporter)
    html = client.get(f"/admin/wire/monitor/{second.pk}/").content.decode()
    assert "Changes from version 1 to 2" in html
    assert 'wire-del">- Forty passengers.' in html and 'wire-add">+ Fifty passengers.' in html


def test_take_from_the_items_page_opens_the_draft(client, reporter, feed):
    item = ingest.store(feed, parsed())
    client.force_login(reporter)
    answer = client.post(f"/admin/wire/monitor/{item.pk}/take/")
    article = Article.objects.get()
    assert answer.url == reverse("admin:newsroom_article_change", args=[article.pk])
    assert article.agency == feed.agency and article.status == "draft"
    html = client.get(f"/admin/wire/monitor/{item.pk}/").content.decode()
    assert "Taken into" in html and article.headline in html
    # a reporter is offered no "publish as it is", and is refused it
    assert "Publish as it is" not in html
    assert client.post(f"/admin/wire/monitor/{item.pk}/run/").status_code == 403


def test_an_editor_answers_a_kill_alert_with_one_click(client, editor, feed):
    item = ingest.store(feed, parsed())
    article = actions.take(item, by=editor)
    from dateline.newsroom.actions import publish_article

    publish_article(article, by=editor)
    ingest.store(feed, parsed(status="canceled", headline="KILL"))
    client.force_login(editor)
    html = client.get("/admin/wire/monitor/").content.decode()
    assert "Kill of copy we ran" in html and "Unpublish our story" in html
    alert = Alert.objects.get()
    client.post(f"/admin/wire/alerts/{alert.pk}/", {"do": "unpublish"})
    article.refresh_from_db()
    assert article.status == "unpublished"
    assert "Kill of copy we ran" not in client.get("/admin/wire/monitor/").content.decode()


def test_an_unknown_action_changes_nothing(client, editor, feed):
    item = ingest.store(feed, parsed())
    client.force_login(editor)
    client.post(f"/admin/wire/monitor/{item.pk}/frobnicate/")
    client.post(f"/admin/wire/monitor/{item.pk}/take-other/", {"language": "en"})
    assert not Article.objects.exists()


def test_a_taken_storys_desk_page_names_its_wire_item(client, reporter, feed):
    item = ingest.store(feed, parsed())
    article = actions.take(item, by=reporter)
    client.force_login(reporter)
    html = client.get(reverse("admin:newsroom_article_change", args=[article.pk])).content
    assert f'href="/admin/wire/monitor/{item.pk}/"'.encode() in html
    assert b"Taken from the wire:" in html and b"mw-001" in html


def test_a_feed_that_failed_is_shown_on_the_monitor_with_its_error(client, reporter, feed):
    from dateline.wire import tasks
    from dateline.wire.models import Delivery

    delivery = Delivery.objects.create(feed=feed, source="world.rss", payload=b"<rss><chan")
    assert tasks.read(delivery) == 0
    client.force_login(reporter)
    html = client.get("/admin/wire/monitor/").content.decode()
    assert "Feeds that failed" in html and "world.rss:" in html
