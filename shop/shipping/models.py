"""Models of the forked Oscar app: Oscar's own until the project overrides one."""

from oscar.apps.shipping.models import *  # noqa: F403
