"""Demo content of the library: body regions, five muscles, two references, figures, articles.

``load_library_demo`` is idempotent: a second run leaves the same rows (figures already drawn are
kept, unchanged articles render to the same HTML). The article bodies are Markdown files in
``demo_content/``, written for this project from the facts brief; the figures are diagrams drawn
here with Pillow from the same outline data the body regions store.
"""

import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from oscar.core.loading import get_model
from PIL import Image, ImageDraw, ImageFont

from . import demo_muscles
from .images import image_size, make_webp_renditions
from .models import Article, BodyRegion, Figure, Muscle, Reference, ReferredPain, Series, Tag
from .services import save_article

Product = get_model("catalogue", "Product")

CONTENT_DIR = Path(__file__).resolve().parent / "demo_content"
QL_CLAW_UPC = "QL-CLAW"

# Outlines on a 200 by 440 figure (x to the right, y down), drawn as the reader sees a person
# facing them (front view) or facing away (back view). Each region covers both sides.
BODY_OUTLINE = [
    (100, 4), (114, 8), (120, 24), (116, 44), (110, 52), (112, 62), (140, 70), (150, 82),
    (156, 130), (162, 186), (170, 232), (160, 236), (150, 200), (146, 170), (140, 200),
    (144, 236), (142, 262), (132, 345), (130, 372), (126, 430), (106, 430), (104, 372),
    (102, 300), (100, 268), (98, 300), (96, 372), (94, 430), (74, 430), (70, 372), (68, 345),
    (58, 262), (56, 236), (60, 200), (54, 170), (50, 200), (40, 236), (30, 232), (38, 186),
    (44, 130), (50, 82), (60, 70), (88, 62), (90, 52), (84, 44), (80, 24), (86, 8),
]  # fmt: skip


def _mirror(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(200 - x, y) for x, y in points]


def _path(*polygons: list[tuple[int, int]]) -> str:
    return " ".join("M" + " L".join(f"{x} {y}" for x, y in polygon) + " Z" for polygon in polygons)


def _both_sides(points: list[tuple[int, int]]) -> str:
    return _path(points, _mirror(points))


# (slug, name, view, outline polygons as SVG path) from head to toe.
REGIONS: list[tuple[str, str, str, str]] = [
    ("neck", "Neck", "back", _path([(90, 52), (110, 52), (112, 66), (88, 66)])),
    ("upper-back", "Upper back", "back", _path([(62, 70), (138, 70), (142, 120), (58, 120)])),
    ("mid-back", "Mid back", "back", _path([(58, 120), (142, 120), (144, 165), (56, 165)])),
    ("low-back", "Low back (lumbar)", "back",
     _path([(56, 165), (144, 165), (142, 205), (58, 205)])),
    ("sacrum-tailbone", "Sacrum and tailbone", "back", _path([(86, 205), (114, 205), (100, 246)])),
    ("buttock", "Buttock", "back",
     _both_sides([(62, 205), (86, 205), (100, 246), (100, 264), (64, 262), (60, 236)])),
    ("side-of-hip", "Side of the hip", "back",
     _both_sides([(56, 212), (62, 208), (60, 236), (62, 262), (58, 262), (56, 236)])),
    ("back-of-thigh", "Back of the thigh", "back",
     _both_sides([(66, 264), (99, 266), (97, 342), (72, 342)])),
    ("side-of-thigh", "Side of the thigh", "back",
     _both_sides([(58, 264), (66, 264), (72, 342), (68, 344)])),
    ("calf", "Calf", "back", _both_sides([(70, 374), (96, 374), (95, 428), (75, 428)])),
    ("groin", "Groin", "front", _both_sides([(72, 234), (96, 256), (98, 268), (66, 254)])),
    ("front-of-thigh", "Front of the thigh", "front",
     _both_sides([(64, 258), (98, 270), (97, 342), (70, 342)])),
    ("knee", "Knee", "front", _both_sides([(68, 344), (97, 344), (96, 372), (70, 372)])),
]  # fmt: skip

