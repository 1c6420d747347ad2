"""Every address the site has, sent hostile input: never a 5xx, and nothing stored is lost.

The addresses come from the URL conf itself, so a new view is covered the day it lands.
Each one is asked for with every input of corpus.txt in its query parameters (and, where
the address takes an id or a slug, in its path), by a reader and, on the desk, by an editor;
every form a page shows is posted back with every input in every field.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from dateline.chats.models import Message, Room
from dateline.discussion.models import Comment
from dateline.newsroom.models import Article

pytestmark = pytest.mark.django_db

CORPUS = [line.replace("{BIG}", "x" * 100_000).replace("{NUL}", "\x00")
          .replace("{CRLF}", "\r\n")
          for line in (Path(__file__).parent / "corpus.txt").read_text("utf-8").splitlines()
          if not line.startswith("#")]
# The desk's forms are slow to render again; every third input keeps each kind represented
# (and the run bounded), the readers' forms get them all.
DESK_CORPUS = CORPUS[::3] + [CORPUS[-1]]
PARAMS = ["page", "p", "after", "before", "ids", "order", "q", "o", "next", "a", "b", "e",
          "all", "_changelist_filters", "published_at__year", "published_at__month",
          "published_at__day", "created_at__year", "status__exact", "language",
          "section__id__exact", "queue", "desk"]
SKIP = re.compile(r"^(admin/(logout|password_change|jsi18n|r/|auth/)|en/account/(logout|"
                  r"delete|reauthenticate|password|email|confirm|login/code))")


def routes(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


@pytest.fixture
def world(story, tag, editor, make_article, section_ru):
    from django.contrib.auth.models import User

    reader = User.objects.create_user("vera", "vera@example.org", "reader-pass-26")
    reader.emailaddress_set.create(email=reader.email, verified=True, primary=True)
    comment = Comment.objects.create(article=story, author=reader, body="First.")
    from dateline.chats.actions import sync_rooms

    sync_rooms()
    room = Room.objects.get(language="en", slug="general")
    Message.objects.create(room=room, author=reader, body="Hello")
    return {"story": story, "comment": comment, "room": room, "reader": reader,
            "editor": editor, "tag": tag}


def fill(route: str, world: dict, value: str | None = None) -> str | None:
    """A path for the route: real ids and slugs, or value in place of each."""
    story, comment = world["story"], world["comment"]
    real = {"article_id": story.pk, "comment_id": comment.pk, "pk": story.pk, "number": 1,
            "section": story.section.slug, "slug": story.slug, "tag": world["tag"].slug,
            "object_id": story.pk, "path": "x.png", "action": "publish"}
    if route.startswith("en/chats/"):
        real["slug"] = world["room"].slug

    def swap(match: re.Match) -> str:
        name = match.group(2)
        if value is not None:
            return urllib.parse.quote(value[:300], safe="")
        return str(real.get(name, "1"))

    path = re.sub(r"<(?:(\w+):)?(\w+)>", swap, route)
    if "(?P<" in path or "^" in path:
        return None  # a regex route: allauth's keyed links, covered by their own tests
    return "/" + path


def paths(world: dict) -> list[str]:
    found = []
    for route in routes():
        if SKIP.match(route) or "<path:object_id>" in route and "auditentry" in route:
            continue
        path = fill(route, world)
        if path is not None:
            found.append(path)
    return sorted(set(found))


def no_server_error(response, what: str) -> None:
    assert response.status_code < 500, f"{response.status_code} for {what[:300]!r}"


@pytest.mark.parametrize("who", ["anonymous", "reader", "editor"])
def test_every_address_answers_hostile_query_parameters_without_a_5xx(client, world, who):
    if who != "anonymous":
        client.force_login(world[who])
    tried = 0
    for path in paths(world):
        if path.startswith("/admin/") != (who == "editor"):
            continue
        for value in CORPUS:
            query = urllib.parse.urlencode({name: value for name in PARAMS})
            no_server_error(client.get(f"{path}?{query}"), f"{path} ? {value}")
            tried += 1
    print(f"{tried} addresses × inputs asked as {who}")  # shown with -s: the note's figures
    assert tried > 300


def test_hostile_values_in_the_path_are_not_found_or_refused(client, world):
    client.force_login(world["editor"])
    tried = 0
    for route in routes():
        if SKIP.match(route) or "<" not in route:
            continue
        for value in CORPUS:
            path = fill(route, world, value)
            if path is not None:
                no_server_error(client.get(path), path)
                tried += 1
    print(f"{tried} hostile values in paths")
    no_server_error(client.get("/media/" + "a" * 5000), "a 5,000-character media path")


FORM_FIELD = re.compile(r'<(?:input|textarea|select)[^>]*\bname="([^"]+)"', re.I)


def forms(client, path: str) -> list[tuple[str, list[str]]]:
    page = client.get(path)
    if page.status_code != 200 or "text/html" not in page.get("Content-Type", ""):
        return []
    html = page.content.decode(errors="replace")
    found = []
    for form in re.findall(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", html, re.S | re.I):
        action = re.search(r'action="([^"]*)"', form)
        names = sorted(set(FORM_FIELD.findall(form)) - {"csrfmiddlewaretoken"})
        found.append((action.group(1) if action and action.group(1) else path, names))
    opening = re.findall(r'<form[^>]*method="post"[^>]*action="([^"]+)"', html, re.I)
    return found or [(a, []) for a in opening]


@pytest.mark.parametrize("who", ["reader", "editor"])
def test_every_form_takes_hostile_values_in_every_field_without_a_5xx(client, world, who):
    client.force_login(world[who])
    stored = Article.objects.count(), Comment.objects.count()
    posted = 0
    for path in paths(world):
        if path.startswith("/admin/") != (who == "editor") or "delete" in path:
            continue
        for action, names in forms(client, path):
            if "delete" in action or "logout" in action:
                continue
            for value in DESK_CORPUS if who == "editor" else CORPUS:
                data = {name: value for name in names}
                no_server_error(client.post(action, data), f"POST {action} {value[:40]!r}")
                posted += 1
    print(f"{posted} forms posted with hostile values as {who}")
    # nothing a hostile form could reach was lost
    assert Article.objects.count() >= stored[0] and Comment.objects.count() >= stored[1]
    assert posted > 100
