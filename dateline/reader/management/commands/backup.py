"""`dateline backup PATH`: a consistent copy of the embedded database, taken while it serves.

SQLite's online backup copies page by page and retries pages that change meanwhile, so the
copy is whole even under writes. On PostgreSQL use its own tools (docs/production.md).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Copy the embedded SQLite database to PATH while the site runs."

    def add_arguments(self, parser):
        parser.add_argument("path", help="where the copy goes (a file that does not exist yet)")

    def handle(self, *args, path, **options):
        if connection.vendor != "sqlite":
            raise CommandError("This site runs on PostgreSQL: back it up with pg_dump "
                               "(see docs/production.md).")
        target = Path(path).expanduser().resolve()
        if target.exists():
            raise CommandError(f"{target} exists already: name a new file.")
        if not target.parent.is_dir():
            raise CommandError(f"There is no folder {target.parent}.")
        source = sqlite3.connect(f"file:{connection.settings_dict['NAME']}?mode=ro", uri=True)
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy, pages=1024)
        finally:
            copy.close()
            source.close()
        self.stdout.write(f"Copied the database to {target} ({target.stat().st_size:,} bytes).")
