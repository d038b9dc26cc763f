"""``manage.py draw_illustrations``: write the static figures from their data; ``--check`` only
reports (exit status 1) which committed files no longer match it."""

from django.core.management.base import BaseCommand, CommandError

from shop.illustrations.figures import stale_files, write_files


class Command(BaseCommand):
    help = "Draw the QL Claw's how-to figures into shop/illustrations/static (SVG, PNG, WebP)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="Report stale files, write none.")

    def handle(self, *args, check: bool = False, **options) -> None:
        if check:
            stale = stale_files()
            if stale:
                raise CommandError(
                    "Stale figures (run manage.py draw_illustrations): " + ", ".join(stale)
                )
            self.stdout.write("Every figure matches its data.")
            return
        written = write_files()
        self.stdout.write(f"Wrote {len(written)} files.")
