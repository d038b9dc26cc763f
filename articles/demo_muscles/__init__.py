"""Demo muscles beyond the first five, one module per part of the body (issue 19).

Each module holds the same four names as ``articles.demo``: ``REFERENCES`` (sources its facts
files cite), ``MUSCLES`` (the muscle records, in the shape ``articles.demo`` documents),
``ARTICLES`` (slug, title) and ``ARTICLE_SUMMARIES``. ``articles.demo`` adds them after its own.
"""

from . import legs, trunk

GROUPS = (trunk, legs)

REFERENCES = [reference for group in GROUPS for reference in group.REFERENCES]
MUSCLES = [muscle for group in GROUPS for muscle in group.MUSCLES]
ARTICLES = [article for group in GROUPS for article in group.ARTICLES]
ARTICLE_SUMMARIES = {
    slug: text for group in GROUPS for slug, text in group.ARTICLE_SUMMARIES.items()
}
