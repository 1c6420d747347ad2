from __future__ import annotations

import pytest

from dateline.discussion.models import Comment


@pytest.fixture
def make_reader(django_user_model):
    def make(name: str):
        user = django_user_model.objects.create_user(name, f"{name}@example.org",
                                                     "reader-pass-2026")
        return user

    return make


@pytest.fixture
def anna(make_reader):
    return make_reader("anna")


@pytest.fixture
def boris(make_reader):
    return make_reader("boris")


@pytest.fixture(autouse=True)
def _no_new_account_hold(monkeypatch, request):
    """Most tests are about other rules; the new-account hold has its own tests."""
    if "new_account_hold" not in request.keywords:
        monkeypatch.setattr("dateline.discussion.actions.NEW_ACCOUNT_HELD", 0)


def visible(article) -> list[str]:
    return list(Comment.objects.filter(article=article, status=Comment.Status.VISIBLE)
                .order_by("id").values_list("body", flat=True))
