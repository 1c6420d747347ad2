"""`dateline worker`: runs background jobs (scheduled publishing and the rest) as a process."""

from __future__ import annotations

import signal
import threading

from django.core.management.base import BaseCommand

from dateline.tasks.worker import INTERVAL, Worker


class Command(BaseCommand):
    help = "Run background jobs: periodic ones when due, queued ones when ready."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=INTERVAL,
                            help=f"Seconds between looks for jobs (default {INTERVAL:g}).")
        parser.add_argument("--queue", action="append", dest="queues",
                            help="Only this queue (repeatable); default: all.")
        parser.add_argument("--once", action="store_true",
                            help="Enqueue what is due, run every ready job, and exit.")

    def handle(self, *args, interval, queues, once, **options):
        worker = Worker(queues=queues, interval=interval)
        if once:
            worker.looked_at_schedule = 0.0
            ran = worker.round()
            self.stdout.write(f"ran {ran} job(s)")
            return
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        worker.run(stop)
