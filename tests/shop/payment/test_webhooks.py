"""The Stripe webhook endpoint: signatures, unknown types, ordering, and the events it handles."""

import time
from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import (
    BenefitFactory,
    ConditionalOfferFactory,
    ConditionFactory,
    RangeFactory,
    VoucherFactory,
)

from shop.outbox.models import OutgoingEmail
from shop.payment.gateway import StripeGateway
from shop.payment.models import PaymentIssue, StripeRefund, StripeWebhookEvent
from tests.fakestripe.server import WEBHOOK_SECRET
from tests.shop.checkout.fixtures import checkout_to_preview, fill_basket, place_order
from tests.shop.payment.helpers import pending_order, post_webhook

Order = get_model("order", "Order")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")

pytestmark = pytest.mark.django_db

URL = "/stripe/webhook/"


class TestSignature:
    def test_url(self):
        assert reverse("payment:stripe-webhook") == URL

    @pytest.mark.parametrize(
        "headers",
        [
            {},
            {"Stripe-Signature": "t=1,v1=deadbeef"},
            {"Stripe-Signature": "garbage"},
        ],
        ids=["missing", "bad", "unparseable"],
    )
    def test_bad_or_missing_signature_is_400_and_changes_nothing(
        self, client, fake_stripe, headers
    ):
        body, _ = fake_stripe.signed_event("checkout.session.completed", {"id": "cs_x"})
        response = client.post(URL, data=body, content_type="application/json", headers=headers)
        assert response.status_code == 400
        assert not StripeWebhookEvent.objects.exists()

    def test_wrong_secret_is_400(self, client, fake_stripe):
        response = post_webhook(client, fake_stripe, "ping", {"id": "x"}, secret="whsec_other")
        assert response.status_code == 400

    def test_stale_signature_is_400(self, client, fake_stripe):
        stale = int(time.time()) - 3600
        response = post_webhook(client, fake_stripe, "ping", {"id": "x"}, timestamp=stale)
        assert response.status_code == 400
        assert not StripeWebhookEvent.objects.exists()

    def test_signed_garbage_is_400(self, client, fake_stripe):
        import stripe

        body = "not json"
        header = stripe.WebhookSignature.generate_signature_header(body, WEBHOOK_SECRET)
        response = client.post(
            URL, data=body, content_type="application/json", headers={"Stripe-Signature": header}
        )
        assert response.status_code == 400

    def test_get_is_refused(self, client, fake_stripe):
        assert client.get(URL).status_code == 405

    def test_unknown_event_types_get_200(self, client, fake_stripe):
        response = post_webhook(client, fake_stripe, "customer.created", {"id": "cus_1"})
        assert response.status_code == 200
        assert response.json()["outcome"] == "ignored"

    def test_an_order_not_known_yet_gets_a_non_2xx_so_stripe_retries(
        self, client, fake_stripe, shop_data
    ):
        session = StripeGateway().client.v1.checkout.sessions.create(
            params={
                "mode": "payment",
                "line_items": [
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": "usd",
                            "unit_amount": 100,
                            "product_data": {"name": "x"},
                        },
                    }
                ],
                "success_url": "http://x/s",
                "cancel_url": "http://x/c",
                "metadata": {"order_number": "999999", "attempt": "1"},
            }
        )
        fake_stripe.complete(session.id)
        response = post_webhook(
            client,
            fake_stripe,
            "checkout.session.completed",
            fake_stripe.sessions[session.id],
            event_id="evt_retry",
        )
        assert response.status_code == 404
        # Not recorded: the retry will be processed.
        assert not StripeWebhookEvent.objects.filter(event_id="evt_retry").exists()

    def test_stripe_unreachable_during_a_webhook_gets_503(
        self, client, product, fake_stripe, settings
    ):
        settings.STRIPE_MAX_NETWORK_RETRIES = 0
        _, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id)
        fake_stripe.fail_next(1)
        response = post_webhook(
            client,
            fake_stripe,
            "checkout.session.completed",
            fake_stripe.sessions[attempt.stripe_session_id],
        )
        assert response.status_code == 503
        assert not StripeWebhookEvent.objects.exists()


