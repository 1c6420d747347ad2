"""The desk's view of the sends: each issue's counts, a preview, a test send to oneself."""

from __future__ import annotations

import pytest

from dateline.subscriptions.models import Issue
from tests.subscriptions.conftest import html_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def alert(story):
    return Issue.objects.create(kind="alert", language="en", article=story,
                                subject="Breaking: Harbour opens night ferry", queued=120,
                                sent=117, failed=1, bounced=2, unsubscribed=3)


def test_a_chief_editor_sees_each_issues_counts_and_its_preview(client, chief, alert):
    client.force_login(chief)
    listing = client.get("/admin/subscriptions/issue/").content.decode()
    assert "Breaking: Harbour opens night ferry" in listing
    for figure in ("120", "117", "3"):
        assert f">{figure}<" in listing
    preview = client.get(f"/admin/subscriptions/issue/{alert.pk}/preview/")
    assert preview.status_code == 200 and "Harbour opens night ferry" in preview.content.decode()


def test_a_reporter_does_not_see_the_sends(client, reporter, alert):
    client.force_login(reporter)
    assert client.get("/admin/subscriptions/issue/").status_code == 403
    assert client.get(f"/admin/subscriptions/issue/{alert.pk}/preview/").status_code == 403


def test_a_test_send_reaches_the_editor_only(client, chief, alert, smtp):
    client.force_login(chief)
    response = client.post("/admin/subscriptions/issue/", {
        "action": "send_test", "_selected_action": [alert.pk]})
    assert response.status_code == 302
    (mail,) = smtp.to("chris@example.org")
    assert len(smtp.messages) == 1
    assert mail["Subject"] == alert.subject and "night ferry" in html_of(mail)
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
