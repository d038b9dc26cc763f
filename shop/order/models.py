"""Oscar's order models, with the guarantee terms each order was sold under."""

from django.conf import settings
from django.db import models
from oscar.apps.order.abstract_models import AbstractOrder

# Only the payment services may take an order out of "Pending payment": "Paid" must mean the
# money arrived, and cancelling must release the stock. Staff cannot pick them in the dashboard.
SERVICE_ONLY_TRANSITIONS = {
    (settings.OSCAR_INITIAL_ORDER_STATUS, "Paid"),
    (settings.OSCAR_INITIAL_ORDER_STATUS, "Cancelled"),
}


class Order(AbstractOrder):
    guarantee_terms = models.ForeignKey(
        "guarantee.GuaranteeTerms",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        help_text="The money-back guarantee terms in force when the order was placed.",
    )

    _service_transition = False

    def available_statuses(self):
        statuses = super().available_statuses()
        if self._service_transition:
            return statuses
        return tuple(s for s in statuses if (self.status, s) not in SERVICE_ONLY_TRANSITIONS)

    def set_status_by_service(self, new_status: str) -> None:
        """Change the status from a service that did what the change means (payment recorded,
        stock released); the dashboard cannot make these changes."""
        self._service_transition = True
        try:
            self.set_status(new_status)
        finally:
            self._service_transition = False


from oscar.apps.order.models import *  # noqa: E402, F403
