"""The 30-day money-back guarantee: versioned terms, claims, staff handling and Stripe refunds."""
