from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alliance.core.models import Topic
from courses.models import Format, Level, Question, Quiz


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("Any level")), *Level.choices]
    )
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("Any format")), *Format.choices]
    )

    def __init__(self, *args, topics: list[Topic], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("Any topic"))] + [(t.slug, t.label) for t in topics]
        self.fields["q"].widget.attrs["type"] = "search"

    def filters(self) -> dict:
        return {
            "query": self.cleaned_data.get("q", ""),
            "topic": self.cleaned_data.get("topic", ""),
            "language": self.cleaned_data.get("language", ""),
            "level": self.cleaned_data.get("level", ""),
            "format": self.cleaned_data.get("format", ""),
        }


class QuizForm(forms.Form):
    """One field per question; the choices are the question's own options."""

    def __init__(self, *args, quiz: Quiz, **kwargs):
        super().__init__(*args, **kwargs)
        self.quiz = quiz
        for number, question in enumerate(quiz.questions.all(), start=1):
            choices = [(o.pk, o.text) for o in question.options.all()]
            label = _("Question %(number)d: %(text)s") % {"number": number, "text": question.text}
            if question.kind == Question.Kind.MULTIPLE:
                field = forms.TypedMultipleChoiceField(
                    label=label,
                    choices=choices,
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=_("Choose every answer that is right."),
                )
            else:
                field = forms.TypedChoiceField(
                    label=label, choices=choices, coerce=int, widget=forms.RadioSelect
                )
            field.question = question
            self.fields[f"q{question.pk}"] = field

    def answers(self) -> dict[int, list[int]]:
        result = {}
        for name, value in self.cleaned_data.items():
            question_id = int(name[1:])
            result[question_id] = value if isinstance(value, list) else [value]
        return result
