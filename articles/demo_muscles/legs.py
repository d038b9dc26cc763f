"""Demo muscles of the legs and pelvic floor: records, articles and the sources they cite."""

REFERENCES: list[dict] = []
MUSCLES: list[dict] = []
ARTICLES: list[tuple[str, str]] = []
ARTICLE_SUMMARIES: dict[str, str] = {}
