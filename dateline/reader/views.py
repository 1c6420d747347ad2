"""The public site. It holds no data of its own: every read goes through newsroom selectors."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_from_request
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.static import serve

from dateline.analytics.selectors import most_read
from dateline.newsroom import selectors
from dateline.reader import found, pagekeys
from dateline.reader.pagecache import fragment, public_page

log = logging.getLogger(__name__)


def _page(request: HttpRequest, template: str, context: dict, *, status: int = 200,
          newsfeed: bool = True) -> HttpResponse:
    """Render a reader's page inside the frame (menu, newsfeed column) every page shares. The
    Newsfeed is filled after load (newsfeed.js), so that a publication makes stale the pages
    that list the story, not every page that has the column."""
    language = get_language()
    current = context.get("current_section")
    context["nav_html"] = mark_safe(fragment(  # noqa: S308 - our own rendered template
        f"nav:{language}:{current.pk if current else 0}",
        lambda: render_to_string("reader/_sections_nav.html", {
            "sections": context.get("sections") or selectors.menu_sections(language=language),
            "current_section": current,
        })))
    context["newsfeed"] = newsfeed
    return render(request, template, context, status=status)


@public_page
def newsfeed(request: HttpRequest) -> HttpResponse:
    """The edition's newest stories as a page: what the Newsfeed column shows, fetched by it
    after load, and where its link takes a reader without JavaScript."""
    language = get_language()
    items = selectors.newsfeed(language=language)
    pagekeys.shows(pagekeys.latest(language), stories=items)
    return _page(request, "reader/newsfeed.html", {
        "items": items, "canonical_url": reverse("reader:newsfeed"),
    }, newsfeed=False)


@public_page
def home(request: HttpRequest) -> HttpResponse:
    language = get_language()
    sections = selectors.menu_sections(language=language)
    front = selectors.front_page(language=language, sections=sections)
    read_most = most_read(language=language)
    pagekeys.shows(pagekeys.latest(language), stories=[front["top"], *read_most, *(
        story for _section, stories in front["by_section"] for story in stories)])
    here = request.path
    return _page(request, "reader/home.html", {
        "sections": sections, **front,
        "hreflangs": found.alternates(language, here, {_other_language(): f"/{_other_language()}/"},
                                      default="/"),
        "share": {"title": found.SITE_NAME, "description": _("News as it happens, in English "
                                                              "and Russian."),
                  "image": found.share_image()},
        "structured_data": [found.website(language, search=reverse("reader:search"))],
        "most_read": read_most,
    })


@public_page(reads=("page",))
def section(request: HttpRequest, section: str) -> HttpResponse:
    language = get_language()
    current = selectors.section_by_slug(section, language=language)
    page = selectors.paginate(selectors.section_articles(current), request.GET.get("page"),
                              count=current.story_count)
    other = _other_language()
    counterpart = selectors.section_in_language(current.slug, language=other)
    alternate = counterpart.get_absolute_url() if counterpart else None
    read_most = most_read(language=language, section=current)
    pagekeys.shows(pagekeys.section(current.pk), stories=[*page.object_list, *read_most])
    return _page(request, "reader/section.html", {
        "section": current, "page": page, "current_section": current,
        "alternate_url": alternate, "canonical_url": _paged(current.get_absolute_url(), page),
        "hreflangs": found.alternates(language, current.get_absolute_url(), {other: alternate}),
        "share": {"title": current.name, "description": current.tagline,
                  "image": found.share_image()},
        "structured_data": found.section_data(current),
        "most_read": read_most,
    })


@public_page(reads=("page",))
def tag(request: HttpRequest, tag: str) -> HttpResponse:
    current = selectors.tag_by_slug(tag, language=get_language())
    page = selectors.paginate(selectors.tag_articles(current), request.GET.get("page"),
                              count=current.story_count)
    pagekeys.shows(pagekeys.tag(current.pk), stories=page.object_list)
    return _page(request, "reader/tag.html", {
        "tag": current, "page": page,
        "canonical_url": _paged(current.get_absolute_url(), page),
        "share": {"title": current.name, "image": found.share_image()},
    })


def _story(request: HttpRequest, section: str, slug: str):
    try:
        article = selectors.article_for_reading(language=get_language(), slug=slug)
    except Http404:
        moved = selectors.moved_article(language=get_language(), section=section, slug=slug)
        if moved is None:
            raise
        return moved, HttpResponsePermanentRedirect(moved.get_absolute_url())
    if article.section.slug != section:
        return article, HttpResponsePermanentRedirect(article.get_absolute_url())
    return article, None


@public_page
def article(request: HttpRequest, section: str, slug: str) -> HttpResponse:
    story, redirect = _story(request, section, slug)
    if redirect:
        return redirect
    alternate = story.translation.get_absolute_url() if story.translation else None
    following = selectors.next_article(story)
    pagekeys.of_story(story)
    pagekeys.shows(stories=[following])
    return _page(request, "reader/article.html", {
        "article": story, "current_section": story.section,
        "next": following, "alternate_url": alternate,
        "canonical_url": story.get_absolute_url(),
        "hreflangs": found.alternates(story.language, story.get_absolute_url(),
                                      {_other_language(): alternate}),
        "share": _story_share(story),
        "structured_data": found.story_data(story),
    })


def _story_share(story) -> dict:
    return {"type": "article", "title": story.headline, "description": story.lead,
            "image": found.share_image(story), "section": story.section.name,
            "published": story.published_at.isoformat(),
            "modified": max(story.updated_at, story.published_at).isoformat(),
            "tags": [tag.name for tag in story.tags.all()]}


def _paged(path: str, page) -> str:
    """A list's own address: its page number is part of it, other parameters are not."""
    return f"{path}?page={page.number}" if page.number > 1 else path