REFERENCES = [
    {
        "key": "travell2019",
        "authors": "Donnelly JM, Fernández-de-las-Peñas C, Finnegan M, Freeman JL (eds.)",
        "title": "Travell, Simons & Simons' Myofascial Pain and Dysfunction: "
        "The Trigger Point Manual",
        "edition": "3rd ed.",
        "publisher": "Wolters Kluwer Health",
        "year": 2019,
    },
    {
        "key": "davies2013",
        "authors": "Davies C, Davies A",
        "title": "The Trigger Point Therapy Workbook: Your Self-Treatment Guide for Pain Relief",
        "edition": "3rd ed.",
        "publisher": "New Harbinger Publications",
        "year": 2013,
    },
]

# The article the home page features: the muscle the QL Claw is named after.
FEATURED_ARTICLE = "quadratus-lumborum"

SERIES = {
    "slug": "five-muscles-behind-low-back-pain",
    "title": "The five muscles behind low back pain",
    "description": "Five muscles of the hip and back whose trigger points send pain to the low "
    "back, buttock and leg: one article each, in the order to check them.",
}

TAGS = {
    "low-back-pain": "Low back pain",
    "hip-pain": "Hip pain",
    "sciatica-like-pain": "Sciatica-like pain",
    "sitting": "Sitting",
}

