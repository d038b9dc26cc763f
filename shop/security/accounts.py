"""Customer accounts: one identity per email address, whatever its letter case.

Emails are compared without regard to case everywhere an account is looked up (Oscar's
``EmailBackend`` matches ``iexact``), so the sign-in lockout, registration and the database must
agree: django-axes counts failures under the lower-cased address (``lockout_username``, its
``AXES_USERNAME_CALLABLE``), registration stores the lower-cased address and refuses one that
differs from an existing account's only by case, and a unique index on ``LOWER(email)``
(migration ``0002_unique_email_ignoring_case``) holds the rule in the database.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from oscar.core.loading import get_class

EmailUserCreationForm = get_class("customer.forms", "EmailUserCreationForm")

ACCOUNT_EXISTS = (
    "An account with this email address already exists. Sign in, or reset your password if "
    "you have forgotten it."
)


def normalised_email(email: str) -> str:
    """The form under which an address is stored and counted: stripped and lower-cased whole.

    RFC 5321 lets a mail server treat the local part's case as significant; no mail service
    customers use does, and treating ``Alice@`` and ``alice@`` as two accounts is what let the
    lockout be bypassed.
    """
    return email.strip().lower()


def lockout_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The name django-axes counts sign-in failures under: the account's lower-cased email.

    A sign-in form gives the address as typed. After a successful sign-in axes passes the
    user's ``username`` (a random string for accounts Oscar registers), which is mapped to the
    account's email so that the success clears the failures counted under it.
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials is not None:
        value = credentials.get(field)
    else:
        value = getattr(request, "data", request.POST).get(field)
    if not isinstance(value, str):
        return None
    if "@" not in value:
        email = (
            get_user_model()
            .objects.filter(username=value.strip())
            .values_list("email", flat=True)
            .first()
        )
        value = email or value
    return normalised_email(value)


class RegistrationForm(EmailUserCreationForm):
    """Oscar's registration form, storing the lower-cased address and refusing one an account
    already has in any letter case."""

    def clean_email(self) -> str:
        email = normalised_email(self.cleaned_data["email"])
        if get_user_model()._default_manager.filter(email__iexact=email).exists():
            raise forms.ValidationError(ACCOUNT_EXISTS)
        return email
