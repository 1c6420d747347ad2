"""`dateline serve`: the production server (granian) for pages and WebSockets."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve Dateline over HTTP and WebSockets with the ASGI server."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "1")),
            help="Server processes. More than one needs REDIS_URL so they share events.")
        parser.add_argument("--access-log", action="store_true")
        parser.add_argument("--no-worker", action="store_true",
                            help="Run background jobs elsewhere (`dateline worker`).")

    def handle(self, *args, host, port, workers, access_log, no_worker, **options):
        if workers > 1 and not settings.REDIS_URL:
            # Each process would keep its own page cache and hear only its own events.
            raise CommandError("Several workers share cache and events through Redis: "
                               "set REDIS_URL, or run one worker.")
        self.stdout.write(f"Dateline on http://{host}:{port}/ ({workers} worker(s))")
        # a worker thread in each server process, unless workers run elsewhere
        os.environ["DATELINE_WORKER"] = "0" if no_worker else "1"
        os.environ["DATELINE_SERVE"] = "1"  # this process serves readers: see live/bus.py
        self._serve(host, port, workers, access_log)

    def _serve(self, host, port, workers, access_log):
        from granian.constants import Interfaces
        from granian.server import Server

        Server(
            "dateline.asgi:application",
            address=host,
            port=port,
            interface=Interfaces.ASGINL,  # Channels has no lifespan handler
            workers=workers,
            websockets=True,
            log_access=access_log,
            backlog=2048,
            # A worker that has not stopped this long after SIGTERM is killed: the
            # process is gone within 5 s whatever a thread is doing.
            workers_kill_timeout=4,
        ).serve()
