"""The wire: ingest per format, near-duplicate lookup, and a pushed item's way to the desk.

    PYTHONPATH=. .venv/bin/python bench/wire.py             # 10,000 items a format, 100,000 stored
    PYTHONPATH=. .venv/bin/python bench/wire.py --postgres  # and the same on PostgreSQL
    PYTHONPATH=. .venv/bin/python bench/wire.py --quick     # small sizes: a smoke run

1. Ingest: N items of each format (RSS 2.0, ninjs, NewsML-G2) in payloads of 100, as agencies
   send them, through `ingest.receive` in a `dateline shell` on a fresh data dir (SQLite), and
   with --postgres on a database of its own. Items/s, and per item the time spent parsing,
   storing (`ingest.store`) and the rest (commits, savepoints, the events logged). The tables
   are emptied before each format, so each starts from the same place.
2. Near-duplicates: M items stored (bulk-inserted with their signatures and band keys; all
   received within the last three days, in one language, so every one of them is in reach of
   the lookup: the worst case), then `ingest._same_story` timed for new items, half of them
   the same story retold by another agency (words changed, a paragraph dropped or added),
   half new. p50/p95/max ms, and the share of retold stories found (recall), counted by
   how alike the two texts truly are.
3. Push to screen: `dateline serve` (embedded default, its worker thread inside) with a push
   feed; a reporter logged in through /admin/login/ follows the agency's wire group on the
   live socket, and ninjs items are POSTed to /wire/push/<feed>/ one at a time: the time from
   each POST to the `wire.item` event on the socket.

The text is invented (sentences from word lists and made-up names, seeded): no two stories
are near each other unless made so. Everything runs on 127.0.0.1 in a temporary directory
(and a database named dateline_bench_wire_<hex> on postgres@127.0.0.1:5432 with --postgres),
all removed at the end; server logs are kept and their place printed if they hold an error.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import http.cookiejar
import json
import math
import multiprocessing
import os
import random
import re
import secrets
import shutil
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
FORMATS = ("rss", "ninjs", "newsml")
FORMAT_NAMES = {"rss": "RSS 2.0", "ninjs": "ninjs", "newsml": "NewsML-G2"}
BATCH = 100  # items a payload
AGENCY = "Bench Wire"
# retold stories are counted by their true similarity to the stored one: from 0.7, from
# dedup's threshold (0.5), and below it
BUCKETS = (0.7, 0.5, 0.0)

# --- invented stories -----------------------------------------------------------------------

SYLLABLES = ("ka ri mo len tas vor el bri dun sa mir ost gal fen ru tor an vi pel hax dor "
             "quel ba ze nik om ul tre gor sin").split()
ACTORS = ["the city council", "the regional government", "local farmers",
          "the transport ministry", "union leaders", "residents", "the health authority",
          "investors", "engineers", "the mayor's office", "the port authority", "teachers",
          "the energy regulator", "police", "the water company", "shop owners",
          "the finance ministry", "doctors", "the fire service", "students", "the court",
          "the airline", "environmental groups", "the central bank", "museum staff",
          "the railway operator", "fishermen", "the weather service", "builders", "pensioners"]
NOUNS = ["bridge", "ferry service", "budget", "hospital wing", "school", "railway line",
         "festival", "factory", "airport terminal", "reservoir", "museum", "market",
         "tram line", "power station", "library", "harbour wall", "wind farm", "tunnel",
         "stadium", "water main", "bus depot", "court building", "grain store", "ski lift",
         "shipyard", "clinic", "cycle lane", "sewage plant", "observatory", "fish market",
         "dam", "ring road", "housing estate", "ice rink", "border crossing", "theatre"]
ADJECTIVES = ["new", "regional", "delayed", "disputed", "temporary", "ageing", "rebuilt",
              "unfinished", "flooded", "costly", "popular", "northern", "southern", "main",
              "historic", "damaged", "expanded", "closed", "busy", "modest", "planned",
              "crowded", "remote", "smaller", "larger", "old", "modern", "quiet"]
DONE = ["approved", "rejected", "postponed", "opened", "closed", "inspected", "funded",
        "expanded", "cut", "reviewed", "suspended", "completed", "repaired", "sold",
        "blocked", "cleared", "defended", "questioned", "restored", "moved"]
DO = ["approve", "reject", "postpone", "open", "close", "inspect", "fund", "expand",
      "cut", "review", "suspend", "complete", "repair", "sell", "block", "restore"]
SAID = ["said", "told reporters", "said in a statement", "wrote in a report", "announced",
        "said on its website", "told a news conference", "confirmed", "warned", "added"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
        "on Saturday", "on Sunday", "last week", "this month", "in the spring",
        "by the end of the year", "overnight", "earlier this year", "next month",
        "within weeks", "after a long delay"]
UNITS = ["kilometres", "passengers", "million dollars", "tonnes", "workers", "households",
         "per cent", "families", "visitors", "vehicles", "hectares", "jobs", "flights",
         "beds", "metres", "days"]
ROLES = ["a spokeswoman", "a spokesman", "the deputy mayor", "the director",
         "a local councillor", "the chief engineer", "a union official", "the governor",
         "an economist", "the minister", "the head of the project", "a resident"]
MODAL = ["would", "could", "might", "should", "will not", "may"]
SUBJECTS = ["Transport", "Economy", "Health", "Energy", "Environment", "Education",
            "Culture", "Justice", "Weather", "Business", "Politics", "Sport"]
MONTHS = ("January February March April May June July August September October November "
          "December").split()
VOCABULARY = sorted({word for phrase in ACTORS + NOUNS + ADJECTIVES + DONE + DO + UNITS
                     + ROLES for word in phrase.split()})


def made_up(rng: random.Random, low: int = 2, high: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high))).capitalize()


def person(rng: random.Random) -> str:
    return f"{made_up(rng, 2, 2)} {made_up(rng, 2, 3)}"


def sentence(rng: random.Random, place: str, who: str, noun: str) -> str:
    """One sentence about the story's place, person and thing, or about others."""
    n = rng.randint(2, 9_999)
    other = rng.choice(NOUNS)
    there = rng.choice([place, place, made_up(rng)])
    choices = [
        f"{rng.choice(ACTORS).capitalize()} {rng.choice(DONE)} the {rng.choice(ADJECTIVES)} "
        f"{noun} in {there} {rng.choice(WHEN)}, {who}, {rng.choice(ROLES)}, "
        f"{rng.choice(SAID)}.",
        f"The {noun} will cost {n:,} {rng.choice(UNITS)}, according to "
        f"{rng.choice(ACTORS)}.",
        f"{who} {rng.choice(SAID)} that the {other} had {rng.choice(DONE)} {n:,} "
        f"{rng.choice(UNITS)} {rng.choice(WHEN)}.",
        f"About {n:,} {rng.choice(UNITS)} were affected when the {rng.choice(ADJECTIVES)} "
        f"{other} near {there} was {rng.choice(DONE)} {rng.choice(WHEN)}.",
        f"Critics of the {noun} in {there} say the plan {rng.choice(MODAL)} "
        f"{rng.choice(DO)} the {rng.choice(ADJECTIVES)} {other}.",
        f"It was not clear whether the {other} would reopen {rng.choice(WHEN)}, "
        f"{rng.choice(ACTORS)} {rng.choice(SAID)}.",
        f"{rng.choice(ACTORS).capitalize()} {rng.choice(SAID)} a decision on the "
        f"{rng.choice(ADJECTIVES)} {other} in {there} was expected {rng.choice(WHEN)}.",
        f"The {noun} in {there} has been {rng.choice(DONE)} {rng.randint(2, 40)} times since "
        f"{rng.randint(1950, 2025)}, records kept by {person(rng)} show.",
        f"\"We {rng.choice(MODAL)} {rng.choice(DO)} the {other} {rng.choice(WHEN)},\" "
        f"{person(rng)}, {rng.choice(ROLES)}, {rng.choice(SAID)}.",
        f"{who} said {n:,} {rng.choice(UNITS)} and {rng.randint(2, 900):,} "
        f"{rng.choice(UNITS)} were at stake in {there}.",
    ]
    return rng.choice(choices)


