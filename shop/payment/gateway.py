"""The payment provider behind one small interface: Stripe, or the demo stand-in without keys.

Everything the shop asks the provider goes through ``get_gateway()``: create, read and expire a
Checkout Session, and refund a payment. The Stripe gateway uses the official library's
``StripeClient`` (``client.v1.*``) with explicit network retries, pointed at
``STRIPE_API_BASE`` when it is set (tests run it against a local fake of Stripe's API).
"""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

import stripe
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from .models import DemoCheckoutSession


class PaymentProviderError(Exception):
    """The provider could not be reached or refused the request; safe to retry later."""


class SessionNotFound(PaymentProviderError):
    """The provider knows no Checkout Session with that id."""


@dataclass(frozen=True)
class CheckoutSession:
    """What the shop needs to know about a Checkout Session, as the provider reports it."""

    id: str
    url: str
    status: str  # open, complete, expired
    payment_status: str  # unpaid, paid, no_payment_required
    amount_total: int | None
    currency: str
    payment_intent: str
    order_number: str
    attempt_number: int | None
    expires_at: int


@dataclass(frozen=True)
class Refund:
    id: str
    status: str
    amount: int
    currency: str


def _session_from_stripe(stripe_session) -> CheckoutSession:
    session = stripe_session.to_dict()
    metadata = session.get("metadata") or {}
    payment_intent = session.get("payment_intent") or ""
    if not isinstance(payment_intent, str):
        payment_intent = payment_intent.get("id", "")
    attempt = metadata.get("attempt")
    return CheckoutSession(
        id=session["id"],
        url=session.get("url") or "",
        status=session.get("status") or "",
        payment_status=session.get("payment_status") or "",
        amount_total=session.get("amount_total"),
        currency=(session.get("currency") or "").upper(),
        payment_intent=payment_intent,
        order_number=metadata.get("order_number") or session.get("client_reference_id") or "",
        attempt_number=int(attempt) if attempt and str(attempt).isdigit() else None,
        expires_at=int(session.get("expires_at") or 0),
    )


class StripeGateway:
    def __init__(self) -> None:
        base = settings.STRIPE_API_BASE
        self.client = stripe.StripeClient(
            settings.STRIPE_SECRET_KEY,
            base_addresses={"api": base} if base else None,
            max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
        )

    def _call(self, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except stripe.InvalidRequestError as error:
            if error.code == "resource_missing":
                raise SessionNotFound(str(error)) from error
            raise PaymentProviderError(str(error)) from error
        except stripe.StripeError as error:
            raise PaymentProviderError(str(error)) from error

    def create_checkout_session(self, *, params: dict, idempotency_key: str) -> CheckoutSession:
        session = self._call(
            self.client.v1.checkout.sessions.create,
            params=params,
            options={"idempotency_key": idempotency_key},
        )
        return _session_from_stripe(session)

    def retrieve_checkout_session(self, session_id: str) -> CheckoutSession:
        return _session_from_stripe(
            self._call(self.client.v1.checkout.sessions.retrieve, session_id)
        )

    def expire_checkout_session(self, session_id: str) -> CheckoutSession:
        """Expire an open session; a session that is no longer open is returned as it is."""
        try:
            return _session_from_stripe(
                self._call(self.client.v1.checkout.sessions.expire, session_id)
            )
        except SessionNotFound:
            raise
        except PaymentProviderError:
            session = self.retrieve_checkout_session(session_id)
            if session.status == "open":
                raise
            return session

    def refund_payment(self, *, payment_intent: str, amount: int, idempotency_key: str) -> Refund:
        refund = self._call(
            self.client.v1.refunds.create,
            params={"payment_intent": payment_intent, "amount": amount},
            options={"idempotency_key": idempotency_key},
        ).to_dict()
        return Refund(
            id=refund["id"],
            status=refund["status"],
            amount=refund["amount"],
            currency=(refund["currency"] or "").upper(),
        )


class DemoGateway:
    """Demo-payment mode: sessions live in the database and are "paid" on the demo page."""

    def create_checkout_session(self, *, params: dict, idempotency_key: str) -> CheckoutSession:
        metadata = params["metadata"]
        existing = DemoCheckoutSession.objects.filter(
            order_number=metadata["order_number"], attempt_number=int(metadata["attempt"])
        ).first()
        session = existing or DemoCheckoutSession.objects.create(
            session_id=f"demo_cs_{secrets.token_urlsafe(18)}",
            order_number=metadata["order_number"],
            attempt_number=int(metadata["attempt"]),
            amount_total=params["line_items"][0]["price_data"]["unit_amount"],
            currency=params["line_items"][0]["price_data"]["currency"],
            success_url=params["success_url"],
            cancel_url=params["cancel_url"],
            expires_at=datetime.fromtimestamp(params["expires_at"], tz=UTC),
        )
        return self._as_checkout_session(session)

    def _as_checkout_session(self, session: DemoCheckoutSession) -> CheckoutSession:
        status = session.status
        if status == "open" and session.expires_at <= datetime.now(tz=UTC):
            status = "expired"
        return CheckoutSession(
            id=session.session_id,
            # Relative: the demo page lives on whatever host served the checkout.
            url=reverse("payment:demo", args=[session.session_id]),
            status=status,
            payment_status=session.payment_status,
            amount_total=session.amount_total,
            currency=session.currency.upper(),
            payment_intent=session.payment_intent,
            order_number=session.order_number,
            attempt_number=session.attempt_number,
            expires_at=int(session.expires_at.timestamp()),
        )

    def retrieve_checkout_session(self, session_id: str) -> CheckoutSession:
        session = DemoCheckoutSession.objects.filter(session_id=session_id).first()
        if session is None:
            raise SessionNotFound(session_id)
        return self._as_checkout_session(session)

    def expire_checkout_session(self, session_id: str) -> CheckoutSession:
        DemoCheckoutSession.objects.filter(session_id=session_id, status="open").update(
            status="expired"
        )
        return self.retrieve_checkout_session(session_id)

    def refund_payment(self, *, payment_intent: str, amount: int, idempotency_key: str) -> Refund:
        return Refund(
            id=f"demo_re_{idempotency_key}", status="succeeded", amount=amount, currency=""
        )


def get_gateway() -> StripeGateway | DemoGateway:
    if settings.STRIPE_DEMO_MODE:
        if settings.DJANGO_ENV == "production":
            raise ImproperlyConfigured("Demo payments are refused in production.")
        return DemoGateway()
    return StripeGateway()
