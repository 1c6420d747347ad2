"""The live socket, through Channels' communicator: subscribe, catch up, receive, refuse."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing.websocket import WebsocketCommunicator

from dateline.live.consumers import LiveConsumer
from dateline.newsroom import actions
from dateline.newsroom.models import Article

pytestmark = pytest.mark.django_db(transaction=True)


def run(scenario):
    return async_to_sync(scenario)()


async def connected() -> WebsocketCommunicator:
    socket = WebsocketCommunicator(LiveConsumer.as_asgi(), "/ws/live/")
    ok, _ = await socket.connect()
    assert ok
    return socket


async def subscribe(socket, groups, after=0) -> list[dict]:
    await socket.send_to(text_data=json.dumps({"type": "subscribe", "groups": groups,
                                               "after": after}))
    got = []
    while True:
        message = json.loads(await socket.receive_from(timeout=5))
        got.append(message)
        if message["type"] in ("subscribed", "error", "resync"):
            return got


def test_a_published_story_reaches_a_subscribed_page(section, make_article):
    draft = make_article(section, status=Article.Status.DRAFT, published_at=None,
                         headline="Ferry strike ends", is_breaking=True)

    async def scenario():
        socket = await connected()
        assert (await subscribe(socket, ["newsfeed.en"]))[-1]["type"] == "subscribed"
        await sync_to_async(actions.publish_article)(draft, by=None)
        message = json.loads(await socket.receive_from(timeout=5))
        await socket.disconnect()
        return message

    message = run(scenario)
    assert message["type"] == "event" and message["group"] == "newsfeed.en"
    event = message["event"]
    assert event["type"] == "article.published" and event["headline"] == "Ferry strike ends"
    assert event["is_breaking"] is True and event["url"] == draft.get_absolute_url()


def test_a_page_that_reconnects_gets_what_it_missed_once(section, make_article):
    stories = [make_article(section, status=Article.Status.DRAFT, published_at=None)
               for _ in range(3)]

    async def scenario():
        socket = await connected()
        await subscribe(socket, ["newsfeed.en"])
        await sync_to_async(actions.publish_article)(stories[0], by=None)
        first = json.loads(await socket.receive_from(timeout=5))
        await socket.disconnect()  # the reader's network drops
        for story in stories[1:]:
            await sync_to_async(actions.publish_article)(story, by=None)
        again = await connected()  # and comes back, saying what it saw last
        got = await subscribe(again, ["newsfeed.en"], after=first["id"])
        assert await again.receive_nothing(timeout=0.3)
        await again.disconnect()
        return first, got

    first, got = run(scenario)
    replayed = [m for m in got if m["type"] == "event"]
    assert [m["event"]["article_id"] for m in replayed] == [s.pk for s in stories[1:]]
    assert all(m["replayed"] and m["id"] > first["id"] for m in replayed)


def test_other_groups_and_languages_stay_quiet(section_ru, make_article):
    story = make_article(section_ru, status=Article.Status.DRAFT, published_at=None)

    async def scenario():
        socket = await connected()
        await subscribe(socket, ["newsfeed.en", "discussion.1"])
        await sync_to_async(actions.publish_article)(story, by=None)
        quiet = await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()
        return quiet

    assert run(scenario)


@pytest.mark.parametrize("frame, code", [
    ("not json", 4400), ("[1, 2]", 4400), ("x" * 5000, 4413),
    ('{"type": "subscribe", "groups": ' + "[" * 1500 + "]" * 1500 + "}", 4400),
    ('{"type": "ping", "x": ' + "[" * 1000 + "]" * 1000 + "}", 4400),
])
def test_malformed_or_oversized_frames_close_with_a_code(frame, code, db):
    async def scenario():
        socket = await connected()
        await socket.send_to(text_data=frame)
        output = await socket.receive_output(timeout=5)
        return output

    output = run(scenario)
    assert output == {"type": "websocket.close", "code": code}


def test_unknown_groups_and_types_get_an_error_frame(db):
    async def scenario():
        socket = await connected()
        unknown = await subscribe(socket, ["chat.nowhere", "newsfeed.en"])
        await socket.send_to(text_data=json.dumps({"type": "dance"}))
        typed = json.loads(await socket.receive_from(timeout=5))
        bad = await subscribe(socket, "newsfeed.en", after=-1)
        await socket.disconnect()
        return unknown[-1], typed, bad[-1]

    unknown, typed, bad = run(scenario)
    assert unknown["type"] == "error" and unknown["groups"] == ["chat.nowhere"]
    assert typed == {"type": "error", "error": "unknown message type"}
    assert bad["type"] == "error"


def test_a_flood_of_frames_closes_the_socket(db):
    async def scenario():
        socket = await connected()
        for _ in range(25):
            await socket.send_to(text_data=json.dumps({"type": "ping"}))
        codes = []
        while True:
            output = await socket.receive_output(timeout=5)
            if output["type"] == "websocket.close":
                return output["code"]
            codes.append(output)

    assert run(scenario) == 4429


def test_too_far_behind_is_told_to_reload(section, make_article, monkeypatch):
    monkeypatch.setattr("dateline.live.log.REPLAY_LIMIT", 2)
    stories = [make_article(section, status=Article.Status.DRAFT, published_at=None)
               for _ in range(4)]
    for story in stories:
        actions.publish_article(story, by=None)

    async def scenario():
        socket = await connected()
        got = await subscribe(socket, ["newsfeed.en"], after=1)
        await socket.disconnect()
        return got

    assert run(scenario)[-1] == {"type": "resync"}


def test_the_log_is_trimmed_to_the_newest(section, make_article):
    from dateline.live import log
    from dateline.live.models import LoggedEvent
    for _ in range(5):
        actions.publish_article(make_article(section, status=Article.Status.DRAFT,
                                             published_at=None), by=None)
    assert log.trim(keep=2) == 3
    assert LoggedEvent.objects.count() == 2


def test_a_page_rendered_before_any_event_catches_up_from_zero(section, make_article):
    # given a page that saw no event at all, and a story published before its socket opened
    draft = make_article(section, status=Article.Status.DRAFT, published_at=None)
    actions.publish_article(draft, by=None)

    async def scenario():
        socket = await connected()
        got = await subscribe(socket, ["newsfeed.en"], after=0)
        await socket.disconnect()
        return got

    got = run(scenario)
    # then the socket brings it
    assert [m["event"]["article_id"] for m in got if m["type"] == "event"] == [draft.pk]


def test_a_page_further_behind_than_the_log_keeps_is_told_to_reload(section, make_article,
                                                                     monkeypatch):
    monkeypatch.setattr("dateline.live.log.KEEP", 2)
    for _ in range(4):
        actions.publish_article(make_article(section, status=Article.Status.DRAFT,
                                             published_at=None), by=None)
    from dateline.live.models import LoggedEvent
    newest = LoggedEvent.objects.order_by("-id").first().id

    async def scenario():
        socket = await connected()
        behind = await subscribe(socket, ["newsfeed.en"], after=newest - 3)
        await socket.disconnect()
        socket = await connected()
        close = await subscribe(socket, ["newsfeed.en"], after=newest - 1)
        await socket.disconnect()
        return behind[-1], close

    behind, close = run(scenario)
    assert behind == {"type": "resync"}
    assert [m["type"] for m in close] == ["event", "subscribed"]


def test_a_chat_body_may_hold_brackets_and_quotes(db):
    from dateline.live.consumers import _too_deep

    frame = json.dumps({"type": "chat.post", "room": 1, "body": 'a [[[{{{"quoted"]]]'})
    assert not _too_deep(frame)


def test_one_address_gets_no_more_sockets_than_its_cap(db, monkeypatch):
    monkeypatch.setattr("dateline.live.consumers.PER_ADDRESS", 3)

    async def scenario():
        sockets, closed = [], []
        for _ in range(5):
            socket = WebsocketCommunicator(LiveConsumer.as_asgi(), "/ws/live/")
            socket.scope["client"] = ("203.0.113.7", 40000)
            ok, _ = await socket.connect()
            assert ok
            sockets.append(socket)
        for socket in sockets[3:]:
            closed.append(await socket.receive_output(timeout=5))
            await socket.disconnect()  # as the server tells the consumer after a close
        # a socket that ends frees its place for the next
        await sockets[0].disconnect()
        again = WebsocketCommunicator(LiveConsumer.as_asgi(), "/ws/live/")
        again.scope["client"] = ("203.0.113.7", 40001)
        await again.connect()
        quiet = await again.receive_nothing(timeout=0.3)
        for socket in sockets[1:3] + [again]:
            await socket.disconnect()
        return closed, quiet

    closed, quiet = run(scenario)
    assert closed == [{"type": "websocket.close", "code": 4408}] * 2
    assert quiet


@pytest.mark.parametrize("origin, accepted", [
    (b"http://127.0.0.1:8000", True),
    (b"https://127.0.0.1:8000", False),  # another scheme
    (b"http://127.0.0.1:9000", False),  # another port
    (b"http://evil.example", False),
    (b"", False),
])
def test_only_the_sites_own_origin_opens_a_socket(origin, accepted, db):
    from dateline.asgi import websocket_application

    async def scenario():
        headers = [(b"host", b"127.0.0.1:8000")] + ([(b"origin", origin)] if origin else [])
        socket = WebsocketCommunicator(websocket_application, "/ws/live/", headers=headers)
        ok, _ = await socket.connect()
        if ok:
            await socket.disconnect()
        return ok

    assert run(scenario) is accepted
