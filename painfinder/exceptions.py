"""Errors of the pain finder, turned into 4xx responses at the edge."""


class UnknownRegion(LookupError):
    """A region slug in the URL that names no body region."""

    def __init__(self, slugs: list[str]) -> None:
        self.slugs = slugs
        super().__init__(f"No body region called {', '.join(slugs)}")
