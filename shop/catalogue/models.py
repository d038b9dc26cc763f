"""Models of the forked Oscar app: Oscar's own until the project overrides one."""

from oscar.apps.catalogue.models import *  # noqa: F403
