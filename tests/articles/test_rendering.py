"""The Markdown pipeline: TOC, numbered citations, figures, unknown keys and sanitizing."""

import re

import pytest

from articles.exceptions import UnknownFigure, UnknownReference
from articles.rendering import FigureImage, render_markdown

REFS = {"travell2019", "davies2013"}
FIGURES = {
    "ql-pattern": FigureImage(
        src="/media/ql.png",
        width=960,
        height=1040,
        alt="The QL pattern",
        caption="Where the QL sends pain.",
        credit="Diagram after",
        reference_key="travell2019",
        webp_srcset="/media/ql-480.webp 480w, /media/ql-800.webp 800w",
    )
}


def render(text: str):
    return render_markdown(text, reference_keys=REFS, figures=FIGURES)


def test_citations_are_numbered_in_order_of_first_use_and_link_to_the_reference_list():
    result = render("One [@davies2013]. Two [@travell2019]. Three [@davies2013].")
    links = re.findall(r'<a class="cite__link" href="#ref-([\w-]+)"[^>]*>\[(\d)\]</a>', result.html)
    assert links == [("davies2013", "1"), ("travell2019", "2"), ("davies2013", "1")]
    assert result.cited_keys == ["davies2013", "travell2019"]
    # Each use has its own id, so the reference list can link back to the first one.
    assert 'id="cite-davies2013-1"' in result.html and 'id="cite-davies2013-2"' in result.html


def test_only_cited_works_are_listed():
    assert render("Only one [@travell2019].").cited_keys == ["travell2019"]


def test_a_citation_marker_inside_code_stays_text():
    result = render("Write `[@travell2019]` to cite.")
    assert result.cited_keys == []
    assert "<code>[@travell2019]</code>" in result.html


def test_headings_get_ids_and_make_the_table_of_contents():
    result = render("## What it does\n\ntext\n\n### With a ball & a wall\n\ntext\n\n## Release\n")
    assert '<h2 id="what-it-does">What it does</h2>' in result.html
    assert result.toc == [
        {"level": 2, "id": "what-it-does", "name": "What it does"},
        {"level": 3, "id": "with-a-ball-a-wall", "name": "With a ball & a wall"},
        {"level": 2, "id": "release", "name": "Release"},
    ]


def test_figure_marker_places_a_responsive_lazy_figure_with_caption_and_credit():
    result = render("Intro.\n\n[[figure:ql-pattern]]\n\nMore [@davies2013].")
    figure = re.search(r"<figure.*?</figure>", result.html, re.S).group(0)
    assert 'srcset="/media/ql-480.webp 480w, /media/ql-800.webp 800w"' in figure
    assert 'type="image/webp"' in figure
    for attribute in ('width="960"', 'height="1040"', 'loading="lazy"', 'alt="The QL pattern"'):
        assert attribute in figure
    assert "<figcaption>Where the QL sends pain." in figure
    assert "Diagram after" in figure
    # The credit's reference is cited first, so it is number 1.
    assert result.cited_keys == ["travell2019", "davies2013"]
    assert result.figure_keys == ["ql-pattern"]


@pytest.mark.parametrize(
    ("text", "error", "key"),
    [
        ("See [@nobody2020].", UnknownReference, "nobody2020"),
        ("[[figure:missing]]", UnknownFigure, "missing"),
    ],
)
def test_unknown_keys_are_errors_not_broken_output(text, error, key):
    with pytest.raises(error) as raised:
        render(text)
    assert key in str(raised.value)


def test_reading_time_counts_words():
    assert render("word " * 450).reading_minutes == 3
    assert render("short").reading_minutes == 1


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    '![x](javascript:alert(1) "t")',
    '<svg onload="alert(1)"><circle/></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p onclick="alert(1)">click</p>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<object data="javascript:alert(1)"></object>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    '<details open ontoggle="alert(1)">x</details>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "## Heading <img src=x onerror=alert(1)>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payloads_come_out_inert(payload):
    html = render(f"Text before.\n\n{payload}\n\nText after [@travell2019].").html.lower()
    assert "<script" not in html
    assert "javascript:" not in html and "vbscript:" not in html and "data:text" not in html
    assert not re.search(r"<[^>]+\son\w+\s*=", html), html
    for tag in ("<iframe", "<svg", "<object", "<form", "<style", "<meta", "<math", "<details"):
        assert tag not in html
    assert "style=" not in html


def test_sanitizing_keeps_the_surrounding_article():
    html = render("Before.\n\n<script>alert(1)</script>\n\nAfter [@travell2019].").html
    assert "<p>Before.</p>" in html and "After" in html and "alert" not in html


def test_a_figure_credit_is_spaced_from_its_citation_marker():
    result = render("[[figure:ql-pattern]]")
    credit = re.search(r'<small class="figure__credit">(.*?)</small>', result.html).group(1)
    # "Diagram after [1]", never "Diagram after[1]".
    assert re.fullmatch(
        r' Diagram after <sup class="cite" id="cite-travell2019-1"><a [^>]+>\[1\]</a></sup>', credit
    )


def test_a_citation_marker_in_a_caption_becomes_a_numbered_link():
    figures = {
        "map": FigureImage(
            src="/media/map.png",
            width=400,
            height=400,
            alt="A map",
            caption="Pain zones as drawn by Travell [@travell2019] and Davies [@davies2013].",
        )
    }
    result = render_markdown(
        "See [@davies2013].\n\n[[figure:map]]", reference_keys=REFS, figures=figures
    )
    caption = re.search(r"<figcaption>(.*?)</figcaption>", result.html).group(1)
    assert "[@" not in caption
    links = re.findall(r'href="#ref-([\w-]+)"[^>]*>\[(\d)\]</a>', caption)
    assert links == [("travell2019", "2"), ("davies2013", "1")]
    assert caption.startswith("Pain zones as drawn by Travell <sup")
    assert caption.endswith("</sup>.")


def test_a_caption_citing_an_unknown_reference_is_an_error():
    figures = {"map": FigureImage(src="/m.png", width=1, height=1, alt="", caption="[@nobody]")}
    with pytest.raises(UnknownReference):
        render_markdown("[[figure:map]]", reference_keys=REFS, figures=figures)
