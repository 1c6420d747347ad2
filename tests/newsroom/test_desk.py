"""The desk in the admin: lists, the story form, workflow buttons, revisions, autosave."""

from __future__ import annotations

import html
import io
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from dateline.newsroom.models import Article, AuditEntry, LeadImage

pytestmark = pytest.mark.django_db
S = Article.Status


def change_url(article: Article) -> str:
    return f"/admin/newsroom/article/{article.pk}/change/"


def do_url(article: Article, action: str) -> str:
    return f"/admin/newsroom/article/{article.pk}/do/{action}/"


def form_data(article: Article, **overrides) -> dict:
    data = {
        "headline": article.headline, "slug": article.slug, "section": article.section_id,
        "language": article.language, "lead": article.lead, "dateline_place":
        article.dateline_place, "agency": article.agency_id or "", "byline": article.byline,
        "body": article.body, "version_seen": article.version, "image_alt": "",
        "image_caption": "", "image_credit": "", "translation": "", "lead_image": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def png(width=1200, height=800) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(out, "PNG")
    return out.getvalue()


def test_grant_role_makes_a_staff_editor(django_user_model):
    django_user_model.objects.create_user("nina", "nina@example.org", "pw-long-enough-9")
    call_command("grant_role", "nina", "editor", stdout=io.StringIO())
    nina = django_user_model.objects.get(username="nina")
    assert nina.is_staff and nina.has_perm("newsroom.publish_article")


def test_review_queue_and_my_drafts(client, reporter, editor, draft, story):
    client.force_login(editor)
    assert "Tram line" not in client.get("/admin/newsroom/article/?desk=review").content.decode()
    client.force_login(reporter)
    client.post(do_url(draft, "submit"))
    client.force_login(editor)
    page = client.get("/admin/newsroom/article/?desk=review").content.decode()
    assert "Tram line reaches the harbour" in page and "Harbour opens night ferry" not in page


def test_reporter_sees_only_their_own_and_public_stories(client, reporter, other_reporter,
                                                         section, make_article):
    make_article(section, headline="Oleg's secret draft", status=S.DRAFT, published_at=None,
                 author=other_reporter)
    client.force_login(reporter)
    page = client.get("/admin/newsroom/article/").content.decode()
    assert "Oleg's secret draft" not in page


def test_reporter_crafting_a_publish_post_gets_403(client, reporter, draft):
    client.force_login(reporter)
    response = client.post(do_url(draft, "publish"))
    assert response.status_code == 403
    assert Article.objects.get(pk=draft.pk).status == S.DRAFT


def test_editor_publishes_with_the_button(client, editor, draft):
    client.force_login(editor)
    response = client.post(do_url(draft, "publish"), follow=True)
    assert "Published." in response.content.decode()
    assert Article.objects.get(pk=draft.pk).is_public


@pytest.mark.parametrize("value, message", [
    ("yesterday", "Give the publication time as a date and time."),
    ("2001-01-01T10:00", "The publication time must be in the future."),
])
def test_bad_schedule_times_are_refused_with_a_message(client, editor, draft, value, message):
    client.force_login(editor)
    response = client.post(do_url(draft, "schedule"), {"at": value}, follow=True)
    assert message in response.content.decode()
    assert Article.objects.get(pk=draft.pk).status == S.DRAFT


def test_schedule_from_the_form(client, editor, draft):
    client.force_login(editor)
    at = timezone.localtime() + timedelta(hours=2)
    client.post(do_url(draft, "schedule"), {"at": at.strftime("%Y-%m-%dT%H:%M")})
    draft.refresh_from_db()
    assert draft.status == S.SCHEDULED
    assert abs((draft.published_at - at).total_seconds()) < 60


def test_correction_button(client, editor, story):
    client.force_login(editor)
    client.post(do_url(story, "correct"), {"text": "Corrects the ferry's name."})
    assert story.corrections.get().text == "Corrects the ferry's name."


def test_story_form_saves_through_the_action_with_a_revision(client, editor, story, tag):
    client.force_login(editor)
    page = client.get(change_url(story)).content.decode()
    assert "trix-editor" in page and "Publish now" not in page and "Unpublish" in page
    response = client.post(change_url(story), form_data(
        story, headline="Night ferry now runs twice an hour",
        body="<div>First paragraph<br><br>Second<script>x()</script></div>", tags=[tag.pk]))
    assert response.status_code == 302, response.content.decode()[:3000]
    story.refresh_from_db()
    assert story.headline == "Night ferry now runs twice an hour"
    assert story.body == "<p>First paragraph</p><p>Second</p>"
    assert set(story.revisions.get().changed) == {"headline", "body"}  # tags as they were


def test_a_stale_form_is_refused_and_the_other_save_survives(client, editor, chief, story):
    client.force_login(editor)
    stale = form_data(story, headline="Editor's version")
    story.headline = "Chief's version"
    from dateline.newsroom import actions
    actions.save_article(story, by=chief)
    response = client.post(change_url(story), stale)
    assert response.status_code == 200
    assert "Someone saved this story after you opened it" in response.content.decode()
    assert Article.objects.get(pk=story.pk).headline == "Chief's version"


def test_lead_image_upload_makes_renditions(client, editor, story, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    upload = SimpleUploadedFile("photo.png", png(), content_type="image/png")
    response = client.post(change_url(story), form_data(
        story, new_image=upload, image_alt="The night ferry at its pier",
        image_caption="The ferry at dusk", image_credit="Marta Oliveira"))
    assert response.status_code == 302
    image = LeadImage.objects.get()
    assert [r["width"] for r in image.renditions] == [480, 800, 1200]
    story.refresh_from_db()
    assert story.lead_image == image
    page = client.get(story.get_absolute_url()).content.decode()
    assert 'alt="The night ferry at its pier"' in page and 'width="800" height="533"' in page
    assert client.get(image.renditions[0]["url"]).status_code == 200


@pytest.mark.parametrize("name, content, message", [
    ("photo.jpg", b"<html><script>alert(1)</script></html>", "not an image we can use"),
    ("report.png", b"%PDF-1.4 not an image", "not an image we can use"),
])
def test_a_non_image_is_refused_whatever_its_name(client, editor, story, name, content,
                                                  message, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    response = client.post(change_url(story), form_data(
        story, new_image=SimpleUploadedFile(name, content), image_alt="x",
        headline="Should not be saved"))
    assert response.status_code == 200 and message in response.content.decode()
    assert not LeadImage.objects.exists()
    assert Article.objects.get(pk=story.pk).headline == "Harbour opens night ferry"


def test_an_oversized_upload_is_refused(client, editor, story, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    big = SimpleUploadedFile("huge.png", png(100, 100) + b"\0" * (50 * 2**20))
    response = client.post(change_url(story), form_data(story, new_image=big, image_alt="x"))
    assert response.status_code == 200 and "the limit is 15 MB" in response.content.decode()
    assert not LeadImage.objects.exists()


def test_alt_text_is_required_with_an_image(client, editor, story, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    response = client.post(change_url(story), form_data(
        story, new_image=SimpleUploadedFile("p.png", png())))
    assert "Describe the image in its alt text." in response.content.decode()
    assert not LeadImage.objects.exists()


def test_revisions_diff_and_restore(client, editor, story):
    from dateline.newsroom import actions
    client.force_login(editor)
    story.body = "<p>The ferry will run every hour.</p><p>Tickets cost two euros.</p>"
    actions.save_article(story, by=editor)
    story.headline = "Ferry headline changed"
    actions.save_article(story, by=editor)
    page = client.get(f"/admin/newsroom/article/{story.pk}/revisions/?a=1&b=2").content.decode()
    diff = page[page.index("Changes from revision 1 to revision 2"):]
    assert 'class="diff_' in diff  # changes are marked
    diff = html.unescape(re.sub(r"<[^>]+>", "", diff)).replace("\xa0", " ")
    assert "Ferry headline changed" in diff and "Harbour opens night ferry" in diff
    assert "Tickets cost two euros." not in diff  # the body did not change between them
    assert client.get(f"/admin/newsroom/article/{story.pk}/revisions/?a=1&b=x").status_code == 404
    client.post(f"/admin/newsroom/article/{story.pk}/revisions/1/restore/")
    story.refresh_from_db()
    assert story.headline == "Harbour opens night ferry"
    assert story.revisions.first().note == "Restored revision 1"


def test_autosave_keeps_a_draft_and_answers_with_the_new_version(client, reporter, draft):
    client.force_login(reporter)
    response = client.post(f"/admin/newsroom/article/{draft.pk}/autosave/",
                           form_data(draft, lead="Half-written lead"))
    assert response.status_code == 200 and response.json()["saved"]
    assert response.json()["version"] == draft.version + 1
    assert Article.objects.get(pk=draft.pk).lead == "Half-written lead"
    stale = client.post(f"/admin/newsroom/article/{draft.pk}/autosave/",
                        form_data(draft, lead="From an old tab"))
    assert stale.status_code == 409
    assert Article.objects.get(pk=draft.pk).lead == "Half-written lead"


def test_preview_shows_an_unpublished_story_as_readers_will(client, editor, reporter,
                                                            other_reporter, draft):
    client.force_login(editor)
    page = client.get(f"/preview/{draft.pk}/")
    assert page.status_code == 200 and "Tram line reaches the harbour" in page.content.decode()
    assert "Preview" in page.content.decode() and page["X-Robots-Tag"] == "noindex"
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(other_reporter)
    assert client.get(f"/preview/{draft.pk}/").status_code == 403
    client.logout()
    assert client.get(f"/preview/{draft.pk}/").status_code == 302  # to the login page


def test_audit_log_is_for_chief_editors(client, editor, chief, draft):
    client.force_login(editor)
    client.post(do_url(draft, "publish"))
    assert client.get("/admin/newsroom/auditentry/").status_code == 403
    client.force_login(chief)
    page = client.get("/admin/newsroom/auditentry/").content.decode()
    assert "Published “Tram line reaches the harbour”" in page
    assert AuditEntry.objects.filter(action="published", actor=editor).exists()


def test_a_truncated_image_is_refused_and_leaves_no_file(editor, settings, tmp_path):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from dateline.newsroom.actions import upload_lead_image

    settings.MEDIA_ROOT = tmp_path
    out = io.BytesIO()
    Image.effect_noise((1600, 1200), 80).convert("RGB").save(out, "JPEG", quality=95)
    cut = out.getvalue()[: len(out.getvalue()) // 2]  # the header says all is well
    with pytest.raises(ValidationError, match="not an image we can use"):
        upload_lead_image(SimpleUploadedFile("cut.jpg", cut), alt="Harbour", by=editor)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
