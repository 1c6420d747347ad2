"""Numbers from requests: Unicode digits, overlong and overflowing ids are refused, never a 500."""

from __future__ import annotations

import pytest

from dateline.numbers import MAX_ID, parse

pytestmark = pytest.mark.django_db

ODD = ["²", "①", "١٢", "１２", "-1", "0x10", " 1", "1e3", "9" * 30, str(MAX_ID + 1), ""]


@pytest.mark.parametrize("text", ODD)
def test_only_plain_ascii_numbers_in_bounds_parse(text):
    assert parse(text, low=1) is None


def test_plain_numbers_parse_within_bounds():
    assert parse("42") == 42 and parse(str(MAX_ID)) == MAX_ID
    assert parse("5", high=4) is None and parse("0", low=1) is None


@pytest.mark.parametrize("odd", ODD)
def test_reader_addresses_answer_odd_numbers_without_an_error(client, story, odd):
    for path in (f"/en/world/?page={odd}", f"/en/discussion/{story.pk}/threads/?page={odd}",
                 f"/en/discussion/{story.pk}/since/?after={odd}",
                 f"/en/discussion/counts/?ids={odd}", f"/en/chats/general/older/?before={odd}"):
        assert client.get(path).status_code in (200, 400, 404), path


@pytest.mark.parametrize("odd_id", ["9" * 30, str(MAX_ID + 1), "00"])
def test_ids_in_addresses_that_overflow_are_not_found(client, editor, odd_id):
    assert client.get(f"/en/discussion/{odd_id}/").status_code == 404
    assert client.get(f"/preview/{odd_id}/").status_code in (302, 404)
    client.force_login(editor)
    # the desk's own screens find no such story: back to the list, with a message
    desk = client.get(f"/admin/newsroom/article/{odd_id}/revisions/", follow=True)
    assert desk.status_code == 200 and "doesn’t exist" in desk.content.decode()
