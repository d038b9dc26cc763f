"""The claim form's page: the site's form layout (label above input), and each error said once."""

import re

import pytest
from django.urls import reverse

from tests.shop.guarantee.helpers import claim_form, paid_order

pytestmark = pytest.mark.django_db(transaction=True)

NOTHING_CHOSEN = "Choose how many units of which item you want refunded."


def test_zero_units_error_is_shown_once_beside_the_choice(client, product, fake_stripe):
    order = paid_order(client, product, fake_stripe)
    response = client.post(
        reverse("guarantee:order", args=[order.number]),
        claim_form(order, {order.lines.get().pk: 0}),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count(NOTHING_CHOSEN) == 1
    fieldset = re.search(r"<fieldset[^>]*>.*?</fieldset>", html, re.S).group(0)
    assert 'aria-describedby="claim-units-error"' in fieldset
    assert f'<p class="field__error" id="claim-units-error" role="alert">{NOTHING_CHOSEN}</p>' in (
        fieldset
    )


def test_every_claim_field_uses_the_sites_field_layout(client, product, fake_stripe):
    order = paid_order(client, product, fake_stripe)
    html = client.get(reverse("guarantee:order", args=[order.number])).content.decode()
    form = re.search(r'<form[^>]*class="form-card claim-form".*?</form>', html, re.S).group(0)
    line = order.lines.get()
    for name in (f"quantity_{line.pk}", "reason", "details", "photos"):
        # The partial wraps label and input in one .field block: the label sits above its input.
        block = re.search(
            rf'<div class="field[^"]*">\s*<label for="id_{name}">.*?</div>', form, re.S
        )
        assert block, name
        assert f'name="{name}"' in block.group(0)
    assert "<p><label" not in form


def test_a_bad_quantity_is_said_once_on_its_field(client, product, fake_stripe):
    order = paid_order(client, product, fake_stripe)
    line = order.lines.get()
    response = client.post(
        reverse("guarantee:order", args=[order.number]), claim_form(order, {line.pk: 5})
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count("Ensure this value is less than or equal to 1.") == 1
    assert f'id="id_quantity_{line.pk}_error"' in html
    assert NOTHING_CHOSEN not in html
