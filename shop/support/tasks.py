"""Scheduled work of the support app (run by Celery beat, see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import services


@shared_task
def close_resolved_requests() -> int:
    """Close requests that have stayed resolved for ``SUPPORT_AUTO_CLOSE_DAYS``."""
    return services.close_resolved_requests()