# Muscle facts from the facts brief (Travell 2019; Davies 2013), in this project's words.
# A record's keys: the Muscle fields (slug, name, other_names, body_area, summary, actions,
# trigger_point_locations, aggravating_activities), "pain" (region slugs of the primary and the
# spillover zone: what the pain finder answers from), "muscle_shape" and "trigger_points" (the
# article diagrams, on BODY_OUTLINE's left side), "tags", optionally "front_view", and for the
# muscles of ``demo_muscles``: "ql_claw" (False where the QL Claw cannot reach the muscle; it is
# then not linked to the product), "markers" (the pain finder's trigger points, as
# ``painfinder.demo.TRIGGER_POINTS`` holds them), "pain_zones" (the referred-pain shapes:
# (kind, view, right-side points in ``painfinder.outline`` coordinates), mirrored to both sides)
# and optionally "figure_reference" (the key of the source its diagrams follow; Travell if absent).
MUSCLES = [
    {
        "slug": "gluteus-medius",
        "name": "Gluteus medius",
        "other_names": "middle gluteal muscle",
        "body_area": "Upper outer buttock, under gluteus maximus",
        "summary": "The fan-shaped hip muscle that holds the pelvis level at every step, and a "
        "common hidden source of low back pain.",
        "actions": "Moves the leg out to the side.\nHolds the pelvis level when you stand on one "
        "leg: at every step of walking and running.\nWorks hard in side-to-side sports and "
        "heavy lifting.",
        "trigger_point_locations": "Along the wide upper part of the fan, at about waistband "
        "level, just below the iliac crest.",
        "aggravating_activities": "Walking and running\nCarrying loads\nClimbing stairs\n"
        "Standing for a long time\nGetting in and out of a car\nStanding up from sitting\n"
        "Lying on the affected side",
        "pain": {"primary": ["low-back", "sacrum-tailbone", "buttock"],
                 "spillover": ["back-of-thigh", "side-of-thigh"]},
        "muscle_shape": [(60, 196), (94, 200), (90, 232), (64, 236)],
        "trigger_points": [(70, 206), (82, 204)],
        # Along the back of the iliac crest, over the sacroiliac joint towards the tailbone and
        # the upper buttock; spillover over the rest of the buttock into the upper back and
        # side of the thigh.
        "pain_zones": [
            ("primary", "back", [(101, 199), (113, 197), (127, 200), (139, 206), (144, 214),
                                 (141, 224), (131, 229), (119, 228), (111, 236), (105, 246),
                                 (101, 251)]),
            ("spillover", "back", [(104, 250), (115, 239), (132, 233), (146, 236), (149, 256),
                                   (147, 281), (141, 301), (133, 297), (127, 278), (115, 268),
                                   (104, 262)]),
        ],
        "tags": ["low-back-pain", "hip-pain"],
    },
    {
        "slug": "gluteus-minimus",
        "name": "Gluteus minimus",
        "other_names": "smallest gluteal muscle",
        "body_area": "Deep in the side of the buttock, under gluteus medius",
        "summary": "The deepest glute, whose trigger points send pain down the side or back of the "
        "leg and are often mistaken for sciatica.",
        "actions": "Moves the leg out to the side.\nSteadies the pelvis in single-leg stance.\n"
        "Its front fibres help turn the thigh inwards.",
        "trigger_point_locations": "Deep in the side of the hip, below the front and middle of "
        "the iliac crest, under gluteus medius.",
        "aggravating_activities": "Getting up from a chair\nWalking with a limp\n"
        "Lying on the affected side\nStanding for a long time",
        "pain": {"primary": ["buttock", "side-of-thigh", "back-of-thigh"],
                 "spillover": ["calf"]},
        "muscle_shape": [(60, 210), (84, 212), (80, 236), (62, 240)],
        "trigger_points": [(66, 220), (74, 226)],
        # Lower buttock and down the back (back fibres) or the side (front fibres) of the thigh;
        # spillover down the calf, or the outer lower leg towards the ankle.
        "pain_zones": [
            ("primary", "back", [(116, 232), (134, 228), (145, 242), (144, 266), (141, 296),
                                 (137, 322), (129, 324), (124, 300), (120, 272), (111, 256)]),
            ("primary", "front", [(136, 232), (146, 236), (148, 262), (143, 296), (139, 322),
                                  (133, 320), (134, 290), (134, 258)]),
            ("spillover", "back", [(122, 336), (136, 338), (140, 360), (136, 390), (130, 402),
                                   (126, 394), (124, 364)]),
            ("spillover", "front", [(134, 340), (140, 350), (140, 372), (134, 398), (130, 410),
                                    (127, 402), (130, 370)]),
        ],
        "tags": ["hip-pain", "sciatica-like-pain"],
    },
    {
        "slug": "quadratus-lumborum",
        "name": "Quadratus lumborum",
        "other_names": "QL",
        "body_area": "Deep low back, between the lowest rib and the pelvis",
        "summary": "The deep, square muscle of the low back that bends the trunk sideways, and the "
        "muscle the QL Claw is named after.",
        "actions": "One side bends the trunk sideways and hikes the hip.\nBoth sides extend and "
        "steady the lumbar spine.\nSteadies the twelfth rib when breathing in.",
        "trigger_point_locations": "Superficial points near the iliac crest and the lowest rib, "
        "at the outer edge of the muscle; deep points close to the spine.",
        "aggravating_activities": "Bending and lifting, especially with a twist\n"
        "Turning over in bed\nStanding up from sitting\nCoughing or sneezing\n"
        "Standing or walking for a long time",
        "pain": {"primary": ["low-back", "side-of-hip", "sacrum-tailbone", "buttock"],
                 "spillover": []},
        "muscle_shape": [(70, 164), (94, 164), (94, 200), (66, 200)],
        "trigger_points": [(72, 176), (88, 192)],
        # Superficial points: along the iliac crest into the outer hip; deep points: the
        # sacroiliac joint and the lower buttock.
        "pain_zones": [
            ("primary", "back", [(110, 203), (126, 202), (140, 207), (147, 215), (150, 229),
                                 (148, 245), (142, 246), (139, 230), (133, 217), (120, 214),
                                 (110, 213)]),
            ("primary", "back", [(103, 215), (111, 215), (113, 227), (111, 238), (118, 249),
                                 (126, 255), (120, 261), (108, 258), (103, 245), (102, 228)]),
        ],
        "tags": ["low-back-pain"],
    },
    {
        "slug": "piriformis",
        "name": "Piriformis",
        "other_names": "",
        "body_area": "Deep buttock, from the sacrum to the top of the thigh bone",
        "summary": "A deep, pear-shaped hip muscle next to the sciatic nerve; long sitting is its "
        "classic trigger.",
        "actions": "Turns the straightened thigh outwards.\nMoves the bent thigh out to the side.\n"
        "Steadies the hip joint.",
        "trigger_point_locations": "Deep in the buttock along the line from the sacrum to the "
        "greater trochanter.",
        "aggravating_activities": "Sitting for a long time, driving above all\n"
        "Standing up from sitting\nCrossing the legs",
        "pain": {"primary": ["sacrum-tailbone", "buttock"], "spillover": ["back-of-thigh"]},
        "muscle_shape": [(92, 222), (96, 232), (64, 246), (62, 238)],
        "trigger_points": [(86, 230), (72, 238)],
        # The sacroiliac region, across the buttock to the back of the hip; spillover over the
        # rest of the buttock and the upper back of the thigh.
        "pain_zones": [
            ("primary", "back", [(103, 214), (112, 216), (117, 226), (130, 232), (142, 240),
                                 (146, 252), (140, 258), (128, 254), (116, 248), (106, 240),
                                 (102, 228)]),
            ("spillover", "back", [(108, 246), (126, 252), (142, 257), (140, 276), (134, 296),
                                   (124, 300), (114, 290), (108, 270), (105, 256)]),
        ],
        "tags": ["sciatica-like-pain", "sitting"],
    },
    {
        "slug": "iliopsoas",
        "name": "Iliopsoas",
        "other_names": "psoas major and iliacus, hip flexor",
        "body_area": "Front of the hip, from the lumbar spine and pelvis to the thigh bone",
        "summary": "The main hip flexor: a muscle at the front of the body that sends pain up and "
        "down the low back.",
        "actions": "Lifts the thigh (hip flexion).\nWith the legs fixed, bends the trunk forwards, "
        "as in a sit-up.\nHelps hold the lumbar spine.",
        "trigger_point_locations": "In the lower abdomen beside the spine (psoas), inside the "
        "pelvic rim (iliacus), and where the tendon crosses the front of the hip.",
        "aggravating_activities": "Standing up straight after sitting\nSitting for a long time\n"
        "Lying flat with the legs straight",
        "pain": {"primary": ["low-back", "front-of-thigh", "groin"],
                 "spillover": ["sacrum-tailbone", "buttock"]},
        "muscle_shape": [(88, 170), (96, 170), (94, 240), (84, 258), (76, 250), (72, 220)],
        "trigger_points": [(90, 196), (82, 244)],
        # A vertical band beside the lumbar spine reaching the sacroiliac region and the upper
        # buttock; at the front, the groin and the upper front of the thigh.
        "pain_zones": [
            ("primary", "back", [(103, 160), (110, 160), (113, 185), (114, 206), (110, 213),
                                 (103, 213), (102, 190)]),
            ("spillover", "back", [(103, 211), (112, 209), (122, 213), (130, 221), (124, 232),
                                   (112, 232), (104, 226)]),
            ("primary", "front", [(112, 232), (122, 226), (130, 230), (132, 250), (130, 275),
                                  (126, 290), (118, 292), (112, 276), (108, 252)]),
        ],
        "tags": ["low-back-pain", "sitting"],
        "front_view": True,
    },
]  # fmt: skip

