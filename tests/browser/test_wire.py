"""The wire desk in a real browser against the real ASGI server: an agency pushes copy, the
editor's open monitor shows it without a reload, the editor takes it into a story that
readers see credited to the agency, and the agency's kill takes the story off the site.

As in test_live.py, the module runs `dateline serve` (with its worker thread, which reads
what is pushed at once) on a data dir of its own, seeded by `dateline shell`; the agency's
machine is this test, pushing over HTTP with its feed's token.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from dateline.testing import LOCAL
from tests.browser.conftest import contexts_on, served_editor_site

pytestmark = pytest.mark.browser

DESK_PASSWORD = "desk-pass-2026"
TIMEOUT_MS = 5_000
LIVE_MS = 3_000  # pushed copy is read and shown within this
AGENCY = "Meridian Wire"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

SETUP = """
import json
from django.contrib.auth.models import User
from dateline.newsroom.models import Agency, Section
from dateline.wire.actions import save_feed
from dateline.wire.models import Feed

agency = Agency.objects.create(name=AGENCY, code='MW', name_ru='Меридиан')
world = Section.objects.create(name='World', slug='world', language='en', order=1)
Section.objects.create(name='Мир', slug='world', language='ru', order=1)
feeds = {}
for trust in ('review', 'trusted'):
    feed = Feed(agency=agency, name='Pushed ' + trust, format='ninjs', transport='push',
                language='en', section=world, trust=trust)
    token = save_feed(feed, by=None)  # a new push feed's token, shown once
    feeds[trust] = {'id': feed.pk, 'token': token}
User.objects.create_user('elena', 'elena@example.org', DESK_PASSWORD)
print(json.dumps({'agency': agency.pk, 'feeds': feeds}))
""".replace("AGENCY", repr(AGENCY)).replace("DESK_PASSWORD", repr(DESK_PASSWORD))


class WireSite:
    def __init__(self, url: str, seeded: dict) -> None:
        self.url = url
        self.group = f"wire.{seeded['agency']}"
        self.feeds = seeded["feeds"]

    def push(self, trust: str, item: dict) -> None:
        """The agency's machine sends one ninjs item to its push feed."""
        feed = self.feeds[trust]
        request = urllib.request.Request(
            f"{self.url}/wire/push/{feed['id']}/", data=json.dumps(item).encode(),
            method="POST", headers={"Authorization": f"Bearer {feed['token']}",
                                    "Content-Type": "application/json"})
        with LOCAL.open(request, timeout=10) as response:
            assert response.status == 202


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[WireSite]:
    with served_editor_site(tmp_path_factory.mktemp("wire-data"), SETUP) as (url, seeded):
        yield WireSite(url, seeded)


@pytest.fixture
def new_context(browser: Browser, server: WireSite) -> Iterator[Callable[[], BrowserContext]]:
    """A browser context per person, on the ASGI server; each is closed after the test."""
    with contexts_on(browser, server.url) as new:
        yield new


def ninjs(uri: str, headline: str, *, version: int = 1, urgency: int = 3,
          status: str = "usable") -> dict:
    return {
        "uri": uri, "type": "text", "version": str(version), "pubstatus": status,
        "urgency": urgency, "language": "en", "located": "Portvale", "by": "Ann Example",
        "headlines": [{"role": "main", "value": headline}],
        "descriptions": [{"role": "summary", "contenttype": "text/plain",
                          "value": "The harbour's new ferry pier opened on Monday."}],
        "bodies": [{"role": "richtext", "contenttype": "text/html",
                    "value": "<p>The harbour's new ferry pier opened on Monday.</p>"
                             "<p>Ferries will call every hour.</p>"}],
    }


def sign_in(context: BrowserContext) -> Page:
    """The editor, through the admin's login form."""
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("elena")
    page.get_by_label("Password").fill(DESK_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


class Monitor:
    """The wire monitor on a page, and what its live socket has been told."""

    def __init__(self, page: Page, group: str) -> None:
        self.page = page
        self.frames: list[dict] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._received))
        page.goto("/admin/wire/monitor/")
        self.wait_subscribed(group)
        page.evaluate("window.sameDocument = true")

    def _received(self, payload: str | bytes) -> None:
        self.frames.append(json.loads(payload))

    def wait_subscribed(self, group: str) -> None:
        """Wait until the server confirms the page's socket listens to group."""
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while not any(f["type"] == "subscribed" and group in f["groups"] for f in self.frames):
            assert time.monotonic() < deadline, f"not subscribed to {group}: {self.frames}"
            self.page.wait_for_timeout(50)

    @property
    def rows(self) -> Locator:
        return self.page.locator("#wire-rows tr")

    @property
    def announced(self) -> Locator:
        return self.page.locator("#wire-live")

    def alert(self, headline: str) -> Locator:
        return self.page.locator(".wire-alerts li", has_text=headline)

    def not_reloaded(self) -> bool:
        return self.page.evaluate("window.sameDocument") is True


def dateline_date(story: Page) -> str:
    """The day of the story's publication, as its dateline names it ("December 10")."""
    published = datetime.fromisoformat(
        story.locator("article[data-story] .meta time").first.get_attribute("datetime"))
    return f"{MONTHS[published.month - 1]} {published.day}"


