"""``manage.py reconcile_payments``: settle what webhooks and returns missed.

Finalises paid Checkout Sessions whose order is still pending (a lost webhook and a closed
browser) and cancels orders whose sessions expired. Celery beat runs it in production.
"""

from django.core.management.base import BaseCommand

from shop.payment.services import reconcile_payments


class Command(BaseCommand):
    help = "Finalise paid-but-pending orders and cancel expired ones."

    def handle(self, *args, **options) -> None:
        report = reconcile_payments()
        self.stdout.write(
            f"Paid: {report.paid}; cancelled: {report.cancelled}; errors: {report.errors}."
        )
