"""Site-wide security: the client address, the scoped Content-Security-Policy, rate limits on
Oscar's public forms, refusal of NUL bytes and the Pillow image-size backstop."""
