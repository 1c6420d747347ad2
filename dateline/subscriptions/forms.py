from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dateline.newsroom.models import Section
from dateline.subscriptions import schedule
from dateline.subscriptions.addresses import clean_address
from dateline.subscriptions.models import HOURS


class SubscribeForm(forms.Form):
    email = forms.CharField(label=_("Email address"), required=False, max_length=320)
    section = forms.IntegerField(required=False, min_value=1, max_value=2**62,
                                 widget=forms.HiddenInput)
    digest = forms.BooleanField(label=_("Daily digest"), required=False)
    breaking = forms.BooleanField(label=_("Breaking news alerts"), required=False)

    def clean_email(self) -> str:
        return clean_address(self.cleaned_data["email"])

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("digest") or data.get("breaking")):
            raise ValidationError(_("Choose the digest, the alerts, or both."))
        return data


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Edition"), choices=settings.LANGUAGES)
    sections = forms.ModelMultipleChoiceField(
        label=_("Sections"), required=False, queryset=Section.objects.order_by(
            "language", "order", "name"), widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every section of the edition."))
    digest = forms.BooleanField(label=_("Daily digest"), required=False)
    digest_hour = forms.TypedChoiceField(label=_("Digest hour"), choices=HOURS, coerce=int)
    time_zone = forms.ChoiceField(label=_("Time zone"))
    breaking = forms.BooleanField(label=_("Breaking news alerts"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(z, z) for z in schedule.zone_names()]

    def clean(self):
        data = super().clean()
        sections = data.get("sections") or []
        if data.get("language") and any(s.language != data["language"] for s in sections):
            self.add_error("sections", _("Choose sections of the edition you read."))
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        return {"language": data["language"], "section_ids": [s.pk for s in data["sections"]],
                "breaking": data["breaking"], "digest": data["digest"],
                "digest_hour": data["digest_hour"], "time_zone": data["time_zone"]}

    @classmethod
    def initial_of(cls, subscriber) -> dict:
        return {"language": subscriber.language, "sections": list(subscriber.sections.all()),
                "digest": subscriber.digest, "digest_hour": subscriber.digest_hour,
                "time_zone": subscriber.time_zone, "breaking": subscriber.breaking}
