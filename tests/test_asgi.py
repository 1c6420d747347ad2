"""The ASGI entry point answers stored pages before Django and serves the rest through it."""

from __future__ import annotations

import asyncio

import pytest

from dateline.reader.pagecache import StoredPages

pytestmark = pytest.mark.django_db(transaction=True)


def call(app, path: str, *, method: str = "GET", headers=()) -> tuple[dict, bytes]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "root_path": "",
             "query_string": b"",
             "headers": [*headers] if any(k == b"host" for k, _v in headers)
             else [*headers, (b"host", b"127.0.0.1:8000")], "http_version": "1.1",
             "scheme": "http", "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5000)}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start, body


def test_full_application_serves_a_story_then_answers_from_the_store(story):
    from dateline.asgi import application

    first, body = call(application, story.get_absolute_url())
    assert first["status"] == 200 and b"Harbour opens night ferry" in body
    assert (b"x-cache", b"miss") in first["headers"]
    second, again = call(application, story.get_absolute_url())
    assert (b"x-cache", b"hit") in second["headers"] and again == body


def test_stored_page_is_answered_without_entering_django(client, story):
    client.get(story.get_absolute_url())  # stores the page

    async def django_must_not_run(scope, receive, send):
        raise AssertionError("a stored page reached Django")

    start, body = call(StoredPages(django_must_not_run), story.get_absolute_url(),
                       headers=[(b"accept-encoding", b"gzip")])
    headers = dict(start["headers"])
    assert start["status"] == 200 and headers[b"content-encoding"] == b"gzip"
    assert headers[b"cache-control"] == b"public, max-age=60"
    head, empty = call(StoredPages(django_must_not_run), story.get_absolute_url(), method="HEAD")
    assert head["status"] == 200 and empty == b""


def test_a_stored_page_goes_only_to_hosts_the_site_answers_to(client, story, settings):
    from dateline.asgi import application

    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]  # the test client's "testserver" too
    settings.ALLOWED_HOSTS.append("testserver")
    client.get(story.get_absolute_url())  # stored
    # given a request naming a host the site does not serve
    start, body = call(application, story.get_absolute_url(),
                       headers=[(b"host", b"evil.example")])
    # then Django refuses it, and the store did not answer for it
    assert start["status"] == 400
    assert (b"x-cache", b"hit") not in start["headers"]
    start, _body = call(application, story.get_absolute_url(),
                        headers=[(b"host", b"127.0.0.1:8000")])
    assert (b"x-cache", b"hit") in start["headers"]


def test_posts_and_unknown_pages_pass_through(story):
    from dateline.asgi import application

    start, body = call(application, "/en/no-such-section/")
    assert start["status"] == 404 and b"Page not found" in body
