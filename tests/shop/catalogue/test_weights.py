"""Product weight has one unit, kilograms: the demo stores it, a migration corrects grams, and
the dashboard refuses a weight no product of this shop can have."""

import importlib
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductAttributeFactory, ProductClassFactory, ProductFactory

from shop.backoffice.roles import ensure_staff_roles
from shop.catalogue.demo import DEMO_PRODUCTS, ensure_catalogue
from shop.shipping.methods import basket_weight_kg, product_weight_kg

Product = get_model("catalogue", "Product")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")

pytestmark = pytest.mark.django_db

DEMO_WEIGHTS_KG = {
    "QL-CLAW": Decimal("0.410"),
    "QL-BALLS": Decimal("0.180"),
    "QL-POUCH": Decimal("0.150"),
    "QL-CHART": Decimal("0.120"),
    "QL-KIT": Decimal("0.740"),
}


def test_demo_products_weigh_what_they_weigh_in_kilograms():
    ensure_catalogue()
    assert {demo.upc for demo in DEMO_PRODUCTS} == set(DEMO_WEIGHTS_KG)
    for upc, kilograms in DEMO_WEIGHTS_KG.items():
        assert product_weight_kg(Product.objects.get(upc=upc)) == kilograms
    attributes = ProductAttribute.objects.filter(code="weight")
    assert attributes.count() == 3  # one per product class
    assert set(attributes.values_list("name", "type")) == {("Weight (kg)", "float")}


def test_load_demo_twice_keeps_the_kilograms_and_changes_nothing():
    call_command("load_demo", stdout=StringIO())
    before = list(ProductAttributeValue.objects.order_by("pk").values())
    updated = list(Product.objects.order_by("pk").values_list("date_updated", flat=True))
    call_command("load_demo", stdout=StringIO())
    assert list(ProductAttributeValue.objects.order_by("pk").values()) == before
    assert list(Product.objects.order_by("pk").values_list("date_updated", flat=True)) == updated
    assert product_weight_kg(Product.objects.get(upc="QL-CLAW")) == Decimal("0.410")


def test_the_migration_turns_stored_grams_into_kilograms():
    """The database as the demo of earlier releases left it: "Weight (grams)", integers."""
    product_class = ProductClassFactory(name="Massage tool")
    attribute = ProductAttributeFactory(
        product_class=product_class, code="weight", name="Weight (grams)", type="integer"
    )
    claw = ProductFactory(product_class=product_class, upc="OLD-CLAW")
    kit = ProductFactory(product_class=product_class, upc="OLD-KIT")
    ProductAttributeValue.objects.create(product=claw, attribute=attribute, value_integer=410)
    ProductAttributeValue.objects.create(product=kit, attribute=attribute, value_integer=740)

    migration = importlib.import_module("shop.catalogue.migrations.0034_weight_in_kilograms")
    migration.grams_to_kilograms(apps, None)

    attribute.refresh_from_db()
    assert (attribute.name, attribute.type) == ("Weight (kg)", "float")
    assert product_weight_kg(Product.objects.get(upc="OLD-CLAW")) == Decimal("0.410")
    assert product_weight_kg(Product.objects.get(upc="OLD-KIT")) == Decimal("0.740")
    value = ProductAttributeValue.objects.get(product=claw)
    assert (value.value_integer, value.value_float) == (None, 0.41)

    migration.kilograms_to_grams(apps, None)
    value.refresh_from_db()
    assert (value.value_integer, value.value_float) == (410, None)


def test_ten_items_of_0_2_kg_weigh_exactly_2_kg(client, shop_data):
    """Floats through Decimal(str()): 0.2 kg x 10 stays in the band up to 2 kg."""
    product_class = ProductClassFactory(name="Light")
    ProductAttributeFactory(product_class=product_class, code="weight", type="float")
    product = ProductFactory(product_class=product_class, stockrecords__num_in_stock=20)
    product.attr.weight = 0.2
    product.attr.save()
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 10})
    basket = client.get(reverse("basket:summary")).context["basket"]
    assert basket_weight_kg(basket) == Decimal("2.000")


# -- the dashboard's product form ------------------------------------------------------------


@pytest.fixture
def catalogue_staff(client):
    ensure_catalogue()
    user = get_user_model().objects.create_user("editor", "editor@example.com", "pw", is_staff=True)
    user.groups.add(*ensure_staff_roles().values())
    client.force_login(user)
    return client


def product_form_data(response) -> dict:
    """What the dashboard's product page would post back unchanged: every form and formset."""
    data = {}
    totals = {}
    forms = [response.context["form"]]
    for name, value in response.context_data.items():
        if name.endswith("_formset") and hasattr(value, "management_form"):
            forms.append(value.management_form)
            # Without the empty extra forms, which the browser's page would post blank.
            forms.extend(value.forms[: value.initial_form_count()])
            totals[f"{value.prefix}-TOTAL_FORMS"] = str(value.initial_form_count())
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            if isinstance(value, list | tuple):
                data[bound.html_name] = [str(v) for v in value]
            elif hasattr(value, "pk"):
                data[bound.html_name] = str(value.pk)
            else:
                data[bound.html_name] = str(value)
    return {**data, **totals}


def post_weight(client, product, weight: str):
    url = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert "Weight (kg)" in page.content.decode()
    data = product_form_data(page)
    data["attr_weight"] = weight
    return client.post(url, data)


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        ("410", "410 kg is more than one item of this shop can weigh"),
        ("30.5", "at most 30 kg"),
        ("0", "Enter a weight above 0 kg"),
        ("-0.41", "Enter a weight above 0 kg"),
    ],
)
def test_the_dashboard_refuses_an_impossible_weight_with_a_clear_message(
    catalogue_staff, weight, message
):
    claw = Product.objects.get(upc="QL-CLAW")
    response = post_weight(catalogue_staff, claw, weight)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert product_weight_kg(Product.objects.get(pk=claw.pk)) == Decimal("0.410")


def test_the_dashboard_saves_a_weight_in_kilograms(catalogue_staff):
    claw = Product.objects.get(upc="QL-CLAW")
    response = post_weight(catalogue_staff, claw, "0.43")
    assert response.status_code == 302
    assert product_weight_kg(Product.objects.get(pk=claw.pk)) == Decimal("0.430")
