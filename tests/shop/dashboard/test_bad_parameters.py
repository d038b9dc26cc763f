"""The catalogue and pages dashboards answer bad parameters with a 404 or a default, never a
server error (issue 22), and keep working with good ones."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from oscar.core.loading import get_model

from tests.factories import bulk_products

pytestmark = pytest.mark.django_db

Option = get_model("catalogue", "Option")
AttributeOptionGroup = get_model("catalogue", "AttributeOptionGroup")


@pytest.fixture
def staff_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("boss", "boss@qlclaw.example", "pw-B-12345")
    )
    return client


@pytest.mark.parametrize("listing", ["/dashboard/catalogue/", "/dashboard/catalogue/categories/"])
@pytest.mark.parametrize("per_page", ["-1", "0", "-99999999999999999999", "abc", ""])
def test_a_bad_page_size_gets_the_list_in_a_sane_size(staff_client, listing, per_page):
    response = staff_client.get(listing, {"per_page": per_page, "page": "-3"})
    assert response.status_code == 200


def test_the_page_size_asked_for_is_honoured_within_bounds(staff_client):
    bulk_products(3)
    response = staff_client.get("/dashboard/catalogue/", {"per_page": "2"})
    assert len(response.context["products"].page.object_list) == 2
    huge = staff_client.get("/dashboard/catalogue/", {"per_page": "99999999999999999999"})
    assert huge.context["products"].paginator.per_page == 100
    negative = staff_client.get("/dashboard/catalogue/", {"per_page": "-1"})
    assert negative.context["products"].paginator.per_page == 1


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "-1"},
        {"page": "0"},
        {"page": "99999999999999999999999"},
        {"page_limit": "-5"},
        {"page_limit": "abc"},
    ],
)
def test_the_product_lookup_falls_back_to_its_paging_defaults(staff_client, query):
    bulk_products(3, title="Claw")
    response = staff_client.get("/dashboard/catalogue/product-lookup/", {"q": "Claw", **query})
    assert response.status_code == 200
    body = json.loads(response.content)
    assert set(body) == {"results", "pagination"}
    assert isinstance(body["pagination"]["more"], bool)


def test_the_product_lookup_still_pages(staff_client):
    bulk_products(3, title="Claw")
    first = staff_client.get(
        "/dashboard/catalogue/product-lookup/", {"q": "Claw", "page": "1", "page_limit": "2"}
    ).json()
    second = staff_client.get(
        "/dashboard/catalogue/product-lookup/", {"q": "Claw", "page": "2", "page_limit": "2"}
    ).json()
    assert (len(first["results"]), first["pagination"]["more"]) == (2, True)
    assert (len(second["results"]), second["pagination"]["more"]) == (1, False)


@pytest.mark.parametrize(
    "template",
    [
        "/dashboard/pages/update/{}/",
        "/dashboard/pages/delete/{}/",
        "/dashboard/catalogue/option/{}/update/",
        "/dashboard/catalogue/option/{}/delete/",
        "/dashboard/catalogue/attribute-option-group/{}/update/",
        "/dashboard/catalogue/attribute-option-group/{}/delete/",
    ],
)
@pytest.mark.parametrize("pk", ["abc", "1.5", "-1", "%20", "99999999999"])
def test_a_non_numeric_or_unknown_id_is_a_404(staff_client, template, pk):
    assert staff_client.get(template.format(pk)).status_code == 404
    assert staff_client.post(template.format(pk), {}).status_code == 404


def test_real_ids_still_open_their_pages(staff_client):
    page = FlatPage.objects.create(url="/policies/x/", title="X", content="<p>x</p>")
    option = Option.objects.create(name="Engraving")
    group = AttributeOptionGroup.objects.create(name="Colours")
    for path in (
        f"/dashboard/pages/update/{page.pk}/",
        f"/dashboard/catalogue/option/{option.pk}/update/",
        f"/dashboard/catalogue/attribute-option-group/{group.pk}/update/",
    ):
        assert staff_client.get(path).status_code == 200, path
