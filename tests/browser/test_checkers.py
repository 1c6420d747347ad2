"""Every page type, in both languages, judged by checkers nobody here wrote: axe-core in
Chromium on a phone, Lighthouse's touch-target rule, and the Nu HTML checker on the HTML the
server sent.

A new page type is one line in READER_PAGES or DESK_PAGES: a name and its address, or a
function of the edition (and the language) that returns the address.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Browser, Page

from dateline.chats.actions import sync_rooms
from dateline.demo.pictures import CREDIT, PICTURES, draw
from dateline.newsroom.actions import save_article, upload_lead_image
from dateline.newsroom.models import Article, Author, Section, Tag
from tests.browser.checkers import (
    PHONE,
    NuChecker,
    assert_accessible,
    assert_touch_targets,
    assert_valid_html,
)
from tests.browser.conftest import contexts_on

pytestmark = pytest.mark.browser


@dataclass
class Edition:
    """A small edition in both languages: a section, a tag, a story with a lead image and
    one without, each translated."""

    sections: dict[str, Section]
    tags: dict[str, Tag]
    pictured: dict[str, Article]
    plain: dict[str, Article]
    author: Author


def _day(edition: Edition, lang: str, name: str) -> str:
    """The archive's address of the day (or month) the edition's stories appeared."""
    day = timezone.localdate(edition.plain[lang].published_at)
    parts = [day.year, f"{day.month:02d}"] + ([f"{day.day:02d}"] if name.endswith("day") else [])
    with translation.override(lang):
        return reverse(name, args=parts)


Address = str | Callable[[Edition, str], str]
ANONYMOUS, READER, EDITOR = "anonymous", "reader", "editor"

# (name, address, who looks at it); an address may hold {lang}
READER_PAGES: list[tuple[str, Address, str]] = [
    ("home", "/{lang}/", ANONYMOUS),
    ("section", lambda e, lang: e.sections[lang].get_absolute_url(), ANONYMOUS),
    ("story with a lead image", lambda e, lang: e.pictured[lang].get_absolute_url(), ANONYMOUS),
    ("story without a lead image", lambda e, lang: e.plain[lang].get_absolute_url(), ANONYMOUS),
    ("tag", lambda e, lang: e.tags[lang].get_absolute_url(), ANONYMOUS),
    ("discussion", lambda e, lang: f"/{lang}/discussion/{e.plain[lang].pk}/", ANONYMOUS),
    ("chats", "/{lang}/chats/", ANONYMOUS),
    ("chat room", "/{lang}/chats/general/", READER),
    ("log in", "/{lang}/account/login/", ANONYMOUS),
    ("register", "/{lang}/account/signup/", ANONYMOUS),
    ("account settings", "/{lang}/account/settings/", READER),
    ("notifications", "/{lang}/account/notifications/", READER),
    ("not found", "/{lang}/no-such-section/", ANONYMOUS),
    ("archive month", lambda e, lang: _day(e, lang, "reader:archive_month"), ANONYMOUS),
    ("archive day", lambda e, lang: _day(e, lang, "reader:archive_day"), ANONYMOUS),
    ("author", lambda e, lang: e.author.url_in(lang), ANONYMOUS),
    ("search results", "/{lang}/search/?q=ferry", ANONYMOUS),
    ("search, nothing asked", "/{lang}/search/", ANONYMOUS),
]
DESK_PAGES: list[tuple[str, Address, str]] = [
    ("desk story list", "/admin/newsroom/article/", EDITOR),
    ("desk story editor", lambda e, lang: f"/admin/newsroom/article/{e.pictured[lang].pk}/change/",
     EDITOR),
    ("desk new story", "/admin/newsroom/article/add/", EDITOR),
    ("desk analytics", "/admin/analytics/", EDITOR),
]
LANGUAGES = ["en", "ru"]
# Lighthouse's 48 px rule is for the reader's site, which people read on phones; the desk is
# Django's admin, used at a desk, and held to axe's WCAG 2.2 rule of 24 px instead.
CASES = [pytest.param(name, address, who, lang, pages is READER_PAGES, id=f"{name}-{lang}")
         for pages in (READER_PAGES, DESK_PAGES) for name, address, who in pages
         for lang in LANGUAGES]


@pytest.fixture(scope="session")
def nu_checker() -> Iterator[NuChecker]:
    checker = NuChecker().start()
    yield checker
    checker.stop()


@pytest.fixture
def edition(section: Section, section_ru: Section, make_article, agency) -> Edition:
    tags = {"en": Tag.objects.create(name="Shipping", slug="shipping", language="en"),
            "ru": Tag.objects.create(name="Судоходство", slug="sudokhodstvo", language="ru")}
    sections = {"en": section, "ru": section_ru}
    picture = PICTURES[0]
    png = draw(picture, seed=1)
    stories: dict[str, dict[str, Article]] = {"pictured": {}, "plain": {}}
    for lang in LANGUAGES:
        image = upload_lead_image(
            SimpleUploadedFile("world.png", png, "image/png"), alt=picture.alt[lang],
            caption=picture.caption[lang], credit=CREDIT[lang], by=None)
        for kind in stories:
            stories[kind][lang] = make_article(
                sections[lang], slug=f"{kind}-{lang}", tags=[tags[lang]],
                lead_image=image if kind == "pictured" else None)
    for kind in stories:
        english, russian = stories[kind]["en"], stories[kind]["ru"]
        Article.objects.filter(pk=english.pk).update(translation=russian)
        Article.objects.filter(pk=russian.pk).update(translation=english)
    author = Author.objects.create(name="Marta Oliveira", name_ru="Марта Оливейра",
                                   slug="marta-oliveira", bio="Covers the harbour.",
                                   bio_ru="Пишет о порте.")
    for kind in stories:
        for story in stories[kind].values():
            save_article(story, by=None, authors=[author])
    sync_rooms()
    return Edition(sections, tags, stories["pictured"], stories["plain"], author)


def session_cookie(user: User, domain: str) -> dict:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    return {"name": "sessionid", "value": cookie.value, "domain": domain, "path": "/"}


@pytest.fixture
def visit(browser: Browser, live_server, transactional_db, editor: User,
          django_user_model) -> Iterator[Callable[[str, str, str], tuple[Page, str]]]:
    """Open an address on a phone as someone, in a language: the page and the HTML sent."""
    reader = django_user_model.objects.create_user("vera", "vera@example.org", "reader-pass-26")
    people = {READER: reader, EDITOR: editor}
    with contexts_on(browser, live_server.url) as new_context:

        def open_page(path: str, who: str, lang: str) -> tuple[Page, str]:
            context = new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  locale="ru-RU" if lang == "ru" else "en-GB")
            if who in people:
                context.add_cookies([session_cookie(people[who], "localhost")])
            page = context.new_page()
            response = page.goto(path)
            assert response is not None
            page.wait_for_load_state("networkidle")
            return page, response.text()

        yield open_page


@pytest.mark.parametrize(("name", "address", "who", "lang", "for_phones"), CASES)
def test_page_passes_the_outside_checkers(name: str, address: Address, who: str, lang: str,
                                          for_phones: bool, edition: Edition, visit,
                                          nu_checker: NuChecker) -> None:
    # given a page of the edition as someone sees it on a phone
    path = address.format(lang=lang) if isinstance(address, str) else address(edition, lang)
    page, html = visit(path, who, lang)

    # then the page is what it claims, and every checker passes it
    assert page.locator("html").get_attribute("lang") == lang
    assert_accessible(page)
    if for_phones:
        assert_touch_targets(page)
    assert_valid_html(html, nu_checker, name=f"{name} ({lang}, {path})")
