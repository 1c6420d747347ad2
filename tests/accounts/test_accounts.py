"""Readers register, confirm their email, log in and out and reset a password, in both languages."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"https?://[^\s]+", message.body).group(0)


def register(client, language="en", name="olga", email="olga@example.org"):
    return client.post(f"/{language}/account/signup/", {
        "username": name, "email": email,
        "password1": "harbour-lights-42", "password2": "harbour-lights-42",
    })


def test_register_confirm_and_log_in(client):
    # given a new reader registers
    response = register(client)
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "olga@example.org" in mail.outbox[0].to
    # when they open the confirmation link and confirm
    url = link_in(mail.outbox[0]).split("testserver", 1)[-1]
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    # then they are logged in and the account endpoint knows them
    me = client.get("/en/account/me/").json()
    assert me["authenticated"] and me["name"] == "olga"
    assert me["logout_url"] == "/en/account/logout/" and me["is_staff"] is False
    # the notices shared pages cannot show are handed over once
    assert any("olga" in notice for notice in me["notices"])
    assert client.get("/en/account/me/").json()["notices"] == []


def test_unconfirmed_reader_cannot_log_in(client):
    register(client)
    other = Client()
    response = other.post("/en/account/login/", {"login": "olga",
                                                 "password": "harbour-lights-42"})
    assert other.get("/en/account/me/").json()["authenticated"] is False
    assert response.status_code == 302 and "confirm-email" in response["Location"]


def test_log_in_and_out(client):
    user = get_user_model().objects.create_user("pavel", "pavel@example.org", "quiet-river-77")
    user.emailaddress_set.create(email="pavel@example.org", verified=True, primary=True)
    response = client.post("/en/account/login/", {"login": "pavel@example.org",
                                                   "password": "quiet-river-77"})
    assert response.status_code == 302
    assert client.get("/en/account/me/").json()["name"] == "pavel"
    client.post("/en/account/logout/")
    assert client.get("/en/account/me/").json()["authenticated"] is False


def test_wrong_password_is_refused_with_a_message(client):
    get_user_model().objects.create_user("pavel", "pavel@example.org", "quiet-river-77")
    response = client.post("/en/account/login/", {"login": "pavel", "password": "nope"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()


def test_password_reset_mails_a_working_link(client):
    user = get_user_model().objects.create_user("pavel", "pavel@example.org", "quiet-river-77")
    user.emailaddress_set.create(email="pavel@example.org", verified=True, primary=True)
    client.post("/en/account/password/reset/", {"email": "pavel@example.org"})
    assert len(mail.outbox) == 1
    url = link_in(mail.outbox[0]).split("testserver", 1)[-1]
    opened = client.get(url, follow=True)  # the key moves from the address into the session
    form_url = opened.redirect_chain[-1][0] if opened.redirect_chain else url
    response = client.post(form_url, {"password1": "new-harbour-88", "password2": "new-harbour-88"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("new-harbour-88")


def test_account_pages_speak_russian(client):
    page = client.get("/ru/account/signup/").content.decode()
    assert "Регистрация" in page
    assert '<html lang="ru">' in page
    register(client, language="ru", name="ivan", email="ivan@example.org")
    assert "ivan@example.org" in mail.outbox[0].to


def test_me_is_private_and_never_cached(client):
    response = client.get("/en/account/me/")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_tampered_csrf_token_gets_a_clear_403_page(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/account/login/", {"login": "x", "password": "y",
                                                  "csrfmiddlewaretoken": "forged"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "This form has expired or was not sent from this site" in page
    assert 'class="masthead"' in page
