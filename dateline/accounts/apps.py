from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "dateline.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from dateline.accounts.roles import sync_roles

        post_migrate.connect(sync_roles, sender=self, dispatch_uid="dateline-sync-roles")
