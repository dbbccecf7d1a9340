"""Config: the one place options and thresholds enter."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Literal

from .errors import ConfigError
from .phrases import DEFAULT_FAMILIES, PhraseFamily, merge_families


@dataclass(frozen=True)
class Config:
    """Options for ``clean()``. Frozen: make variants with ``dataclasses.replace``.

    ``disabled`` switches rules off by dotted name (``"share.widget_label"``) or by
    family (``"share"``). Thresholds carry their unit in the name.
    """

    disabled: frozenset[str] = field(default_factory=frozenset)
    preview: bool = False  # also run rules marked preview (newer, riskier)
    input_format: Literal["auto", "text", "html"] = "auto"
    # chrome phrases: more families, or more patterns for a default family of the same name
    # ("cookies", "account", "skip_links", "browser", "legal", "social", "breadcrumb", "related");
    # a family with a new name is dropped by the rule ``chrome.custom``
    chrome_phrases: tuple[PhraseFamily, ...] = ()
    # text input: the line model and title model files (JSON, as training/text/ writes them);
    # None: the models shipped with cleanpage
    line_model: str | None = None
    title_model: str | None = None
    # the line model judges pages of at least this many non-blank lines (WCXB renderings have
    # about 290; on pages of under 20 lines it changed the held-out F1 by less than 0.0001)
    min_scored_lines: int = 20
    # ... and of at most this many characters (its arrays grow with the page's words and lines:
    # 1 MB of corpus pages peaks at 22 MB in benchmarks/hostile.py): a longer page is cleaned by
    # the named rules alone, with a ``line_model`` warning. WCXB renderings have about 16,000
    max_scored_chars: int = 2_000_000
    # a title is a short headline-shaped first block; a " - Site" suffix of at most
    # max_title_site_words words, after at least min_title_words_before_site, is the site
    max_title_words: int = 30
    max_title_site_words: int = 4
    min_title_words_before_site: int = 3
    # card segmentation in sidebar sections
    max_card_meta_words: int = 6  # source / label / category lines
    max_card_meta_lines: int = 4  # metadata lines before a card's headline
    max_headline_words: int = 30
    min_summary_words: int = 8
    max_age_words: int = 8  # "Updated: 7 July 2025 21:04"
    max_card_label_words: int = 5  # "Editor's choice"
    max_section_heading_words: int = 8  # "Related Articles", "More from The Safari Post"
    max_weak_heading_words: int = 4  # "Popular", "Latest updates"
    # a section heading printed more often than this among the heading_repeat_lines lines before and
    # after it is a link's label under each item ("Read More" after every teaser of a listing)
    max_section_heading_repeats: int = 2
    heading_repeat_lines: int = 20
    # inline chrome: the longest teaser headline cut together with its "Read More"
    max_teaser_words: int = 30
    teaser_window_chars: int = 600  # how far back before "Read More" a teaser headline is looked for
    max_caption_words: int = 40
    # whole lines of chrome: the longest line each family takes
    max_ad_marker_words: int = 10
    max_comment_label_words: int = 6
    max_comment_notice_words: int = 16
    max_comment_form_words: int = 24
    max_comment_policy_words: int = 40  # a comment section's house rules: a sentence or two
    max_feedback_words: int = 15  # "Was this page helpful? Yes No"
    max_feedback_lines: int = 8  # the widget's lines under its question: buttons, star rating, thanks
    max_qa_meta_words: int = 16  # "4,701 18 18 gold badges 53 53 silver badges 69 69 bronze badges"
    max_form_label_words: int = 6  # "Email Address *", "Company Name *"
    # a blog's comment thread (comments.thread): at least min_comment_headers "<name> says"
    # headers, each at most max_comment_header_words words; a comment longer than
    # max_comment_lines lines loses only its header, date and reply link
    min_comment_headers: int = 2
    max_comment_header_words: int = 15
    max_comment_lines: int = 40
    # a thread of dated comments under an article (comments.dated_thread): at least
    # min_dated_comments name-then-date headers, under min_comment_article_words words of prose
    min_dated_comments: int = 3
    min_comment_article_words: int = 150
    max_comment_name_words: int = 4
    # comments signed under their text (comments.signed): at least min_signed_comments
    # "– name" lines of at most max_comment_signature_words words over a timestamp
    min_signed_comments: int = 2
    max_comment_signature_words: int = 6
    max_credit_line_words: int = 20  # "Photo: Getty Images"
    max_caption_line_words: int = 60
    max_ai_promo_words: int = 14
    max_app_promo_words: int = 16
    max_newsletter_line_words: int = 30
    max_share_words: int = 12
    max_tags_label_words: int = 3
    max_tag_list_words: int = 40
    max_read_more_line_words: int = 40
    # a table of contents (toc.contents): a heading of at most toc_max_heading_words words, at most
    # toc_max_entries entries of at most toc_max_entry_words words each, at least toc_min_repeated of
    # them (and half) printed again below as the article's subheadings
    toc_max_heading_words: int = 6
    toc_max_entries: int = 60
    toc_max_entry_words: int = 15
    toc_min_repeated: int = 2
    max_link_hint_text_words: int = 8  # "Instagram Opens in a new tab": the link's text before a bare hint
    # metadata lines around the article
    max_wire_credit_words: int = 10
    max_source_line_words: int = 24
    max_byline_words: int = 14
    max_date_line_words: int = 10
    # hard-wrapped text (breaks.hard_wrap): the page's longest line is between these widths,
    # and at least hard_wrap_min_lines lines come within hard_wrap_slack characters of it
    hard_wrap_min_width: int = 60
    hard_wrap_max_width: int = 100
    hard_wrap_slack: int = 15
    hard_wrap_min_lines: int = 4
    # a block printed twice in a row goes from this length; repeats further apart
    # only when they are prose paragraphs of at least dedupe_min_prose_words
    dedupe_min_words: int = 3
    dedupe_min_prose_words: int = 15
    # ... except a lone repeat the line model (preview) scores as content with at least this
    dedupe_keep_content_score: float = 0.9
    # guard: inline cuts may not take more than this share of a block's words,
    # in blocks of at least guard_min_words
    max_cut_ratio: float = 0.5
    guard_min_words: int = 20
    # the pipeline loops until nothing changes; this bounds the loop
    max_passes: int = 50
    # limits (README, "Reliability"): input over max_bytes (UTF-8 bytes for str input) raises
    # InputError, or with truncate=True is cut at the last line break before the limit and
    # cleaned with a warning. None: no limit
    max_bytes: int | None = 20_000_000
    truncate: bool = False
    # the rules stop once this many seconds have passed since clean() began: the page then
    # holds the input with the removals finished so far, and says so in its warnings. Pages
    # take milliseconds; the default only stops input built to be slow. None: no limit
    timeout_s: float | None = 60.0
    # a longer line (or HTML block) is read as several blocks, cut after sentence ends:
    # every edit of a block costs time in proportion to its length
    max_block_chars: int = 10_000

    def __post_init__(self) -> None:
        disabled = self.disabled
        if isinstance(disabled, str) or not isinstance(disabled, Iterable):
            raise ConfigError(f"disabled must be a set of rule names, got {disabled!r}")
        names = frozenset(disabled)
        bad = [n for n in names if not isinstance(n, str) or not n]
        if bad:
            raise ConfigError(f"disabled holds non-names: {bad!r}")
        object.__setattr__(self, "disabled", names)
        if self.input_format not in ("auto", "text", "html"):
            raise ConfigError(f"input_format must be 'auto', 'text' or 'html', got {self.input_format!r}")
        for f in fields(self):
            if f.type != "int":
                continue
            value = getattr(self, f.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"{f.name} must be a positive integer, got {value!r}")
        phrases = self.chrome_phrases
        if isinstance(phrases, PhraseFamily):
            phrases = (phrases,)
        if isinstance(phrases, (str, bytes)) or not isinstance(phrases, Iterable):
            raise ConfigError(f"chrome_phrases must be a tuple of cleanpage.PhraseFamily, got {phrases!r}")
        phrases = tuple(phrases)
        for f in phrases:
            if not isinstance(f, PhraseFamily):
                raise ConfigError(f"chrome_phrases holds {f!r}, not a cleanpage.PhraseFamily")
            problem = f.problem()
            if problem:
                raise ConfigError(f"chrome_phrases: family {f.name!r}: {problem}")
        object.__setattr__(self, "chrome_phrases", phrases)
        for name in ("line_model", "title_model"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise ConfigError(f"{name} must be a path (str) or None, got {value!r}")
        if self.min_scored_lines < 10:
            raise ConfigError(f"min_scored_lines must be at least 10 (the line model reads windows of up to "
                              f"20 lines around a line), got {self.min_scored_lines!r}")
        if not isinstance(self.max_cut_ratio, (int, float)) or not 0.0 < self.max_cut_ratio <= 1.0:
            raise ConfigError(f"max_cut_ratio must be in (0, 1], got {self.max_cut_ratio!r}")
        mb = self.max_bytes
        if mb is not None and (not isinstance(mb, int) or isinstance(mb, bool) or mb < 1):
            raise ConfigError(f"max_bytes must be a positive integer or None (no limit), got {mb!r}")
        if not isinstance(self.truncate, bool):
            raise ConfigError(f"truncate must be True or False, got {self.truncate!r}")
        t = self.timeout_s
        if t is not None and (not isinstance(t, (int, float)) or isinstance(t, bool) or not 0 < t < float("inf")):
            raise ConfigError(f"timeout_s must be a positive number of seconds or None (no limit), got {t!r}")
        if self.hard_wrap_min_width > self.hard_wrap_max_width:
            raise ConfigError(f"hard_wrap_min_width ({self.hard_wrap_min_width}) must not exceed "
                              f"hard_wrap_max_width ({self.hard_wrap_max_width})")
        if self.max_block_chars < 1000:
            raise ConfigError(f"max_block_chars must be at least 1000 (shorter pieces of a line could pass "
                              f"for headlines), got {self.max_block_chars!r}")

    def phrase_families(self) -> tuple[PhraseFamily, ...]:
        """The default chrome phrase families with ``chrome_phrases`` merged in."""
        return merge_families(DEFAULT_FAMILIES, self.chrome_phrases)

    def enabled(self, name: str, *, preview: bool = False) -> bool:
        """Whether rule ``name`` runs under this config."""
        if preview and not self.preview:
            return False
        if name in self.disabled:
            return False
        family = name.split(".", 1)[0]
        return family not in self.disabled
