"""The demo edition: deterministic, consistent across languages, safe, and only for empty sites."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from random import Random

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, F
from django.utils import timezone

from dateline.demo import copybook, generator, pictures, writer
from dateline.demo.kinds import KINDS, Money
from dateline.events import ArticleEvent, SiteChanged
from dateline.newsroom.models import Agency, Article, AuditEntry, Author, LeadImage, Section, Tag
from dateline.newsroom.sanitize import sanitize_html

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def _edition(count: int, seed: int) -> list[tuple]:
    return [dataclasses.astuple(story) for story in generator.edition(count, seed, NOW)]


def _saved() -> list[tuple]:
    rows = Article.objects.order_by("id").values_list(
        "language", "slug", "headline", "body", "section__slug", "agency__code", "status",
        "translation__slug")
    tags = Article.tags.through.objects.order_by("article_id", "tag_id").values_list(
        "article__slug", "tag__slug")
    return [*rows, *tags]


@pytest.fixture
def demo(db) -> None:
    call_command("demo", articles=120, seed=7, verbosity=0)


def test_same_seed_gives_the_same_edition():
    assert _edition(300, 3) == _edition(300, 3)
    assert _edition(300, 3) != _edition(300, 4)


@pytest.mark.django_db
def test_same_seed_fills_the_same_stories_after_a_flush():
    call_command("demo", articles=60, seed=5, verbosity=0)
    first = _saved()
    Article.objects.all().delete()
    call_command("demo", articles=60, seed=5, verbosity=0)
    assert _saved() == first
    Article.objects.all().delete()
    call_command("demo", articles=60, seed=6, verbosity=0)
    assert _saved() != first


@pytest.mark.django_db
def test_loads_through_the_newsrooms_actions_and_tells_the_site_once(
        heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", articles=300, seed=2, verbosity=0)
    changes = heard.of(SiteChanged)
    assert [e.kind for e in changes].count("articles") == 1  # not one event per story
    assert {e.kind for e in changes} == {"section", "agency", "tag", "author", "articles"}
    assert len(changes) == Section.objects.count() + Agency.objects.count() + \
        Tag.objects.count() + Author.objects.count() + 1
    assert heard.of(ArticleEvent) == []
    audit = list(AuditEntry.objects.values_list("action", flat=True))
    assert audit.count("section_created") == Section.objects.count()
    assert audit.count("imported") == 1


@pytest.mark.django_db
def test_creates_exactly_the_requested_number_of_stories():
    call_command("demo", articles=50, verbosity=0)
    assert Article.objects.count() == 50


def test_about_one_story_in_seven_is_translated():
    stories = list(generator.edition(4000, 1, NOW))
    paired = sum(story.pair is not None for story in stories)
    drafts = sum(story.published_at is None for story in stories)
    assert len(stories) == 4000
    assert 0.11 < paired / 4000 < 0.19
    assert 0.01 < drafts / 4000 < 0.035


def test_sections_exist_in_both_languages_with_taglines(demo):
    en = {s.slug: s for s in Section.objects.filter(language="en")}
    ru = {s.slug: s for s in Section.objects.filter(language="ru")}
    assert set(en) == set(ru) and len(en) >= 10
    assert {"world", "russia", "europe", "economy", "science", "sport"} <= set(en)
    for slug in en:
        assert en[slug].tagline and ru[slug].tagline
        assert en[slug].order == ru[slug].order
        assert CYRILLIC.search(ru[slug].name) and CYRILLIC.search(ru[slug].tagline)
        assert not CYRILLIC.search(en[slug].name + en[slug].tagline)


def test_agencies_and_tags(demo):
    agencies = list(Agency.objects.all())
    assert 3 <= len(agencies) <= 5
    assert all(a.code and CYRILLIC.search(a.name_ru) for a in agencies)
    for language in ("en", "ru"):
        tags = Tag.objects.filter(language=language)
        assert tags.count() >= 30
        assert all(re.fullmatch("[a-z0-9-]+", tag.slug) for tag in tags)
    assert all(CYRILLIC.search(tag.name) for tag in Tag.objects.filter(language="ru"))


def test_every_story_matches_its_language(demo):
    assert not Article.objects.exclude(section__language=F("language")).exists()
    assert not Article.objects.filter(tags__language="en", language="ru").exists()
    assert not Article.objects.filter(tags__language="ru", language="en").exists()
    counts = Article.objects.annotate(n=Count("tags")).values_list("n", flat=True)
    assert min(counts) >= 1 and max(counts) <= 3
    for article in Article.objects.filter(language="ru"):
        assert CYRILLIC.search(article.headline) and CYRILLIC.search(article.body)
        assert CYRILLIC.search(article.dateline_place)
        assert re.fullmatch("[a-z0-9-]+", article.slug)
    for article in Article.objects.filter(language="en"):
        assert not CYRILLIC.search(article.headline + article.lead + article.body)


def test_translations_link_both_ways_across_languages(demo):
    linked = list(Article.objects.filter(translation__isnull=False).select_related("translation"))
    assert linked
    for article in linked:
        assert article.translation.translation_id == article.pk
        assert article.translation.language != article.language
        assert article.translation.section.slug == article.section.slug


def test_stories_are_published_in_the_past_safe_and_uncommented(demo):
    now = timezone.now()
    for article in Article.objects.all():
        if article.status == Article.Status.PUBLISHED:
            assert article.published_at <= now
            assert (now - article.published_at).days <= 183
        else:
            assert article.status == Article.Status.DRAFT and article.published_at is None
        assert sanitize_html(article.body) == article.body
        assert 4 <= article.body.count("<p>") <= 7
        assert article.comment_count == 0
        # our correspondents are author records, with a name in each language
        assert article.credited_authors() or article.agency_id
        assert not article.byline
        for author in article.credited_authors():
            assert author.name and author.name_ru and author.bio and author.bio_ru


@pytest.mark.django_db
def test_refuses_a_database_that_already_has_stories(story):
    with pytest.raises(CommandError, match="already holds stories"):
        call_command("demo", articles=20, verbosity=0)
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_if_empty_leaves_a_database_with_stories_untouched(story):
    before = (Article.objects.count(), Section.objects.count(), Tag.objects.count(),
              Agency.objects.count())
    call_command("demo", articles=20, if_empty=True, verbosity=0)
    assert (Article.objects.count(), Section.objects.count(), Tag.objects.count(),
            Agency.objects.count()) == before


def test_english_and_russian_copy_offer_the_same_options():
    en, ru = copybook.CONTENT["en"], copybook.CONTENT["ru"]
    assert set(en) == set(ru) == {kind.key for kind in KINDS} | {copybook.COMMON}
    for kind in KINDS:
        for key in set(en[kind.key]) | set(ru[kind.key]):
            assert len(en[kind.key].get(key, ())) == len(ru[kind.key].get(key, ())), (kind, key)


def test_every_option_of_every_kind_writes_a_clean_story(monkeypatch):
    """Each template, thing and story shape, in both languages: no slot is missing or left."""
    for kind in KINDS:
        event = generator._event(Random(kind.key), kind, "en")
        things = range(len(copybook.CONTENT["en"][kind.key].get("t", ()))) or [-1]
        for thing in things:
            one = dataclasses.replace(event, thing=thing)
            for k in range(20):
                monkeypatch.setattr(writer, "mix", lambda seed, salt, n, k=k: k % n)
                for language in ("en", "ru"):
                    texts = writer.write(one, language)
                    for text in texts:
                        assert "{" not in text and "}" not in text and "|" not in text, text
                        assert "  " not in text and " ," not in text, text
                    assert sanitize_html(texts[2]) == texts[2]
                    assert texts[2].count("<blockquote>") + texts[2].count("<h2>") <= 1


def test_numbers_read_naturally_in_each_language():
    assert writer.number(12400, "en") == "12,400" and writer.number(7.25, "en") == "7.25"
    assert writer.number(12400, "ru") == "12\u202f400" and writer.number(4500, "ru") == "4500"
    assert writer.number(7.25, "ru") == "7,25"
    forms = ["станция", "станции", "станций"]
    assert [writer.plural(n, forms) for n in (1, 3, 5, 11, 21, 2.5)] == [
        "станция", "станции", "станций", "станций", "станция", "станции"]
    assert writer.plural(3.9, ["тонны", "тонн", "тонн", "тонны"]) == "тонны"
    assert writer.money(Money(1500), "rub", "ru") == "135 млрд рублей"
    assert writer.money(Money(45), "usd", "en") == "$45 million"
    assert writer.money(Money(2400), "eur", "en") == "2.2 billion euros"


def test_pictures_are_drawn_the_same_for_the_same_seed():
    picture = pictures.PICTURES[0]
    assert pictures.draw(picture, 1) == pictures.draw(picture, 1)
    assert pictures.draw(picture, 1) != pictures.draw(picture, 2)
    assert {p.section for p in pictures.PICTURES} == {s.slug for s in copybook.SECTIONS}


def test_half_the_stories_lead_with_their_sections_picture_in_their_language(demo):
    # given the demo edition, then every picture has renditions, alt text, caption and credit
    images = list(LeadImage.objects.all())
    assert len(images) == 2 * len(pictures.PICTURES)
    for image in images:
        assert image.alt and image.caption and image.credit
        assert [r["width"] for r in image.renditions] == [480, 800, 1200]
        assert all(default_storage.exists(r["url"].removeprefix("/media/"))
                   for r in image.renditions)
    # about half the stories show one, a translated pair both or neither
    stories = Article.objects.select_related("lead_image", "section")
    pictured = [a for a in stories if a.lead_image]
    assert 0.4 < len(pictured) / len(stories) < 0.6
    for story in pictured:
        assert bool(CYRILLIC.search(story.lead_image.alt)) == (story.language == "ru")
        assert story.lead_image.caption == next(
            p.caption[story.language] for p in pictures.PICTURES
            if p.section == story.section.slug)
    pairs = stories.filter(translation__isnull=False)
    assert all((a.lead_image_id is None) == (a.translation.lead_image_id is None) for a in pairs)
