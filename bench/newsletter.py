"""Newsletter benchmark: a digest to N subscribers through real `dateline worker` processes
and a local SMTP server (aiosmtpd) that counts what each address receives.

    PYTHONPATH=. .venv/bin/python bench/newsletter.py --subscribers 100000 --workers 2

Phase 1 sends the digest and measures the time from the sweep to the last message, the
messages a second (in all and per worker) and each worker's peak memory. Phase 2 sends a
second digest, kills one worker (SIGKILL) a third of the way through, starts a new one, and
makes the killed worker's batch ready again as the engine's rescue job would after its wait;
then every address must have received exactly one message per digest.
"""

from __future__ import annotations

import argparse
import collections
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller

from dateline.testing import free_port

SEED = """
from datetime import timedelta
from django.utils import timezone
from dateline.newsroom.models import Article, Section
from dateline.subscriptions.models import Subscriber
now = timezone.now()
section = Section.objects.create(name="World", slug="world", language="en", order=1)
for n in range(12):
    Article.objects.create(section=section, language="en", status="published",
        published_at=now - timedelta(hours=n + 1), headline=f"Harbour story {n}",
        slug=f"story-{n}", lead="The ferry runs again after the storm. " * 3, body="<p>x</p>")
Subscriber.objects.bulk_create([Subscriber(email=f"reader{n}@example.org", language="en",
    status="confirmed", next_digest_at=now) for n in range(COUNT)], batch_size=5000)
"""
AGAIN = """
from django.utils import timezone
from dateline.newsroom.models import Article, Section
from dateline.subscriptions.models import Subscriber
Article.objects.create(section=Section.objects.get(), language="en", status="published",
    published_at=timezone.now(), headline="Harbour story, later", slug="story-later",
    lead="The ferry runs again.", body="<p>x</p>")
Subscriber.objects.update(next_digest_at=timezone.now())
"""
SWEEP = "from dateline.subscriptions import tasks; print(tasks.send_due_digests.call())"
RESCUE = """
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.filter(status="RUNNING", started_at__lt="{before}").update(
    status="READY", started_at=None))
"""


class Counter:
    def __init__(self) -> None:
        self.received: collections.Counter[str] = collections.Counter()
        self.total = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            for address in envelope.rcpt_tos:
                self.received[address] += 1
            self.total += 1
        return "250 OK"


class Site:
    def __init__(self, smtp_port: int) -> None:
        self.data = Path(tempfile.mkdtemp(prefix="dateline-bench-newsletter-"))
        self.env = {**os.environ, "DATELINE_DATA_DIR": str(self.data), "LOG_LEVEL": "ERROR",
                    "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port),
                    "SUBSCRIPTIONS_SEND_RATE": "0", "DATABASE_URL": "", "REDIS_URL": ""}
        self.env.pop("DATABASE_URL")
        self.env.pop("REDIS_URL")
        self.command = [str(Path(sys.executable).parent / "dateline")]

    def run(self, *args: str) -> str:
        return subprocess.run(self.command + list(args), env=self.env, check=True,
                              capture_output=True, text=True).stdout

    def shell(self, code: str) -> str:
        return self.run("shell", "-c", code)

    def worker(self) -> subprocess.Popen:
        return subprocess.Popen(self.command + ["worker"], env=self.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def peak_mb(process: subprocess.Popen) -> float:
    try:
        status = Path(f"/proc/{process.pid}/status").read_text()
    except FileNotFoundError:
        return 0.0
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), "VmHWM: 0 kB")
    return int(line.split()[1]) / 1024


def cpu_seconds(process: subprocess.Popen) -> float:
    """User and system CPU time the process has had: on a busy machine, what it cost."""
    try:
        fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for(counter: Counter, target: int, timeout: float, stall: float = 60) -> None:
    deadline, last, moved = time.monotonic() + timeout, -1, time.monotonic()
    while counter.total < target and time.monotonic() < deadline:
        if counter.total != last:
            last, moved = counter.total, time.monotonic()
        elif time.monotonic() - moved > stall:
            return
        time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    n = args.subscribers
    counter, port = Counter(), free_port()
    smtp = Controller(counter, hostname="127.0.0.1", port=port)
    smtp.start()
    site = Site(port)
    site.run("migrate", "--noinput", "-v0")
    site.shell(SEED.replace("COUNT", str(n)))
    print(f"{n} subscribers, {args.workers} workers, SQLite in {site.data}")

    # phase 1: the digest, measured
    workers = [site.worker() for _ in range(args.workers)]
    start = time.monotonic()
    site.shell(SWEEP)
    split = time.monotonic() - start
    wait_for(counter, n, timeout=3600)
    took = time.monotonic() - start
    memory = [peak_mb(w) for w in workers]
    cpu = sum(cpu_seconds(w) for w in workers)
    print(f"digest: {counter.total} messages in {took:.1f} s (splitting into batches "
          f"{split:.1f} s): {counter.total / took:.0f} msg/s, "
          f"{counter.total / took / args.workers:.0f} msg/s per worker; "
          f"{counter.total / cpu:.0f} messages per CPU-second of the workers ({cpu:.0f} s); "
          f"peak memory per worker {', '.join(f'{m:.0f} MB' for m in memory)}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

    # phase 2: a worker killed mid-send, a new one started, its batch rescued
    site.shell(AGAIN)
    site.shell(SWEEP)
    wait_for(counter, n + n // 3, timeout=3600)
    killed_at = time.time()
    workers[0].send_signal(signal.SIGKILL)
    workers[0].wait()
    workers[0] = site.worker()
    print(f"killed a worker after {counter.total - n} messages of the second digest")
    wait_for(counter, 2 * n, timeout=3600, stall=5)
    from datetime import UTC, datetime

    before = datetime.fromtimestamp(killed_at, UTC).isoformat()
    rescued = site.shell(RESCUE.replace("{before}", before)).strip().splitlines()[-1]
    print(f"rescued {rescued} job(s) the killed worker held")
    wait_for(counter, 2 * n, timeout=600, stall=60)
    for w in workers:
        w.send_signal(signal.SIGTERM)  # each finishes the batch under way
    for w in workers:
        try:
            w.wait(timeout=300)
        except subprocess.TimeoutExpired:
            w.kill()
            w.wait()
    smtp.stop()
    expected = {f"reader{i}@example.org" for i in range(n)}
    duplicates = sum(1 for a in expected if counter.received[a] > 2)
    missed = sum(1 for a in expected if counter.received[a] < 2)
    print(f"after the kill: {counter.total} messages for 2 × {n}; addresses with a duplicate: "
          f"{duplicates}, addresses missing a digest: {missed}")


if __name__ == "__main__":
    main()
