"""Oscar's sorl thumbnailer, remembering in each process the thumbnails it has looked up.

sorl keeps every thumbnail's name and size in its key-value store (the cache, backed by a
table): each lookup costs cache round trips and hashing, about 0.7 ms, and a product card asks
for two (WebP and JPEG), so an uncached catalogue page of 20 cards spent some 30 ms on them. A
thumbnail of a stored file does not change: a new upload gets a new file name, and so a new key
here. The process keeps up to ``REMEMBERED`` answers; failures are not remembered.
"""

import threading

from oscar.core.thumbnails import SorlThumbnail
from sorl.thumbnail.images import DummyImageFile

REMEMBERED = 4096

_thumbnails: dict[tuple, object] = {}
_lock = threading.Lock()


class RememberingSorlThumbnail(SorlThumbnail):
    def generate_thumbnail(self, source, **opts):
        name = getattr(source, "name", None)
        if not name:
            return super().generate_thumbnail(source, **opts)
        key = (getattr(source.storage, "location", ""), name, tuple(sorted(opts.items())))
        thumbnail = _thumbnails.get(key)
        if thumbnail is None:
            thumbnail = super().generate_thumbnail(source, **dict(opts))
            if not isinstance(thumbnail, DummyImageFile):
                with _lock:
                    if len(_thumbnails) >= REMEMBERED:
                        _thumbnails.clear()
                    _thumbnails[key] = thumbnail
        return thumbnail

    def delete_thumbnails(self, source):
        with _lock:
            _thumbnails.clear()
        super().delete_thumbnails(source)
