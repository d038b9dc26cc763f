"""Oscar's attribute container with the shop's one extra rule: a product's weight is possible.

``Product.clean`` validates attributes through this container, so the dashboard's product form
(and any other ``full_clean``) refuses a weight such as 410 "kg" with a message that names the
unit, instead of saving it and charging the buyer for 410 kg of shipping.
"""

from django.core.exceptions import ValidationError
from oscar.apps.catalogue.product_attributes import (
    ProductAttributesContainer as CoreProductAttributesContainer,
)

from shop.shipping.weights import WEIGHT_ATTRIBUTE_CODE, validate_product_weight_kg


class ProductAttributesContainer(CoreProductAttributesContainer):
    def validate_attributes(self):
        # The evaluated queryset Oscar's own loop uses, not get_attribute_by_code: that one
        # leaves a half-read iterator (a server-side cursor on PostgreSQL) behind a failed form.
        attribute = next(
            (a for a in self.get_all_attributes() if a.code == WEIGHT_ATTRIBUTE_CODE), None
        )
        weight = getattr(self, WEIGHT_ATTRIBUTE_CODE, None) if attribute else None
        if weight is not None:
            try:
                validate_product_weight_kg(weight)
            except ValidationError as error:
                raise ValidationError(f"{attribute.name}: {error.messages[0]}") from None
        super().validate_attributes()
