"""Saves a demo edition through the newsroom's actions, as the desk would: sections, agencies
and tags one by one, then the stories as one import."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dateline.demo.copybook import AGENCIES, LANGUAGES, SECTIONS, TAGS
from dateline.demo.generator import Story, edition
from dateline.demo.pictures import CREDIT, PICTURES, draw
from dateline.newsroom import actions
from dateline.newsroom.models import Agency, Article, Author, LeadImage, Section, Tag
from dateline.newsroom.slugs import latin_slug


@dataclass
class Summary:
    sections: int
    agencies: int
    tags: int
    stories: int
    pairs: int
    pictures: int = 0


def _sections() -> dict[tuple[str, str], Section]:
    rows = {}
    for order, copy in enumerate(SECTIONS, 1):
        for language in LANGUAGES:
            name, tagline = copy.names[language]
            rows[language, copy.slug] = (
                Section.objects.filter(language=language, slug=copy.slug).first()
                or actions.save_section(Section(language=language, slug=copy.slug, name=name,
                                                tagline=tagline, order=order), by=None))
    return rows


def _agencies() -> dict[str, Agency]:
    rows = {}
    for copy in AGENCIES:  # both the code and the name are unique
        rows[copy.code] = (
            Agency.objects.filter(Q(code=copy.code) | Q(name=copy.name)).first()
            or actions.save_agency(Agency(code=copy.code, name=copy.name, name_ru=copy.name_ru),
                                   by=None))
    return rows


BUREAUS = {"ru": ("Moscow", "Москве"), "eu": ("Europe", "Европе"), "as": ("Asia", "Азии"),
           "am": ("the Americas", "Америке"), "af": ("Africa", "Африке"),
           "me": ("the Middle East", "на Ближнем Востоке")}


class _Authors(dict):
    """Our correspondents as author records, made on first mention, through the actions."""

    def __missing__(self, key) -> Author:
        person, bureau = key
        slug = latin_slug(person.en, 100, default="author")
        en, ru = BUREAUS[bureau]
        where = ru if ru.startswith("на ") else f"в {ru}"
        found = Author.objects.filter(slug=slug).first() or actions.save_author(Author(
            name=person.en, name_ru=person.ru, slug=slug,
            bio=f"Dateline correspondent in {en}.", bio_ru=f"Корреспондент Dateline {where}."),
            by=None)
        self[key] = found
        return found


def _tags() -> dict[tuple[str, str], Tag]:
    rows = {}
    for key, names in TAGS.items():
        for language, name in zip(LANGUAGES, names, strict=True):
            slug = key if language == "en" else latin_slug(name, default="tag")
            rows[language, key] = (
                Tag.objects.filter(language=language, slug=slug).first()
                or actions.save_tag(Tag(language=language, slug=slug, name=name), by=None))
    return rows


def _pictures(seed: int) -> dict[tuple[str, str], LeadImage]:
    """Each section's picture, uploaded once per language (alt text and caption are in the
    story's language) through the same action as the desk's upload."""
    rows = {}
    for picture in PICTURES:
        png = draw(picture, seed)
        for language in LANGUAGES:
            upload = SimpleUploadedFile(f"{picture.section}.png", png, "image/png")
            rows[language, picture.section] = actions.upload_lead_image(
                upload, alt=picture.alt[language], caption=picture.caption[language],
                credit=CREDIT[language], by=None)
    return rows


@transaction.atomic
def fill(count: int, seed: int, *, now: datetime | None = None,
         progress: Callable[[int], object] | None = None) -> Summary:
    """Save the seed's edition of count stories; all of it or, on any error, nothing."""
    sections, agencies, tags, authors = _sections(), _agencies(), _tags(), _Authors()
    pictures = _pictures(seed)

    def stories() -> Iterator[actions.NewStory]:
        for number, story in enumerate(edition(count, seed, now or timezone.now())):
            new = _new_story(story, sections, agencies, tags, authors)
            # every other story has its section's picture, so pages show stories with a lead
            # image and without; a translated pair is made in a row and shares it
            if (story.pair if story.pair is not None else number) % 2 == 0:
                new.article.lead_image = pictures.get((story.language, story.section))
            yield new

    imported = actions.import_articles(stories(), by=None, progress=progress)
    return Summary(len(sections), len(agencies), len(tags), imported.stories,
                   imported.translations, len(pictures))


def _new_story(s: Story, sections: dict, agencies: dict, tags: dict,
               authors: _Authors) -> actions.NewStory:
    article = Article(
        headline=s.headline, lead=s.lead, body=s.body, dateline_place=s.place,
        agency=agencies[s.agency] if s.agency else None,
        byline="" if s.authors else s.byline,  # ours are author records
        section=sections[s.language, s.section], language=s.language,
        status=Article.Status.PUBLISHED if s.published_at else Article.Status.DRAFT,
        published_at=s.published_at, created_at=s.created_at)
    return actions.NewStory(article, [tags[s.language, key] for key in s.tags], s.pair,
                            [authors[person] for person in s.authors])
