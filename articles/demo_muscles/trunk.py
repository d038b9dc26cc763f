"""Demo muscles of the back, trunk and neck: records, articles and the sources they cite."""

REFERENCES: list[dict] = []
MUSCLES: list[dict] = []
ARTICLES: list[tuple[str, str]] = []
ARTICLE_SUMMARIES: dict[str, str] = {}
