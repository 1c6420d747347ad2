"""A story with thousands of comments, and readers commenting at once, against the real server.

    .venv/bin/python bench/discussion.py --comments 5000 --posters 100 --each 5

Builds its own data dir (SQLite, or DATABASE_URL if set; REDIS_URL likewise), starts
`dateline serve` on 127.0.0.1, then measures time to first byte of the story page and of
the discussion's first and a deep page, and has N logged-in readers post concurrently. At
the end it checks that the story's stored count equals its visible comments. Stops by
itself.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's dateline
from dateline.testing import Server  # noqa: E402

SETUP = """
import random
from django.contrib.auth.models import User
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from datetime import timedelta
from dateline.newsroom.models import Article, Section
from dateline.discussion.models import Comment
from dateline.discussion import actions
actions.NEW_ACCOUNT_HELD = 0
pw = make_password("bench-pass-2026")
s, _ = Section.objects.get_or_create(language="en", slug="bench",
                                     defaults={"name": "Bench", "tagline": "Load"})
a = Article.objects.create(section=s, language="en", headline="A story readers argue about",
                           slug="argued", lead="Lead.", body="<p>Body.</p>" * 8,
                           status="published", published_at=timezone.now())
users = User.objects.bulk_create([User(username=f"reader{i}", password=pw,
                                       email=f"reader{i}@example.org") for i in range(__USERS__)])
rng = random.Random(1)
now = timezone.now()
top = Comment.objects.bulk_create([
    Comment(article=a, author=rng.choice(users), body=f"Comment number {i} " * 8,
            created_at=now - timedelta(minutes=__COMMENTS__ - i), like_count=rng.randint(0, 40))
    for i in range(__COMMENTS__ * 4 // 5)])
replies = Comment.objects.bulk_create([
    Comment(article=a, author=rng.choice(users), parent=rng.choice(top), body=f"Reply {i}",
            created_at=now - timedelta(minutes=1)) for i in range(__COMMENTS__ // 5)])
for t in top:
    t.reply_count = 0
for r in replies:
    r.parent.reply_count += 1
Comment.objects.bulk_update(top, ["reply_count"], batch_size=1000)
a.comment_count = __COMMENTS__
a.save(update_fields=["comment_count"])
# sessions made here, not by logging in a hundred times (which login rate limits refuse)
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
keys = []
for u in users:
    session = SessionStore()
    session.update({SESSION_KEY: str(u.pk), HASH_SESSION_KEY: u.get_session_auth_hash(),
                    BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend"})
    session.create()
    keys.append(session.session_key)
print(a.pk, a.get_absolute_url(), ",".join(keys))
"""


def ttfb(url: str, n: int = 30) -> tuple[float, float]:
    times = []
    for _ in range(n):
        out = subprocess.run(["curl", "-s", "--noproxy", "*", "-o", "/dev/null", "-w",
                              "%{time_starttransfer}", url],
                             capture_output=True, text=True, check=True).stdout
        times.append(float(out) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def logged_in(base: str, session_key: str):
    """A reader's browser: their session cookie, and the CSRF token the page would fetch."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback
    opener.addheaders = [("Cookie", f"sessionid={session_key}")]
    me = json.loads(opener.open(base + "/en/account/me/").read())
    opener.addheaders = [("Cookie", f"sessionid={session_key}; csrftoken={me['csrf']}")]
    return opener, me["csrf"], me["name"]


def poster(base: str, article_id: int, session_key: str, each: int) -> list[tuple[float, int]]:
    opener, csrf, name = logged_in(base, session_key)
    results = []
    for i in range(each):
        data = urllib.parse.urlencode({"body": f"{name} says {i}"}).encode()
        request = urllib.request.Request(
            f"{base}/en/discussion/{article_id}/post/", data=data,
            headers={"Accept": "application/json", "X-CSRFToken": csrf, "Referer": base + "/"})
        start = time.perf_counter()
        try:
            status = opener.open(request).status
        except urllib.error.HTTPError as exc:
            status = exc.code
        results.append(((time.perf_counter() - start) * 1000, status))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=5000)
    parser.add_argument("--posters", type=int, default=100)
    parser.add_argument("--each", type=int, default=5, help="comments per poster (limit 5/min)")
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="dateline-bench-discussion-"))
    services = {k: os.environ[k] for k in ("DATABASE_URL", "REDIS_URL") if os.environ.get(k)}
    server = Server(data_dir, LOG_LEVEL="ERROR", **services).prepare()
    setup = SETUP.replace("__USERS__", str(args.posters)).replace("__COMMENTS__",
                                                                   str(args.comments))
    out = server.shell(setup, timeout=600).strip().splitlines()[-1]
    article_id, path, keys = int(out.split()[0]), out.split()[1], out.split()[2].split(",")
    print(f"story with {args.comments} comments; time to first byte, median / p95 of 30:")
    rendering = Server(data_dir, LOG_LEVEL="ERROR", PAGE_STORE="off", **services)
    rendering.start("--no-worker")  # the same site with no page store: every request renders
    try:
        median, p95 = ttfb(rendering.url + path)
        print(f"  {'story page, rendered':24} {median:7.1f} ms  {p95:7.1f} ms")
    finally:
        rendering.stop()
    server.start()
    base = server.url
    try:
        threads = f"{base}/en/discussion/{article_id}/threads/"
        for label, url in (("story page, stored", base + path),
                           ("discussion, first page", threads),
                           ("discussion, page 150", threads + "?page=150"),
                           ("discussion, most liked", threads + "?order=liked")):
            median, p95 = ttfb(url)
            print(f"  {label:24} {median:7.1f} ms  {p95:7.1f} ms")
        start = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            runs = list(pool.map(lambda k: poster(base, article_id, k, args.each), keys))
        elapsed = time.perf_counter() - start
        results = [r for run in runs for r in run]
        latencies = sorted(ms for ms, _status in results)
        ok = sum(1 for _ms, status in results if status == 200)
        print(f"{len(results)} comments posted by {args.posters} readers, {args.concurrency} at "
              f"a time, in {elapsed:.1f} s: {ok} accepted; post latency "
              f"p50 {statistics.median(latencies):.0f} ms, "
              f"p99 {latencies[int(len(latencies) * 0.99) - 1]:.0f} ms")
        check = ("from dateline.discussion.actions import recount_comments;"
                 "from dateline.newsroom.models import Article as A;"
                 f"print(A.objects.get(pk={article_id}).comment_count, recount_comments())")
        print("stored count, drift:", server.shell(check).strip().splitlines()[-1])
    finally:
        server.stop()


if __name__ == "__main__":
    main()
