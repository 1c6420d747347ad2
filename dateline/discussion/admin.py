"""The moderators' queue on the desk: approve, reject and ban, one by one or in bulk."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dateline.discussion import actions
from dateline.discussion.models import Comment
from dateline.moderation.actions import is_moderator
from dateline.moderation.admin import ModeratedAdmin, ReportInline, ban_actions
from dateline.newsroom.models import Article


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


@admin.action(description=_("Approve the selected comments"), permissions=["moderate"])
def approve(modeladmin, request, queryset):
    _each(request, queryset, lambda c: actions.approve_comment(c, by=request.user),
          lambda n: ngettext("%(count)s comment approved.", "%(count)s comments approved.", n))


@admin.action(description=_("Reject the selected comments"), permissions=["moderate"])
def reject(modeladmin, request, queryset):
    _each(request, queryset, lambda c: actions.reject_comment(c, by=request.user),
          lambda n: ngettext("%(count)s comment rejected.", "%(count)s comments rejected.", n))


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
class CommentAdmin(ModeratedAdmin):
    list_display = ("body_start", "author", "article", "status", "held_because",
                    "report_count", "like_count", "created_at")
    list_filter = (HeldFilter, "status", "held_because", "article__section")
    list_select_related = ("author", "article")
    search_fields = ("body", "author__username")
    raw_id_fields = ("article", "author", "parent")
    readonly_fields = ("article", "author", "parent", "body", "status", "held_because",
                       "created_at", "edited_at", "like_count", "reply_count", "report_count")
    inlines = [ReportInline]
    actions = [approve, reject,
               *ban_actions("comment", rules=_("Breaking the discussion rules"))]
    show_full_result_count = False

    @admin.display(description=_("comment"))
    def body_start(self, obj: Comment) -> str:
        return obj.body[:80] or "—"



def _discussion_action(closed: bool, description: str):
    def run(modeladmin, request, queryset):
        for article in queryset:
            actions.set_discussion_closed(article, closed=closed, by=request.user)
        messages.success(request, description)

    run.__name__ = "close_discussion" if closed else "open_discussion"
    return admin.action(description=description, permissions=["moderate"])(run)


# The desk's story list is the newsroom's; the discussion adds its own bulk actions there.
_stories = admin.site.get_model_admin(Article)
_stories.actions = [*_stories.actions,
                    _discussion_action(True, _("Close the discussion of the selected stories")),
                    _discussion_action(False, _("Reopen the discussion of the selected stories"))]
_stories.has_moderate_permission = lambda request: is_moderator(request.user)
