"""Claims end to end against the fake Stripe: opening, refusals, staff steps, refunds, emails."""

import importlib
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory
from PIL import Image

from shop.guarantee.models import ClaimPhoto, GuaranteeClaim
from shop.guarantee.selectors import current_terms
from shop.support.services import open_support_request
from tests.shop.checkout.fixtures import checkout_to_preview, fill_basket, make_product, place_order
from tests.shop.guarantee.helpers import claim_form, paid_order, payment_intent
from tests.shop.payment.helpers import pending_order, post_webhook
from tests.shop.payment.test_webhooks import voucher_for

Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")
StockRecord = get_model("partner", "StockRecord")

# Real commits: emails and the refund task run on commit, as in production.
pytestmark = pytest.mark.django_db(transaction=True)
Status = GuaranteeClaim.Status


def open_claim(client, order, quantities=None, **kwargs):
    quantities = quantities or {order.lines.get().pk: 1}
    return client.post(
        reverse("guarantee:order", args=[order.number]), claim_form(order, quantities, **kwargs)
    )


def act(staff_client, claim, action, **data):
    return staff_client.post(
        reverse("guarantee_dashboard:claim-action", args=[claim.reference]),
        {"action": action, **data},
    )


def refunds_of(fake_stripe, order):
    intent = payment_intent(fake_stripe, order)
    return [r for r in fake_stripe.refunds.values() if r["payment_intent"] == intent]


def ship(order):
    """Staff dispatch the order (the window now runs from dispatch)."""
    order.set_status("Being processed")
    order.set_status("Shipped")


