"""Sections, agencies and tags change through actions: permissions, audit, and site.changed."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from dateline.events import SiteChanged
from dateline.newsroom import actions
from dateline.newsroom.models import Agency, AuditEntry, Section, Tag

pytestmark = pytest.mark.django_db


def test_a_renamed_section_reaches_the_home_pages_menu_at_once(
        client, story, chief, django_capture_on_commit_callbacks):
    # given the home page stored with the section's old name in its menu
    assert ">World<" in client.get("/en/").content.decode()
    assert client.get("/en/")["X-Cache"] == "hit"
    # when a chief editor renames the section
    story.section.name = "Planet"
    with django_capture_on_commit_callbacks(execute=True):
        actions.save_section(story.section, by=chief)
    # then the next reader gets a fresh page with the new name
    page = client.get("/en/")
    assert page["X-Cache"] == "miss"
    assert ">Planet<" in page.content.decode() and ">World<" not in page.content.decode()


def test_a_section_renamed_on_the_desk_reaches_the_menu(client, section, chief, heard,
                                                         django_capture_on_commit_callbacks):
    client.get("/en/")
    client.force_login(chief)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/newsroom/section/{section.pk}/change/", {
            "name": "Planet", "slug": "world", "language": "en", "order": 1,
            "tagline": section.tagline, "moderation": "post"})
    assert response.status_code == 302
    assert [(e.kind, e.object_id) for e in heard.of(SiteChanged)] == [("section", section.pk)]
    client.logout()
    assert ">Planet<" in client.get("/en/").content.decode()


def test_a_reporter_cannot_rename_a_section(client, section, reporter):
    section.name = "Reporter's corner"
    with pytest.raises(PermissionDenied):
        actions.save_section(section, by=reporter)
    client.force_login(reporter)
    response = client.post(f"/admin/newsroom/section/{section.pk}/change/", {
        "name": "Reporter's corner", "slug": "world", "language": "en", "order": 1,
        "moderation": "post"})
    assert response.status_code == 403
    assert Section.objects.get(pk=section.pk).name == "World"


def test_an_editor_tags_but_only_a_chief_manages_sections_and_agencies(editor, chief):
    tag = actions.save_tag(Tag(name="Ferries", language="en"), by=editor)
    with pytest.raises(PermissionDenied):
        actions.delete_tag(tag, by=editor)
    with pytest.raises(PermissionDenied):
        actions.save_section(Section(name="Ports", slug="ports", language="en"), by=editor)
    with pytest.raises(PermissionDenied):
        actions.save_agency(Agency(name="Harbour Wire", code="HW"), by=editor)
    actions.save_agency(Agency(name="Harbour Wire", code="HW"), by=chief)
    actions.delete_tag(tag, by=chief)
    assert not Tag.objects.filter(pk=tag.pk).exists()


def test_the_event_is_emitted_once_after_commit(section, chief, heard,
                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        section.tagline = "Everywhere else, every day."
        actions.save_section(section, by=chief)
    assert heard == []  # nothing is announced before the write commits
    for callback in callbacks:
        callback()
    assert heard.of(SiteChanged) == [SiteChanged(kind="section", object_id=section.pk,
                                                 language="en")]


def test_a_rolled_back_change_emits_nothing(section, chief, heard,
                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            section.name = "Planet"
            actions.save_section(section, by=chief)
            raise RuntimeError("the surrounding work failed")
    assert heard == []
    assert Section.objects.get(pk=section.pk).name == "World"


def test_an_unchanged_save_writes_and_emits_nothing(section, chief, heard,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.save_section(Section.objects.get(pk=section.pk), by=chief)
    assert heard == [] and not AuditEntry.objects.exists()


def test_changes_are_validated_and_audited(section, chief):
    with pytest.raises(ValidationError):
        actions.save_section(Section(name="Tags", slug="tags", language="en"), by=chief)
    with pytest.raises(ValidationError):
        actions.save_section(Section(name="World", slug="world", language="en"), by=chief)
    section.name = "Planet"
    actions.save_section(section, by=chief)
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.details["changed"]) == (
        chief, "section_changed", ["name"])


def test_a_russian_tag_gets_a_latin_slug(chief, heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tag = actions.save_tag(Tag(name="Железные дороги", language="ru"), by=chief)
    assert tag.slug == "zheleznye-dorogi"
    assert heard.of(SiteChanged) == [SiteChanged(kind="tag", object_id=tag.pk, language="ru")]


def test_sections_and_agencies_with_stories_stay(story, chief):
    with pytest.raises(ValidationError):
        actions.delete_section(story.section, by=chief)
    with pytest.raises(ValidationError):
        actions.delete_agency(story.agency, by=chief)
    story.section.language = "ru"
    with pytest.raises(ValidationError):
        actions.save_section(story.section, by=chief)
    assert Section.objects.filter(pk=story.section_id, language="en").exists()


def test_the_desk_removes_through_the_actions(client, story, tag, chief, heard,
                                              django_capture_on_commit_callbacks):
    client.force_login(chief)
    spare = Agency.objects.create(name="Harbour Wire", code="HW")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/newsroom/tag/{tag.pk}/delete/", {"post": "yes"})
        client.post("/admin/newsroom/agency/", {
            "action": "delete_selected", "post": "yes",
            "_selected_action": [spare.pk]})
    assert not Tag.objects.filter(pk=tag.pk).exists()
    assert list(Agency.objects.values_list("pk", flat=True)) == [story.agency_id]
    assert [(e.kind, e.object_id) for e in heard.of(SiteChanged)] == [
        ("tag", tag.pk), ("agency", spare.pk)]
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {
        "tag_deleted", "agency_deleted"}


def test_a_section_added_on_the_desk_gets_its_chat_room(client, chief,
                                                        django_capture_on_commit_callbacks):
    from dateline.chats.models import Room

    client.force_login(chief)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/newsroom/section/add/", {
            "name": "Ports", "slug": "ports", "language": "en", "order": 3,
            "moderation": "post"})
    assert response.status_code == 302
    assert Room.objects.filter(section__slug="ports", language="en").exists()
