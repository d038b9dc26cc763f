"""``manage.py load_demo``: create or refresh the demo data. Safe to run any number of times."""

import os

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.demo import load_library_demo
from painfinder.demo import ensure_pain_finder_demo
from shop.catalogue.demo import ensure_catalogue
from shop.demo.site import ensure_countries, ensure_policy_pages, ensure_site, ensure_staff_account
from shop.guarantee.demo import ensure_guarantee_terms
from shop.shipping.demo import ensure_shipping_zones
from shop.support.demo import ensure_canned_replies


class Command(BaseCommand):
    help = "Create the demo data (site, countries, staff account, pages). Idempotent."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            site = ensure_site()
            added = ensure_countries()
            credentials = ensure_staff_account(
                password=os.environ.get("DEMO_STAFF_PASSWORD") or None
            )
            ensure_policy_pages(site)
            ensure_catalogue()
            ensure_canned_replies()
            load_library_demo()  # after the catalogue's step: it links the QL Claw to muscles
            ensure_pain_finder_demo()  # after the library's step: it redraws its regions
            ensure_shipping_zones()
            ensure_guarantee_terms()

        self.stdout.write(f"Site: {site.domain}; countries added: {added}.")
        if credentials.password:
            self.stdout.write(
                self.style.SUCCESS(
                    "Back-office account created (shown this once): "
                    f"email {credentials.email}, password {credentials.password}"
                )
            )
        else:
            self.stdout.write(
                f"Back-office account {credentials.email} exists; its password is unchanged "
                "(reset it with: python manage.py changepassword staff)."
            )
