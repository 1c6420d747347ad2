"""The desk's first form: Django admin over sections, agencies, tags and stories."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from dateline.newsroom import actions
from dateline.newsroom.models import Agency, Article, Section, Tag


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "language", "order")
    list_filter = ("language",)
    list_editable = ("order",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "name_ru")
    search_fields = ("name", "code", "name_ru")


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "language")
    list_filter = ("language",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("headline", "section", "language", "status", "published_at", "agency")
    list_filter = ("status", "language", "section", "agency")
    list_select_related = ("section", "agency")
    search_fields = ("headline", "slug", "byline")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("tags", "translation")
    raw_id_fields = ()
    readonly_fields = ("created_at", "updated_at", "comment_count")
    fieldsets = (
        (None, {"fields": ("headline", "slug", "section", "language", "status", "published_at")}),
        (_("Story"), {"fields": ("lead", "dateline_place", "agency", "byline", "body")}),
        (_("Topics and translation"), {"fields": ("tags", "translation")}),
        (_("Record"), {"fields": ("created_at", "updated_at", "comment_count")}),
    )
    show_full_result_count = False  # a count(*) over a large archive on every list view

    def save_model(self, request, obj, form, change):
        # Through the action, so readers' caches and live pages learn of the change.
        actions.save_article(obj, by=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        actions.article_topics_changed(form.instance)
