"""A reader's data export holds everything the reader left, for models added later too."""

from __future__ import annotations

import json

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from dateline.chats import actions as chats
from dateline.chats.models import Room
from dateline.discussion import actions as discussion
from dateline.moderation.actions import ban_reader
from dateline.moderation.models import Report
from dateline.subscriptions.models import Subscriber
from dateline.subscriptions.push.models import Subscription

pytestmark = pytest.mark.django_db(transaction=True)

# What "a reader left": the rows that hold what the reader wrote (comments, chat messages,
# reports), chose (likes, settings, email addresses) or was given as a reader (replies to
# them, bans and mutes they meet when they write). Each points to the user; the value is the
# key of the export that carries it.
EXPORTED = {
    "accounts.ReaderProfile.user": "account",
    "account.EmailAddress.user": "email_addresses",
    "discussion.Comment.author": "comments",
    "discussion.Like.user": "likes",
    "discussion.Notification.user": "notifications",
    "chats.Message.author": "chat_messages",
    "chats.Mute.user": "restrictions",
    "moderation.Report.reporter": "reports",
    "moderation.Ban.user": "restrictions",
    "push.Subscription.user": "push_subscriptions",
    "subscriptions.Subscriber.user": "email_subscriptions",
}
# Rows that point to a user but are not the reader's to take, each with its reason.
NOT_EXPORTED = {
    "accounts.UsernameKey.user": "a lookup key made from the username, which is exported",
    "auth.User_groups.user": "roles the newsroom gives its staff, not a reader's data",
    "auth.User_user_permissions.user": "permissions the newsroom gives its staff",
    "admin.LogEntry.user": "the staff's work in the admin, which belongs to the publication",
    "newsroom.Article.author": "stories are the publication's, written as staff",
    "newsroom.Author.user": "a staff member's byline record, published with their stories",
    "newsroom.Revision.by": "desk work on the publication's stories",
    "newsroom.Correction.by": "desk work on the publication's stories",
    "newsroom.AuditEntry.actor": "the desk's audit log, kept for the publication",
    "newsroom.LeadImage.uploaded_by": "pictures uploaded for the publication's stories",
    "moderation.Ban.by": "a moderator's decision about someone else",
    "chats.Mute.by": "a moderator's decision about someone else",
    "wire.Take.by": "desk work on agency copy",
    "wire.Alert.resolved_by": "desk work on the wire",
}
# Sessions are not in the walk (they hold no foreign key) and not in the export: a login
# token that expires, not something the reader wrote.


def fields_pointing_to_users() -> list[str]:
    """Every foreign key, one-to-one and many-to-many field of every installed model that
    points straight at the user model (through tables included), as app.Model.field."""
    user = get_user_model()
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields(include_hidden=True):
            if (isinstance(field, models.ForeignKey | models.ManyToManyField)
                    and not field.auto_created and field.related_model is user):
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_every_model_that_points_to_a_user_is_exported_or_left_out_with_a_reason() -> None:
    # given every field of every installed model that points to a user
    found = fields_pointing_to_users()

    # then each is exported or named as not the reader's, and neither list is stale
    unknown = sorted(set(found) - EXPORTED.keys() - NOT_EXPORTED.keys())
    assert not unknown, (
        f"reader_data() does not say what to do with {unknown}: export it (accounts/"
        "actions.py) and list it in EXPORTED, or list it in NOT_EXPORTED with a reason")
    assert not EXPORTED.keys() & NOT_EXPORTED.keys()
    assert sorted(EXPORTED.keys() | NOT_EXPORTED.keys()) == sorted(found)


@pytest.fixture
def room(db) -> Room:
    chats.sync_rooms()
    return Room.objects.get(language="en", slug="general")


def test_the_export_carries_a_row_of_every_exported_kind(
        client, story, room, moderator, django_user_model, django_assert_num_queries,
        monkeypatch) -> None:
    # given a reader who has left something of every kind (new accounts' comments not held)
    monkeypatch.setattr("dateline.discussion.actions.NEW_ACCOUNT_HELD", 0)
    anna = django_user_model.objects.create_user("anna", "anna@example.org", "reader-pass-26")
    boris = django_user_model.objects.create_user("boris", "boris@example.org", "reader-pass-26")
    EmailAddress.objects.create(user=anna, email="anna@example.org", verified=True, primary=True)
    mine = discussion.post_comment(story, by=anna, body="The ferry was late again")
    reply = discussion.post_comment(story, by=boris, body="Not today", parent=mine)
    discussion.like_comment(reply, by=anna)
    chats.post_message(room, by=anna, body="Anyone on the night boat?")
    chats.report_message(chats.post_message(room, by=boris, body="Buy cheap tickets here"),
                         by=anna, reason=Report.Reason.SPAM)
    chats.mute_reader(room, anna, minutes=10, by=moderator)
    ban_reader(anna, by=moderator, reason="Shouting in the chats")
    Subscription.objects.create(user=anna, endpoint="https://push.example/anna", language="en",
                                p256dh="B" * 87, auth="A" * 22)
    Subscriber.objects.create(user=anna, email="anna@example.org", language="en")

    # when she downloads her data
    client.force_login(anna)
    with django_assert_num_queries(15):
        data = json.loads(client.get("/en/account/export/").content)

    # then every kind is there, as hers
    assert {key for key in set(EXPORTED.values()) if data[key]} == set(EXPORTED.values())
    assert data["email_addresses"] == [
        {"email": "anna@example.org", "verified": True, "primary": True}]
    assert [c["text"] for c in data["comments"]] == ["The ferry was late again"]
    assert data["likes"] == [reply.pk]
    assert [n["reply"] for n in data["notifications"]] == [reply.pk]
    assert [m["text"] for m in data["chat_messages"]] == ["Anyone on the night boat?"]
    assert [r["reason"] for r in data["reports"]] == ["spam"]
    assert [(r["kind"], r.get("reason"), r.get("room")) for r in data["restrictions"]] == [
        ("ban", "Shouting in the chats", None), ("mute", None, room.name)]
