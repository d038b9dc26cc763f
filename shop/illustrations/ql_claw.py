"""The QL Claw's shape, in millimetres, and the drawings of the tool itself.

The tool is 320 mm long, 140 mm wide and 90 mm tall (the catalogue's "32 x 14 x 9 cm"). Seen
from the side, a long ramp rises from a thin edge: it rests against the tailbone and is the
stable base. Beyond a shallow saddle stands the trigger, a firm rounded point with a silicone
tip, 90 mm high: the part that presses into the muscle. Seen from above, the ramp is the full
width of the tool and the trigger stands 30 mm off its centre line, so that with the ramp
centred on the tailbone the trigger sits beside the spine; turning the tool over to the other
hand reaches the other side.
"""

from collections.abc import Callable

from .vector import Circle, Drawing, Label, Point, Shape, arc, cubic

LENGTH_MM, WIDTH_MM, HEIGHT_MM = 320, 140, 90
# Where the trigger's tip is, from the ramp's thin edge (side view: along, up; top view: across).
TIP_CENTRE_MM: Point = (276, 80)
TIP_RADIUS_MM = 10
TIP_ACROSS_MM = 40

# Colours (AA contrast on the light backgrounds for every text colour).
BODY, EDGE, TIP = "#50708f", "#1b2836", "#26323f"
INK, MUTED, ACCENT, PAPER = "#1d2330", "#4a5361", "#b8430f", "#eef3f7"


def _side_profile_mm() -> list[Point]:
    """The outline seen from the side (x along the tool, y up), from the ramp's thin edge."""
    return [
        (4, 0), (0, 4), (1, 12), (8, 18),
        *cubic((8, 18), (80, 24), (150, 40), (205, 52))[1:],
        *cubic((205, 52), (225, 56), (240, 54), (252, 64))[1:],
        *cubic((252, 64), (258, 70), (262, 76), (266.6, 76.6))[1:],
        *arc(TIP_CENTRE_MM, TIP_RADIUS_MM, 200, -20, 16)[1:],
        *cubic((285.4, 76.6), (292, 60), (306, 30), (316, 10))[1:],
        (320, 4), (316, 0),
    ]  # fmt: skip


def _tip_cap_mm() -> list[Point]:
    """The silicone tip: the top of the trigger above 80 mm."""
    return arc(TIP_CENTRE_MM, TIP_RADIUS_MM, 180, 0, 16)[::-1]


def _plan_outline_mm() -> list[Point]:
    """The outline seen from above (x along the tool, y across, downwards in the picture)."""
    return [
        *arc((16, 16), 16, 180, 270, 6),
        (170, 0),
        *cubic((170, 0), (215, 0), (240, 6), (254, 12))[1:],
        *arc((284, 40), 36, -140, 125, 30)[1:],
        *cubic((263.4, 69.5), (240, 100), (215, 140), (170, 140))[1:],
        *arc((16, 124), 16, 90, 180, 6),
    ]


Transform = Callable[[Point], Point]


def placed(*, origin: Point, along: Point, up: Point) -> Transform:
    """Map tool millimetres to a drawing: ``along`` and ``up`` are drawing units per mm."""

    def place(point: Point) -> Point:
        return (
            origin[0] + point[0] * along[0] + point[1] * up[0],
            origin[1] + point[0] * along[1] + point[1] * up[1],
        )

    return place


def side_view(place: Transform, *, outline: float = 3) -> list[Shape | Circle]:
    """The tool seen from the side, wherever ``place`` puts it."""
    return [
        Shape(tuple(map(place, _side_profile_mm())), fill=BODY, stroke=EDGE, width=outline),
        Shape(tuple(map(place, _tip_cap_mm())), fill=TIP, stroke=EDGE, width=outline),
    ]


def tip_point(place: Transform) -> Point:
    """Where the trigger's tip touches what lies on it."""
    return place((TIP_CENTRE_MM[0], HEIGHT_MM))


def top_view(place: Transform, *, outline: float = 3) -> list[Shape | Circle]:
    """The tool seen from above: the ramp's grip ridges, the trigger and its silicone tip."""
    shapes: list[Shape | Circle] = [
        Shape(tuple(map(place, _plan_outline_mm())), fill=BODY, stroke=EDGE, width=outline)
    ]
    for x in (40, 70, 100, 130, 160):
        shapes.append(Shape((place((x, 22)), place((x, 118))), stroke=EDGE, width=2, closed=False))
    tip_x, tip_y = place((TIP_CENTRE_MM[0], TIP_ACROSS_MM))
    radius = abs(place((TIP_RADIUS_MM, 0))[0] - place((0, 0))[0])
    shapes.append(Circle((tip_x, tip_y), radius, fill=TIP, stroke=EDGE, width=outline))
    return shapes


