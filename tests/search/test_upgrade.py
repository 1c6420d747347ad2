"""Upgrading an index built before phrases were narrowed by neighbouring terms: the
migration gives existing entries their pairs, so their phrases are still found."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from dateline.search.selectors import search_stories

BEFORE, AFTER = [("search", "0001_initial")], [("search", "0002_phrase_pairs")]


def migrate(target) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)


@pytest.mark.django_db(transaction=True)
def test_stories_indexed_before_the_upgrade_are_found_by_phrase(election):
    migrate(BEFORE)
    try:
        with connection.cursor() as cursor:  # the entry as the old index wrote it
            if connection.vendor == "postgresql":
                cursor.execute("SELECT count(*) FROM search_document WHERE vector @@ "
                               "to_tsquery('english', 'elect')")
                assert cursor.fetchone() == (1,)
    finally:
        migrate(AFTER)
    page = search_stories('"state of the union"', language="en")
    assert [hit.article.slug for hit in page.hits] == ["election-count"]
    assert [h.article.slug for h in search_stories('"union state"', language="en").hits] == []
