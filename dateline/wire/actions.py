"""What the desk does with wire copy: take an item into a draft (in its edition or the
other), publish a trusted agency's item as it is, answer a kill or withhold; and the feeds'
settings."""

from __future__ import annotations

import html
import re
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dateline.newsroom import actions as newsroom
from dateline.newsroom.actions.common import User
from dateline.newsroom.models import Article, Section
from dateline.newsroom.slugs import latin_slug, unique_slug
from dateline.wire.models import Alert, Feed, Take, WireItem, token_hash

_TAGS = re.compile(r"<[^>]+>")
LEAD_LIMIT = 1000


def _section(item: WireItem, language: str, section: Section | None) -> Section:
    if section is not None and section.language == language:
        return section
    default = item.feed.section
    if default is not None and default.language == language:
        return default
    found = Section.objects.filter(language=language).order_by("order", "name").first()
    if found is None:
        raise ValidationError(_("The edition has no section to put the story in."))
    return found


def _lead(item: WireItem) -> str:
    if item.lead.strip():
        return item.lead.strip()[:LEAD_LIMIT]
    text = html.unescape(_TAGS.sub(" ", item.body.split("</p>", 1)[0])).strip()
    return (" ".join(text.split()) or item.headline)[:LEAD_LIMIT]


@transaction.atomic
def take(item: WireItem, *, by: User | None, language: str | None = None,
         section: Section | None = None) -> Article:
    """A draft from the item: headline, lead, body, dateline and the agency's credit filled
    in, linked to the item. In the other edition, the draft is linked as the translation of
    the story we ran from the item in its own, if any."""
    if by is not None and not by.has_perm("newsroom.add_article"):
        raise PermissionDenied("newsroom.add_article")
    if item.status == WireItem.Status.CANCELED:
        raise ValidationError(_("The agency killed this item: it cannot be taken."))
    language = language or item.language
    counterpart = None
    if language != item.language:
        counterpart = (Article.objects.filter(wire_source__item__agency_id=item.agency_id,
                                              wire_source__item__guid=item.guid,
                                              language=item.language, translation=None)
                       .order_by("-id").first())
    headline = item.headline[:200]
    article = Article(
        headline=headline, lead=_lead(item), body=item.body or f"<p>{html.escape(_lead(item))}</p>",
        dateline_place=item.dateline_place, agency_id=item.agency_id, byline=item.byline,
        section=_section(item, language, section), language=language,
        translation=counterpart,
        slug=unique_slug(latin_slug(headline), lambda s: Article.objects.filter(
            language=language, slug=s).exists()))
    newsroom.save_article(article, by=by, note=_("Taken from the wire: %(agency)s %(guid)s")
                          % {"agency": item.agency.code, "guid": item.guid[:60]})
    Take.objects.create(item=item, article=article, by=by if by is not None and by.pk else None)
    return article


@transaction.atomic
def publish_as_is(item: WireItem, *, by: User | None) -> Article:
    """Run a trusted agency's item unedited: editors only, and never before its embargo."""
    if by is not None and not by.has_perm("newsroom.publish_article"):
        raise PermissionDenied("newsroom.publish_article")
    if not item.feed.trusted:
        raise ValidationError(_("Only a trusted agency's copy runs as it is; take it into a "
                                "draft to edit it."))
    if item.status != WireItem.Status.USABLE:
        raise ValidationError(_("The agency has withheld or killed this item."))
    article = take(item, by=by)
    Take.objects.filter(article=article).update(as_is=True)
    if item.embargo is not None and item.embargo > timezone.now():
        return newsroom.schedule_article(article, at=item.embargo, by=by)
    return newsroom.publish_article(article, by=by)


@transaction.atomic
def unpublish_killed(alert: Alert, *, by: User | None) -> Article | None:
    """One click on a kill or withhold alert: our story comes off the site."""
    if by is not None and not by.has_perm("newsroom.publish_article"):
        raise PermissionDenied("newsroom.publish_article")
    alert = (Alert.objects.select_for_update(of=("self",)).select_related("article")
             .get(pk=alert.pk))
    article = alert.article
    if article is not None and article.status == Article.Status.PUBLISHED:
        article = newsroom.unpublish_article(article, by=by)
    resolve(alert, by=by)
    return article


def resolve(alert: Alert, *, by: User | None) -> None:
    Alert.objects.filter(pk=alert.pk, resolved_at=None).update(
        resolved_at=timezone.now(), resolved_by=by if by is not None and by.pk else None)


def _check_feed(feed: Feed) -> None:
    errors = {}
    if feed.transport == Feed.Transport.POLL and not feed.url:
        errors["url"] = _("A polled feed needs its address.")
    if feed.transport == Feed.Transport.FOLDER and not feed.folder:
        errors["folder"] = _("A watched folder needs its name.")
    if feed.section_id and feed.section.language != feed.language:
        errors["section"] = _("The default section must be in the feed's language.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_feed(feed: Feed, *, by: User | None) -> str | None:
    """Save a feed's settings; for a push feed without a token, the new token (shown once:
    only its hash is kept)."""
    if by is not None and not by.has_perm("wire.change_feed" if feed.pk else "wire.add_feed"):
        raise PermissionDenied("wire.change_feed")
    _check_feed(feed)
    token = None
    if feed.transport == Feed.Transport.PUSH and not feed.push_token_hash:
        token = secrets.token_urlsafe(32)
        feed.push_token_hash = token_hash(token)
    feed.next_check_at = None  # a changed feed is looked at in the next round
    feed.save()
    return token


@transaction.atomic
def new_push_token(feed: Feed, *, by: User | None) -> str:
    """Replace a push feed's token: the old one stops working at once."""
    if by is not None and not by.has_perm("wire.change_feed"):
        raise PermissionDenied("wire.change_feed")
    token = secrets.token_urlsafe(32)
    Feed.objects.filter(pk=feed.pk).update(push_token_hash=token_hash(token))
    return token
