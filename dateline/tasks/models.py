"""When each periodic job is next due: one row per job, claimed by one worker at a time."""

from django.db import models


class Schedule(models.Model):
    name = models.CharField(max_length=200, primary_key=True)  # the job's module path
    due_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.due_at:%Y-%m-%d %H:%M:%S}"
