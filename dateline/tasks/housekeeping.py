"""The engine's own periodic job: finished results do not pile up."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from dateline.tasks import job

PRUNE_EVERY = timedelta(minutes=10)
KEEP_SUCCEEDED = timedelta(hours=1)
KEEP_FAILED = timedelta(days=7)  # long enough for someone to read the traceback in the desk


@job(retries=0)
def prune_results() -> int:
    """Forget succeeded results after an hour and failed ones after a week."""
    now = timezone.now()
    succeeded = DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL,
                                            finished_at__lt=now - KEEP_SUCCEEDED)
    failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED,
                                         finished_at__lt=now - KEEP_FAILED)
    return succeeded.delete()[0] + failed.delete()[0]
