"""The body outline every map is drawn on: a front and a back view of a standing figure.

Both views share one coordinate system (``VIEW_WIDTH`` x ``VIEW_HEIGHT`` per view, the body's
midline at ``x = 100``), which is the system the regions' SVG paths are written in. The figure is
described by the points of its right half and mirrored, then smoothed into cubic Bézier curves,
so that changing a point keeps both sides symmetrical.
"""

from collections.abc import Sequence
from functools import cache

from articles.svgpath import Point, path_polygons

VIEW_WIDTH = 200
VIEW_HEIGHT = 440
MIDLINE = VIEW_WIDTH / 2
VIEWS = ("front", "back")

# Head as an ellipse: centre and radii.
HEAD = (MIDLINE, 31.0, 20.0, 24.5)

# Right half of the trunk and legs, from the neck down the outside of the leg, round the foot and
# up the inside of the leg to the crotch.
TRUNK_AND_LEG: tuple[Point, ...] = (
    (110, 49),
    (112, 73),
    (128, 81),
    (147, 87),
    (157, 97),
    (152, 120),
    (149, 150),
    (141, 185),
    (146, 212),
    (151, 236),
    (149, 273),
    (142, 309),
    (138, 330),
    (140, 345),
    (143, 369),
    (136, 399),
    (129, 416),
    (136, 429),
    (110, 433),
    (108, 416),
    (105, 374),
    (104, 330),
    (103, 281),
)
CROTCH: Point = (MIDLINE, 255)

# Right arm, as a closed outline: down the outside to the hand and back up the inside.
ARM: tuple[Point, ...] = (
    (157, 95),
    (166, 116),
    (170, 150),
    (173, 185),
    (177, 217),
    (181, 245),
    (183, 264),
    (176, 275),
    (167, 268),
    (163, 245),
    (159, 217),
    (157, 185),
    (155, 155),
    (152, 124),
)


def mirror(points: Sequence[Point]) -> list[Point]:
    """The same points on the other side of the midline."""
    return [(VIEW_WIDTH - x, y) for x, y in points]


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def smooth_closed_path(points: Sequence[Point]) -> str:
    """A closed path through ``points``, smoothed with Catmull-Rom splines turned into Béziers."""
    count = len(points)
    parts = [f"M{_number(points[0][0])},{_number(points[0][1])}"]
    for index in range(count):
        p0 = points[index - 1]
        p1 = points[index]
        p2 = points[(index + 1) % count]
        p3 = points[(index + 2) % count]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        parts.append("C" + " ".join(f"{_number(x)},{_number(y)}" for x, y in (c1, c2, p2)))
    return " ".join(parts) + " Z"


def polygon_path(points: Sequence[Point]) -> str:
    """A closed path of straight lines through ``points``."""
    head, *rest = points
    return (
        f"M{_number(head[0])},{_number(head[1])} "
        + " ".join(f"L{_number(x)},{_number(y)}" for x, y in rest)
        + " Z"
    )


def paired_path(right_side: Sequence[Point]) -> str:
    """One shape on both sides of the body: the right-side shape and its mirror image.

    The mirror image is traced in reverse so both subpaths turn the same way: where a shape
    reaching over the midline overlaps its mirror, the overlap is filled, not cut out.
    """
    return f"{smooth_closed_path(right_side)} {smooth_closed_path(mirror(right_side)[::-1])}"


def _ellipse_path(cx: float, cy: float, rx: float, ry: float) -> str:
    return (
        f"M{_number(cx - rx)},{_number(cy)} "
        f"A{_number(rx)},{_number(ry)} 0 1 0 {_number(cx + rx)},{_number(cy)} "
        f"A{_number(rx)},{_number(ry)} 0 1 0 {_number(cx - rx)},{_number(cy)} Z"
    )


@cache
def silhouette_paths() -> tuple[str, ...]:
    """The figure's outline as path data: head, trunk and legs, and the two arms."""
    trunk = [*TRUNK_AND_LEG, CROTCH, *reversed(mirror(TRUNK_AND_LEG))]
    return (
        _ellipse_path(*HEAD),
        smooth_closed_path(trunk),
        smooth_closed_path(ARM),
        smooth_closed_path(mirror(ARM)),
    )


@cache
def _body_polygons() -> tuple[tuple[Point, ...], ...]:
    return tuple(tuple(polygon) for path in silhouette_paths() for polygon in path_polygons(path))


def _inside(point: Point, polygon: Sequence[Point]) -> bool:
    """Even-odd ray casting: whether ``point`` lies inside the closed ``polygon``."""
    x, y = point
    inside = False
    previous = polygon[-1]
    for current in polygon:
        (x0, y0), (x1, y1) = previous, current
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
        previous = current
    return inside


def on_the_body(point: Point) -> bool:
    """Whether ``point`` lies on the figure (head, trunk and legs, or an arm) in either view."""
    return any(_inside(point, polygon) for polygon in _body_polygons())


def in_the_view(point: Point) -> bool:
    return 0 <= point[0] <= VIEW_WIDTH and 0 <= point[1] <= VIEW_HEIGHT
