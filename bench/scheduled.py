"""How long after its scheduled time a story is visible to readers, on the real server.

    .venv/bin/python bench/scheduled.py --stories 5

Starts `dateline serve` on a fresh data dir, schedules N stories a few seconds apart
through the desk's action, and polls each story's public address from this process until
it answers 200 (its section page must list it too). Stops by itself.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATELINE = [sys.executable, "-m", "dateline"]

SETUP = """
from datetime import timedelta
from django.utils import timezone
from dateline.newsroom import actions
from dateline.newsroom.models import Article, Section
s = Section.objects.create(name="World", slug="world", language="en", tagline="x")
start = timezone.now() + timedelta(seconds=__LEAD__)
for i in range(__N__):
    a = Article.objects.create(section=s, language="en", headline=f"Embargoed {i}",
                               slug=f"embargoed-{i}", lead="Lead", body="<p>Body</p>")
    at = start + timedelta(seconds=__GAP__ * i)
    actions.schedule_article(a, at=at, by=None)
    print(a.get_absolute_url(), at.timestamp())
"""


def status(url: str) -> int:
    try:
        return urllib.request.urlopen(url, timeout=2).status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=5)
    parser.add_argument("--gap", type=float, default=3.3, help="seconds between schedules")
    parser.add_argument("--port", type=int, default=8767)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="dateline-bench-scheduled-"))
    env = {**os.environ, "DATELINE_DATA_DIR": str(data), "LOG_LEVEL": "ERROR"}
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(DATELINE + command, env=env, cwd=ROOT, check=True)
    server = subprocess.Popen(DATELINE + ["serve", "--port", str(args.port)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    base = f"http://127.0.0.1:{args.port}"
    try:
        while status(base + "/robots.txt") != 200:
            time.sleep(0.2)
        setup = (SETUP.replace("__LEAD__", "15").replace("__N__", str(args.stories))
                 .replace("__GAP__", str(args.gap)))
        out = subprocess.run(DATELINE + ["shell", "-c", setup], env=env, cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip().splitlines()
        pending = {line.split()[0]: float(line.split()[1]) for line in out[-args.stories:]}
        for path in pending:
            assert status(base + path) == 404, "visible before its time"
        delays = {}
        deadline = time.time() + 15 + args.gap * args.stories + 60
        while pending and time.time() < deadline:
            for path, at in list(pending.items()):
                if time.time() >= at and status(base + path) == 200:
                    delays[path] = time.time() - at
                    del pending[path]
            time.sleep(0.1)
        values = sorted(delays.values())
        print(f"{len(values)} of {args.stories} scheduled stories became visible; seconds after "
              f"their time: min {values[0]:.2f}, median {statistics.median(values):.2f}, "
              f"max {values[-1]:.2f} (checks every 5 s)")
        if pending:
            print("never visible:", list(pending), datetime.now(UTC).isoformat())
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
