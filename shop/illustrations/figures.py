"""The figures served as static files: each drawing as SVG, PNG and two WebP widths.

``manage.py draw_illustrations`` writes them into this app's ``static/illustrations/`` (they
are committed, so a deploy needs no drawing step); ``stale_files`` tells a test or CI whether
the committed files still match the data. Pages show the SVG, with the rasters as the
fallback and for anything that cannot read SVG.
"""

from dataclasses import dataclass
from pathlib import Path

from django.templatetags.static import static

from . import how_to, ql_claw
from .vector import Drawing, to_png, to_svg, to_webp

STATIC_DIR = Path(__file__).resolve().parent / "static" / "illustrations"
WEBP_WIDTHS = (480, 960)
PNG_WIDTH = 960


def static_drawings() -> list[Drawing]:
    return [ql_claw.parts_drawing(), *(how_to.drawing(record) for record in how_to.HOW_TO)]


def file_names(key: str) -> dict[str, str]:
    names = {"svg": f"{key}.svg", "png": f"{key}.png"}
    names |= {f"webp{width}": f"{key}-{width}.webp" for width in WEBP_WIDTHS}
    return names


def render_files(drawing: Drawing) -> dict[str, bytes]:
    """Every file of one drawing, by file name."""
    names = file_names(drawing.key)
    files = {
        names["svg"]: to_svg(drawing).encode(),
        names["png"]: to_png(drawing, width=PNG_WIDTH),
    }
    for width in WEBP_WIDTHS:
        files[names[f"webp{width}"]] = to_webp(drawing, width=width)
    return files


def write_files(directory: Path = STATIC_DIR) -> list[str]:
    """Write every static figure; return the names written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for drawing in static_drawings():
        for name, content in render_files(drawing).items():
            (directory / name).write_bytes(content)
            written.append(name)
    return written


def stale_files(directory: Path = STATIC_DIR) -> list[str]:
    """Names of SVG files missing or different from the data, and of missing rasters.

    Rasters are compared by presence only: their bytes depend on the Pillow build, while the SVG
    text depends on the data alone.
    """
    stale = []
    for drawing in static_drawings():
        names = file_names(drawing.key)
        svg = directory / names["svg"]
        if not svg.exists() or svg.read_text(encoding="utf-8") != to_svg(drawing):
            stale.append(names["svg"])
        stale += [
            name
            for kind, name in names.items()
            if kind != "svg" and not (directory / name).exists()
        ]
    return stale


@dataclass(frozen=True)
class Figure:
    """What a template needs to show one static figure."""

    svg_url: str
    png_url: str
    webp_srcset: str
    width: int
    height: int
    alt: str
    caption: str


def figure(drawing: Drawing, *, caption: str) -> Figure:
    names = file_names(drawing.key)
    path = "illustrations/"
    return Figure(
        svg_url=static(path + names["svg"]),
        png_url=static(path + names["png"]),
        webp_srcset=", ".join(
            f"{static(path + names[f'webp{width}'])} {width}w" for width in WEBP_WIDTHS
        ),
        width=round(drawing.width),
        height=round(drawing.height),
        alt=drawing.description,
        caption=caption,
    )
