"""Invalidation: any write to a model of a cached kind of content bumps that kind's generation.

Kinds are named by app label (``PAGE_CACHE_KINDS``), so a new model in one of those apps is
covered without a change here. Oscar's stock allocation updates rows with ``update()`` but sends
``post_save`` itself, so prices and stock are covered too.
"""

from django.conf import settings
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import generations


def _kind_of(sender) -> str | None:
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return None
    return settings.PAGE_CACHE_KINDS.get(meta.app_label)


def content_changed(*, kind: str) -> None:
    """Make every cached page showing ``kind`` miss; for writes that send no signal (update())."""
    # Bump now, and again when the transaction commits: a request rendering between the two
    # (it still reads the old rows) would otherwise cache the old content under the new token.
    generations.bump(kind=kind)
    transaction.on_commit(lambda: generations.bump(kind=kind), robust=True)


def _content_changed(sender, **kwargs) -> None:
    kind = _kind_of(sender)
    if kind is not None:
        content_changed(kind=kind)


def _setting_changed(**kwargs) -> None:
    # Settings shape every page (the demo-payment banner, for one); they change at run time only
    # under override_settings, and then no cached page may outlive them.
    for kind in set(settings.PAGE_CACHE_KINDS.values()):
        generations.bump(kind=kind)


def connect() -> None:
    """Listen to every model's saves, deletions and many-to-many changes, and to settings."""
    setting_changed.connect(_setting_changed, dispatch_uid="pagecache.setting_changed")
    post_save.connect(_content_changed, dispatch_uid="pagecache.post_save")
    post_delete.connect(_content_changed, dispatch_uid="pagecache.post_delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache.m2m_changed")


def _m2m_changed(sender, instance, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        # The through model and the instance may belong to different kinds (a product's
        # muscles live in the library): both change.
        _content_changed(sender)
        _content_changed(type(instance))
