"""`dateline demo`: fill an empty database with an invented edition in English and Russian."""

from __future__ import annotations

import sys
import time
from argparse import ArgumentParser, ArgumentTypeError
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from dateline.demo import wire
from dateline.demo.loader import fill
from dateline.newsroom.models import Article


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ArgumentTypeError("must be at least 1")
    return number


class Command(BaseCommand):
    help = ("Fill an empty database with a demo edition: sections, wire agencies, tags and "
            "invented stories in English and Russian, the same for the same seed.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--articles", type=_positive, default=600,
                            help="stories in both languages together; a translated pair "
                                 "counts as two (default 600)")
        parser.add_argument("--seed", type=int, default=1,
                            help="the same seed and count give the same edition (default 1)")
        parser.add_argument("--if-empty", action="store_true",
                            help="if the database already holds stories, leave it as it is "
                                 "and exit successfully")

    def handle(self, *args: Any, **options: Any) -> None:
        verbosity = options["verbosity"]
        if Article.objects.exists():
            if options["if_empty"]:
                if verbosity:
                    self.stdout.write("The database already holds stories; demo left it as it is.")
                return
            raise CommandError("the database already holds stories; demo only fills an empty one")
        count = options["articles"]
        started = time.monotonic()
        with tqdm(total=count, unit=" stories", desc="demo", file=sys.stderr,
                  disable=verbosity == 0) as bar:
            summary = fill(count, options["seed"], progress=bar.update)
        from dateline.chats.actions import sync_rooms

        sync_rooms()  # a chat room for each new section
        feeds = wire.set_up()  # the agencies' copy arrives while a worker runs
        if verbosity:
            self.stdout.write(
                f"Demo edition: {summary.sections} sections, {summary.agencies} agencies, "
                f"{summary.tags} tags, {summary.stories} stories "
                f"({summary.pairs} translated pairs) in {time.monotonic() - started:.1f} s; "
                f"{len(feeds)} wire feeds, a new item every "
                f"{wire.DELIVER_EVERY.total_seconds():.0f} s in the desk's wire monitor.")
