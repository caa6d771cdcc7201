"""Programmes, their signatories, and the discount each pricing group gets."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from certification.models import GroupDiscount, Programme, Signatory


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "title",
            "slug",
            "description",
            "criteria",
            "topic",
            "organisation",
            "required_courses",
            "assessment",
            "exam",
            "project_brief",
            "base_price",
            "currency",
            "signatories",
            "is_active",
        ]

    def clean(self):
        data = super().clean()
        exam = data.get("exam")
        courses = data.get("required_courses")
        if data.get("assessment") == Programme.Assessment.EXAM:
            if exam is None:
                self.add_error(
                    "exam",
                    _("A programme assessed by exam needs its final exam: give the quiz's ID."),
                )
            elif courses is not None and exam.module.version.course_id not in {
                course.pk for course in courses
            }:
                self.add_error(
                    "exam",
                    _(
                        "The final exam must be a quiz of one of the required courses (in any of "
                        "its language versions). Add that course, or choose another quiz."
                    ),
                )
        return data


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    form = ProgrammeForm
    list_display = ["title", "assessment", "base_price", "currency", "organisation", "is_active"]
    list_filter = ["is_active", "assessment", "topic"]
    list_select_related = ["organisation"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    # Checkboxes and a quiz ID typed in work without JavaScript and pass axe, unlike the
    # admin's scripted two-box filter (its search icon carries a prohibited aria-label).
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    raw_id_fields = ["exam"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "criteria", "topic", "organisation"]}),
        (
            _("Requirements"),
            {"fields": ["required_courses", "assessment", "exam", "project_brief"]},
        ),
        (_("Price"), {"fields": ["base_price", "currency"]}),
        (_("Certificate"), {"fields": ["signatories", "is_active"]}),
    ]


@admin.register(Signatory)
class SignatoryAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["name", "title"]


@admin.register(GroupDiscount)
class GroupDiscountAdmin(admin.ModelAdmin):
    list_display = ["group", "percent"]
    list_editable = ["percent"]
