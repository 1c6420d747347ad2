"""Usernames that look like a taken one are refused; the desk's login is throttled."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "Reader-pass-2026!"


def register(client, username: str, email: str):
    return client.post("/en/account/signup/", {"username": username, "email": email,
                                               "password1": PASSWORD, "password2": PASSWORD})


@pytest.mark.parametrize("lookalike", ["Аdmin", "ａｄｍｉｎ", "adm1n", "ADMIN", "ad.min"])
def test_a_name_that_looks_like_a_taken_one_is_refused(client, django_user_model, lookalike):
    django_user_model.objects.create_user("admin", "admin@example.org", PASSWORD)
    response = register(client, lookalike, "new@example.org")
    page = response.content.decode()
    # refused with a message (the same name in other letter case is simply "taken")
    assert response.status_code == 200
    assert "looks too much like one" in page or "already exists" in page
    assert django_user_model.objects.count() == 1


def test_a_distinct_name_is_kept_normalised(client, django_user_model):
    register(client, "ｖｅｒａ", "vera@example.org")  # full-width letters
    assert django_user_model.objects.filter(username="vera").exists()


def test_the_desk_refuses_look_alike_names_too(client, chief, django_user_model):
    django_user_model.objects.create_user("elena", "e@example.org", PASSWORD)
    client.force_login(chief)
    form = {"username": "еlena", "password1": PASSWORD, "password2": PASSWORD,
            "usable_password": "true"}
    response = client.post("/admin/auth/user/add/", form)
    assert "looks too much like one" in response.content.decode()
    assert not django_user_model.objects.filter(username="еlena").exists()


def test_the_desk_login_is_throttled_like_the_sites(client, editor, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/key", "login": "30/m/ip"}
    # when someone tries wrong passwords for an editor at the desk's own login form
    for _ in range(6):
        client.post("/admin/login/", {"username": editor.username, "password": "wrong"})
    # then even the right one is refused for a while
    refused = client.post("/admin/login/", {"username": editor.username,
                                            "password": "desk-pass-2026"})
    assert refused.status_code == 429 and "_auth_user_id" not in client.session


def test_the_desk_login_works_and_forgives_earlier_mistakes(client, editor, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/key", "login": "30/m/ip"}
    for _ in range(3):
        client.post("/admin/login/", {"username": editor.username, "password": "wrong"})
    ok = client.post("/admin/login/", {"username": editor.username,
                                       "password": "desk-pass-2026"})
    assert ok.status_code == 302 and client.session["_auth_user_id"] == str(editor.pk)
