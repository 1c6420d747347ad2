"""The search page: /<lang>/search/?q=… with filters, order and pages.

The page is the same for every reader who asks the same question, so it is public for a
short time (Cache-Control max-age). The server's own page store keeps only its address
without a query (`reads=None`, see pagequery): any `q` is a new address, and storing them
all would let anyone fill the store.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from dateline.newsroom.models import Agency, Section, Tag
from dateline.reader.pagecache import public_page
from dateline.reader.views import _page
from dateline.search.selectors import PAGES_MAX, search_stories
from dateline.search.text import QUERY_MAX

PROBLEMS = {
    "empty": _("Type a word or two to search the stories."),
    "too_long": _("That search is too long: use at most %(max)d characters."),
    "stop_words": _("Those words are too common to search for: add a more telling word."),
}
TAGS_MAX = 300


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, strip=True,
                        widget=forms.TextInput(attrs={"type": "search", "maxlength": QUERY_MAX}))
    section = forms.ChoiceField(label=_("Section"), required=False)
    tag = forms.ChoiceField(label=_("Topic"), required=False)
    agency = forms.ChoiceField(label=_("Agency"), required=False)
    since = forms.DateField(label=_("From"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    order = forms.ChoiceField(label=_("Order"), required=False, choices=[
        ("relevance", _("Best match")), ("newest", _("Newest first"))])
    page = forms.IntegerField(required=False, min_value=1, max_value=PAGES_MAX,
                              widget=forms.HiddenInput)

    def __init__(self, data, *, language: str) -> None:
        super().__init__(data)
        anything = [("", _("All"))]
        self.fields["section"].choices = anything + list(
            Section.objects.filter(language=language).order_by("order", "name")
            .values_list("slug", "name"))
        self.fields["tag"].choices = anything + list(
            Tag.objects.filter(language=language).order_by("name")
            .values_list("slug", "name")[:TAGS_MAX])
        name = "name_ru" if language == "ru" else "name"
        self.fields["agency"].choices = anything + [
            (code, shown or plain) for code, shown, plain in
            Agency.objects.order_by("name").values_list("code", name, "name")]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The first date must not be after the last."))
        return data


def _day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@public_page(reads=None)
def search(request: HttpRequest) -> HttpResponse:
    language = get_language()
    form = SearchForm(request.GET, language=language)
    context = {"form": form, "result": None, "problem": ""}
    if not form.is_valid():
        return _page(request, "reader/search.html", context, status=400, newsfeed=False)
    data = form.cleaned_data
    result = search_stories(
        data["q"], language=language, section=data["section"], tag=data["tag"],
        agency=data["agency"], since=_day_start(data["since"]) if data["since"] else None,
        until=_day_start(data["until"] + timedelta(days=1)) if data["until"] else None,
        order=data["order"] or "relevance", page=data["page"] or 1)
    problem = PROBLEMS.get(result.problem, "")
    context.update(result=result, problem=problem and problem % {"max": QUERY_MAX})
    status = 400 if result.problem == "too_long" else 200
    return _page(request, "reader/search.html", context, status=status, newsfeed=False)
