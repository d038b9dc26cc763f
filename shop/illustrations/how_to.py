"""How to use the QL Claw on each muscle it releases: one small record per muscle, one figure.

A record names the position (``people.POSITIONS``), where the trigger's tip sits along the
body in that position (centimetres: along the floor from the head, or up the wall from the
floor), the point it presses on an outline of the back, and the words of the caption. Muscles
the QL Claw cannot reach have no record (their articles say what helps instead). A muscle
gets a figure on the product page and in its article only once it is in the library.
"""

from dataclasses import dataclass

from . import people, ql_claw
from .vector import Circle, Drawing, Label, Point, Shape

PAPER = "#ffffff"
WIDTH, HEIGHT = 960, 540


@dataclass(frozen=True)
class HowTo:
    slug: str
    name: str
    position: str
    # Where the trigger's tip is, in the position's centimetres (see the module's docstring).
    trigger_at: float
    # The point pressed, on ``people.BACK_OUTLINE`` (the person's left side).
    press: Point
    # Where the trigger presses, completing "the trigger presses ...".
    where: str
    # What the figure adds in words, if anything (for a muscle the tool reaches indirectly).
    note: str = ""

    @property
    def key(self) -> str:
        return f"how-to-{self.slug}"

    @property
    def caption(self) -> str:
        heading = people.POSITIONS[self.position].heading
        sentence = f"{self.name}: {heading.lower()}, the ramp against the tailbone; the trigger "
        sentence += f"presses {self.where}."
        return f"{sentence} {self.note}".strip()

    @property
    def alt_text(self) -> str:
        position = people.POSITIONS[self.position]
        where_tool = (
            "between their back and the wall" if position.support == "wall" else "under them"
        )
        return (
            f"A person {position.described} with the QL Claw {where_tool}, a ring "
            f"where its trigger presses {self.where}; beside it an outline of the back seen "
            "from behind marks the same point."
        )


HOW_TO: tuple[HowTo, ...] = (
    HowTo("quadratus-lumborum", "Quadratus lumborum", "back", 66, (82, 178),
          "into the low back beside the spine, between the lowest rib and the top of the pelvis"),
    HowTo("gluteus-medius", "Gluteus medius", "wall", 92, (66, 210),
          "into the upper outer buttock, just below the rim of the pelvis"),
    HowTo("gluteus-minimus", "Gluteus minimus", "side", 88, (58, 224),
          "deep into the side of the hip, below the front of the pelvis rim"),
    HowTo("piriformis", "Piriformis", "back", 96, (84, 226),
          "into the buttock beside the sacrum, on the line towards the top of the thigh bone"),
    HowTo("iliopsoas", "Iliopsoas", "back", 66, (82, 178),
          "beside the spine above the pelvis, on the quadratus lumborum",
          "The QL Claw does not press the front of the hip, where the iliopsoas lies: it "
          "releases the low-back muscles that tighten alongside it."),
    HowTo("gluteus-maximus", "Gluteus maximus", "back", 100, (80, 244),
          "into the middle of the buttock, beside the tailbone"),
    HowTo("tensor-fasciae-latae", "Tensor fasciae latae", "side", 94, (54, 216),
          "into the outer front of the hip, just below and in front of the hip bone"),
    HowTo("iliocostalis", "Iliocostalis", "wall", 110, (72, 166),
          "into the outer edge of the back muscles, over the lowest ribs"),
    HowTo("longissimus", "Longissimus", "back", 60, (88, 150),
          "into the muscle a finger's width or two beside the spine, above the waist"),
    HowTo("multifidus", "Multifidus", "back", 76, (94, 198),
          "right beside the spine, low in the back where it meets the sacrum"),
)  # fmt: skip

BY_SLUG = {record.slug: record for record in HOW_TO}


