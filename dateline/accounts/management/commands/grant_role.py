"""`dateline grant_role USER ROLE`: make someone a reporter, editor or chief editor."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from dateline.accounts.roles import ROLES


class Command(BaseCommand):
    help = "Give a user a newsroom role (reporter, editor, chief editor); --revoke takes it."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=sorted(ROLES))
        parser.add_argument("--revoke", action="store_true")

    @transaction.atomic
    def handle(self, *args, username, role, revoke, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        group = Group.objects.get(name=role)
        if revoke:
            user.groups.remove(group)
            self.stdout.write(f"{username} is no longer {role}.")
            return
        user.groups.add(group)
        if not user.is_staff:  # the desk is in the admin, which only staff may enter
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        self.stdout.write(f"{username} is now {role}.")
