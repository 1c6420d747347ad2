"""Every way a comment comes and goes, who may do it, and the counts that follow."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from dateline.discussion import actions
from dateline.discussion.models import Comment, Notification
from dateline.events import CommentChanged
from dateline.live import groups
from dateline.moderation.actions import ban_reader, lift_ban
from dateline.moderation.models import Ban, BannedWord
from dateline.newsroom.models import Article, Section

from .conftest import visible

pytestmark = pytest.mark.django_db
C = Comment.Status


def count(article) -> int:
    return Article.objects.get(pk=article.pk).comment_count


def test_comment_and_reply_count_exactly(story, anna, boris):
    first = actions.post_comment(story, by=anna, body="The night ferry is overdue.")
    reply = actions.post_comment(story, by=boris, body="Agreed.", parent=first)
    assert count(story) == 2 and Comment.objects.get(pk=first.pk).reply_count == 1
    assert reply.parent == first


def test_a_reply_to_a_reply_joins_the_thread_flat(story, anna, boris):
    top = actions.post_comment(story, by=anna, body="Top")
    reply = actions.post_comment(story, by=boris, body="Reply", parent=top)
    deeper = actions.post_comment(story, by=anna, body="Reply to reply", parent=reply)
    assert deeper.parent_id == top.pk


def test_a_reply_notifies_the_author_in_the_site_and_by_mail_if_chosen(story, anna, boris,
                                                                         mailoutbox,
                                                                         django_capture_on_commit_callbacks):
    from dateline.accounts.models import ReaderProfile
    ReaderProfile.objects.create(user=anna, email_on_reply=True)
    top = actions.post_comment(story, by=anna, body="Top")
    with django_capture_on_commit_callbacks(execute=True):
        reply = actions.post_comment(story, by=boris, body="A reply", parent=top)
    assert Notification.objects.get(user=anna).comment == reply
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["anna@example.org"]
    assert "boris replied" in mailoutbox[0].subject
    # replying to yourself tells no one
    actions.post_comment(story, by=anna, body="Me again", parent=top)
    assert Notification.objects.filter(user=anna).count() == 1


@pytest.mark.parametrize("body, message", [
    ("", "empty"),
    ("   \n ", "empty"),
    ("x" * 2001, "at most 2000 characters"),
    ("see https://a.example http://b.example www.c.example", "at most 2 links"),
    ("fine\u200btext", "invisible control characters"),
    ("evil \u202etxet", "invisible control characters"),
    ("bell\x07", "invisible control characters"),
])
def test_bad_bodies_are_refused_and_nothing_is_stored(story, anna, body, message):
    with pytest.raises(ValidationError, match=message):
        actions.post_comment(story, by=anna, body=body)
    assert not Comment.objects.exists() and count(story) == 0


def test_markup_is_stored_as_plain_text(story, anna, client):
    actions.post_comment(story, by=anna, body='<script>alert(1)</script><b onclick="x">hi</b>')
    html = client.get(f"/en/discussion/{story.pk}/threads/").content.decode()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b " not in html


def test_links_are_made_safe(story, anna, client):
    actions.post_comment(story, by=anna, body="Timetable: https://ferry.example/times and "
                                               "javascript:alert(1)")
    html = client.get(f"/en/discussion/{story.pk}/threads/").content.decode()
    assert 'href="https://ferry.example/times" rel="nofollow"' in html
    assert 'href="javascript' not in html


def test_nobody_comments_on_an_unpublished_story_or_a_closed_discussion(
        draft, story, anna, moderator):
    with pytest.raises(ValidationError, match="not open"):
        actions.post_comment(draft, by=anna, body="Early")
    actions.set_discussion_closed(story, closed=True, by=moderator)
    with pytest.raises(ValidationError, match="closed"):
        actions.post_comment(story, by=anna, body="Late")
    assert not Comment.objects.exists()


def test_a_reply_to_another_storys_comment_is_refused(story, section, make_article, anna):
    other = make_article(section)
    elsewhere = actions.post_comment(other, by=anna, body="Elsewhere")
    with pytest.raises(ValidationError, match="same story"):
        actions.post_comment(story, by=anna, body="Cross", parent=elsewhere)
    assert count(story) == 0


def test_anonymous_cannot_comment(story):
    from django.contrib.auth.models import AnonymousUser
    with pytest.raises(PermissionDenied):
        actions.post_comment(story, by=AnonymousUser(), body="Hi")


def test_rate_limit_five_a_minute(story, anna):
    for i in range(5):
        actions.post_comment(story, by=anna, body=f"Comment {i}")
    with pytest.raises(ValidationError, match="too fast"):
        actions.post_comment(story, by=anna, body="Sixth")
    assert count(story) == 5


def test_edit_within_ten_minutes_only(story, anna, boris):
    comment = actions.post_comment(story, by=anna, body="Frist")
    actions.edit_comment(comment, by=anna, body="First")
    assert visible(story) == ["First"]
    with pytest.raises(PermissionDenied):
        actions.edit_comment(comment, by=boris, body="Hijack")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=11))
    with pytest.raises(ValidationError, match="10 minutes"):
        actions.edit_comment(comment, by=anna, body="Too late")
    assert visible(story) == ["First"]


def test_deleting_a_comment_with_replies_leaves_a_placeholder(story, anna, boris, client):
    top = actions.post_comment(story, by=anna, body="Top")
    actions.post_comment(story, by=boris, body="Reply stays", parent=top)
    lonely = actions.post_comment(story, by=anna, body="Alone")
    actions.delete_comment(top, by=anna)
    actions.delete_comment(lonely, by=anna)
    assert count(story) == 1
    html = client.get(f"/en/discussion/{story.pk}/threads/").content.decode()
    assert "This comment was deleted." in html and "Reply stays" in html
    assert "Alone" not in html and html.count("This comment was deleted.") == 1


def test_likes_once_per_reader_and_not_your_own(story, anna, boris):
    comment = actions.post_comment(story, by=anna, body="Like me")
    assert actions.like_comment(comment, by=boris).like_count == 1
    with pytest.raises(ValidationError, match="already"):
        actions.like_comment(comment, by=boris)
    with pytest.raises(ValidationError, match="own"):
        actions.like_comment(comment, by=anna)
    assert actions.unlike_comment(comment, by=boris).like_count == 0


def test_pre_moderated_section_holds_comments_until_approved(story, anna, moderator):
    Section.objects.filter(pk=story.section_id).update(moderation=Section.Moderation.PRE)
    comment = actions.post_comment(story, by=anna, body="Waiting")
    assert comment.status == C.PENDING and count(story) == 0
    actions.approve_comment(comment, by=moderator)
    assert count(story) == 1 and visible(story) == ["Waiting"]


@pytest.mark.new_account_hold
def test_a_new_accounts_first_comments_are_held(story, anna, moderator):
    held = [actions.post_comment(story, by=anna, body=f"Hello {i}") for i in range(3)]
    assert {c.held_because for c in held} == {"new account"}
    for c in held:
        actions.approve_comment(c, by=moderator)
    later = actions.post_comment(story, by=anna, body="Now trusted")
    assert later.status == C.VISIBLE and count(story) == 4


@pytest.mark.parametrize("body", ["What an idiot", "What an ID10T", "what an іdiот",
                                  "i.d.i.o.t", "Ты дурак", "ты дypак", "ДУРАААК"])
def test_banned_words_hold_a_comment_however_disguised(story, anna, body):
    BannedWord.objects.create(word="idiot")
    BannedWord.objects.create(word="дурак")
    comment = actions.post_comment(story, by=anna, body=body)
    assert comment.status == C.PENDING and comment.held_because == "banned words"
    assert count(story) == 0


def test_ordinary_words_pass(story, anna):
    BannedWord.objects.create(word="idiot")
    comment = actions.post_comment(story, by=anna, body="An idiom, not an insult: idiosyncratic")
    assert comment.status == C.VISIBLE


def test_reports_with_a_reason_and_three_hold_the_comment(story, anna, make_reader):
    comment = actions.post_comment(story, by=anna, body="Controversial")
    readers = [make_reader(f"r{i}") for i in range(3)]
    with pytest.raises(ValidationError, match="reason"):
        actions.report_comment(comment, by=readers[0], reason="because")
    actions.report_comment(comment, by=readers[0], reason="abuse")
    with pytest.raises(ValidationError, match="already"):
        actions.report_comment(comment, by=readers[0], reason="spam")
    actions.report_comment(comment, by=readers[1], reason="spam")
    assert count(story) == 1
    actions.report_comment(comment, by=readers[2], reason="off_topic")
    assert Comment.objects.get(pk=comment.pk).held_because == "reports" and count(story) == 0


def test_rejecting_a_visible_comment_takes_it_off_and_fixes_the_count(story, anna, moderator):
    comment = actions.post_comment(story, by=anna, body="Rude")
    actions.reject_comment(comment, by=moderator)
    actions.reject_comment(comment, by=moderator)  # twice changes nothing
    assert count(story) == 0 and visible(story) == []


def test_only_moderators_moderate(story, anna, boris):
    comment = actions.post_comment(story, by=anna, body="Mine")
    for attempt in (lambda: actions.approve_comment(comment, by=boris),
                    lambda: actions.reject_comment(comment, by=boris),
                    lambda: ban_reader(anna, by=boris, reason="x"),
                    lambda: actions.set_discussion_closed(story, closed=True, by=boris)):
        with pytest.raises(PermissionDenied):
            attempt()


def test_a_banned_reader_is_told_why_and_until_when(story, anna, boris, moderator):
    comment = actions.post_comment(story, by=boris, body="Nice")
    until = timezone.now() + timedelta(days=7)
    ban_reader(anna, by=moderator, until=until, reason="Insults")
    with pytest.raises(PermissionDenied, match="until .*Reason: Insults"):
        actions.post_comment(story, by=anna, body="Let me in")
    with pytest.raises(PermissionDenied, match="barred"):
        actions.like_comment(comment, by=anna)
    # when the ban ends they are back
    Ban.objects.update(until=timezone.now() - timedelta(seconds=1))
    actions.post_comment(story, by=anna, body="Back")


def test_a_ban_for_good_and_its_lifting(story, anna, moderator):
    pending = Comment.objects.create(article=story, author=anna, body="held",
                                     status=C.PENDING)
    ban = ban_reader(anna, by=moderator, reason="Spam")
    assert Comment.objects.get(pk=pending.pk).status == C.REJECTED
    with pytest.raises(PermissionDenied, match="for good"):
        actions.post_comment(story, by=anna, body="x")
    lift_ban(ban, by=moderator)
    actions.post_comment(story, by=anna, body="Forgiven")


def test_bad_bans_are_refused(anna, moderator):
    with pytest.raises(ValidationError, match="reason"):
        ban_reader(anna, by=moderator, reason=" ")
    with pytest.raises(ValidationError, match="future"):
        ban_reader(anna, by=moderator, reason="x",
                           until=timezone.now() - timedelta(days=1))
    assert not Ban.objects.exists()


def test_recount_reports_and_fixes_drift(story, anna, capsys):
    actions.post_comment(story, by=anna, body="One")
    Article.objects.filter(pk=story.pk).update(comment_count=7)
    call_command("recount_comments")
    assert f"story {story.pk}: stored 7, actually 1" in capsys.readouterr().out
    assert count(story) == 7
    call_command("recount_comments", "--fix")
    assert count(story) == 1 and actions.recount_comments() == []


def test_comment_events_carry_the_exact_count(story, anna, heard,
                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.post_comment(story, by=anna, body="Counted")
    event = heard.of(CommentChanged)[0]
    assert event.comment_count == 1 and groups.of(event) == f"discussion.{story.pk}"
    assert event.id is not None  # logged: a page that reconnects replays it