class TestHappyPath:
    def test_claim_without_return_is_refunded_once_with_an_email_at_each_step(
        self, client, product, fake_stripe, staff_client, mailoutbox
    ):
        order = paid_order(client, product, fake_stripe, quantity=2)
        ship(order)
        mailoutbox.clear()
        response = open_claim(client, order, {order.lines.get().pk: 1})
        assert response.status_code == 303
        claim = GuaranteeClaim.objects.get()
        assert claim.reference.startswith("MB-") and len(claim.reference) == 9
        assert response["Location"].startswith(f"/guarantee/claims/{claim.reference}/")
        assert claim.amount == Decimal("49.00")
        assert [m.subject for m in mailoutbox] == [
            f"Money-back claim {claim.reference}: we received your claim"
        ]
        assert client.get(response["Location"]).status_code == 200

        assert act(staff_client, claim, "approve").status_code == 303
        claim.refresh_from_db()
        assert claim.status == Status.REFUNDED
        [refund] = refunds_of(fake_stripe, order)
        assert refund["amount"] == 4900
        assert refund["metadata"] == {"guarantee_claim": claim.reference}
        assert claim.stripe_refund_id == refund["id"]
        event = PaymentEvent.objects.get(order=order, event_type__code="refunded")
        assert event.amount == Decimal("49.00")
        assert order.sources.get().amount_refunded == Decimal("49.00")
        assert order.lines.get().payment_event_quantity(event.event_type) == 1
        assert [m.subject.split(": ", 1)[1] for m in mailoutbox[1:]] == [
            "approved, your refund of 49.00 USD is on its way",
            "your money has been refunded",
        ]
        assert [e.status for e in claim.events.all()] == ["submitted", "refunding", "refunded"]
        assert claim.events.get(status="refunding").by.email == "handler@example.com"
        page = client.get(reverse("guarantee:claim", args=[claim.reference]))
        assert "Refunded" in page.content.decode()

    def test_claim_with_return_waits_for_the_item_then_restocks_and_refunds(
        self, client, product, fake_stripe, staff_client, mailoutbox
    ):
        terms = current_terms()
        terms.requires_return = True
        terms.save()
        order = paid_order(client, product, fake_stripe, quantity=1)
        ship(order)
        stock_after_sale = StockRecord.objects.get(product=product).num_in_stock
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        assert claim.return_required
        assert "send the items back to" in mailoutbox[-1].body
        assert terms.return_address in mailoutbox[-1].body

        act(staff_client, claim, "approve")
        claim.refresh_from_db()
        assert claim.status == Status.AWAITING_RETURN
        assert fake_stripe.refunds == {}
        assert terms.return_address in mailoutbox[-1].body

        act(staff_client, claim, "receive")
        claim.refresh_from_db()
        assert claim.status == Status.REFUNDED
        assert StockRecord.objects.get(product=product).num_in_stock == stock_after_sale + 1
        assert len(refunds_of(fake_stripe, order)) == 1
        assert [e.status for e in claim.events.all()] == [
            "submitted",
            "awaiting_return",
            "return_received",
            "refunding",
            "refunded",
        ]

    def test_approve_with_no_return_needed_skips_the_return(
        self, client, product, fake_stripe, staff_client
    ):
        terms = current_terms()
        terms.requires_return = True
        terms.save()
        order = paid_order(client, product, fake_stripe)
        ship(order)
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        act(staff_client, claim, "approve_no_return")
        claim.refresh_from_db()
        assert claim.status == Status.REFUNDED
        assert "(no return needed)" in claim.events.get(status="refunding").message

    def test_rejection_shows_the_reason_and_frees_the_units(
        self, client, product, fake_stripe, staff_client, mailoutbox
    ):
        order = paid_order(client, product, fake_stripe)
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        assert act(staff_client, claim, "reject", reason="").status_code == 400
        act(staff_client, claim, "reject", reason="The photos show another product.")
        claim.refresh_from_db()
        assert claim.status == Status.REJECTED
        assert "The photos show another product." in mailoutbox[-1].body
        page = client.get(reverse("guarantee:claim", args=[claim.reference]))
        assert "The photos show another product." in page.content.decode()
        assert open_claim(client, order, key="k2").status_code == 303

    def test_internal_notes_stay_internal(self, client, product, fake_stripe, staff_client):
        order = paid_order(client, product, fake_stripe)
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        act(staff_client, claim, "note", message="Called the customer.")
        assert claim.events.get(kind="note").internal
        page = client.get(reverse("guarantee:claim", args=[claim.reference]))
        assert "Called the customer." not in page.content.decode()
        detail = staff_client.get(
            reverse("guarantee_dashboard:claim-detail", args=[claim.reference])
        )
        assert "Called the customer." in detail.content.decode()

    def test_the_dashboard_order_page_lists_the_orders_claims_and_support_requests(
        self, client, product, fake_stripe, staff_client
    ):
        order = paid_order(client, product, fake_stripe)
        page = staff_client.get(reverse("dashboard:order-detail", args=[order.number]))
        assert "No claim on this order." in page.content.decode()
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        support_request = open_support_request(
            name="Guest",
            email=order.guest_email,
            topic="guarantee",
            message="Where is my refund?",
            order_number=order.number,
            proven_order=order,  # sent from the guest's order page, so access is proven
        )
        body = staff_client.get(
            reverse("dashboard:order-detail", args=[order.number])
        ).content.decode()
        assert reverse("guarantee_dashboard:claim-detail", args=[claim.reference]) in body
        assert claim.get_status_display() in body
        assert reverse("support_dashboard:request-detail", args=[support_request.reference]) in body
        assert "No claim on this order." not in body

    def test_approving_twice_refunds_once(self, client, product, fake_stripe, staff_client):
        order = paid_order(client, product, fake_stripe)
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        act(staff_client, claim, "approve")
        act(staff_client, claim, "approve")
        assert len(refunds_of(fake_stripe, order)) == 1


