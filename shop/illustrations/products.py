"""The product pictures of the demo catalogue, each showing what the buyer gets.

``PRODUCT_DRAWINGS`` maps a product's UPC to its drawings, first one first (the card shows it);
each drawing's description is the image's alt text. Sizes follow the catalogue's dimensions.
"""

from collections.abc import Callable

from . import how_to, people, ql_claw
from .vector import Circle, Drawing, Label, Point, Shape, arc, ellipse

SIZE = 1200
ORANGE, ORANGE_DARK, SLEEVE, SLEEVE_EDGE = "#c45418", "#8a3a10", "#e9dfcc", "#8c7b5d"
CHARCOAL, CHARCOAL_EDGE, ZIP = "#3c4048", "#1e2126", "#9aa0a8"
PAPER, PRINT = "#fbfaf7", "#7a3c8c"


def _ball(centre: Point, radius: float) -> list:
    x, y = centre
    return [
        Circle(centre, radius, fill=ORANGE, stroke=ORANGE_DARK, width=5),
        # A seam and a highlight, so the ball reads as round and rubbery.
        Shape(tuple(arc(centre, radius * 0.78, 200, 340, 16)), stroke=ORANGE_DARK, width=4,
              closed=False),
        Shape(tuple(ellipse((x - radius * 0.35, y - radius * 0.4), radius * 0.18,
                            radius * 0.1)), fill="#e58a52"),
    ]  # fmt: skip


def massage_balls() -> Drawing:
    """Two 6 cm balls side by side in their sleeve (5 units per mm)."""
    radius = 150
    centres = ((430, 620), (770, 620))
    shapes: list = [
        Label((600, 150), "Two rubber balls in a cotton sleeve", 44, ql_claw.INK, "middle"),
        Shape(
            ((250, 450), (950, 450), (970, 620), (950, 790), (250, 790), (230, 620)),
            fill=SLEEVE,
            stroke=SLEEVE_EDGE,
            width=5,
        ),
        Shape(((600, 452), (600, 788)), stroke=SLEEVE_EDGE, width=4, closed=False),
    ]
    for centre in centres:
        shapes += _ball(centre, radius)
    shapes += [
        Shape(((280, 900), (580, 900)), stroke=ql_claw.INK, width=3, closed=False),
        Shape(((280, 885), (280, 915)), stroke=ql_claw.INK, width=3, closed=False),
        Shape(((580, 885), (580, 915)), stroke=ql_claw.INK, width=3, closed=False),
        Label((430, 960), "6 cm across", 36, ql_claw.INK, "middle"),
        Label(
            (600, 1080), "The sleeve keeps them a spine's width apart.", 32, ql_claw.MUTED, "middle"
        ),
    ]
    return Drawing(
        key="ql-balls",
        width=SIZE,
        height=SIZE,
        title="Massage ball pair",
        description=(
            "Two orange rubber balls, each 6 cm across, side by side in a cream cotton sleeve "
            "that keeps a gap between them."
        ),
        shapes=tuple(shapes),
        background=ql_claw.PAPER,
    )


def _pouch(origin: Point, scale: float) -> list:
    """The pouch seen from the front: 35 by 18 cm, zip along the top, a carry loop."""
    x, y = origin
    w, h = 350 * scale, 180 * scale
    return [
        Shape(tuple(arc((x + 70 * scale, y + 4), 32 * scale, 180, 360, 16)),
              stroke=CHARCOAL_EDGE, width=10 * scale, closed=False),
        Shape(((x + 20 * scale, y), (x + w - 20 * scale, y), (x + w, y + 30 * scale),
               (x + w, y + h - 20 * scale), (x + w - 20 * scale, y + h), (x + 20 * scale, y + h),
               (x, y + h - 20 * scale), (x, y + 30 * scale)),
              fill=CHARCOAL, stroke=CHARCOAL_EDGE, width=4 * scale),
        Shape(((x + 20 * scale, y + 22 * scale), (x + w - 20 * scale, y + 22 * scale)),
              stroke=ZIP, width=4 * scale, closed=False),
        Shape(((x + w * 0.3, y + 22 * scale), (x + w * 0.3 - 8 * scale, y + 50 * scale)),
              stroke=ZIP, width=6 * scale, closed=False),
    ]  # fmt: skip


def travel_pouch() -> Drawing:
    """The pouch (2.8 units per mm) with what it holds drawn beside it at the same scale."""
    scale = 2.8
    tool = ql_claw.placed(origin=(150, 1120), along=(1.6, 0), up=(0, -1.6))
    shapes: list = [
        Label((600, 150), "Padded travel pouch", 44, ql_claw.INK, "middle"),
        *_pouch((110, 320), scale),
        Label(
            (600, 960), "Holds the QL Claw and a pair of massage balls", 32, ql_claw.MUTED, "middle"
        ),
        *ql_claw.side_view(tool, outline=2),
        *_ball((850, 1072), 48),
        *_ball((960, 1072), 48),
        Shape(((110, 860), (1090, 860)), stroke=ql_claw.INK, width=3, closed=False),
        Shape(((110, 845), (110, 875)), stroke=ql_claw.INK, width=3, closed=False),
        Shape(((1090, 845), (1090, 875)), stroke=ql_claw.INK, width=3, closed=False),
        Label((600, 905), "35 cm", 32, ql_claw.INK, "middle"),
    ]
    return Drawing(
        key="ql-pouch",
        width=SIZE,
        height=SIZE,
        title="Travel pouch",
        description=(
            "A charcoal padded pouch, 35 cm long, with a zip along the top and a carry loop; "
            "below it, smaller, the QL Claw and two massage balls it holds."
        ),
        shapes=tuple(shapes),
        background=ql_claw.PAPER,
    )


