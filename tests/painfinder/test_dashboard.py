"""Back office: staff redraw regions (validated) and edit a muscle's zones and trigger points."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from oscar.test.factories import UserFactory

from articles.models import ReferredPain
from painfinder.models import TriggerPointMarker
from shop.backoffice.roles import ensure_staff_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    ensure_staff_roles()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client.force_login(user)
    return user


def _region_url(region) -> str:
    return reverse("painfinder_dashboard:region-update", args=[region.pk])


def test_editor_sees_region_shapes_and_the_menu(client, editor, regions):
    response = client.get(reverse("painfinder_dashboard:region-list"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Region shapes" in html and "Referred-pain maps" in html  # the dashboard menu
    assert regions["buttock"].svg_path in html  # the preview draws the saved shape


def test_editor_redraws_a_region(client, editor, regions):
    region = regions["calf"]

    response = client.post(
        _region_url(region), {"view": "back", "svg_path": "  M100,360 L130,360 L120,410 Z  "}
    )

    assert response.status_code == 302
    region.refresh_from_db()
    assert region.svg_path == "M100,360 L130,360 L120,410 Z"


@pytest.mark.parametrize(
    ("svg_path", "reason"),
    [
        ("M100,360 L130", "needs its numbers in groups of 2"),
        ("draw a calf", "Unexpected"),
        ("", "This field is required."),
        ('M0 0"/><script>alert(1)</script>', "Unexpected"),
    ],
)
def test_a_malformed_region_path_is_refused_with_a_clear_message(
    client, editor, regions, svg_path, reason
):
    region = regions["calf"]
    before = region.svg_path

    response = client.post(_region_url(region), {"view": "back", "svg_path": svg_path})

    assert response.status_code == 400
    html = response.content.decode()
    assert reason in html
    assert "<script>alert(1)</script>" not in html
    region.refresh_from_db()
    assert region.svg_path == before


def test_editing_a_muscles_zones_and_markers_changes_its_maps(client, editor, library, regions):
    muscle = library["piriformis"]
    links = list(muscle.referred_pain.order_by("pk"))
    url = reverse("painfinder_dashboard:muscle-update", args=[muscle.pk])
    assert client.get(url).status_code == 200
    data = {
        "zones-TOTAL_FORMS": str(len(links) + 1),
        "zones-INITIAL_FORMS": str(len(links)),
        "markers-TOTAL_FORMS": "1",
        "markers-INITIAL_FORMS": "0",
        "shapes-TOTAL_FORMS": "0",
        "shapes-INITIAL_FORMS": "0",
        "markers-0-view": "back",
        "markers-0-x": "119",
        "markers-0-y": "246",
        "markers-0-label": "mid buttock",
    }
    for index, link in enumerate(links):
        data |= {
            f"zones-{index}-id": str(link.pk),
            f"zones-{index}-muscle": str(muscle.pk),
            f"zones-{index}-region": str(link.region_id),
            f"zones-{index}-kind": link.kind,
        }
        if link.region.slug == "back-of-thigh":
            data[f"zones-{index}-DELETE"] = "on"
    new = len(links)
    data |= {f"zones-{new}-region": str(regions["calf"].pk), f"zones-{new}-kind": "spillover"}

    response = client.post(url, data)

    assert response.status_code == 302
    assert dict(muscle.referred_pain.values_list("region__slug", "kind")) == {
        "sacrum-tailbone": "primary",
        "buttock": "primary",
        "calf": "spillover",
    }
    assert TriggerPointMarker.objects.filter(muscle=muscle).count() == 1
    html = client.get("/pain-finder/calf/").content.decode()
    assert 'id="match-piriformis"' in html
    card = html.split('id="match-piriformis"')[1].split("</article>")[0]
    assert 'data-region="calf" data-kind="spillover"' in card
    assert 'data-region="back-of-thigh"' not in card


def test_a_marker_off_the_outline_is_refused(client, editor, library):
    muscle = library["piriformis"]
    url = reverse("painfinder_dashboard:muscle-update", args=[muscle.pk])
    data = {
        "zones-TOTAL_FORMS": "0",
        "zones-INITIAL_FORMS": "0",
        "markers-TOTAL_FORMS": "1",
        "markers-INITIAL_FORMS": "0",
        "shapes-TOTAL_FORMS": "0",
        "shapes-INITIAL_FORMS": "0",
        "markers-0-view": "back",
        "markers-0-x": "500",
        "markers-0-y": "246",
    }

    response = client.post(url, data)

    assert response.status_code == 400
    assert "less than or equal to 200" in response.content.decode()
    assert not TriggerPointMarker.objects.filter(muscle=muscle).exists()
    assert ReferredPain.objects.filter(muscle=muscle).count() == 3  # untouched


def test_staff_without_the_editor_role_get_403(client, regions):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse("painfinder_dashboard:region-list")).status_code == 403
    assert client.get(_region_url(regions["calf"])).status_code == 403


def test_visitors_are_sent_to_sign_in_and_customers_refused(client, regions):
    url = reverse("painfinder_dashboard:region-list")

    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]

    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