class TestSessionsThatEndUnpaid:
    def test_expiry_cancels_releases_stock_and_the_basket_comes_back(
        self, client, product, fake_stripe
    ):
        order, attempt = pending_order(client, product, quantity=2)
        assert product.stockrecords.get().num_allocated == 2
        fake_stripe.expire(attempt.stripe_session_id)
        response = post_webhook(
            client,
            fake_stripe,
            "checkout.session.expired",
            fake_stripe.sessions[attempt.stripe_session_id],
        )
        assert response.status_code == 200
        order.refresh_from_db()
        assert order.status == "Cancelled"
        assert product.stockrecords.get().num_allocated == 0

        # The customer comes back through Stripe's "back" link.
        page = client.get(reverse("payment:cancelled", args=[order.number]))
        assert "was cancelled" in page.content.decode()
        response = client.post(reverse("payment:cancelled", args=[order.number]), follow=True)
        assert response.redirect_chain[-1][0] == reverse("basket:summary")
        basket = response.context["basket"]
        assert [(line.product_id, line.quantity) for line in basket.all_lines()] == [
            (product.pk, 2)
        ]
        assert "back in your basket" in response.content.decode()
        # Twice does not double the basket.
        response = client.post(reverse("payment:cancelled", args=[order.number]), follow=True)
        assert response.context["basket"].num_items == 2

    def test_going_back_to_the_basket_expires_the_session_and_cancels(
        self, client, product, fake_stripe
    ):
        order, attempt = pending_order(client, product)
        response = client.post(reverse("payment:cancelled", args=[order.number]))
        assert response["Location"] == reverse("basket:summary")
        assert fake_stripe.sessions[attempt.stripe_session_id]["status"] == "expired"
        order.refresh_from_db()
        assert order.status == "Cancelled"
        assert product.stockrecords.get().num_allocated == 0

    def test_going_back_after_paying_keeps_the_paid_order(self, client, product, fake_stripe):
        order, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id)
        response = client.post(reverse("payment:cancelled", args=[order.number]))
        assert response["Location"] == reverse("checkout:thank-you")
        order.refresh_from_db()
        assert order.status == "Paid"

    def test_delayed_payment_succeeds_later(
        self, client, product, fake_stripe, mailoutbox, django_capture_on_commit_callbacks
    ):
        order, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id, paid=False)
        assert (
            post_webhook(
                client,
                fake_stripe,
                "checkout.session.completed",
                fake_stripe.sessions[attempt.stripe_session_id],
            ).json()["outcome"]
            == "not-paid"
        )
        fake_stripe.succeed_async(attempt.stripe_session_id)
        with django_capture_on_commit_callbacks(execute=True):
            response = post_webhook(
                client,
                fake_stripe,
                "checkout.session.async_payment_succeeded",
                fake_stripe.sessions[attempt.stripe_session_id],
            )
        assert response.json()["outcome"] == "paid"
        order.refresh_from_db()
        assert order.status == "Paid"
        assert len(mailoutbox) == 1

    def test_delayed_payment_failure_cancels(self, client, product, fake_stripe):
        order, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id, paid=False)
        response = post_webhook(
            client,
            fake_stripe,
            "checkout.session.async_payment_failed",
            fake_stripe.sessions[attempt.stripe_session_id],
        )
        assert response.status_code == 200
        order.refresh_from_db()
        assert order.status == "Cancelled"
        assert product.stockrecords.get().num_allocated == 0

    def test_expiry_releases_the_voucher_usage(self, client, product, fake_stripe):
        voucher = voucher_for(percent=10)
        fill_basket(client, product)
        assert (
            client.post(reverse("basket:vouchers-add"), {"code": voucher.code}).status_code == 302
        )
        checkout_to_preview(client)
        assert place_order(client).status_code == 303
        order = Order.objects.get()
        voucher.refresh_from_db()
        assert voucher.num_orders == 1
        assert order.total_discount_incl_tax == Decimal("4.90")
        attempt = order.payment_attempts.get()
        fake_stripe.expire(attempt.stripe_session_id)
        post_webhook(
            client,
            fake_stripe,
            "checkout.session.expired",
            fake_stripe.sessions[attempt.stripe_session_id],
        )
        voucher.refresh_from_db()
        offer = ConditionalOffer.objects.get(vouchers=voucher)
        assert (voucher.num_orders, voucher.applications.count()) == (0, 0)
        assert (offer.num_orders, offer.num_applications) == (0, 0)


def voucher_for(*, percent: int, code: str = "CLAW"):
    product_range = RangeFactory(includes_all_products=True)
    offer = ConditionalOfferFactory(
        offer_type=ConditionalOffer.VOUCHER,
        benefit=BenefitFactory(type=Benefit.PERCENTAGE, value=percent, range=product_range),
        condition=ConditionFactory(type=Condition.COUNT, value=1, range=product_range),
    )
    voucher = VoucherFactory(code=code)
    voucher.offers.add(offer)
    return voucher


