"""Settings for the QL Claw site.

Everything deploy-specific comes from the environment (see README, "Configuration"). The embedded
defaults run the site with nothing set; ``DJANGO_ENV=production`` switches on the production
profile, which refuses to start on unsafe values.
"""

from .base import *  # noqa: F403
from .base import DJANGO_ENV

if DJANGO_ENV == "production":
    from .production import *  # noqa: F403