@public_page
def article_fragment(request: HttpRequest, section: str, slug: str) -> HttpResponse:
    """The story alone, for the endless scroll to append below the one being read."""
    story, redirect = _story(request, section, slug)
    if redirect:
        return redirect
    following = selectors.next_article(story)
    pagekeys.of_story(story)
    pagekeys.shows(stories=[following])
    return render(request, "reader/_story.html", {
        "article": story, "next": following, "fragment": True,
    })


@never_cache
@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """An unpublished story exactly as readers will see it, for the desk only."""
    if not request.user.has_perm("newsroom.view_article"):
        raise PermissionDenied
    story = selectors.article_for_preview(pk)
    if not (request.user.has_perm("newsroom.edit_any_article") or story.is_public
            or story.author_id == request.user.pk):
        raise PermissionDenied  # a reporter previews their own stories only
    with translation.override(story.language):
        response = _page(request, "reader/article.html", {
            "article": story, "current_section": story.section, "preview": True,
            "alternate_url": None, "no_canonical": True,
        })
    response["X-Robots-Tag"] = "noindex"
    return response


def _other_language() -> str:
    return "ru" if get_language() == "en" else "en"


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "404.html", {}, status=404, newsfeed=False)


def server_error(request: HttpRequest) -> HttpResponse:
    # No database here: the error may be the database.
    try:
        return render(request, "500.html", {}, status=500)
    except Exception:  # the page itself failed too (say, static files never collected)
        log.exception("the server error page could not be rendered")
        return HttpResponse(PLAIN_SERVER_ERROR, status=500)


PLAIN_SERVER_ERROR = ('<!doctype html><html lang="en"><meta charset="utf-8">'
                      "<title>Server error</title><h1>Server error</h1>"
                      "<p>Something went wrong on our side. Please try again in a moment.</p>")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", {}, status=403)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", {}, status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", {}, status=400)


def choose_language(request: HttpRequest) -> HttpResponse:
    """`/` sends a reader to the edition in the language their browser prefers."""
    response = redirect(f"/{get_language_from_request(request, check_path=False)}/")
    patch_vary_headers(response, ("Accept-Language",))
    return response


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /en/account/",
             "Disallow: /ru/account/", "",
             f"Sitemap: {found.absolute(reverse('sitemap_index'))}",
             f"Sitemap: {found.absolute(reverse('news_sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


MEDIA_PATH_MAX = 255


def media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded images, for a single-machine site; a proxy or CDN serves them in production."""
    if len(path) > MEDIA_PATH_MAX:
        raise Http404("no such file")  # no file of ours has a name this long
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:  # a name the file system refuses (too long, invalid)
        raise Http404("no such file") from error
    response["Cache-Control"] = "public, max-age=86400"
    return response
