"""The email outbox: every email the site sends is stored here and delivered by a Celery task."""
