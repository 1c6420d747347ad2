"""The desk: Django admin shaped for a newsroom. Every write goes through newsroom actions."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from dateline import numbers  # also registers the <id:...> converter
from dateline.newsroom import actions
from dateline.newsroom.desk import panels
from dateline.newsroom.desk import search as story_search
from dateline.newsroom.desk import views as desk
from dateline.newsroom.desk.forms import ArticleForm, CorrectionForm, ScheduleForm
from dateline.newsroom.models import Agency, Article, AuditEntry, Author, Section, Tag

S = Article.Status

admin.site.site_header = _("Dateline desk")
admin.site.site_title = _("Dateline desk")
admin.site.index_title = _("Newsroom")


class FrameAdmin(admin.ModelAdmin):
    """Sections, agencies and tags: every add, change and removal goes through the actions,
    so the site hears of it (menus and credits are refreshed)."""

    save_action: Callable[..., object]
    delete_action: Callable[..., None]

    def save_model(self, request, obj, form, change):
        type(self).save_action(obj, by=request.user)

    def delete_model(self, request, obj):
        type(self).delete_action(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        refused = []
        for obj in queryset:
            try:
                type(self).delete_action(obj, by=request.user)
            except ValidationError as exc:
                refused.append(f"{obj}: {' '.join(exc.messages)}")
        if refused:
            messages.error(request, " ".join(refused))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:  # a race the form could not see: nothing was written
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(request.path)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(request.path)


@admin.register(Section)
class SectionAdmin(FrameAdmin):
    list_display = ("name", "slug", "language", "order")
    list_filter = ("language",)
    list_editable = ("order",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    save_action = actions.save_section
    delete_action = actions.delete_section


@admin.register(Agency)
class AgencyAdmin(FrameAdmin):
    list_display = ("name", "code", "name_ru")
    search_fields = ("name", "code", "name_ru")
    save_action = actions.save_agency
    delete_action = actions.delete_agency


@admin.register(Tag)
class TagAdmin(FrameAdmin):
    list_display = ("name", "slug", "language")
    list_filter = ("language",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    save_action = actions.save_tag
    delete_action = actions.delete_tag


@admin.register(Author)
class AuthorAdmin(FrameAdmin):
    list_display = ("name", "name_ru", "slug", "user")
    search_fields = ("name", "name_ru", "slug")
    raw_id_fields = ("photo", "user")
    prepopulated_fields = {"slug": ("name",)}
    save_action = actions.save_author
    delete_action = actions.delete_author


class DeskFilter(admin.SimpleListFilter):
    title = _("desk")
    parameter_name = "desk"

    def lookups(self, request, model_admin):
        return [("mine", _("My drafts")), ("review", _("Review queue")),
                ("scheduled", _("Scheduled")), ("breaking", _("Breaking"))]

    def queryset(self, request, queryset):
        match self.value():
            case "mine":
                return queryset.filter(author=request.user, status=S.DRAFT)
            case "review":
                return queryset.filter(status=S.REVIEW).order_by("updated_at")
            case "scheduled":
                return queryset.filter(status=S.SCHEDULED).order_by("published_at")
            case "breaking":
                return queryset.filter(is_breaking=True)
        return queryset


class _KnownIds:
    """Django's autocomplete widget looks up the submitted ids to show them again, and a
    value that is no id at all makes that a 500: show only what can be an id."""

    def optgroups(self, name, value, attr=None):
        ids = [v for v in value if numbers.parse(str(v), low=1) is not None]
        return super().optgroups(name, ids, attr)


class StoryPicker(_KnownIds, AutocompleteSelect):
    def create_option(self, name, value, label, *args, **kwargs) -> dict:
        option = super().create_option(name, value, label, *args, **kwargs)
        if value == "" and not label:
            option["attrs"]["label"] = "—"  # an empty <option> needs a label
        return option


class TagPicker(_KnownIds, AutocompleteSelectMultiple):
    pass


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    actions: list = []  # apps above add theirs (the discussion: close and reopen)
    change_form_template = "newsroom/desk/change_form.html"
    list_display = ("headline", "status", "section", "language", "author", "updated_at",
                    "published_at", "is_breaking", "comment_count", "discussion_closed")
    list_filter = (DeskFilter, "status", "language", "section", "author", "agency")
    list_select_related = ("section", "author")
    search_fields = ("headline", "slug", "byline", "lead")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("tags", "translation")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        picker = getattr(getattr(field, "widget", None), "widget", None)
        if isinstance(picker, AutocompleteSelectMultiple):
            picker.__class__ = TagPicker
        elif isinstance(picker, AutocompleteSelect):
            picker.__class__ = StoryPicker
        return field
    raw_id_fields = ("lead_image",)
    readonly_fields = ("status", "published_at", "author", "created_at", "updated_at",
                       "comment_count")
    show_full_result_count = False  # a count(*) over a large archive on every list view
    fieldsets = (
        (None, {"fields": ("headline", "slug", "section", "language", "is_breaking")}),
        (_("Story"), {"fields": ("lead", "dateline_place", "agency", "authors", "byline",
                                 "body")}),
        (_("Lead image"), {"fields": ("lead_image", "new_image", "image_alt", "image_caption",
                                      "image_credit")}),
        (_("Topics and translation"), {"fields": ("tags", "translation")}),
        (_("Record"), {"fields": ("status", "published_at", "author", "created_at",
                                  "updated_at", "comment_count", "version_seen")}),
    )

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.has_perm("newsroom.edit_any_article"):
            return qs
        # a reporter works on their own stories and reads what is public
        return qs.filter(Q(author=request.user) | Q(status=S.PUBLISHED))

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # drafts by their words as typed; public stories also by the index's word forms
        ids = story_search.matching(search_term, request.GET.get("language__exact", ""))
        if ids:
            found = found | queryset.filter(pk__in=ids)
        return found, may_have_duplicates

    def has_change_permission(self, request, obj=None):
        if obj is not None and not actions.can_edit(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<id:pk>/do/<slug:action>/", wrap(desk.transition), name="newsroom_desk_do"),
            path("<id:pk>/revisions/", wrap(self.revisions_view), name="newsroom_revisions"),
            path("<id:pk>/revisions/<id:number>/restore/", wrap(desk.restore),
                 name="newsroom_restore"),
            path("<id:pk>/autosave/", wrap(desk.autosave), name="newsroom_autosave"),
        ] + super().get_urls()

    def revisions_view(self, request, pk):
        return desk.revisions(request, pk, self.admin_site)

    def render_change_form(self, request, context, add=False, change=False, form_url="",
                           obj=None):
        if obj is not None:
            user = request.user
            context.update({
                "desk_article": obj,
                "desk_panels": panels.render(obj),
                "can_publish": user.has_perm("newsroom.publish_article"),
                "can_correct": user.has_perm("newsroom.correct_article"),
                "can_edit": actions.can_edit(user, obj),
                "schedule_form": ScheduleForm(),
                "correction_form": CorrectionForm(),
                "preview_url": reverse("reader_preview", kwargs={"pk": obj.pk}),
            })
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:
            # e.g. another save won the race after the form's own version check: the
            # transaction rolled back, nothing was written.
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(request.path)

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("new_image")
        if upload:
            obj.lead_image = actions.upload_lead_image(
                upload, alt=form.cleaned_data["image_alt"], by=request.user,
                caption=form.cleaned_data.get("image_caption", ""),
                credit=form.cleaned_data.get("image_credit", ""))
        actions.save_article(obj, by=request.user, tags=list(form.cleaned_data["tags"]),
                             authors=form.cleaned_data["authors"],
                             expected_version=form.cleaned_data.get("version_seen"))

    def save_related(self, request, form, formsets, change):
        # Tags were set by the action, inside its transaction and revision.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is written by actions and read by chief editors."""

    list_display = ("created_at", "actor", "action", "summary")
    list_filter = ("action", "actor")
    search_fields = ("summary",)
    date_hierarchy = "created_at"
    list_select_related = ("actor",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
