"""Top the database up to the benchmark's data set: N products and M articles (idempotent).

Run with the project's settings: ``python bench/generate.py --products 1000 --articles 500``.
Rows are made with bulk_create (no per-row signals are needed: nothing listens but the page
cache, which is told once at the end). Products get a stock record and the demo's category;
articles are published, each with its own title and the same rendered body.
"""

import argparse
import os
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from articles.models import Article, Muscle  # noqa: E402
from articles.services import render_body  # noqa: E402
from shop.pagecache.receivers import content_changed  # noqa: E402

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

WORDS = [
    "hip",
    "back",
    "glute",
    "psoas",
    "lumbar",
    "stretch",
    "release",
    "ball",
    "roller",
    "band",
    "mat",
    "strap",
]
ARTICLE_BODY = """## Where it hurts

The muscle refers pain to the low back and the hip; pressure on the trigger point reproduces it.

## What to do

Lie on the tool, find the tender spot, breathe out and hold for thirty seconds. Repeat daily.
"""


def ensure_products(count: int) -> int:
    existing = Product.objects.filter(upc__startswith="BENCH-").count()
    missing = count - Product.objects.filter(is_public=True).count()
    if missing <= 0:
        return 0
    product_class = ProductClass.objects.order_by("pk").first()
    partner = Partner.objects.order_by("pk").first()
    category = Category.objects.order_by("pk").first()
    products = Product.objects.bulk_create(
        Product(
            title=f"{WORDS[n % len(WORDS)].title()} {WORDS[(n * 7) % len(WORDS)]} tool {n}",
            slug=f"bench-product-{n}",
            description=f"A {WORDS[n % len(WORDS)]} tool for the benchmark's catalogue.",
            product_class=product_class,
            structure=Product.STANDALONE,
            upc=f"BENCH-{n}",
            is_public=True,
        )
        for n in range(existing, existing + missing)
    )
    StockRecord.objects.bulk_create(
        StockRecord(
            product=product,
            partner=partner,
            partner_sku=product.upc,
            price=Decimal("19.00"),
            price_currency="USD",
            num_in_stock=100,
        )
        for product in products
    )
    if category is not None:
        ProductCategory.objects.bulk_create(
            ProductCategory(product=product, category=category) for product in products
        )
    return len(products)


def ensure_articles(count: int) -> int:
    missing = count - Article.objects.count()
    if missing <= 0:
        return 0
    existing = Article.objects.filter(slug__startswith="bench-article-").count()
    rendered = render_body(ARTICLE_BODY)
    muscles = list(Muscle.objects.all()) or [None]
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Trigger points and the {WORDS[n % len(WORDS)]}, part {n}",
            slug=f"bench-article-{n}",
            muscle=muscles[n % len(muscles)],
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(days=30, minutes=n),
            summary="How this muscle causes low back pain and how to release it.",
            body=ARTICLE_BODY,
            body_html=rendered.html,
            toc=rendered.toc,
            reading_minutes=rendered.reading_minutes,
        )
        for n in range(existing, existing + missing)
    )
    return missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()
    with transaction.atomic():
        products = ensure_products(args.products)
        articles = ensure_articles(args.articles)
    for kind in ("catalogue", "library"):
        content_changed(kind=kind)
    if connection.vendor == "postgresql":
        # Fresh statistics now, so autovacuum does not wake up on the new rows in mid-run and
        # take CPU from the pages being measured.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(
        f"bench data: +{products} products (total {Product.objects.count()}), "
        f"+{articles} articles (total {Article.objects.count()})"
    )


if __name__ == "__main__":
    main()
