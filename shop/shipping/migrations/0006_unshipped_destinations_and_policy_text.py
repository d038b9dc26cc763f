"""Stop offering destinations the shop cannot deliver to, and take the numbers out of the
shipping policy's text (the page now prints them from the zones).

Both run once on databases made before this change: countries are flagged with Oscar's
``is_shipping_country`` (staff change it in the admin afterwards), and the policy text is only
replaced if it is still the demo text nobody edited.
"""

from django.db import migrations

# A copy of shop/shipping/destinations.py at the time of writing: migrations do not import code
# that may change later.
NOT_SHIPPED_TO = ["AQ", "BV", "GS", "HM", "TF", "UM", "BY", "CU", "IR", "KP", "RU", "SY"]

OLD_TEXT = (
    "<p>We ship to every country. Every parcel is tracked, and you get the tracking link "
    "by email when it leaves us.</p>"
    "<h2>Two ways to ship</h2>"
    "<ul><li><strong>Standard</strong>: tracked post, usually 3 to 7 working days "
    "within North America and Europe and 7 to 15 working days elsewhere.</li>"
    "<li><strong>Fast tracked</strong>: express courier, usually 1 to 3 working days "
    "within North America and Europe and 2 to 5 working days elsewhere.</li></ul>"
    "<h2>What it costs</h2>"
    "<p>The price depends on the destination zone and the weight of the parcel. You see "
    "the exact price and the delivery estimate for your address at checkout, before you "
    "pay. Standard shipping is free on larger orders.</p>"
    "<h2>Customs</h2>"
    "<p>Outside the United States, your country may charge import duties or taxes on "
    "delivery. We declare the real value of every parcel.</p>"
)
NEW_TEXT = (
    "<p>Every parcel is tracked, and you get the tracking link by email when it leaves us.</p>"
    "<h2>Two ways to ship</h2>"
    "<ul><li><strong>Standard</strong>: tracked post.</li>"
    "<li><strong>Fast tracked</strong>: express courier.</li></ul>"
    "<p>The price depends on the destination zone and the weight of the parcel. You see the "
    "exact price and the delivery estimate for your address at checkout, before you pay.</p>"
    "<h2>Customs</h2>"
    "<p>Outside the United States, your country may charge import duties or taxes on "
    "delivery. We declare the real value of every parcel.</p>"
)


def forward(apps, schema_editor):
    Country = apps.get_model("address", "Country")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    Country.objects.filter(iso_3166_1_a2__in=NOT_SHIPPED_TO).update(is_shipping_country=False)
    FlatPage.objects.filter(url="/policies/shipping/", content=OLD_TEXT).update(content=NEW_TEXT)


def backward(apps, schema_editor):
    Country = apps.get_model("address", "Country")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    Country.objects.filter(iso_3166_1_a2__in=NOT_SHIPPED_TO).update(is_shipping_country=True)
    FlatPage.objects.filter(url="/policies/shipping/", content=NEW_TEXT).update(content=OLD_TEXT)


class Migration(migrations.Migration):
    dependencies = [
        ("shipping", "0005_remove_per_kg_surcharge"),
        ("address", "0007_useraddress_code"),
        ("flatpages", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, backward)]
