"""The catch-up log: recent events, so a page that reconnects gets what it missed."""

from django.db import models
from django.utils import timezone


class LoggedEvent(models.Model):
    id = models.BigAutoField(primary_key=True)
    group = models.CharField(max_length=80)
    payload = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["group", "id"], name="live_event_group")]

    def __str__(self) -> str:
        return f"{self.id} {self.group}"
