"""Web push in the desk: each breaking alert with its counts, and the devices subscribed."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from dateline.subscriptions.push.models import Alert, Delivery, Subscription

S = Delivery.Status


def _count(status: str) -> Count:
    return Count("deliveries", filter=Q(deliveries__status=status))


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ("headline", "language", "created_at", "queued", "sent_total",
                    "failed_total", "pruned_total", "waiting")
    list_filter = ("language",)
    fields = ("headline", "lead", "url", "language", "created_at", "fanned_out_at", "queued",
              "sent_total", "failed_total", "pruned_total", "waiting", "settled_at")
    readonly_fields = fields
    ordering = ("-created_at",)

    def get_queryset(self, request) -> QuerySet[Alert]:
        # one query for the page, however many alerts it lists
        return super().get_queryset(request).annotate(
            sent_count=_count(S.SENT), failed_count=_count(S.FAILED),
            pruned_count=_count(S.PRUNED),
            waiting_count=Count("deliveries", filter=Q(deliveries__status__in=[
                S.RETRY, S.SENDING])))

    # a settled alert's deliveries are gone: its own fields hold the counts (one is zero)
    @admin.display(description=_("sent"))
    def sent_total(self, alert: Alert) -> int:
        return alert.sent + alert.sent_count

    @admin.display(description=_("failed"))
    def failed_total(self, alert: Alert) -> int:
        return alert.failed + alert.failed_count

    @admin.display(description=_("expired, removed"))
    def pruned_total(self, alert: Alert) -> int:
        return alert.pruned + alert.pruned_count

    @admin.display(description=_("waiting"))
    def waiting(self, alert: Alert) -> int:
        return alert.waiting_count

    def has_add_permission(self, request) -> bool:
        return False  # alerts start from publishing a breaking story, nowhere else

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("service", "language", "user", "created_at")
    list_filter = ("language",)
    list_select_related = ("user",)
    fields = ("service", "language", "user", "created_at")
    readonly_fields = fields

    @admin.display(description=_("push service"))
    def service(self, subscription: Subscription) -> str:
        return "/".join(subscription.endpoint.split("/", 3)[:3])

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
