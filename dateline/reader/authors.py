"""An author's page and feeds: who they are, in the reader's language, and their stories."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from dateline.newsroom import selectors
from dateline.reader import feeds, found, pagekeys
from dateline.reader.pagecache import public_page
from dateline.reader.views import _page, _paged

FEED_SIZE = 30


def _profile(author, language: str) -> dict:
    person = {"@type": "Person", "name": author.name_in(language),
              "url": found.absolute(author.url_in(language))}
    if author.bio_in(language):
        person["description"] = author.bio_in(language)
    if author.photo is not None and author.photo.renditions:
        person["image"] = found.absolute(author.photo.default["url"])
    return {"@context": "https://schema.org", "@type": "ProfilePage", "mainEntity": person}


@public_page(reads=("page",))
def author(request: HttpRequest, author: str) -> HttpResponse:
    language = get_language()
    person = selectors.author_by_slug(author)
    page = selectors.paginate(selectors.author_articles(person, language=language),
                              request.GET.get("page"))
    pagekeys.shows(pagekeys.author(person.pk), stories=page.object_list)
    name = person.name_in(language)
    return _page(request, "reader/author.html", {
        "author": person, "name": name, "bio": person.bio_in(language), "page": page,
        "canonical_url": _paged(person.url_in(language), page),
        "share": {"type": "profile", "title": name, "description": person.bio_in(language),
                  "image": found.share_image()},
        "structured_data": [_profile(person, language)],
    })


class AuthorRss(feeds.LatestRss):
    """An author's newest stories in the edition's language, naming the hubs like every feed."""

    def get_object(self, request, author):
        return selectors.author_by_slug(author)

    def title(self, obj):
        return _("%(name)s — Dateline") % {"name": obj.name_in(get_language())}

    def link(self, obj):
        return obj.url_in(get_language())

    def description(self, obj):
        return obj.bio_in(get_language()) or self.title(obj)

    def items(self, obj):
        items = list(selectors.author_articles(obj, language=get_language())[:FEED_SIZE])
        pagekeys.shows(pagekeys.author(obj.pk), stories=items)
        return items


class AuthorAtom(AuthorRss):
    feed_type = feeds.HubbedAtom
    subtitle = AuthorRss.description
