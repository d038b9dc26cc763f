"""Forms of the support queue."""

from django import forms
from django.conf import settings

from ..models import CannedReply, SupportRequest
from ..selectors import AGE_FILTERS


class QueueFilterForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": "Reference, email or order number"}),
    )
    status = forms.ChoiceField(
        required=False, choices=[("", "Any status"), *SupportRequest.Status.choices]
    )
    topic = forms.ChoiceField(
        required=False, choices=[("", "Any topic"), *SupportRequest.Topic.choices]
    )
    assignee = forms.ChoiceField(required=False)
    older_than = forms.ChoiceField(
        label="Age",
        required=False,
        choices=[("", "Any age")] + [(key, f"Older than {key[:-1]} day(s)") for key in AGE_FILTERS],
    )
    breached = forms.BooleanField(label="Missed first-response target", required=False)

    def __init__(self, *args, agents=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [
            ("", "Anyone"),
            ("me", "Assigned to me"),
            ("none", "Unassigned"),
        ] + [(str(agent.pk), agent.get_full_name() or agent.email) for agent in agents]


def _body_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=settings.SUPPORT_MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class StaffReplyForm(forms.Form):
    body = _body_field("Reply to the customer (emailed)")


class InternalNoteForm(forms.Form):
    body = _body_field("Internal note (never shown to the customer)")


class AssignForm(forms.Form):
    assignee = forms.ChoiceField(label="Assign to", required=False)

    def __init__(self, *args, agents=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.agents = {str(agent.pk): agent for agent in agents}
        self.fields["assignee"].choices = [("", "Nobody")] + [
            (key, agent.get_full_name() or agent.email) for key, agent in self.agents.items()
        ]

    def clean_assignee(self):
        return self.agents.get(self.cleaned_data["assignee"])


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=SupportRequest.Status.choices)


class RevokeLinkForm(forms.Form):
    send_new_link = forms.BooleanField(
        label="Email the customer a new private link", required=False, initial=True
    )


class CannedReplyForm(forms.ModelForm):
    class Meta:
        model = CannedReply
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
