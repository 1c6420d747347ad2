"""The site's frame: sections, agencies, tags and authors. Every change emits site.changed
after commit, so menus, section pages, credits and bylines are refreshed wherever stored."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from dateline.events import SiteChanged, emit
from dateline.newsroom.actions.common import User, audit, require
from dateline.newsroom.models import Agency, Author, Section, Tag
from dateline.newsroom.slugs import latin_slug

Frame = Section | Agency | Tag | Author


@transaction.atomic
def save_section(section: Section, *, by: User | None) -> Section:
    """Create or change a section; emits site.changed after commit."""
    return _save(section, by=by)


@transaction.atomic
def delete_section(section: Section, *, by: User | None) -> None:
    """Remove a section that holds no stories; emits site.changed after commit."""
    _delete(section, by=by, in_use=_("Move its stories to another section first: a section "
                                      "with stories cannot be removed."))


@transaction.atomic
def save_agency(agency: Agency, *, by: User | None) -> Agency:
    """Create or change a wire agency; emits site.changed after commit."""
    return _save(agency, by=by)


@transaction.atomic
def delete_agency(agency: Agency, *, by: User | None) -> None:
    """Remove an agency no story credits; emits site.changed after commit."""
    _delete(agency, by=by, in_use=_("Stories credit this agency: it cannot be removed."))


@transaction.atomic
def save_tag(tag: Tag, *, by: User | None) -> Tag:
    """Create or change a tag; an empty slug is made from the name. Emits site.changed."""
    return _save(tag, by=by)


@transaction.atomic
def delete_tag(tag: Tag, *, by: User | None) -> None:
    """Remove a tag; its stories lose the topic, nothing else. Emits site.changed."""
    _delete(tag, by=by, in_use=None)


@transaction.atomic
def save_author(author: Author, *, by: User | None) -> Author:
    """Create or change an author; an empty slug is made from the name. Emits site.changed:
    bylines and author pages show the new name."""
    return _save(author, by=by)


@transaction.atomic
def delete_author(author: Author, *, by: User | None) -> None:
    """Remove an author no story names; emits site.changed after commit."""
    _delete(author, by=by, in_use=_("Stories name this author: they cannot be removed."))


def _stories(obj: Frame) -> models.QuerySet:
    return obj.bylines if isinstance(obj, Author) else obj.articles


def _kind(obj: Frame) -> str:
    return obj._meta.model_name


def _changed(before: models.Model, after: models.Model) -> list[str]:
    return [f.name for f in after._meta.concrete_fields
            if getattr(before, f.attname) != getattr(after, f.attname)]


def _save(obj: Frame, *, by: User | None) -> Frame:
    model, kind = type(obj), _kind(obj)
    before = model.objects.select_for_update().filter(pk=obj.pk).first() if obj.pk else None
    require(by, f"newsroom.{'change' if before else 'add'}_{kind}")
    if not isinstance(obj, Agency) and not obj.slug:
        obj.slug = latin_slug(obj.name, default=kind)
    obj.full_clean()
    changed = _changed(before, obj) if before is not None else []
    if before is not None and not changed:
        return obj  # nothing to tell anyone
    if "language" in changed and _stories(before).exists():
        raise ValidationError({"language": _("Stories use it: its language cannot change.")})
    obj.save()
    verb = "created" if before is None else "changed"
    audit(by, f"{kind}_{verb}", None, f"{verb.capitalize()} {kind} “{obj}”",
          kind=kind, id=obj.pk, changed=changed)
    emit(SiteChanged(kind=kind, object_id=obj.pk, language=getattr(obj, "language", "")))
    return obj


def _delete(obj: Frame, *, by: User | None, in_use: str | None) -> None:
    kind = _kind(obj)
    require(by, f"newsroom.delete_{kind}")
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if in_use is not None and _stories(obj).exists():
        raise ValidationError(in_use)
    pk, name, language = obj.pk, str(obj), getattr(obj, "language", "")
    obj.delete()
    audit(by, f"{kind}_deleted", None, f"Deleted {kind} “{name}”", kind=kind, id=pk)
    emit(SiteChanged(kind=kind, object_id=pk, language=language))
