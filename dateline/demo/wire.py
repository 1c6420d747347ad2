"""The demo's agencies on the wire: watched folders, and a job that drops their copy in.

`dateline demo` makes a folder feed for three of the demo's agencies, each in a format of its
own (ninjs, NewsML-G2, RSS). While a worker runs, `deliver` writes the next file into one of
those folders every DELIVER_EVERY: new stories from the demo's own generator and, now and
then, a new version of one sent before, an urgent one, the same story from a second agency,
and a kill of an earlier item: every case the wire desk meets, arriving on a laptop.
"""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime, timedelta
from functools import cache
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.utils import timezone

from dateline.demo.generator import Story, edition
from dateline.newsroom.models import Agency, Section
from dateline.tasks import job
from dateline.wire import actions
from dateline.wire.models import Delivery, Feed
from dateline.wire.transports import SETTLE, folder_of

DELIVER_EVERY = timedelta(seconds=settings.DEMO_WIRE_SECONDS)
PREFIX = "demo-"
# agency code, format, folder, edition, trusted
FEEDS = [("MRD", "ninjs", "demo-meridian", "en", True),
         ("PNA", "newsml", "demo-polaris", "en", False),
         ("STG", "rss", "demo-severny", "ru", False)]
SEED = 2026


def set_up() -> list[Feed]:
    """The demo feeds (again, if they are there: nothing twice)."""
    made = []
    for code, format, folder, language, trusted in FEEDS:
        agency = Agency.objects.filter(code=code).first()
        if agency is None or Feed.objects.filter(folder=folder).exists():
            continue
        feed = Feed(agency=agency, name=f"{agency.name} ({format})", format=format,
                    transport=Feed.Transport.FOLDER, folder=folder, language=language,
                    section=Section.objects.filter(language=language, slug="world").first(),
                    trust=Feed.Trust.TRUSTED if trusted else Feed.Trust.REVIEW)
        actions.save_feed(feed, by=None)
        folder_of(feed).mkdir(parents=True, exist_ok=True)
        made.append(feed)
    return made


@cache
def _copy(language: str) -> list[Story]:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    return [s for s in edition(160, SEED, now) if s.language == language][:60]


@job(retries=0)  # periodic: the next round is the retry
def deliver() -> str:
    """Write the next demo file; its name, or "" without demo feeds. The count of what was
    delivered is the state: a file not yet taken is written again under the same name."""
    feeds = list(Feed.objects.filter(folder__startswith=PREFIX, enabled=True,
                                     transport=Feed.Transport.FOLDER)
                 .select_related("agency").order_by("folder"))
    if not feeds:
        return ""
    n = Delivery.objects.filter(feed__in=feeds).count()
    feed = feeds[n % len(feeds)]
    k = n // len(feeds)
    # feeds of one edition take turns through its stories: each agency has its own
    peers = [f for f in feeds if f.language == feed.language]
    stories, turn = _copy(feed.language), peers.index(feed)

    def story_of(i: int) -> Story:
        return stories[(i * len(peers) + turn) % len(stories)]

    story, guid, version, status, priority = story_of(k), k, 1, "usable", 5
    if k % 11 == 10 and feed.format != "rss":  # an item withdrawn by its agency
        guid, version, status = k - 3, 9, "canceled"
        story = story_of(guid)
    elif k % 7 == 3:  # a new version of an item sent earlier
        guid, version = k - 2, 2
        story = story_of(guid)
        story = Story(**{**story.__dict__, "headline": _updated(story.headline, feed.language)})
    elif k % 5 == 4:
        priority = 2
    elif k % 6 == 2 and turn > 0:  # the story the first agency just sent, in other words
        other = stories[k * len(peers) % len(stories)]
        story = Story(**{**other.__dict__, "lead": other.lead.replace(".", ",", 1)})
    payload, extension = WRITERS[feed.format](
        story, f"{feed.agency.code.lower()}-demo-{guid}", version, status, priority,
        feed.agency.name)
    folder = folder_of(feed)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{n:06d}.{extension}"
    path.write_bytes(payload)
    settled = time.time() - SETTLE - 1  # whole the moment it is written
    os.utime(path, (settled, settled))
    return path.name


def _updated(headline: str, language: str) -> str:
    return headline + (" — обновлено" if language == "ru" else " (updated)")


def _now() -> str:
    return timezone.now().isoformat(timespec="seconds")


def _ninjs(story, guid, version, status, priority, agency) -> tuple[bytes, str]:
    canceled = status == "canceled"
    item = {
        "uri": f"urn:dateline-demo:{guid}", "type": "text", "version": str(version),
        "firstcreated": _now(), "versioncreated": _now(), "pubstatus": status,
        "urgency": priority, "language": story.language, "by": story.byline,
        "located": story.place,
        "headlines": [{"role": "main", "value": ("KILL: " if canceled else "") + story.headline}],
        "descriptions": [{"role": "summary", "value": story.lead}],
        "bodies": [{"role": "main", "contenttype": "text/html",
                    "value": "<p>Editors: withdraw this story.</p>" if canceled else story.body}],
        "copyrightholder": agency,
    }
    return json.dumps(item, ensure_ascii=False, indent=1).encode(), "json"


def _newsml(story, guid, version, status, priority, agency) -> tuple[bytes, str]:
    canceled = status == "canceled"
    body = "<p>Editors: withdraw this story.</p>" if canceled else story.body
    lang = quoteattr(story.language)
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid={quoteattr(f"urn:dateline-demo:{guid}")}
  version="{version}" standard="NewsML-G2" standardversion="2.34" conformance="power"
  xml:lang={lang}>
 <itemMeta>
  <itemClass qcode="ninat:text"/>
  <provider literal={quoteattr(agency)}/>
  <versionCreated>{_now()}</versionCreated>
  <pubStatus qcode="stat:{status}"/>
 </itemMeta>
 <contentMeta>
  <urgency>{priority}</urgency>
  <located><name>{escape(story.place)}</name></located>
  <by>{escape(story.byline)}</by>
  <language tag={lang}/>
  <headline>{"KILL: " if canceled else ""}{escape(story.headline)}</headline>
  <description role="drol:summary">{escape(story.lead)}</description>
 </contentMeta>
 <contentSet>
  <inlineXML contenttype="application/xhtml+xml">
   <html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body>{body}</body></html>
  </inlineXML>
 </contentSet>
</newsItem>
"""
    return text.encode(), "xml"


def _rss(story, guid, version, status, priority, agency) -> tuple[bytes, str]:
    now = timezone.now()
    sent = now.strftime("%a, %d %b %Y %H:%M:%S +0000")
    when = (f"{now.day} {MONTHS_RU[now.month - 1]}" if story.language == "ru"
            else now.strftime("%B ") + str(now.day))
    lead = f"{story.place.upper()}, {when} ({agency}) - {story.lead}"
    author = (f"<author>desk@wire.example ({escape(story.byline)})</author>"
              if story.byline else "")
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
 <channel>
  <title>{escape(agency)}</title><link>https://wire.example/</link>
  <description>{escape(agency)}</description><language>{story.language}</language>
  <item>
   <guid isPermaLink="false">urn:dateline-demo:{guid}</guid>
   <title>{escape(story.headline)}</title>
   <description>{escape(lead)}</description>
   <content:encoded>{escape(story.body)}</content:encoded>
   {author}
   <pubDate>{sent}</pubDate>
  </item>
 </channel>
</rss>
"""
    return text.encode(), "xml"


MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря"]
WRITERS = {"ninjs": _ninjs, "newsml": _newsml, "rss": _rss}
