"""The catch-up log: recent events, so a page that reconnects gets what it missed.

On the embedded default it is also the bus between processes: an event another process
emitted waits here, pending, until the server delivers it (see bus.py).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class LoggedEvent(models.Model):
    id = models.BigAutoField(primary_key=True)
    type = models.CharField(max_length=40, default="")
    group = models.CharField(max_length=80, blank=True)  # "" when no page hears it
    payload = models.JSONField()
    pending = models.BooleanField(default=False)  # logged elsewhere, not yet delivered
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["group", "id"], name="live_event_group"),
            models.Index(fields=["id"], condition=Q(pending=True), name="live_event_pending"),
        ]

    def __str__(self) -> str:
        return f"{self.id} {self.type} {self.group}"
