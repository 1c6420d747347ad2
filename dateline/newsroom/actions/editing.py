"""Writing a story: saves with revisions, autosave, restores, and stable old addresses."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from dateline.events import ArticleUpdated, emit
from dateline.newsroom import tasks as jobs
from dateline.newsroom.actions.common import (
    CONTENT_FIELDS,
    User,
    audit,
    require,
    require_edit,
    snapshot,
)
from dateline.newsroom.models import Article, ArticleRedirect, Author, Byline, Revision, Tag

# Autosaves by the same person within this many seconds update one revision, not add one.
AUTOSAVE_WINDOW = 600


class StaleVersion(ValidationError):
    """Someone saved the story after this editor opened it: their save must not be lost."""


@transaction.atomic
def save_article(article: Article, *, by: User | None, expected_version: int | None = None,
                 tags: list[Tag] | None = None, authors: list[Author] | None = None,
                 note: str = "", autosave: bool = False) -> Article:
    """Save a story's content, keeping a revision; emits article.updated if it is public.
    authors, when given, are its bylines in order."""
    before = None
    if article.pk:
        before = Article.objects.select_for_update().get(pk=article.pk)
        require_edit(by, before)
        if expected_version is not None and expected_version != before.version:
            raise StaleVersion(_stale_message(before))
        # Status and times move only through the workflow actions.
        article.status, article.published_at = before.status, before.published_at
        article.version = before.version + 1
        previous = snapshot(before)
    else:
        require(by, "newsroom.add_article")
        require_edit(by, article)
        if by is not None:
            article.author = article.author or by
            article.status, article.published_at = Article.Status.DRAFT, None
        previous = None
    partners = _check_translation_change(article, before, by=by)
    _release_translation_partner(article)
    article.full_clean(exclude=["tags", "author"])
    article.save()
    if tags is not None:
        article.tags.set(tags)
    if authors is not None:
        _set_bylines(article, authors)
    _keep_translation_symmetric(article)
    for partner in partners:  # their link changed too: their history says so
        partner.refresh_from_db()
        _record_revision(partner, by=by, data=snapshot(partner), changed=["translation_id"],
                         note=f"Translation link changed from “{article.headline}”",
                         autosave=False)
    if before is not None and before.published_at is not None:
        _remember_old_address(before, article)
    current = snapshot(article, [t.pk for t in tags] if tags is not None else None,
                       [a.pk for a in authors] if authors is not None else None)
    changed = [k for k in current if previous is None or previous.get(k) != current[k]]
    _record_revision(article, by=by, data=current, changed=changed, note=note, autosave=autosave)
    if not autosave:
        audit(by, "created" if before is None else "edited", article,
              f"{'Created' if before is None else 'Edited'} “{article.headline}”",
              changed=changed)
    if article.is_public:
        emit(ArticleUpdated.of(article))
        if not autosave:
            jobs.refresh_related.enqueue(article.pk)  # its words or tags may have changed
    return article


def autosave_article(article: Article, *, by: User, expected_version: int, fields: dict,
                     tags: list[Tag] | None = None,
                     authors: list[Author] | None = None) -> Article:
    """Keep an unpublished story's work in progress; never touches what readers see."""
    if article.status not in (Article.Status.DRAFT, Article.Status.REVIEW,
                              Article.Status.UNPUBLISHED):
        raise ValidationError(_("Only unpublished stories are saved automatically."))
    for name, value in fields.items():
        setattr(article, name, value)
    return save_article(article, by=by, expected_version=expected_version, tags=tags,
                        authors=authors, autosave=True)


@transaction.atomic
def restore_revision(article: Article, revision: Revision, *, by: User) -> Article:
    """Bring back a story's content as it was in revision; the restore is a revision too."""
    if revision.article_id != article.pk:
        raise ValidationError(_("That revision belongs to another story."))
    data = revision.data
    for name in CONTENT_FIELDS:
        if name in data and name != "language":
            setattr(article, name, data[name])
    tags = list(Tag.objects.filter(pk__in=data.get("tags", []), language=article.language))
    known = Author.objects.in_bulk(data.get("authors", []))
    authors = [known[pk] for pk in data.get("authors", []) if pk in known]  # some may be gone
    return save_article(article, by=by, tags=tags, authors=authors,
                        note=_("Restored revision %(number)s") % {"number": revision.number})


def _set_bylines(article: Article, authors: list[Author]) -> None:
    unique = list(dict.fromkeys(authors))  # one byline each, in the order first named
    if [b.author_id for b in article.bylines.all()] == [a.pk for a in unique]:
        return
    article.bylines.all().delete()
    Byline.objects.bulk_create([Byline(article=article, author=author, position=n)
                                for n, author in enumerate(unique)])


def _stale_message(current: Article) -> str:
    latest = current.revisions.select_related("by").first()
    who = latest.by.get_username() if latest and latest.by else _("someone else")
    when = time_format(timezone.localtime(current.updated_at), "H:i")
    return _("%(who)s saved this story at %(when)s, after you opened it. Your changes were not "
             "saved, so theirs are not lost: open the story again, then redo your changes.") % {
        "who": who, "when": when}


def _record_revision(article: Article, *, by: User | None, data: dict, changed: list[str],
                     note: str, autosave: bool) -> None:
    latest = article.revisions.first()
    now = timezone.now()
    if (autosave and latest is not None and latest.autosave and by is not None
            and latest.by_id == by.pk
            and (now - latest.created_at).total_seconds() < AUTOSAVE_WINDOW):
        latest.data, latest.created_at = data, now
        latest.changed = sorted(set(latest.changed) | set(changed))
        latest.save(update_fields=["data", "created_at", "changed"])
        return
    Revision.objects.create(article=article, number=(latest.number + 1) if latest else 1,
                            by=by if by is not None and by.pk else None, data=data,
                            changed=changed, note=note, autosave=autosave)


def _remember_old_address(before: Article, after: Article) -> None:
    """A story once public keeps every old address working as a redirect."""
    old_section = before.section.slug
    new_section = after.section.slug
    if (old_section, before.slug) == (new_section, after.slug):
        return
    ArticleRedirect.objects.update_or_create(
        language=before.language, section_slug=old_section, slug=before.slug,
        defaults={"article": after})
    # the new address must not be shadowed by an older redirect of the same path
    ArticleRedirect.objects.filter(language=after.language, section_slug=new_section,
                                   slug=after.slug).delete()


def _check_translation_change(article: Article, before: Article | None, *,
                              by: User | None) -> list[Article]:
    """A translation link joins two stories: whoever changes it must be able to edit each
    story it touches (the new counterpart, and the one it leaves), and the counterpart must
    be in the other language. Returns the other stories whose link changes."""
    old = before.translation_id if before is not None else None
    new = article.translation_id
    if old == new:
        return []
    others = list(Article.objects.select_for_update().filter(
        pk__in=[pk for pk in (old, new) if pk]).exclude(pk=article.pk or 0))
    for other in others:
        require_edit(by, other)
        if other.pk == new and other.language == article.language:
            raise ValidationError({"translation": _(
                "A translation is a story in the other language.")})
    return others


def _release_translation_partner(article: Article) -> None:
    if article.translation_id:  # the counterpart lets go of any previous partner first
        Article.objects.filter(translation_id=article.translation_id).exclude(
            pk=article.pk).update(translation=None)


def _keep_translation_symmetric(article: Article) -> None:
    """A translation link points both ways; a story has at most one counterpart."""
    Article.objects.filter(translation=article).exclude(pk=article.translation_id or 0).update(
        translation=None)
    if article.translation_id:
        Article.objects.filter(pk=article.translation_id).update(translation=article)
