"""One order per payment: however the customer's return, webhooks and retries race or repeat,
a paid Checkout Session gives exactly one payment record and one email."""

import threading
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from shop.payment.gateway import to_minor_units
from shop.payment.models import PaymentAttempt, PaymentIssue, StripeRefund, StripeWebhookEvent
from shop.payment.services import finalize_checkout_session
from tests.shop.payment.helpers import pending_order, post_webhook

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
PaymentEvent = get_model("order", "PaymentEvent")


def assert_paid_once(order, mailoutbox):
    order.refresh_from_db()
    assert order.status == "Paid"
    assert Source.objects.filter(order=order).count() == 1
    assert PaymentEvent.objects.filter(order=order).count() == 1
    assert PaymentAttempt.objects.filter(order=order, status="paid").count() == 1
    assert len([m for m in mailoutbox if order.number in m.subject]) == 1


@pytest.mark.django_db
class TestSessionParameters:
    def test_amounts_are_minor_units_rounded_half_up_without_float(self):
        assert to_minor_units(Decimal("54.95"), "USD") == 5495
        assert to_minor_units(Decimal("10.005"), "USD") == 1001
        assert to_minor_units(Decimal("10.004"), "USD") == 1000
        assert to_minor_units(Decimal("0.285"), "usd") == 29  # float(0.285)*100 is 28.499…
        assert to_minor_units(Decimal("1234.5"), "JPY") == 1235

    def test_session_has_one_line_for_the_order_total_and_the_order_number_everywhere(
        self, client, product, fake_stripe
    ):
        order, attempt = pending_order(client, product, quantity=2)
        [(params, headers)] = fake_stripe.session_requests()
        assert headers["idempotency-key"] == f"cs:{order.number}:1"
        assert params["mode"] == "payment"
        [item] = params["line_items"]
        assert item["quantity"] == "1"
        assert item["price_data"]["unit_amount"] == "9800"  # 98.00, free standard shipping
        assert item["price_data"]["currency"] == "usd"
        assert item["price_data"]["product_data"]["name"] == f"Order #{order.number}"
        assert params["customer_email"] == "guest@example.com"
        assert params["client_reference_id"] == order.number
        assert params["metadata"]["order_number"] == order.number
        assert params["payment_intent_data"]["metadata"]["order_number"] == order.number
        assert params["success_url"].endswith(
            "/checkout/payment/return/?session_id={CHECKOUT_SESSION_ID}"
        )
        assert params["cancel_url"].endswith(f"/checkout/payment/{order.number}/cancelled/")
        assert int(params["expires_at"]) > 0
        assert (attempt.amount, attempt.currency) == (9800, "USD")

    def test_paying_again_expires_the_open_session_first(self, client, product, fake_stripe):
        order, first = pending_order(client, product)
        response = client.post(reverse("payment:order", args=[order.number]))
        assert response.status_code == 303
        assert fake_stripe.sessions[first.stripe_session_id]["status"] == "expired"
        attempts = list(PaymentAttempt.objects.filter(order=order).order_by("number"))
        assert [(a.number, a.status) for a in attempts] == [(1, "expired"), (2, "open")]
        assert response["Location"] == attempts[1].checkout_url
        keys = [h["idempotency-key"] for _, h in fake_stripe.session_requests()]
        assert keys == [f"cs:{order.number}:1", f"cs:{order.number}:2"]

    def test_the_fake_honours_idempotency_keys(self, client, product, fake_stripe):
        from shop.payment.gateway import PaymentProviderError, StripeGateway

        _, attempt = pending_order(client, product)
        [(params, _)] = fake_stripe.session_requests()
        gateway = StripeGateway()
        replay = gateway.create_checkout_session(
            params=params, idempotency_key=attempt.idempotency_key
        )
        assert replay.id == attempt.stripe_session_id
        with pytest.raises(PaymentProviderError, match="same parameters"):
            gateway.create_checkout_session(
                params={**params, "customer_email": "x@example.com"},
                idempotency_key=attempt.idempotency_key,
            )


