"""The wire monitor in the desk: the live list of agency copy, an item with its versions,
and what an editor does with it (take, take into the other edition, run as it is)."""

from __future__ import annotations

import difflib
import html
from datetime import datetime, time, timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dateline import events, numbers
from dateline.newsroom.models import LANGUAGE_CHOICES, Agency
from dateline.wire import actions, selectors
from dateline.wire.models import Alert, Take, WireItem

PERMISSION = "wire.view_wireitem"
PRIORITIES = [("", gettext_lazy("Any priority")), ("1", gettext_lazy("Flash (1)")),
              ("2", gettext_lazy("Urgent (1–2)")), ("4", gettext_lazy("High (1–4)"))]


class MonitorFilters(forms.Form):
    agency = forms.ModelChoiceField(Agency.objects.all(), required=False,
                                    empty_label=gettext_lazy("Every agency"))
    language = forms.ChoiceField(choices=[("", gettext_lazy("Every edition")),
                                          *LANGUAGE_CHOICES], required=False)
    priority = forms.ChoiceField(choices=PRIORITIES, required=False)
    subject = forms.CharField(max_length=80, required=False)
    since = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(max_length=200, required=False, label=gettext_lazy("Words"))

    def filters(self, before: int | None) -> selectors.Filters:
        data = self.cleaned_data if self.is_bound else {}
        return selectors.Filters(
            agency=data["agency"].pk if data.get("agency") else None,
            language=data.get("language") or "",
            priority=numbers.parse(data.get("priority") or "", low=1, high=9),
            subject=(data.get("subject") or "").strip(),
            since=_day_start(data.get("since")),
            until=_day_start(data["until"] + timedelta(days=1)) if data.get("until") else None,
            text=(data.get("q") or "").strip(), before=before)


def _day_start(day) -> datetime | None:
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time.min))


def agencies_exist(ids: list[int]) -> bool:
    """May a monitor follow these agencies' groups? (Its user's permission is checked too.)"""
    return Agency.objects.filter(pk__in=ids).count() == len(set(ids))


def source_panel(article) -> SafeString | None:
    """On a story's desk page: the wire item it was taken from, if any."""
    take = (Take.objects.filter(article=article).select_related("item__agency").first()
            if article.pk else None)
    if take is None:
        return None
    item = take.item
    return format_html('{} <a href="{}">{} {} v{}</a>{}', _("Taken from the wire:"),
                       reverse("wire_item", args=[item.pk]), item.agency, item.guid,
                       item.version, _(" (published as it came)") if take.as_is else "")


def _require(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def monitor(request: HttpRequest) -> HttpResponse:
    _require(request)
    request.last_event_id = events.position()  # before the list: later items come live
    form = MonitorFilters(request.GET or None)
    before = numbers.parse(request.GET.get("before", ""), low=1)
    if form.is_bound and not form.is_valid():
        items, more = [], None  # the form says what is wrong
    else:
        items, more = selectors.monitor(form.filters(before))
    query = request.GET.copy()
    query.pop("before", None)
    return TemplateResponse(request, "wire/monitor.html", {
        **admin.site.each_context(request), "title": _("Wire monitor"), "form": form,
        "items": items, "more": more, "query": query.urlencode(),
        "alerts": selectors.open_alerts(), "filtered": bool(query),
        "failing": selectors.failing_feeds(),
        "groups": [f"wire.{pk}" for pk in Agency.objects.values_list("pk", flat=True)[:40]],
        "can_publish": request.user.has_perm("newsroom.publish_article"),
        "now": timezone.now(),
    })


def item(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request)
    shown = get_object_or_404(WireItem.objects.select_related("agency", "feed"), pk=pk)
    history = list(selectors.versions(shown).select_related("agency"))
    older = numbers.parse(request.GET.get("against", ""), low=1)
    against = next((v for v in history if v.version == older), None)
    if against is None and len(history) > 1 and shown.version > 1:
        against = next((v for v in history if v.version < shown.version), None)
    takes = list(shown.takes.select_related("article", "by")) if shown.pk else []
    return TemplateResponse(request, "wire/item.html", {
        **admin.site.each_context(request), "title": shown.headline, "item": shown,
        "versions": history, "against": against,
        "diff": _diff(against, shown) if against else None,
        "same_story": selectors.same_story(shown), "takes": takes,
        "other_language": [code for code, _name in LANGUAGE_CHOICES if code != shown.language],
        "can_take": request.user.has_perm("newsroom.add_article"),
        "can_run_as_is": (request.user.has_perm("newsroom.publish_article")
                          and shown.feed.trusted and shown.status == WireItem.Status.USABLE),
    })


def _diff(older: WireItem, newer: WireItem) -> list[tuple[str, str]]:
    """Line by line, what changed between two versions: ("+"/"-"/" ", text)."""
    def lines(version: WireItem) -> list[str]:
        body = [strip_tags(part).strip() for part in version.body.split("</p>")]
        return [f"{_('Status')}: {version.get_status_display()}", version.headline,
                version.lead, *(html.unescape(line) for line in body if line)]
    out = []
    for line in difflib.ndiff(lines(older), lines(newer)):
        if line[:1] in "+- ":
            out.append((line[:1], line[2:]))
    return out


@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    _require(request)
    shown = get_object_or_404(WireItem.objects.select_related("agency", "feed"), pk=pk)
    try:
        if action == "take":
            article = actions.take(shown, by=request.user)
        elif action == "take-other":
            language = request.POST.get("language", "")
            if language not in dict(LANGUAGE_CHOICES) or language == shown.language:
                raise ValidationError(_("Choose the other edition."))
            article = actions.take(shown, by=request.user, language=language)
        elif action == "run":
            article = actions.publish_as_is(shown, by=request.user)
            messages.success(request, _("Published as it came from %(agency)s.")
                             % {"agency": shown.agency})
            return redirect(reverse("wire_item", args=[shown.pk]))
        else:
            raise ValidationError(_("Nothing to do."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(reverse("wire_item", args=[shown.pk]))
    messages.success(request, _("A draft was made from the item: edit it, then publish."))
    return redirect(reverse("admin:newsroom_article_change", args=[article.pk]))


@require_POST
def answer_alert(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request)
    alert = get_object_or_404(Alert, pk=pk)
    try:
        if request.POST.get("do") == "unpublish":
            article = actions.unpublish_killed(alert, by=request.user)
            messages.success(request, _("“%(headline)s” is off the site.")
                             % {"headline": article.headline if article else ""})
        else:
            actions.resolve(alert, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("wire_monitor")
