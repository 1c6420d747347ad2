from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WireConfig(AppConfig):
    name = "dateline.wire"
    label = "wire"
    verbose_name = _("Wire")
    default_auto_field = "django.db.models.BigAutoField"
