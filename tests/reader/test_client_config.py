"""The config every page hands its scripts: URLs, limits and strings in the page's language."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def config(client, url: str) -> dict:
    page = client.get(url).content.decode()
    found = re.findall(r'<script id="dateline-config" type="application/json">(.*?)</script>',
                       page)
    assert len(found) == 1, "one config per page"
    return json.loads(found[0])


def test_a_story_page_carries_urls_limits_and_the_last_event(client, story):
    # when a reader opens a story
    got = config(client, story.get_absolute_url())
    # then its scripts find their addresses, with holes for the values they fill in
    assert got["language"] == "en" and got["page"] == ""
    assert got["urls"]["live"] == "/ws/live/"
    assert got["urls"]["accounts:me"] == "/en/account/me/"
    assert got["urls"]["discussion:since"] == "/en/discussion/{article}/since/"
    assert got["urls"]["discussion:like"] == "/en/discussion/comment/{comment}/like/"
    assert got["urls"]["chats:older"] == "/en/chats/{room}/older/"
    assert got["limits"] == {"comment": 2000, "comment_edit_minutes": 10,
                             "heartbeat_seconds": 25, "poll_seconds": 15}
    assert isinstance(got["last_event"], int)


def test_home_and_section_pages_say_which_new_stories_they_list(client, section, story):
    assert (config(client, "/en/")["page"], config(client, "/en/")["section"]) == ("home", None)
    listing = config(client, section.get_absolute_url())
    assert (listing["page"], listing["section"]) == ("section", section.pk)


def test_a_russian_page_carries_russian_strings_and_every_plural_form(client, section_ru):
    # when a reader opens the Russian chat room
    strings = config(client, "/ru/chats/general/")["strings"]
    # then the scripts' words are Russian, from the project catalog
    assert strings["Report"] == "Пожаловаться"
    assert strings["Reconnecting… try again in a moment."] == (
        "Переподключаемся… попробуйте через мгновение.")
    assert strings["New stories: %(count)s. Show them"] == "Новых материалов: %(count)s. Показать"
    # and a plural message has each form under a count that takes it
    assert strings["%(counter)s like"] == {"0": "%(counter)s отметок", "1": "%(counter)s отметка",
                                           "2": "%(counter)s отметки"}

