"""People in the positions the QL Claw is used in, and an outline of the back to mark a point.

A position is a pictogram: a head and limbs as thick rounded lines through joints, in
centimetres with y upwards from the floor (and x from the wall, for leaning), so the tool can
be drawn beside it at the same scale. Each position also says where the tool goes: under the
body on the floor, or between the back and the wall.
"""

from dataclasses import dataclass

from .vector import Circle, Point, Shape, cubic, ellipse

PERSON, PERSON_FAR, GROUND = "#a3adb9", "#8893a0", "#6b7480"


@dataclass(frozen=True)
class Limb:
    joints: tuple[Point, ...]
    width: float
    far: bool = False


@dataclass(frozen=True)
class Position:
    slug: str
    # What the reader does, as the figure's heading says it, and as the alt text says it.
    heading: str
    described: str
    head: Point
    head_radius: float
    limbs: tuple[Limb, ...]
    # Pelvis and buttock, as an ellipse (centre, half width, half height).
    seat: tuple[Point, float, float]
    # "floor": the tool lies on the floor along the body; "wall": it stands against the wall.
    support: str


LYING_ON_THE_BACK = Position(
    slug="back",
    heading="Lying on your back, knees bent",
    described="lying on their back, knees bent,",
    head=(11, 11.5),
    head_radius=10.5,
    limbs=(
        Limb(((90, 18), (123, 46), (145, 9), (157, 4)), 14, far=True),
        Limb(((20, 12), (30, 13)), 9),
        Limb(((30, 13), (88, 19)), 24),
        Limb(((92, 18), (128, 48), (151, 9), (163, 4)), 14),
        Limb(((36, 16), (54, 6), (70, 5)), 8),
    ),
    seat=((92, 15), 13, 11),
    support="floor",
)

LYING_ON_THE_SIDE = Position(
    slug="side",
    heading="Lying on your side",
    described="lying on their side",
    head=(8, 20.5),
    head_radius=10.5,
    limbs=(
        Limb(((28, 8), (-14, 6)), 8, far=True),
        Limb(((90, 14), (128, 10), (164, 5)), 14, far=True),
        Limb(((20, 19), (30, 18)), 9),
        Limb(((32, 17), (80, 22)), 30),
        Limb(((90, 29), (126, 22), (162, 15)), 14),
        Limb(((36, 30), (54, 37), (74, 32)), 8),
    ),
    seat=((86, 22), 14, 17),
    support="floor",
)

LEANING_ON_A_WALL = Position(
    slug="wall",
    heading="Leaning back against a wall",
    described="leaning back against a wall",
    head=(15, 160),
    head_radius=10.5,
    limbs=(
        Limb(((24, 90), (44, 52), (34, 8), (48, 2)), 14, far=True),
        Limb(((17, 150), (18, 140)), 9),
        Limb(((19, 138), (23, 96)), 24),
        Limb(((27, 90), (48, 53), (40, 8), (54, 2)), 14),
        Limb(((24, 134), (34, 108), (44, 90)), 8),
    ),
    seat=((22, 88), 12, 12),
    support="wall",
)

POSITIONS = {position.slug: position for position in (
    LYING_ON_THE_BACK, LYING_ON_THE_SIDE, LEANING_ON_A_WALL
)}  # fmt: skip


def person(position: Position, place, scale: float, *, halo: str) -> list[Shape | Circle]:
    """The pictogram; ``place`` maps centimetres to the drawing, ``scale`` is units per cm.

    Each limb is drawn over a band of the background colour, so limbs that cross stay apart.
    """
    shapes: list[Shape | Circle] = []
    far = [limb for limb in position.limbs if limb.far]
    near = [limb for limb in position.limbs if not limb.far]
    for group in (far, near):
        for limb in group:
            joints = tuple(place(joint) for joint in limb.joints)
            colour = PERSON_FAR if limb.far else PERSON
            shapes.append(Shape(joints, stroke=halo, width=(limb.width + 2) * scale, closed=False))
            shapes.append(Shape(joints, stroke=colour, width=limb.width * scale, closed=False))
        if group is far:
            centre, rx, ry = position.seat
            shapes.append(Shape(tuple(place(p) for p in ellipse(centre, rx, ry)), fill=PERSON))
    shapes.append(
        Circle(place(position.head), position.head_radius * scale, fill=PERSON, stroke=halo,
               width=scale)
    )  # fmt: skip
    return shapes


# The back seen from behind, on a 200 by 430 frame (y downwards): the figure's left is the
# person's left. Landmarks help a reader place the point: spine, lowest ribs, pelvis, sacrum.
_BACK_RIGHT_HALF: list[Point] = [
    (110, 52), (112, 64), (140, 72), (152, 86), (158, 140), (166, 204), (156, 207),
    (146, 152), (140, 120), (138, 160), (142, 196), (146, 232), (144, 268), (136, 340),
    (132, 372), (130, 424), (108, 424), (106, 372), (103, 300), (100, 272),
]  # fmt: skip
BACK_OUTLINE: list[Point] = _BACK_RIGHT_HALF + [(200 - x, y) for x, y in _BACK_RIGHT_HALF[::-1]]
BACK_HEAD: tuple[Point, float] = ((100, 30), 22)


def _both_sides(points: list[Point]) -> list[list[Point]]:
    return [points, [(200 - x, y) for x, y in points]]


BACK_LANDMARKS: list[list[Point]] = [
    [(100, 66), (100, 204)],  # spine
    *_both_sides(cubic((66, 160), (76, 150), (88, 148), (96, 152))),  # lowest ribs
    *_both_sides(cubic((60, 204), (66, 188), (84, 186), (96, 196))),  # iliac crests
    [(90, 202), (110, 202), (100, 236), (90, 202)],  # sacrum and tailbone
]


def back_outline(place, *, scale: float, halo: str) -> list[Shape | Circle]:
    shapes: list[Shape | Circle] = [
        Shape(tuple(map(place, BACK_OUTLINE)), fill=PERSON, stroke=GROUND, width=2 * scale),
        Circle(place(BACK_HEAD[0]), BACK_HEAD[1] * scale, fill=PERSON, stroke=GROUND,
               width=2 * scale),
    ]  # fmt: skip
    for line in BACK_LANDMARKS:
        shapes.append(Shape(tuple(map(place, line)), stroke=halo, width=3 * scale, closed=False))
    return shapes
