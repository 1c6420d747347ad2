"""Breaking alerts in a real Chromium: the opt-in shows only where the browser can push, the
service worker registers over the whole site, and the page's subscription reaches the site.

Headless Chromium here has no push service to reach (no network): its
pushManager.subscribe() fails, and the reader is told so in plain words.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from dateline.subscriptions.push.models import Subscription

pytestmark = pytest.mark.browser
OPTIN = ".push-optin"
TURN_ON = "Breaking alerts on this device"


def open_subscribe(page, live_server) -> None:
    page.goto(f"{live_server.url}/en/world/")
    page.get_by_text("Subscribe", exact=True).click()


def test_the_opt_in_asks_only_when_clicked_and_registers_the_worker(
        new_context, live_server, story):
    # given a reader on a section page, notifications allowed for the site
    context = new_context()
    context.grant_permissions(["notifications"], origin=live_server.url)
    page = context.new_page()
    open_subscribe(page, live_server)
    # then the opt-in is offered, and nothing was registered before the reader acted
    expect(page.get_by_role("button", name=TURN_ON)).to_be_visible()
    assert page.evaluate("navigator.serviceWorker.getRegistration('/').then(r => !!r)") is False
    # when they turn alerts on
    page.get_by_role("button", name=TURN_ON).click()
    # then the worker is registered over the whole site, and without a push service to reach
    # the reader is told alerts cannot be turned on here
    expect(page.locator("[data-push-status]")).to_have_text(
        "This browser could not reach its push service, so breaking alerts cannot be turned "
        "on here.", timeout=15_000)
    scope = page.evaluate("navigator.serviceWorker.getRegistration('/').then(r => r.scope)")
    assert scope == f"{live_server.url}/"
    active = page.evaluate("navigator.serviceWorker.ready.then(r => r.active.scriptURL)")
    assert active == f"{live_server.url}/sw.js"
    expect(page.get_by_role("button", name=TURN_ON)).to_be_enabled()
    assert not Subscription.objects.exists()


def test_a_reader_who_blocks_notifications_is_told_how_to_allow_them(
        new_context, live_server, story):
    context = new_context()
    # given notifications blocked for the site (the browser's question answered "block")
    context.grant_permissions([], origin=live_server.url)
    page = context.new_page()
    open_subscribe(page, live_server)
    page.get_by_role("button", name=TURN_ON).click()
    expect(page.locator("[data-push-status]")).to_contain_text("Notifications are blocked")
    assert page.evaluate("navigator.serviceWorker.getRegistration('/').then(r => !!r)") is False


def test_without_the_push_api_the_opt_in_stays_hidden(new_context, live_server, story):
    # given a browser without the Push API
    page = new_context().new_page()
    page.add_init_script("delete window.PushManager;")
    open_subscribe(page, live_server)
    # then the feed links are there but no alerts button
    expect(page.get_by_role("link", name="RSS feed")).to_be_visible()
    expect(page.locator(OPTIN)).to_be_hidden()


def test_without_javascript_the_opt_in_stays_hidden(new_context, live_server, story):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/en/world/")
    page.locator("summary", has_text="Subscribe").click()
    expect(page.get_by_role("link", name="RSS feed")).to_be_visible()
    expect(page.locator(OPTIN)).to_be_hidden()


# What the page's script posts once the browser has subscribed: keys made by the browser's
# own WebCrypto, as its push stack makes them (a P-256 ECDH key and a 16-byte secret).
POST_AS_THE_PAGE = """async ([endpoint]) => {
  const box = document.querySelector("[data-push-key]");
  const pair = await crypto.subtle.generateKey({name: "ECDH", namedCurve: "P-256"}, true,
                                               ["deriveBits"]);
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const b64url = (bytes) => btoa(String.fromCharCode(...bytes))
    .replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  const auth = b64url(crypto.getRandomValues(new Uint8Array(16)));
  window.pushAuth = auth;
  const posted = await fetch(box.dataset.pushUrl, {method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/json"},
    body: JSON.stringify({endpoint, keys: {p256dh: b64url(raw), auth},
                          edition: box.dataset.pushEdition})});
  return posted.status;
}"""

LEAVE_AS_THE_PAGE = """async ([endpoint]) => {
  const box = document.querySelector("[data-push-key]");
  const left = await fetch(box.dataset.pushUrl, {method: "DELETE", credentials: "same-origin",
    headers: {"Content-Type": "application/json"},
    body: JSON.stringify({endpoint, auth: window.pushAuth})});
  return left.json();
}"""


def test_the_page_s_subscription_is_kept_and_removed(new_context, live_server, section_ru):
    # given a reader on the Russian edition's page
    page = new_context().new_page()
    page.goto(f"{live_server.url}/ru/world/")
    # when the page posts a browser-made subscription
    endpoint = "https://push.example.net/wpush/v2/browser-made"
    assert page.evaluate(POST_AS_THE_PAGE, [endpoint]) == 201
    # then the site keeps it for the Russian edition, with the browser's key
    subscription = Subscription.objects.get()
    assert (subscription.endpoint, subscription.language) == (endpoint, "ru")
    assert len(subscription.p256dh) == 87  # 65 bytes: 0x04, x and y
    # and when the page leaves, it is gone
    assert page.evaluate(LEAVE_AS_THE_PAGE, [endpoint]) == {"removed": 1}
    assert not Subscription.objects.exists()
