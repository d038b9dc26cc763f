"""``manage.py close_resolved_support_requests``: the auto-close step, for cron or by hand."""

from django.core.management.base import BaseCommand

from shop.support import services


class Command(BaseCommand):
    help = "Close support requests resolved more than SUPPORT_AUTO_CLOSE_DAYS days ago."

    def handle(self, *args, **options) -> None:
        closed = services.close_resolved_requests()
        self.stdout.write(f"Closed {closed} resolved support request(s).")
