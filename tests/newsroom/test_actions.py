"""Saving a story: validation, permissions, revisions, translation links and events."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dateline.newsroom import actions
from dateline.newsroom.models import Article, ArticleRedirect, AuditEntry

pytestmark = pytest.mark.django_db


def test_a_reporter_creates_a_draft_that_is_theirs(section, reporter):
    article = Article(section=section, language="en", headline="Bridge reopens", slug="bridge",
                      lead="The bridge reopens.", body="<p>Text</p>",
                      status=Article.Status.PUBLISHED)  # a crafted status is ignored
    actions.save_article(article, by=reporter)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT and article.author == reporter
    assert article.revisions.get().number == 1
    assert AuditEntry.objects.get(article=article).action == "created"


def test_every_save_keeps_a_revision_with_what_changed(draft, reporter):
    draft.headline = "Tram line reaches the old harbour"
    actions.save_article(draft, by=reporter)
    draft.lead = "New lead."
    actions.save_article(draft, by=reporter)
    numbers = [(r.number, r.changed) for r in draft.revisions.all()]
    assert numbers[:2] == [(2, ["lead"]), (1, ["headline"])]


def test_editing_a_public_story_emits_updated(story, editor, received,
                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        story.headline = "Night ferry doubles its crossings"
        actions.save_article(story, by=editor)
    assert received == []  # nothing is announced before the write commits
    for callback in callbacks:
        callback()
    assert [e.type for e in received] == ["article.updated"]
    assert received[0].headline == "Night ferry doubles its crossings"


def test_saving_a_draft_emits_nothing(draft, reporter, received,
                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.save_article(draft, by=reporter)
    assert received == []


def test_a_reporter_cannot_edit_someone_elses_draft_or_a_submitted_one(draft, other_reporter,
                                                                       reporter):
    with pytest.raises(PermissionDenied):
        actions.save_article(draft, by=other_reporter)
    actions.submit_for_review(draft, by=reporter)
    draft.refresh_from_db()
    with pytest.raises(PermissionDenied):
        actions.save_article(draft, by=reporter)


def test_a_reader_cannot_save_stories(story, django_user_model):
    reader = django_user_model.objects.create_user("reader", "r@example.org", "pw-long-1234")
    with pytest.raises(PermissionDenied):
        actions.save_article(story, by=reader)


def test_the_later_of_two_concurrent_saves_is_refused(story, editor, chief):
    # given two editors who opened the same version
    seen = Article.objects.get(pk=story.pk).version
    first = Article.objects.get(pk=story.pk)
    first.headline = "First editor's headline"
    actions.save_article(first, by=editor, expected_version=seen)
    # when the second saves on top of the version they saw
    second = Article.objects.get(pk=story.pk)
    second.headline = "Second editor's headline"
    with pytest.raises(actions.StaleVersion, match="elena saved this story"):
        actions.save_article(second, by=chief, expected_version=seen)
    # then the first editor's work stands
    assert Article.objects.get(pk=story.pk).headline == "First editor's headline"


def test_section_in_another_language_is_refused_and_nothing_changes(story, section_ru, editor):
    story.section = section_ru
    with pytest.raises(ValidationError):
        actions.save_article(story, by=editor)
    assert Article.objects.get(pk=story.pk).section.language == "en"
    assert not story.revisions.exists()


def test_restore_brings_back_an_old_revision_as_a_new_one(draft, reporter, tag):
    actions.save_article(draft, by=reporter, tags=[tag])
    original = draft.revisions.first()
    draft.headline, draft.body = "Rewritten", "<p>All new.</p>"
    actions.save_article(draft, by=reporter, tags=[])
    actions.restore_revision(draft, original, by=reporter)
    draft.refresh_from_db()
    assert draft.headline == "Tram line reaches the harbour" and list(draft.tags.all()) == [tag]
    latest = draft.revisions.first()
    assert latest.number == 3 and latest.note == "Restored revision 1"


def test_autosaves_within_minutes_fold_into_one_revision(draft, reporter):
    version = draft.version
    for text in ("one", "two", "three"):
        saved = actions.autosave_article(draft, by=reporter, expected_version=version,
                                         fields={"lead": text})
        version = saved.version
    assert draft.revisions.count() == 1 and draft.revisions.get().data["lead"] == "three"


def test_autosave_never_touches_a_published_story(story, editor):
    with pytest.raises(ValidationError):
        actions.autosave_article(story, by=editor, expected_version=story.version,
                                 fields={"headline": "half-written"})
    assert Article.objects.get(pk=story.pk).headline == "Harbour opens night ferry"


def test_changing_a_published_slug_or_section_keeps_the_old_address(story, editor, db):
    from dateline.newsroom.models import Section
    business = Section.objects.create(name="Business", slug="business", language="en")
    story.slug = "night-ferry-doubles"
    actions.save_article(story, by=editor)
    story.section = business
    actions.save_article(story, by=editor)
    old = set(ArticleRedirect.objects.values_list("section_slug", "slug"))
    assert old == {("world", "night-ferry"), ("world", "night-ferry-doubles")}


def test_drafts_leave_no_old_addresses(draft, reporter):
    draft.slug = "tram-line-2"
    actions.save_article(draft, by=reporter)
    assert not ArticleRedirect.objects.exists()


def test_translation_links_both_ways_and_moves_cleanly(section, section_ru, make_article):
    en = make_article(section)
    ru_old = make_article(section_ru)
    ru_new = make_article(section_ru)
    en.translation = ru_old
    actions.save_article(en, by=None)
    assert Article.objects.get(pk=ru_old.pk).translation_id == en.pk
    # re-pointing the English story releases the old counterpart
    en.translation = ru_new
    actions.save_article(en, by=None)
    assert Article.objects.get(pk=ru_new.pk).translation_id == en.pk
    assert Article.objects.get(pk=ru_old.pk).translation_id is None
    # and a Russian story claimed by another English one lets go of the first
    en2 = make_article(section)
    en2.translation = ru_new
    actions.save_article(en2, by=None)
    assert Article.objects.get(pk=en.pk).translation_id is None
    assert Article.objects.get(pk=ru_new.pk).translation_id == en2.pk


def test_translation_in_the_same_language_is_refused(section, make_article):
    a, b = make_article(section), make_article(section)
    a.translation = b
    with pytest.raises(ValidationError):
        actions.save_article(a, by=None)


def test_a_reporter_cannot_relink_someone_elses_published_story(section, section_ru,
                                                                  make_article, reporter,
                                                                  other_reporter):
    # given someone else's published Russian story, and the reporter's own English draft
    theirs = make_article(section_ru, author=other_reporter)
    mine = make_article(section, status=Article.Status.DRAFT, published_at=None,
                        author=reporter)
    # when the reporter links their draft to it as its translation
    mine.translation = theirs
    with pytest.raises(PermissionDenied):
        actions.save_article(mine, by=reporter)
    # then nothing changed on either story
    assert Article.objects.get(pk=theirs.pk).translation_id is None
    assert not theirs.revisions.exists()


def test_a_translation_link_leaves_a_revision_on_both_stories(section, section_ru,
                                                              make_article, editor):
    en, ru = make_article(section), make_article(section_ru)
    en.translation = ru
    actions.save_article(en, by=editor)
    assert Article.objects.get(pk=ru.pk).translation_id == en.pk
    note = ru.revisions.get()
    assert note.changed == ["translation_id"] and note.by == editor
    assert "Translation link changed" in note.note
    # and a counterpart in the same language is refused
    other_en = make_article(section)
    en.translation = other_en
    with pytest.raises(ValidationError, match="other language"):
        actions.save_article(en, by=editor)
