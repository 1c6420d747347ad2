"""The WSGI thread bridge: responses, bodies, limits, and no thread left waiting on a dead loop."""

from __future__ import annotations

import asyncio
import threading
import time

from dateline.wsgi_threads import WSGIThreads


def scope(method: str = "GET", headers: list | None = None) -> dict:
    return {"type": "http", "method": method, "path": "/x", "root_path": "",
            "query_string": b"a=1", "http_version": "1.1", "headers": headers or [],
            "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5000)}


def body_messages(*chunks: bytes):
    messages = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
                for i, c in enumerate(chunks)]

    async def receive():
        return messages.pop(0)

    return receive


def run(app, scope, receive) -> list[dict]:
    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def echo(environ, start_response):
    data = environ["wsgi.input"].read()
    start_response("201 Created", [("Content-Type", "text/plain")])
    return [b"got ", data, b" for ", environ["QUERY_STRING"].encode()]


def test_a_response_and_the_request_body_cross_the_bridge():
    app = WSGIThreads(echo, threads=2, max_body=1000)
    sent = run(app, scope("POST"), body_messages(b"he", b"llo"))
    assert sent[0]["status"] == 201
    assert (b"content-type", b"text/plain") in sent[0]["headers"]
    assert b"".join(m["body"] for m in sent[1:]) == b"got hello for a=1"
    assert [m["more_body"] for m in sent[1:]] == [True, True, True, False]


def test_a_body_over_the_limit_is_refused_before_the_app_runs():
    called = []

    def app(environ, start_response):
        called.append(1)
        return echo(environ, start_response)

    bridge = WSGIThreads(app, threads=1, max_body=4)
    declared = run(bridge, scope("POST", [(b"content-length", b"5")]), body_messages(b"12345"))
    streamed = run(bridge, scope("POST"), body_messages(b"123", b"45"))
    assert declared[0]["status"] == streamed[0]["status"] == 413
    assert b"larger than this site accepts" in declared[1]["body"]
    assert called == []


def test_a_request_whose_client_left_during_its_body_is_not_run():
    called = []

    def app(environ, start_response):
        called.append(environ["wsgi.input"].read())
        return echo(environ, start_response)

    messages = [{"type": "http.request", "body": b"body=Hel", "more_body": True},
                {"type": "http.disconnect"}]

    async def receive():
        return messages.pop(0)

    bridge = WSGIThreads(app, threads=1, max_body=1000)
    sent = run(bridge, scope("POST", [(b"content-length", b"17")]), receive)
    assert called == [] and sent == []  # no comment saved as "Hel"


def test_a_thread_does_not_outlive_a_stopped_loop():
    # given a response that is produced after the server has stopped its loop
    release = threading.Event()
    finished = threading.Event()

    def slow(environ, start_response):
        release.wait(5)
        start_response("200 OK", [])

        def chunks():
            try:
                yield from [b"x"] * 100  # more than may be in flight at once
            finally:
                finished.set()

        return chunks()

    app = WSGIThreads(slow, threads=1, max_body=10)
    loop = asyncio.new_event_loop()
    sent: list[dict] = []

    async def send(message):
        await asyncio.sleep(10)  # a client that reads slowly: chunks pile up
        sent.append(message)

    task = loop.create_task(app(scope(), body_messages(b""), send))
    loop.call_later(0.2, loop.stop)
    loop.run_forever()
    # when the app answers with the loop gone
    release.set()
    # then the thread gives up within a second instead of waiting for ever
    started = time.monotonic()
    assert finished.wait(3), "the worker thread is still waiting on the stopped loop"
    assert time.monotonic() - started < 1.5
    app.executor.shutdown(wait=True)  # returns: no thread is stuck
    task.cancel()
    loop.run_until_complete(asyncio.gather(task, return_exceptions=True))
    loop.close()


def test_an_app_that_fails_before_answering_still_answers():
    # given an app whose own error handling fails (say, its error page cannot render)
    def broken(environ, start_response):
        raise ValueError("the error page failed too")

    bridge = WSGIThreads(broken, threads=1, max_body=100)
    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    async def request():
        await bridge(scope(), body_messages(b""), send)

    # when a request comes: it ends within a second, with a server error, and raises for
    # the log
    try:
        asyncio.run(asyncio.wait_for(request(), timeout=1))
    except ValueError:
        pass
    else:
        raise AssertionError("the failure was swallowed")
    assert sent[0]["status"] == 500
    assert b"Server error" in sent[1]["body"]
