"""A story as IPTC ninjs 2.2 (News in JSON): one object per story, valid against the schema.

ninjs 2.x has no dateline, credit line or correction fields: the place is `located`, the
agency an `infosources` entry, corrections are `descriptions` with the role "correction"
(they are for publication; `ednote` is for the partner's desk only, and says a withdrawn
story must come down).
"""

from __future__ import annotations

from dateline.newsroom.models import Article, LeadImage
from dateline.wire.outgoing import common
from dateline.wire.outgoing.markup import as_html, story_body

VERSION = "2.2"
SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"
CANCELED_NOTE = "Withdrawn by the publisher: take this story down wherever it ran."


def story(article: Article) -> dict:
    """The story as ninjs; a withdrawn one as canceled, carrying none of its text.

    Expects section, agency and lead_image joined and tags and corrections prefetched."""
    item = {
        "uri": common.story_uri(article.pk),
        "standard": {"name": "ninjs", "version": VERSION, "schema": SCHEMA},
        "type": "text",
        "version": str(article.version),
        "firstcreated": common.stamp(article.published_at),
        "versioncreated": common.stamp(article.updated_at),
        "pubstatus": "usable",
        "language": article.language,
        "copyrightholder": common.copyright_holder(),
        "usageterms": common.usage_terms(),
    }
    if common.withdrawn(article):
        item.update(pubstatus="canceled", ednote=CANCELED_NOTE)
        return _present(item)
    page = common.page_url(article)
    item.update({
        "urgency": 1 if article.is_breaking else None,
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": article.headline}],
        "descriptions": _descriptions(article),
        "bodies": [{"role": "richtext", "contenttype": "text/html",
                    "value": as_html(story_body(article.body, base=page))}],
        "by": article.credit_line,
        "located": article.dateline_place,
        "subjects": _subjects(article),
        "infosources": ([{"name": article.agency_credit, "literal": article.agency.code}]
                        if article.agency else None),
        "renditions": [{"name": "web", "href": page, "contenttype": "text/html"}],
        "associations": ([_picture(article.lead_image, article)]
                         if article.lead_image and common.image_uri(article.lead_image) else None),
    })
    return _present(item)


def _present(item: dict) -> dict:
    """Without the properties that have nothing to say (ninjs leaves them out)."""
    return {k: v for k, v in item.items() if v is not None and v != "" and v != []}


def _descriptions(article: Article) -> list[dict]:
    found = [{"role": "summary", "contenttype": "text/plain", "value": article.lead}]
    found += [{"role": "correction", "contenttype": "text/plain", "value": c.text}
              for c in article.corrections.all()]
    return [d for d in found if d["value"]]


def _subjects(article: Article) -> list[dict]:
    section = article.section
    found = [{"name": section.name, "rel": "section", "literal": section.slug,
              "uri": common.absolute(section.get_absolute_url())}]
    found += [{"name": tag.name, "rel": "about", "literal": tag.slug,
               "uri": common.absolute(tag.get_absolute_url())} for tag in article.tags.all()]
    return found


def _picture(image: LeadImage, article: Article) -> dict:
    descriptions = [{"role": "alt", "contenttype": "text/plain", "value": image.alt},
                    {"role": "caption", "contenttype": "text/plain", "value": image.caption}]
    return _present({
        "name": "leadimage",
        "uri": common.image_uri(image),
        "type": "picture",
        "versioncreated": common.stamp(image.uploaded_at),
        "language": article.language,
        "by": image.credit,
        "descriptions": [d for d in descriptions if d["value"]],
        "renditions": [{"name": f"w{r['width']}", **r} for r in common.renditions(image)],
    })
