"""Outgoing email for every app of the site, sent in the background after commit.

Apps render their message in the request (templates need the request's data), then call
``queue_email``; the Celery task ``deliver_email`` sends it once the transaction has committed,
so nothing is sent for data that was rolled back, and a failing mail server is retried.
"""

from django.db import transaction

from .tasks import deliver_email


def queue_email(
    *, to: list[str], subject: str, text_body: str, html_body: str | None = None
) -> None:
    """Send an email from a Celery task once the current transaction commits.

    ``robust``: if the broker cannot take the task (or, with eager tasks, the mail server keeps
    failing), the error is logged instead of turning a request whose data is already committed
    into an error page.
    """
    transaction.on_commit(
        lambda: deliver_email.delay(
            to=list(to), subject=subject, text_body=text_body, html_body=html_body
        ),
        robust=True,
    )