def test_pushed_copy_becomes_a_credited_story_and_its_kill_takes_it_down(
        new_context, server: WireSite) -> None:
    # given the editor watching the wire monitor
    editor = new_context()
    sign_in(editor)
    monitor = Monitor(editor.new_page(), server.group)
    headline = "Portvale opens a ferry pier"

    # when the agency pushes an item
    server.push("review", ninjs("urn:mw:portvale-pier", headline))

    # then it heads the monitor's list without a reload
    first = monitor.rows.first
    expect(first).to_contain_text(headline, timeout=LIVE_MS)
    expect(first).to_contain_text("MW")
    expect(first).to_contain_text("Usable")
    assert monitor.not_reloaded()

    # when the editor opens it beside the monitor and takes it into a draft
    desk = editor.new_page()
    desk.goto(first.get_by_role("link", name=headline).get_attribute("href"))
    expect(desk.get_by_role("heading", level=1)).to_have_text(headline)
    expect(desk.locator(".wire-meta")).to_contain_text("Portvale")
    expect(desk.get_by_role("button", name="Take into the ru edition")).to_be_visible()
    # the agency's copy is reviewed before it runs: no publishing it as it is
    expect(desk.get_by_role("button", name="Publish as it is")).to_have_count(0)
    desk.get_by_role("button", name="Take into a draft").click()

    # then the draft is open on the desk, the agency's words and credit filled in
    expect(desk).to_have_url(re.compile(r"/admin/newsroom/article/\d+/change/$"))
    expect(desk.locator(".messagelist")).to_contain_text("A draft was made from the item")
    expect(desk.get_by_label("Headline:", exact=True)).to_have_value(headline)
    expect(desk.get_by_label("Dateline place:", exact=True)).to_have_value("Portvale")
    slug = desk.get_by_label("Slug:", exact=True).input_value()

    # when the editor publishes it
    desk.get_by_role("button", name="Publish now").click()
    expect(desk.locator(".messagelist")).to_contain_text("Published.")

    # then a reader sees it with the agency's dateline and byline
    reader = new_context().new_page()
    story_url = f"/en/world/{slug}/"
    assert reader.goto(story_url).status == 200
    story = reader.locator("article[data-story]")
    expect(story.get_by_role("heading", level=1)).to_have_text(headline)
    expect(story.locator(".story-body .dateline")).to_have_text(
        f"PORTVALE, {dateline_date(reader)} ({AGENCY}) -")
    expect(story.locator(".byline")).to_have_text("Ann Example")
    expect(story.locator(".story-body")).to_contain_text("Ferries will call every hour.")

    # when the agency kills the item
    server.push("review", ninjs("urn:mw:portvale-pier", headline, version=2,
                                status="canceled"))

    # then the open monitor announces it at once, and its row says so
    expect(monitor.announced).to_contain_text(f"Alert from MW: {headline}", timeout=LIVE_MS)
    expect(monitor.rows.first).to_contain_text("Canceled (killed)")
    expect(monitor.rows.filter(has_text=headline)).to_have_count(1)
    assert monitor.not_reloaded()

    # when the editor looks at the alerts and unpublishes our story
    monitor.page.reload()
    alert = monitor.alert(headline)
    expect(alert).to_contain_text("Kill of copy we ran")
    expect(alert).to_contain_text(f"We ran it as “{headline}”.")
    alert.get_by_role("button", name="Unpublish our story").click()

    # then the story is off the site, and the alert answered
    expect(monitor.page.locator(".messagelist")).to_contain_text(
        f"“{headline}” is off the site.")
    expect(monitor.alert(headline)).to_have_count(0)
    gone = reader.reload()
    assert gone.status == 404
    expect(reader.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_urgent_copy_raises_an_alert_on_the_open_monitor(new_context, server: WireSite) -> None:
    # given the editor watching the wire monitor
    editor = new_context()
    sign_in(editor)
    monitor = Monitor(editor.new_page(), server.group)
    headline = "Storm closes Portvale harbour"

    # when a trusted agency pushes an urgent item
    server.push("trusted", ninjs("urn:mw:portvale-storm", headline, urgency=1))

    # then the monitor announces it and puts it on top, marked urgent, without a reload
    expect(monitor.announced).to_contain_text(f"Alert from MW: {headline}", timeout=LIVE_MS)
    expect(monitor.rows.first).to_contain_text(headline)
    expect(monitor.rows.first).to_have_class(re.compile(r"\bwire-urgent\b"))
    assert monitor.not_reloaded()

    # when the editor reloads and dismisses the alert
    monitor.page.reload()
    alert = monitor.alert(headline)
    expect(alert).to_contain_text("Urgent item")
    expect(alert.get_by_role("button", name="Unpublish our story")).to_have_count(0)
    alert.get_by_role("button", name="Dismiss").click()

    # then it is gone, and the trusted item may be run as it is
    expect(monitor.alert(headline)).to_have_count(0)
    monitor.rows.filter(has_text=headline).get_by_role("link", name=headline).click()
    expect(monitor.page.get_by_role("button", name="Publish as it is")).to_be_visible()