def _scene(position: people.Position, trigger_at: float, *, scale: float, origin: Point) -> list:
    """The person in ``position`` with the tool in place; ``origin``: where x=0 meets the floor."""
    left, floor_y = origin

    def place(point: Point) -> Point:
        return (left + scale * point[0], floor_y - scale * point[1])

    if position.support == "wall":
        tool = ql_claw.placed(
            origin=place((0, trigger_at - ql_claw.TIP_CENTRE_MM[0] / 10)),
            along=(0, -scale / 10),
            up=(scale / 10, 0),
        )
        ground = [
            Shape((place((-1.5, 172)), place((-1.5, -1.5))), stroke=people.GROUND,
                  width=3 * scale, closed=False),
            Shape((place((-1.5, -1.5)), place((190, -1.5))), stroke=people.GROUND,
                  width=3 * scale, closed=False),
        ]  # fmt: skip
    else:
        tool = ql_claw.placed(
            origin=place((trigger_at + ql_claw.TIP_CENTRE_MM[0] / 10, 0)),
            along=(-scale / 10, 0),
            up=(0, -scale / 10),
        )
        ground = [
            Shape((place((-20, -1.2)), place((180, -1.2))), stroke=people.GROUND,
                  width=2.4 * scale, closed=False)
        ]  # fmt: skip
    (x, y), k = ql_claw.tip_point(tool), scale / 3.4  # marks grow with the scene
    return [
        *ground,
        *people.person(position, place, scale, halo=PAPER),
        *ql_claw.side_view(tool, outline=2 * k),
        Circle((x, y), 16 * k, stroke=ql_claw.ACCENT, width=5 * k),
        Shape(((x, y), (x + 40 * k, y + 60 * k), (x + 60 * k, y + 60 * k)),
              stroke=ql_claw.ACCENT, width=3 * k, closed=False),
        Label((x + 66 * k, y + 68 * k), "Trigger presses here", 24 * k, ql_claw.INK),
    ]  # fmt: skip


def _record_scene(record: HowTo) -> list:
    """The left two thirds of a how-to figure."""
    position = people.POSITIONS[record.position]
    if position.support == "wall":
        scene = _scene(position, record.trigger_at, scale=2.5, origin=(130, 500))
    else:
        scene = _scene(position, record.trigger_at, scale=3.4, origin=(118, 420))
    return [Label((30, 56), position.heading, 30, ql_claw.INK), *scene]


def _press_map(record: HowTo) -> list:
    """The back seen from behind, with the pressed point, on the right third of the figure."""
    scale, left, top = 1.0, 700, 80

    def place(point: Point) -> Point:
        return (left + scale * point[0], top + scale * point[1])

    point = place(record.press)
    return [
        Label((800, 56), "Where it presses", 26, ql_claw.INK, "middle"),
        *people.back_outline(place, scale=scale, halo=PAPER),
        Circle(point, 14, stroke=ql_claw.ACCENT, width=5),
        Circle(point, 5, fill=ql_claw.ACCENT),
        Label((800, 530), "seen from behind", 22, people.GROUND, "middle"),
    ]


def drawing(record: HowTo) -> Drawing:
    return Drawing(
        key=record.key,
        width=WIDTH,
        height=HEIGHT,
        title=f"How to use the QL Claw on the {record.name.lower()}",
        description=record.alt_text,
        shapes=(*_record_scene(record), *_press_map(record)),
        background=PAPER,
    )


def in_use_drawing() -> Drawing:
    """The QL Claw in use, lying on the back: a product image (square, to scale)."""
    record = BY_SLUG["quadratus-lumborum"]
    scene = _scene(people.LYING_ON_THE_BACK, record.trigger_at, scale=6.0, origin=(150, 800))
    return Drawing(
        key="ql-claw-in-use",
        width=1200,
        height=1200,
        title="The QL Claw in use",
        description=(
            "A person lies on their back, knees bent, on the QL Claw: the ramp under the "
            "tailbone, a ring where the trigger presses beside the spine. Drawn to one scale."
        ),
        shapes=(
            Label((600, 120), "Lie on it, knees bent", 48, ql_claw.INK, "middle"),
            Label((600, 190), "The ramp rests against the tailbone;", 34, people.GROUND, "middle"),
            Label((600, 240), "the trigger presses into the muscle.", 34, people.GROUND, "middle"),
            *scene,
            Label(
                (600, 1040),
                "Hold 30 to 60 seconds while the tension lets go.",
                34,
                ql_claw.INK,
                "middle",
            ),
        ),
        background=PAPER,
    )