@dataclass
class Story:
    headline: str
    dateline: str  # "PLACE, Month D (Bench Wire)"
    lead: str  # without the dateline
    paragraphs: list[str]  # the first is the lead with its dateline, as agencies write
    place: str
    byline: str
    subjects: list[str]
    sent_at: datetime

    @property
    def body_html(self) -> str:
        return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in self.paragraphs)


def story(rng: random.Random, now: datetime) -> Story:
    """A story of 2 to 11 paragraphs (a snap to a full story), about 60 to 450 words."""
    place, who, noun = made_up(rng), person(rng), rng.choice(NOUNS)
    sent_at = now - timedelta(minutes=rng.randint(0, 600))
    dateline = f"{place.upper()}, {MONTHS[sent_at.month - 1]} {sent_at.day} ({AGENCY})"
    lead = sentence(rng, place, who, noun)
    paragraphs = [f"{dateline} - {lead}"]
    for _ in range(rng.randint(1, 10)):
        paragraphs.append(" ".join(sentence(rng, place, who, noun)
                                   for _ in range(rng.randint(1, 3))))
    headline = (f"{place} {rng.choice(ACTORS)} {rng.choice(DO)} {rng.choice(ADJECTIVES)} "
                f"{noun} after {rng.randint(2, 99)} {rng.choice(UNITS)}")
    return Story(headline=headline[0].upper() + headline[1:], dateline=dateline, lead=lead,
                 paragraphs=paragraphs, place=place, byline=who,
                 subjects=rng.sample(SUBJECTS, rng.randint(1, 3)), sent_at=sent_at)


