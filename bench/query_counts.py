"""SQL queries per page at 50 and at 1,000 products (page cache off: the rendering's own cost).

``python bench/query_counts.py`` with the benchmark's DATABASE_URL: it builds a throwaway test
database (Django's test-database machinery), loads the demo data, tops up to 50 products and
measures each page with the test client, then to 1,000 products and 500 articles and measures
again. Prints a table; exits non-zero when a count differs between the two sizes.
"""

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["PAGE_CACHE_ENABLED"] = "0"

import django  # noqa: E402

django.setup()

import generate  # noqa: E402  (bench/generate.py)
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def measure(pages: list[tuple[str, str]]) -> dict[str, int]:
    counts = {}
    for name, path in pages:
        client = Client()
        client.get(path)  # first request: per-process caches (site, categories) filled
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts[name] = len(queries)
    return counts


def pages() -> list[tuple[str, str]]:
    from oscar.core.loading import get_model

    from articles.models import Article
    from shop.catalogue.demo import QL_CLAW_UPC

    product = get_model("catalogue", "Product").objects.get(upc=QL_CLAW_UPC)
    article = Article.objects.live().filter(featured=True).first() or Article.objects.live().first()
    return [
        ("home", "/"),
        ("article", article.get_absolute_url()),
        ("catalogue", "/catalogue/"),
        ("product", product.get_absolute_url()),
        ("search", "/search/?q=hip+pain"),
        ("pain finder", "/pain-finder/"),
    ]


def main() -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", verbosity=0, stdout=io.StringIO())  # its output: noise here
        generate.ensure_products(50)
        small = measure(pages())
        generate.ensure_products(1000)
        generate.ensure_articles(500)
        large = measure(pages())
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print("\n| Page | queries at 50 products | queries at 1,000 products | flat |")
    print("| --- | ---: | ---: | --- |")
    flat = True
    for name in small:
        same = small[name] == large[name]
        flat &= same
        print(f"| {name} | {small[name]} | {large[name]} | {'yes' if same else 'NO'} |")
    sys.exit(0 if flat else 1)


if __name__ == "__main__":
    main()
