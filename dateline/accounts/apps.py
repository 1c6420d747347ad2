from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "dateline.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_migrate, post_save

        from dateline.accounts import names
        from dateline.accounts.roles import sync_roles

        post_migrate.connect(sync_roles, sender=self, dispatch_uid="dateline-sync-roles")
        post_save.connect(names.remember, sender=get_user_model(),
                          dispatch_uid="dateline-username-key")
