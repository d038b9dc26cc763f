"""A fake of the parts of Stripe's API the shop uses, served over HTTP on 127.0.0.1.

The real ``stripe`` library talks to it through ``STRIPE_API_BASE``. It keeps state (Checkout
Sessions, payment intents, refunds), checks the secret key, honours ``Idempotency-Key`` (a replay
returns the first answer; the same key with other parameters is an ``idempotency_error``),
answers errors in Stripe's envelope (``{"error": {"type", "code", "message"}}``), serves a hosted
"checkout page" a browser can pay on (``/pay/<session id>``), and builds webhook events signed
with ``stripe.WebhookSignature.generate_signature_header``.

Test helpers act as Stripe's side would: ``complete`` (the customer paid), ``expire``,
``fail_next`` (an outage), ``dispute``, and ``signed_event`` / ``deliver`` for webhooks.
"""

import html
import json
import re
import secrets
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import stripe

SECRET_KEY = "sk_test_fake_secret_key"
WEBHOOK_SECRET = "whsec_fake_webhook_secret"


def _new_id(prefix: str) -> str:
    return f"{prefix}_test_{secrets.token_hex(12)}"


def parse_form(body: str) -> dict:
    """Decode Stripe's form encoding (``a[b][0][c]=v``) into nested dicts and lists."""
    root: dict = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = re.findall(r"[^\[\]]+", key)
        node: Any = root
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            nxt = None if last else parts[index + 1]
            if isinstance(node, list):
                position = int(part)
                while len(node) <= position:
                    node.append({} if nxt is not None and not nxt.isdigit() else [])
                if last:
                    node[position] = value
                else:
                    if nxt.isdigit() and not isinstance(node[position], list):
                        node[position] = []
                    node = node[position]
            else:
                if last:
                    node[part] = value
                else:
                    node = node.setdefault(part, [] if nxt.isdigit() else {})
    return root


