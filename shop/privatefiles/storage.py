"""Private files (support attachments, claim photos): never under a public URL.

``STORAGES["private"]`` is this file system storage by default, outside MEDIA_ROOT, which
refuses to build URLs: its files are only ever sent by the permission-checked views, never by
a web server or WhiteNoise. With ``MEDIA_STORAGE=s3`` it is a private S3 location whose URLs
are short-lived signed ones. The file system location is read from
``settings.PRIVATE_MEDIA_ROOT`` on every use, so tests (and deployments) can point it elsewhere
without touching the migration state.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages


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


def get_private_storage() -> Storage:
    """The storage of private file fields (a callable, so migrations record no backend)."""
    return storages["private"]
