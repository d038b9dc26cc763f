"""Article Markdown to safe HTML: heading ids and TOC, numbered citations, figures, sanitizing.

The library's own syntax (documented in docs/library.md):

- ``[@key]`` cites the Reference with that key: a superscript number linking to the reference
  list, numbered per article in order of first use;
- ``[[figure:key]]`` alone in a paragraph places the Figure with that key as ``<figure>``.

Whatever the Markdown holds (raw HTML included), the output goes through nh3 with an allow-list,
so no script, event handler or ``javascript:`` URL survives.
"""

import html
import math
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import markdown
import nh3
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from .exceptions import UnknownFigure, UnknownReference

CITATION_PATTERN = r"\[@([A-Za-z0-9_-]+)\]"
FIGURE_PATTERN = re.compile(r"^\[\[figure:([A-Za-z0-9_-]+)\]\]$")
WORDS_PER_MINUTE = 200

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p",
    "picture", "pre", "small", "source", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
}  # fmt: skip
# Ids only where the pipeline puts them (headings, citations, figures), classes only on what the
# stylesheet styles, so Markdown cannot restyle or shadow parts of the page around it.
ALLOWED_ATTRIBUTES = {
    **{heading: {"id"} for heading in ("h2", "h3", "h4", "h5", "h6")},
    "sup": {"id", "class"},
    "figure": {"id", "class"},
    "small": {"class"},
    "a": {"href", "title", "class"},
    "abbr": {"title"},
    "img": {"src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"},
    "source": {"srcset", "sizes", "type", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}


@dataclass(frozen=True)
class FigureImage:
    """What the renderer needs of a figure (decoupled from the model for testing and preview)."""

    src: str
    width: int
    height: int
    alt: str
    caption: str
    credit: str = ""
    reference_key: str | None = None
    webp_srcset: str = ""


@dataclass
class RenderedArticle:
    html: str
    toc: list[dict] = field(default_factory=list)
    cited_keys: list[str] = field(default_factory=list)
    figure_keys: list[str] = field(default_factory=list)
    reading_minutes: int = 1


class _CitationInline(InlineProcessor):
    """``[@key]`` → a placeholder ``<sup>`` numbered later, in document order."""

    def __init__(self, pattern: str, state: "_RenderState") -> None:
        super().__init__(pattern)
        self.state = state

    def handleMatch(self, m, data):
        key = m.group(1)
        if key not in self.state.references:
            self.state.unknown_references.append(key)
        return _citation_element(key), m.start(0), m.end(0)


def _citation_element(key: str) -> etree.Element:
    sup = etree.Element("sup", {"class": "cite", "data-cite": key})
    return sup


class _FigureBlock(BlockProcessor):
    def __init__(self, parser, state: "_RenderState") -> None:
        super().__init__(parser)
        self.state = state

    def test(self, parent, block) -> bool:
        return bool(FIGURE_PATTERN.match(block.strip()))

    def run(self, parent, blocks) -> None:
        key = FIGURE_PATTERN.match(blocks.pop(0).strip()).group(1)
        figure = self.state.figures.get(key)
        if figure is None:
            self.state.unknown_figures.append(key)
            return
        if key not in self.state.figure_keys:
            self.state.figure_keys.append(key)
        element = etree.SubElement(parent, "figure", {"class": "figure", "id": f"figure-{key}"})
        picture = etree.SubElement(element, "picture")
        if figure.webp_srcset:
            etree.SubElement(
                picture,
                "source",
                {"type": "image/webp", "srcset": figure.webp_srcset, "sizes": FIGURE_SIZES},
            )
        etree.SubElement(
            picture,
            "img",
            {
                "src": figure.src,
                "width": str(figure.width),
                "height": str(figure.height),
                "alt": figure.alt,
                "loading": "lazy",
                "decoding": "async",
            },
        )
        caption = etree.SubElement(element, "figcaption")
        self._append_text(caption, figure.caption)
        if figure.credit or figure.reference_key:
            credit = etree.SubElement(caption, "small", {"class": "figure__credit"})
            self._append_text(credit, f" {figure.credit}" if figure.credit else " ")
            if figure.reference_key:
                # "Diagram after [1]": the marker follows the credit's last word, spaced.
                if figure.credit and not figure.credit.endswith(" "):
                    self._append_text(credit, " ")
                self._append_cite(credit, figure.reference_key)

    def _append_cite(self, parent: etree.Element, key: str) -> None:
        if key not in self.state.references:
            self.state.unknown_references.append(key)
        parent.append(_citation_element(key))

    def _append_text(self, parent: etree.Element, text: str) -> None:
        """Caption text, its ``[@key]`` markers made citations like the body's (not left raw)."""
        for index, part in enumerate(re.split(CITATION_PATTERN, text)):
            if index % 2:
                self._append_cite(parent, part)
            elif len(parent):
                parent[-1].tail = (parent[-1].tail or "") + part
            else:
                parent.text = (parent.text or "") + part


FIGURE_SIZES = "(min-width: 48rem) 44rem, 100vw"


class _NumberCitations(Treeprocessor):
    """Numbers citation placeholders in document order and links each to the reference list."""

    def __init__(self, md, state: "_RenderState") -> None:
        super().__init__(md)
        self.state = state

    def run(self, root):
        uses: dict[str, int] = {}
        for sup in root.iter("sup"):
            key = sup.attrib.pop("data-cite", None)
            if key is None:
                continue
            if key not in self.state.cited_keys:
                self.state.cited_keys.append(key)
            number = self.state.cited_keys.index(key) + 1
            uses[key] = uses.get(key, 0) + 1
            sup.set("id", f"cite-{key}-{uses[key]}")
            link = etree.SubElement(sup, "a", {"href": f"#ref-{key}", "class": "cite__link"})
            link.text = f"[{number}]"
        return None


@dataclass
class _RenderState:
    references: frozenset[str]
    figures: Mapping[str, FigureImage]
    cited_keys: list[str] = field(default_factory=list)
    figure_keys: list[str] = field(default_factory=list)
    unknown_references: list[str] = field(default_factory=list)
    unknown_figures: list[str] = field(default_factory=list)


class _LibraryExtension(Extension):
    def __init__(self, state: _RenderState) -> None:
        super().__init__()
        self.state = state

    def extendMarkdown(self, md) -> None:
        md.parser.blockprocessors.register(
            _FigureBlock(md.parser, self.state), "library_figure", 105
        )
        md.inlinePatterns.register(
            _CitationInline(CITATION_PATTERN, self.state), "library_citation", 175
        )
        # After inline patterns (20) so every citation exists, before prettify (10).
        md.treeprocessors.register(_NumberCitations(md, self.state), "library_citations", 15)


def sanitize_html(raw_html: str) -> str:
    """HTML cut down to the library's allow-list: no script, style, event handler or
    ``javascript:`` link survives. Staff-written pages elsewhere (flatpages) share it."""
    return nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def _toc_entries(tokens: list[dict]) -> list[dict]:
    entries = []
    for token in tokens:
        entries.append(
            {"level": token["level"], "id": token["id"], "name": html.unescape(token["name"])}
        )
        entries.extend(_toc_entries(token["children"]))
    return entries


def reading_minutes(text: str) -> int:
    return max(1, math.ceil(len(re.findall(r"\w+", text)) / WORDS_PER_MINUTE))


def render_markdown(
    text: str,
    *,
    reference_keys: set[str] | frozenset[str],
    figures: Mapping[str, FigureImage] | Callable[[], Mapping[str, FigureImage]],
) -> RenderedArticle:
    """Render article Markdown; raise ``UnknownReference``/``UnknownFigure`` for missing keys."""
    state = _RenderState(
        references=frozenset(reference_keys),
        figures=figures() if callable(figures) else figures,
    )
    md = markdown.Markdown(
        extensions=[
            "toc",
            "tables",
            "sane_lists",
            "smarty",
            _LibraryExtension(state),
        ],
        extension_configs={"toc": {"toc_depth": "2-3"}},
        output_format="html",
    )
    body = md.convert(text)
    if state.unknown_references:
        raise UnknownReference(sorted(set(state.unknown_references)))
    if state.unknown_figures:
        raise UnknownFigure(sorted(set(state.unknown_figures)))
    return RenderedArticle(
        html=sanitize_html(body),
        toc=_toc_entries(md.toc_tokens),
        cited_keys=state.cited_keys,
        figure_keys=state.figure_keys,
        reading_minutes=reading_minutes(text),
    )
