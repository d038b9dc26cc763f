"""Background work of the library: image renditions, made after the upload's commit."""

from celery import shared_task

from .models import Figure
from .services import MAKE_FIGURE_RENDITIONS_TASK, refresh_figure_renditions


@shared_task(
    name=MAKE_FIGURE_RENDITIONS_TASK, autoretry_for=(OSError,), retry_backoff=10, max_retries=3
)
def make_figure_renditions(*, figure_id: int) -> int:
    """Make a figure's WebP renditions; return how many were written."""
    figure = Figure.objects.filter(pk=figure_id).first()
    if figure is None:  # deleted before the worker got to it
        return 0
    return len(refresh_figure_renditions(figure=figure).renditions)