class StripeErrorResponse(Exception):
    def __init__(self, status: int, type_: str, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": {"type": type_, "message": message}}
        if code:
            self.body["error"]["code"] = code


class FakeStripe:
    """State and behaviour of the fake; ``start()`` serves it, ``url`` is its base address."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.server: ThreadingHTTPServer | None = None
        self.reset()

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> "FakeStripe":
        fake = self

        class Handler(_Handler):
            stripe_fake = fake

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def reset(self) -> None:
        with self.lock:
            self.sessions: dict[str, dict] = {}
            self.payment_intents: dict[str, dict] = {}
            self.refunds: dict[str, dict] = {}
            self.idempotency: dict[str, tuple[str, int, dict]] = {}
            self.requests: list[tuple[str, str, dict, dict]] = []
            self.failures: list[int] = []
            # Called with the parameters of each new Checkout Session, in the server's thread.
            self.session_observers: list = []

    # -- helpers for tests (Stripe's side of the world) ----------------------------------------

    def fail_next(self, count: int = 1, status: int = 500) -> None:
        """The next ``count`` API calls fail with ``status`` (an outage)."""
        with self.lock:
            self.failures.extend([status] * count)

    def session_requests(self) -> list[tuple[dict, dict]]:
        """(params, headers) of every "create Checkout Session" call received."""
        return [
            (params, headers)
            for method, path, params, headers in self.requests
            if method == "POST" and path == "/v1/checkout/sessions"
        ]

    def complete(self, session_id: str, *, paid: bool = True) -> dict:
        """The customer finished on Stripe's page (``paid=False``: delayed method, processing)."""
        with self.lock:
            session = self.sessions[session_id]
            if session["status"] != "open":
                return session
            intent = {
                "id": _new_id("pi"),
                "object": "payment_intent",
                "amount": session["amount_total"],
                "currency": session["currency"],
                "status": "succeeded" if paid else "processing",
                "metadata": dict(session["_payment_intent_metadata"]),
                "amount_refunded": 0,
            }
            self.payment_intents[intent["id"]] = intent
            session.update(
                status="complete",
                payment_status="paid" if paid else "unpaid",
                payment_intent=intent["id"],
            )
            return session

    def succeed_async(self, session_id: str) -> dict:
        with self.lock:
            session = self.sessions[session_id]
            session["payment_status"] = "paid"
            self.payment_intents[session["payment_intent"]]["status"] = "succeeded"
            return session

    def expire(self, session_id: str) -> dict:
        with self.lock:
            session = self.sessions[session_id]
            if session["status"] == "open":
                session["status"] = "expired"
            return session

    def public(self, obj: dict) -> dict:
        return {k: v for k, v in obj.items() if not k.startswith("_")}

    def signed_event(
        self,
        event_type: str,
        obj: dict,
        *,
        secret: str = WEBHOOK_SECRET,
        timestamp: int | None = None,
        event_id: str | None = None,
    ) -> tuple[bytes, dict]:
        """A webhook delivery: (raw body, headers) signed as Stripe signs it."""
        event = {
            "id": event_id or _new_id("evt"),
            "object": "event",
            "type": event_type,
            "created": int(time.time()),
            "data": {"object": self.public(obj)},
        }
        payload = json.dumps(event)
        header = stripe.WebhookSignature.generate_signature_header(
            payload, secret, timestamp=timestamp
        )
        return payload.encode(), {"Stripe-Signature": header, "Content-Type": "application/json"}

    def deliver(self, url: str, body: bytes, headers: dict) -> int:
        """POST a webhook to a live server, as Stripe does; return the status code."""
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    # -- the API -------------------------------------------------------------------------------

    def handle_api(self, method: str, path: str, params: dict, headers: dict) -> tuple[int, dict]:
        with self.lock:
            self.requests.append((method, path, params, headers))
            if self.failures:
                status = self.failures.pop(0)
                raise StripeErrorResponse(status, "api_error", "The fake is having an outage.")
        if headers.get("authorization") != f"Bearer {SECRET_KEY}":
            raise StripeErrorResponse(401, "invalid_request_error", "Invalid API Key provided.")
        key = headers.get("idempotency-key")
        if method == "POST" and key:
            fingerprint = json.dumps([path, params], sort_keys=True)
            with self.lock:
                if key in self.idempotency:
                    seen, status, body = self.idempotency[key]
                    if seen != fingerprint:
                        raise StripeErrorResponse(
                            400,
                            "idempotency_error",
                            "Keys for idempotent requests can only be used with the same "
                            "parameters they were first used with.",
                        )
                    return status, body
                status, body = self._route(method, path, params)
                self.idempotency[key] = (fingerprint, status, body)
                return status, body
        with self.lock:
            return self._route(method, path, params)

    def _route(self, method: str, path: str, params: dict) -> tuple[int, dict]:
        if method == "POST" and path == "/v1/checkout/sessions":
            return 200, self._create_session(params)
        match = re.fullmatch(r"/v1/checkout/sessions/([^/]+)(/expire)?", path)
        if match:
            session = self.sessions.get(match.group(1))
            if session is None:
                raise StripeErrorResponse(
                    404,
                    "invalid_request_error",
                    f"No such checkout.session: '{match.group(1)}'",
                    "resource_missing",
                )
            if match.group(2) and method == "POST":
                if session["status"] != "open":
                    raise StripeErrorResponse(
                        400,
                        "invalid_request_error",
                        "Only Checkout Sessions with a status of `open` can be expired.",
                    )
                session["status"] = "expired"
            return 200, self.public(session)
        if method == "POST" and path == "/v1/refunds":
            return 200, self._create_refund(params)
        if method == "GET" and path == "/v1/refunds":
            intent = params.get("payment_intent")
            found = [
                r for r in self.refunds.values() if not intent or r["payment_intent"] == intent
            ]
            return 200, {"object": "list", "data": found[::-1], "has_more": False}
        match = re.fullmatch(r"/v1/refunds/([^/]+)", path)
        if match and match.group(1) in self.refunds:
            return 200, self.refunds[match.group(1)]
        raise StripeErrorResponse(
            404,
            "invalid_request_error",
            f"Unrecognized request URL ({method}: {path}).",
            "resource_missing",
        )

    def _create_session(self, params: dict) -> dict:
        for required in ("mode", "line_items", "success_url", "cancel_url"):
            if not params.get(required):
                raise StripeErrorResponse(
                    400,
                    "invalid_request_error",
                    f"Missing required param: {required}.",
                    "parameter_missing",
                )
        for observer in self.session_observers:
            observer(params)
        amount = 0
        currency = None
        for item in params["line_items"]:
            price = item["price_data"]
            if not re.fullmatch(r"\d+", str(price["unit_amount"])):
                raise StripeErrorResponse(
                    400,
                    "invalid_request_error",
                    "Invalid integer: unit_amount",
                    "parameter_invalid_integer",
                )
            amount += int(price["unit_amount"]) * int(item.get("quantity", 1))
            currency = price["currency"]
        session_id = _new_id("cs")
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": params["mode"],
            "url": f"{self.url}/pay/{session_id}",
            "status": "open",
            "payment_status": "unpaid",
            "amount_total": amount,
            "currency": currency,
            "customer_email": params.get("customer_email"),
            "client_reference_id": params.get("client_reference_id"),
            "metadata": params.get("metadata", {}),
            "payment_intent": None,
            "success_url": params["success_url"],
            "cancel_url": params["cancel_url"],
            "expires_at": int(params.get("expires_at") or time.time() + 86400),
            "line_items_received": params["line_items"],
            "_payment_intent_metadata": (params.get("payment_intent_data") or {}).get(
                "metadata", {}
            ),
        }
        self.sessions[session_id] = session
        return self.public(session)

    def _create_refund(self, params: dict) -> dict:
        intent = self.payment_intents.get(params.get("payment_intent", ""))
        if intent is None or intent["status"] != "succeeded":
            raise StripeErrorResponse(
                400,
                "invalid_request_error",
                "This PaymentIntent has no successful charge.",
                "charge_not_refundable" if intent else "resource_missing",
            )
        amount = int(params.get("amount") or intent["amount"] - intent["amount_refunded"])
        if amount > intent["amount"] - intent["amount_refunded"]:
            raise StripeErrorResponse(
                400,
                "invalid_request_error",
                "Refund amount is greater than unrefunded amount.",
                "amount_too_large",
            )
        intent["amount_refunded"] += amount
        refund = {
            "id": _new_id("re"),
            "object": "refund",
            "amount": amount,
            "currency": intent["currency"],
            "payment_intent": intent["id"],
            "status": "succeeded",
            "metadata": params.get("metadata") or {},
        }
        self.refunds[refund["id"]] = refund
        return refund

    def refund_in_dashboard(self, payment_intent: str, amount: int) -> dict:
        """Staff refund a payment in Stripe's own dashboard (no idempotency key, no metadata)."""
        with self.lock:
            return self._create_refund({"payment_intent": payment_intent, "amount": amount})

    def charge_refunded_object(self, payment_intent: str) -> dict:
        """The charge of a payment intent, with its refunds, as ``charge.refunded`` carries it."""
        with self.lock:
            intent = self.payment_intents[payment_intent]
            refunds = [r for r in self.refunds.values() if r["payment_intent"] == payment_intent]
            return {
                "id": "ch_" + payment_intent[3:],
                "object": "charge",
                "payment_intent": payment_intent,
                "amount": intent["amount"],
                "amount_refunded": intent["amount_refunded"],
                "currency": intent["currency"],
                "refunds": {"object": "list", "data": [dict(r) for r in refunds]},
            }

    def dispute(self, payment_intent: str) -> dict:
        intent = self.payment_intents[payment_intent]
        return {
            "id": _new_id("dp"),
            "object": "dispute",
            "amount": intent["amount"],
            "currency": intent["currency"],
            "payment_intent": payment_intent,
            "reason": "product_not_received",
            "status": "needs_response",
            "evidence_details": {"due_by": int(time.time()) + 7 * 24 * 3600},
        }


