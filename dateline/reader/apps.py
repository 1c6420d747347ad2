from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReaderConfig(AppConfig):
    name = "dateline.reader"
    label = "reader"
    verbose_name = _("Reader's site")

    def ready(self) -> None:
        from dateline.reader import pagecache

        pagecache.connect()
