"""Chats: rooms, posting rules shared with the discussion, moderation, the socket."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.testing.websocket import WebsocketCommunicator
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dateline.chats import actions, selectors
from dateline.chats.models import Message, Room
from dateline.events import ChatMessageChanged, RoomChanged
from dateline.live import groups
from dateline.live.consumers import LiveConsumer
from dateline.moderation.actions import ban_reader
from dateline.moderation.models import BannedWord

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def room(db) -> Room:
    actions.sync_rooms()  # a transactional test's flush removes the rooms migrations made
    return Room.objects.get(language="en", slug="general")


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("vera", "vera@example.org", "reader-pass-26")


def test_general_rooms_exist_and_sections_get_theirs(section):
    actions.sync_rooms()
    names = {(r.language, r.slug) for r in Room.objects.all()}
    assert {("en", "general"), ("ru", "general"), ("en", "world")} <= names
    assert actions.sync_rooms() == 0  # nothing twice


def test_post_and_history(room, reader):
    for i in range(3):
        actions.post_message(room, by=reader, body=f"Hello {i}")
    assert [m.body for m in selectors.history(room)] == ["Hello 0", "Hello 1", "Hello 2"]
    first = selectors.history(room)[0]
    assert selectors.history(room, before=first.pk) == []


def test_the_discussion_rules_apply(room, reader, moderator):
    with pytest.raises(ValidationError, match="invisible control"):
        actions.post_message(room, by=reader, body="hi\u202e")
    with pytest.raises(ValidationError, match="at most 500"):
        actions.post_message(room, by=reader, body="x" * 600)
    BannedWord.objects.create(word="idiot")
    held = actions.post_message(room, by=reader, body="what an 1d1ot")
    assert held.status == Message.Status.HELD and selectors.history(room) == []
    actions.approve_message(held, by=moderator)
    assert selectors.history(room) == [held]


def test_banned_muted_slowed_and_closed(room, reader, moderator):
    actions.set_slow_mode(room, seconds=30, by=moderator)
    actions.post_message(room, by=reader, body="one")
    with pytest.raises(ValidationError, match="Slow mode"):
        actions.post_message(room, by=reader, body="two")
    actions.mute_reader(room, reader, minutes=10, by=moderator)
    with pytest.raises(PermissionDenied, match="muted"):
        actions.post_message(room, by=reader, body="three")
    ban_reader(reader, by=moderator, reason="Flooding",
               until=timezone.now() + timedelta(days=1))
    with pytest.raises(PermissionDenied, match="Flooding"):
        actions.post_message(room, by=reader, body="four")
    assert Message.objects.count() == 1


def test_a_closed_room_takes_no_messages(room, reader, moderator):
    actions.close_room(room, by=moderator)
    with pytest.raises(ValidationError, match="closed"):
        actions.post_message(room, by=reader, body="anyone?")


def test_only_moderators_and_authors_delete(room, reader, django_user_model, moderator):
    other = django_user_model.objects.create_user("ivan", "ivan@example.org", "pw-long-2026")
    message = actions.post_message(room, by=reader, body="mine")
    with pytest.raises(PermissionDenied):
        actions.delete_message(message, by=other)
    actions.delete_message(message, by=moderator)
    assert selectors.history(room) == []


async def open_socket(user=None):
    socket = WebsocketCommunicator(LiveConsumer.as_asgi(), "/ws/live/")
    if user is not None:
        socket.scope["user"] = user
    assert (await socket.connect())[0]
    return socket


async def next_of(socket, kind, status=None):
    while True:
        message = json.loads(await socket.receive_from(timeout=5))
        if message["type"] == kind and (status is None or message["event"]["status"] == status):
            return message


def test_two_readers_chat_and_a_moderator_deletes_for_both(room, reader, moderator,
                                                           django_user_model):
    other = django_user_model.objects.create_user("ivan", "ivan@example.org", "pw-long-2026")

    async def scenario():
        a, b, m = await open_socket(reader), await open_socket(other), await open_socket(moderator)
        for s in (a, b, m):
            await s.send_to(text_data=json.dumps({"type": "subscribe",
                                                  "groups": [groups.chat(room.pk)], "after": 0}))
            await next_of(s, "subscribed")
        presence = await next_of(a, "presence")
        await a.send_to(text_data=json.dumps({"type": "chat.post", "room": room.pk,
                                              "body": "Is the ferry running?"}))
        posted = await next_of(a, "chat.posted")
        seen_by_b = await next_of(b, "event")
        await m.send_to(text_data=json.dumps({"type": "chat.delete",
                                              "message": posted["id"]}))
        gone_for_a = await next_of(a, "event", "deleted")
        gone_for_b = await next_of(b, "event", "deleted")
        await b.send_to(text_data=json.dumps({"type": "chat.delete",
                                              "message": posted["id"]}))
        refused = await next_of(b, "error")
        for s in (a, b, m):
            await s.disconnect()
        return presence, seen_by_b, gone_for_a, gone_for_b, refused

    presence, seen, gone_a, gone_b, refused = async_to_sync(scenario)()
    assert presence["count"] >= 1
    assert seen["event"]["body"] == "Is the ferry running?" and seen["event"]["author"] == "vera"
    assert gone_a["event"]["status"] == gone_b["event"]["status"] == "deleted"
    assert refused["code"] == 403


def test_anonymous_reads_but_cannot_post_and_unknown_rooms_close(room):
    async def scenario():
        s = await open_socket()
        await s.send_to(text_data=json.dumps({"type": "chat.post", "room": room.pk,
                                              "body": "hi"}))
        refused = await next_of(s, "error")
        await s.send_to(text_data=json.dumps({"type": "subscribe", "groups": ["chat.999999"],
                                              "after": 0}))
        closed = await s.receive_output(timeout=5)
        return refused, closed

    refused, closed = async_to_sync(scenario)()
    assert refused["code"] == 403 and Message.objects.count() == 0
    assert closed == {"type": "websocket.close", "code": 4404}


def test_room_page_and_older_messages(client, room, reader):
    for i in range(55):
        Message.objects.create(room=room, author=reader, body=f"Message {i:02d}")
    page = client.get("/en/chats/general/").content.decode()
    assert "Message 54" in page and "Message 04" not in page and "Earlier messages" in page
    first = selectors.history(room)[0]
    older = client.get(f"/en/chats/general/older/?before={first.pk}").json()
    assert "Message 04" in older["html"] and older["more"] is False
    assert client.get("/en/chats/general/older/?before=x").status_code == 404
    assert client.get("/en/chats/nowhere/").status_code == 404
    assert "General" in client.get("/en/chats/").content.decode()


def test_reports_hold_a_message_and_the_one_queue_shows_it(room, reader, moderator, client,
                                                           django_user_model):
    message = actions.post_message(room, by=reader, body="Buy cheap watches")
    reporters = [django_user_model.objects.create_user(f"r{i}", f"r{i}@example.org",
                                                       "pw-long-2026") for i in range(3)]
    with pytest.raises(ValidationError, match="reason"):
        actions.report_message(message, by=reporters[0], reason="because")
    for r in reporters:
        actions.report_message(message, by=r, reason="spam")
    assert Message.objects.get(pk=message.pk).status == Message.Status.HELD
    from dateline.discussion import actions as discussion
    from dateline.newsroom.models import Article, Section
    section = Section.objects.create(name="World", slug="world", language="en")
    from django.utils import timezone as tz
    story = Article.objects.create(section=section, language="en", headline="H", slug="h",
                                   lead="l", body="b", status="published", published_at=tz.now())
    Section.objects.filter(pk=section.pk).update(moderation=Section.Moderation.PRE)
    comment = discussion.post_comment(story, by=reader, body="A held comment")
    client.force_login(moderator)
    page = client.get("/admin/moderation/").content.decode()
    assert "Buy cheap watches" in page and "A held comment" in page
    client.post("/admin/moderation/", {"kind": "message", "id": message.pk,
                                       "decision": "approve"})
    client.post("/admin/moderation/", {"kind": "comment", "id": comment.pk, "decision": "ban"})
    assert Message.objects.get(pk=message.pk).status == Message.Status.VISIBLE
    from dateline.discussion.models import Comment
    from dateline.moderation.models import Ban
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.REJECTED
    assert Ban.objects.filter(user=reader).exists()
    client.force_login(reader)
    assert client.get("/admin/moderation/").status_code in (302, 403)


def test_chat_events_carry_the_body_escaped_with_safe_links(room, reader, heard,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.post_message(room, by=reader, body="<b>x</b> see https://ferry.example/t")
    html = heard.of(ChatMessageChanged)[0].body_html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>" not in html
    assert '<a href="https://ferry.example/t" rel="nofollow">' in html


def test_a_room_renamed_on_the_desk_is_told_to_pages(room, client, editor, heard):
    client.force_login(editor)
    form = {"name": "Harbour talk", "slug": "general", "is_open": "on", "slow_mode": "0",
            "article": ""}
    response = client.post(f"/admin/chats/room/{room.pk}/change/", form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Room.objects.get(pk=room.pk).name == "Harbour talk"
    assert [e.room_id for e in heard.of(RoomChanged)] == [room.pk]


def test_the_chat_rate_limit_counts_every_room(room, reader, section):
    actions.sync_rooms()
    other = Room.objects.get(section=section)
    for n in range(actions.RATE_LIMIT):
        actions.post_message(room if n % 2 else other, by=reader, body=f"Message {n}")
    with pytest.raises(ValidationError, match="too fast"):
        actions.post_message(other, by=reader, body="One more, elsewhere")