class _Handler(BaseHTTPRequestHandler):
    stripe_fake: FakeStripe

    def log_message(self, format, *args):  # quiet: the tests assert on state, not logs
        pass

    def _send(self, status: int, body: bytes, content_type: str, extra: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, body: dict) -> None:
        self._send(status, json.dumps(body).encode(), "application/json")

    def _body(self) -> str:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length).decode() if length else ""

    def _api(self, method: str) -> None:
        split = urlsplit(self.path)
        params = parse_form(self._body() if method == "POST" else split.query)
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            status, body = self.stripe_fake.handle_api(method, split.path, params, headers)
        except StripeErrorResponse as error:
            status, body = error.status, error.body
        self._json(status, body)

    def do_GET(self):
        if self.path.startswith("/v1/"):
            return self._api("GET")
        match = re.fullmatch(r"/pay/([^/?]+)", urlsplit(self.path).path)
        session = match and self.stripe_fake.sessions.get(match.group(1))
        if not session:
            return self._send(404, b"No such checkout session", "text/plain")
        amount = f"{session['amount_total'] / 100:.2f} {session['currency'].upper()}"
        page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Fake Stripe Checkout</title></head><body><main>
<h1>Fake Stripe Checkout</h1><p id="amount">{html.escape(amount)}</p>
<p id="email">{html.escape(session.get("customer_email") or "")}</p>
<form method="post"><button id="pay" name="action" value="pay">Pay</button>
<button id="cancel" name="action" value="cancel">Back to the shop</button></form>
</main></body></html>"""
        self._send(200, page.encode(), "text/html; charset=utf-8")

    def do_POST(self):
        if self.path.startswith("/v1/"):
            return self._api("POST")
        match = re.fullmatch(r"/pay/([^/?]+)", self.path)
        session = match and self.stripe_fake.sessions.get(match.group(1))
        if not session:
            return self._send(404, b"No such checkout session", "text/plain")
        action = parse_form(self._body()).get("action")
        if action == "cancel":
            return self._send(303, b"", "text/plain", {"Location": session["cancel_url"]})
        self.stripe_fake.complete(session["id"])
        location = session["success_url"].replace("{CHECKOUT_SESSION_ID}", session["id"])
        self._send(303, b"", "text/plain", {"Location": location})