class TestAfterPayment:
    def paid(self, client, product, fake_stripe):
        order, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id)
        post_webhook(
            client,
            fake_stripe,
            "checkout.session.completed",
            fake_stripe.sessions[attempt.stripe_session_id],
        )
        return order, fake_stripe.sessions[attempt.stripe_session_id]["payment_intent"]

    def test_a_dispute_flags_the_order_and_emails_staff_once(
        self, client, product, fake_stripe, settings, django_capture_on_commit_callbacks
    ):
        settings.ORDER_STAFF_EMAILS = ["orders@example.com"]
        order, intent = self.paid(client, product, fake_stripe)
        dispute = fake_stripe.dispute(intent)
        before = OutgoingEmail.objects.count()
        for _ in range(2):  # two distinct deliveries of the same dispute
            with django_capture_on_commit_callbacks(execute=True):
                response = post_webhook(client, fake_stripe, "charge.dispute.created", dispute)
            assert response.status_code == 200
        issue = PaymentIssue.objects.get(order=order)
        assert (issue.kind, issue.stripe_object_id) == ("dispute", dispute["id"])
        [alert] = OutgoingEmail.objects.order_by("pk")[before:]
        assert alert.to == ["orders@example.com"]
        assert order.number in alert.subject
        assert dispute["id"] in alert.text_body
        assert f"{order.total_incl_tax} USD" in alert.text_body
        assert "product not received" in alert.text_body
        assert reverse("dashboard:order-detail", args=[order.number]) in alert.text_body

    @pytest.mark.parametrize("due_by", [None, "soon", 10**20, -(10**20)])
    def test_a_dispute_without_a_usable_deadline_still_alerts_staff(
        self, client, product, fake_stripe, due_by, django_capture_on_commit_callbacks
    ):
        order, intent = self.paid(client, product, fake_stripe)
        dispute = {**fake_stripe.dispute(intent), "evidence_details": {"due_by": due_by}}
        before = OutgoingEmail.objects.count()
        with django_capture_on_commit_callbacks(execute=True):
            response = post_webhook(client, fake_stripe, "charge.dispute.created", dispute)
        assert response.status_code == 200
        [alert] = OutgoingEmail.objects.order_by("pk")[before:]
        assert "see Stripe's dashboard" in alert.text_body
        assert PaymentIssue.objects.filter(order=order, stripe_object_id=dispute["id"]).exists()

    def test_refunds_are_recorded(self, client, product, fake_stripe):
        order, intent = self.paid(client, product, fake_stripe)
        refund = {
            "id": "re_1",
            "object": "refund",
            "amount": 500,
            "currency": "usd",
            "payment_intent": intent,
            "status": "pending",
        }
        charge = {
            "id": "ch_1",
            "object": "charge",
            "payment_intent": intent,
            "refunds": {"data": [refund]},
        }
        assert post_webhook(client, fake_stripe, "charge.refunded", charge).status_code == 200
        assert (
            post_webhook(
                client, fake_stripe, "refund.updated", {**refund, "status": "succeeded"}
            ).status_code
            == 200
        )
        recorded = StripeRefund.objects.get()
        assert (recorded.order, recorded.amount, recorded.status) == (order, 500, "succeeded")


def test_no_second_session_while_a_delayed_payment_is_processing(client, product, fake_stripe):
    order, attempt = pending_order(client, product)
    fake_stripe.complete(attempt.stripe_session_id, paid=False)  # bank debit, processing
    response = client.post(reverse("payment:order", args=[order.number]), follow=True)
    assert "still being processed" in response.content.decode()
    assert len(fake_stripe.session_requests()) == 1
    response = client.post(reverse("payment:cancelled", args=[order.number]), follow=True)
    assert "cannot be cancelled now" in response.content.decode()
    order.refresh_from_db()
    assert order.status == "Pending payment"
    assert product.stockrecords.get().num_allocated == 1


class TestEventShape:
    """A signed payload whose event id, type or object id is not what Stripe sends is refused
    with a 400 and records nothing (a 500-character or NUL-carrying id was a server error)."""

    @pytest.mark.parametrize(
        "event_id",
        ["evt_" + "a" * 500, "evt_test\x00abc", "evt_", "cs_test_abc", "evt_a b", "evt_é"],
        ids=["500 characters", "NUL", "prefix only", "not an event", "space", "accent"],
    )
    def test_a_signed_event_with_a_malformed_id_is_refused(self, client, fake_stripe, event_id):
        response = post_webhook(client, fake_stripe, "ping", {"id": "x"}, event_id=event_id)
        assert response.status_code == 400
        assert response.json() == {"error": "not an event"}
        assert not StripeWebhookEvent.objects.exists()

    @pytest.mark.parametrize(
        ("event_type", "obj"),
        [
            ("checkout.session.completed\x00", {"id": "cs_x"}),
            ("a" * 101, {"id": "cs_x"}),
            ("checkout.session.completed", {"id": "cs_" + "x" * 300}),
            ("checkout.session.completed", {"id": "cs_x\x00"}),
        ],
        ids=["NUL in the type", "long type", "long object id", "NUL in the object id"],
    )
    def test_a_signed_event_with_a_malformed_type_or_object_is_refused(
        self, client, fake_stripe, event_type, obj
    ):
        response = post_webhook(client, fake_stripe, event_type, obj)
        assert response.status_code == 400
        assert not StripeWebhookEvent.objects.exists()

    def test_the_longest_id_stripe_can_send_is_accepted(self, client, fake_stripe):
        event_id = "evt_" + "a" * 251
        response = post_webhook(
            client, fake_stripe, "customer.created", {"id": "cus_1"}, event_id=event_id
        )
        assert response.status_code == 200
        assert StripeWebhookEvent.objects.get().event_id == event_id
