"""Site search: one box that searches every kind of content the site registers."""
