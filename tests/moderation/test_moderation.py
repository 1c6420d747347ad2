"""One moderation core for the discussion and the chats: bans, reports and the one queue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dateline.chats import actions as chats
from dateline.chats.models import Message, Room
from dateline.discussion import actions as discussion
from dateline.discussion.models import Comment
from dateline.moderation import actions
from dateline.moderation.models import Ban, BannedWord, Report

pytestmark = pytest.mark.django_db
QUEUE = "/admin/moderation/"


@pytest.fixture
def room(db) -> Room:
    chats.sync_rooms()
    return Room.objects.get(language="en", slug="general")


@pytest.fixture
def readers(django_user_model):
    return [django_user_model.objects.create_user(n, f"{n}@example.org", "reader-pass-26")
            for n in ("vera", "ivan", "olga", "petr")]


@pytest.fixture
def held(story, room, readers, monkeypatch):
    """A held comment and a held chat message, both by vera (banned words hold them)."""
    monkeypatch.setattr("dateline.discussion.actions.NEW_ACCOUNT_HELD", 0)
    BannedWord.objects.create(word="scoundrel")
    comment = discussion.post_comment(story, by=readers[0], body="What a scoundrel")
    message = chats.post_message(room, by=readers[0], body="scoundrel!")
    assert comment.status == Comment.Status.PENDING
    assert message.status == Message.Status.HELD
    return comment, message


def test_the_one_queue_lists_held_comments_and_chat_messages(client, moderator, held):
    client.force_login(moderator)
    page = client.get(QUEUE).content.decode()
    assert 'data-kind="comment"' in page and 'data-kind="message"' in page
    assert "What a scoundrel" in page and "scoundrel!" in page


@pytest.mark.parametrize("kind", ["comment", "message"])
def test_ban_from_the_queue_bans_the_author_and_takes_the_item_down(client, moderator, held,
                                                                  readers, kind):
    comment, message = held
    item = comment if kind == "comment" else message
    client.force_login(moderator)
    # when a moderator decides "ban" on one item
    client.post(QUEUE, {"kind": kind, "id": str(item.pk), "decision": "ban"})
    # then its author is banned for a week, and everything of theirs still held is refused
    ban = Ban.objects.get(user=readers[0])
    assert timedelta(days=6) < ban.until - timezone.now() <= timedelta(days=7)
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.REJECTED
    assert Message.objects.get(pk=message.pk).status == Message.Status.DELETED
    # and the banned reader can neither comment nor chat
    with pytest.raises(PermissionDenied, match="barred"):
        chats.post_message(message.room, by=readers[0], body="hello")


def test_bad_queue_decisions_are_refused_without_an_error_page(client, moderator, held):
    client.force_login(moderator)
    for data in ({"kind": "comment", "id": "١٢", "decision": "ban"},
                 {"kind": "nothing", "id": "1", "decision": "ban"},
                 {"kind": "comment", "id": "9" * 30, "decision": "approve"},
                 {"kind": "comment", "id": "1", "decision": "explode"},
                 {"kind": "comment", "id": "999999", "decision": "approve"}):
        refused = client.post(QUEUE, data, follow=True)
        assert refused.status_code == 200
        assert "Nothing to decide on." in refused.content.decode()
    assert not Ban.objects.exists()


def test_staff_cannot_be_banned_nor_a_ban_turned_on_them(moderator, editor, readers):
    with pytest.raises(ValidationError, match="cannot be banned"):
        actions.ban_reader(editor, by=moderator, reason="Rude")
    ban = actions.ban_reader(readers[0], by=moderator, reason="Rude")
    # an existing ban can change its end and reason, not whom it bars
    ban.user = editor
    actions.change_ban(ban, by=moderator, reason="Still rude", until=None)
    assert Ban.objects.get(pk=ban.pk).user == readers[0]
    with pytest.raises(ValidationError, match="future"):
        actions.change_ban(ban, by=moderator, reason="x",
                           until=timezone.now() - timedelta(hours=1))


def test_the_ban_form_fixes_whom_a_ban_bars(client, moderator, readers):
    ban = actions.ban_reader(readers[0], by=moderator, reason="Rude")
    client.force_login(moderator)
    form = client.get(f"/admin/moderation/ban/{ban.pk}/change/").content.decode()
    assert 'name="user"' not in form


def test_reports_from_both_places_share_reasons_and_hold_at_three(story, room, readers,
                                                                  monkeypatch):
    monkeypatch.setattr("dateline.discussion.actions.NEW_ACCOUNT_HELD", 0)
    comment = discussion.post_comment(story, by=readers[0], body="Fine words")
    message = chats.post_message(room, by=readers[0], body="Fine words too")
    with pytest.raises(ValidationError, match="reason"):
        chats.report_message(message, by=readers[1], reason="because")
    for reporter in readers[1:]:
        discussion.report_comment(comment, by=reporter, reason="spam")
        chats.report_message(message, by=reporter, reason="abuse")
        if reporter == readers[1]:
            with pytest.raises(ValidationError, match="already reported"):
                discussion.report_comment(comment, by=reporter, reason="spam")
    assert Report.objects.count() == 6
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.PENDING
    assert Message.objects.get(pk=message.pk).status == Message.Status.HELD


def test_only_moderators_ban(readers):
    with pytest.raises(PermissionDenied):
        actions.ban_reader(readers[1], by=readers[0], reason="x")
    with pytest.raises(PermissionDenied):
        actions.add_banned_word("scoundrel", by=readers[0])
