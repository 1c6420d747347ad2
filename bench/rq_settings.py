"""Dateline's settings with background jobs on RQ, for the task benchmark's RQ runs only.

Dateline runs its jobs on the database (docs/tasks.md); this module exists so that
bench/tasks.py can measure the alternative through the same Tasks API. BENCH_RQ_URL names
the Redis server the benchmark started for itself: there is no default, so a run never
writes to a Redis it did not start.
"""

import os

from dateline.settings import *  # noqa: F403
from dateline.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "django_rq", "django_tasks_rq"]
RQ_QUEUES = {"default": {"URL": os.environ["BENCH_RQ_URL"]}}
TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
