"""Illustrations of the QL Claw, its accessories and how to use it on each muscle (issue 19).

Every picture is vector data (``vector.Drawing``), written as SVG and drawn as a raster by
Pillow from the same shapes, so the SVG and the PNG/WebP never disagree. The how-to figures are
static files (``manage.py draw_illustrations`` writes them); the product images are drawn into
Oscar's ``ProductImage`` by the catalogue's demo step.
"""
