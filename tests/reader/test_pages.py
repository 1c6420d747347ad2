"""What a reader sees on the home, section, story and tag pages, and what each page costs."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from dateline.newsroom.models import Article

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def test_story_page_shows_the_story_like_a_wire_site(client, story):
    # when a reader opens a story
    page = text(client.get(story.get_absolute_url()))
    # then headline, lead, wire dateline, body, tags, newsfeed and discussion are there
    assert "<h1 class=\"headline\">Harbour opens night ferry</h1>" in page
    assert story.lead in page
    day = story.published_at.strftime("%B ") + str(story.published_at.day)
    assert f"LISBON, {day} (Meridian Wire) -" in page
    assert "The ferry will run every hour." in page
    assert 'href="/en/tags/shipping/"' in page
    assert "Newsfeed" in page and "0 comments" in page
    assert "To participate in the discussion" in page
    assert 'href="/en/account/login/?next=/en/world/night-ferry/"' in page
    assert 'href="/en/account/signup/?next=/en/world/night-ferry/"' in page
    assert 'href="/en/world/rss/"' in page and 'href="/en/world/atom/"' in page


def test_russian_story_has_russian_dateline_and_interface(client, section_ru, make_article):
    article = make_article(section_ru, headline="Паром выходит в ночной рейс", slug="parom",
                           dateline_place="Лиссабон")
    page = text(client.get(article.get_absolute_url()))
    months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря"]
    day = f"{article.published_at.day} {months[article.published_at.month - 1]}"
    assert f"ЛИССАБОН, {day} (Меридиан) -" in page
    assert "Лента новостей" in page and "Подписаться" in page
    assert "0 комментариев" in page
    assert '<html lang="ru">' in page


def test_newsfeed_lists_the_latest_twenty_stories_newest_first(client, section, make_article):
    stories = [make_article(section) for _ in range(25)]
    # the column every page keeps room for, and the page it is filled from after load
    assert 'data-src="/en/newsfeed/"' in text(client.get("/en/"))
    page = text(client.get("/en/newsfeed/"))
    feed = page[page.index('class="newsfeed"'):]
    listed = re.findall(r'<li data-id="(\d+)">', feed)
    newest = sorted(stories, key=lambda a: a.published_at, reverse=True)[:20]
    assert listed == [str(a.pk) for a in newest]


def test_section_page_has_tagline_newest_first_and_pages(client, section, make_article):
    stories = [make_article(section) for _ in range(25)]
    page = text(client.get("/en/world/"))
    assert "What happened everywhere else today." in page
    main = page[page.index("<main"):page.index("</main>")]
    first_page = re.findall(
        r'<li class="story-item">\s*<h2 class="story-title"><a href="([^"]+)"', main)
    newest = sorted(stories, key=lambda a: a.published_at, reverse=True)
    assert first_page == [a.get_absolute_url() for a in newest[:20]]
    second = text(client.get("/en/world/?page=2"))
    assert newest[20].headline in second and newest[0].headline not in second.split("<aside")[0]


def test_home_shows_top_story_and_sections(client, section, make_article):
    from django.utils import timezone
    make_article(section, headline="An older story")
    make_article(section, headline="Top of the hour", published_at=timezone.now())
    page = text(client.get("/en/"))
    top = page[page.index('class="top-story"'):page.index("</article>")]
    assert "Top of the hour" in top and "An older story" not in top
    assert 'href="/en/world/"' in page


def test_tag_page_lists_tagged_stories_only(client, section, make_article, tag):
    tagged = make_article(section, headline="Tagged ferry story", tags=[tag])
    make_article(section, headline="Untagged bridge story")
    page = text(client.get("/en/tags/shipping/"))
    main = page[page.index("<main"):page.index("</main>")]
    assert tagged.headline in main and "Untagged bridge story" not in main


def test_drafts_and_embargoed_stories_are_invisible(client, section, make_article):
    from datetime import timedelta

    from django.utils import timezone
    draft = make_article(section, headline="Draft about dams", status=Article.Status.DRAFT,
                         published_at=None)
    embargoed = make_article(section, headline="Embargoed about dams",
                             published_at=timezone.now() + timedelta(hours=2))
    for url in ("/en/", "/en/world/", "/en/rss/", "/en/world/atom/"):
        body = text(client.get(url))
        assert "about dams" not in body, url
    assert client.get(f"/en/world/{draft.slug}/").status_code == 404
    assert client.get(f"/en/world/{embargoed.slug}/").status_code == 404


def test_story_links_its_translation_both_ways(client, section, section_ru, make_article):
    en = make_article(section, slug="ferry-en")
    ru = make_article(section_ru, slug="parom-ru", headline="Паром")
    Article.objects.filter(pk=en.pk).update(translation=ru)
    Article.objects.filter(pk=ru.pk).update(translation=en)
    page = text(client.get(en.get_absolute_url()))
    assert (f'<link rel="alternate" hreflang="ru" href="{settings.SITE_URL}/ru/world/parom-ru/">'
            in page)
    assert 'class="translation-link" href="/ru/world/parom-ru/"' in page
    # and the language switcher goes to the translation rather than the Russian home
    assert 'href="/ru/world/parom-ru/" hreflang="ru"' in page


def test_language_switcher_without_translation_goes_to_other_home(client, story):
    page = text(client.get(story.get_absolute_url()))
    assert 'href="/ru/" hreflang="ru" lang="ru" rel="alternate">Русский</a>' in page


def test_wrong_section_in_address_redirects_to_the_story(client, story):
    response = client.get("/en/other/night-ferry/")
    assert response.status_code == 301 and response["Location"] == "/en/world/night-ferry/"


def test_story_body_cannot_script_the_page(client, section, make_article):
    article = make_article(section, body='<p onclick="steal()">Hi<script>alert(1)</script></p>'
                           '<a href="javascript:alert(2)">x</a><img src=x onerror=alert(3)>')
    page = text(client.get(article.get_absolute_url()))
    body = page[page.index('class="story-body"'):page.index('class="discussion"')]
    assert "<script" not in body and "onclick" not in body and "javascript:" not in body
    assert "onerror" not in body
    assert "Hi" in body


@pytest.mark.parametrize("url", [
    "/en/nowhere/", "/en/world/no-such-story/", "/de/", "/xx/world/", "/en/tags/nothing/",
    "/en/world/?page=0", "/en/world/?page=-1", "/en/world/?page=abc",
    "/en/world/?page=1000000000", "/en/world/?page=99999999999999999999",
    "/en/world/?page=2", "/en/tags/shipping/?page=7", "/en/world/night-ferry/fragment/x/",
])
def test_bad_addresses_get_the_sites_404(client, story, url):
    # an unknown language prefix first tries the address in the default language
    response = client.get(url, follow=True)
    assert response.status_code == 404
    assert "Page not found" in text(response) or "Страница не найдена" in text(response)
    assert 'class="masthead"' in text(response)


def test_root_sends_reader_to_their_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")["Location"] == "/ru/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response["Location"] == "/en/" and "Accept-Language" in response["Vary"]


def test_next_story_link_is_the_next_older_story_of_the_section(client, section, make_article):
    from django.utils import timezone
    same_time = timezone.now().replace(microsecond=0)
    # three stories published in the same second must still come one after another
    a, b, c = (make_article(section, published_at=same_time) for _ in range(3))
    page = text(client.get(c.get_absolute_url()))
    assert f'rel="next" href="{b.get_absolute_url()}"' in page
    page = text(client.get(b.get_absolute_url()))
    assert f'rel="next" href="{a.get_absolute_url()}"' in page
    assert 'rel="next"' not in text(client.get(a.get_absolute_url())).split("<aside")[0]


def test_story_fragment_is_the_story_alone(client, story):
    response = client.get(f"{story.get_absolute_url()}fragment/")
    body = text(response)
    assert response.status_code == 200
    assert body.lstrip().startswith("<article") and "Newsfeed" not in body
    assert "Harbour opens night ferry" in body


def test_story_shows_its_corrections_with_their_time(client, story, editor):
    from django.utils import timezone

    from dateline.newsroom import actions
    correction = actions.add_correction(story, text="An earlier version misnamed the pier.",
                                        by=editor)
    page = text(client.get(story.get_absolute_url()))
    hhmm = timezone.localtime(correction.created_at).strftime("%H:%M")
    assert f"<strong>Updated {hhmm}:</strong> An earlier version misnamed the pier." in page


def test_an_old_address_of_a_moved_story_redirects_permanently(client, story, editor):
    from dateline.newsroom import actions
    story.slug = "night-ferry-doubles"
    actions.save_article(story, by=editor)
    response = client.get("/en/world/night-ferry/")
    assert response.status_code == 301
    assert response["Location"] == "/en/world/night-ferry-doubles/"
    assert client.get("/en/world/night-ferry-doubles/").status_code == 200


def test_an_old_address_of_an_unpublished_story_is_gone(client, story, editor):
    from dateline.newsroom import actions
    story.slug = "night-ferry-doubles"
    actions.save_article(story, by=editor)
    actions.unpublish_article(story, by=editor)
    assert client.get("/en/world/night-ferry/").status_code == 404


def test_breaking_story_leads_home_and_is_marked_in_the_newsfeed(client, section, make_article):
    from datetime import timedelta

    from django.utils import timezone
    make_article(section, headline="Flood barrier closes", is_breaking=True,
                 published_at=timezone.now() - timedelta(hours=1))
    make_article(section, headline="Later routine story")
    page = text(client.get("/en/"))
    top = page[page.index('class="top-story'):page.index("</article>")]
    assert "Flood barrier closes" in top and "Breaking" in top
    feed = text(client.get("/en/newsfeed/"))
    assert 'class="breaking-item"' in feed


def test_sitemap_lists_public_stories_only(client, story, section, make_article):
    from datetime import timedelta

    from django.utils import timezone
    make_article(section, slug="embargoed", status=Article.Status.SCHEDULED,
                 published_at=timezone.now() + timedelta(hours=1))
    index = text(client.get("/sitemap.xml"))
    assert "sitemap-stories.xml" in index
    stories = text(client.get("/sitemap-stories.xml"))
    assert "/en/world/night-ferry/" in stories and "embargoed" not in stories


def test_the_error_page_answers_even_when_it_cannot_render(rf, monkeypatch):
    from dateline.reader import views

    def broken(*args, **kwargs):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr(views, "render", broken)
    response = views.server_error(rf.get("/en/"))
    assert response.status_code == 500 and b"Server error" in response.content
