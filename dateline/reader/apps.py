from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReaderConfig(AppConfig):
    name = "dateline.reader"
    label = "reader"
    verbose_name = _("Reader's site")

    def ready(self) -> None:
        from dateline.reader import frontcache, pagecache
        from dateline.reader.stale import pages_stale

        pagecache.connect()
        pages_stale.connect(frontcache.pages_went_stale, dispatch_uid="dateline-front-cache")
