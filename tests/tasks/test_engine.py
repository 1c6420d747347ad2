"""The task engine: jobs run on a worker, failures are retried with growing waits and shown
in the desk, periodic jobs run once per period however many workers there are."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from dateline import tasks
from dateline.newsroom import actions
from dateline.newsroom.models import Article
from dateline.tasks.models import Schedule
from dateline.tasks.worker import Worker
from tests.tasks import jobs

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_jobs(monkeypatch):
    jobs.RAN.clear()
    jobs.FAILURES_LEFT.clear()
    monkeypatch.setattr(tasks, "PERIODIC", {})
    monkeypatch.setattr("dateline.tasks.worker.PERIODIC", tasks.PERIODIC)


def results(job) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=job.module_path).order_by("enqueued_at"))


def test_an_enqueued_job_runs_on_the_worker_and_its_result_is_kept():
    # given a job waiting
    jobs.note.enqueue("ferry")
    # when a worker takes a round
    ran = Worker().round()
    # then it ran once, and its result is recorded
    assert ran == 1 and jobs.RAN == ["ferry"]
    (result,) = results(jobs.note)
    assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value == "FERRY"


def test_a_failing_job_is_retried_later_and_each_failure_is_kept():
    # given a job that fails twice before it succeeds
    jobs.FAILURES_LEFT["feed"] = 2
    jobs.flaky.enqueue("feed")
    before = timezone.now()
    # when a worker runs it
    Worker().round()
    # then the failure is recorded with its reason, and a second attempt waits a minute or so
    failed, retry = results(jobs.flaky)
    assert failed.status == TaskResultStatus.FAILED
    assert "did not answer" in failed.exception_class_path + failed.traceback
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert timedelta(seconds=60) <= retry.run_after - before <= timedelta(seconds=91)
    assert Worker().round() == 0  # not before its time

    # when its time comes, twice
    for attempt in (2, 3):
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
            run_after=timezone.now())
        Worker().round()
        waiting = results(jobs.flaky)[-1]
        if attempt == 2:  # the second wait is twice the first
            assert waiting.args_kwargs["kwargs"] == {"attempt": 3}
            assert waiting.run_after - timezone.now() >= timedelta(seconds=115)
    # then the third attempt succeeded, and nothing more is queued
    assert jobs.RAN == ["feed"]
    assert [r.status for r in results(jobs.flaky)] == [
        TaskResultStatus.FAILED, TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]


def test_a_job_that_keeps_failing_stops_after_its_retries():
    jobs.FAILURES_LEFT["dead"] = 99
    jobs.flaky.enqueue("dead")
    for _ in range(5):
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
            run_after=timezone.now())
        Worker().round()
    # one attempt and two retries, all failed, none waiting
    assert [r.status for r in results(jobs.flaky)] == [TaskResultStatus.FAILED] * 3


def test_a_periodic_job_runs_once_per_period_however_many_workers_look():
    # given a job asked for every minute, and four workers looking at once
    tasks.every(timedelta(minutes=1), jobs.tick)
    workers = [Worker() for _ in range(4)]
    enqueued: list[int] = []
    barrier = threading.Barrier(len(workers))

    def look(worker: Worker) -> None:
        barrier.wait()
        try:
            enqueued.append(worker.enqueue_due())
        finally:
            connection.close()  # a thread's own connection: the test database can go

    threads = [threading.Thread(target=look, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then exactly one enqueued it, and it is next due a minute on
    assert sorted(enqueued) == [0, 0, 0, 1]
    assert len(results(jobs.tick)) == 1
    schedule = Schedule.objects.get(name=jobs.tick.module_path)
    assert timedelta(seconds=55) < schedule.due_at - timezone.now() <= timedelta(minutes=1)
    # and looking again within the minute enqueues nothing
    assert workers[0].enqueue_due() == 0


def test_a_scheduled_story_goes_out_through_its_own_job(section, make_article, editor):
    # given a story scheduled for a moment from now
    draft = make_article(section, status=Article.Status.DRAFT, published_at=None)
    at = timezone.now() + timedelta(seconds=30)
    actions.schedule_article(draft, at=at, by=editor)
    from dateline.newsroom.tasks import publish_when_due
    (waiting,) = results(publish_when_due)
    # then its job waits for exactly that time
    assert waiting.run_after == at
    Worker().round()
    assert Article.objects.get(pk=draft.pk).status == Article.Status.SCHEDULED
    # when the time has come (moved here rather than waited for)
    Article.objects.filter(pk=draft.pk).update(published_at=timezone.now())
    DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now())
    Worker().round()
    # then the story is out
    assert Article.objects.get(pk=draft.pk).status == Article.Status.PUBLISHED


def test_the_desk_lists_background_jobs_for_the_chief_editor(client, chief, reporter):
    jobs.FAILURES_LEFT["desk"] = 1
    jobs.flaky.enqueue("desk")
    Worker().round()
    client.force_login(chief)
    listing = client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert listing.status_code == 200 and "flaky" in listing.content.decode()
    client.force_login(reporter)
    assert client.get("/admin/django_tasks_database/dbtaskresult/").status_code == 403


def test_a_job_whose_worker_stopped_under_it_runs_again():
    from dateline.tasks import housekeeping

    # given a job a worker claimed, then stopped under (its server stopped)
    jobs.note.enqueue("ferry")
    (result,) = results(jobs.note)
    result.claim("gone")
    # when it is still "running" long after, the rescue makes it ready once more
    assert housekeeping.rescue_abandoned.call() == 0, "a job started just now is not taken"
    DBTaskResult.objects.filter(pk=result.pk).update(
        started_at=timezone.now() - housekeeping.ABANDONED_AFTER - timedelta(seconds=1))
    assert housekeeping.rescue_abandoned.call() == 1
    # then a worker runs it to the end
    assert Worker().round() == 1 and jobs.RAN == ["ferry"]
    (result,) = results(jobs.note)
    assert result.status == TaskResultStatus.SUCCESSFUL