class TestRefusals:
    def assert_refused(self, response, text):
        assert response.status_code == 400
        assert text in response.content.decode()
        assert not GuaranteeClaim.objects.exists()

    def test_after_the_window(self, client, product, fake_stripe):
        order = paid_order(client, product, fake_stripe)
        ship(order)
        order.status_changes.filter(new_status="Shipped").update(
            date_created="2020-01-01T10:00:00Z"
        )
        self.assert_refused(open_claim(client, order), "ended on 31 January 2020")

    def test_an_order_sold_without_guarantee_terms(self, client, product, fake_stripe):
        # Orders placed before the guarantee existed carry no terms (the field is optional).
        order = paid_order(client, product, fake_stripe)
        Order.objects.filter(pk=order.pk).update(guarantee_terms=None)
        order.refresh_from_db()
        page = client.get(reverse("guarantee:order", args=[order.number]))
        assert "Send my claim" not in page.content.decode()
        self.assert_refused(
            open_claim(client, order), f"Order {order.number} was sold without the money-back"
        )

    def test_more_units_than_bought(self, client, product, fake_stripe):
        order = paid_order(client, product, fake_stripe, quantity=2)
        self.assert_refused(
            open_claim(client, order, {order.lines.get().pk: 3}), "Ensure this value is less"
        )

    def test_units_already_claimed(self, client, product, fake_stripe):
        order = paid_order(client, product, fake_stripe, quantity=2)
        line = order.lines.get()
        assert open_claim(client, order, {line.pk: 2}).status_code == 303
        response = open_claim(client, order, {line.pk: 1}, key="k2")
        assert response.status_code in (200, 400)
        assert GuaranteeClaim.objects.count() == 1

    def test_units_already_claimed_message(self, client, product, fake_stripe):
        order = paid_order(client, product, fake_stripe, quantity=2)
        line = order.lines.get()
        open_claim(client, order, {line.pk: 1})
        response = open_claim(client, order, {line.pk: 2}, key="k2")
        assert response.status_code == 400
        assert "1 of 2 are already claimed" in response.content.decode()
        assert GuaranteeClaim.objects.count() == 1

    def test_an_unpaid_order(self, client, product, fake_stripe):
        order, _attempt = pending_order(client, product)
        self.assert_refused(open_claim(client, order), "is not paid")

    def test_nothing_chosen(self, client, product, fake_stripe):
        order = paid_order(client, product, fake_stripe)
        self.assert_refused(
            open_claim(client, order, {order.lines.get().pk: 0}), "Choose how many units"
        )

    def test_a_bad_reason_or_quantity_is_a_form_error(self, client, product, fake_stripe):
        order = paid_order(client, product, fake_stripe)
        line = order.lines.get()
        self.assert_refused(open_claim(client, order, {line.pk: 1}, reason="x"), "Select a valid")
        self.assert_refused(open_claim(client, order, {line.pk: "abc"}), "Enter a whole number")

    def test_someone_who_is_not_the_owner_gets_404(self, client, product, fake_stripe):
        order = paid_order(client, product, fake_stripe)
        stranger = Client()
        assert stranger.get(reverse("guarantee:order", args=[order.number])).status_code == 404
        assert open_claim(stranger, order).status_code == 404
        assert not GuaranteeClaim.objects.exists()

    def test_the_order_pages_private_link_opens_the_claim_form_without_a_session(
        self, client, product, fake_stripe
    ):
        from shop.guarantee.access import order_access_key

        order = paid_order(client, product, fake_stripe)
        url = reverse("guarantee:order", args=[order.number])
        stranger = Client()
        assert stranger.get(url, {"key": "0" * 32}).status_code == 404
        assert stranger.get(url, {"key": order_access_key(order)}).status_code == 200
        response = stranger.post(
            f"{url}?key={order_access_key(order)}", claim_form(order, {order.lines.get().pk: 1})
        )
        assert response.status_code == 303
        assert stranger.get(response["Location"]).status_code == 200

    def test_another_customers_order_and_claim_give_404(self, client, product, fake_stripe):
        order = paid_order(client, product, fake_stripe)
        owner, other = UserFactory(), UserFactory()
        Order.objects.filter(pk=order.pk).update(user=owner)
        owner_client, other_client = Client(), Client()
        owner_client.force_login(owner)
        other_client.force_login(other)
        assert open_claim(owner_client, order).status_code == 303
        claim = GuaranteeClaim.objects.get()
        for who in (other_client, client):  # the guest browser no longer owns a user's order
            assert who.get(reverse("guarantee:order", args=[order.number])).status_code == 404
            assert who.get(reverse("guarantee:claim", args=[claim.reference])).status_code == 404
        assert (
            owner_client.get(reverse("guarantee:claim", args=[claim.reference])).status_code == 200
        )
        wrong_key = reverse("guarantee:claim", args=[claim.reference]) + "?key=0123"
        assert other_client.get(wrong_key).status_code == 404

    def test_a_double_submit_creates_one_claim(self, client, product, fake_stripe, mailoutbox):
        order = paid_order(client, product, fake_stripe)
        mailoutbox.clear()
        first = open_claim(client, order)
        second = open_claim(client, order)
        assert first.status_code == second.status_code == 303
        assert first["Location"] == second["Location"]
        assert GuaranteeClaim.objects.count() == 1
        assert len(mailoutbox) == 1

    def test_claims_are_rate_limited(self, client, product, fake_stripe, settings):
        settings.GUARANTEE_CLAIM_RATE = "2/15m"
        order = paid_order(client, product, fake_stripe)
        line = order.lines.get()
        for key in ("a", "b"):
            open_claim(client, order, {line.pk: 0}, key=key)
        assert open_claim(client, order, {line.pk: 1}, key="c").status_code == 429
        assert not GuaranteeClaim.objects.exists()