# Every demo muscle: the first five here, then the ones of ``demo_muscles`` (issue 19).
ALL_MUSCLES = MUSCLES + demo_muscles.MUSCLES

ARTICLES = [
    ("quadratus-lumborum", "Quadratus lumborum: the deep back muscle behind sideways pain", 1),
    ("gluteus-medius", "Gluteus medius: low back pain that starts in the hip", 2),
    ("gluteus-minimus", "Gluteus minimus: the glute that imitates sciatica", 3),
    ("piriformis", "Piriformis: pain from sitting, deep in the buttock", 4),
    ("iliopsoas", "Iliopsoas: the front-of-hip muscle that hurts your back", 5),
]
ARTICLE_SUMMARIES = {
    "quadratus-lumborum": "What the QL does, why its trigger points hurt along the pelvis and "
    "into the hip and buttock, and how to release a muscle your hands can hardly reach.",
    "gluteus-medius": "The muscle that keeps your pelvis level when you walk can send pain to "
    "the low back, sacrum and buttock. How to recognise it and release it.",
    "gluteus-minimus": "Pain down the side or back of the leg is not always the sciatic nerve. "
    "How the smallest glute refers pain, and how to release it.",
    "piriformis": "A deep hip muscle that long sitting and driving overload, with pain in the "
    "buttock and back of the hip. What sets it off and how to release it.",
    "iliopsoas": "Why standing up straight after sitting hurts: the hip flexor's trigger points "
    "send pain along the lumbar spine, the groin and the front of the thigh.",
}
FIRST_PUBLISHED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

# Colours of the diagrams (AA contrast on white for the legend text).
INK, OUTLINE, SKIN = (29, 35, 48), (74, 83, 99), (238, 241, 245)
PRIMARY, SPILLOVER, MUSCLE = (184, 67, 15), (246, 196, 170), (11, 95, 115)
SCALE = 2


