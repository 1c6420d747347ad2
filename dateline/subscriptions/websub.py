"""WebSub (W3C Recommendation): the hubs our feeds name, and telling them what changed.

Every feed names each hub in WEBSUB_HUBS (rel="hub") and its own address (rel="self"), in
the document and in a Link header. When a story is published, updated or withdrawn, every
feed it appears in has changed: the edition's, its section's and its tags', in RSS, Atom
and JSON Feed. Each hub is told each of those addresses (hub.mode=publish, hub.url=<feed>),
one request per address, by background jobs that retry while a hub fails (websub_tasks.py).
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from dateline.events import ArticleEvent

log = logging.getLogger(__name__)
TIMEOUT = 10  # seconds for a hub's answer
USER_AGENT = "Dateline WebSub publisher"
CLAIM_SECONDS = 24 * 3600  # far longer than an event takes to reach every process
# A hub fetches the feed as soon as it is told. Each server process keeps a near copy of
# the shared page cache for up to half a second (reader/pagecache.py): by the time the hubs
# are told, every process has learnt that its stored feeds are stale.
ANNOUNCE_AFTER = timedelta(seconds=1)


class HubUnavailable(Exception):
    """The hub did not take the ping this time (5xx, 429, no answer): try again later."""


def hubs() -> list[str]:
    """The hubs every feed names, in the order configured."""
    return list(settings.WEBSUB_HUBS)


def site_address(path: str) -> str:
    """path as an absolute address on SITE_URL: the form every feed names itself by."""
    parts = urllib.parse.urlsplit(settings.SITE_URL)
    return f"{parts.scheme}://{parts.netloc}{path}"


def link_header(self_url: str) -> str:
    """The HTTP Link header of a feed at self_url: its hubs, then itself."""
    links = [f'<{hub}>; rel="hub"' for hub in hubs()]
    return ", ".join([*links, f'<{self_url}>; rel="self"'])


def feed_addresses(*, language: str, section: str | None = None,
                   tag: str | None = None) -> list[str]:
    """The absolute addresses of one list's feeds in every format: the edition's, a
    section's (by slug) or a tag's (by slug)."""
    if section is not None:
        names, kwargs = ("section_rss", "section_atom", "section_json"), {"section": section}
    elif tag is not None:
        names, kwargs = ("tag_rss", "tag_atom", "tag_json"), {"tag": tag}
    else:
        names, kwargs = ("rss", "atom", "json"), {}
    with translation.override(language):
        return [site_address(reverse(f"reader:{name}", kwargs=kwargs)) for name in names]


def story_topics(*, language: str, section: str | None, tags: list[str]) -> list[str]:
    """Every feed a story appears in: the edition's, its section's, its tags'."""
    topics = feed_addresses(language=language)
    if section is not None:
        topics += feed_addresses(language=language, section=section)
    for tag in tags:
        topics += feed_addresses(language=language, tag=tag)
    return topics


def story_changed(event: ArticleEvent) -> None:
    """Listener: a story was published, updated or withdrawn; have its feeds announced."""
    if not hubs():
        return
    # Every process an event reaches runs its listeners, and the tasks API has no
    # idempotency key: the first process to add the claim (atomic in Redis and in local
    # memory) enqueues, the others see it taken. The catch-up log's id names the event
    # alike everywhere; an event without one was delivered here only. While Redis is
    # down the claim is granted to all: a hub told twice refetches twice, which is harmless,
    # whereas a lost ping leaves subscribers behind until the next story.
    if event.id is not None and not cache.add(f"websub:event:{event.id}", 1, CLAIM_SECONDS):
        return
    from dateline.subscriptions import websub_tasks  # the jobs import this module

    websub_tasks.announce_story.using(run_after=timezone.now() + ANNOUNCE_AFTER).enqueue(
        article_id=event.article_id, language=event.language, section_id=event.section_id)


def ping(hub: str, topic: str) -> int:
    """Tell hub that the feed at topic changed; the hub's status. Raises HubUnavailable
    when it is worth trying again; a refusal (4xx) is logged, not retried."""
    body = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": topic}).encode()
    request = urllib.request.Request(hub, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "User-Agent": USER_AGENT})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=TIMEOUT) as answer:
            answer.read(65536)
            return answer.status
    except urllib.error.HTTPError as error:
        if error.code >= 500 or error.code == 429:
            raise HubUnavailable(f"{hub} answered {error.code} for {topic}") from error
        log.warning("hub %s refused %s: %s %s", hub, topic, error.code, error.reason)
        return error.code
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise HubUnavailable(f"{hub} could not be reached for {topic}: {error}") from error
