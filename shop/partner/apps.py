"""Oscar's app, forked into shop/ so that the project can override single classes."""

import oscar.apps.partner.apps as oscar_apps


class PartnerConfig(oscar_apps.PartnerConfig):
    name = "shop.partner"
