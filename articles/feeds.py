"""The library's Atom feed of the latest published articles."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from .models import Article
from .selectors import article_cards


class LatestArticlesFeed(Feed):
    feed_type = Atom1Feed
    title = "QL Claw trigger-point library"
    subtitle = "New articles on the muscles behind low back pain."
    link = reverse_lazy("articles:index")

    def items(self):
        return article_cards()[:20]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.summary

    def item_pubdate(self, item: Article):
        return item.publish_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str:
        return item.author_name

    def item_categories(self, item: Article) -> list[str]:
        return [tag.name for tag in item.tags.all()]
