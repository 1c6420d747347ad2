"""Chat rooms (a general one and one per section, per language; topic rooms for big
stories) and their messages."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dateline.newsroom.models import LANGUAGE_CHOICES, Article, Section

User = settings.AUTH_USER_MODEL


class Room(models.Model):
    class Kind(models.TextChoices):
        GENERAL = "general", _("General")
        SECTION = "section", _("Section")
        TOPIC = "topic", _("Topic")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TOPIC)
    section = models.OneToOneField(Section, models.CASCADE, null=True, blank=True,
                                   related_name="chat_room")
    article = models.ForeignKey(Article, models.SET_NULL, null=True, blank=True,
                                related_name="chat_rooms", verbose_name=_("story"))
    is_open = models.BooleanField(_("open"), default=True)
    slow_mode = models.PositiveIntegerField(
        _("slow mode"), default=0, help_text=_("Seconds a reader waits between messages; 0: off."))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["language", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["language", "slug"],
                                               name="room_unique_slug")]
        verbose_name = _("chat room")
        verbose_name_plural = _("chat rooms")

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"


class Message(models.Model):
    class Status(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HELD = "held", _("Waiting for a moderator")
        DELETED = "deleted", _("Deleted")

    room = models.ForeignKey(Room, models.CASCADE, related_name="messages")
    author = models.ForeignKey(User, models.SET_NULL, null=True, related_name="chat_messages")
    body = models.TextField(_("text"), max_length=500)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.VISIBLE)
    held_because = models.CharField(_("held because"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    report_count = models.PositiveIntegerField(_("reports"), default=0)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["room", "status", "-id"], name="chat_history"),
                   models.Index(fields=["author", "-created_at"], name="chat_by_author"),
                   models.Index(fields=["status", "id"], name="chat_queue")]
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")

    def __str__(self) -> str:
        return self.body[:60]


class Mute(models.Model):
    """A reader kept quiet in one room until a time."""

    room = models.ForeignKey(Room, models.CASCADE, related_name="mutes")
    user = models.ForeignKey(User, models.CASCADE, related_name="+")
    until = models.DateTimeField(_("until"))
    by = models.ForeignKey(User, models.SET_NULL, null=True, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["room", "user", "until"], name="mute_lookup")]
        verbose_name = _("mute")
        verbose_name_plural = _("mutes")

    def __str__(self) -> str:
        return f"{self.user_id} in {self.room_id} until {self.until}"
