"""One client opening 500 sockets: refused past its cap, while readers' pages still come fast."""

from __future__ import annotations

import asyncio
import time

import websockets

from dateline.live.consumers import PER_ADDRESS
from dateline.testing import LOCAL, Server
from tests.faults.test_redis import SETUP

FLOOD = 500


def test_a_socket_flood_is_capped_and_pages_still_answer_within_a_second(tmp_path):
    server = Server(tmp_path, LOG_LEVEL="ERROR").prepare()
    server.shell(SETUP)
    server.start()

    async def open_one(closed: list[int]):
        try:
            socket = await websockets.connect(server.ws_url, origin=server.url, open_timeout=10)
        except (OSError, websockets.exceptions.WebSocketException):
            closed.append(0)
            return None
        return socket

    async def scenario() -> tuple[int, float]:
        closed: list[int] = []
        sockets = [s for s in await asyncio.gather(*(open_one(closed) for _ in range(FLOOD)))
                   if s is not None]
        # the server says which ones are past the cap: they close with 4408
        await asyncio.sleep(0.5)
        still_open = [s for s in sockets if s.close_code is None]
        refused = [s for s in sockets if s.close_code == 4408]
        # a reader's page meanwhile
        started = time.monotonic()
        page = await asyncio.to_thread(
            lambda: LOCAL.open(server.url + "/en/search/?q=ferry", timeout=10).status)
        took = time.monotonic() - started
        await asyncio.gather(*(s.close() for s in sockets))
        assert page == 200
        return len(still_open), len(refused), took

    try:
        still_open, refused, took = asyncio.run(asyncio.wait_for(scenario(), 60))
    finally:
        server.stop()
    print(f"flood: {still_open} sockets kept, {refused} refused, a page in {took * 1000:.0f} ms")
    assert still_open <= PER_ADDRESS, still_open
    assert refused >= FLOOD - PER_ADDRESS - 5, refused
    assert took < 1.0, f"a reader's page took {took:.2f} s during the flood"
    assert "Traceback" not in server.output(), server.output()[-3000:]
