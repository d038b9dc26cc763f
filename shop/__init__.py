"""Commerce apps: Oscar forks (catalogue, partner, shipping, checkout, payment, order) and the
project's own storefront, guarantee and support apps."""
