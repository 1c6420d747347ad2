"""Live pages in a real browser against the real ASGI server: stories, alerts, comments and
chat messages arrive over the page's one socket, without a reload.

pytest-django's live server speaks WSGI only, so this module runs `dateline serve` (granian,
one process, its own SQLite and in-process channel layer) on a data dir of its own, seeded
by `dateline shell`; everything else goes through the browser.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, WebSocketRoute, expect

from dateline.testing import Server
from tests.browser.conftest import contexts_on, served_editor_site

pytestmark = pytest.mark.browser

DESK_PASSWORD = "desk-pass-2026"
READER_PASSWORD = "reader-pass-2026"
TIMEOUT_MS = 5_000
LIVE_MS = 2_000  # a live event shows within this: the comment poll alone would take 15 s
CATCH_UP_MS = 12_000  # the reconnect waits 1 s, 2 s, 4 s..., each with up to half again

SETUP = """
import json
from datetime import timedelta
from django.contrib.auth.models import User
from django.utils import timezone
from dateline.discussion.models import Comment
from dateline.newsroom.models import Agency, Article, Section

agency = Agency.objects.create(name='Meridian Wire', code='MW')
world = Section.objects.create(name='World', slug='world', language='en', order=1,
                               tagline='What happened everywhere else today.')

def story(slug, headline, minutes=None):
    return Article.objects.create(
        section=world, language='en', slug=slug, headline=headline, agency=agency,
        lead='The ' + headline.lower() + '.', body='<p>More soon.</p>',
        dateline_place='Lisbon', byline='Marta Oliveira',
        status='draft' if minutes is None else 'published',
        published_at=None if minutes is None else timezone.now() - timedelta(minutes=minutes))

ids = {name: story(name, headline, minutes).pk for name, headline, minutes in [
    ('night-ferry', 'Harbour opens night ferry', 60),
    ('old-bridge', 'Old bridge closes for repairs', 90),
    ('discussed', 'Council debates the new cycle lanes', 30),
    ('tram-line', 'Tram line reaches the harbour', None),
    ('lighthouse', 'Lighthouse keeper retires after forty years', None),
    ('floods', 'River bursts its banks in the old town', None),
    ('market', 'Fish market moves to the docks', None),
    ('airport', 'Airport opens a second runway', None),
    ('harbour-tax', 'Harbour tax to rise next spring', None),
]}
User.objects.create_user('elena', 'elena@example.org', DESK_PASSWORD)
for name in ('anna', 'boris'):
    reader = User.objects.create_user(name, name + '@example.org', READER_PASSWORD)
    reader.emailaddress_set.create(email=reader.email, verified=True, primary=True)
# anna has had comments approved before: hers are not held as a new account's
anna = User.objects.get(username='anna')
for n in range(3):
    Comment.objects.create(article_id=ids['old-bridge'], author=anna, body=f'Earlier {n}.',
                           status=Comment.Status.VISIBLE)
print(json.dumps(ids))
""".replace("DESK_PASSWORD", repr(DESK_PASSWORD)).replace(
    "READER_PASSWORD", repr(READER_PASSWORD))


class LiveSite:
    def __init__(self, url: str, ids: dict[str, int]) -> None:
        self.url = url
        self.ids = ids

    def change_url(self, slug: str) -> str:
        return f"/admin/newsroom/article/{self.ids[slug]}/change/"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[LiveSite]:
    with served_editor_site(tmp_path_factory.mktemp("live-data"), SETUP) as (url, seeded):
        yield LiveSite(url, seeded)


@pytest.fixture
def new_context(browser: Browser, server: LiveSite) -> Iterator[Callable[[], BrowserContext]]:
    """A browser context per person, on the ASGI server; each is closed after the test."""
    with contexts_on(browser, server.url) as new:
        yield new


class Live:
    """A page and what its live socket has been told."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.frames: list[dict] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._received))

    def _received(self, payload: str | bytes) -> None:
        self.frames.append(json.loads(payload))

    def wait_subscribed(self, group: str) -> None:
        """Wait until the server confirms the page's socket listens to group."""
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while not any(f["type"] == "subscribed" and group in f["groups"] for f in self.frames):
            assert time.monotonic() < deadline, f"not subscribed to {group}: {self.frames}"
            self.page.wait_for_timeout(50)


