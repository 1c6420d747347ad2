"""The task benchmark's job, and what bench/tasks.py has done inside Dateline.

bench/tasks.py calls these through `dateline shell -c` with the settings of the backend under
test, so they enqueue and read results through the Tasks API alone, the same code for every
backend. Each prints one line, `RESULT <json>`, for the caller to read.
"""

from __future__ import annotations

import json
import os
import random
import time
from contextlib import nullcontext
from pathlib import Path

from django.db import transaction
from django_tasks import TaskResultStatus

from dateline.tasks import job

POLL = 0.2  # seconds between looks at whether the jobs have run


@job(retries=0)
def stamp() -> float:
    """Nothing but the moment it started, kept by the backend as the job's return value."""
    return time.time()


def _on_database() -> bool:
    from django_tasks_db import DatabaseBackend

    return isinstance(stamp.get_backend(), DatabaseBackend)


def _say(**values) -> None:
    print("RESULT " + json.dumps(values))


def reset() -> None:
    """Forget every earlier result (with no worker running): each phase starts empty."""
    if _on_database():
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.all().delete()
    else:  # the Redis server the benchmark started for itself, and nothing else on it
        import django_rq

        django_rq.get_connection("default").flushdb()
    _say(reset=True)


def _wait(ids: list[str], timeout: float) -> dict[str, object]:
    """Wait until every job has run, or for timeout; the results of those that ran, by id.

    Jobs start in the order they were enqueued, but for the few under way at once: the last
    one says when all have run, and after timeout the reading stops at a long run of jobs
    that have not.
    """
    deadline = time.monotonic() + timeout
    while ids and time.monotonic() < deadline:
        if stamp.get_result(ids[-1]).status == TaskResultStatus.SUCCESSFUL:
            break
        time.sleep(POLL)
    done: dict[str, object] = {}
    pending = list(ids)
    while pending:
        late, not_run = time.monotonic() > deadline, 0
        for result_id in list(pending):
            result = stamp.get_result(result_id)
            if result.status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
                done[result_id] = result
                pending.remove(result_id)
                not_run = 0
            else:
                not_run += 1
                if late and not_run >= 50:
                    break
        if not pending or late:
            break
        time.sleep(POLL)
    return done


def warm(workers: int, timeout: float = 60) -> None:
    """Enqueue a job every 50 ms until `workers` different workers have run one: all of
    them have started and are taking jobs."""
    seen: set[str] = set()
    deadline = time.monotonic() + timeout
    sent = []
    while len(seen) < workers and time.monotonic() < deadline:
        sent.append(stamp.enqueue().id)
        time.sleep(0.05)
        for result_id in list(sent):
            result = stamp.get_result(result_id)
            if result.status == TaskResultStatus.SUCCESSFUL:
                seen.update(result.worker_ids)
                sent.remove(result_id)
    _wait(sent, timeout=max(1.0, deadline - time.monotonic()))
    _say(workers_seen=len(seen))


def latency(count: int, gap: float, in_process: bool = False, timeout: float = 120) -> None:
    """Enqueue `count` jobs one at a time, gap seconds apart on average (at random between
    half and one and a half times gap, so as not to keep step with a worker's polling);
    for each, seconds from just before enqueue() to the job's start.

    in_process: the worker is a thread of this process, as in `dateline serve`, woken by
    each enqueue here once it commits (database backend only).
    """
    if in_process:
        from dateline.tasks import worker

        worker.start_in_background()
        warm(1)
    sent: dict[str, float] = {}
    enqueue_seconds = []
    for _ in range(count):
        before = time.time()
        result = stamp.enqueue()
        enqueue_seconds.append(time.time() - before)
        sent[result.id] = before
        time.sleep(random.uniform(gap / 2, gap * 1.5))  # noqa: S311
    done = _wait(list(sent), timeout)
    delays = [done[i].return_value - sent[i] for i in sent
              if i in done and done[i].status == TaskResultStatus.SUCCESSFUL]
    _say(delays=delays, enqueue=enqueue_seconds, missing=count - len(delays))


def fill(count: int, ids_file: str) -> None:
    """Forget earlier results and enqueue `count` jobs with no worker running, as fast as
    they go (on the database in one transaction: they become ready together); their ids
    go to ids_file."""
    reset()
    started = time.monotonic()
    with transaction.atomic() if _on_database() else nullcontext():
        ids = [stamp.enqueue().id for _ in range(count)]
    seconds = time.monotonic() - started
    Path(ids_file).write_text("\n".join(ids))
    _say(enqueued=len(ids), seconds=seconds)


def drain(ids_file: str, timeout: float) -> None:
    """Wait up to timeout seconds for the jobs fill() enqueued to run (the workers were
    started after it); the moment each of those that ran started, in order."""
    ids = Path(ids_file).read_text().split()
    os.unlink(ids_file)
    until = time.time() + timeout  # reading the results takes time too: not counted
    done = _wait(ids, timeout)
    starts = sorted(r.return_value for r in done.values()
                    if r.status == TaskResultStatus.SUCCESSFUL and r.return_value <= until)
    _say(starts=starts, not_run=len(ids) - len(starts))
