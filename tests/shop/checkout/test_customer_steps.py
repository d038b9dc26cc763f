"""The checkout's first steps for customers with an account: signing in at the gateway, and
shipping to one of their saved addresses."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.test.factories import UserAddressFactory

from tests.shop.checkout.fixtures import fill_basket

pytestmark = pytest.mark.django_db

PASSWORD = "correct-Horse-battery-9"


@pytest.fixture
def customer(db):
    return get_user_model().objects.create_user("reader", "reader@example.com", PASSWORD)


def sign_in_at_gateway(client, email: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        reverse("checkout:index"),
        {"username": email, "options": "existing", "password": password},
        REMOTE_ADDR=address,
    )


def test_a_returning_customer_signs_in_at_the_gateway_and_goes_on_to_the_address(
    client, product, customer
):
    fill_basket(client, product)
    response = sign_in_at_gateway(client, customer.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:shipping-address")
    assert client.session["_auth_user_id"] == str(customer.pk)
    assert client.get(reverse("checkout:shipping-address")).status_code == 200


def test_a_wrong_password_at_the_gateway_is_a_form_error(client, product, customer):
    fill_basket(client, product)
    response = sign_in_at_gateway(client, customer.email, "wrong")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_at_the_gateway_count_towards_the_login_lockout(client, product, customer):
    fill_basket(client, product)
    for _ in range(10):
        assert sign_in_at_gateway(client, customer.email, "wrong").status_code in (200, 429)
    locked = sign_in_at_gateway(client, customer.email, PASSWORD)
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()


@pytest.fixture
def signed_in_with_basket(client, product, customer):
    client.force_login(customer)
    fill_basket(client, product)
    return client


def choose_address(client, address_id, action: str = "ship_to"):
    return client.post(
        reverse("checkout:shipping-address"), {"address_id": address_id, "action": action}
    )


def test_a_customer_ships_to_a_saved_address(signed_in_with_basket, customer):
    address = UserAddressFactory(user=customer)
    response = choose_address(signed_in_with_basket, address.pk)
    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:shipping-method")
    assert signed_in_with_basket.session["checkout_data"]["shipping"] == {
        "user_address_id": address.pk
    }


@pytest.mark.parametrize("address_id", ["abc", "", "1.5", "9" * 30, "99999999"])
def test_an_address_id_that_is_no_address_is_a_404(signed_in_with_basket, address_id):
    assert choose_address(signed_in_with_basket, address_id).status_code == 404
    assert not signed_in_with_basket.session.get("checkout_data", {}).get("shipping")


def test_another_customers_address_is_a_404(signed_in_with_basket):
    someone_elses = UserAddressFactory()
    assert choose_address(signed_in_with_basket, someone_elses.pk).status_code == 404


def test_an_unknown_action_on_a_saved_address_is_a_400(signed_in_with_basket, customer):
    address = UserAddressFactory(user=customer)
    assert choose_address(signed_in_with_basket, address.pk, "delete").status_code == 400
