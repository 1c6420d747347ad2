"""allauth, as Dateline wants it: usernames normalised and no look-alikes of a taken one."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter

from dateline.accounts import names


class AccountAdapter(DefaultAccountAdapter):
    def clean_username(self, username, shallow=False):
        username = super().clean_username(names.normalised(username), shallow=shallow)
        return username if shallow else names.check_distinct(username)
