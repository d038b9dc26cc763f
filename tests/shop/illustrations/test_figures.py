"""The QL Claw's drawings: valid, described SVG; current static files; how-to figures where a
muscle the QL Claw releases is shown, and nowhere else; flat query counts."""

import re
import xml.etree.ElementTree as ET
from html import escape
from io import StringIO

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from PIL import Image

from articles.demo import ALL_MUSCLES
from articles.models import Article, Muscle
from shop.catalogue.demo import QL_CLAW_UPC
from shop.illustrations import how_to, people
from shop.illustrations.figures import file_names, stale_files, static_drawings
from shop.illustrations.products import PRODUCT_DRAWINGS
from shop.illustrations.vector import to_svg
from tests.articles.factories import ArticleFactory, MuscleFactory

Product = get_model("catalogue", "Product")
SVG = "{http://www.w3.org/2000/svg}"


def every_drawing():
    return [*static_drawings(), *(make() for makes in PRODUCT_DRAWINGS.values() for make in makes)]


def test_every_svg_is_valid_xml_with_a_title_and_a_description():
    for drawing in every_drawing():
        root = ET.fromstring(to_svg(drawing))
        assert root.tag == f"{SVG}svg" and root.get("role") == "img"
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and len(title.text) > 10, drawing.key
        assert desc is not None and len(desc.text) > 60, drawing.key
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert len(root) > 5, f"{drawing.key} draws nothing"


def test_committed_static_figures_match_their_data_and_have_every_raster():
    assert stale_files() == []
    for drawing in static_drawings():
        names = file_names(drawing.key)
        with Image.open(finders.find(f"illustrations/{names['webp480']}")) as small:
            assert small.format == "WEBP" and small.width == 480
        with Image.open(finders.find(f"illustrations/{names['png']}")) as png:
            assert png.format == "PNG" and png.width == 960


def test_the_claw_is_drawn_to_its_stated_dimensions():
    from shop.illustrations import ql_claw

    xs = [x for x, _ in ql_claw._side_profile_mm()]
    heights = [y for _, y in ql_claw._side_profile_mm() + ql_claw._tip_cap_mm()]
    across = [y for _, y in ql_claw._plan_outline_mm()]
    assert (min(xs), max(xs)) == (0, ql_claw.LENGTH_MM) == (0, 320)
    assert round(max(heights)) == ql_claw.HEIGHT_MM == 90
    assert round(max(across) - min(across)) == ql_claw.WIDTH_MM == 140


def test_every_muscle_the_claw_releases_has_a_how_to_record_and_no_other_does():
    released = {data["slug"] for data in ALL_MUSCLES if data.get("ql_claw", True)}
    not_released = {data["slug"] for data in ALL_MUSCLES if not data.get("ql_claw", True)}
    assert released <= set(how_to.BY_SLUG)
    assert not (not_released & set(how_to.BY_SLUG))
    for record in how_to.HOW_TO:
        assert record.position in people.POSITIONS
        assert record.where in record.caption and record.where in record.alt_text


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())
    return Product.objects.get(upc=QL_CLAW_UPC)


def figures_in(html: str) -> list[str]:
    return re.findall(r'<figure class="how-to-figure">.*?</figure>', html, re.S)


def test_product_page_shows_how_to_use_it_for_each_released_muscle_linking_its_article(
    client, demo
):
    html = client.get(demo.get_absolute_url()).content.decode()
    section = html[html.index('id="how-to-heading"') :]
    figures = figures_in(section)
    released = list(demo.released_muscles.order_by("name"))
    assert len(released) >= 5
    assert len(figures) == len(released) + 1  # the parts of the tool, then one per muscle
    assert "ramp rests against the tailbone" in figures[0]
    for muscle, figure in zip(released, figures[1:], strict=True):
        record = how_to.BY_SLUG[muscle.slug]
        article = Article.objects.live().get(muscle=muscle)
        assert f'href="{article.get_absolute_url()}"' in figure
        assert f'alt="{escape(record.alt_text)}"' in figure
        svg = re.search(r'type="image/svg\+xml" srcset="([^" ]+) 960w"', figure).group(1)
        assert finders.find(svg.removeprefix("/static/")), svg
        assert re.search(r'type="image/webp" srcset="[^"]+ 480w, [^"]+ 960w" sizes=', figure)


def test_accessory_pages_have_no_how_to_section(client, demo):
    balls = Product.objects.get(upc="QL-BALLS")
    assert "How to use it" not in client.get(balls.get_absolute_url()).content.decode()


def test_article_release_panel_shows_the_muscles_how_to_figure(client, demo):
    article = Article.objects.get(slug="piriformis")
    html = client.get(article.get_absolute_url()).content.decode()
    panel = html[html.index('class="release-panel"') :]
    panel = panel[: panel.index("</aside>")]
    (figure,) = figures_in(panel)
    assert how_to.BY_SLUG["piriformis"].caption in figure
    muscle_page = client.get(article.muscle.get_absolute_url()).content.decode()
    assert how_to.BY_SLUG["piriformis"].caption in muscle_page


def test_no_figure_for_a_muscle_the_claw_does_not_release_even_beside_the_product(client, demo):
    # One muscle without a record, and one whose record exists but which the tool is not
    # linked to: both articles show the product, neither a how-to figure.
    # The demo loads multifidus released by the tool: unlink it to stand for "not linked".
    multifidus = MuscleFactory._meta.model.objects.get(slug="multifidus")
    multifidus.released_by.clear()
    for muscle in (MuscleFactory(slug="rectus-abdominis"), multifidus):
        article = ArticleFactory(muscle=muscle)
        article.related_products.add(demo)
        html = client.get(article.get_absolute_url()).content.decode()
        assert 'class="release-panel"' in html
        assert figures_in(html) == []


def test_product_page_query_count_does_not_grow_with_released_muscles(client, demo):
    def queries() -> int:
        client.get(demo.get_absolute_url())
        with CaptureQueriesContext(connection) as captured:
            assert client.get(demo.get_absolute_url()).status_code == 200
        return len(captured)

    few = queries()
    present = set(Muscle.objects.values_list("slug", flat=True))
    for slug in sorted(set(how_to.BY_SLUG) - present):
        muscle = MuscleFactory(slug=slug, name=how_to.BY_SLUG[slug].name)
        muscle.released_by.add(demo)
        ArticleFactory(muscle=muscle)
    html = client.get(demo.get_absolute_url()).content.decode()
    assert len(figures_in(html)) == len(how_to.HOW_TO) + 1
    assert queries() == few
