"""Every conversation with Stripe, behind one small typed interface.

- Amounts: ``to_minor_units`` / ``from_minor_units`` turn the shop's Decimal amounts into
  Stripe's integer minor units and back (whole units for zero-decimal currencies).
- Sessions and refunds: ``get_gateway()`` returns the Stripe gateway, or the demo stand-in
  without keys; both create, read and expire a Checkout Session, refund a payment and list a
  payment's refunds, answering with the frozen ``CheckoutSession`` and ``Refund`` records.
- Webhooks: ``verify_webhook`` checks an event's signature on the raw body and returns the event.

No other module of the site imports ``stripe``. The Stripe gateway uses the official library's
``StripeClient`` (``client.v1.*``) with explicit network retries, pointed at
``STRIPE_API_BASE`` when it is set (tests run it against a local fake of Stripe's API).
"""

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

import stripe
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from .models import DemoCheckoutSession

# ----------------------------------------------------------------------------------------------
# Amounts

# Currencies Stripe counts in whole units (no cents).
ZERO_DECIMAL_CURRENCIES = frozenset(
    {
        "BIF",
        "CLP",
        "DJF",
        "GNF",
        "JPY",
        "KMF",
        "KRW",
        "MGA",
        "PYG",
        "RWF",
        "UGX",
        "VND",
        "VUV",
        "XAF",
        "XOF",
        "XPF",
    }
)


def _minor_unit(currency: str) -> Decimal:
    return Decimal("1") if currency.upper() in ZERO_DECIMAL_CURRENCIES else Decimal("0.01")


def to_minor_units(amount: Decimal, currency: str) -> int:
    """Decimal amount → integer minor units, rounding half up (never through float)."""
    exponent = _minor_unit(currency)
    rounded = Decimal(amount).quantize(exponent, rounding=ROUND_HALF_UP)
    return int(rounded / exponent)


def from_minor_units(amount: int, currency: str) -> Decimal:
    """Stripe's integer minor units → Decimal amount (1234 USD cents → 12.34)."""
    return int(amount) * _minor_unit(currency)


# ----------------------------------------------------------------------------------------------
# Sessions and refunds


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
    metadata: dict | None = None


def _refund_from_stripe(refund: dict) -> Refund:
    return Refund(
        id=refund["id"],
        status=refund["status"],
        amount=refund["amount"],
        currency=(refund.get("currency") or "").upper(),
        metadata=dict(refund.get("metadata") or {}),
    )


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

    def refund_payment(
        self,
        *,
        payment_intent: str,
        amount: int,
        idempotency_key: str,
        metadata: dict | None = None,
    ) -> Refund:
        params = {"payment_intent": payment_intent, "amount": amount}
        if metadata:
            params["metadata"] = metadata
        refund = self._call(
            self.client.v1.refunds.create,
            params=params,
            options={"idempotency_key": idempotency_key},
        ).to_dict()
        return _refund_from_stripe(refund)

    def list_refunds(self, *, payment_intent: str) -> list[Refund]:
        """The refunds Stripe holds for a payment (the latest 100)."""
        refunds = self._call(
            self.client.v1.refunds.list,
            params={"payment_intent": payment_intent, "limit": 100},
        ).to_dict()
        return [_refund_from_stripe(refund) for refund in refunds["data"]]


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

    def refund_payment(
        self,
        *,
        payment_intent: str,
        amount: int,
        idempotency_key: str,
        metadata: dict | None = None,
    ) -> Refund:
        return Refund(
            id=f"demo_re_{idempotency_key}",
            status="succeeded",
            amount=amount,
            currency="",
            metadata=dict(metadata or {}),
        )

    def list_refunds(self, *, payment_intent: str) -> list[Refund]:
        # Demo refunds are recorded by the shop only: the guarantee finds them in its own rows.
        return []


def get_gateway() -> StripeGateway | DemoGateway:
    if settings.STRIPE_DEMO_MODE:
        if settings.DJANGO_ENV == "production":
            raise ImproperlyConfigured("Demo payments are refused in production.")
        return DemoGateway()
    return StripeGateway()


# ----------------------------------------------------------------------------------------------
# Webhooks


class WebhookRefused(Exception):
    """A webhook request that is not a verified Stripe event.

    ``reason`` is what the answer tells the sender; ``detail`` is what the log records.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def verify_webhook(*, payload: bytes, signature: str) -> dict:
    """The event a webhook request carries, once its signature is verified on the raw body.

    Signatures older than ``STRIPE_WEBHOOK_TOLERANCE`` seconds are refused as replays.
    """
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret or not signature:
        raise WebhookRefused("missing signature", "no secret" if not secret else "no signature")
    try:
        text = payload.decode("utf-8")
        stripe.WebhookSignature.verify_header(
            text, signature, secret, tolerance=settings.STRIPE_WEBHOOK_TOLERANCE
        )
        event = json.loads(text)
    except (stripe.SignatureVerificationError, UnicodeDecodeError, ValueError) as error:
        raise WebhookRefused("invalid signature or payload", str(error)) from error
    if not (isinstance(event, dict) and isinstance(event.get("id"), str) and event.get("type")):
        raise WebhookRefused("not an event", "the payload is not a Stripe event")
    return event
