"""SVG path data: what staff type is checked against the grammar before any map uses it."""

import pytest

from articles.svgpath import InvalidPathData, path_polygons, validate_path_data


@pytest.mark.parametrize(
    "data",
    [
        "M10,10 L20,20 Z",
        "m 10 10 l 5 0 0 5 z",
        "M1-2.5.5.5Z",  # numbers may run together where a sign or a second dot separates them
        "M0 0 H10 V10 h-10 Z",
        "M0,0 C1,2 3,4 5,6 S7,8 9,10 Q1,1 2,2 T3,3 Z",
        "M10 10 A5 5 0 1 0 20 20 Z",
        "M0 0 L1e2 1.5E-1 Z",
        "M0,0 L10,0 L5,8 Z M20,0 L30,0 L25,8 Z",  # two subpaths: left and right side
    ],
)
def test_well_formed_path_data_is_accepted(data):
    validate_path_data(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("L 10 10", "must start with a move-to"),
        ("10 10 L 20 20", "must start with a move-to"),
        ("M0 0 L10", "groups of 2"),
        ("M0,0 C 1 2 3", "groups of 6"),
        ("M0 0 X 5", "Unexpected “X 5”"),
        ("M0 0 L 10 10 L 5e", "Unexpected “e”"),
        ("M0 0 L 10 10 Z 5", "takes no numbers"),
        ("M0 0 A 5 5 0 2 1 3 3", "arc flags must be 0 or 1"),
        ('M0 0 L10 10"/><script>alert(1)</script>', "Unexpected"),
        ("M0 0 " + "L1 1 " * 5000, "too long"),
    ],
)
def test_malformed_path_data_is_refused_with_a_reason(data, message):
    with pytest.raises(InvalidPathData, match=message):
        validate_path_data(data)


def test_polygons_have_one_ring_per_subpath_and_follow_curves():
    polygons = path_polygons("M0,0 L10,0 L10,10 Z M20,0 Q30,10 40,0 Z")

    assert polygons[0] == [(0, 0), (10, 0), (10, 10)]
    curve = polygons[1]
    assert len(curve) > 10  # the quadratic curve is flattened into many points
    assert max(y for _, y in curve) == pytest.approx(5, abs=0.1)  # its apex
