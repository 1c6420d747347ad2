"""The desk's own screens inside the admin: workflow buttons, revisions, autosave."""

from __future__ import annotations

import difflib
import re

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dateline import numbers
from dateline.newsroom import actions
from dateline.newsroom.desk.forms import ArticleForm, CorrectionForm, ScheduleForm
from dateline.newsroom.models import Article, Revision, Tag

FIELD_LABELS = {f.name: f.verbose_name for f in Article._meta.get_fields()
                if hasattr(f, "verbose_name")}


def _change_url(article: Article) -> str:
    return reverse("admin:newsroom_article_change", args=[article.pk])


def _visible(request: HttpRequest, pk: int) -> Article:
    """The story, if this person may see it on the desk: as the story list decides."""
    user = request.user
    article = get_object_or_404(Article.objects.select_related("section"), pk=pk)
    if not user.has_perm("newsroom.view_article"):
        raise PermissionDenied
    if not (user.has_perm("newsroom.edit_any_article") or article.author_id == user.pk
            or article.status == Article.Status.PUBLISHED):
        raise PermissionDenied  # a reporter sees their own stories and public ones
    return article


@require_POST
def transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One workflow button: submit, return, publish, schedule, unpublish or correct."""
    article = _visible(request, pk)
    done = {
        "submit": (actions.submit_for_review, _("Submitted for review.")),
        "return": (actions.return_to_draft, _("Returned to draft.")),
        "publish": (actions.publish_article, _("Published.")),
        "unpublish": (actions.unpublish_article, _("Unpublished.")),
    }
    try:
        if action in done:
            run, message = done[action]
            run(article, by=request.user)
        elif action == "schedule":
            form = ScheduleForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the publication time as a date and time."))
            actions.schedule_article(article, at=form.cleaned_data["at"], by=request.user)
            message = _("Scheduled.")
        elif action == "correct":
            form = CorrectionForm(request.POST)
            if not form.is_valid():
                raise ValidationError(list(form.errors.get("text", [])) or _("Write a note."))
            actions.add_correction(article, text=form.cleaned_data["text"], by=request.user)
            message = _("Correction added.")
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, message)
    return redirect(_change_url(article))


def revisions(request: HttpRequest, pk: int, admin_site) -> HttpResponse:
    """A story's revisions, and a readable diff between any two of them."""
    article = _visible(request, pk)
    history = list(article.revisions.select_related("by"))
    diff, older, newer = None, None, None
    a, b = request.GET.get("a"), request.GET.get("b")
    if a and b:
        found = {r.number: r for r in history}
        older, newer = found.get(numbers.parse(a)), found.get(numbers.parse(b))
        if older is None or newer is None:
            raise Http404
        if older.number > newer.number:
            older, newer = newer, older
        diff = _diff(older.data, newer.data)
    return TemplateResponse(request, "newsroom/desk/revisions.html", {
        **admin_site.each_context(request), "title": _("Revisions"), "article": article,
        "revisions": history, "diff": diff, "older": older, "newer": newer,
        "opts": Article._meta, "can_restore": actions.can_edit(request.user, article),
    })


@require_POST
def restore(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    article = _visible(request, pk)
    revision = get_object_or_404(Revision, article=article, number=number)
    actions.restore_revision(article, revision, by=request.user)
    messages.success(request, _("Revision %(number)s restored.") % {"number": number})
    return redirect(_change_url(article))


@require_POST
def autosave(request: HttpRequest, pk: int) -> JsonResponse:
    """Keep a draft's work in progress; answers with the new version to continue from."""
    article = _visible(request, pk)
    if not actions.can_edit(request.user, article):
        raise PermissionDenied
    form = ArticleForm(request.POST, instance=article)
    form.fields["new_image"].required = False
    if not form.is_valid():
        stale = form.has_error(NON_FIELD_ERRORS, code="stale")
        return JsonResponse({"saved": False, "errors": [e for errs in form.errors.values()
                                                        for e in errs]},
                            status=409 if stale else 400)
    fields = {name: form.cleaned_data[name] for name in form.Meta.fields if name != "tags"}
    try:
        saved = actions.autosave_article(article, by=request.user,
                                         expected_version=form.cleaned_data["version_seen"],
                                         fields=fields, tags=list(form.cleaned_data["tags"]),
                                         authors=form.cleaned_data["authors"])
    except ValidationError as exc:
        return JsonResponse({"saved": False, "errors": exc.messages}, status=409)
    return JsonResponse({"saved": True, "version": saved.version,
                         "at": saved.updated_at.isoformat()})


def _lines(value) -> list[str]:
    if value is None:
        return []
    text = str(value)
    # one paragraph a line: a body diff reads by paragraph, not as one long line
    return [line for line in re.split(r"(?<=</p>)|(?<=</h2>)|(?<=</blockquote>)|\n", text)
            if line]


def _diff(old: dict, new: dict) -> list[tuple[str, str]]:
    rows = []
    for name in new:
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        if name == "tags":
            names = dict(Tag.objects.filter(pk__in=set(before or []) | set(after or []))
                         .values_list("pk", "name"))
            before = ", ".join(names.get(t, "?") for t in before or [])
            after = ", ".join(names.get(t, "?") for t in after or [])
        table = difflib.HtmlDiff(wrapcolumn=70).make_table(
            _lines(before), _lines(after), _("before"), _("after"), context=True, numlines=1)
        # HtmlDiff escapes the text it compares: the table is safe to show as it is.
        rows.append((str(FIELD_LABELS.get(name.removesuffix("_id"), name)), mark_safe(table)))  # noqa: S308
    return rows
