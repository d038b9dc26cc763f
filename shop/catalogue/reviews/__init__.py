"""Overrides of Oscar's review classes, found by ``get_class("catalogue.reviews...")`` through
the forked catalogue app (the reviews app itself stays Oscar's)."""
