"""Vector drawings and their two renderings: SVG text and a Pillow raster.

A ``Drawing`` is a list of shapes in its own units (its view box). ``to_svg`` writes them as an
SVG document with a title and a description; ``to_image`` paints the same shapes with Pillow,
three times larger and then scaled down, so the edges are smooth. Curves are stored as the
points they pass through (``arc``, ``cubic``), which both renderings draw alike.
"""

import io
import math
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, ImageDraw, ImageFont

Point = tuple[float, float]

# Pillow draws at this multiple of the asked size, then scales down (anti-aliasing).
SUPERSAMPLE = 3


@dataclass(frozen=True)
class Shape:
    """A polygon (``closed``) or a line through ``points``; round joins and ends."""

    points: tuple[Point, ...]
    fill: str | None = None
    stroke: str | None = None
    width: float = 0
    closed: bool = True


@dataclass(frozen=True)
class Circle:
    centre: Point
    radius: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0


@dataclass(frozen=True)
class Label:
    """Text whose baseline starts (``start``), is centred (``middle``) or ends at ``at``."""

    at: Point
    text: str
    size: float
    fill: str
    anchor: str = "start"


@dataclass(frozen=True)
class Drawing:
    key: str
    width: float
    height: float
    title: str
    description: str
    shapes: tuple[Shape | Circle | Label, ...]
    background: str = "#ffffff"


def arc(centre: Point, radius: float, start: float, end: float, steps: int = 24) -> list[Point]:
    """Points on a circle from ``start`` to ``end`` degrees (0 is +x, 90 is +y: downwards)."""
    cx, cy = centre
    return [
        (
            cx + radius * math.cos(math.radians(start + (end - start) * i / steps)),
            cy + radius * math.sin(math.radians(start + (end - start) * i / steps)),
        )
        for i in range(steps + 1)
    ]


def cubic(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 16) -> list[Point]:
    """Points of a cubic Bézier curve, both ends included."""
    points = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t**2 * (1 - t), t**3
        points.append(
            (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return points


def ellipse(centre: Point, rx: float, ry: float, steps: int = 48) -> list[Point]:
    cx, cy = centre
    return [
        (cx + rx * math.cos(2 * math.pi * i / steps), cy + ry * math.sin(2 * math.pi * i / steps))
        for i in range(steps)
    ]


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _paint(fill: str | None, stroke: str | None, width: float) -> str:
    attributes = f' fill="{fill or "none"}"'
    if stroke and width:
        attributes += f' stroke="{stroke}" stroke-width="{_number(width)}"'
        attributes += ' stroke-linejoin="round" stroke-linecap="round"'
    return attributes


def _svg_element(shape: Shape | Circle | Label) -> str:
    if isinstance(shape, Circle):
        x, y = shape.centre
        return (
            f'<circle cx="{_number(x)}" cy="{_number(y)}" r="{_number(shape.radius)}"'
            f"{_paint(shape.fill, shape.stroke, shape.width)}/>"
        )
    if isinstance(shape, Label):
        x, y = shape.at
        return (
            f'<text x="{_number(x)}" y="{_number(y)}" font-size="{_number(shape.size)}" '
            f'fill="{shape.fill}" text-anchor="{shape.anchor}">{escape(shape.text)}</text>'
        )
    points = " ".join(f"{_number(x)},{_number(y)}" for x, y in shape.points)
    tag = "polygon" if shape.closed else "polyline"
    fill = shape.fill if shape.closed else None
    return f'<{tag} points="{points}"{_paint(fill, shape.stroke, shape.width)}/>'


def to_svg(drawing: Drawing) -> str:
    """The drawing as a standalone SVG document, titled and described for assistive tech."""
    title_id, desc_id = f"{drawing.key}-title", f"{drawing.key}-desc"
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {_number(drawing.width)} {_number(drawing.height)}" '
        f'width="{_number(drawing.width)}" height="{_number(drawing.height)}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" '
        'font-family="DejaVu Sans, Verdana, Arial, sans-serif">',
        f"<title id={quoteattr(title_id)}>{escape(drawing.title)}</title>",
        f"<desc id={quoteattr(desc_id)}>{escape(drawing.description)}</desc>",
        f'<rect width="100%" height="100%" fill="{drawing.background}"/>',
        *(_svg_element(shape) for shape in drawing.shapes),
        "</svg>",
    ]
    return "\n".join(lines) + "\n"


def _font(size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=max(1, round(size)))


def _round_line(draw: ImageDraw.ImageDraw, points: list[Point], colour: str, width: float):
    draw.line(points, fill=colour, width=max(1, round(width)), joint="curve")
    radius = width / 2
    for x, y in (points[0], points[-1]):
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)


def to_image(drawing: Drawing, *, width: int) -> Image.Image:
    """The drawing painted by Pillow, ``width`` pixels wide (the height keeps the ratio)."""
    height = round(width * drawing.height / drawing.width)
    scale = width * SUPERSAMPLE / drawing.width
    canvas = Image.new("RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE), drawing.background)
    draw = ImageDraw.Draw(canvas)

    def place(point: Point) -> Point:
        return (point[0] * scale, point[1] * scale)

    for shape in drawing.shapes:
        if isinstance(shape, Circle):
            x, y = place(shape.centre)
            r = shape.radius * scale
            draw.ellipse(
                (x - r, y - r, x + r, y + r),
                fill=shape.fill,
                outline=shape.stroke if shape.width else None,
                width=max(1, round(shape.width * scale)) if shape.stroke else 0,
            )
        elif isinstance(shape, Label):
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            draw.text(
                place(shape.at), shape.text, fill=shape.fill, font=_font(shape.size * scale),
                anchor=anchor,
            )  # fmt: skip
        else:
            points = [place(point) for point in shape.points]
            if shape.closed and shape.fill:
                draw.polygon(points, fill=shape.fill)
            if shape.stroke and shape.width:
                outline = [*points, points[0]] if shape.closed else points
                _round_line(draw, outline, shape.stroke, shape.width * scale)
    return canvas.resize((width, height), Image.Resampling.LANCZOS)


def to_png(drawing: Drawing, *, width: int) -> bytes:
    """A PNG of the drawing: flat colours, so a 256-colour palette keeps it small and exact."""
    buffer = io.BytesIO()
    image = to_image(drawing, width=width).quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def to_webp(drawing: Drawing, *, width: int) -> bytes:
    buffer = io.BytesIO()
    to_image(drawing, width=width).save(buffer, format="WEBP", quality=86, method=6)
    return buffer.getvalue()
