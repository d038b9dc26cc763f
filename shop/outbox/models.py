"""Storefront models: the outbox of customer emails."""

from django.db import models


class OutgoingEmail(models.Model):
    """An email that the site has promised to send (a transactional outbox).

    The row is written in the same transaction as the data it talks about, so an email exists
    exactly when that data does; a Celery task sends it after commit, and a periodic sweep
    re-enqueues whatever the broker lost (Redis down, a worker killed mid-task).
    """

    to = models.JSONField()
    subject = models.CharField(max_length=255)
    text_body = models.TextField()
    html_body = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["created_at"], condition=models.Q(sent_at=None), name="email_unsent_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"
