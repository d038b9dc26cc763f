"""The pain finder: start from where it hurts; referred-pain maps drawn from the library data."""
