"""SVG path data: strict validation for what staff type, and flattening to polygons for Pillow.

Browsers and ``svg.path`` both silently drop whatever follows the first error in a path, so a
typo would quietly cut a region in half. The validator below follows the grammar of the SVG 2
path data ("path-data" BNF) and names the first problem; ``svg.path`` then supplies the
geometry (curves and arcs) once the data is known to be well formed.
"""

import re
from dataclasses import dataclass

from svg.path import Arc, Close, Move, parse_path

# How many numbers each command takes per repetition.
COMMAND_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}
MAX_PATH_LENGTH = 20_000

_TOKEN = re.compile(
    r"\s*(?:(?P<command>[MmLlHhVvCcSsQqTtAaZz])"
    r"|(?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?))\s*,?"
)


class InvalidPathData(ValueError):
    """Path data that does not follow the SVG path grammar; the message says where and why."""


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    position: int


def _tokens(data: str) -> list[_Token]:
    tokens = []
    position = 0
    data = data.rstrip()
    while position < len(data):
        match = _TOKEN.match(data, position)
        if match is None or match.end() == position:
            snippet = data[position : position + 12].strip()
            raise InvalidPathData(
                f"Unexpected “{snippet}” at character {position + 1}: path data may contain only "
                "the commands M L H V C S Q T A Z (upper or lower case) and numbers."
            )
        kind = "command" if match.group("command") else "number"
        tokens.append(_Token(kind, match.group(kind), match.start(kind)))
        position = match.end()
    return tokens


def validate_path_data(data: str) -> None:
    """Raise :class:`InvalidPathData` unless ``data`` is complete, well-formed SVG path data."""
    if not data or not data.strip():
        raise InvalidPathData("The path is empty: draw at least one shape (it starts with M).")
    if len(data) > MAX_PATH_LENGTH:
        raise InvalidPathData(f"The path is too long (at most {MAX_PATH_LENGTH} characters).")
    tokens = _tokens(data)
    if tokens[0].kind != "command" or tokens[0].text not in "Mm":
        raise InvalidPathData("Path data must start with a move-to command (M or m).")
    index = 0
    while index < len(tokens):
        command = tokens[index]
        if command.kind != "command":
            raise InvalidPathData(f"Number without a command at character {command.position + 1}.")
        index += 1
        arguments = []
        while index < len(tokens) and tokens[index].kind == "number":
            arguments.append(tokens[index])
            index += 1
        arity = COMMAND_ARITY[command.text.upper()]
        if arity == 0:
            if arguments:
                raise InvalidPathData(
                    f"“{command.text}” (close path) at character {command.position + 1} takes no "
                    "numbers."
                )
            continue
        if not arguments or len(arguments) % arity:
            raise InvalidPathData(
                f"“{command.text}” at character {command.position + 1} needs its numbers in "
                f"groups of {arity}; it has {len(arguments)}."
            )
        if arity == 7:
            for start in range(0, len(arguments), 7):
                for flag in arguments[start + 3 : start + 5]:
                    if flag.text not in ("0", "1"):
                        raise InvalidPathData(
                            f"The arc at character {command.position + 1} has the flag "
                            f"“{flag.text}”: arc flags must be 0 or 1."
                        )


Point = tuple[float, float]

# Points per curved segment when flattening: plenty for shapes a few hundred pixels tall.
_CURVE_STEPS = 16


def path_polygons(data: str) -> list[list[Point]]:
    """Flatten valid path data into one polygon (list of points) per subpath."""
    polygons: list[list[Point]] = []
    current: list[Point] = []
    for segment in parse_path(data):
        if isinstance(segment, Move):
            if len(current) > 2:
                polygons.append(current)
            current = [(segment.end.real, segment.end.imag)]
            continue
        if isinstance(segment, Close):
            if len(current) > 2:
                polygons.append(current)
            current = []
            continue
        straight = type(segment).__name__ == "Line"
        steps = 1 if straight else _CURVE_STEPS * (2 if isinstance(segment, Arc) else 1)
        if not current:
            current = [(segment.start.real, segment.start.imag)]
        for step in range(1, steps + 1):
            point = segment.point(step / steps)
            current.append((point.real, point.imag))
    if len(current) > 2:
        polygons.append(current)
    return polygons
