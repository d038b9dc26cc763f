"""Signals the payment app sends, so that apps above it can react without payment importing them.

``refund_recorded``: a Stripe refund was stored or updated from a webhook (``record``, the
``StripeRefund``; ``metadata``, the refund's metadata as Stripe sent it). Receivers run inside
the webhook's transaction: an exception rolls the event back and Stripe delivers it again.
"""

from django.dispatch import Signal

refund_recorded = Signal()
