"""Taking wire copy into stories, and running a trusted agency's copy as it is."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dateline.newsroom.models import Article
from dateline.wire import actions, ingest
from tests.wire.conftest import parsed

pytestmark = pytest.mark.django_db


def test_take_makes_a_draft_with_the_agencys_credit_and_dateline(feed, reporter):
    item = ingest.store(feed, parsed())
    article = actions.take(item, by=reporter)
    assert article.status == "draft" and article.author == reporter
    assert (article.headline, article.dateline_place, article.agency_id, article.section_id,
            article.byline) == (item.headline, "Portvale", feed.agency_id, feed.section_id,
                                "Ann Example")
    assert article.lead == item.lead and "night ferry" in article.body
    assert article.wire_source.item == item  # the attribution chain


def test_take_into_the_other_edition_links_the_translation(feed, editor, section_ru):
    item = ingest.store(feed, parsed())
    english = actions.take(item, by=editor)
    russian = actions.take(item, by=editor, language="ru")
    assert russian.language == "ru" and russian.section == section_ru
    assert russian.translation_id == english.pk
    english.refresh_from_db()
    assert english.translation_id == russian.pk
    assert russian.wire_source.item == item


def test_a_killed_item_cannot_be_taken(feed, editor):
    item = ingest.store(feed, parsed(status="canceled"))
    with pytest.raises(ValidationError):
        actions.take(item, by=editor)


def test_only_editors_run_a_trusted_agencys_item_as_it_is(trusted_feed, reporter, editor):
    item = ingest.store(trusted_feed, parsed())
    with pytest.raises(PermissionDenied):
        actions.publish_as_is(item, by=reporter)
    article = actions.publish_as_is(item, by=editor)
    assert article.status == "published" and article.wire_source.as_is


def test_an_untrusted_agencys_item_is_edited_first(feed, editor):
    item = ingest.store(feed, parsed())
    with pytest.raises(ValidationError):
        actions.publish_as_is(item, by=editor)
    assert not Article.objects.exists()


def test_embargoed_copy_run_as_it_is_waits_for_its_embargo(trusted_feed, editor):
    at = timezone.now() + timedelta(hours=2)
    item = ingest.store(trusted_feed, parsed(embargo=at))
    article = actions.publish_as_is(item, by=editor)
    assert article.status == "scheduled" and article.published_at == at
