"""Guarantee terms: exactly one version is current, and load_demo creates version 1."""

import pytest
from django.db import IntegrityError

from shop.guarantee.demo import ensure_guarantee_terms
from shop.guarantee.models import GuaranteeTerms
from shop.guarantee.selectors import NoCurrentTerms, current_terms
from shop.guarantee.services import make_terms_current

pytestmark = pytest.mark.django_db


def test_demo_terms_are_version_one_and_idempotent():
    ensure_guarantee_terms()
    ensure_guarantee_terms()
    terms = current_terms()
    assert (terms.version, terms.window_days) == (1, 30)
    assert GuaranteeTerms.objects.count() == 1


def test_making_new_terms_current_retires_the_old_ones():
    old = ensure_guarantee_terms()
    new = GuaranteeTerms.objects.create(version=2, refund_time_text="soon", body="v2")
    make_terms_current(terms=new)
    assert current_terms() == new
    old.refresh_from_db()
    assert not old.is_current


def test_the_database_refuses_two_current_versions():
    ensure_guarantee_terms()
    with pytest.raises(IntegrityError):
        GuaranteeTerms.objects.create(version=2, refund_time_text="x", body="x", is_current=True)


def test_no_current_terms_is_a_clear_error():
    with pytest.raises(NoCurrentTerms):
        current_terms()
