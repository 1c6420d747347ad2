"""One notification to one device with pywebpush, and what its answer means.

201 (or any 2xx): delivered to the push service. 404 and 410: the subscription has expired,
remove it. 429 and 5xx, or no answer at all: try again later, after Retry-After if the
service named a time. Any other 4xx: our request was refused; counted as failed and logged.
"""

from __future__ import annotations

import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import requests
from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from pywebpush import WebPushException, webpush

from dateline.subscriptions.push import keys
from dateline.subscriptions.push.models import Alert, Delivery, Subscription

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 10
RETRY_AFTER_MAX = 3600  # a service asking us to wait longer is not waited for beyond this
S = Delivery.Status


@dataclass(frozen=True)
class Outcome:
    status: str
    code: int | None = None
    retry_after: float | None = None


def payload(alert: Alert) -> bytes:
    """What the service worker shows: headline, lead, the story's address, the site icon."""
    site = settings.SITE_URL
    return json.dumps({
        "title": alert.headline, "body": alert.lead[:240], "url": site + alert.url,
        "icon": site + static("reader/favicon.svg"), "tag": f"article-{alert.article_id}",
    }, ensure_ascii=False).encode()


def session() -> requests.Session:
    """A connection pool. A push service answers, it never redirects: a redirect is refused
    rather than followed somewhere the reader chose."""
    http = requests.Session()
    http.max_redirects = 0
    return http


def send_all(subscriptions: list[Subscription], data: bytes) -> list[Outcome]:
    """Send to each, PUSH_SEND_THREADS at a time (a push service takes tens of milliseconds
    to answer: one at a time, a worker would reach a few dozen devices a second)."""
    local = threading.local()
    pools: list[requests.Session] = []

    def one(subscription: Subscription) -> Outcome:
        if not hasattr(local, "http"):
            local.http = session()
            pools.append(local.http)
        return send(subscription, data, http=local.http)

    threads = max(1, min(settings.PUSH_SEND_THREADS, len(subscriptions)))
    try:
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="push") as pool:
            return list(pool.map(one, subscriptions))
    finally:
        for http in pools:
            http.close()


def send(subscription: Subscription, data: bytes, *, http: requests.Session) -> Outcome:
    try:
        response = webpush(
            subscription.info(), data=data, vapid_private_key=keys.vapid(),
            vapid_claims={"sub": settings.VAPID_SUBJECT},  # aud and exp are filled per call
            content_encoding="aes128gcm", ttl=settings.PUSH_TTL_SECONDS,
            headers={"Urgency": "high"}, timeout=TIMEOUT_SECONDS, requests_session=http)
    except WebPushException as error:
        if error.response is None:  # the keys would not encrypt: nothing to retry
            log.warning("push to %s refused before sending: %s", _origin(subscription), error)
            return Outcome(S.FAILED)
        return judge(error.response.status_code, error.response.headers.get("Retry-After"),
                     subscription)
    except requests.RequestException as error:
        log.info("push to %s did not arrive: %s", _origin(subscription), error)
        return Outcome(S.RETRY)
    return judge(response.status_code, None, subscription)


def judge(code: int, retry_after: str | None, subscription: Subscription) -> Outcome:
    if 200 <= code < 300:
        return Outcome(S.SENT, code)
    if code in (404, 410):
        return Outcome(S.PRUNED, code)
    if code == 429 or code >= 500:
        return Outcome(S.RETRY, code, wait_asked(retry_after))
    log.warning("push to %s answered %s", _origin(subscription), code)
    return Outcome(S.FAILED, code)


def wait_asked(header: str | None) -> float | None:
    """Retry-After's seconds (a number or an HTTP date), within RETRY_AFTER_MAX."""
    if not header:
        return None
    header = header.strip()
    if header.isdigit():
        return float(min(int(header), RETRY_AFTER_MAX))
    try:
        when = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, min((when - timezone.now()).total_seconds(), RETRY_AFTER_MAX))


def _origin(subscription: Subscription) -> str:
    # the rest of an endpoint is the device's secret address: logs name the service only
    return "/".join(subscription.endpoint.split("/", 3)[:3])
