"""Private storage for support attachments, outside MEDIA_ROOT and without a public URL.

Files here are only ever sent by the permission-checked download views, never by a web server
or WhiteNoise. The location is read from ``settings.PRIVATE_MEDIA_ROOT`` on every use, so tests
(and deployments) can point it elsewhere without touching the migration state.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """File system storage rooted at ``PRIVATE_MEDIA_ROOT`` that refuses to build URLs."""

    @property
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return str(Path(self.base_location).resolve())

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no public URL; use the download views.")


private_storage = PrivateFileSystemStorage()


def get_private_storage() -> PrivateFileSystemStorage:
    """The storage of attachment fields (a callable, so migrations do not record a path)."""
    return private_storage
