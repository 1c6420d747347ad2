"""The engine's own periodic jobs: finished results do not pile up, and a job whose worker
stopped under it (a server stopped, a machine lost) runs again."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from dateline.tasks import job

PRUNE_EVERY = timedelta(minutes=10)
KEEP_SUCCEEDED = timedelta(hours=1)
KEEP_FAILED = timedelta(days=7)  # long enough for someone to read the traceback in the desk
# A job still "running" this long after it started lost its worker: Dateline's jobs take
# seconds, and are idempotent, so running one again is safe.
ABANDONED_AFTER = timedelta(minutes=10)
RESCUE_EVERY = timedelta(minutes=1)


@job(retries=0)
def prune_results() -> int:
    """Forget succeeded results after an hour and failed ones after a week."""
    now = timezone.now()
    succeeded = DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL,
                                            finished_at__lt=now - KEEP_SUCCEEDED)
    failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED,
                                         finished_at__lt=now - KEEP_FAILED)
    return succeeded.delete()[0] + failed.delete()[0]


@job(retries=0)
def rescue_abandoned() -> int:
    """Make jobs whose worker stopped mid-job ready to run again; how many."""
    cutoff = timezone.now() - ABANDONED_AFTER
    return DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING,
                                       started_at__lt=cutoff).update(
        status=TaskResultStatus.READY, started_at=None)
