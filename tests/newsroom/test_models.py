"""Invariants of the content model."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils.translation import override

from dateline.newsroom.models import Article, Section
from dateline.newsroom.sanitize import sanitize_html

pytestmark = pytest.mark.django_db


def test_hand_built_addresses_match_the_url_configuration(story, tag, section_ru):
    with override("en"):
        assert story.get_absolute_url() == reverse(
            "reader:article", kwargs={"section": "world", "slug": story.slug})
        assert story.section.get_absolute_url() == reverse("reader:section", args=["world"])
        assert tag.get_absolute_url() == reverse("reader:tag", args=["shipping"])
    with override("ru"):
        assert section_ru.get_absolute_url() == reverse("reader:section", args=["world"])


def test_body_is_sanitized_on_save(story):
    story.body = '<p>ok</p><script>x()</script><iframe src="//evil"></iframe><p style="x">y</p>'
    story.save()
    story.refresh_from_db()
    assert story.body == "<p>ok</p><p>y</p>"


def test_sanitizer_keeps_story_markup_and_makes_links_safe():
    html = sanitize_html('<h2>Sub</h2><blockquote>Q</blockquote><a href="https://x.org">x</a>')
    assert "<h2>Sub</h2><blockquote>Q</blockquote>" in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_published_story_needs_a_time(section):
    with pytest.raises(IntegrityError):
        Article.objects.create(section=section, language="en", headline="h", slug="h",
                               lead="l", body="b", status=Article.Status.PUBLISHED)


def test_slug_is_unique_per_language(story, section_ru, make_article):
    make_article(section_ru, slug=story.slug)  # the same address in Russian is fine
    with pytest.raises(IntegrityError):
        make_article(story.section, slug=story.slug)


def test_reserved_section_slug_is_refused(db):
    section = Section(name="Tags", slug="tags", language="en")
    with pytest.raises(ValidationError):
        section.full_clean()
