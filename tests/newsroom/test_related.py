"""Related stories: a reader finishing a story is offered those about the same thing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.newsroom import actions, related
from dateline.newsroom.models import Article, RelatedStory, Tag
from dateline.tasks.worker import Worker

pytestmark = pytest.mark.django_db


def work() -> int:
    """Run every ready job, as the worker inside the server would."""
    worker, ran = Worker(), 0
    while worker.run_one():
        ran += 1
    return ran


def shown(client, story: Article) -> list[str]:
    html = client.get(story.get_absolute_url()).content.decode()
    if 'class="related"' not in html:
        return []
    block = html[html.index('class="related"'):]
    block = block[:block.index("</section>")]
    import re
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', block)


@pytest.fixture
def harbour(section, make_article, db):
    """A small edition: ferry stories sharing a rare tag and words, and unrelated ones."""
    ferries = Tag.objects.create(name="Ferries", slug="ferries", language="en")
    weather = Tag.objects.create(name="Weather", slug="weather", language="en")
    stories = {
        "strike": make_article(section, headline="Ferry crews strike over night shifts",
                               lead="Ferry crews stopped work at the harbour.", tags=[ferries]),
        "talks": make_article(section, headline="Talks to end the ferry strike resume",
                              lead="The harbour authority met the ferry crews.",
                              tags=[ferries]),
        "fares": make_article(section, headline="Ferry fares rise in spring",
                              lead="Tickets for the crossing cost more.", tags=[ferries]),
        "rain": make_article(section, headline="Heavy rain expected on Sunday",
                             lead="Forecasters warn of floods inland.", tags=[weather]),
    }
    for n in range(20):  # weather is a common tag; ferries a rare one
        make_article(section, headline=f"Weather outlook {n}", lead="Sunny spells.",
                     tags=[weather], published_at=timezone.now() - timedelta(days=3, hours=n))
    return stories


def test_publishing_a_story_offers_related_ones_under_it(client, editor, harbour, section,
                                                        make_article):
    # given a new draft about the ferry strike
    draft = make_article(section, headline="Ferry strike ends after crews accept offer",
                         lead="Ferry crews return to work at the harbour.",
                         status=Article.Status.DRAFT, published_at=None)
    draft.tags.set([Tag.objects.get(slug="ferries")])
    # when the editor publishes it and the background job runs
    actions.publish_article(draft, by=editor)
    assert work() >= 1
    # then its page offers the ferry stories, the closest first, and nothing about the weather
    offered = shown(client, draft)
    assert offered[:2] == [harbour["strike"].headline, harbour["talks"].headline]
    assert harbour["fares"].headline in offered
    assert not any("rain" in h.lower() or "weather" in h.lower() for h in offered)


def test_words_in_common_relate_stories_in_any_form(section_ru, make_article, db):
    # «в Москве» and «Москва» are one word to the comparison
    first = make_article(section_ru, headline="Метро в Москве закроют на ночь",
                         lead="Ремонт тоннелей в Москве начнётся в пятницу.")
    second = make_article(section_ru, headline="Москва готовит ремонт тоннелей метро",
                          lead="Москва закроет станции на ночь.")
    make_article(section_ru, headline="Урожай пшеницы вырос", lead="Аграрии довольны.")
    assert [story.pk for _score, story in related.scored(first)] == [second.pk]


def test_a_withdrawn_story_is_no_longer_offered(client, editor, harbour,
                                               django_capture_on_commit_callbacks):
    related.refresh(harbour["strike"].pk)
    assert harbour["talks"].headline in shown(client, harbour["strike"])
    with django_capture_on_commit_callbacks(execute=True):
        actions.unpublish_article(harbour["talks"], by=editor)
    assert harbour["talks"].headline not in shown(client, harbour["strike"])


def test_computing_again_gives_the_same_rows(harbour):
    first = related.refresh(harbour["strike"].pk)
    rows = list(RelatedStory.objects.values_list("related_id", "position"))
    assert related.refresh(harbour["strike"].pk) == first and first > 0
    assert list(RelatedStory.objects.values_list("related_id", "position")) == rows


def test_an_import_relates_its_stories_in_the_background(editor, section, db):
    stories = [actions.NewStory(Article(
        headline=f"Bridge repairs enter week {n}", lead="The bridge stays closed to cars.",
        body="<p>Repairs go on.</p>", section=section, language="en",
        status=Article.Status.PUBLISHED, published_at=timezone.now() - timedelta(hours=n)))
        for n in range(1, 6)]
    actions.import_articles(stories, by=None)
    work()
    assert RelatedStory.objects.values("article_id").distinct().count() == 5


def test_the_story_page_asks_once_for_its_related_stories(client, harbour,
                                                          django_assert_num_queries):
    related.refresh(harbour["strike"].pk)
    client.get(harbour["talks"].get_absolute_url())  # same section: menu stored
    # story, tags, corrections, authors, related stories, the next story, the wire item
    with django_assert_num_queries(7):
        client.get(harbour["strike"].get_absolute_url())
