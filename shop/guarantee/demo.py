"""Demo data of the guarantee: version 1 of the terms, in force."""

from .models import GuaranteeTerms
from .services import make_terms_current

TERMS_V1 = {
    "window_days": 30,
    "refunds_shipping": False,
    "requires_return": False,
    "return_instructions": (
        "No need to send the tool back. If we ask for it in an exceptional case, we send you a "
        "prepaid label."
    ),
    "refund_time_text": "within 5 business days of your claim being approved",
    "body": (
        "If the QL Claw does not help you, claim your money back within 30 days of delivery. "
        "We refund the price of the items you claim to the card you paid with. Shipping costs "
        "are not refunded. Claim from your order page or through the order lookup."
    ),
}


def ensure_guarantee_terms() -> GuaranteeTerms:
    """Create version 1 of the terms and make it current when no version is current yet."""
    terms, _ = GuaranteeTerms.objects.get_or_create(version=1, defaults=TERMS_V1)
    if not GuaranteeTerms.objects.filter(is_current=True).exists():
        make_terms_current(terms=terms)
    return terms
