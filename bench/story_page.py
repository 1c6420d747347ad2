"""Requests/s and latency of a story page, uncached and cached, with wrk from a second process.

    .venv/bin/python bench/story_page.py --articles 10000
    .venv/bin/python bench/story_page.py --articles 100000 --data-dir DIR   # reuse an edition

Builds (or reuses) a demo edition of N stories in its own data dir, starts `dateline serve`
on 127.0.0.1, and points wrk at one story from the middle of the archive: once with a query
parameter the page cache ignores (every request renders the page) and once plain (stored
page). Everything targets loopback and stops by itself.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATELINE = [sys.executable, "-m", "dateline"]


def run(args: list[str], env: dict) -> None:
    subprocess.run(args, env=env, check=True, cwd=ROOT)


def prepare(data_dir: Path, articles: int, env: dict) -> None:
    run(DATELINE + ["migrate", "-v0"], env)
    run(DATELINE + ["collectstatic", "--noinput", "-v0"], env)
    run(DATELINE + ["demo", "--if-empty", "--articles", str(articles)], env)


def pick_story(env: dict) -> str:
    code = ("from dateline.newsroom.models import Article as A;"
            "qs=A.objects.published().filter(language='en').order_by('-published_at');"
            "print(qs[qs.count()//2].get_absolute_url())")
    out = subprocess.run(DATELINE + ["shell", "-c", code], env=env, check=True, cwd=ROOT,
                         capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1]


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server did not answer at {url}")


def wrk(url: str, seconds: int, connections: int) -> tuple[float, str]:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    if "Non-2xx" in out:
        raise SystemExit(f"errors during the run:\n{out}")
    return rps, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1,
                        help="server processes; more than one needs REDIS_URL")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    env = {**os.environ, "DATELINE_DATA_DIR": str(data_dir), "LOG_LEVEL": "ERROR"}
    prepare(data_dir, args.articles, env)
    path = pick_story(env)
    server = subprocess.Popen(DATELINE + ["serve", "--port", str(args.port),
                                          "--workers", str(args.workers)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        base = f"http://127.0.0.1:{args.port}"
        wait_for(base + path)
        size = len(urllib.request.urlopen(base + path).read())
        print(f"{args.articles} stories, story {path} ({size / 1024:.1f} KB), "
              f"{args.workers} server process(es), wrk -t2 -c{args.connections} "
              f"-d{args.seconds}s")
        for label, url in (("uncached", f"{base}{path}?uncached=1"), ("cached", base + path)):
            wrk(url, 2, args.connections)  # warm up
            rps, p99 = wrk(url, args.seconds, args.connections)
            print(f"  {label:9} {rps:10.0f} req/s   p99 {p99}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
