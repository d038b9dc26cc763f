"""Demo data for a first run. The one package allowed to import every app: ``load_demo``
calls each app's own demo step."""
