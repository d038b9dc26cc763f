"""The review form: a score of 1 to 5 stars only (offered and accepted), a capped length, and a
clear message with a 400 for anything else, saving nothing."""

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import UserFactory, shop_product

pytestmark = pytest.mark.django_db

ProductReview = get_model("reviews", "ProductReview")


@pytest.fixture
def review_url(client):
    product = shop_product()
    client.force_login(UserFactory())
    return reverse(
        "catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}
    )


def post(client, url, **fields):
    return client.post(url, {"title": "Found the spot", "score": 4, "body": "It works.", **fields})


def test_the_form_offers_scores_1_to_5_only(client, review_url):
    html = client.get(review_url).content.decode()
    select = re.search(r'<select name="score".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="(\d*)"', select) == ["", "1", "2", "3", "4", "5"]
    assert "1 star<" in select and "5 stars<" in select


@pytest.mark.parametrize("score", ["0", "6", "-1", "four", ""])
def test_a_score_outside_1_to_5_is_refused_with_a_message(client, review_url, score):
    response = post(client, review_url, score=score)
    assert response.status_code == 400
    assert "Choose a score from 1 to 5 stars." in response.content.decode()
    assert not ProductReview.objects.exists()


def test_each_score_from_1_to_5_is_accepted(client, review_url):
    assert post(client, review_url, score="1").status_code == 302
    assert ProductReview.objects.get().score == 1


def test_an_overlong_review_is_refused_with_its_length(client, review_url):
    response = post(client, review_url, body="a" * 3001)
    assert response.status_code == 400
    assert (
        "Please keep your review to 3000 characters or fewer (it has 3001 now)."
        in response.content.decode()
    )
    assert not ProductReview.objects.exists()
    assert post(client, review_url, body="a" * 3000).status_code == 302
