from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WireConfig(AppConfig):
    name = "dateline.wire"
    label = "wire"
    verbose_name = _("Wire")

    def ready(self) -> None:
        from dateline import sockets
        from dateline.newsroom.desk import panels
        from dateline.tasks import every
        from dateline.wire import desk, tasks

        every(tasks.CHECK_EVERY, tasks.check_feeds)
        every(tasks.PRUNE_EVERY, tasks.prune_deliveries)
        # the monitor follows its agencies' items over the page's socket: the desk's alone
        panels.add(desk.source_panel)  # a story's desk page names the item it came from
        sockets.add_family(sockets.Family(prefix="wire.", may_join=desk.agencies_exist,
                                          permission=desk.PERMISSION))
