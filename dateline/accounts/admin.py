"""Accounts on the desk: who may change whom.

Only a superuser grants desk access, roles or superuser rights, sets another person's
password, or changes another member of staff: a chief editor with the right to change users
manages readers' accounts and their own, and nothing that would let them take over someone
else's (an address to reset a password to, a password, a role).
"""

from __future__ import annotations

from allauth.core import ratelimit
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from dateline.accounts import names

GRANTS = ("is_staff", "is_superuser", "groups", "user_permissions")


def _may_change(by, user) -> bool:
    return by.is_superuser or user.pk == by.pk or not (user.is_staff or user.is_superuser)


class DistinctNames:
    """Desk forms refuse look-alike usernames as registration does."""

    def clean_username(self):
        user_pk = self.instance.pk if self.instance else None
        return names.check_distinct(self.cleaned_data["username"], user_pk=user_pk)


class NewUserForm(DistinctNames, AdminUserCreationForm):
    pass


class ChangeUserForm(DistinctNames, UserChangeForm):
    pass


admin.site.unregister(User)


@admin.register(User)
class DeskUserAdmin(UserAdmin):
    form, add_form = ChangeUserForm, NewUserForm

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return fields if request.user.is_superuser else (*fields, *GRANTS)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or _may_change(request.user, obj))

    def user_change_password(self, request, id, form_url=""):
        user = self.get_object(request, id)
        if user is not None and not (request.user.is_superuser or user.pk == request.user.pk):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)


def desk_login(request, extra_context=None):
    """The desk's login form, under the same rate limits as the site's (allauth's): wrong
    passwords for one name, and attempts from one address, are soon refused (429)."""
    if request.method == "POST":
        key = request.POST.get("username", "").strip().lower()
        if not (ratelimit.consume(request, action="login")
                and ratelimit.consume(request, action="login_failed", key=key)):
            return ratelimit.respond_429(request)
        response = _admin_login(request, extra_context)
        if response.status_code == 302:  # in: the failures before it are forgiven
            ratelimit.clear(request, action="login_failed", key=key)
        return response
    return _admin_login(request, extra_context)


_admin_login = admin.site.login
admin.site.login = desk_login