def _polygons(svg_path: str) -> list[list[tuple[float, float]]]:
    """The polygons of a path made of M/L/Z commands, as the regions store them."""
    polygons = []
    for part in re.findall(r"M([^Z]+)Z", svg_path):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", part)]
        polygons.append(list(zip(numbers[::2], numbers[1::2], strict=True)))
    return polygons


def _font(size: int) -> ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (OSError, TypeError):  # Pillow built without FreeType
        return ImageFont.load_default()


def _draw_body(draw, origin_x: int, origin_y: int, title: str) -> None:
    def shift(points):
        return [((origin_x + x) * SCALE, (origin_y + y) * SCALE) for x, y in points]

    draw.polygon(shift(BODY_OUTLINE), fill=SKIN, outline=OUTLINE, width=2 * SCALE)
    draw.ellipse(
        [((origin_x + 80) * SCALE, (origin_y + 4) * SCALE),
         ((origin_x + 120) * SCALE, (origin_y + 50) * SCALE)],
        fill=SKIN, outline=OUTLINE, width=2 * SCALE,
    )  # fmt: skip
    draw.text(
        ((origin_x + 100) * SCALE, (origin_y + 448) * SCALE),
        title, fill=INK, font=_font(14 * SCALE), anchor="mt",
    )  # fmt: skip


def _fill(draw, origin_x, origin_y, svg_path: str, colour) -> None:
    for polygon in _polygons(svg_path):
        points = [((origin_x + x) * SCALE, (origin_y + y) * SCALE) for x, y in polygon]
        draw.polygon(points, fill=colour, outline=OUTLINE)


def _legend(draw, items: list[tuple[tuple, str]], y: int) -> None:
    x = 20
    for colour, label in items:
        draw.rectangle([x * SCALE, y * SCALE, (x + 16) * SCALE, (y + 16) * SCALE], fill=colour,
                       outline=OUTLINE)  # fmt: skip
        draw.text(((x + 22) * SCALE, (y + 1) * SCALE), label, fill=INK, font=_font(13 * SCALE))
        x += 150


def draw_referred_pain_figure(muscle: dict, regions: dict[str, BodyRegion]) -> bytes:
    """Front and back views with the muscle's primary and spillover zones, as a PNG."""
    image = Image.new("RGB", (480 * SCALE, 520 * SCALE), "white")
    draw = ImageDraw.Draw(image)
    for origin_x, view, title in ((20, "front", "Front"), (260, "back", "Back")):
        _draw_body(draw, origin_x, 10, title)
        for kind, colour in (("spillover", SPILLOVER), ("primary", PRIMARY)):
            for slug in muscle["pain"][kind]:
                if regions[slug].view == view:
                    _fill(draw, origin_x, 10, regions[slug].svg_path, colour)
    _legend(draw, [(PRIMARY, "Primary zone"), (SPILLOVER, "Spillover zone")], 490)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def draw_muscle_figure(muscle: dict) -> bytes:
    """Where the muscle lies (both sides) with its usual trigger points marked, as a PNG."""
    image = Image.new("RGB", (480 * SCALE, 520 * SCALE), "white")
    draw = ImageDraw.Draw(image)
    origin_x = 140
    _draw_body(draw, origin_x, 10, "Front" if muscle.get("front_view") else "Back")
    _fill(draw, origin_x, 10, _both_sides(muscle["muscle_shape"]), MUSCLE)
    for x, y in [*muscle["trigger_points"], *_mirror(muscle["trigger_points"])]:
        cx, cy, r = (origin_x + x) * SCALE, (10 + y) * SCALE, 5 * SCALE
        draw.line([(cx - r, cy - r), (cx + r, cy + r)], fill="white", width=3 * SCALE)
        draw.line([(cx - r, cy + r), (cx + r, cy - r)], fill="white", width=3 * SCALE)
    _legend(draw, [(MUSCLE, "Muscle; white X: trigger point")], 490)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _ensure_figure(key: str, draw, **fields) -> Figure:
    figure = Figure.objects.filter(key=key).first()
    if figure is None:
        figure = Figure(key=key, **fields)
        content = ContentFile(draw(), name=f"{key}.png")
        figure.width, figure.height = image_size(content)
        figure.image.save(content.name, content, save=False)
        figure.renditions = make_webp_renditions(figure.image.name)
        figure.save()
    return figure


def _ensure_regions() -> dict[str, BodyRegion]:
    regions = {}
    for position, (slug, name, view, svg_path) in enumerate(REGIONS):
        regions[slug], _ = BodyRegion.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "view": view, "svg_path": svg_path, "position": position},
        )
    return regions


