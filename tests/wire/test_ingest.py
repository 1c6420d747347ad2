"""Items into the wire: versions kept, nothing stored twice, duplicates grouped, alerts."""

from __future__ import annotations

import pytest

from dateline.events import WireItemChanged
from dateline.wire import actions
from dateline.wire.models import Alert, WireItem
from tests.wire.conftest import FERRY, arrive, parsed

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_new_item_is_stored_with_its_fields_and_told_to_the_desk(feed, heard):
    item = arrive(feed, parsed(priority=3, subjects=[{"code": "x", "name": "Transport"}]))
    assert (item.version, item.current, item.language, item.agency_id) == (1, True, "en",
                                                                          feed.agency_id)
    assert item.cluster_id == item.pk and item.dateline_place == "Portvale"
    [event] = heard.of(WireItemChanged)
    assert (event.item_id, event.agency, event.alert) == (item.pk, "MW", "")


def test_the_same_item_again_stores_nothing(feed):
    assert arrive(feed, parsed()) is not None
    assert arrive(feed, parsed()) is None
    assert arrive(feed, parsed(version=1)) is None
    assert WireItem.objects.count() == 1


def test_a_changed_item_becomes_the_next_version_and_keeps_the_old(feed):
    first = arrive(feed, parsed())
    second = arrive(feed, parsed(headline="Night ferry runs again; more crossings"))
    first.refresh_from_db()
    assert (first.version, first.current, second.version, second.current) == (1, False, 2, True)
    assert second.cluster_id == first.cluster_id
    # an agency's own numbering is kept; an older version coming late changes nothing
    assert arrive(feed, parsed(version=5, headline="Fifth")).version == 5
    assert arrive(feed, parsed(version=4, headline="Fourth")) is None
    assert WireItem.objects.filter(current=True).get().headline == "Fifth"


def test_a_new_version_tells_the_desk_which_version_it_supersedes(feed, heard):
    first = arrive(feed, parsed())
    second = arrive(feed, parsed(headline="Night ferry runs again; more crossings"))
    told = heard.of(WireItemChanged)
    assert [(e.item_id, e.replaces) for e in told] == [(first.pk, None), (second.pk, first.pk)]


def test_the_same_story_from_another_agency_is_grouped(feed, other_feed):
    ours = arrive(feed, parsed())
    rewritten = FERRY.replace("the harbour authority said", "its operator said")
    theirs = arrive(other_feed, parsed("nsn-77", body=rewritten, headline="Ferry back"))
    unrelated = arrive(other_feed, parsed(
        "nsn-78", headline="Budget passes", lead="Parliament passed the budget.",
        body="<p>Parliament passed next year's budget late on Tuesday after a long debate "
             "over defence spending, pensions and the price of heating oil.</p>"))
    assert theirs.cluster_id == ours.pk
    assert unrelated.cluster_id == unrelated.pk


def test_the_same_words_in_another_language_are_not_grouped(feed, other_feed):
    ours = arrive(feed, parsed())
    theirs = arrive(other_feed, parsed("nsn-1", language="ru"))
    assert theirs.language == "ru" and theirs.cluster_id != ours.pk


def test_an_unknown_language_falls_back_to_the_feeds(feed):
    assert arrive(feed, parsed(language="xx-YY")).language == "en"


def test_urgent_copy_raises_one_alert(feed, heard):
    item = arrive(feed, parsed(priority=1))
    assert Alert.objects.get().kind == "urgent"
    assert heard.of(WireItemChanged)[-1].alert == "urgent"
    arrive(feed, parsed(priority=1, headline="Still urgent, more words"))
    assert Alert.objects.count() == 1, "an update of urgent copy is no new alarm"
    assert item.urgent


def test_a_kill_of_copy_we_ran_alerts_the_desk_and_one_click_unpublishes(
        feed, editor, heard):
    item = arrive(feed, parsed())
    article = actions.take(item, by=editor)
    from dateline.newsroom.actions import publish_article

    publish_article(article, by=editor)
    killed = arrive(feed, parsed(status="canceled", headline="KILL: do not use"))
    alert = Alert.objects.get(kind="kill")
    assert (alert.item_id, alert.article_id) == (killed.pk, article.pk)
    assert heard.of(WireItemChanged)[-1].article_id == article.pk
    actions.unpublish_killed(alert, by=editor)
    article.refresh_from_db()
    alert.refresh_from_db()
    assert article.status == "unpublished" and alert.resolved_at is not None


def test_a_kill_of_copy_we_never_ran_marks_the_item_only(feed):
    arrive(feed, parsed())
    killed = arrive(feed, parsed(status="canceled"))
    assert killed.status == "canceled" and not Alert.objects.exists()


def test_bodies_are_sanitized_whatever_the_parser_gave(feed):
    item = arrive(feed, parsed(body='<p onclick="x()">Hi<script>alert(1)</script></p>'))
    assert "script" not in item.body and "onclick" not in item.body
