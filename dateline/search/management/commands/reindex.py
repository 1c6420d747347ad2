"""`dateline reindex`: rebuild the search index from the stories, in batches, with progress.

The site keeps answering searches meanwhile: entries are replaced one batch at a time.
"""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from dateline.newsroom.models import Article
from dateline.search import index


class Command(BaseCommand):
    help = "Rebuild the search index of every public story."

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true",
                            help="only index public stories not in the index yet")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, missing: bool, quiet: bool, **options):
        total = Article.objects.filter(status=Article.Status.PUBLISHED).count()
        started = time.monotonic()
        with tqdm(total=total, unit=" stories", desc="reindex", file=sys.stderr,
                  disable=quiet) as bar:
            run = index.index_missing if missing else index.reindex
            written = run(progress=bar.update)
        self.stdout.write(f"Indexed {written} stories in {time.monotonic() - started:.1f} s.")
