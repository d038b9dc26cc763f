"""Oscar's dashboard apps that the project adjusts (not forked: each keeps Oscar's views and
templates, with the few overrides in ``apps.py``)."""
