"""The desk's forms: the story form with its lead image, and the workflow forms."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dateline.newsroom.actions.images import check_image
from dateline.newsroom.desk.widgets import RichTextEditor, VersionInput
from dateline.newsroom.models import Article, Author
from dateline.newsroom.sanitize import richtext_to_story_html


class AuthorsField(forms.ModelMultipleChoiceField):
    """Authors in the order they were chosen: the byline's order."""

    def clean(self, value):
        chosen = {author.pk: author for author in super().clean(value)}
        return [chosen[int(pk)] for pk in dict.fromkeys(value or []) if int(pk) in chosen]


class ArticleForm(forms.ModelForm):
    # The version the editor started from: a save based on an older one is refused.
    version_seen = forms.IntegerField(widget=VersionInput, required=False)
    new_image = forms.FileField(label=_("New lead image"), required=False,
                                help_text=_("JPEG, PNG, WebP or GIF. Checked by its content."))
    image_alt = forms.CharField(label=_("Alt text"), required=False, max_length=300)
    image_caption = forms.CharField(label=_("Caption"), required=False, max_length=500)
    image_credit = forms.CharField(label=_("Credit"), required=False, max_length=200)
    authors = AuthorsField(Author.objects.all(), label=_("Authors"), required=False,
                           widget=forms.SelectMultiple(attrs={"size": 6}),
                           help_text=_("Our people who wrote it, as the byline names them. "
                                       "The credit line is for an agency's staff."))

    class Meta:
        model = Article
        fields = ["headline", "slug", "section", "language", "lead", "dateline_place", "agency",
                  "byline", "body", "tags", "is_breaking", "translation", "lead_image"]
        widgets = {"body": RichTextEditor, "lead": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version_seen"].initial = self.instance.version
            self.fields["authors"].initial = [
                b.author_id for b in self.instance.bylines.all()]

    def clean_body(self) -> str:
        return richtext_to_story_html(self.cleaned_data.get("body", ""))

    def clean_new_image(self):
        upload = self.cleaned_data.get("new_image")
        if upload:
            check_image(upload)
        return upload

    def clean(self):
        data = super().clean()
        if data.get("new_image") and not (data.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Describe the image in its alt text."))
        seen = data.get("version_seen")
        if self.instance.pk and seen is not None:
            current = Article.objects.filter(pk=self.instance.pk).values_list(
                "version", flat=True).first()
            if current is not None and current != seen:
                raise ValidationError(_(
                    "Someone saved this story after you opened it. Your changes were not "
                    "saved, so theirs are not lost: open the story again, then redo your "
                    "changes."), code="stale")
        return data


class ScheduleForm(forms.Form):
    at = forms.DateTimeField(label=_("Publish at"), input_formats=["%Y-%m-%dT%H:%M",
                                                                   "%Y-%m-%d %H:%M"])

    def clean_at(self):
        at = self.cleaned_data["at"]
        if timezone.is_naive(at):
            at = timezone.make_aware(at)
        return at


class CorrectionForm(forms.Form):
    text = forms.CharField(label=_("Correction or update"), max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 3}))
