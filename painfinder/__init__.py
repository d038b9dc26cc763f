"""The pain finder: start from where it hurts, and referred-pain maps drawn from the library's data."""
