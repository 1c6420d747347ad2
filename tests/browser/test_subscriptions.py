"""A reader subscribes by email on a story page in Chromium, confirms from the mail a real
SMTP server received, chooses the digest's hour, and leaves in one click."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from dateline.subscriptions.models import Subscriber
from tests.subscriptions.conftest import link, run_jobs, smtp  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


def test_subscribe_confirm_choose_and_leave(page: Page, live_server, story, smtp):  # noqa: F811
    # given a reader on a story page
    page.goto(live_server.url + story.get_absolute_url())
    # when they subscribe by email from the story's Subscribe control
    page.get_by_text("Subscribe", exact=True).first.click()
    page.get_by_label("Email address").first.fill("ann@example.org")
    page.get_by_role("button", name="Subscribe by email").first.click()
    # then they are told to check their inbox, and a confirmation arrives
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    run_jobs()
    (mail,) = smtp.to("ann@example.org")
    # when they follow its link and confirm
    page.goto(live_server.url + link(mail, "confirm"))
    page.get_by_role("button", name="Confirm").click()
    # then the preference centre opens, where they choose an evening digest
    expect(page.get_by_text("Your subscription is confirmed.")).to_be_visible()
    page.get_by_label("Digest hour").select_option("19")
    page.get_by_label("Time zone").select_option("Europe/Lisbon")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your choices are saved.")).to_be_visible()
    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.digest_hour, subscriber.time_zone) == (
        "confirmed", 19, "Europe/Lisbon")
    # when a mail client unsubscribes in one click (RFC 8058's POST, no cookie)
    token = page.url.rstrip("/").rsplit("/", 1)[1]
    response = page.context.request.post(
        f"{live_server.url}/en/subscriptions/unsubscribe/{token}/",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        data="List-Unsubscribe=One-Click")
    # then the address gets nothing more
    assert response.status == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"
    # and the preference centre says so, offering the way back
    page.reload()
    expect(page.get_by_text("You are unsubscribed")).to_be_visible()