def retold(original: Story, rng: random.Random) -> Story:
    """The same story as another agency sends it: some words changed, the headline
    rewritten, a paragraph dropped or added."""
    rate = rng.uniform(0.02, 0.08)

    def reword(text: str) -> str:
        return " ".join(rng.choice(VOCABULARY) if rng.random() < rate else word
                        for word in text.split())

    paragraphs = [reword(p) for p in original.paragraphs]
    if len(paragraphs) > 2 and rng.random() < 0.5:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    if rng.random() < 0.5:
        paragraphs.append(sentence(rng, original.place, original.byline, rng.choice(NOUNS)))
    lead = paragraphs[0].split(" - ", 1)[-1]
    return Story(headline=f"{original.place}: {reword(original.headline)}",
                 dateline=original.dateline, lead=lead, paragraphs=paragraphs,
                 place=original.place, byline=person(rng), subjects=original.subjects,
                 sent_at=original.sent_at + timedelta(minutes=rng.randint(1, 30)))


# --- payloads, as agencies send them ---------------------------------------------------------

def rss_payload(stories: list[Story], guids: list[str]) -> bytes:
    items = []
    for one, guid in zip(stories, guids, strict=True):
        categories = "".join(f"<category>{escape(s)}</category>" for s in one.subjects)
        items.append(
            f"<item><title>{escape(one.headline)}</title>"
            f"<link>https://wire.example/stories/{guid}</link>"
            f'<guid isPermaLink="false">{escape(guid)}</guid>'
            f"<description>{escape(one.dateline + ' - ' + one.lead)}</description>"
            f"<content:encoded><![CDATA[{one.body_html}]]></content:encoded>"
            f"<dc:creator>{escape(one.byline)}</dc:creator>{categories}"
            f"<pubDate>{one.sent_at.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            f"<title>{AGENCY}</title><link>https://wire.example/</link>"
            "<description>Top stories</description><language>en</language>"
            + "".join(items) + "</channel></rss>").encode()


