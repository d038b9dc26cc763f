"""The project's drawing of each body region on the outline (see ``outline.py``).

Keyed by the library's region slugs. The demo step writes these into ``BodyRegion.svg_path``;
staff can redraw any region in the back office afterwards. Regions that exist on both sides of
the body are one path with two subpaths (the right side and its mirror image).
"""

from dataclasses import dataclass

from .outline import paired_path, smooth_closed_path


@dataclass(frozen=True)
class RegionDrawing:
    view: str
    path: str


REGION_DRAWINGS: dict[str, RegionDrawing] = {
    # Back view, from the top down.
    "neck": RegionDrawing(
        "back", smooth_closed_path([(89, 54), (111, 54), (113, 79), (100, 82), (87, 79)])
    ),
    "upper-back": RegionDrawing(
        "back",
        smooth_closed_path(
            [
                (100, 85),
                (114, 81),
                (128, 84),
                (146, 90),
                (153, 101),
                (148, 131),
                (100, 132),
                (52, 131),
                (47, 101),
                (54, 90),
                (72, 84),
                (86, 81),
            ]
        ),
    ),
    "mid-back": RegionDrawing(
        "back",
        smooth_closed_path(
            [
                (100, 136),
                (147, 135),
                (143, 163),
                (139, 180),
                (100, 181),
                (61, 180),
                (57, 163),
                (53, 135),
            ]
        ),
    ),
    "low-back": RegionDrawing(
        "back",
        smooth_closed_path(
            [
                (100, 184),
                (139, 183),
                (141, 198),
                (142, 210),
                (118, 213),
                (100, 214),
                (82, 213),
                (58, 210),
                (59, 198),
                (61, 183),
            ]
        ),
    ),
    "sacrum-tailbone": RegionDrawing(
        "back",
        smooth_closed_path([(100, 218), (114, 217), (110, 236), (100, 251), (90, 236), (86, 217)]),
    ),
    "buttock": RegionDrawing(
        "back",
        paired_path(
            [(118, 217), (133, 215), (135, 236), (132, 255), (116, 260), (104, 255), (112, 238)]
        ),
    ),
    "side-of-hip": RegionDrawing(
        "back",
        paired_path([(138, 214), (146, 214), (150, 236), (149, 268), (140, 270), (138, 243)]),
    ),
    "back-of-thigh": RegionDrawing(
        "back",
        paired_path(
            [
                (106, 264),
                (120, 264),
                (134, 260),
                (138, 273),
                (140, 305),
                (136, 322),
                (106, 322),
                (103, 290),
            ]
        ),
    ),
    "calf": RegionDrawing(
        "back",
        paired_path([(106, 339), (138, 339), (142, 367), (136, 395), (110, 397), (106, 371)]),
    ),
    # Front view.
    "groin": RegionDrawing(
        "front",
        paired_path([(104, 245), (110, 230), (124, 219), (133, 221), (126, 236), (108, 253)]),
    ),
    "front-of-thigh": RegionDrawing(
        "front",
        paired_path(
            [(109, 258), (128, 242), (134, 232), (132, 281), (128, 320), (106, 320), (103, 285)]
        ),
    ),
    "side-of-thigh": RegionDrawing(
        "front",
        paired_path(
            [(137, 225), (148, 228), (150, 255), (146, 292), (140, 320), (132, 320), (136, 281)]
        ),
    ),
    "knee": RegionDrawing(
        "front",
        paired_path([(106, 326), (136, 326), (139, 339), (136, 354), (106, 354), (104, 339)]),
    ),
}
