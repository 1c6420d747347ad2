"""The moderators' queue on the desk: approve, reject and ban, one by one or in bulk."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dateline.discussion import actions
from dateline.discussion.models import Ban, BannedWord, Comment, Report
from dateline.discussion.text import forget_banned_words


class ReportInline(admin.TabularInline):
    model = Report
    extra = 0
    can_delete = False
    fields = ("reason", "reporter", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


def _each(request, queryset, run, done) -> None:
    count = 0
    for comment in queryset:
        try:
            run(comment)
            count += 1
        except (ValidationError, PermissionDenied) as exc:
            reason = " ".join(getattr(exc, "messages", [str(exc)]))
            messages.error(request, f"#{comment.pk}: {reason}")
    if count:
        messages.success(request, done(count) % {"count": count})


@admin.action(description=_("Approve the selected comments"))
def approve(modeladmin, request, queryset):
    _each(request, queryset, lambda c: actions.approve_comment(c, by=request.user),
          lambda n: ngettext("%(count)s comment approved.", "%(count)s comments approved.", n))


@admin.action(description=_("Reject the selected comments"))
def reject(modeladmin, request, queryset):
    _each(request, queryset, lambda c: actions.reject_comment(c, by=request.user),
          lambda n: ngettext("%(count)s comment rejected.", "%(count)s comments rejected.", n))


def _ban_action(days: int | None, description: str):
    def ban(modeladmin, request, queryset):
        until = timezone.now() + timedelta(days=days) if days else None
        authors = {c.author for c in queryset.select_related("author") if c.author}
        for author in authors:
            try:
                actions.ban_reader(author, by=request.user, until=until,
                                   reason=str(_("Breaking the discussion rules")))
            except ValidationError as exc:
                messages.error(request, f"{author}: {' '.join(exc.messages)}")
                continue
            messages.success(request, _("%(name)s is banned.") % {"name": author.get_username()})
        for comment in queryset:
            actions.reject_comment(comment, by=request.user)

    ban.__name__ = f"ban_{days or 'forever'}"
    return admin.action(description=description)(ban)


class HeldFilter(admin.SimpleListFilter):
    title = _("queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("held", _("Waiting for a moderator")), ("reported", _("Reported"))]

    def queryset(self, request, queryset):
        if self.value() == "held":
            return queryset.filter(status=Comment.Status.PENDING).order_by("created_at")
        if self.value() == "reported":
            return queryset.filter(report_count__gt=0)
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("body_start", "author", "article", "status", "held_because",
                    "report_count", "like_count", "created_at")
    list_filter = (HeldFilter, "status", "held_because", "article__section")
    list_select_related = ("author", "article")
    search_fields = ("body", "author__username")
    raw_id_fields = ("article", "author", "parent")
    readonly_fields = ("article", "author", "parent", "body", "status", "held_because",
                       "created_at", "edited_at", "like_count", "reply_count", "report_count")
    inlines = [ReportInline]
    actions = [approve, reject, _ban_action(1, _("Ban the authors for a day")),
               _ban_action(7, _("Ban the authors for a week")),
               _ban_action(30, _("Ban the authors for a month")),
               _ban_action(None, _("Ban the authors for good"))]
    show_full_result_count = False

    @admin.display(description=_("comment"))
    def body_start(self, obj: Comment) -> str:
        return obj.body[:80] or "—"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # moderators reject; nothing disappears without a trace


@admin.register(Ban)
class BanAdmin(admin.ModelAdmin):
    list_display = ("user", "until", "reason", "by", "created_at", "lifted_at")
    list_select_related = ("user", "by")
    search_fields = ("user__username", "reason")
    raw_id_fields = ("user",)
    readonly_fields = ("by", "created_at")
    actions = ["lift"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        try:
            actions.ban_reader(obj.user, by=request.user, until=obj.until, reason=obj.reason)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))

    @admin.action(description=_("Lift the selected bans"))
    def lift(self, request, queryset):
        for ban in queryset:
            actions.lift_ban(ban, by=request.user)


@admin.register(BannedWord)
class BannedWordAdmin(admin.ModelAdmin):
    search_fields = ("word",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_banned_words()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        forget_banned_words()
