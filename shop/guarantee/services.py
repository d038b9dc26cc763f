"""Operations on the guarantee terms."""

from django.db import transaction

from .models import GuaranteeTerms


@transaction.atomic
def make_terms_current(*, terms: GuaranteeTerms) -> GuaranteeTerms:
    """Put ``terms`` in force, retiring the previous version in the same transaction."""
    GuaranteeTerms.objects.select_for_update().filter(is_current=True).exclude(pk=terms.pk).update(
        is_current=False
    )
    if not terms.is_current:
        terms.is_current = True
        terms.save(update_fields=["is_current"])
    return terms