@pytest.mark.django_db
class TestFinaliser:
    def test_return_before_webhook(
        self, client, product, fake_stripe, mailoutbox, django_capture_on_commit_callbacks
    ):
        order, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get(
                reverse("payment:return"), {"session_id": attempt.stripe_session_id}
            )
        assert response.status_code == 302
        assert response["Location"] == reverse("checkout:thank-you")
        thank_you = client.get(response["Location"])
        assert order.number in thank_you.content.decode()

        with django_capture_on_commit_callbacks(execute=True):
            hook = post_webhook(
                client,
                fake_stripe,
                "checkout.session.completed",
                fake_stripe.sessions[attempt.stripe_session_id],
            )
        assert hook.status_code == 200
        assert hook.json()["outcome"] == "already-done"
        assert_paid_once(order, mailoutbox)
        source = Source.objects.get(order=order)
        assert source.reference == fake_stripe.sessions[attempt.stripe_session_id]["payment_intent"]
        assert source.amount_debited == order.total_incl_tax

    def test_webhook_before_return(
        self, client, product, fake_stripe, mailoutbox, django_capture_on_commit_callbacks
    ):
        order, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id)
        with django_capture_on_commit_callbacks(execute=True):
            hook = post_webhook(
                client,
                fake_stripe,
                "checkout.session.completed",
                fake_stripe.sessions[attempt.stripe_session_id],
            )
        assert hook.json()["outcome"] == "paid"
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get(
                reverse("payment:return"), {"session_id": attempt.stripe_session_id}
            )
        assert response["Location"] == reverse("checkout:thank-you")
        assert_paid_once(order, mailoutbox)

    def test_one_event_delivered_five_times_pays_once(
        self, client, product, fake_stripe, mailoutbox, django_capture_on_commit_callbacks
    ):
        order, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id)
        session = fake_stripe.sessions[attempt.stripe_session_id]
        outcomes = []
        for _ in range(5):
            with django_capture_on_commit_callbacks(execute=True):
                response = post_webhook(
                    client, fake_stripe, "checkout.session.completed", session, event_id="evt_same"
                )
            assert response.status_code == 200
            outcomes.append(response.json()["outcome"])
        assert outcomes == ["paid"] + ["duplicate"] * 4
        assert StripeWebhookEvent.objects.filter(event_id="evt_same").count() == 1
        assert_paid_once(order, mailoutbox)

    def test_the_query_string_and_event_body_are_not_trusted(
        self, client, product, fake_stripe, mailoutbox
    ):
        order, attempt = pending_order(client, product)
        # Not paid at Stripe: a forged "completed" event and a forged return change nothing.
        forged = {
            **fake_stripe.sessions[attempt.stripe_session_id],
            "payment_status": "paid",
            "status": "complete",
        }
        assert (
            post_webhook(client, fake_stripe, "checkout.session.completed", forged).json()[
                "outcome"
            ]
            == "not-paid"
        )
        response = client.get(reverse("payment:return"), {"session_id": attempt.stripe_session_id})
        assert response.status_code == 200
        assert "confirming your payment" in response.content.decode()
        order.refresh_from_db()
        assert order.status == "Pending payment"
        assert not Source.objects.exists()

    def test_a_session_paid_with_another_amount_is_flagged_not_paid(
        self, client, product, fake_stripe
    ):
        order, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id)
        fake_stripe.sessions[attempt.stripe_session_id]["amount_total"] = 100
        result = finalize_checkout_session(session_id=attempt.stripe_session_id)
        assert result.outcome == "amount-mismatch"
        order.refresh_from_db()
        assert order.status == "Pending payment"
        assert PaymentIssue.objects.get(order=order).kind == "amount-mismatch"

    def test_return_with_an_unknown_or_missing_session_is_a_4xx(
        self, client, fake_stripe, shop_data
    ):
        assert client.get(reverse("payment:return")).status_code == 400
        assert (
            client.get(reverse("payment:return"), {"session_id": "cs_test_nope"}).status_code == 404
        )

    def test_another_browser_cannot_see_the_order_on_return(self, client, product, fake_stripe):
        order, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id)
        stranger = Client()
        response = stranger.get(
            reverse("payment:return"), {"session_id": attempt.stripe_session_id}
        )
        assert response.status_code == 404
        assert stranger.get(reverse("payment:order", args=[order.number])).status_code == 404

    def test_reconcile_finalises_a_paid_but_pending_order_once(
        self, client, product, fake_stripe, mailoutbox, django_capture_on_commit_callbacks
    ):
        order, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id)  # the browser closed, the webhook was lost
        for _ in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                call_command("reconcile_payments")
        assert_paid_once(order, mailoutbox)

    def test_reconcile_cancels_expired_sessions_and_releases_stock(
        self, client, product, fake_stripe
    ):
        order, attempt = pending_order(client, product, quantity=3)
        fake_stripe.expire(attempt.stripe_session_id)
        call_command("reconcile_payments")
        order.refresh_from_db()
        assert order.status == "Cancelled"
        assert product.stockrecords.get().num_allocated == 0

    def test_payment_for_a_cancelled_order_is_refunded_and_flagged(
        self, client, product, fake_stripe, django_capture_on_commit_callbacks, mailoutbox
    ):
        order, attempt = pending_order(client, product)
        fake_stripe.complete(attempt.stripe_session_id)
        from shop.order.services import cancel_pending_order

        cancel_pending_order(order=order, reason="test: cancelled by staff")
        with django_capture_on_commit_callbacks(execute=True):
            response = post_webhook(
                client,
                fake_stripe,
                "checkout.session.completed",
                fake_stripe.sessions[attempt.stripe_session_id],
            )
        assert response.json()["outcome"] == "refunded-order-not-payable"
        order.refresh_from_db()
        assert order.status == "Cancelled"
        assert PaymentIssue.objects.get(order=order).kind == "paid-after-cancellation"
        [refund] = fake_stripe.refunds.values()
        assert (
            refund["payment_intent"]
            == fake_stripe.sessions[attempt.stripe_session_id]["payment_intent"]
        )
        assert refund["amount"] == attempt.amount
        assert StripeRefund.objects.get(order=order).status == "succeeded"
        assert mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_return_and_webhook_at_the_same_moment_pay_once(client, product, fake_stripe, mailoutbox):
    order, attempt = pending_order(client, product)
    fake_stripe.complete(attempt.stripe_session_id)
    session = fake_stripe.sessions[attempt.stripe_session_id]
    barrier = threading.Barrier(4)
    statuses = []

    def deliver(kind: str) -> None:
        try:
            barrier.wait()
            if kind == "return":
                statuses.append(
                    client.get(reverse("payment:return"), {"session_id": session["id"]}).status_code
                )
            else:  # two deliveries of one event, and another event for the same session
                event_id = "evt_twice" if kind == "same-event" else None
                statuses.append(
                    post_webhook(
                        Client(),
                        fake_stripe,
                        "checkout.session.completed",
                        session,
                        event_id=event_id,
                    ).status_code
                )
        finally:
            connection.close()

    threads = [
        threading.Thread(target=deliver, args=(kind,))
        for kind in ("return", "same-event", "same-event", "other-event")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 200, 200, 302]
    assert StripeWebhookEvent.objects.filter(event_id="evt_twice").count() == 1
    assert_paid_once(order, mailoutbox)


