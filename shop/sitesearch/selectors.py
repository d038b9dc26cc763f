"""Running a site search: clean the query, rank each registered kind, group the results.

PostgreSQL ranks with full-text search (``websearch_to_tsquery`` against the kind's weighted
vector: the stored one under its GIN index where the kind has it, else computed per query).
Other databases get a plain fallback: every word must appear in some field, and the rank adds
up the weights of the fields each word appears in, so a title match still beats a body match.
Each kind costs the same few queries whatever the number of rows (one page of results with its
prefetches, and one count).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from .registry import SEARCH_CONFIG, SearchableKind, search_vector, site_search

MAX_QUERY_LENGTH = 100  # longer queries are cut, and the page says so
MAX_WORDS = 8
RESULTS_PER_KIND = 10
FALLBACK_WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}

WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class CleanQuery:
    text: str  # what is searched for
    was_cut: bool  # the visitor's query was longer than MAX_QUERY_LENGTH

    def __bool__(self) -> bool:
        return bool(WORD.search(self.text))


@dataclass(frozen=True)
class ResultGroup:
    kind: SearchableKind
    results: list
    total: int


def clean_query(raw: str) -> CleanQuery:
    """Drop control characters (PostgreSQL refuses NUL), squash spaces, cut to a sane length."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in raw or ""
    )
    text = " ".join(text.split())
    was_cut = len(text) > MAX_QUERY_LENGTH
    return CleanQuery(text=text[:MAX_QUERY_LENGTH].strip(), was_cut=was_cut)


def _postgres_ranked(kind: SearchableKind, query: CleanQuery) -> QuerySet:
    search_query = SearchQuery(query.text, search_type="websearch", config=SEARCH_CONFIG)
    if kind.document:  # the stored vector: read by the query, not needed by the page
        vector, rows = F(kind.document), kind.queryset().defer(kind.document)
    else:
        vector, rows = search_vector(kind.fields), kind.queryset()
    return (
        rows.alias(search_vector=vector)
        .filter(search_vector=search_query)
        .annotate(search_rank=SearchRank(F("search_vector"), search_query))
    )


def _fallback_ranked(kind: SearchableKind, query: CleanQuery) -> QuerySet:
    words = WORD.findall(query.text)[:MAX_WORDS]
    matches = Q()
    rank = Value(0.0, output_field=FloatField())
    for word in words:
        word_matches = Q()
        for name, weight in kind.fields:
            field_match = Q(**{f"{name}__icontains": word})
            word_matches |= field_match
            rank = rank + Case(
                When(field_match, then=Value(FALLBACK_WEIGHTS[weight])),
                default=Value(0.0),
                output_field=FloatField(),
            )
        matches &= word_matches
    return kind.queryset().filter(matches).annotate(search_rank=Coalesce(rank, 0.0))


def ranked(kind: SearchableKind, query: CleanQuery) -> QuerySet:
    """The rows of one kind that match the query, best first."""
    if connection.vendor == "postgresql":
        queryset = _postgres_ranked(kind, query)
    else:
        queryset = _fallback_ranked(kind, query)
    return queryset.order_by(F("search_rank").desc(), "pk")


def search(query: CleanQuery) -> list[ResultGroup]:
    """Every registered kind's best matches, in the registry's order; kinds without a match
    are left out."""
    if not query:
        return []
    groups = []
    for kind in site_search.kinds():
        matches = ranked(kind, query)
        results = list(matches[:RESULTS_PER_KIND])
        if not results:
            continue
        # Always counted, even when the page holds every match, so that the page's queries
        # are the same however many rows there are (the benchmark checks it).
        groups.append(ResultGroup(kind=kind, results=results, total=matches.count()))
    return groups
