"""What search engines and social networks read from a page: schema.org JSON-LD, Open Graph
and Twitter card tags, canonical and hreflang links.

Every address here is absolute and built from SITE_URL, never from the request's Host: the
page is stored and served to everyone (see address.py). The data is built from what the page
already loaded, so it costs no query of its own, except the wire item a story came from.
"""

from __future__ import annotations

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from dateline.wire import selectors as wire_selectors

SITE_NAME = "Dateline"
LOGO = ("reader/logo.png", 600, 60)
DEFAULT_IMAGE = ("reader/og-default.png", 1200, 630)
HEADLINE_LIMIT = 110  # what search engines show of a NewsArticle's headline


def absolute(path: str) -> str:
    """path ("/en/...", or an address already absolute) as the site's full address."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def _image(path: str, width: int, height: int) -> dict:
    return {"@type": "ImageObject", "url": absolute(static(path)), "width": width,
            "height": height}


def publisher() -> dict:
    return {"@type": "NewsMediaOrganization", "name": SITE_NAME, "url": absolute("/"),
            "logo": _image(*LOGO)}


def lead_image(article) -> dict | None:
    """The story's lead image: its largest rendition, with its alt text, or None."""
    image = article.lead_image
    if image is None or not image.renditions:
        return None
    largest = max(image.renditions, key=lambda r: r["width"])
    return {"url": absolute(largest["url"]), "width": largest["width"],
            "height": largest["height"], "alt": image.alt}


def share_image(article=None) -> dict:
    """The image a share card shows: the lead image, else the site's own card."""
    found = lead_image(article) if article is not None else None
    if found is not None:
        return found
    path, width, height = DEFAULT_IMAGE
    return {"url": absolute(static(path)), "width": width, "height": height, "alt": SITE_NAME}


def _home_url(language: str) -> str:
    with override(language):
        return absolute(reverse("reader:home"))


def breadcrumbs(*steps: tuple[str, str]) -> dict:
    """A BreadcrumbList of (name, absolute address) from the home page down."""
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": n, "name": name, "item": url}
        for n, (name, url) in enumerate(steps, start=1)]}


def website(language: str, *, search: str | None = None) -> dict:
    """The edition as a WebSite; with search (the search page's address), the search a
    reader can start from a search engine's results."""
    data = {"@context": "https://schema.org", "@type": "WebSite", "name": SITE_NAME,
            "url": _home_url(language), "inLanguage": language, "publisher": publisher()}
    if search:
        data["potentialAction"] = {
            "@type": "SearchAction", "query-input": "required name=search_term_string",
            "target": {"@type": "EntryPoint",
                       "urlTemplate": absolute(search) + "?q={search_term_string}"}}
    return data


def section_data(section) -> list[dict]:
    return [breadcrumbs((_("Home"), _home_url(section.language)),
                        (section.name, absolute(section.get_absolute_url())))]


def _author(article) -> list[dict]:
    authors = article.credited_authors()
    if authors:
        return [{"@type": "Person", "name": author.name_in(article.language),
                 "url": absolute(author.url_in(article.language))} for author in authors]
    if article.byline:
        return [{"@type": "Person", "name": article.byline}]
    if article.agency is not None:
        return [{"@type": "Organization", "name": article.agency_credit}]
    return [{"@type": "Organization", "name": SITE_NAME, "url": absolute("/")}]


def _based_on(article) -> dict | None:
    """The agency's item a story was made from: its id, headline and agency."""
    if article.agency_id is None:
        return None  # taking an item credits its agency: our own stories need no query
    item = wire_selectors.taken_item(article.pk)
    if item is None:
        return None
    based = {"@type": "NewsArticle", "identifier": item.guid, "headline": item.headline,
             "inLanguage": item.language,
             "publisher": {"@type": "Organization", "name": item.agency.name}}
    if item.guid.startswith(("http://", "https://")):
        based["url"] = item.guid
    return based


def story_data(article) -> list[dict]:
    """NewsArticle and BreadcrumbList for a public story's page."""
    url = absolute(article.get_absolute_url())
    image = lead_image(article)
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url}, "url": url,
        "headline": article.headline[:HEADLINE_LIMIT], "description": article.lead,
        "datePublished": article.published_at.isoformat(),
        "dateModified": max(article.updated_at, article.published_at).isoformat(),
        "author": _author(article), "publisher": publisher(),
        "image": [image["url"]] if image else [share_image()["url"]],
        "inLanguage": article.language, "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "isAccessibleForFree": True,
    }
    corrections = list(article.corrections.all())
    if corrections:
        data["correction"] = [{"@type": "CorrectionComment", "text": c.text,
                               "datePublished": c.created_at.isoformat()} for c in corrections]
    based = _based_on(article)
    if based:
        data["isBasedOn"] = based
    trail = breadcrumbs((_("Home"), _home_url(article.language)),
                        (article.section.name, absolute(article.section.get_absolute_url())),
                        (article.headline, url))
    return [data, trail]


def alternates(language: str, here: str, others: dict[str, str | None], *,
               default: str | None = None) -> list[tuple[str, str]]:
    """hreflang links: this page itself, each edition's counterpart that exists, and x-default
    (default if given, else the page in the site's default language, else this one)."""
    links = {language: here, **{code: url for code, url in others.items() if url}}
    default = default or links.get(settings.LANGUAGE_CODE, here)
    return [(code, absolute(url)) for code, url in sorted(links.items())] + [
        ("x-default", absolute(default))]