def wall_chart() -> Drawing:
    """The 60 by 84 cm chart as a poster: a back outline with pain zones and trigger points."""
    left, top, width, height = 270, 120, 660, 924  # 60 by 84 at 11 units per cm
    body_scale = 1.3

    def place(point: Point) -> Point:
        return (left + 200 + body_scale * point[0], top + 150 + body_scale * point[1])

    shapes: list = [
        Shape(((left + 12, top + 12), (left + width + 12, top + 12),
               (left + width + 12, top + height + 12), (left + 12, top + height + 12)),
              fill="#d4d8de"),
        Shape(((left, top), (left + width, top), (left + width, top + height),
               (left, top + height)), fill=PAPER, stroke=ql_claw.INK, width=3),
        Shape(((left, top), (left + width, top), (left + width, top + 110), (left, top + 110)),
              fill=PRINT),
        Label((left + width / 2, top + 70), "Trigger points of the low back", 34, "#ffffff",
              "middle"),
        *people.back_outline(place, scale=body_scale, halo=PAPER),
    ]  # fmt: skip
    zones = ((72, 200, 14), (128, 200, 14), (64, 240, 18), (136, 240, 18), (100, 218, 12))
    for x, y, r in zones:
        shapes.append(Shape(tuple(map(place, ellipse((x, y), r, r * 0.8))), fill="#e8a27c"))
    for record in how_to.HOW_TO:
        shapes.append(Circle(place(record.press), 9, fill=ql_claw.ACCENT))
    for row in range(4):
        y = top + 150 + 430 * body_scale + 50 + row * 34
        shapes.append(Shape(((left + 60, y), (left + width - 190, y)), stroke="#b9bec6",
                            width=10, closed=False))  # fmt: skip
    # A scan code to each muscle's article: drawn as a block of modules, not a working code.
    code_left, code_top = left + width - 150, top + height - 150
    shapes.append(Shape(((code_left, code_top), (code_left + 110, code_top),
                         (code_left + 110, code_top + 110), (code_left, code_top + 110)),
                        stroke=ql_claw.INK, width=3))  # fmt: skip
    for i in range(25):
        if (i * 7) % 3:
            cx, cy = code_left + 11 + (i % 5) * 20, code_top + 11 + (i // 5) * 20
            shapes.append(Shape(((cx, cy), (cx + 14, cy), (cx + 14, cy + 14), (cx, cy + 14)),
                                fill=ql_claw.INK))  # fmt: skip
    shapes += [
        Shape(((left, top + height + 50), (left + width, top + height + 50)), stroke=ql_claw.INK,
              width=3, closed=False),
        Label((left + width / 2, top + height + 100), "60 cm wide, 84 cm tall", 32, ql_claw.INK,
              "middle"),
    ]  # fmt: skip
    return Drawing(
        key="ql-chart",
        width=SIZE,
        height=SIZE,
        title="Trigger point wall chart",
        description=(
            "A 60 by 84 cm poster headed Trigger points of the low back: a body seen from "
            "behind with shaded pain zones, red trigger-point dots and a scan code."
        ),
        shapes=tuple(shapes),
        background=ql_claw.PAPER,
    )


def complete_kit() -> Drawing:
    """The bundle: the pouch behind, the QL Claw and both balls in front, each named."""
    tool = ql_claw.placed(origin=(150, 900), along=(2.2, 0), up=(0, -2.2))
    shapes: list = [
        Label((600, 130), "The complete kit: three pieces", 44, ql_claw.INK, "middle"),
        *_pouch((250, 250), 2.0),
        Label((600, 650), "Travel pouch", 32, ql_claw.INK, "middle"),
        *ql_claw.side_view(tool, outline=3),
        Label((500, 980), "QL Claw", 32, ql_claw.INK, "middle"),
        *_ball((960, 825), 75),
        *_ball((1090, 825), 75),
        Label((1025, 960), "Massage ball pair", 32, ql_claw.INK, "middle"),
    ]
    return Drawing(
        key="ql-kit",
        width=SIZE,
        height=SIZE,
        title="QL Claw complete kit",
        description=(
            "The kit's three pieces, each labelled: the charcoal travel pouch behind, the "
            "slate-blue QL Claw and two orange massage balls in front."
        ),
        shapes=tuple(shapes),
        background=ql_claw.PAPER,
    )


PRODUCT_DRAWINGS: dict[str, tuple[Callable[[], Drawing], ...]] = {
    "QL-CLAW": (ql_claw.dimensions_drawing, how_to.in_use_drawing),
    "QL-BALLS": (massage_balls,),
    "QL-POUCH": (travel_pouch,),
    "QL-CHART": (wall_chart,),
    "QL-KIT": (complete_kit,),
}