def png_bytes(size=(20, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return buffer.getvalue()


class TestPhotos:
    def test_a_real_photo_is_kept_and_staff_can_open_it(
        self, client, product, fake_stripe, staff_client, settings, tmp_path
    ):
        settings.MEDIA_ROOT = tmp_path
        order = paid_order(client, product, fake_stripe)
        photo = io.BytesIO(png_bytes())
        photo.name = "claw.png"
        data = claim_form(order, {order.lines.get().pk: 1})
        response = client.post(
            reverse("guarantee:order", args=[order.number]), {**data, "photos": photo}
        )
        assert response.status_code == 303
        stored = ClaimPhoto.objects.get()
        url = reverse("guarantee_dashboard:claim-photo", args=[stored.claim.reference, stored.pk])
        assert b"".join(staff_client.get(url).streaming_content) == png_bytes()
        assert client.get(url).status_code in (302, 403)

    def test_photos_are_private_files_with_no_public_address(
        self, client, product, fake_stripe, settings
    ):
        order = paid_order(client, product, fake_stripe)
        photo = io.BytesIO(png_bytes())
        photo.name = "claw.png"
        data = claim_form(order, {order.lines.get().pk: 1})
        client.post(reverse("guarantee:order", args=[order.number]), {**data, "photos": photo})
        stored = ClaimPhoto.objects.get()
        assert (Path(settings.PRIVATE_MEDIA_ROOT) / stored.image.name).read_bytes() == png_bytes()
        assert not (Path(settings.MEDIA_ROOT) / stored.image.name).exists()
        with pytest.raises(ValueError, match="no public URL"):
            _ = stored.image.url

    def test_the_migration_moves_photos_saved_publicly_into_private_storage(
        self, client, product, fake_stripe, settings
    ):
        order = paid_order(client, product, fake_stripe)
        client.post(
            reverse("guarantee:order", args=[order.number]),
            claim_form(order, {order.lines.get().pk: 1}),
        )
        claim = GuaranteeClaim.objects.get()
        name = f"guarantee/claims/{claim.reference}/photo.png"
        default_storage.save(name, ContentFile(png_bytes()))  # where earlier releases put it
        photo = ClaimPhoto.objects.create(claim=claim, image=name)
        migration = importlib.import_module("shop.guarantee.migrations.0003_private_claim_photos")
        migration.move_photos_to_private_storage(django_apps, None)
        photo.refresh_from_db()
        assert not default_storage.exists(name)
        assert photo.image.read() == png_bytes()
        assert (Path(settings.PRIVATE_MEDIA_ROOT) / photo.image.name).exists()

    @pytest.mark.parametrize("name", ["claw.html", "claw." + "x" * 200, "x" * 250 + ".png"])
    def test_a_photo_is_stored_under_the_name_of_its_real_format(
        self, client, product, fake_stripe, staff_client, name
    ):
        order = paid_order(client, product, fake_stripe)
        photo = io.BytesIO(png_bytes())
        photo.name = name
        data = claim_form(order, {order.lines.get().pk: 1})
        response = client.post(
            reverse("guarantee:order", args=[order.number]), {**data, "photos": photo}
        )
        assert response.status_code == 303
        stored = ClaimPhoto.objects.get()
        assert re.fullmatch(
            rf"guarantee/claims/{stored.claim.reference}/photo\w*\.png", stored.image.name
        )
        url = reverse("guarantee_dashboard:claim-photo", args=[stored.claim.reference, stored.pk])
        assert staff_client.get(url)["Content-Type"] == "image/png"

    def test_a_photo_stored_under_another_name_is_downloaded_not_opened(
        self, client, product, fake_stripe, staff_client
    ):
        order = paid_order(client, product, fake_stripe)
        client.post(
            reverse("guarantee:order", args=[order.number]),
            claim_form(order, {order.lines.get().pk: 1}),
        )
        claim = GuaranteeClaim.objects.get()
        # Saved before photo names followed their real format.
        old = ClaimPhoto.objects.create(
            claim=claim, image=SimpleUploadedFile("claw.html", png_bytes())
        )
        url = reverse("guarantee_dashboard:claim-photo", args=[claim.reference, old.pk])
        response = staff_client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"].startswith("attachment;")
        assert b"".join(response.streaming_content) == png_bytes()

    @pytest.mark.parametrize(
        ("content", "name", "message"),
        [
            (b"not an image at all", "fake.png", "is not an image we can open"),
            (b"GIF89a" + b"\0" * 30, "anim.gif", "is not an image we can open"),
        ],
    )
    def test_a_file_that_is_not_a_photo_is_refused(
        self, client, product, fake_stripe, content, name, message
    ):
        order = paid_order(client, product, fake_stripe)
        upload = io.BytesIO(content)
        upload.name = name
        data = claim_form(order, {order.lines.get().pk: 1})
        response = client.post(
            reverse("guarantee:order", args=[order.number]), {**data, "photos": upload}
        )
        assert response.status_code == 400
        assert message in response.content.decode()
        assert not GuaranteeClaim.objects.exists()

    def test_too_many_photos_are_refused(self, client, product, fake_stripe, settings):
        settings.GUARANTEE_MAX_PHOTOS = 1
        order = paid_order(client, product, fake_stripe)
        photos = []
        for n in range(2):
            photo = io.BytesIO(png_bytes())
            photo.name = f"p{n}.png"
            photos.append(photo)
        data = claim_form(order, {order.lines.get().pk: 1})
        response = client.post(
            reverse("guarantee:order", args=[order.number]), {**data, "photos": photos}
        )
        assert response.status_code == 400
        assert "at most 1 photos" in response.content.decode()


class TestAmounts:
    def test_discounts_and_partial_quantities(self, client, shop_data, fake_stripe, staff_client):
        product = make_product(price="10.00")
        voucher = voucher_for(percent=15)
        fill_basket(client, product, 3)
        client.post(reverse("basket:vouchers-add"), {"code": voucher.code})
        checkout_to_preview(client)
        assert place_order(client).status_code == 303
        order = Order.objects.get()
        attempt = order.payment_attempts.get()
        fake_stripe.complete(attempt.stripe_session_id)
        from shop.payment.services import finalize_checkout_session

        finalize_checkout_session(session_id=attempt.stripe_session_id)
        order.refresh_from_db()
        ship(order)
        line = order.lines.get()
        assert line.line_price_incl_tax == Decimal("25.50")
        open_claim(client, order, {line.pk: 1})
        open_claim(client, order, {line.pk: 2}, key="k2")
        first, second = GuaranteeClaim.objects.order_by("pk")
        # 25.50 / 3 = 8.50 per unit after the 15 % voucher; the last units get the remainder.
        assert (first.amount, second.amount) == (Decimal("8.50"), Decimal("17.00"))
        # Shipping is not refunded under these terms, even when every unit is claimed.
        assert not second.includes_shipping
        act(staff_client, first, "approve")
        act(staff_client, second, "approve")
        assert sorted(r["amount"] for r in refunds_of(fake_stripe, order)) == [850, 1700]

    def test_shipping_is_refunded_with_the_whole_order_when_the_terms_say_so(
        self, client, shop_data, fake_stripe, staff_client
    ):
        shop_data.refunds_shipping = True
        shop_data.save()
        product = make_product(price="20.00")
        order = paid_order(client, product, fake_stripe, quantity=2)
        ship(order)
        assert order.shipping_incl_tax > 0
        line = order.lines.get()
        open_claim(client, order, {line.pk: 1})
        open_claim(client, order, {line.pk: 1}, key="k2")
        first, second = GuaranteeClaim.objects.order_by("pk")
        assert not first.includes_shipping and second.includes_shipping
        assert first.amount + second.amount == order.total_incl_tax
        act(staff_client, first, "approve")
        act(staff_client, second, "approve")
        refunded = sum(r["amount"] for r in refunds_of(fake_stripe, order))
        assert refunded == int(order.total_incl_tax * 100)

    def test_an_undispatched_order_is_cancelled_with_a_full_refund(
        self, client, product, fake_stripe, staff_client
    ):
        order = paid_order(client, product, fake_stripe, quantity=2)
        record = StockRecord.objects.get(product=product)
        assert record.num_allocated == 2
        open_claim(client, order, {order.lines.get().pk: 2})
        claim = GuaranteeClaim.objects.get()
        assert claim.includes_shipping
        assert claim.amount == order.total_incl_tax
        act(staff_client, claim, "approve")
        order.refresh_from_db()
        record.refresh_from_db()
        assert order.status == "Cancelled"
        assert (record.num_allocated, record.num_in_stock) == (0, 10)
        [refund] = refunds_of(fake_stripe, order)
        assert refund["amount"] == int(order.total_incl_tax * 100)

    def test_a_refund_made_in_stripes_dashboard_is_reconciled_and_caps_claims(
        self, client, product, fake_stripe, staff_client
    ):
        order = paid_order(client, product, fake_stripe, quantity=2)
        ship(order)
        intent = payment_intent(fake_stripe, order)
        fake_stripe.refund_in_dashboard(intent, 6000)
        response = post_webhook(
            client, fake_stripe, "charge.refunded", fake_stripe.charge_refunded_object(intent)
        )
        assert response.status_code == 200
        event = PaymentEvent.objects.get(order=order, event_type__code="refunded")
        assert event.amount == Decimal("60.00")
        assert order.sources.get().amount_refunded == Decimal("60.00")
        line = order.lines.get()
        open_claim(client, order, {line.pk: 2})
        claim = GuaranteeClaim.objects.get()
        paid = order.total_incl_tax
        assert claim.amount == paid - Decimal("60.00")  # capped: never more than was paid
        act(staff_client, claim, "approve")
        assert sum(r["amount"] for r in refunds_of(fake_stripe, order)) == int(paid * 100)

    def test_the_webhook_of_a_claims_own_refund_records_nothing_twice(
        self, client, product, fake_stripe, staff_client
    ):
        order = paid_order(client, product, fake_stripe)
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        act(staff_client, claim, "approve")
        intent = payment_intent(fake_stripe, order)
        for _ in range(2):
            post_webhook(
                client, fake_stripe, "charge.refunded", fake_stripe.charge_refunded_object(intent)
            )
        assert PaymentEvent.objects.filter(order=order, event_type__code="refunded").count() == 1


class TestRefundFailures:
    def test_failure_then_retry_refunds_exactly_once(
        self, client, product, fake_stripe, staff_client, settings
    ):
        settings.STRIPE_MAX_NETWORK_RETRIES = 0
        order = paid_order(client, product, fake_stripe)
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        fake_stripe.fail_next(1)
        act(staff_client, claim, "approve")
        claim.refresh_from_db()
        assert claim.status == Status.REFUND_FAILED
        assert "outage" in claim.refund_error
        page = staff_client.get(reverse("guarantee_dashboard:claim-detail", args=[claim.reference]))
        assert "Refund failed — retry" in page.content.decode()
        assert refunds_of(fake_stripe, order) == []
        act(staff_client, claim, "retry_refund")
        act(staff_client, claim, "retry_refund")  # a second click finds it refunded
        claim.refresh_from_db()
        assert claim.status == Status.REFUNDED
        assert len(refunds_of(fake_stripe, order)) == 1

    def test_a_retry_finds_the_refund_stripe_made_despite_the_error(
        self, client, product, fake_stripe, staff_client, settings
    ):
        """Stripe refunded but the answer was lost: the retry finds it instead of refunding."""
        from shop.guarantee.services import refund_claim_now
        from shop.payment.gateway import get_gateway

        order = paid_order(client, product, fake_stripe)
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        settings.STRIPE_MAX_NETWORK_RETRIES = 0
        fake_stripe.fail_next(1)
        act(staff_client, claim, "approve")
        claim.refresh_from_db()
        assert claim.status == Status.REFUND_FAILED
        # What the lost call did at Stripe:
        get_gateway().refund_payment(
            payment_intent=payment_intent(fake_stripe, order),
            amount=4900,
            idempotency_key=claim.refund_idempotency_key,
            metadata={"guarantee_claim": claim.reference},
        )
        act(staff_client, claim, "retry_refund")
        claim.refresh_from_db()
        assert claim.status == Status.REFUNDED
        assert len(refunds_of(fake_stripe, order)) == 1
        assert refund_claim_now(claim_id=claim.pk).startswith("nothing to do")


class TestWebhookFollowUps:
    def test_a_claim_refund_that_fails_later_at_stripe_is_flagged_for_staff(
        self, client, product, fake_stripe, staff_client
    ):
        order = paid_order(client, product, fake_stripe)
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        act(staff_client, claim, "approve")
        refund = dict(fake_stripe.refunds[GuaranteeClaim.objects.get().stripe_refund_id])
        refund["status"] = "failed"
        assert post_webhook(client, fake_stripe, "refund.updated", refund).status_code == 200
        claim.refresh_from_db()
        assert claim.events.filter(kind="refund_error", internal=True).exists()
        assert order.notes.filter(message__contains="failed (claim").exists()

    def test_the_return_received_step_is_emailed_too(
        self, client, product, fake_stripe, staff_client, mailoutbox
    ):
        terms = current_terms()
        terms.requires_return = True
        terms.save()
        order = paid_order(client, product, fake_stripe)
        ship(order)
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        act(staff_client, claim, "approve")
        mailoutbox.clear()
        act(staff_client, claim, "receive")
        assert [m.subject.split(": ", 1)[1] for m in mailoutbox] == [
            "we received your return; your refund of 49.00 USD is on its way",
            "your money has been refunded",
        ]
        assert all(m.alternatives for m in mailoutbox)  # HTML and text

    def test_a_claim_follows_the_terms_the_order_was_sold_under(
        self, client, product, fake_stripe, shop_data
    ):
        from shop.guarantee.models import GuaranteeTerms
        from shop.guarantee.services import make_terms_current

        order = paid_order(client, product, fake_stripe)
        ship(order)
        stricter = GuaranteeTerms.objects.create(
            version=2, window_days=1, requires_return=True, refund_time_text="x", body="v2"
        )
        make_terms_current(terms=stricter)
        open_claim(client, order)
        claim = GuaranteeClaim.objects.get()
        assert claim.terms == shop_data
        assert not claim.return_required
