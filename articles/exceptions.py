"""Domain errors of the library, turned into form errors or 4xx responses at the edge."""


class LibraryError(Exception):
    """Base class of the library's domain errors."""


class UnknownReference(LibraryError):
    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        super().__init__(
            "Unknown reference key(s): " + ", ".join(keys) + ". Add the reference first."
        )


class UnknownFigure(LibraryError):
    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        super().__init__("Unknown figure key(s): " + ", ".join(keys) + ". Upload the figure first.")


class InvalidImage(LibraryError):
    """An upload that is not an image the library accepts; the message says why."""


class CommentFlood(LibraryError):
    """Too many comments from one address in a short time."""