def ninjs_item(one: Story, guid: str) -> dict:
    return {
        "uri": guid, "type": "text", "version": "1", "pubstatus": "usable", "urgency": 5,
        "language": "en", "firstcreated": one.sent_at.isoformat(),
        "versioncreated": one.sent_at.isoformat(),
        "headlines": [{"role": "main", "value": one.headline}],
        "descriptions": [{"role": "summary", "value": f"{one.dateline} - {one.lead}"}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": one.body_html}],
        "by": one.byline, "located": one.place,
        "subjects": [{"name": s, "uri": f"https://wire.example/subjects/{s.lower()}"}
                     for s in one.subjects],
    }


def ninjs_payload(stories: list[Story], guids: list[str]) -> bytes:
    return json.dumps([ninjs_item(one, guid) for one, guid in zip(stories, guids, strict=True)],
                      ensure_ascii=False).encode()


def newsml_payload(stories: list[Story], guids: list[str]) -> bytes:
    items = []
    for one, guid in zip(stories, guids, strict=True):
        subjects = "".join(f'<subject qcode="bench:{s.lower()}"><name>{escape(s)}</name>'
                           "</subject>" for s in one.subjects)
        items.append(
            f'<newsItem guid={quoteattr(guid)} version="1" standard="NewsML-G2" '
            'standardversion="2.35" conformance="power" xml:lang="en">'
            '<itemMeta><itemClass qcode="ninat:text"/><provider literal="bench"/>'
            f"<versionCreated>{one.sent_at.isoformat()}</versionCreated>"
            '<pubStatus qcode="stat:usable"/></itemMeta>'
            f"<contentMeta><urgency>5</urgency><located><name>{escape(one.place)}</name>"
            f'</located><language tag="en"/>{subjects}'
            f"<headline>{escape(one.headline)}</headline>"
            f"<dateline>{escape(one.dateline)}</dateline><by>{escape(one.byline)}</by>"
            f'<description role="drol:summary">{escape(one.lead)}</description></contentMeta>'
            '<contentSet><inlineXML contenttype="application/xhtml+xml">'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            f"<title>{escape(one.headline)}</title></head><body>{one.body_html}</body></html>"
            "</inlineXML></contentSet></newsItem>")
    sent = max(one.sent_at for one in stories).isoformat()
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">'
            f"<header><sent>{sent}</sent><sender>wire.example</sender></header>"
            "<itemSet>" + "".join(items) + "</itemSet></newsMessage>").encode()


PAYLOADS = {"rss": rss_payload, "ninjs": ninjs_payload, "newsml": newsml_payload}


# --- figures -----------------------------------------------------------------------------------

def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else float("nan")


def table(headers: list[str], rows: list[list]) -> str:
    cells = [headers] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                       for i, (c, w) in enumerate(zip(row, widths, strict=True)))
             for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join("  " + line for line in lines)


def report(result: dict) -> None:
    """Printed in a `dateline shell`: the parent reads the last line."""
    print("RESULT " + json.dumps(result))


def result_of(output: str) -> dict:
    lines = [line for line in output.splitlines() if line.startswith("RESULT ")]
    if not lines:
        raise RuntimeError(f"no result in:\n{output[-3000:]}")
    return json.loads(lines[-1].removeprefix("RESULT "))


# --- run inside `dateline shell` (Django set up, the data dir's database) ------------------------

def clear_wire() -> None:
    """Empty the wire's tables (and the event log the items wrote to), quickly."""
    from django.db import connection, transaction

    from dateline.live.models import LoggedEvent
    from dateline.wire.models import Alert, Delivery, Feed, NearKey, Take, WireItem

    with transaction.atomic(), connection.cursor() as cursor:
        for model in (Alert, Take, NearKey, WireItem, Delivery, Feed, LoggedEvent):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


def bench_feed(code: str, fmt: str):
    from dateline.newsroom.models import Agency
    from dateline.wire.models import Feed

    agency, _ = Agency.objects.get_or_create(code=code, defaults={"name": f"{AGENCY} {code}"})
    return Feed.objects.create(agency=agency, name=f"{FORMAT_NAMES[fmt]} service", format=fmt,
                               transport="push", language="en")


def timed(function, spent: dict[str, float], key: str):
    """function, adding the seconds each call takes to spent[key]."""
    def run(*args):
        started = time.perf_counter()
        try:
            return function(*args)
        finally:
            spent[key] += time.perf_counter() - started
    return run


def ingest_run(items: int, seed: int) -> None:
    """Figures for each format: the same number of items through ingest.receive."""
    from django.db import connection
    from django.db.models import F
    from django.utils import timezone

    from dateline.wire import ingest
    from dateline.wire.models import WireItem

    rows = []
    for fmt in FORMATS:
        clear_wire()
        feed = bench_feed(f"B{fmt.upper()[:3]}", fmt)
        rng, now = random.Random(f"{seed}:ingest:{fmt}"), timezone.now()
        payloads = []
        for first in range(0, items, BATCH):
            size = min(BATCH, items - first)
            payloads.append(PAYLOADS[fmt]([story(rng, now) for _ in range(size)],
                                          [f"urn:bench:{fmt}:{first + n}" for n in range(size)]))
        spent = {"parse": 0.0, "store": 0.0}
        parse, store = ingest.parse, ingest.store  # receive() calls them by these names
        ingest.parse, ingest.store = timed(parse, spent, "parse"), timed(store, spent, "store")
        per_payload, stored = [], 0
        try:
            started = time.perf_counter()
            for payload in payloads:
                began = time.perf_counter()
                stored += len(ingest.receive(feed, payload))
                per_payload.append(time.perf_counter() - began)
            total = time.perf_counter() - started
        finally:
            ingest.parse, ingest.store = parse, store
        rows.append({
            "format": fmt, "items": items, "stored": stored, "seconds": total,
            "parse": spent["parse"], "store": spent["store"],
            "payload_kb": sum(len(p) for p in payloads) / len(payloads) / 1024,
            "payload_p50": percentile(per_payload, 0.5),
            "payload_p95": percentile(per_payload, 0.95),
            "grouped": WireItem.objects.exclude(cluster_id=F("id")).count(),
        })
    clear_wire()
    report({"database": connection.vendor, "rows": rows})


