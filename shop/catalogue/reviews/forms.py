"""The review form: a score from 1 to 5 stars and a body of a readable length.

Oscar's model allows a score of 0, which the form offered as a choice and the stars cannot show;
here only 1-5 is offered and accepted, whatever the request sends.
"""

from django import forms
from oscar.apps.catalogue.reviews import forms as oscar_forms

SCORES = [(score, f"{score} star{'s' if score > 1 else ''}") for score in range(1, 6)]
BODY_MAX_LENGTH = 3000


class ProductReviewForm(oscar_forms.ProductReviewForm):
    score = forms.TypedChoiceField(
        label="Score",
        choices=[("", "Choose a score"), *SCORES],
        coerce=int,
        error_messages={
            "required": "Choose a score from 1 to 5 stars.",
            "invalid_choice": "Choose a score from 1 to 5 stars.",
        },
    )
    body = forms.CharField(
        label="Your review",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=BODY_MAX_LENGTH,
        error_messages={
            "required": "Please write your review.",
            "max_length": "Please keep your review to %(limit_value)s characters or fewer "
            "(it has %(show_value)s now).",
        },
    )
