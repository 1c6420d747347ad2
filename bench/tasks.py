"""Background jobs: enqueue-to-start latency and jobs/s, on the database and on RQ.

    .venv/bin/python bench/tasks.py
    .venv/bin/python bench/tasks.py --backends sqlite,postgres --workers 1,4

Backends, each through Django's Tasks API with the same trivial job (bench/task_jobs.py,
which returns the moment it started):

    sqlite     Dateline's own: django-tasks-db on the embedded SQLite, `dateline worker`s
    postgres   the same on a PostgreSQL database of its own on 127.0.0.1:5432 (user
               postgres, trust), dateline_bench_<hex>, dropped at the end
    rq         django-tasks-rq on a redis-server of its own (a free port, no persistence,
               killed at the end), `dateline rqworker --job-class django_tasks_rq.Job`
               (RQ's default worker: a fork per job); settings bench/rq_settings.py
    rq-simple  the same with RQ's SimpleWorker (no fork: jobs run in the worker process)

For each backend and each number of worker processes (--workers, default 1 and 4):

- latency: the workers started and seen taking jobs, --latency-jobs jobs are enqueued one
  at a time, --gap apart on average; for each, the time from just before enqueue() to the
  job's start. Also the time enqueue() itself took.
- in process (database backends): latency again with no worker process, the worker a
  thread of the enqueuing process woken by each enqueue, as in `dateline serve`.
- throughput: with no worker running, --throughput-jobs jobs are enqueued (on the database
  in one transaction), then the workers are started and given --drain-seconds; jobs/s is
  taken over the middle 80% of the starts of the jobs that ran, so that the workers'
  start-up is not counted.

Workers are real processes started with the `Server` helper (dateline/testing.py), each
backend on a data dir of its own that is removed at the end. Needs the `bench` extra
(django-tasks-rq) and redis-server for the RQ backends. Everything targets 127.0.0.1, and
a run stops by itself after --limit seconds at most.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's dateline, whichever one is installed

import psycopg  # noqa: E402
import redis  # noqa: E402

from dateline.testing import Server, free_port  # noqa: E402

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
RQ_WORKER = ["rqworker", "--job-class", "django_tasks_rq.Job", "-v0", "default"]
BACKENDS = {
    "sqlite": "DB backend, SQLite",
    "postgres": "DB backend, PostgreSQL",
    "rq": "RQ, Redis (fork per job)",
    "rq-simple": "RQ, Redis (SimpleWorker)",
}
IN_PROCESS = "0 (a thread of the enqueuing process)"


class OutOfTime(Exception):
    pass


class Run:
    """One backend: its data dir, database or Redis, and the workers started for it."""

    def __init__(self, backend: str, args: argparse.Namespace, deadline: float) -> None:
        self.backend, self.args, self.deadline = backend, args, deadline
        self.data = Path(tempfile.mkdtemp(prefix=f"dateline-bench-tasks-{backend}-"))
        self.database: str | None = None
        self.redis: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []
        try:
            self._set_up(backend, args)
        except BaseException:
            self.close()  # what was made before the failure
            raise

    def _set_up(self, backend: str, args: argparse.Namespace) -> None:
        env = {"LOG_LEVEL": "WARNING"}
        if backend == "postgres":
            self.database = f"dateline_bench_{secrets.token_hex(4)}"
            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{self.database}"')
            env["DATABASE_URL"] = f"{PG_SERVER}/{self.database}"
        elif backend.startswith("rq"):
            env["BENCH_RQ_URL"] = self._start_redis()
        self.server = Server(self.data, **env)
        if backend.startswith("rq"):
            self.server.env["DJANGO_SETTINGS_MODULE"] = "bench.rq_settings"
            self.worker_command = RQ_WORKER + (
                ["--worker-class", "rq.worker.SimpleWorker"] if backend == "rq-simple" else [])
        else:
            self.worker_command = ["worker"] + (
                ["--interval", str(args.interval)] if args.interval else [])

    def _start_redis(self) -> str:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed (Debian's redis-server package)")
        port = free_port()
        self.redis = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.data)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"redis://127.0.0.1:{port}/0"
        client = redis.Redis.from_url(url, socket_connect_timeout=1)
        for _ in range(100):
            try:
                client.ping()
                return url
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def left(self) -> float:
        seconds = self.deadline - time.monotonic()
        if seconds <= 0:
            raise OutOfTime
        return seconds

    def call(self, code: str, timeout: float = 240) -> dict:
        """Run bench/task_jobs code in `dateline shell`; what it said."""
        try:
            out = self.server.shell("from bench import task_jobs as j; " + code,
                                    timeout=min(timeout, self.left()))
        except subprocess.TimeoutExpired:
            raise OutOfTime from None
        line = next(line for line in reversed(out.splitlines()) if line.startswith("RESULT "))
        return json.loads(line.removeprefix("RESULT "))

    def start_workers(self, count: int) -> None:
        self.workers = [self.server.spawn(*self.worker_command) for _ in range(count)]

    def stop_workers(self) -> None:
        for process in self.workers:
            Server.end(process)
        self.workers = []

    def measure(self, workers: int) -> dict:
        args = self.args
        self.call("j.reset()")
        self.start_workers(workers)
        try:
            seen = self.call(f"j.warm({workers})")["workers_seen"]
            if seen < workers:
                raise RuntimeError(f"only {seen} of {workers} workers took jobs:\n"
                                   + self.server.output()[-3000:])
            latency = self.call(f"j.latency({args.latency_jobs}, {args.gap})")
        finally:
            self.stop_workers()
        ids_file = self.data / "ids.txt"
        filled = self.call(f"j.fill({args.throughput_jobs}, {str(ids_file)!r})")
        self.start_workers(workers)
        try:
            drained = self.call(f"j.drain({str(ids_file)!r}, {args.drain_seconds})")
        finally:
            self.stop_workers()
        return {"latency": latency, "fill": filled, "drain": drained}

    def measure_in_process(self) -> dict:
        """Latency with the worker a thread of the enqueuing process, as in `dateline serve`."""
        self.call("j.reset()")
        return {"latency": self.call(
            f"j.latency({self.args.latency_jobs}, {self.args.gap}, in_process=True)")}

    def close(self) -> None:
        self.stop_workers()
        if self.redis is not None:
            self.redis.kill()
            self.redis.wait(timeout=10)
        if self.database is not None:
            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        shutil.rmtree(self.data, ignore_errors=True)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p * len(ordered)) - 1)]


def summary(figures: dict) -> dict:
    delays = figures["latency"]["delays"]
    found = {
        "p50": percentile(delays, 0.50) * 1000,
        "p95": percentile(delays, 0.95) * 1000,
        "max": max(delays) * 1000,
        "enqueue": percentile(figures["latency"]["enqueue"], 0.50) * 1000,
        "jobs_s": None,
        "missing": figures["latency"]["missing"],
        "not_run": 0,
    }
    if "drain" in figures:
        starts = figures["drain"]["starts"]
        low, high = len(starts) // 10, len(starts) * 9 // 10
        found["jobs_s"] = (high - low) / (starts[high] - starts[low])
        found["not_run"] = figures["drain"]["not_run"]
    return found


def table(rows: list[tuple[str, int | str, dict]], args: argparse.Namespace) -> str:
    lines = [
        f"| backend | worker processes | latency p50 (ms) | p95 | max | enqueue() p50 (ms) "
        f"| jobs/s ({args.throughput_jobs} jobs) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, workers, s in rows:
        missing = f" ({s['missing']} never ran)" if s["missing"] else ""
        jobs_s = "—" if s["jobs_s"] is None else f"{s['jobs_s']:.0f}"
        if s["not_run"]:
            jobs_s += (f" ({args.throughput_jobs - s['not_run']} of {args.throughput_jobs} "
                       f"in {args.drain_seconds:g} s)")
        lines.append(f"| {BACKENDS[name]} | {workers} | {s['p50']:.1f}{missing} "
                     f"| {s['p95']:.1f} | {s['max']:.1f} | {s['enqueue']:.2f} | {jobs_s} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgres,rq,rq-simple",
                        help=f"comma-separated, of {', '.join(BACKENDS)}")
    parser.add_argument("--workers", default="1,4", help="worker processes, comma-separated")
    parser.add_argument("--latency-jobs", type=int, default=200)
    parser.add_argument("--gap", type=float, default=0.04,
                        help="mean seconds between the latency run's enqueues")
    parser.add_argument("--throughput-jobs", type=int, default=1000)
    parser.add_argument("--drain-seconds", type=float, default=10,
                        help="how long the workers have to run the queued jobs; jobs/s is "
                             "taken over those that ran")
    parser.add_argument("--interval", type=float, default=None,
                        help="`dateline worker --interval` (default: the worker's own)")
    parser.add_argument("--in-process", action=argparse.BooleanOptionalAction, default=True,
                        help="also the database backends' latency with the worker a thread "
                             "of the enqueuing process, as in `dateline serve`")
    parser.add_argument("--limit", type=float, default=420,
                        help="seconds after which the run gives up and cleans up")
    args = parser.parse_args()
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if unknown := set(backends) - BACKENDS.keys():
        parser.error(f"unknown backends: {', '.join(sorted(unknown))}")
    if any(b.startswith("rq") for b in backends) and not importlib.util.find_spec(
            "django_tasks_rq"):
        parser.error('the RQ backends need the bench extra: pip install -e ".[bench]"')
    counts = [int(n) for n in args.workers.split(",")]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # clean up as on Ctrl-C

    deadline = time.monotonic() + args.limit
    began = time.monotonic()
    load_before = os.getloadavg()
    rows: list[tuple[str, int | str, dict]] = []
    for backend in backends:
        run = Run(backend, args, deadline)
        try:
            if not backend.startswith("rq"):  # RQ keeps its jobs in Redis
                print(f"{BACKENDS[backend]}: migrating", flush=True)
                run.server.run("migrate", "-v0", timeout=min(120, run.left()))
            for workers in counts:
                started = time.monotonic()
                figures = summary(run.measure(workers))
                rows.append((backend, workers, figures))
                print(f"{BACKENDS[backend]}, {workers} worker(s): latency p50 "
                      f"{figures['p50']:.1f} ms, p95 {figures['p95']:.1f} ms; "
                      f"{figures['jobs_s']:.0f} jobs/s ({time.monotonic() - started:.0f} s)",
                      flush=True)
            if args.in_process and not backend.startswith("rq"):
                figures = summary(run.measure_in_process())
                rows.append((backend, IN_PROCESS, figures))
                print(f"{BACKENDS[backend]}, {IN_PROCESS}: latency p50 {figures['p50']:.1f} ms, "
                      f"p95 {figures['p95']:.1f} ms", flush=True)
        except OutOfTime:
            print(f"out of time (--limit {args.limit:g} s) during {backend}; stopping")
            break
        finally:
            run.close()
    load_after = os.getloadavg()
    print()
    print(table(rows, args))
    print()
    print(f"{len(rows)} rows in {time.monotonic() - began:.0f} s on {os.cpu_count()} cores; "
          f"load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after. "
          f"Latency over {args.latency_jobs} jobs enqueued one at a time ~{args.gap * 1000:g} ms "
          f"apart; jobs/s over the middle 80% of the starts of {args.throughput_jobs} queued jobs "
          f"(those run within {args.drain_seconds:g} s).")


if __name__ == "__main__":
    main()