def _prepared(task: tuple[int, int, int, float]) -> list[tuple]:
    """Stored items first..first+size (text, hash, signature): in a worker process."""
    from dateline.wire import dedup

    seed, first, size, now = task
    moment = datetime.fromtimestamp(now, UTC)
    prepared = []
    for n in range(first, first + size):
        rng = random.Random(f"{seed}:stored:{n}")
        one = story(rng, moment)
        body = one.body_html
        prepared.append((n, one.headline, one.lead, body, one.place, one.byline, one.sent_at,
                         rng.uniform(0, 2.9 * 86400),  # received within the lookup's window
                         dedup.content_hash("usable", one.headline, one.lead, body),
                         dedup.signature(one.headline, one.lead, body)))
    return prepared


def dedup_run(stored: int, lookups: int, seed: int) -> None:
    """Fill the table with `stored` items, then time the lookup for `lookups` new ones."""
    from django.db import connection, transaction
    from django.db.models import F
    from django.utils import timezone

    from dateline.wire import dedup, ingest
    from dateline.wire.models import NearKey, WireItem

    clear_wire()
    feeds = [bench_feed(f"BS{n}", "ninjs") for n in range(4)]
    arriving = bench_feed("BNEW", "ninjs")
    now = timezone.now()
    moment = datetime.fromtimestamp(now.timestamp(), UTC)  # as the workers have it
    started = time.perf_counter()
    chunk = 1000
    tasks = [(seed, first, min(chunk, stored - first), now.timestamp())
             for first in range(0, stored, chunk)]
    ids: list[int] = []
    connection.close()  # the workers are forked: none of them may share this connection
    with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
        for prepared in pool.imap(_prepared, tasks):
            rows = [WireItem(feed=feeds[n % 4], agency_id=feeds[n % 4].agency_id,
                             guid=f"urn:bench:stored:{n}", version=1, headline=headline,
                             lead=lead, body=body, dateline_place=place, byline=byline,
                             language="en", sent_at=sent_at,
                             received_at=now - timedelta(seconds=age), raw=body,
                             content_hash=digest, signature=signature)
                    for (n, headline, lead, body, place, byline, sent_at, age, digest,
                         signature) in prepared]
            with transaction.atomic():
                made = WireItem.objects.bulk_create(rows, batch_size=500)
                NearKey.objects.bulk_create(
                    [NearKey(item_id=item.pk, key=key) for item in made
                     for key in dedup.band_keys(item.signature, "en")], batch_size=4000)
            ids.extend(item.pk for item in made)
    WireItem.objects.filter(cluster=None).update(cluster_id=F("id"))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # as autovacuum would soon after such a load
            cursor.execute("ANALYZE")
    fill = time.perf_counter() - started

    rng = random.Random(f"{seed}:lookups")

    def arrival(n: int, kind: str) -> tuple[WireItem, list[int], int | None, float, float]:
        """A new item as store() has it when it looks (saved, its keys not yet written: here
        not saved at all, so every lookup meets the same table), its band keys, the cluster
        it belongs to, the seconds its signature took, and its true shingle similarity."""
        expected, similar = None, 0.0
        if kind == "retold":
            original_n = rng.randrange(stored)
            original = story(random.Random(f"{seed}:stored:{original_n}"), moment)
            one = retold(original, rng)
            expected, similar = ids[original_n], jaccard(original, one)
        else:
            one = story(random.Random(f"{seed}:{kind}:{n}"), moment)
        body = one.body_html
        item = WireItem(feed=arriving, agency_id=arriving.agency_id, guid=f"urn:bench:{kind}:{n}",
                        language="en", headline=one.headline, lead=one.lead, body=body,
                        content_hash=dedup.content_hash("usable", one.headline, one.lead, body))
        began = time.perf_counter()
        item.signature = dedup.signature(one.headline, one.lead, body)
        keys = dedup.band_keys(item.signature, "en")
        return item, keys, expected, time.perf_counter() - began, similar

    for n in range(min(20, lookups)):  # warm up: the first queries pay for cold pages
        item, keys, *_ = arrival(n, "warm-up")
        ingest._same_story(item, keys)
    timings, signing, similarities = [], [], []
    # retold stories by their true similarity to the stored one (BUCKETS)
    found, retold_count, false_matches = [0] * len(BUCKETS), [0] * len(BUCKETS), 0
    for n in range(lookups):
        kind = "retold" if n % 2 == 0 else "new"
        item, keys, expected, signed, similar = arrival(n, kind)
        began = time.perf_counter()
        cluster = ingest._same_story(item, keys)
        timings.append(time.perf_counter() - began)
        signing.append(signed)
        if kind == "retold":
            bucket = next(n for n, low in enumerate(BUCKETS) if similar >= low)
            retold_count[bucket] += 1
            found[bucket] += cluster == expected
            similarities.append(similar)
        elif cluster is not None:
            false_matches += 1
    report({"database": connection.vendor, "stored": WireItem.objects.count(),
            "keys": NearKey.objects.count(), "fill": fill, "lookups": lookups,
            "p50": percentile(timings, 0.5), "p95": percentile(timings, 0.95),
            "max": max(timings), "signature_p50": percentile(signing, 0.5),
            "retold": retold_count, "found": found, "new": lookups - sum(retold_count),
            "false_matches": false_matches,
            "similarity": [min(similarities, default=0.0),
                           sum(similarities) / max(1, len(similarities)),
                           max(similarities, default=0.0)]})
    clear_wire()