def open_live(context: BrowserContext, path: str, group: str = "newsfeed.en") -> Live:
    live = Live(context.new_page())
    live.page.goto(path)
    live.wait_subscribed(group)
    return live


def desk(context: BrowserContext, server: LiveSite, slug: str) -> Page:
    """An editor signed in through the admin's login form, on a story's desk page."""
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("elena")
    page.get_by_label("Password").fill(DESK_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(server.change_url(slug))
    return page


def click_and_confirm(page: Page, button: str, message: str) -> None:
    page.get_by_role("button", name=button, exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(message)


def newsfeed(page: Page) -> Locator:
    return page.locator("[data-newsfeed] ol")


def test_reader_follows_publication_edit_and_withdrawal_in_the_newsfeed(
        new_context, server: LiveSite) -> None:
    # given a reader on a story page, and an editor on a draft's desk page
    reader = open_live(new_context(), "/en/world/night-ferry/").page
    editor = desk(new_context(), server, "tram-line")
    headline = "Tram line reaches the harbour"
    expect(newsfeed(reader)).not_to_contain_text(headline)
    reader.evaluate("window.sameDocument = true")

    # when the editor publishes it
    editor.get_by_role("button", name="Publish now").click()

    # then within two seconds it heads the reader's Newsfeed, linked
    first = newsfeed(reader).locator("li").first
    expect(first).to_have_attribute("data-id", str(server.ids["tram-line"]), timeout=LIVE_MS)
    expect(first.get_by_role("link")).to_have_text(headline)
    expect(first.get_by_role("link")).to_have_attribute("href", "/en/world/tram-line/")
    expect(editor.locator(".messagelist")).to_contain_text("Published.")

    # when the editor changes its headline and saves
    changed = "Tram line reaches the harbour at last"
    editor.get_by_label("Headline:", exact=True).fill(changed)
    click_and_confirm(editor, "Save and continue editing", "was changed successfully")

    # then the reader's item says so
    expect(first.get_by_role("link")).to_have_text(changed, timeout=LIVE_MS)

    # when the editor unpublishes it
    click_and_confirm(editor, "Unpublish", "Unpublished")

    # then it leaves the reader's Newsfeed, all without a reload
    item = newsfeed(reader).locator(f'li[data-id="{server.ids["tram-line"]}"]')
    expect(item).to_have_count(0, timeout=LIVE_MS)
    assert reader.evaluate("window.sameDocument") is True


def test_home_page_offers_new_stories_instead_of_jumping(new_context, server: LiveSite) -> None:
    # given a reader on the home page, and an editor on a draft's desk page
    reader = open_live(new_context(), "/en/").page
    editor = desk(new_context(), server, "lighthouse")
    headline = "Lighthouse keeper retires after forty years"
    main = reader.locator("main")
    top = main.locator(".top-story h2").inner_text()
    reader.evaluate("window.sameDocument = true")

    # when the story is published
    click_and_confirm(editor, "Publish now", "Published.")

    # then the page stays as it was, with an offer to show the new story
    offer = reader.get_by_role("button", name="New stories: 1. Show them")
    expect(offer).to_be_visible(timeout=LIVE_MS)
    expect(main.locator(".top-story h2")).to_have_text(top)
    expect(main.get_by_role("link", name=headline)).to_have_count(0)
    assert reader.evaluate("window.sameDocument") is True

    # when they take it up
    offer.click()

    # then the page comes back with the story on it
    reader.wait_for_function("window.sameDocument === undefined")
    expect(main.get_by_role("link", name=headline).first).to_be_visible()
    expect(offer).to_have_count(0)


def test_breaking_story_raises_an_alert_on_an_open_page(new_context, server: LiveSite) -> None:
    # given a reader on a section page, and an editor who marks a draft as breaking news
    reader = open_live(new_context(), "/en/world/").page
    alert = reader.locator("#breaking-alert")
    expect(alert).to_have_count(0)
    editor = desk(new_context(), server, "floods")
    headline = "River bursts its banks in the old town"
    editor.get_by_label("Breaking news").check()
    click_and_confirm(editor, "Save and continue editing", "was changed successfully")
    expect(editor.get_by_label("Breaking news")).to_be_checked()

    # when the editor publishes it
    click_and_confirm(editor, "Publish now", "Published.")

    # then the reader's page raises the alert, linked to the story
    expect(reader.get_by_role("alert")).to_have_text(f"Breaking: {headline}", timeout=LIVE_MS)
    expect(alert.get_by_role("link", name=headline)).to_have_attribute(
        "href", "/en/world/floods/")


class Line:
    """A context's network as far as its live sockets go, which the test can cut.

    Chromium's offline mode fails new requests but leaves an open WebSocket open, only
    holding its frames back until it is back online (Playwright issue #4910), so the page
    never notices. A lost connection closes: here the sockets go through a route that
    closes them, and refuses new ones, while the network is down.
    """

    def __init__(self, context: BrowserContext) -> None:
        self.context = context
        self.up = True
        self.sockets: list[tuple[WebSocketRoute, WebSocketRoute]] = []
        self.frames: list[dict] = []  # what the server sent, through this line
        context.route_web_socket(re.compile(r"/ws/live/$"), self._route)

    def _route(self, page_side: WebSocketRoute) -> None:
        if not self.up:
            page_side.close()
            return
        server_side = page_side.connect_to_server()

        def forward(message: str | bytes) -> None:
            self.frames.append(json.loads(message))
            page_side.send(message)

        server_side.on_message(forward)
        self.sockets.append((page_side, server_side))

    def cut(self) -> None:
        self.up = False
        self.context.set_offline(True)
        for page_side, server_side in self.sockets:
            server_side.close()
            page_side.close()
        self.sockets.clear()

    def restore(self) -> None:
        self.context.set_offline(False)
        self.up = True


def test_page_catches_up_after_losing_its_connection(new_context, server: LiveSite) -> None:
    # given a reader following the news on a story page, and an editor with drafts open
    reader_context = new_context()
    line = Line(reader_context)
    reader = reader_context.new_page()
    reader.goto("/en/world/night-ferry/")
    expect(reader.locator("html")).to_have_attribute("data-live", "on")
    editor_context = new_context()
    drafts = ["harbour-tax", "market", "airport"]
    pages = [desk(editor_context, server, drafts[0])]
    for slug in drafts[1:]:
        pages.append(editor_context.new_page())
        pages[-1].goto(server.change_url(slug))
    click_and_confirm(pages[0], "Publish now", "Published.")
    expect(newsfeed(reader).locator("li").first).to_have_attribute(
        "data-id", str(server.ids["harbour-tax"]), timeout=LIVE_MS)
    missed = {str(server.ids[slug]) for slug in drafts[1:]}

    def shown() -> list[str]:
        return newsfeed(reader).locator("li[data-id]").evaluate_all(
            "items => items.map(li => li.dataset.id)")

    # when the reader's network drops, two stories are published, and the network returns
    line.cut()
    expect(reader.locator("html")).to_have_attribute("data-live", "off")
    for page in pages[1:]:
        click_and_confirm(page, "Publish now", "Published.")
    assert not missed & set(shown())
    line.restore()

    # then the page reconnects, asks for what it missed, and shows both stories, each once
    feed = newsfeed(reader)
    expect(feed.get_by_role("link", name="Airport opens a second runway")).to_be_visible(
        timeout=CATCH_UP_MS)
    expect(feed.get_by_role("link", name="Fish market moves to the docks")).to_be_visible()
    expect(reader.locator("html")).to_have_attribute("data-live", "on")
    assert len(shown()) == len(set(shown())) and missed <= set(shown())
    replayed = [f for f in line.frames if f["type"] == "event" and f.get("replayed")]
    assert {str(f["event"]["article_id"]) for f in replayed} == missed


def test_comment_reaches_another_reader_over_the_socket(new_context, server: LiveSite) -> None:
    # given two readers signed in on the same story
    story = "/en/world/discussed/"
    group = f"discussion.{server.ids['discussed']}"
    pages = {}
    for name in ("anna", "boris"):
        context = new_context()
        live = Live(context.new_page())
        page = live.page
        page.goto(f"/en/account/login/?next={story}")
        page.get_by_label("Login").fill(name)
        page.get_by_label("Password").fill(READER_PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        expect(page).to_have_url(re.compile(re.escape(story) + "$"))
        live.wait_subscribed(group)
        pages[name] = page
    anna, boris = pages["anna"], pages["boris"]
    block = f'section.discussion[data-discussion="{server.ids["discussed"]}"]'
    other = boris.locator(block)
    expect(other.locator(".comment-count")).to_have_text("0 comments")
    boris.evaluate("window.sameDocument = true")
    text = "The lanes should reach the station too."

    # when one posts a comment
    mine = anna.locator(block)
    mine.get_by_label("Your comment").fill(text)
    mine.get_by_role("button", name="Post comment").click()
    expect(mine.locator(".new-comment .form-note")).to_have_text("Your comment is published.")

    # then the other sees it and the count within two seconds, without a reload
    expect(other.locator("li.comment .comment-body")).to_have_text([text], timeout=LIVE_MS)
    expect(other.locator(".comment-count")).to_have_text("1 comment", timeout=LIVE_MS)
    expect(other.locator("li.comment .comment-author")).to_have_text(["anna"])
    assert boris.evaluate("window.sameDocument") is True


def reader_on(context: BrowserContext, name: str, path: str) -> Page:
    page = context.new_page()
    page.goto("/en/account/login/?next=" + path)
    page.locator("input[name=login]").fill(name)
    page.locator("input[name=password]").fill(READER_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    return page


def test_two_readers_chat_and_a_moderator_deletes_for_both(new_context, server: LiveSite) -> None:
    # given two readers in the general room, and the editor (a moderator too) with them
    room = "/en/chats/general/"
    anna = reader_on(new_context(), "anna", room)
    boris = reader_on(new_context(), "boris", room)
    editor = desk(new_context(), server, "night-ferry")
    editor.goto(room)
    for page in (anna, boris, editor):
        expect(page.locator("[data-chat]")).to_have_attribute("data-live", "on")
    expect(anna.locator("[data-present]")).to_have_text(re.compile(r"^[3-9] here$"))

    # when anna writes
    anna.get_by_label("Your message").fill("Is the night ferry running tonight?")
    anna.get_by_role("button", name="Send").click()

    # then boris and the editor see it at once, with her name
    for page in (boris, editor):
        line = page.locator(".chat-message", has_text="Is the night ferry running tonight?")
        expect(line).to_have_count(1, timeout=LIVE_MS)
        expect(line.locator(".chat-author")).to_have_text("anna")
    # and boris, a reader, cannot delete it
    expect(boris.locator(".chat-message .chat-delete")).to_have_count(0)

    # when the editor deletes it
    editor.locator(".chat-message", has_text="Is the night ferry running tonight?").get_by_role(
        "button", name="Delete").click()

    # then it goes from every open page
    for page in (anna, boris, editor):
        expect(page.locator(".chat-message", has_text="night ferry running")).to_have_count(
            0, timeout=LIVE_MS)


# Counts every WebSocket the page's scripts construct, before any of them runs.
COUNT_SOCKETS = """
window.socketsOpened = [];
const PageSocket = window.WebSocket;
window.WebSocket = function (url, protocols) {
  window.socketsOpened.push(new URL(url).pathname);
  return new PageSocket(url, protocols);
};
window.WebSocket.prototype = PageSocket.prototype;
Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
"""


def test_a_chat_room_page_opens_one_socket_for_all_it_follows(new_context, server: Server
                                                              ) -> None:
    # given a signed-in reader who opens the general room, with every socket counted
    page = reader_on(new_context(), "anna", "/en/chats/")
    live = Live(page)
    page.add_init_script(COUNT_SOCKETS)
    page.goto("/en/chats/general/")

    # when the room and the Newsfeed are both followed
    room = f"chat.{page.locator('[data-chat]').get_attribute('data-chat')}"
    live.wait_subscribed(room)
    live.wait_subscribed("newsfeed.en")

    # then it was all through one socket: every script has run by now, since the socket
    # opens only after the page's scripts have said what they follow
    assert page.evaluate("window.socketsOpened") == ["/ws/live/"]


def say(page: Page, text: str) -> None:
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_label("Your message")).to_have_value("", timeout=LIVE_MS)


def test_a_chat_message_sent_while_the_line_was_down_arrives_when_it_returns(
        new_context, server: Server) -> None:
    # given boris in the general room, on a line the test can cut, and anna with him
    room = "/en/chats/general/"
    boris_context = new_context()
    line = Line(boris_context)
    boris = reader_on(boris_context, "boris", room)
    anna = reader_on(new_context(), "anna", room)
    for page in (anna, boris):
        expect(page.locator("[data-chat]")).to_have_attribute("data-live", "on")

    # when boris's line drops, anna writes, and the line returns
    line.cut()
    expect(boris.locator("html")).to_have_attribute("data-live", "off")
    say(anna, "The ferry leaves at nine.")
    line.restore()

    # then boris's page reconnects, is given the message it missed, and shows it once
    message = boris.locator(".chat-message", has_text="The ferry leaves at nine.")
    expect(message).to_have_count(1, timeout=CATCH_UP_MS)
    expect(boris.locator("[data-chat]")).to_have_attribute("data-live", "on")
    assert any(f["type"] == "event" and f.get("replayed")
               and f["event"].get("body") == "The ferry leaves at nine." for f in line.frames)


# Parsed, before the deferred scripts read it: the page's config, with a one-second heartbeat.
QUICK_HEARTBEAT = """
document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive") return;
  const block = document.getElementById("dateline-config");
  const config = JSON.parse(block.textContent);
  config.limits.heartbeat_seconds = 1;
  block.textContent = JSON.stringify(config);
});
"""


def test_a_silent_connection_is_given_up_and_the_chat_catches_up(new_context,
                                                                 server: Server) -> None:
    # given boris in the general room, his page asking after the server every second
    room = "/en/chats/general/"
    boris_context = new_context()
    boris_context.add_init_script(QUICK_HEARTBEAT)
    boris = reader_on(boris_context, "boris", room)
    live = Live(boris)  # from here on: the sockets after this one
    expect(boris.locator("[data-chat]")).to_have_attribute("data-live", "on")
    anna = reader_on(new_context(), "anna", room)

    # when his network goes quiet (offline mode holds an open socket's frames back, unclosed)
    # and anna writes meanwhile
    boris_context.set_offline(True)
    say(anna, "Anyone on the night ferry?")

    # then his page notices that the pings go unanswered, and gives the connection up
    expect(boris.locator("html")).to_have_attribute("data-live", "off")

    # when the network is back, it reconnects and catches up
    boris_context.set_offline(False)
    message = boris.locator(".chat-message", has_text="Anyone on the night ferry?")
    expect(message).to_have_count(1, timeout=CATCH_UP_MS)
    expect(boris.locator("html")).to_have_attribute("data-live", "on")
    assert any(f["type"] == "event" and f.get("replayed")
               and f["event"].get("body") == "Anyone on the night ferry?" for f in live.frames)


def test_the_russian_chat_room_speaks_russian(new_context, server: Server) -> None:
    # given boris has written in the Russian general room
    room = "/ru/chats/general/"
    boris = reader_on(new_context(), "boris", room)
    expect(boris.locator("[data-chat]")).to_have_attribute("data-live", "on")
    boris.locator("input[name=body]").fill("Паром сегодня ходит?")
    boris.locator(".chat-form button[type=submit]").click()
    expect(boris.locator(".chat-message", has_text="Паром сегодня ходит?")).to_have_count(
        1, timeout=LIVE_MS)

    # when anna opens the room
    anna = reader_on(new_context(), "anna", room)
    line = anna.locator(".chat-message", has_text="Паром сегодня ходит?")

    # then the tools the script adds speak Russian, and so does the answer to a report
    line.get_by_role("button", name="Пожаловаться").click()
    expect(anna.locator(".chat-form .form-note")).to_have_text(
        "Спасибо: модераторы посмотрят это сообщение.", timeout=LIVE_MS)
    # and plural forms follow Russian rules
    counts = [1, 2, 5, 11, 21, 22]
    assert anna.evaluate("""counts => counts.map(n => Dateline.interpolate(
        Dateline.ngettext("%(counter)s like", "%(counter)s likes", n), {counter: n}))""",
                         counts) == ["1 отметка", "2 отметки", "5 отметок", "11 отметок",
                                     "21 отметка", "22 отметки"]
