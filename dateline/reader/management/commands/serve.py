"""`dateline serve`: the production server (granian) for pages and WebSockets."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor


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
        self._check_database()
        self.stdout.write(f"Dateline on http://{host}:{port}/ ({workers} worker(s))")
        # a worker thread in each server process, unless workers run elsewhere
        os.environ["DATELINE_WORKER"] = "0" if no_worker else "1"
        os.environ["DATELINE_SERVE"] = "1"  # this process serves readers: see live/bus.py
        self._serve(host, port, workers, access_log)

    @staticmethod
    def _check_database() -> None:
        """Refuse to start on a database that is missing, read-only or not migrated: never
        come up on an empty one (a data dir deleted or mistyped) as if all were well."""
        if connection.vendor == "sqlite":
            name = Path(connection.settings_dict["NAME"])
            if not name.exists():
                raise CommandError(f"There is no database at {name}. Run `dateline migrate` "
                                   "for a new site, or set DATELINE_DATA_DIR to the site's "
                                   "data dir.")
            if not (os.access(name, os.W_OK) and os.access(name.parent, os.W_OK)):
                raise CommandError(f"The database at {name} is read-only for this user.")
        try:
            executor = MigrationExecutor(connection)
            behind = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError as error:
            raise CommandError(f"The database does not answer: {error}") from error
        finally:
            connection.close()
            # The server's processes are forked from this one and open their own: a pool made
            # here would reach them without its threads, and never replace a lost connection.
            if hasattr(connection, "close_pool"):
                connection.close_pool()
        if behind:
            raise CommandError(f"The database is {len(behind)} migration(s) behind this "
                               "version of Dateline: run `dateline migrate` first.")

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
