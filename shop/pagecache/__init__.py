"""Whole-page cache for anonymous visitors, invalidated by per-kind content generations."""
