"""`dateline recount_comments [--fix]`: check every story's comment count against the comments."""

from django.core.management.base import BaseCommand

from dateline.discussion.actions import recount_comments


class Command(BaseCommand):
    help = "Report stories whose stored comment count differs from their visible comments."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Correct the counts found wrong.")

    def handle(self, *args, fix, **options):
        wrong = recount_comments(fix=fix)
        for pk, stored, actual in wrong:
            self.stdout.write(f"story {pk}: stored {stored}, actually {actual}")
        verb = "corrected" if fix else "found"
        self.stdout.write(f"{len(wrong)} wrong counts {verb}.")
