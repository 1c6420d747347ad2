from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dateline.subscriptions import actions, bounces


class Command(BaseCommand):
    help = _("Suppress the addresses that hard bounces and complaints in an mbox file report.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("mbox", type=Path)

    def handle(self, *args, mbox: Path, **options) -> None:
        if not mbox.is_file():
            raise CommandError(_("No mailbox file at %(path)s") % {"path": mbox})
        found = bounces.read_mailbox(mbox)
        suppressed = sum(actions.suppress_address(r.address, reason=r.reason,
                                                  message_id=r.message_id) for r in found)
        self.stdout.write(_("%(reports)d reports read, %(suppressed)d addresses suppressed.")
                          % {"reports": len(found), "suppressed": suppressed})