def _ensure_muscle(data: dict, regions: dict[str, BodyRegion]) -> Muscle:
    fields = (
        "name", "other_names", "body_area", "summary", "actions", "trigger_point_locations",
        "aggravating_activities",
    )  # fmt: skip
    muscle, _ = Muscle.objects.update_or_create(
        slug=data["slug"], defaults={field: data[field] for field in fields}
    )
    wanted = {slug: kind for kind, slugs in data["pain"].items() for slug in slugs}
    muscle.referred_pain.exclude(region__slug__in=wanted).delete()
    for slug, kind in wanted.items():
        ReferredPain.objects.update_or_create(
            muscle=muscle, region=regions[slug], defaults={"kind": kind}
        )
    return muscle


@transaction.atomic
def load_library_demo() -> dict[str, int]:
    """Create or refresh the library's demo content; link the QL Claw product when it exists."""
    regions = _ensure_regions()
    for data in REFERENCES + demo_muscles.REFERENCES:
        Reference.objects.update_or_create(key=data["key"], defaults=data)
    references = {reference.key: reference for reference in Reference.objects.all()}
    series, _ = Series.objects.update_or_create(
        slug=SERIES["slug"], defaults={k: v for k, v in SERIES.items() if k != "slug"}
    )
    tags = {
        slug: Tag.objects.update_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in TAGS.items()
    }
    product = Product.objects.filter(upc=QL_CLAW_UPC).first()
    muscles = {}
    for data in ALL_MUSCLES:
        muscle = _ensure_muscle(data, regions)
        muscles[data["slug"]] = muscle
        # The diagrams follow the source the muscle's pain pattern was read in.
        diagram_source = references[data.get("figure_reference", "travell2019")]
        _ensure_figure(
            f"{data['slug']}-pattern",
            lambda data=data: draw_referred_pain_figure(data, regions),
            caption=f"Where {data['name'].lower()} trigger points send pain: the primary zone "
            "(dark) and the spillover zone (light).",
            alt_text=f"Front and back outlines of a body with the {data['name'].lower()} "
            "referred-pain zones shaded.",
            credit="Diagram by QL Claw after",
            reference=diagram_source,
        )
        _ensure_figure(
            f"{data['slug']}-muscle",
            lambda data=data: draw_muscle_figure(data),
            caption=f"The {data['name'].lower()} on both sides, with its usual trigger points "
            "marked with a white X.",
            alt_text=f"Outline of a body with the {data['name'].lower()} shaded on both sides "
            "and crosses at its trigger points.",
            credit="Diagram by QL Claw after",
            reference=diagram_source,
        )
        # A muscle the QL Claw cannot reach says so in its article and is not linked to it.
        if product is not None and data.get("ql_claw", True):
            muscle.released_by.add(product)

    extra_articles = [
        (slug, title, order)
        for order, (slug, title) in enumerate(demo_muscles.ARTICLES, start=len(ARTICLES) + 1)
    ]
    summaries = ARTICLE_SUMMARIES | demo_muscles.ARTICLE_SUMMARIES
    for slug, title, order in ARTICLES + extra_articles:
        data = next(item for item in ALL_MUSCLES if item["slug"] == slug)
        published = FIRST_PUBLISHED + timedelta(weeks=order - 1)
        in_series = order <= len(ARTICLES)
        article, _ = Article.objects.update_or_create(
            slug=slug,
            defaults={
                "title": title,
                "muscle": muscles[slug],
                "status": Article.Status.PUBLISHED,
                "publish_at": published,
                "updated_at": published,
                "summary": summaries[slug],
                "hero": Figure.objects.get(key=f"{slug}-muscle"),
                "body": (CONTENT_DIR / f"{slug}.md").read_text(encoding="utf-8"),
                "series": series if in_series else None,
                "series_order": order if in_series else 0,
                "featured": slug == FEATURED_ARTICLE,
            },
        )
        save_article(article=article, touch=False)
        article.tags.set([tags[tag] for tag in data["tags"]])
        if product is not None and data.get("ql_claw", True):
            article.related_products.add(product)
    return {
        "articles": len(ARTICLES) + len(extra_articles),
        "muscles": len(muscles),
        "regions": len(regions),
    }
