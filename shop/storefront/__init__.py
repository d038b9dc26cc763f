"""The storefront: home page, health check, error pages, header navigation, the shop's sitemap
sections and Oscar's account apps as this shop adjusts them. A plain package (nothing here needs
an app of its own): the URLs, settings and templates refer to its modules by path."""
