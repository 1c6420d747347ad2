"""Search fixtures: stories in both languages, put in the index as the desk's actions do."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.newsroom.models import Agency, Tag
from dateline.search import index

ELECTION = ("<p>Polls closed at eight as the election count began in the capital.</p>"
            "<p>Officials said turnout in the state of the union was higher than in any "
            "election since the war, and the electoral board promised results by noon.</p>")
MOSCOW = ("<p>В Москве в воскресенье прошли выборы в городскую думу.</p>"
          "<p>Наблюдатели отметили, что на ёлочном базаре у избирательного участка "
          "было людно.</p>")


@pytest.fixture
def indexed():
    """Put stories in the index (as the listener does after the desk acts)."""

    def put(*articles):
        index.write(articles)
        return articles[0] if len(articles) == 1 else articles

    return put


@pytest.fixture
def election(section, make_article, indexed, tag):
    return indexed(make_article(section, headline="Election count begins in the capital",
                                slug="election-count", lead="Turnout was high.",
                                body=ELECTION, tags=[tag]))


@pytest.fixture
def ferry(section, make_article, indexed):
    return indexed(make_article(section, headline="Night ferry returns", slug="night-ferry",
                                lead="The ferry runs again.",
                                body="<p>The ferry runs every hour from the harbour.</p>",
                                agency=Agency.objects.create(name="North Star", code="NSN")))


@pytest.fixture
def moscow(section_ru, make_article, indexed):
    return indexed(make_article(section_ru, headline="Выборы в городскую думу",
                                slug="vybory", lead="Москва выбирала депутатов.",
                                body=MOSCOW, published_at=timezone.now() - timedelta(days=3)))


@pytest.fixture
def ru_tag(db):
    return Tag.objects.create(name="Выборы", slug="vybory", language="ru")
