"""Property-based fuzzing (Hypothesis) of every public form and query parameter: random and
hostile strings (and hostile files where there are uploads) must get an answer below 500: a
page, a redirect or a clear 4xx, never a server error.

Bounded so the suite stays quick: a few dozen examples per target. The test client re-raises a
server error, so a failure shows the exception and the smallest input that causes it.
"""

import uuid
from urllib.parse import quote

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from oscar.core.loading import get_model
from oscar.test.factories import UserAddressFactory, create_order

from articles.models import Article
from shop.guarantee.access import order_access_key
from shop.guarantee.models import ClaimLine, GuaranteeClaim
from shop.support.links import private_link_path
from tests.articles.factories import ArticleFactory, SeriesFactory, TagFactory
from tests.factories import UserFactory, shop_product
from tests.painfinder.factories import make_library, make_regions
from tests.shop.checkout.fixtures import fill_basket, make_product
from tests.shop.guarantee.helpers import claim_form, paid_order, record_shipping_event
from tests.shop.support.helpers import old_stamp, open_request, png_bomb_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")

# Inputs that have broken web apps before: NUL and control characters (PostgreSQL refuses
# NUL), numbers past every integer size, injection and traversal attempts, header splitting,
# template syntax, right-to-left overrides, very long text.
HOSTILE = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "claw\x00",
        "%00",
        "\r\nSet-Cookie: pwned=1",
        "' OR '1'='1' --",
        '"; DROP TABLE auth_user; --',
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "../../../../etc/passwd",
        "{{ settings.SECRET_KEY }}",
        "{% debug %}",
        "%s%s%s%n",
        "-1",
        "0",
        "1.5",
        "1e400",
        "NaN",
        "2147483648",
        "-9223372036854775809",
        "99999999999999999999999999999999",
        "\u202egnp.exe",
        "\ufeff\u200b",
        "😀" * 40,
        "x" * 5000,
        "a+b+c+d",
        "low-back+low-back+buttock",
        "[]",
        "null",
    ]
)
TEXT = st.one_of(HOSTILE, st.text(max_size=80), st.text(st.characters(codec="ascii"), max_size=30))
FUZZ = settings(
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(settings, tmp_path):
    """A small site: an article with a tag and series, the pain finder's muscles, a product in
    stock, an order and a support conversation."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    # The spam defences would refuse most posts before the form sees them: let them through
    # so the fuzzing reaches the forms (the defences have their own tests).
    settings.SUPPORT_MIN_FILL_SECONDS = 0
    settings.SUPPORT_RATE_LIMIT_PER_IP = "100000/h"
    settings.SUPPORT_RATE_LIMIT_PER_EMAIL = "100000/h"
    settings.LIBRARY_COMMENT_RATE_LIMIT = 100000
    settings.RATE_LIMITED_FORMS = {}
    settings.REGISTRATION_RATE = "100000/h"
    make_library(make_regions())
    tag, series = TagFactory(), SeriesFactory()
    article = ArticleFactory(tags=[tag])
    Article.objects.filter(pk=article.pk).update(series=series)
    product = shop_product(title="QL Claw")
    return {
        "article": article,
        "tag": tag,
        "series": series,
        "product": product,
        "order": create_order(user=None),
        "conversation": private_link_path(open_request()),
        "customer": UserFactory(),
    }


@pytest.mark.parametrize(
    "url",
    ["/articles/?tag=%00", "/search/?q=claw%00", "/pain-finder/?region=%00", "/articles/a%00/"],
)
def test_a_nul_byte_in_the_address_is_a_400_that_says_why(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "a NUL byte" in response.content.decode()


def answered(response) -> int:
    assert response.status_code < 500, response.status_code
    return response.status_code


GET_PARAMETERS = [
    ("/search/", "q"),
    ("/search/?q=claw", "page"),
    ("/articles/", "region"),
    ("/articles/", "muscle"),
    ("/articles/", "tag"),
    ("/articles/", "series"),
    ("/articles/", "page"),
    ("/muscles/", "page"),
    ("/pain-finder/", "region"),
    ("/pain-finder/low-back/", "region"),
    ("/catalogue/", "page"),
    ("/catalogue/", "sort_by"),
    ("/catalogue/", "q"),
    ("/offers/", "page"),
    ("/basket/", "page"),
    ("/accounts/login/", "next"),
    ("/contact/", "topic"),
    ("/contact/", "order"),
    ("/checkout/payment/return/", "session_id"),
    ("/checkout/payment/return/", "order"),
]


@pytest.mark.parametrize(("path", "parameter"), GET_PARAMETERS)
@FUZZ
@given(value=TEXT, repeated=st.lists(TEXT, max_size=3))
def test_query_parameters(client, site, path, parameter, value, repeated):
    answered(client.get(path, {parameter: [value, *repeated]}))


@pytest.mark.parametrize(
    "template",
    [
        "/articles/{}/",
        "/articles/tags/{}/",
        "/articles/series/{}/",
        "/muscles/{}/",
        "/pain-finder/{}/",
        "/pain-finder/maps/{}.png",
        "/catalogue/{}_1/",
        "/catalogue/category/{}_1/",
        "/accounts/order-status/{}/abc/",
        "/accounts/order-status/100001/{}/",
        "/contact/c/{}/",
        "/checkout/payment/{}/",
        "/checkout/payment/{}/cancelled/",
        "/checkout/demo-payment/{}/",
        "/guarantee/orders/{}/",
        "/guarantee/claims/{}/",
        "/{}/",
    ],
)
@FUZZ
@given(value=TEXT)
def test_path_segments(client, site, template, value):
    answered(client.get(template.format(quote(value, safe=""))))


@FUZZ
@given(
    field=st.sampled_from(["name", "email", "body", "website"]),
    value=TEXT,
)
def test_comment_form(client, site, field, value):
    data = {"name": "Ann", "email": "ann@example.com", "body": "Helpful.", field: value}
    answered(client.post(site["article"].get_absolute_url(), data))


def contact_data(**overrides) -> dict:
    return {
        "name": "Dana",
        "email": "dana@example.com",
        "topic": "product",
        "order_number": "",
        "message": "Where does the claw go?",
        "website": "",
        "started": old_stamp(),
        **overrides,
    }


@FUZZ
@given(
    field=st.sampled_from(["name", "email", "topic", "order_number", "message", "started"]),
    value=TEXT,
)
def test_contact_form(client, site, field, value):
    answered(client.post("/contact/", contact_data(**{field: value})))


HOSTILE_FILES = st.tuples(
    st.one_of(
        HOSTILE,
        st.sampled_from(["photo.png", "../../etc/passwd", "a.png.exe", ".png", "x" * 300 + ".pdf"]),
    ),
    st.one_of(
        st.binary(max_size=2000),
        st.sampled_from(
            [png_bytes(), png_bomb_bytes(), b"%PDF-1.4\n%%EOF", b"GIF89a" + b"\0" * 20]
        ),
    ),
    st.sampled_from(["image/png", "application/pdf", "text/html", "", "image/svg+xml"]),
)


@FUZZ
@given(files=st.lists(HOSTILE_FILES, min_size=1, max_size=4))
def test_contact_attachments(client, site, files):
    attachments = [upload(name or "unnamed", content, kind) for name, content, kind in files]
    answered(client.post("/contact/", contact_data(attachments=attachments)))


@FUZZ
@given(field=st.sampled_from(["message", "started", "website"]), value=TEXT)
def test_support_reply(client, site, field, value):
    data = {"message": "Thanks.", "website": "", "started": old_stamp(), field: value}
    answered(client.post(site["conversation"], data))


@FUZZ
@given(files=st.lists(HOSTILE_FILES, min_size=1, max_size=4))
def test_support_reply_attachments(client, site, files):
    attachments = [upload(name or "unnamed", content, kind) for name, content, kind in files]
    data = {"message": "A photo.", "website": "", "started": old_stamp()}
    answered(client.post(site["conversation"], {**data, "attachments": attachments}))


ACCOUNT_FORMS = [
    ("/accounts/login/", {"login-username": "a@example.com", "login-password": "x"}, "login"),
    (
        "/accounts/login/",
        {
            "registration-email": "new@example.com",
            "registration-password1": "pw-Long-12345",
            "registration-password2": "pw-Long-12345",
            "registration_submit": "Register",
        },
        "registration",
    ),
    (
        "/accounts/register/",
        {"email": "new@example.com", "password1": "pw-Long-12345", "password2": "pw-Long-12345"},
        "",
    ),
    ("/password-reset/", {"email": "a@example.com"}, ""),
    ("/dashboard/login/", {"username": "a@example.com", "password": "x"}, ""),
]


@pytest.mark.parametrize(("path", "data", "prefix"), ACCOUNT_FORMS)
@FUZZ
@given(which=st.integers(min_value=0, max_value=3), value=TEXT)
def test_account_forms(client, site, path, data, prefix, which, value):
    fields = list(data)
    data = {**data, fields[which % len(fields)]: value}
    if prefix == "login":
        data["login_submit"] = "Log In"
    answered(client.post(path, data))


@FUZZ
@given(quantity=TEXT, extra=st.dictionaries(st.sampled_from(["child_id", "options"]), TEXT))
def test_basket_add_quantity(client, site, quantity, extra):
    answered(client.post(f"/basket/add/{site['product'].pk}/", {"quantity": quantity, **extra}))


@FUZZ
@given(quantity=TEXT)
def test_basket_line_quantity(site, quantity):
    client = Client()
    client.post(f"/basket/add/{site['product'].pk}/", {"quantity": 1})
    page = client.get("/basket/")
    formset = page.context["formset"]
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": formset.forms[0].instance.pk,
        "form-0-quantity": quantity,
    }
    answered(client.post("/basket/", data))


@FUZZ
@given(code=TEXT)
def test_voucher_code(client, site, code):
    answered(client.post("/basket/vouchers/add/", {"code": code}))


@FUZZ
@given(
    field=st.sampled_from(["title", "score", "body", "name", "email"]),
    value=TEXT,
)
def test_product_review(client, site, field, value):
    # Only signed-in customers review (OSCAR_ALLOW_ANON_REVIEWS is off).
    client.force_login(site["customer"])
    product = site["product"]
    data = {"title": "Good", "score": "5", "body": "Works.", "name": "Ann", "email": "a@e.com"}
    answered(
        client.post(f"/catalogue/{product.slug}_{product.pk}/reviews/add/", {**data, field: value})
    )


@FUZZ
@given(language=TEXT, next_url=TEXT)
def test_language_switch(client, site, language, next_url):
    answered(client.post("/i18n/setlang/", {"language": language, "next": next_url}))


@FUZZ
@given(field=st.sampled_from(["number", "email"]), value=TEXT)
def test_order_lookup(client, site, settings, field, value):
    settings.ORDER_LOOKUP_RATE = "100000/h"
    order = site["order"]
    data = {"number": order.number, "email": order.guest_email or "a@example.com", field: value}
    answered(client.post("/orders/lookup/", data))


@FUZZ
@given(body=st.one_of(TEXT, st.binary(max_size=500).map(repr)), signature=TEXT)
def test_stripe_webhook(client, site, settings, body, signature):
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test"
    response = client.post(
        "/stripe/webhook/",
        body,
        content_type="application/json",
        headers={"Stripe-Signature": signature},
    )
    assert answered(response) == 400  # nothing unsigned is ever accepted


@pytest.mark.parametrize(
    "template",
    ["/checkout/payment/{}/", "/checkout/payment/{}/cancelled/", "/checkout/demo-payment/{}/"],
)
@FUZZ
@given(value=TEXT)
def test_payment_page_posts(client, site, settings, template, value):
    settings.STRIPE_DEMO_MODE = True
    answered(client.post(template.format(quote(value, safe=""))))


# ----------------------------------------------------------------------------------------------
# The checkout, as a guest with a basket line: every step's form.

GUEST = {"username": "guest@example.com", "options": "anonymous", "password": ""}
ADDRESS = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "line1": "1 Main Street",
    "line2": "",
    "line3": "",
    "line4": "Portland",
    "state": "OR",
    "postcode": "97201",
    "country": "US",
    "phone_number": "",
    "notes": "",
}
# Real values mixed into the hostile ones, so that fields meet the countries whose postcode and
# phone rules they are checked against.
ADDRESS_VALUE = st.one_of(
    TEXT,
    st.sampled_from(
        [
            *("US", "DE", "GB", "JP", "CA", "FR", "us", "XX"),
            *("+44 20 7946 0958", "+1 503 555 0100", "07946 0958"),
            *("97201", "SW1A 1AA", "M5V 2T6", "100-0001", "75001"),
        ]
    ),
)
STEPS = {
    "shipping-address": ("/checkout/", GUEST),
    "shipping-method": ("/checkout/shipping-address/", ADDRESS),
    "preview": ("/checkout/shipping-method/", {"method_code": "standard"}),
}


@pytest.fixture
def checkout_product(shop_data, fake_stripe):
    return make_product(price="49.00", stock=100_000)


def guest_at(product, step: str) -> Client:
    """A new guest with the product in the basket, answered well up to ``step``'s page."""
    client = Client()
    fill_basket(client, product)
    for name, (path, data) in STEPS.items():
        response = client.post(path, data)
        assert response.status_code == 302, (path, response.status_code)
        if name == step:
            assert client.get(f"/checkout/{name}/").status_code == 200
            return client
    raise AssertionError(f"no checkout step {step}")


def stayed_or_went_on(response, *next_paths: str) -> None:
    """The step showed its form again with the errors, or went on to one of ``next_paths``."""
    if answered(response) == 200:
        assert response.context["form"].errors
    else:
        assert response.status_code == 302, response.status_code
        assert response["Location"].startswith(next_paths), response["Location"]


@FUZZ
@given(
    options=st.one_of(st.sampled_from(["anonymous", "new", "existing"]), TEXT),
    answers=st.dictionaries(st.sampled_from(["username", "password"]), TEXT),
)
@example(options="existing", answers={"password": "not-the-password"})  # a returning customer
def test_checkout_gateway(checkout_product, settings, options, answers):
    # The login lockout would answer every sign-in after ten wrong passwords (its own tests
    # cover it): let the fuzzing reach the form.
    settings.AXES_FAILURE_LIMIT = 100_000
    client = Client()
    fill_basket(client, checkout_product)
    response = client.post("/checkout/", {**GUEST, "options": options, **answers})
    stayed_or_went_on(response, "/checkout/shipping-address/", "/accounts/register/")


@FUZZ
@given(answers=st.dictionaries(st.sampled_from(list(ADDRESS)), ADDRESS_VALUE, min_size=1))
def test_checkout_shipping_address(checkout_product, answers):
    client = guest_at(checkout_product, "shipping-address")
    response = client.post("/checkout/shipping-address/", {**ADDRESS, **answers})
    stayed_or_went_on(response, "/checkout/shipping-method/")


@FUZZ
@given(
    method_code=st.one_of(
        st.sampled_from(["standard", "fast-tracked", "priced-at-checkout", "no-shipping-required"]),
        TEXT,
    ),
    repeated=st.lists(TEXT, max_size=2),
)
def test_checkout_shipping_method(checkout_product, method_code, repeated):
    client = guest_at(checkout_product, "shipping-method")
    response = client.post("/checkout/shipping-method/", {"method_code": [method_code, *repeated]})
    stayed_or_went_on(response, "/checkout/payment-method/")


@FUZZ
@given(
    action=st.one_of(st.just("place_order"), TEXT),
    version=st.one_of(st.just("1"), TEXT),
)
def test_checkout_preview(checkout_product, action, version):
    client = guest_at(checkout_product, "preview")
    orders = Order.objects.count()
    response = client.post(
        "/checkout/preview/", {"action": action, "guarantee_terms_version": version}
    )
    # The preview again (with the reason when the order was refused), or the order placed and
    # the customer sent to Stripe's (fake) page.
    assert answered(response) in (200, 303)
    placed = Order.objects.count() - orders
    assert placed == (1 if response.status_code == 303 else 0)


@pytest.mark.parametrize("path", ["/checkout/payment-method/", "/checkout/payment-details/"])
@FUZZ
@given(data=st.dictionaries(st.sampled_from(["action", "guarantee_terms_version"]), TEXT))
def test_checkout_payment_steps(checkout_product, path, data):
    client = guest_at(checkout_product, "preview")
    orders = Order.objects.count()
    answered(client.post(path, data))
    assert Order.objects.count() == orders  # only the preview's "Place order" places one


@pytest.fixture
def saved_addresses(site):
    """The customer's saved address and another customer's, by the names the test uses."""
    return {
        "own": UserAddressFactory(user=site["customer"]).pk,
        "another customer's": UserAddressFactory(user=UserFactory()).pk,
    }


@FUZZ
@given(
    address=st.one_of(st.sampled_from(["own", "another customer's"]), TEXT, st.integers()),
    action=st.one_of(st.just("ship_to"), TEXT),
)
def test_checkout_saved_address_choice(checkout_product, site, saved_addresses, address, action):
    """A signed-in customer picks one of their saved addresses (by its id) to ship to."""
    client = Client()
    client.force_login(site["customer"])
    fill_basket(client, checkout_product)
    address_id = saved_addresses.get(address, address)
    response = client.post(
        "/checkout/shipping-address/", {"address_id": address_id, "action": action}
    )
    status = answered(response)
    if address == "own":
        assert status == (302 if action == "ship_to" else 400)
    # Only the customer's own address is shipped to (an id drawn at random may be that one).
    shipping = client.session.get("checkout_data", {}).get("shipping")
    if status == 302:
        assert shipping == {"user_address_id": saved_addresses["own"]}
    else:
        assert status in (400, 404)
        assert not shipping


# ----------------------------------------------------------------------------------------------
# The money-back guarantee: the claim form on each route to it, and its private links.


@pytest.fixture
def claimable(shop_data, fake_stripe, settings, tmp_path):
    """Orders paid at the fake Stripe: a guest's, dispatched, with two lines; a signed-in
    customer's, delivered, with a claim opened; and one sold without guarantee terms (as before
    the guarantee existed). The claim and lookup rate limits are lifted so that every post
    reaches the form."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GUARANTEE_CLAIM_RATE = "100000/h"
    settings.ORDER_LOOKUP_RATE = "100000/h"
    guest = Client()
    fill_basket(guest, make_product(title="Massage ball", price="14.00", stock=100), 2)
    order = paid_order(guest, make_product(price="49.00", stock=100), fake_stripe, quantity=3)
    order.set_status("Being processed")
    order.set_status("Shipped")
    unguaranteed = paid_order(guest, make_product(), fake_stripe)
    Order.objects.filter(pk=unguaranteed.pk).update(guarantee_terms=None)

    signed_in = Client()
    own = paid_order(signed_in, make_product(), fake_stripe, email="reader@example.com")
    customer = UserFactory(email=own.email)  # the guest opened an account after ordering
    Order.objects.filter(pk=own.pk).update(user=customer)
    record_shipping_event(own, "Delivered", timezone.now())
    signed_in.force_login(customer)
    response = signed_in.post(
        f"/guarantee/orders/{own.number}/", claim_form(own, {own.lines.get().pk: 1})
    )
    assert response.status_code == 303
    return {
        "guest": guest,
        "order": order,
        "unguaranteed": Order.objects.get(pk=unguaranteed.pk),
        "signed in": signed_in,
        "customer's order": own,
        "claim": GuaranteeClaim.objects.get(order=own),
    }


def claim_route(claimable, route: str) -> tuple[Client, "Order", str]:
    """The browser, the order and the address of the claim form on ``route``."""
    order = claimable["order"]
    path = f"/guarantee/orders/{order.number}/"
    if route == "the guest who ordered":
        return claimable["guest"], order, path
    if route == "a guest who looked the order up":
        client = Client()
        response = client.post("/orders/lookup/", {"number": order.number, "email": order.email})
        assert response.status_code == 200
        assert path in response.content.decode()  # the lookup links the claim form
        return client, order, path
    if route == "the order's private link":
        return Client(), order, f"{path}?key={order_access_key(order)}"
    if route == "an order sold without guarantee terms":
        unguaranteed = claimable["unguaranteed"]
        return claimable["guest"], unguaranteed, f"/guarantee/orders/{unguaranteed.number}/"
    own = claimable["customer's order"]
    return claimable["signed in"], own, f"/guarantee/orders/{own.number}/"


def claim_opened_or_refused_with_reason(response) -> None:
    """The claim's page, or the form again saying what is wrong: never a bare error page."""
    if answered(response) == 303:
        assert response["Location"].startswith("/guarantee/claims/MB-"), response["Location"]
    else:
        assert response.status_code == 400, response.status_code
        assert response.context["form"].errors or response.context["error"]


CLAIM_ROUTES = [
    "the guest who ordered",
    "a guest who looked the order up",
    "the order's private link",
    "the signed-in customer",
    "an order sold without guarantee terms",
]
CLAIM_FIELDS = [
    "submission_key",
    "reason",
    "details",
    "quantity of the first line",
    "quantity of the last line",
    "quantity of a line id",
    "quantity of another order's line",
]
CLAIM_VALUE = st.one_of(
    TEXT,
    st.sampled_from([*GuaranteeClaim.Reason.values, "NO_RELIEF", "2", "3", "4", " 1 ", "+1"]),
)


# Django refuses a form part whose headers pass 1 KB with a bare 400 before any view runs: field
# and file names are cut short of that, so that the post reaches the claim form.
SHORT_NAME = TEXT.map(lambda text: text[:200])


@pytest.mark.parametrize("route", CLAIM_ROUTES)
@FUZZ
@given(field=st.sampled_from(CLAIM_FIELDS), value=CLAIM_VALUE, line_id=SHORT_NAME)
def test_guarantee_claim_form(claimable, route, field, value, line_id):
    client, order, path = claim_route(claimable, route)
    # Staff reject the claims made so far, so that every example has units left to claim.
    GuaranteeClaim.objects.filter(order=order).update(status=GuaranteeClaim.Status.REJECTED)
    lines = list(order.lines.all())
    data = claim_form(order, {lines[0].pk: 1}, key=uuid.uuid4().hex)
    other_order = claimable["customer's order" if order == claimable["order"] else "order"]
    name = {
        "quantity of the first line": f"quantity_{lines[0].pk}",
        "quantity of the last line": f"quantity_{lines[-1].pk}",
        "quantity of a line id": f"quantity_{line_id}",
        "quantity of another order's line": f"quantity_{other_order.lines.first().pk}",
    }.get(field, field)
    data[name] = value
    claims = GuaranteeClaim.objects.count()
    response = client.post(path, data)
    claim_opened_or_refused_with_reason(response)
    opened = GuaranteeClaim.objects.count() - claims
    assert opened <= (1 if response.status_code == 303 else 0)
    if order == claimable["unguaranteed"]:
        assert response.status_code == 400
    # Never a claim on another order's lines.
    assert not ClaimLine.objects.filter(line__order=other_order).exclude(claim__order=other_order)


@FUZZ
@given(files=st.lists(HOSTILE_FILES, min_size=1, max_size=6))
@example(files=[("x" * 300 + ".png", png_bytes(), "image/png")])
@example(files=[("photo." + "x" * 200, png_bytes(), "image/png")])
def test_guarantee_claim_photos(claimable, files):
    order = claimable["order"]
    GuaranteeClaim.objects.filter(order=order).update(status=GuaranteeClaim.Status.REJECTED)
    data = claim_form(order, {order.lines.first().pk: 1}, key=uuid.uuid4().hex)
    data["photos"] = [
        upload(name[:200] or "unnamed", content, kind) for name, content, kind in files
    ]
    response = claimable["guest"].post(f"/guarantee/orders/{order.number}/", data)
    claim_opened_or_refused_with_reason(response)


@pytest.mark.parametrize("page", ["order", "claim"])
@FUZZ
@given(key=TEXT, repeated=st.lists(TEXT, max_size=2))
def test_guarantee_private_link_keys(claimable, page, key, repeated):
    if page == "order":
        path = f"/guarantee/orders/{claimable['order'].number}/"
    else:
        path = f"/guarantee/claims/{claimable['claim'].reference}/"
    # Nobody but the key's holder sees the page: a wrong key is a 404, like no such page (a NUL
    # byte in the address is refused before, with a 400).
    response = Client().get(path, {"key": [key, *repeated]})
    assert answered(response) == (400 if "\x00" in "".join([key, *repeated]) else 404)


@pytest.mark.parametrize("page", ["orders", "claims"])
@FUZZ
@given(before=TEXT, after=TEXT, lower=st.booleans())
def test_guarantee_paths_around_real_ones(claimable, page, before, after, lower):
    """Hostile text around the signed-in customer's real order number or claim reference."""
    real = (
        claimable["customer's order"].number if page == "orders" else claimable["claim"].reference
    )
    segment = before + (real.lower() if lower else real) + after
    response = claimable["signed in"].get(f"/guarantee/{page}/{quote(segment, safe='')}/")
    assert answered(response) in ((400,) if "\x00" in segment else (200, 404))


# ----------------------------------------------------------------------------------------------
# Forms declaring another character set than UTF-8, and the staff dashboard's parameters.

POST_PATHS = [
    "/contact/",
    "/accounts/login/",
    "/accounts/register/",
    "/password-reset/",
    "/orders/lookup/",
    "/basket/",
    "/basket/vouchers/add/",
    "/checkout/",
    "/checkout/preview/",
    "/i18n/setlang/",
    "/dashboard/login/",
]
# Encodings Python knows (the test client encodes the body with the declared one).
CHARSETS = st.sampled_from(["utf-16", "UTF-16LE", "utf-32", "latin-1", "cp1252", "utf-8"])


@pytest.mark.parametrize("path", POST_PATHS)
@FUZZ
@given(charset=CHARSETS, body=st.text(st.characters(codec="ascii"), max_size=60))
@example(charset="utf-16", body="email=a%40example.com")
def test_posts_declaring_a_charset(client, site, path, charset, body):
    response = client.post(
        path, body, content_type=f"application/x-www-form-urlencoded; charset={charset}"
    )
    answered(response)


@pytest.fixture
def superuser_client(site):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(
        get_user_model().objects.create_superuser("boss", "boss@qlclaw.example", "pw-B-12345")
    )
    return client


DASHBOARD_PARAMETERS = [
    ("/dashboard/catalogue/", "per_page"),
    ("/dashboard/catalogue/", "page"),
    ("/dashboard/catalogue/categories/", "per_page"),
    ("/dashboard/catalogue/product-lookup/?q=Claw", "page"),
    ("/dashboard/catalogue/product-lookup/?q=Claw", "page_limit"),
    ("/dashboard/orders/", "page"),
    ("/dashboard/fulfilment/held-stock/", "page"),
]


@pytest.mark.parametrize(("path", "parameter"), DASHBOARD_PARAMETERS)
@FUZZ
@given(value=TEXT)
@example(value="-1")
@example(value="abc")
def test_dashboard_query_parameters(superuser_client, path, parameter, value):
    answered(superuser_client.get(path, {parameter: value}))


@pytest.mark.parametrize(
    "template",
    [
        "/dashboard/pages/update/{}/",
        "/dashboard/catalogue/option/{}/update/",
        "/dashboard/catalogue/attribute-option-group/{}/update/",
        "/dashboard/fulfilment/held-stock/{}/release/",
    ],
)
@FUZZ
@given(value=TEXT)
@example(value="abc")
def test_dashboard_path_ids(superuser_client, template, value):
    path = template.format(quote(value, safe=""))
    answered(superuser_client.get(path))
    answered(superuser_client.post(path, {}))
