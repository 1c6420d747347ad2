"""One story page under `dateline serve` and under the other ways to serve Django, with wrk.

    .venv/bin/python bench/serving.py
    .venv/bin/python bench/serving.py --seconds 10 --rounds 3 --data-dir DIR   # reuse an edition

Builds (or reuses) a demo edition in its own data dir (SQLite) and asks wrk, from a second
process, for one story from the middle of the archive with a query parameter the page cache
ignores, so that every request renders the page. The same page under:

  dateline serve         our ASGI app: Django's WSGI handler on the bridge's thread pool
  our HTTP path alone    the same without WebSockets or background threads, its bridge
                         with 1 and then 8 threads (bench/entrypoints.py)
  Django ASGI, granian   django.core.asgi.get_asgi_application() (bench/entrypoints.py)
  Django ASGI, uvicorn   the same app under uvicorn
  Django WSGI, granian   dateline.wsgi:application, 1 and then 8 blocking threads

and the stored page (no query string) under `dateline serve`, answered before Django, and
under Django's WSGI app, answered by the page cache middleware inside Django. One server
runs at a time, on 127.0.0.1; the rounds are interleaved and each figure is the median of
the rounds. CPU is the user and system time of the server's processes over the run (from
/proc) divided by the requests wrk counted; idle CPU is what they use per second with no
request at all (a worker thread, say); stop is the longest time, of the rounds, from
SIGTERM after the run until every process of the server was gone. Needs wrk, and uvicorn
for its row (the `bench` extra: pip install -e ".[bench]"). Everything stops by itself.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's dateline
from dateline.testing import Server  # noqa: E402

PICK_STORY = ("from dateline.newsroom.models import Article as A;"
              "qs=A.objects.published().filter(language='en').order_by('-published_at');"
              "print(qs[qs.count()//2].get_absolute_url())")
TICK = os.sysconf("SC_CLK_TCK")
IDLE = 3  # seconds of no requests, for the CPU a server uses by itself
RENDER = {"PAGE_STORE": "off"}
GRANIAN = [sys.executable, "-m", "granian", "--host", "127.0.0.1", "--no-ws"]


@dataclass
class Setup:
    label: str
    query: str  # always "": PAGE_STORE=off in env renders every time
    command: list[str] | None  # None: `dateline serve`; else with {port} to fill in
    env: dict[str, str] = field(default_factory=dict)
    rps: list[float] = field(default_factory=list)
    p50: list[float] = field(default_factory=list)
    p99: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    idle: list[float] = field(default_factory=list)
    stop: list[float] = field(default_factory=list)
    errors: int = 0  # connections wrk saw fail or time out (10 s), over all rounds
    size: int = 0  # bytes of the page, uncompressed (wrk asks for no compression)


def setups() -> list[Setup]:
    rendered = ""  # with RENDER in env: the page store is off, every request renders
    found = [
        Setup("dateline serve (ASGI + WSGI bridge, 8 threads)", rendered, None, RENDER),
        Setup("our HTTP path alone, bridge with 1 thread", rendered,
              GRANIAN + ["--interface", "asginl", "--port", "{port}", "bench.entrypoints:bridge"],
              {"BENCH_BRIDGE_THREADS": "1", **RENDER}),
        Setup("our HTTP path alone, bridge with 8 threads", rendered,
              GRANIAN + ["--interface", "asginl", "--port", "{port}", "bench.entrypoints:bridge"],
              {"BENCH_BRIDGE_THREADS": "8", **RENDER}),
        Setup("Django ASGI handler, granian", rendered,
              GRANIAN + ["--interface", "asginl", "--port", "{port}",
                         "bench.entrypoints:django_asgi"], RENDER),
        Setup("Django ASGI handler, uvicorn", rendered,
              [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", "{port}",
               "--lifespan", "off", "--no-access-log",
               "bench.entrypoints:django_asgi"], RENDER),
        Setup("Django WSGI, granian, 1 thread", rendered,
              GRANIAN + ["--interface", "wsgi", "--blocking-threads", "1", "--port", "{port}",
                         "dateline.wsgi:application"], RENDER),
        Setup("Django WSGI, granian, 8 threads", rendered,
              GRANIAN + ["--interface", "wsgi", "--blocking-threads", "8", "--port", "{port}",
                         "dateline.wsgi:application"], RENDER),
        Setup("stored page: dateline serve", "", None),
        Setup("stored page: Django WSGI, granian, 8 threads", "",
              GRANIAN + ["--interface", "wsgi", "--blocking-threads", "8", "--port", "{port}",
                         "dateline.wsgi:application"]),
    ]
    if importlib.util.find_spec("uvicorn") is None:
        print("uvicorn is not installed (pip install -e \".[bench]\"): its row is left out")
        found = [s for s in found if "uvicorn" not in s.label]
    return found


def cpu_seconds(server: Server) -> float:
    """User and system time of the server's processes so far."""
    total = 0
    for pid in server.processes():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICK


