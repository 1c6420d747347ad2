from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "dateline.demo"
    label = "demo"
    verbose_name = _("Demo edition")

    def ready(self) -> None:
        from dateline.demo import wire
        from dateline.tasks import every

        every(wire.DELIVER_EVERY, wire.deliver)  # does nothing without the demo's feeds
