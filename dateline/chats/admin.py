"""Chats on the desk: rooms (open, close, slow mode) and the messages' moderation queue."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from dateline.chats import actions
from dateline.chats.models import Message, Mute, Room
from dateline.moderation.admin import ModeratedAdmin, ReportInline, ban_actions


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ("name", "language", "kind", "is_open", "slow_mode", "article")
    list_filter = ("language", "kind", "is_open")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    raw_id_fields = ("article", "section")
    actions = ["close_rooms"]

    def get_readonly_fields(self, request, obj=None):
        # a section's room follows its section; a room keeps its edition and kind
        return ("created_at", "language", "kind", "section") if obj else ("created_at",)

    def save_model(self, request, obj, form, change):
        if change:
            try:
                actions.change_room(obj, by=request.user, fields=form.changed_data)
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            return
        room = actions.open_topic_room(name=obj.name, language=obj.language, by=request.user,
                                       article=obj.article)
        obj.pk = room.pk  # the admin's messages and redirect name the new room

    @admin.action(description=_("Close the selected rooms"))
    def close_rooms(self, request, queryset):
        for room in queryset:
            actions.close_room(room, by=request.user)


def _run(request, queryset, run) -> None:
    for message in queryset:
        try:
            run(message)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))


@admin.register(Message)
class MessageAdmin(ModeratedAdmin):
    list_display = ("body", "author", "room", "status", "held_because", "created_at")
    list_filter = ("status", "room__language", "room")
    list_select_related = ("author", "room")
    search_fields = ("body", "author__username")
    readonly_fields = ("room", "author", "body", "status", "held_because", "created_at")
    actions = ["approve", "delete_for_everyone", "mute_hour",
               *ban_actions("message", rules=_("Breaking the chat rules"))]
    inlines = [ReportInline]
    show_full_result_count = False

    @admin.action(description=_("Approve the selected messages"), permissions=["moderate"])
    def approve(self, request, queryset):
        _run(request, queryset, lambda m: actions.approve_message(m, by=request.user))

    @admin.action(description=_("Delete the selected messages for everyone"),
                  permissions=["moderate"])
    def delete_for_everyone(self, request, queryset):
        _run(request, queryset, lambda m: actions.delete_message(m, by=request.user))

    @admin.action(description=_("Mute the authors in that room for an hour"),
                  permissions=["moderate"])
    def mute_hour(self, request, queryset):
        _run(request, queryset.exclude(author=None),
             lambda m: actions.mute_reader(m.room, m.author, minutes=60, by=request.user))


@admin.register(Mute)
class MuteAdmin(admin.ModelAdmin):
    list_display = ("user", "room", "until", "by")
    list_select_related = ("user", "room", "by")
    raw_id_fields = ("user",)
    readonly_fields = ("by",)
