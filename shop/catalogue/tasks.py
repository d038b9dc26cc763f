"""Background work of the catalogue: the product view counter of Oscar's analytics app.

Oscar counts views with an UPDATE in the request. On SQLite under load that write fails with
"database is locked", and everywhere it makes a read-only page write; the counter runs here,
after the response, instead.
"""

from celery import shared_task
from django.db import IntegrityError, transaction
from django.db.models import F
from oscar.core.loading import get_model

ProductRecord = get_model("analytics", "ProductRecord")
UserProductView = get_model("analytics", "UserProductView")


@shared_task(ignore_result=True)
def record_product_view(*, product_id: int, user_id: int | None = None) -> None:
    """Add one view to the product's counter (and the user's history when signed in)."""
    with transaction.atomic():
        updated = ProductRecord.objects.filter(product_id=product_id).update(
            num_views=F("num_views") + 1
        )
        if not updated:
            try:
                with transaction.atomic():
                    ProductRecord.objects.create(product_id=product_id, num_views=1)
            except IntegrityError:
                # Another worker created the row first; count on it.
                ProductRecord.objects.filter(product_id=product_id).update(
                    num_views=F("num_views") + 1
                )
        if user_id is not None:
            UserProductView.objects.create(product_id=product_id, user_id=user_id)
