"""The monitor's socket: the desk follows its agencies' items live; readers cannot."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing.websocket import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from dateline.live.consumers import LiveConsumer
from dateline.wire import ingest
from tests.wire.conftest import parsed

pytestmark = pytest.mark.django_db(transaction=True)


def arrive(feed) -> None:
    with transaction.atomic():
        ingest.store(feed, parsed(priority=1))


async def follow(user, groups) -> tuple[WebsocketCommunicator, dict]:
    socket = WebsocketCommunicator(LiveConsumer.as_asgi(), "/ws/live/")
    socket.scope["user"] = user
    assert (await socket.connect())[0]
    await socket.send_to(text_data=json.dumps({"type": "subscribe", "groups": groups,
                                               "after": 0}))
    return socket, await socket.receive_output(timeout=5)


def test_an_item_reaches_the_monitor_of_an_editor_at_once(feed, reporter):
    async def scenario():
        socket, answer = await follow(reporter, [f"wire.{feed.agency_id}"])
        assert json.loads(answer["text"])["type"] == "subscribed"
        await sync_to_async(arrive)(feed)
        message = json.loads(await socket.receive_from(timeout=5))
        await socket.disconnect()
        return message

    message = async_to_sync(scenario)()
    event = message["event"]
    assert (event["type"], event["agency"], event["priority"], event["alert"]) == (
        "wire.item", "MW", 1, "urgent")


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_readers_cannot_follow_the_wire(feed, who, django_user_model):
    user = (AnonymousUser() if who == "anonymous" else
            django_user_model.objects.create_user("vera", "v@example.org", "pw-2026-long"))

    async def scenario():
        socket, answer = await follow(user, [f"wire.{feed.agency_id}"])
        return answer

    answer = async_to_sync(scenario)()
    assert answer["type"] == "websocket.close"


def test_an_unknown_agency_cannot_be_followed(feed, reporter):
    async def scenario():
        _socket, answer = await follow(reporter, ["wire.99999"])
        return answer

    assert async_to_sync(scenario)()["type"] == "websocket.close"
