"""Requests/s and latency of a story page, uncached and cached, with wrk from a second process.

    .venv/bin/python bench/story_page.py --articles 10000
    .venv/bin/python bench/story_page.py --articles 100000 --data-dir DIR   # reuse an edition

Builds (or reuses) a demo edition of N stories in its own data dir, starts `dateline serve`
on 127.0.0.1 (DATABASE_URL and REDIS_URL from the environment when set), and points wrk at
one story from the middle of the archive: once with a query parameter the page cache
ignores (every request renders the page) and once plain (stored page). Everything targets
loopback and stops by itself.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's dateline
from dateline.testing import Server  # noqa: E402

PICK_STORY = ("from dateline.newsroom.models import Article as A;"
              "qs=A.objects.published().filter(language='en').order_by('-published_at');"
              "print(qs[qs.count()//2].get_absolute_url())")


def services() -> dict[str, str]:
    """The database and Redis the caller chose, if any; else the embedded defaults."""
    return {k: os.environ[k] for k in ("DATABASE_URL", "REDIS_URL") if os.environ.get(k)}


def wrk(url: str, seconds: int, connections: int) -> tuple[float, str]:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)
    if "Non-2xx" in out:
        raise SystemExit(f"errors during the run:\n{out}")
    return rps, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1,
                        help="server processes; more than one needs REDIS_URL")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    server = Server(data_dir, LOG_LEVEL="ERROR", **services()).prepare()
    server.run("demo", "--if-empty", "--articles", str(args.articles), timeout=3600)
    path = server.shell(PICK_STORY).strip().splitlines()[-1]
    print(f"{args.articles} stories, story {path}, {args.workers} server process(es), "
          f"wrk -t2 -c{args.connections} -d{args.seconds}s")
    # uncached: the page store off (PAGE_STORE=off), so every request renders
    for label, store in (("uncached", "off"), ("cached", "on")):
        server.env["PAGE_STORE"] = store
        server.start("--workers", str(args.workers))
        try:
            url = server.url + path
            wrk(url, 2, args.connections)  # warm up
            rps, p99 = wrk(url, args.seconds, args.connections)
            print(f"  {label:9} {rps:10.0f} req/s   p99 {p99}")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
