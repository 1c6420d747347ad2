"""Background work on Django's Tasks API (the django-tasks backport of `django.tasks`).

`@job()` makes a task that is retried with growing waits when it fails; `every()` asks for
a job to run periodically. Apps declare their own jobs in their `tasks.py` and register the
periodic ones in `AppConfig.ready()`: the engine knows none of them. Jobs are idempotent: a
worker killed mid-job and the job run again (housekeeping.rescue_abandoned) does nothing
twice.

The backend is the database (django-tasks-db): the worker runs inside `dateline serve`
unless `--no-worker`, and `dateline worker` runs it anywhere else (docs/tasks.md).
"""

from __future__ import annotations

import functools
import logging
import random
from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

log = logging.getLogger(__name__)
RETRIES = 5
BACKOFF_SECONDS = 15.0

# module path of a job -> (the job, how often)
PERIODIC: dict[str, tuple[Task, timedelta]] = {}


def job(*, retries: int = RETRIES, backoff: float = BACKOFF_SECONDS, queue: str = "default",
        priority: int = 0) -> Callable[[Callable], Task]:
    """A background job: a task that, when it fails, is enqueued again `retries` times.

    Attempt n + 1 runs about backoff × 2^(n-1) seconds after attempt n failed (with up to
    half of that again at random, so that jobs failing together do not retry together).
    Every attempt is a task result of its own: each failure shows in the desk with its
    traceback, and the next attempt waits there with its time.
    """

    def decorate(function: Callable) -> Task:
        @functools.wraps(function)
        def attempt(*args, attempt: int = 1, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception:
                if attempt <= retries:
                    delay = backoff * 2 ** (attempt - 1) * random.uniform(1.0, 1.5)  # noqa: S311
                    the_job.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
                        *args, attempt=attempt + 1, **kwargs)
                    log.warning("%s failed (attempt %d); again in %.0f s",
                                the_job.module_path, attempt, delay)
                raise

        the_job = task(queue_name=queue, priority=priority)(attempt)
        return the_job

    return decorate


def every(interval: timedelta, periodic_job: Task) -> None:
    """Run periodic_job every interval, on one worker at a time wherever workers run."""
    PERIODIC[periodic_job.module_path] = (periodic_job, interval)
