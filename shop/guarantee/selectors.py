"""Reads of the guarantee terms."""

from .models import GuaranteeTerms


class NoCurrentTerms(Exception):
    """No guarantee terms are current: the shop cannot sell until staff publish a version."""


def current_terms() -> GuaranteeTerms:
    """Return the terms in force; raise ``NoCurrentTerms`` when none are."""
    terms = GuaranteeTerms.objects.filter(is_current=True).first()
    if terms is None:
        raise NoCurrentTerms("No money-back guarantee terms are in force.")
    return terms
