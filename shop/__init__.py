"""The site's apps: Oscar forks (catalogue, partner, shipping, checkout, payment, order), the
shop's own apps (storefront, guarantee, support, site search, page cache), the site-wide pieces
every app may use (outbox, security, private files, back-office roles) and the demo data.
docs/architecture.md says which may import which."""
