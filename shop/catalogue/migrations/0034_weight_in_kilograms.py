"""Product weights move from grams to kilograms, the unit Oscar's shipping Scale reads.

Demo data stored the ``weight`` attribute as an integer number of grams ("Weight (grams)": 410
for the QL Claw), and shipping weighed that as 410 kg. Every ``weight`` attribute becomes a
float named "Weight (kg)"; integer values (grams, the only unit the shop ever stored as
integers) and float values of an attribute whose name said grams are divided by 1,000.
"""

from decimal import Decimal

from django.db import migrations

NAME_KG = "Weight (kg)"
NAME_GRAMS = "Weight (grams)"
THOUSAND = Decimal(1000)


def grams_to_kilograms(apps, schema_editor):
    ProductAttribute = apps.get_model("catalogue", "ProductAttribute")
    ProductAttributeValue = apps.get_model("catalogue", "ProductAttributeValue")
    for attribute in ProductAttribute.objects.filter(code="weight"):
        if attribute.type not in ("integer", "float"):
            continue
        in_grams = attribute.type == "integer" or "gram" in attribute.name.lower()
        for value in ProductAttributeValue.objects.filter(attribute=attribute):
            stored = value.value_integer if attribute.type == "integer" else value.value_float
            if stored is None:
                continue
            kilograms = Decimal(str(stored)) / THOUSAND if in_grams else Decimal(str(stored))
            value.value_float = float(kilograms)
            value.value_integer = None
            value.save(update_fields=["value_float", "value_integer"])
        attribute.type = "float"
        attribute.name = NAME_KG
        attribute.save(update_fields=["type", "name"])


def kilograms_to_grams(apps, schema_editor):
    ProductAttribute = apps.get_model("catalogue", "ProductAttribute")
    ProductAttributeValue = apps.get_model("catalogue", "ProductAttributeValue")
    for attribute in ProductAttribute.objects.filter(code="weight", type="float"):
        for value in ProductAttributeValue.objects.filter(attribute=attribute):
            if value.value_float is None:
                continue
            value.value_integer = int(round(Decimal(str(value.value_float)) * THOUSAND))
            value.value_float = None
            value.save(update_fields=["value_float", "value_integer"])
        attribute.type = "integer"
        attribute.name = NAME_GRAMS
        attribute.save(update_fields=["type", "name"])


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0033_search_document")]

    operations = [migrations.RunPython(grams_to_kilograms, kilograms_to_grams)]
