"""A reader registers, confirms their email, takes part as themselves and logs out."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from dateline.newsroom.models import Article

pytestmark = pytest.mark.browser

NAME = "olga"
EMAIL = "olga@example.org"
PASSWORD = "harbour-lights-42"
PROMPT = "To participate in the discussion log in or register."


def confirmation_path() -> str:
    """The address in the confirmation email, without its host: the live server's is ours."""
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [EMAIL]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    return urlsplit(link).path


def test_reader_registers_confirms_and_logs_out(page: Page, story: Article) -> None:
    # given a reader who registers
    page.goto("/en/account/signup/")
    page.get_by_label("Username").fill(NAME)
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.locator("main h1")).to_have_text("Verify Your Email Address")
    expect(page.locator(".messages")).to_contain_text(f"Confirmation email sent to {EMAIL}.")

    # when they open the link from the email and confirm
    confirm = confirmation_path()
    page.goto(confirm)
    expect(page.locator("main")).to_contain_text(f"Please confirm that {EMAIL}")
    page.get_by_role("button", name="Confirm").click()
    expect(page).not_to_have_url(re.compile(re.escape(confirm)))
    if not page.request.get("/en/account/me/").json()["authenticated"]:
        page.goto("/en/account/login/")
        page.get_by_label("Login").fill(NAME)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign In").click()

    # then a story greets them by name in the discussion and the account menu
    page.goto(story.get_absolute_url())
    expect(page.locator("[data-login-prompt]")).to_have_text(f"You are logged in as {NAME}.")
    menu = page.locator("#account-menu")
    expect(menu.locator(".account-name")).to_have_text(NAME)
    expect(menu.get_by_role("link", name="Log in")).to_have_count(0)

    # when they log out
    menu.get_by_role("link", name="Log out").click()
    page.get_by_role("button", name="Sign Out").click()
    expect(page).to_have_url(re.compile(r"/en/$"))

    # then the story asks them to log in again
    page.goto(story.get_absolute_url())
    expect(menu.get_by_role("link", name="Log in")).to_be_visible()
    expect(menu.locator(".account-name")).to_have_count(0)
    expect(page.locator("[data-login-prompt]")).to_have_text(PROMPT)
