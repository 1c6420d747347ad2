"""The wire in the desk: feeds (settings, state, last error), deliveries as received, items
for audit. The monitor (desk.py) is where editors work with the copy."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from dateline.wire import actions, transports
from dateline.wire.models import Delivery, Feed, WireItem
from dateline.wire.outgoing import admin as outgoing  # noqa: F401  (partner keys)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ("name", "agency", "format", "transport", "language", "trust", "enabled",
                    "checked_at", "last_error")
    list_filter = ("agency", "transport", "format", "language", "enabled")
    readonly_fields = ("where", "checked_at", "last_error")
    fields = ("agency", "name", "format", "transport", "url", "folder", "language",
              "poll_interval", "section", "trust", "enabled", "where", "checked_at",
              "last_error")
    actions = ["new_token"]

    @admin.display(description=_("Delivered to"))
    def where(self, feed: Feed) -> str:
        if feed.transport == Feed.Transport.PUSH and feed.pk:
            return format_html("POST {} — Authorization: Bearer …",
                               reverse("wire_push", args=[feed.pk]))
        if feed.transport == Feed.Transport.FOLDER and feed.folder:
            return str(transports.folder_of(feed))
        return feed.url or "—"

    def save_model(self, request, obj, form, change):
        token = actions.save_feed(obj, by=request.user)
        if token:
            self._tell_token(request, obj, token)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(request.path)

    @admin.action(description=_("Give push feeds a new token"))
    def new_token(self, request, queryset):
        for feed in queryset.filter(transport=Feed.Transport.PUSH):
            self._tell_token(request, feed, actions.new_push_token(feed, by=request.user))

    @staticmethod
    def _tell_token(request, feed: Feed, token: str) -> None:
        messages.warning(request, _("The push token of “%(feed)s”, shown this once: %(token)s")
                         % {"feed": feed, "token": token})


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("received_at", "feed", "source", "new_items", "read_at", "error")
    list_filter = ("feed",)
    readonly_fields = ("feed", "source", "received_at", "read_at", "new_items", "error",
                       "size")
    exclude = ("payload",)

    @admin.display(description=_("size"))
    def size(self, delivery: Delivery) -> str:
        return f"{len(delivery.payload or b''):,} bytes"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(WireItem)
class WireItemAdmin(admin.ModelAdmin):
    """Every version as received, for audit; editors work in the monitor."""

    list_display = ("headline", "agency", "guid", "version", "status", "priority",
                    "language", "received_at")
    list_filter = ("agency", "language", "status")
    search_fields = ("headline", "guid")
    readonly_fields = [f.name for f in WireItem._meta.fields if f.name != "signature"]
    exclude = ("signature",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not request.GET:
            return HttpResponseRedirect(reverse("wire_monitor"))
        return super().changelist_view(request, extra_context)
