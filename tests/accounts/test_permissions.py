"""Who may do what on the desk, role by role: nobody but a superuser hands out power."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User

pytestmark = pytest.mark.django_db

ROLES = ["reporter", "editor", "chief", "moderator"]


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("vera", "vera@example.org", "reader-pass-26")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "root-pass-26")


def change_form(user: User) -> dict:
    return {"username": user.username, "email": user.email, "first_name": "", "last_name": "",
            "is_active": "on", "is_staff": "on", "is_superuser": "on",
            "date_joined_0": "2026-01-01", "date_joined_1": "10:00:00",
            "initial-date_joined_0": "2026-01-01", "initial-date_joined_1": "10:00:00"}


@pytest.mark.parametrize("role", ROLES)
def test_no_role_can_make_anyone_staff_or_superuser(client, request, role, reader):
    staff = request.getfixturevalue(role)
    client.force_login(staff)
    for target in (reader, staff):
        client.post(f"/admin/auth/user/{target.pk}/change/", change_form(target))
        target.refresh_from_db()
        assert not target.is_superuser
    reader.refresh_from_db()
    assert not reader.is_staff


@pytest.mark.parametrize("role", ROLES)
def test_no_role_sets_another_persons_password(client, request, role, reader, editor):
    staff = request.getfixturevalue(role)
    client.force_login(staff)
    for target in (reader, editor if staff != editor else reader):
        client.post(f"/admin/auth/user/{target.pk}/password/",
                    {"password1": "Taken-over-2026!", "password2": "Taken-over-2026!"})
        target.refresh_from_db()
        assert not target.check_password("Taken-over-2026!")


def test_a_chief_editor_manages_readers_but_not_other_staff(client, chief, reader, editor):
    client.force_login(chief)
    assert client.get(f"/admin/auth/user/{reader.pk}/change/").status_code == 200
    # another member of staff is shown, not editable: no address to send a reset to
    assert 'name="email"' not in client.get(f"/admin/auth/user/{editor.pk}/change/"
                                            ).content.decode()
    client.post(f"/admin/auth/user/{editor.pk}/change/",
                change_form(editor) | {"email": "mine@example.org"})
    editor.refresh_from_db()
    assert editor.email != "mine@example.org"
    form = change_form(reader) | {"email": "new@example.org"}
    client.post(f"/admin/auth/user/{reader.pk}/change/", form)
    reader.refresh_from_db()
    assert reader.email == "new@example.org" and not reader.is_staff


def test_a_superuser_grants_desk_access_and_roles(client, superuser, reader):
    client.force_login(superuser)
    form = change_form(reader) | {"is_superuser": "", "groups": [
        Group.objects.get(name="editor").pk]}
    assert client.post(f"/admin/auth/user/{reader.pk}/change/", form).status_code == 302
    reader.refresh_from_db()
    assert reader.is_staff and reader.groups.filter(name="editor").exists()


@pytest.mark.parametrize("role, sees", [("reporter", False), ("editor", False),
                                        ("chief", True), ("moderator", False)])
def test_only_chief_editors_see_the_audit_log_and_background_jobs(client, request, role, sees):
    client.force_login(request.getfixturevalue(role))
    for path in ("/admin/newsroom/auditentry/", "/admin/django_tasks_database/dbtaskresult/"):
        assert (client.get(path).status_code == 200) is sees, path


@pytest.mark.parametrize("role, may", [("reporter", False), ("editor", True),
                                       ("chief", True), ("moderator", True)])
def test_the_moderation_queue_is_for_moderators_and_editors(client, request, role, may):
    client.force_login(request.getfixturevalue(role))
    assert (client.get("/admin/moderation/").status_code == 200) is may
