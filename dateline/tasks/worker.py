"""The worker: enqueues periodic jobs when due and runs ready jobs, one at a time.

Any number of workers may run, in `dateline serve` (a thread per server process) and as
`dateline worker` processes on any machine. A ready job is taken under a row lock that
other workers skip (SKIP LOCKED on PostgreSQL; an exclusive transaction on SQLite), and a
periodic job is enqueued by whichever worker first moves its schedule row on.
"""

from __future__ import annotations

import logging
import random
import threading
import time

from django.db import IntegrityError, close_old_connections, transaction
from django.db.utils import OperationalError
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks.signals import task_enqueued
from django_tasks_db.management.commands.db_worker import Worker as DatabaseWorker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from dateline.rounds import FailedRounds
from dateline.tasks import PERIODIC
from dateline.tasks.models import Schedule

log = logging.getLogger(__name__)
INTERVAL = 0.25  # seconds between looks for ready jobs when there are none
PERIODIC_LOOK = 1.0  # seconds between looks at the periodic schedule
_wake = threading.Event()  # set when this process enqueues: no need to wait for the next look


class Worker:
    def __init__(self, *, queues: list[str] | None = None, interval: float = INTERVAL) -> None:
        self.queues = queues or ["*"]
        self.interval = interval
        self.id = f"{get_random_string(12)}"
        self.runner = DatabaseWorker(
            queue_names=self.queues, interval=interval, batch=False, backend_name="default",
            startup_delay=False, max_tasks=None, worker_id=self.id, excluded_queue_names=[])
        self.looked_at_schedule = 0.0

    def enqueue_due(self) -> int:
        """Enqueue the periodic jobs whose time has come; returns how many this worker did."""
        now = timezone.now()
        enqueued = 0
        for name, (periodic_job, interval) in PERIODIC.items():
            try:
                Schedule.objects.get_or_create(name=name, defaults={"due_at": now})
                with transaction.atomic():
                    claimed = Schedule.objects.filter(name=name, due_at__lte=now).update(
                        due_at=now + interval)
                    if claimed:
                        periodic_job.enqueue()
                        enqueued += 1
            except IntegrityError:  # another worker made the row at the same moment
                continue
            except OperationalError as error:
                if not is_locked_database_exception(error):
                    raise  # else another worker is claiming it: it is theirs this time
        return enqueued

    def run_one(self) -> bool:
        """Run one ready job, if there is one; True when one ran."""
        ready = DBTaskResult.objects.ready().filter(backend_name="default")
        if "*" not in self.queues:
            ready = ready.filter(queue_name__in=self.queues)
        try:
            with exclusive_transaction(ready.db):
                result = ready.get_locked()
                if result is not None:
                    result.claim(self.id)
        except OperationalError as error:
            if is_locked_database_exception(error):
                return False  # another worker holds the database for a moment
            raise
        if result is None:
            return False
        self.runner.run_task(result)
        return True

    def round(self) -> int:
        """Periodic jobs (at most every PERIODIC_LOOK), then every ready job; jobs run."""
        ran = 0
        try:
            if time.monotonic() - self.looked_at_schedule >= PERIODIC_LOOK:
                self.looked_at_schedule = time.monotonic()
                self.enqueue_due()
            while self.run_one():
                ran += 1
        finally:
            close_old_connections()
        return ran

    def run(self, stop: threading.Event) -> None:
        """Work until stop is set; a job under way is finished first."""
        failures = FailedRounds(log, "the worker's round")
        while not stop.is_set():
            _wake.clear()  # before the round: an enqueue during it is not lost
            try:
                self.round()
            except Exception as error:  # a failed round (a database restarting) must not end
                failures.failed(error)  # the work
            # a random share of the interval: workers started together do not look together
            _wake.wait(self.interval * random.uniform(0.5, 1.5))  # noqa: S311


def wake_on_enqueue() -> None:
    """A job enqueued in this process is looked for once its transaction commits."""
    task_enqueued.connect(_enqueued, dispatch_uid="dateline-wake-worker")


def _enqueued(sender, **kwargs) -> None:
    transaction.on_commit(_wake.set)


_thread: threading.Thread | None = None
_started = threading.Lock()


def start_in_background() -> None:
    """Run a worker in a thread of this (server) process, once."""
    global _thread
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=Worker().run, args=(threading.Event(),),
                                       name="dateline-worker", daemon=True)
            _thread.start()
