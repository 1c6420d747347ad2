"""Bans, banned words and reports on the desk, and the pieces other apps' desks reuse."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dateline.moderation import actions
from dateline.moderation.models import Ban, BannedWord, Report


def _errors(request, exc: Exception) -> None:
    messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))


class ReportInline(GenericTabularInline):
    """The reports on one comment or message, read-only."""

    model = Report
    ct_field, ct_fk_field = "content_type", "object_id"
    extra = 0
    can_delete = False
    fields = ("reason", "reporter", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


def ban_actions(kind: str, *, rules: str) -> list:
    """Bulk actions that ban the selected items' authors, then take the items down."""

    def make(days: int | None, description: str):
        def ban(modeladmin, request, queryset):
            until = timezone.now() + timedelta(days=days) if days else None
            try:
                banned, problems = actions.ban_and_remove(
                    kind, list(queryset.values_list("pk", flat=True)), by=request.user,
                    reason=str(rules), until=until)
            except PermissionDenied as exc:
                _errors(request, exc)
                return
            for problem in problems:
                messages.error(request, problem)
            for author in banned:
                messages.success(request, _("%(name)s is banned.") % {
                    "name": author.get_username()})

        ban.__name__ = f"ban_{days or 'forever'}"
        return admin.action(description=description, permissions=["moderate"])(ban)

    return [make(1, _("Ban the authors for a day")), make(7, _("Ban the authors for a week")),
            make(30, _("Ban the authors for a month")),
            make(None, _("Ban the authors for good"))]


class ModeratedAdmin(admin.ModelAdmin):
    """For what readers write: only moderators act on it, nothing is added or deleted here."""

    def has_moderate_permission(self, request) -> bool:
        return actions.is_moderator(request.user)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # moderators take down; nothing disappears without a trace


@admin.register(Ban)
class BanAdmin(admin.ModelAdmin):
    list_display = ("user", "until", "reason", "by", "created_at", "lifted_at")
    list_select_related = ("user", "by")
    search_fields = ("user__username", "reason")
    raw_id_fields = ("user",)
    readonly_fields = ("by", "created_at", "lifted_at")
    actions = ["lift"]

    def get_readonly_fields(self, request, obj=None):
        # who is banned is fixed once the ban exists: a new ban is a new decision
        return self.readonly_fields + (("user",) if obj else ())

    def save_model(self, request, obj, form, change):
        try:
            if change:
                actions.change_ban(obj, by=request.user, reason=obj.reason, until=obj.until)
            else:
                obj.pk = actions.ban_reader(obj.user, by=request.user, until=obj.until,
                                            reason=obj.reason).pk
        except (ValidationError, PermissionDenied) as exc:
            _errors(request, exc)

    def has_delete_permission(self, request, obj=None):
        return False  # lifted, not deleted: the record of the decision stays

    @admin.action(description=_("Lift the selected bans"))
    def lift(self, request, queryset):
        for ban in queryset:
            actions.lift_ban(ban, by=request.user)


@admin.register(BannedWord)
class BannedWordAdmin(admin.ModelAdmin):
    search_fields = ("word",)

    def save_model(self, request, obj, form, change):
        try:
            with transaction.atomic():
                if change:
                    actions.remove_banned_word(BannedWord.objects.get(pk=obj.pk), by=request.user)
                obj.pk = actions.add_banned_word(obj.word, by=request.user).pk
        except (ValidationError, PermissionDenied) as exc:
            _errors(request, exc)

    def delete_model(self, request, obj):
        actions.remove_banned_word(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for banned in queryset:
            actions.remove_banned_word(banned, by=request.user)
