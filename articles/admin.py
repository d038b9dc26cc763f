"""Django admin registrations for developers; staff work in the dashboard's Library menu.

Articles and figures are left out on purpose: their saves must go through ``services`` (Markdown
rendering, image checks), which only the dashboard views call.
"""

from django.contrib import admin

from .models import BodyRegion, Comment, Muscle, Reference, ReferredPain, Series, Tag


class ReferredPainInline(admin.TabularInline):
    model = ReferredPain
    extra = 1


@admin.register(Muscle)
class MuscleAdmin(admin.ModelAdmin):
    inlines = [ReferredPainInline]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag, Series, BodyRegion, Reference)
class LibraryAdmin(admin.ModelAdmin):
    pass


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["name", "article", "status", "created"]
    list_filter = ["status"]
