"""Subscriptions in the desk: each issue with its counts, a preview and a test send;
subscribers, to look one up."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.mail import get_connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from dateline.newsroom import selectors
from dateline.subscriptions import mail, sending
from dateline.subscriptions.models import Issue, Subscriber


def _sample(issue: Issue) -> tuple[str, str]:
    if issue.kind == Issue.Kind.ALERT:
        stories = [issue.article] if issue.article_id else []
    else:
        stories = selectors.stories_since(
            language=issue.language, since=issue.created_at - sending.DIGEST_LOOKBACK,
            until=issue.created_at)[:sending.DIGEST_MOST]
    return mail.render_issue(issue, stories)


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ("subject", "kind", "language", "created_at", "queued", "sent", "failed",
                    "bounced", "unsubscribed", "preview")
    list_filter = ("kind", "language")
    readonly_fields = ("kind", "language", "article", "subject", "created_at", "started_at",
                       "queued", "sent", "failed", "bounced", "unsubscribed", "preview")
    actions = ["send_test"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("preview"))
    def preview(self, issue: Issue) -> str:
        url = reverse("admin:subscriptions_issue_preview", args=[issue.pk])
        return format_html('<a href="{}">{}</a>', url, _("Preview"))

    def get_urls(self):
        return [path("<int:pk>/preview/", self.admin_site.admin_view(self.preview_view),
                     name="subscriptions_issue_preview"), *super().get_urls()]

    def preview_view(self, request, pk: int) -> HttpResponse:
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        issue = get_object_or_404(Issue.objects.select_related("article__section"), pk=pk)
        return HttpResponse(_sample(issue)[1])

    @admin.action(description=_("Send a test of the issue to me"))
    def send_test(self, request, queryset):
        if not request.user.email:
            messages.error(request, _("Your account has no email address."))
            return
        test = Subscriber(pk=0, email=request.user.email)
        mails = []
        for issue in queryset.select_related("article__section")[:5]:
            test.language = issue.language
            mails.append(mail.for_recipient(issue, _sample(issue), test, 0))
        sent = get_connection().send_messages(mails)
        messages.success(request, _("%(count)d test mails sent to %(email)s.")
                         % {"count": sent or 0, "email": request.user.email})


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "language", "status", "digest", "digest_hour", "time_zone",
                    "breaking", "created_at")
    list_filter = ("status", "language", "digest", "breaking")
    search_fields = ("email",)
    fields = ("email", "user", "language", "status", "suppressed_reason", "digest",
              "digest_hour", "time_zone", "breaking", "created_at", "confirmed_at",
              "last_digest_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
