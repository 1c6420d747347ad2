"""Analytics in a real browser: a reader's visit is counted by the beacon (and the next
story the endless scroll appends too) while the site sets no cookie; the editor then sees
those reads in the desk's charts, in English and in Russian."""

from __future__ import annotations

import re
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from dateline.analytics.models import StoryHour, TrafficHour
from tests.analytics.conftest import BROWSER, flush_all
from tests.browser.test_desk import log_in

pytestmark = pytest.mark.browser


def totals(rows) -> dict:
    """(key, reads) rows summed by key: one minute's reads may sit in two hours' rows."""
    summed: Counter = Counter()
    for key, reads in rows:
        summed[key] += reads
    return dict(summed)


def _is_beacon(response) -> bool:
    return response.url.endswith("/analytics/read/")


@pytest.fixture
def stories(section, make_article):
    # the newer one is read first; the endless scroll brings the older one below it
    older = make_article(section, headline="Lighthouse keepers return to the cape",
                         published_at=timezone.now() - timedelta(hours=2))
    newer = make_article(section, headline="Harbour opens night ferry",
                         published_at=timezone.now() - timedelta(hours=1))
    return newer, older


def test_a_readers_visit_is_counted_and_the_editor_sees_it_charted(new_context, stories,
                                                                   editor, live_server):
    newer, older = stories
    reader = new_context(user_agent=BROWSER)
    page = reader.new_page()
    answers: list[int] = []
    page.on("response", lambda r: answers.append(r.status) if _is_beacon(r) else None)
    # given a reader arriving from a search engine, the next story appended below (the
    # page is short: the endless scroll brings it at once)
    page.goto(newer.get_absolute_url(), referer="https://www.google.com/search?q=ferry")
    expect(page.locator("[data-story]")).to_have_count(2)
    # then a beacon went for each story, and each was taken
    for _ in range(100):
        if len(answers) == 2:
            break
        page.wait_for_timeout(50)
    assert answers == [204, 204]
    assert reader.cookies() == []  # nothing was set on the reader
    # then the counts, once written, hold both reads (the two beacons may fall either side
    # of a minute, or even of an hour: each minute is written once, rows add up)
    assert flush_all() in (1, 2)
    assert totals(StoryHour.objects.values_list("article", "reads")) == {newer.pk: 1,
                                                                         older.pk: 1}
    assert totals(TrafficHour.objects.values_list("kind", "reads")) == {"search": 1,
                                                                        "internal": 1}

    # and the editor sees them in the desk
    desk = log_in(new_context(), editor)
    desk.get_by_role("link", name="Analytics").click()
    expect(desk.get_by_role("heading", name="Analytics", exact=True)).to_be_visible()
    expect(desk.locator("svg[role=img]")).to_have_count(4)
    expect(desk.locator("svg[role=img] rect")).not_to_have_count(0)
    expect(desk.locator("[data-figure=reads]")).to_have_text("2")
    expect(desk.locator(f"[data-story='{newer.pk}']")).to_have_text("1")
    arrivals = desk.locator("section", has=desk.get_by_role("heading", name="Arrivals by kind"))
    expect(arrivals.get_by_role("row", name="Search")).to_contain_text("1")
    expect(arrivals.get_by_role("row", name="Direct")).to_contain_text("0")
    # the story's own page, from the top list
    desk.get_by_role("link", name=newer.headline).click()
    expect(desk.locator("[data-figure=total]")).to_have_text("1")
    expect(desk.locator("svg[role=img] > title")).to_have_text("Reads per day")
    expect(desk.locator("svg[role=img] rect title").last).to_have_text(re.compile(r": 1$"))

    # in Russian
    russian = new_context()
    russian.add_cookies([{"name": "dateline_language", "value": "ru",
                          "url": live_server.url}])
    desk_ru = log_in_ru(russian, editor)
    desk_ru.goto("/admin/analytics/")
    expect(desk_ru.get_by_role("heading", name="Аналитика", exact=True)).to_be_visible()
    expect(desk_ru.locator("svg[role=img]")).to_have_count(4)
    expect(desk_ru.locator("svg[role=img] > title").first).to_have_text(
        "Прочтения по времени")
    expect(desk_ru.locator("[data-figure=reads]")).to_have_text("2")
    expect(desk_ru.get_by_role("row", name="Поиск")).to_contain_text("1")


def log_in_ru(context, user):
    """The admin's login form, in Russian."""
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label(re.compile("Имя пользователя|Username")).fill(user.username)
    page.get_by_label(re.compile("Пароль|Password")).fill("desk-pass-2026")
    page.get_by_role("button", name=re.compile("Войти|Log in")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page