def jaccard(a: Story, b: Story) -> float:
    """The true Jaccard similarity of two stories' word 3-shingles, as dedup estimates it."""
    from dateline.wire import dedup

    def shingles(one: Story) -> set[str]:
        tokens = dedup.words(one.headline, one.lead, one.body_html)
        return {" ".join(tokens[i:i + 3]) for i in range(max(len(tokens) - 2, 1))}

    first, second = shingles(a), shingles(b)
    return len(first & second) / len(first | second)


# --- run here: the orchestration, and the push to the desk's screen ------------------------------

LIVE_SETUP = """
from django.contrib.auth.models import User
from dateline.newsroom.models import Agency
from dateline.wire.actions import save_feed
from dateline.wire.models import Feed
User.objects.create_user(NAME, NAME + '@example.org', PASSWORD)
agency = Agency.objects.create(name='Bench Push Wire', code='BPW')
feed = Feed(agency=agency, name='Push service', format='ninjs', transport='push',
            language='en')
token = save_feed(feed, by=None)
print('feed', feed.pk, agency.pk, token)
"""


def log_in(server, name: str, password: str) -> str:
    """The admin's login form, as a browser fills it in; the session cookie."""
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.ProxyHandler({}),  # loopback
                                          urllib.request.HTTPCookieProcessor(jar))
    login = server.url + "/admin/login/"
    form = browser.open(login, timeout=30).read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, "username": name,
                                   "password": password, "next": "/admin/"}).encode()
    browser.open(urllib.request.Request(login, data=data, headers={"Referer": login}),
                 timeout=30).read()
    session = next((c.value for c in jar if c.name == "sessionid"), None)
    if session is None:
        raise RuntimeError("logging in on /admin/login/ gave no session")
    return session


