"""How long after its scheduled time a story is visible to readers, on the real server.

    .venv/bin/python bench/scheduled.py --stories 5

Starts `dateline serve` on a fresh data dir, schedules N stories a few seconds apart
through the desk's action, and polls each story's public address from this process until
it answers 200 (its section page must list it too). Stops by itself.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's dateline
from dateline.testing import Server  # noqa: E402

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


def status(server: Server, path: str) -> int:
    try:
        return server.get(path, timeout=2).status
    except OSError:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=5)
    parser.add_argument("--gap", type=float, default=3.3, help="seconds between schedules")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="dateline-bench-scheduled-"))
    services = {k: os.environ[k] for k in ("DATABASE_URL", "REDIS_URL") if os.environ.get(k)}
    server = Server(data, LOG_LEVEL="ERROR", **services).prepare().start()
    try:
        setup = (SETUP.replace("__LEAD__", "15").replace("__N__", str(args.stories))
                 .replace("__GAP__", str(args.gap)))
        out = server.shell(setup).strip().splitlines()
        pending = {line.split()[0]: float(line.split()[1]) for line in out[-args.stories:]}
        for path in pending:
            assert status(server, path) == 404, "visible before its time"
        delays = {}
        deadline = time.time() + 15 + args.gap * args.stories + 60
        while pending and time.time() < deadline:
            for path, at in list(pending.items()):
                if time.time() >= at and status(server, path) == 200:
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
        server.stop()


if __name__ == "__main__":
    main()