@pytest.mark.django_db
def test_a_session_whose_creation_answer_was_lost_is_still_found_and_reused(
    client, product, fake_stripe, mailoutbox, django_capture_on_commit_callbacks
):
    order, attempt = pending_order(client, product)
    session_id = attempt.stripe_session_id
    # As if Stripe created the session but its answer never reached us.
    PaymentAttempt.objects.filter(pk=attempt.pk).update(stripe_session_id=None, status="creating")

    # "Pay now" retries with the same idempotency key and gets the same session back (a second
    # later: the parameters must not depend on the time of the retry).
    time.sleep(1.1)
    response = client.post(reverse("payment:order", args=[order.number]))
    assert response.status_code == 303
    attempt.refresh_from_db()
    assert (attempt.stripe_session_id, attempt.status) == (session_id, "open")
    assert len(fake_stripe.sessions) == 1

    # And a webhook for a session we never stored is matched through its metadata.
    PaymentAttempt.objects.filter(pk=attempt.pk).update(stripe_session_id=None, status="creating")
    fake_stripe.complete(session_id)
    with django_capture_on_commit_callbacks(execute=True):
        hook = post_webhook(
            client, fake_stripe, "checkout.session.completed", fake_stripe.sessions[session_id]
        )
    assert hook.json()["outcome"] == "paid"
    attempt.refresh_from_db()
    assert attempt.stripe_session_id == session_id
    assert_paid_once(order, mailoutbox)


@pytest.mark.django_db
def test_an_unanswered_attempt_too_old_to_reuse_is_replaced(client, product, fake_stripe):
    order, attempt = pending_order(client, product)
    PaymentAttempt.objects.filter(pk=attempt.pk).update(
        stripe_session_id=None, status="creating", created=attempt.created - timedelta(hours=1)
    )
    response = client.post(reverse("payment:order", args=[order.number]))
    assert response.status_code == 303
    attempts = list(PaymentAttempt.objects.filter(order=order).order_by("number"))
    assert [(a.number, a.status) for a in attempts] == [(1, "failed"), (2, "open")]
