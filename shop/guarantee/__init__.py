"""The 30-day money-back guarantee: versioned terms (the claims come with their own issue)."""
