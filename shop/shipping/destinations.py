"""Where the shop does not ship, by default.

Whether a country is a destination is Oscar's ``Country.is_shipping_country``, one flag in the
database that staff change in the admin (Address, Countries); the address form, the rates and
the shipping policy page all read it. This list only sets the flag when a country is first
created (``ensure_countries``) and once in the migration that introduced it, so an edit by staff
is never overwritten.
"""

# ISO 3166-1 alpha-2 -> why there is no delivery there.
NOT_SHIPPED_TO_BY_DEFAULT: dict[str, str] = {
    # No permanent civilian population, so no postal delivery.
    "AQ": "uninhabited",  # Antarctica
    "BV": "uninhabited",  # Bouvet Island
    "GS": "uninhabited",  # South Georgia and the South Sandwich Islands
    "HM": "uninhabited",  # Heard Island and McDonald Islands
    "TF": "uninhabited",  # French Southern Territories
    "UM": "uninhabited",  # United States Minor Outlying Islands
    # Comprehensive trade sanctions or export bans that cover a US shop's goods, or carriers
    # that have suspended service. Staff should review this with the shop's advisers.
    "BY": "sanctions",  # Belarus
    "CU": "sanctions",  # Cuba
    "IR": "sanctions",  # Iran
    "KP": "sanctions",  # North Korea
    "RU": "sanctions",  # Russia
    "SY": "sanctions",  # Syria
}