def _dimension(start: Point, end: Point, text: str, *, label_at: Point) -> list:
    """A dimension line with end ticks and its measure."""
    (x1, y1), (x2, y2) = start, end
    horizontal = abs(y2 - y1) < abs(x2 - x1)
    tick = ((0, 12), (0, -12)) if horizontal else ((12, 0), (-12, 0))
    shapes = [Shape((start, end), stroke=INK, width=3, closed=False)]
    for x, y in (start, end):
        shapes.append(
            Shape(((x + tick[0][0], y + tick[0][1]), (x + tick[1][0], y + tick[1][1])),
                  stroke=INK, width=3, closed=False)
        )  # fmt: skip
    shapes.append(Label(label_at, text, 34, INK, "middle"))
    return shapes


def _callout(points: tuple[Point, ...], text: str, at: Point, anchor: str) -> list:
    return [
        Shape(points, stroke=MUTED, width=3, closed=False),
        Circle(points[0], 7, fill=ACCENT),
        Label(at, text, 30, INK, anchor),
    ]


def dimensions_drawing() -> Drawing:
    """Side and top views to scale (3 units per mm) with the stated dimensions: a product image."""
    scale = 3
    side = placed(origin=(120, 560), along=(scale, 0), up=(0, -scale))
    top = placed(origin=(120, 700), along=(scale, 0), up=(0, scale))
    tip = tip_point(side)
    shapes: list = [
        Label((600, 90), "QL Claw, drawn to scale", 44, INK, "middle"),
        Label((120, 200), "Side view", 30, MUTED),
        *side_view(side),
        *_callout((tip, (tip[0] - 40, 230), (760, 230)), "Trigger: presses into the muscle",
                  (750, 222), "end"),
        *_callout((side((110, 32)), (450, 352), (170, 352)), "Ramp: rests against the tailbone",
                  (170, 340), "start"),
        *_dimension((120, 610), (1080, 610), "32 cm", label_at=(600, 660)),
        *_dimension((1120, 560), (1120, 290), "9 cm", label_at=(1120, 270)),
        Label((130, 690), "Top view", 30, MUTED),
        *top_view(top),
        *_dimension((80, 700), (80, 1120), "14 cm", label_at=(80, 1160)),
        *_dimension((780, 1150), (1080, 1150), "scale: 10 cm", label_at=(930, 1130)),
    ]  # fmt: skip
    return Drawing(
        key="ql-claw-dimensions",
        width=1200,
        height=1200,
        title="The QL Claw to scale, from the side and from above",
        description=(
            "Side and top views of the QL Claw to scale: a long ramp rising to a rounded trigger "
            "with a dark tip, 32 cm long, 9 cm high and 14 cm wide."
        ),
        shapes=tuple(shapes),
        background=PAPER,
    )


def parts_drawing() -> Drawing:
    """The side view alone, its two parts named: shown as SVG where the product page explains it."""
    scale = 2.2
    side = placed(origin=(60, 300), along=(scale, 0), up=(0, -scale))
    tip = tip_point(side)
    shapes = [
        *side_view(side),
        Shape(((50, 300), (770, 300)), stroke=MUTED, width=3, closed=False),
        *_callout((tip, (tip[0], 60), (tip[0] - 20, 60)), "Trigger", (tip[0] - 30, 70), "end"),
        Label((tip[0] - 30, 104), "presses into the muscle", 26, MUTED, "end"),
        *_callout((side((90, 26)), (190, 205)), "Ramp", (170, 150), "start"),
        Label((170, 184), "rests against the tailbone", 26, MUTED, "start"),
        *_dimension((60, 335), (764, 335), "32 cm long, 9 cm high, 14 cm wide",
                    label_at=(412, 385)),
    ]  # fmt: skip
    return Drawing(
        key="ql-claw-parts",
        width=820,
        height=400,
        title="The two parts of the QL Claw",
        description=(
            "Side view of the QL Claw on the floor. On the left, the ramp rises gently: it rests "
            "against the tailbone as a stable base. On the right stands the trigger, a firm "
            "rounded point that presses into the muscle."
        ),
        shapes=tuple(shapes),
    )