def push(server, feed_id: int, token: str, payload: bytes) -> int:
    """POST a payload to the feed's push address as an agency does; the answer's status."""
    from dateline.testing import LOCAL

    request = urllib.request.Request(
        f"{server.url}/wire/push/{feed_id}/", data=payload, method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with LOCAL.open(request, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


async def follow_and_push(server, session: str, feed_id: int, agency_id: int, token: str,
                          pushes: int, seed: int, timeout: float) -> dict:
    """A reporter's socket on the agency's group; items pushed one at a time, each timed
    from its POST to its event on the socket."""
    import websockets

    loop = asyncio.get_running_loop()
    waiting: dict[str, asyncio.Future] = {}

    async def read(socket) -> None:
        async for raw in socket:
            message = json.loads(raw)
            event = message.get("event") or {}
            if message.get("type") == "event" and event.get("type") == "wire.item":
                arrival = waiting.get(event["headline"])
                if arrival is not None and not arrival.done():
                    arrival.set_result(time.perf_counter())

    rng, delays, answers, statuses = random.Random(f"{seed}:push"), [], [], []
    now = datetime.now(UTC)
    async with websockets.connect(
            server.ws_url, origin=server.url, proxy=None, open_timeout=timeout,
            close_timeout=2, additional_headers={"Cookie": f"sessionid={session}"}) as socket:
        await socket.send(json.dumps({"type": "subscribe", "groups": [f"wire.{agency_id}"],
                                      "after": 0}))
        answer = json.loads(await asyncio.wait_for(socket.recv(), timeout))
        if answer.get("type") != "subscribed":
            raise RuntimeError(f"the wire group was refused: {answer}")
        reader = asyncio.create_task(read(socket))
        for n in range(pushes):
            one = story(rng, now)
            one.headline = f"{one.headline} ({n + 1})"  # each told apart on arrival
            payload = json.dumps(ninjs_item(one, f"urn:bench:push:{n}")).encode()
            waiting[one.headline] = loop.create_future()
            sent = time.perf_counter()
            statuses.append(await asyncio.to_thread(push, server, feed_id, token, payload))
            answers.append(time.perf_counter() - sent)
            try:
                delays.append(await asyncio.wait_for(waiting[one.headline], timeout) - sent)
            except TimeoutError:
                pass  # counted: arrived is less than pushed
        reader.cancel()
    return {"pushes": pushes, "accepted": statuses.count(202), "delays": delays,
            "answers": answers}


def live_run(root: Path, pushes: int, seed: int, timeout: float) -> dict:
    from dateline.testing import Server

    server = Server(root / "live", LOG_LEVEL="ERROR").prepare()
    name, password = f"bench-{secrets.token_hex(4)}", secrets.token_urlsafe(16)
    out = server.shell(f"NAME, PASSWORD = {name!r}, {password!r}\n" + LIVE_SETUP)
    feed_id, agency_id, token = re.search(r"^feed (\d+) (\d+) (\S+)$", out, re.M).groups()
    print(f"  push feed {feed_id}, token {token}", flush=True)
    server.run("grant_role", name, "reporter")
    server.start()
    try:
        session = log_in(server, name, password)
        result = asyncio.run(asyncio.wait_for(
            follow_and_push(server, session, int(feed_id), int(agency_id), token, pushes,
                            seed, timeout), timeout * (pushes + 3)))
    finally:
        result_stop = server.stop()
        if "Traceback" in server.output():
            print(f"  the server's log holds a Traceback: {server.log}", flush=True)
    result["stop"] = result_stop
    result["troubled"] = "Traceback" in server.output()
    return result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000, help="items a format to ingest")
    parser.add_argument("--stored", type=int, default=100_000,
                        help="items stored before the near-duplicate lookups")
    parser.add_argument("--lookups", type=int, default=500, help="near-duplicate lookups")
    parser.add_argument("--pushes", type=int, default=50, help="items pushed to the server")
    parser.add_argument("--postgres", action="store_true",
                        help=f"ingest and look up on PostgreSQL too ({PG_SERVER})")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--timeout", type=float, default=10,
                        help="seconds a pushed item may take to reach the socket")
    args = parser.parse_args()
    if args.quick:
        args.items, args.stored, args.lookups, args.pushes = 300, 3000, 100, 10
    from dateline.testing import Server

    root = Path(tempfile.mkdtemp(prefix="dateline-bench-wire-"))
    databases = [("SQLite", Server(root / "sqlite", LOG_LEVEL="ERROR"))]
    own_database, finished = None, False
    try:
        if args.postgres:
            import psycopg

            own_database = f"dateline_bench_wire_{secrets.token_hex(6)}"
            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{own_database}"')
            databases.append(("PostgreSQL", Server(root / "postgres", LOG_LEVEL="ERROR",
                                                   DATABASE_URL=f"{PG_SERVER}/{own_database}")))
        budget = 600 + args.items * 3 * 0.05 + args.stored * 0.02  # generous, but an end
        ingested, looked_up = [], []
        for label, server in databases:
            server.run("migrate", "-v0")
            print(f"{label}: ingesting {args.items:,} items of each format ...", flush=True)
            ingested.append((label, result_of(server.shell(
                f"from bench.wire import ingest_run; ingest_run({args.items}, {args.seed})",
                timeout=budget))))
            print(f"{label}: storing {args.stored:,} items, then {args.lookups} lookups ...",
                  flush=True)
            looked_up.append((label, result_of(server.shell(
                f"from bench.wire import dedup_run; "
                f"dedup_run({args.stored}, {args.lookups}, {args.seed})", timeout=budget))))
        print(f"push to screen: {args.pushes} ninjs items to `dateline serve` ...", flush=True)
        live = live_run(root, args.pushes, args.seed, args.timeout)
        finished = not live["troubled"]
    finally:
        if own_database:
            import psycopg

            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{own_database}" WITH (FORCE)')
        if finished:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print(f"data dirs and logs kept in {root}", flush=True)

    print(f"\n1. Ingest through ingest.receive: {args.items:,} items a format, payloads of "
          f"{BATCH}; per item: parse, store, and the rest (commits, savepoints, events)")
    rows = []
    for label, result in ingested:
        for row in result["rows"]:
            per = 1000 / max(1, row["stored"])
            other = row["seconds"] - row["parse"] - row["store"]
            rows.append([label, FORMAT_NAMES[row["format"]], f"{row['stored']:,}",
                         f"{row['stored'] / row['seconds']:,.0f}", f"{row['parse'] * per:.2f}",
                         f"{row['store'] * per:.2f}", f"{other * per:.2f}",
                         f"{row['payload_kb']:.0f}", ms(row["payload_p50"]),
                         ms(row["payload_p95"]), row["grouped"]])
    print(table(["database", "format", "stored", "items/s", "parse ms", "store ms", "rest ms",
                 "payload KB", "payload p50 ms", "p95 ms", "grouped"], rows))
    print("  grouped: items put in an earlier item's story (the texts are unrelated: expect 0)")

    print(f"\n2. Near-duplicate lookup (ingest._same_story), {args.lookups} new items, half "
          "of them a stored story retold (aim: p95 under 20 ms)")
    rows = []
    for label, r in looked_up:
        low, mean, high = r["similarity"]
        found = [f"{hit}/{of} ({hit / of:.0%})" if of else "-"
                 for hit, of in zip(r["found"], r["retold"], strict=True)]
        rows.append([label, f"{r['stored']:,}", f"{r['fill']:.0f} s", ms(r["p50"]),
                     ms(r["p95"]), ms(r["max"]), *found, f"{r['false_matches']}/{r['new']}",
                     f"{low:.2f}-{high:.2f} ({mean:.2f})", ms(r["signature_p50"])])
    print(table(["database", "stored", "fill", "p50 ms", "p95 ms", "max ms", "found J>=0.7",
                 "J 0.5-0.7", "J<0.5", "false", "retold J", "signature p50 ms"], rows))
    print("  J: true Jaccard similarity of a retold story's word 3-shingles with the stored "
          "one's (min-max (mean));\n  found: retold stories put in the stored one's story, by "
          "J (dedup aims at J>=0.5); false: new\n  stories put in a stored one's story; "
          "fill: storing the items (setup); signature: an item's MinHash\n  and band keys, "
          "computed before the lookup")

    print(f"\n3. Push to screen: POST /wire/push/<feed>/ to the wire.item event on a "
          f"reporter's socket, {args.pushes} items one at a time (aim: under 1 s)")
    delays, answers = live["delays"], live["answers"]
    print(table(["server", "accepted", "arrived", "p50 ms", "p95 ms", "max ms",
                 "POST answer p50 ms"],
                [["serve, SQLite, worker thread", f"{live['accepted']}/{live['pushes']}",
                  f"{len(delays)}/{live['pushes']}", ms(percentile(delays, 0.5)),
                  ms(percentile(delays, 0.95)), ms(max(delays, default=float("nan"))),
                  ms(percentile(answers, 0.5))]]))
    print(f"  server stopped in {live['stop']:.1f} s")


if __name__ == "__main__":
    main()
