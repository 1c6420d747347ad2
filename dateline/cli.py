"""The `dateline` command: Django's management commands under our name."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    # the one place that makes the data dir: importing settings writes nothing
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "dateline"
    execute_from_command_line(argv)
