"""`dateline worker`: publishes scheduled stories when their time comes, as its own process.

`dateline serve` already does this inside each server process; run this instead with
`serve --no-scheduler` when the site runs on Redis and you want one place that does it.
"""

import signal
import threading

from django.core.management.base import BaseCommand

from dateline.newsroom.actions import publish_due
from dateline.newsroom.scheduler import INTERVAL, run_forever


class Command(BaseCommand):
    help = "Publish scheduled stories at their time."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=INTERVAL,
                            help=f"Seconds between checks (default {INTERVAL:g}).")
        parser.add_argument("--once", action="store_true", help="Check once and exit.")

    def handle(self, *args, interval, once, **options):
        if once:
            published = publish_due()
            self.stdout.write(f"published {len(published)} scheduled stories")
            return
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        run_forever(interval, stop)
