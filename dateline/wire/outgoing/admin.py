"""The desk's partner keys: make one (its secret shown once, then never again), see each
partner's scope and last use, revoke. For superusers and holders of wire.add_partnerkey."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dateline.wire.models import PartnerKey
from dateline.wire.outgoing import keys


def _editions() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class PartnerKeyForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("editions"), choices=_editions, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("None chosen: every edition."))

    class Meta:
        model = PartnerKey
        fields = ["partner", "languages", "sections", "per_minute"]


@admin.register(PartnerKey)
class PartnerKeyAdmin(admin.ModelAdmin):
    form = PartnerKeyForm
    list_display = ("partner", "prefix", "scope", "per_minute", "last_used_at", "created_at",
                    "revoked_at")
    search_fields = ("partner", "prefix")
    readonly_fields = ("prefix", "created_at", "last_used_at", "revoked_at")
    filter_horizontal = ("sections",)
    actions = ["revoke"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("sections")

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ()

    @admin.display(description=_("scope"))
    def scope(self, key: PartnerKey) -> str:
        editions = ", ".join(key.languages) if isinstance(key.languages, list) and \
            key.languages else _("every edition")
        sections = ", ".join(str(s) for s in key.sections.all()) or _("every section")
        return f"{editions}; {sections}"

    def save_model(self, request, obj, form, change):
        if change:
            keys.save_partner_key(obj, by=request.user)
            return
        secret = keys.make_partner_key(obj, by=request.user)
        messages.warning(request, format_html(
            _("The key for {partner} is <code>{secret}</code>. Copy it now and hand it to "
              "the partner: only its hash is kept, it is never shown again."),
            partner=obj.partner, secret=secret))

    @admin.action(description=_("Revoke the chosen keys"), permissions=["revoke"])
    def revoke(self, request, queryset):
        count = 0
        for key in queryset:
            keys.revoke_partner_key(key, by=request.user)
            count += 1
        self.message_user(request, ngettext("Revoked %(count)d key.", "Revoked %(count)d keys.",
                                            count) % {"count": count})

    def _may(self, request) -> bool:
        return request.user.is_active and request.user.has_perm(keys.PERMISSION)

    def has_module_permission(self, request):
        return self._may(request)

    def has_view_permission(self, request, obj=None):
        return self._may(request)

    def has_add_permission(self, request):
        return self._may(request)

    def has_change_permission(self, request, obj=None):
        return self._may(request)

    def has_revoke_permission(self, request):
        return self._may(request)

    def has_delete_permission(self, request, obj=None):
        return False  # a key is revoked, and stays on record
