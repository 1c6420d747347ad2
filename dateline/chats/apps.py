from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChatsConfig(AppConfig):
    name = "dateline.chats"
    label = "chats"
    verbose_name = _("Chats")

    def ready(self) -> None:
        from dateline.chats import actions, sockets
        from dateline.chats.held import Messages
        from dateline.events import SiteChanged, listen
        from dateline.moderation.sources import register

        sockets.register()
        register(Messages())
        listen(SiteChanged, actions.rooms_follow_sections)