def milliseconds(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, seconds: int, connections: int, headers: dict | None = None,
        script: Path | None = None) -> dict:
    extra = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    extra += ["-s", str(script)] if script else []
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
                          "--latency", *extra, url],
                         capture_output=True, text=True, check=True,
                         timeout=seconds + 30).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"errors during the run:\n{out}")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       out)
    return {"errors": sum(int(n) for n in errors.groups()) if errors else 0,
            "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "p50": milliseconds(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
            "p99": milliseconds(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))}


def check(server: Server, path: str, setup: Setup) -> int:
    """The page answers 200, from the store or rendered as the setup says; its size."""
    response = server.get(path)
    body = response.read()
    stored = response.headers.get("X-Cache") == "hit"
    if response.status != 200 or stored != (setup.query == ""):
        raise SystemExit(f"{setup.label}: {path} answered {response.status}, "
                         f"X-Cache {response.headers.get('X-Cache')}")
    return len(body)


def measure(data_dir: Path, path: str, setup: Setup, args) -> None:
    server = Server(data_dir, LOG_LEVEL="ERROR", **setup.env)
    command = None
    if setup.command:
        command = [part.replace("{port}", str(server.port)) for part in setup.command]
    server.start(command=command, timeout=60)
    try:
        url = server.url + path + setup.query
        server.get(path)  # the stored rows need the page stored once
        setup.size = check(server, path + setup.query, setup)
        wrk(url, 2, args.connections)  # warm up: templates, connections, threads
        time.sleep(1)  # what the warm-up left to do is done
        before = cpu_seconds(server)
        time.sleep(IDLE)  # the server's own background work, with no request
        setup.idle.append((cpu_seconds(server) - before) * 1000 / IDLE)
        before = cpu_seconds(server)
        result = wrk(url, args.seconds, args.connections)
        used = cpu_seconds(server) - before
    finally:
        stopped = server.stop()
        setup.stop.append(stopped)
    if stopped > 5:
        print(f"{setup.label}: {stopped:.1f} s from SIGTERM to the last process gone "
              f"(inf: killed after 10 s); its log ends:\n{server.output()[-1500:]}")
    if "Traceback" in server.output():
        raise SystemExit(f"{setup.label} reported an error:\n{server.output()[-3000:]}")
    setup.errors += result["errors"]
    setup.rps.append(result["rps"])
    setup.p50.append(result["p50"])
    setup.p99.append(result["p99"])
    setup.cpu.append(used * 1000 / result["requests"])


def version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="dateline-bench-serving-"))
    site = Server(data_dir, LOG_LEVEL="ERROR").prepare()
    site.run("demo", "--if-empty", "--articles", str(args.articles), timeout=3600)
    path = site.shell(PICK_STORY).strip().splitlines()[-1]
    chosen = setups()
    load = os.getloadavg()[0]
    print(f"story {path}, {args.articles} stories, SQLite; wrk -t2 -c{args.connections} "
          f"-d{args.seconds}s, {args.rounds} rounds interleaved, medians; "
          f"{os.cpu_count()} CPUs, load {load:.2f} at the start")
    print(f"Python {platform.python_version()}, Django {version('django')}, granian "
          f"{version('granian')}, uvicorn {version('uvicorn')} (httptools "
          f"{version('httptools')}), uvloop {version('uvloop')}")
    for n in range(args.rounds):
        for setup in chosen[n % len(chosen):] + chosen[:n % len(chosen)]:
            measure(data_dir, path, setup, args)
    print(f"load {os.getloadavg()[0]:.2f} at the end; the page is "
          + ", ".join(sorted({f"{s.size} bytes" for s in chosen})))
    print(f"\n| {'server':46} | req/s (min-max) | p50 ms | p99 ms | CPU ms/req "
          "| idle CPU ms/s | stop s |")
    print(f"|{'-' * 48}|----------------:|-------:|-------:|-----------:|--------------:"
          "|-------:|")
    for s in chosen:
        rps = f"{statistics.median(s.rps):.0f} ({min(s.rps):.0f}-{max(s.rps):.0f})"
        print(f"| {s.label:46} | {rps:>15} | {statistics.median(s.p50):6.1f} | "
              f"{statistics.median(s.p99):6.1f} | {statistics.median(s.cpu):10.2f} | "
              f"{statistics.median(s.idle):13.1f} | {max(s.stop):6.2f} |")
    for s in chosen:
        if s.errors:
            print(f"{s.label}: {s.errors} socket errors or timeouts in all (see wrk)")


if __name__ == "__main__":
    main()
