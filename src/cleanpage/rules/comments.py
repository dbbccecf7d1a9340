"""Comment widgets: their labels, empty-state notices, the comment form, and a blog's
thread of reader comments."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..config import Config
from ..model import Block, Document, Drop
from ..patterns import (
    AGE_LINE, CLOCK, COMMENT_DATE, COMMENT_FORM_LINE, COMMENT_FORM_WORDS, COMMENT_HEADER, COMMENT_HEADER_WORDS,
    COMMENT_POLICY_START, COMMENT_POLICY_WORDS, INNER_SENTENCE_END,
    COMMENT_REPLY_LINE, COMMENTS_EMPTY_LINE, COMMENTS_EMPTY_WORDS, COMMENTS_LABEL_LINE, COMMENTS_LABEL_WORDS,
    QUOTE_EXPANDER_LINE, QUOTE_EXPANDER_WORDS, YEAR,
)
from ..registry import Stage, rule
from ..text import is_prose


@rule("comments.label", stage=Stage.LINES, order=20, keywords=COMMENTS_LABEL_WORDS)
def drop_comments_label(block: Block, config: Config) -> Drop | None:
    """Drop the heading or counter of a comments widget, or a post's like counter.

    Also in Spanish, German, French, Portuguese and Italian ("14 Comentarios", "3 Kommentare").
    Targets: Comments
             7 Likes
    Keeps:   Comments from the minister angered the opposition.
             12 likes and 3 shares in an hour, the agency said.
    """
    if block.words <= config.max_comment_label_words and COMMENTS_LABEL_LINE.fullmatch(block.text):
        return Drop("comments widget label")
    return None


@rule("comments.quote_expander", stage=Stage.LINES, order=25, keywords=QUOTE_EXPANDER_WORDS)
def drop_quote_expander(block: Block) -> Drop | None:
    """Drop a forum's "expand" control printed under a collapsed quote.

    Targets: Click to expand...
    Keeps:   Click to expand the menu, then choose Settings.
    """
    if QUOTE_EXPANDER_LINE.fullmatch(block.text):
        return Drop("forum quote expander")
    return None


@rule("comments.empty_notice", stage=Stage.LINES, order=30, keywords=COMMENTS_EMPTY_WORDS)
def drop_empty_comment_notice(block: Block, config: Config) -> Drop | None:
    """Drop the placeholder shown before anyone has commented, or once comments are closed.

    The same notices are read in German, French, Spanish, Portuguese and Italian.
    Targets: No comments yet...
             Kommentare sind geschlossen.
    Keeps:   He declined to comment on the plan.
             Aucun commentaire.
    """
    if block.words <= config.max_comment_notice_words and COMMENTS_EMPTY_LINE.fullmatch(block.text):
        return Drop("empty comments notice")
    return None


@rule("comments.form", stage=Stage.LINES, order=40, keywords=COMMENT_FORM_WORDS)
def drop_comment_form(block: Block, config: Config) -> Drop | None:
    """Drop the prompts and fine print of a comment form.

    The same prompts are read in Spanish, French, German, Portuguese and Italian.
    Targets: Your email address will not be published. Required fields are marked *
             Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert
    Keeps:   Leave a comment in the guest book, the sign at the door says.
    """
    if block.words <= config.max_comment_form_words and COMMENT_FORM_LINE.fullmatch(block.text):
        return Drop("comment form")
    return None


@rule("comments.policy", stage=Stage.LINES, order=42, keywords=COMMENT_POLICY_WORDS)
def drop_comment_policy(block: Block, config: Config) -> Drop | None:
    """Drop a comment section's house rules: moderation, the site's right to delete, whose opinion a comment is.

    Read in English, Spanish, French, German, Portuguese and Italian. The line must open
    with the rule and be a sentence or two: an article that reports on a site's
    moderation says so inside a longer paragraph, or after a subject of its own.
    Targets: El contenido de los comentarios es la opinión de los usuarios o internautas no de ultimahora.es.
             ultimahora.es se reserva el derecho de eliminar cualquier comentario inapropiado.
    Keeps:   The forum said all comments are moderated before they appear. (a report)
             Comments are moderated by volunteers. They removed 40,000 posts last year. The company
             hired ten more. (a paragraph that goes on)
    """
    if block.words > config.max_comment_policy_words or not COMMENT_POLICY_START.match(block.text):
        return None
    if len(INNER_SENTENCE_END.findall(block.text)) > 1:
        return None  # three sentences or more: a paragraph, not a notice
    return Drop("comment policy notice")


@rule("comments.thread", stage=Stage.LINES, order=5, context=True, keywords=COMMENT_HEADER_WORDS)
@dataclass(frozen=True)
class DropCommentThread:
    """Drop a blog's thread of reader comments: each comment's header, date, text and reply link.

    A comment starts with a header line, "<name> says" (sagt, dit, dice, diz, disse, zegt),
    with its date on the next line; a thread is at least ``min_comment_headers`` of them.
    Each comment runs to the next header; the last one to its reply link, or, without
    one, only its header and date go. A comment longer than ``max_comment_lines`` lines
    loses only its header, date and reply link.
    Targets: Maria says / March 3, 2021 at 9:15 am / Lovely project, I made one for my sister. / Reply
    Keeps:   forum posts ("Jeff said:", "Anna wrote:"), which are the page's content; a single
             "<name> says" line, or one without a date under it ("The minister says").
    """

    min_headers: int
    max_header_words: int
    max_lines: int
    max_date_words: int

    @classmethod
    def from_config(cls, config: Config) -> DropCommentThread:
        return cls(config.min_comment_headers, config.max_comment_header_words, config.max_comment_lines,
                   config.max_date_line_words)

    def _header(self, b: Block) -> bool:
        return b.words <= self.max_header_words and COMMENT_HEADER.fullmatch(b.text) is not None

    def _date(self, b: Block) -> bool:
        return b.words <= self.max_date_words and (
            AGE_LINE.fullmatch(b.text) is not None or COMMENT_DATE.search(b.text) is not None)

    def __call__(self, doc: Document) -> Iterator[tuple[Block, Drop]]:
        last_words = [b._kw[-1] for b in doc.blocks if b._kw]  # noqa: SLF001 - the parse's keywords
        if COMMENT_HEADER_WORDS.isdisjoint(last_words) or sum(
                w in COMMENT_HEADER_WORDS for w in last_words) < self.min_headers:
            return  # most pages: no line ends in a header's verb
        body = doc.body
        heads = [i for i in range(len(body) - 1) if self._header(body[i]) and self._date(body[i + 1])]
        if len(heads) < self.min_headers:
            return
        names = [COMMENT_HEADER.fullmatch(body[at].text)["name"] for at in heads]  # type: ignore[index]
        yield from _thread_drops(body, heads, names, self.max_lines, "header")


def _thread_drops(body: list[Block], heads: list[int], names: list[str], max_lines: int,
                 header: str) -> Iterator[tuple[Block, Drop]]:
    """The drops of a comment thread whose comments start at ``heads`` (positions in ``body``;
    each a header line, ``header`` in the reasons, then a date line). Each comment runs to the
    next header; the last one to its reply link, or, without one, only its header and date go.
    A comment longer than ``max_lines`` lines loses only its header, date and reply link."""
    for n, at in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else _last_end(body, at, max_lines)
        whole = end - at <= max_lines
        for i in range(at, end):
            b = body[i]
            if i == at:
                why = header
            elif i == at + 1:
                why = "date"
            elif COMMENT_REPLY_LINE.fullmatch(b.text):
                why = "reply link"
            elif whole:
                why = "text"
            else:
                continue
            yield b, Drop(f"reader comment {n + 1} of {len(heads)} ({names[n]}): its {why}")


def _last_end(body: list[Block], at: int, max_lines: int) -> int:
    """Where a thread's last comment ends: after its reply link, or after its date."""
    for i in range(at + 2, min(at + 2 + max_lines, len(body))):
        if COMMENT_REPLY_LINE.fullmatch(body[i].text):
            return i + 1
    return at + 2


_SHAPE_DIGITS = regex.compile(r"\d+")
_LETTER = regex.compile(r"\p{L}")  # a name has letters; "#2", a post's number, has none
_YEAR = re.compile(YEAR)  # COMMENT_DATE's two parts, each required here; re, not regex: several
_CLOCK = re.compile(CLOCK)  # times faster on a short line
_SHAPE_WORDS = regex.compile(r"\p{L}+")


def date_shape(text: str) -> str:
    """A date line's layout without its values: "December 18, 2025, 9:46 pm" -> "a 0, 0, 0:0 a".

    The comments of one thread print their dates in one layout; an article's own date
    line, above them, rarely has the same one (it has no clock time, or a label)."""
    return _SHAPE_WORDS.sub("a", _SHAPE_DIGITS.sub("0", text.casefold()))


@rule("comments.dated_thread", stage=Stage.LINES, order=6, context=True, once=True)
@dataclass(frozen=True)
class DropDatedCommentThread:
    """Drop a thread of reader comments under an article, each headed by a name and a date line.

    A header is a short line without a sentence end (the commenter's name) over a date
    line; a thread is at least ``min_dated_comments`` headers whose dates share one
    layout, the first of them under at least ``min_article_words`` words of prose that
    hold no such header. Each comment is dropped as ``comments.thread`` drops one. The thread
    is judged once, on the page as parsed: once ``meta.date_line`` has filed a forum's first
    date away, its first post would read as an article above the replies.
    Targets: Maria Lopez / March 3, 2021 at 9:15 am / Lovely project, I made one for my sister. /
             Reply / Tom K / March 5, 2021 at 6:40 pm / ...   (under the article)
    Keeps:   forum threads, whose first post has a header of the same layout as the replies;
             an article's own byline and date; a single dated note; HTML pages (text only).
    """

    min_comments: int
    min_article_words: int
    max_name_words: int
    max_lines: int
    max_date_words: int

    @classmethod
    def from_config(cls, config: Config) -> DropDatedCommentThread:
        return cls(config.min_dated_comments, config.min_comment_article_words, config.max_comment_name_words,
                   config.max_comment_lines, config.max_date_line_words)

    def _stamp(self, b: Block) -> bool:
        """A timestamp line: a date with its year and a clock time ("March 3, 2021 at 9:15 am")."""
        t = b.text
        return (b.words <= self.max_date_words and _CLOCK.search(t) is not None and _YEAR.search(t) is not None
                and AGE_LINE.fullmatch(t) is not None)

    def _name(self, b: Block) -> bool:
        return 0 < b.words <= self.max_name_words and not b.ends_sentence and _LETTER.search(b.text) is not None

    def __call__(self, doc: Document) -> Iterator[tuple[Block, Drop]]:
        # HTML: the DOM model judges a comment section by its markup, and where it has dropped a
        # forum's first post header, the first post would read as an article above the replies
        if doc.kind != "text":
            return
        body = doc.body
        heads: dict[str, list[int]] = {}  # date layout -> the headers with a date of that layout
        most = self.max_date_words
        near = [i for i, b in enumerate(body) if b.words <= most and (":" in b.text or "." in b.text)]  # cheap first
        for i in near:
            if i and self._stamp(body[i]) and self._name(body[i - 1]):
                heads.setdefault(date_shape(body[i].text), []).append(i - 1)
        thread = max(heads.values(), key=len, default=[])
        if len(thread) < self.min_comments:
            return
        prose = sum(b.words for b in body[:thread[0]] if is_prose(b))
        if prose < self.min_article_words:
            return  # no article above the first header: a forum or a list of dated entries
        yield from _thread_drops(body, thread, [body[at].text for at in thread], self.max_lines, "name")


_SIGNATURE = regex.compile(r"[\u2013\u2014]\s?(?=\S)(?P<name>.*\p{L}.*)")  # "– name": not "-", which opens list items
_DASH_OPENERS = frozenset("\u2013\u2014")
_COLON_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")  # a timestamp's clock time; "2.23.2025" is a date


@rule("comments.signed", stage=Stage.LINES, order=7, context=True, once=True)
@dataclass(frozen=True)
class DropSignedComments:
    """Drop reader comments signed under their text, as Q&A sites print them in text.

    A signature is a short line that opens with an en or em dash and a name, with no
    sentence end, over a timestamp (a year and a clock time; one or two such lines). A
    thread is at least ``min_signed_comments`` of them. Each comment goes whole: its text
    (the line above the signature, or above the name printed bare before it), the name,
    the signature and its timestamps. Judged once, on the page as parsed.
    Targets: Pinch the tops off every week, and it will branch instead of flowering. / Ana Ruiz /
             – Ana Ruiz / 2021-06-02 09:41:17 +00:00 / Commented Jun 2, 2021 at 9:41
             (and another comment signed the same way)
    Keeps:   a quotation's attribution ("— Mary Oliver", no timestamp under it); a single
             signed note; HTML pages, whose comments the DOM model reads by their markup.
    """

    min_comments: int
    max_words: int
    max_date_words: int

    @classmethod
    def from_config(cls, config: Config) -> DropSignedComments:
        return cls(config.min_signed_comments, config.max_comment_signature_words, config.max_date_line_words)

    def _stamp(self, b: Block) -> bool:
        """A timestamp line: "2019-03-26 16:40:42 +00:00", "Commented Mar 26, 2019 at 16:40". Its clock
        time has a colon: "Trustpilot, 2.23.2025" under a testimonial's "– Linda" is a date alone."""
        t = b.text
        return b.words <= self.max_date_words and _COLON_CLOCK.search(t) is not None and _YEAR.search(t) is not None

    def _stamps(self, body: list[Block], i: int) -> list[int]:
        """The timestamp lines right under ``body[i]``: none, one or two."""
        out = []
        for k in range(i + 1, min(i + 3, len(body))):
            if not self._stamp(body[k]):
                break
            out.append(k)
        return out

    def __call__(self, doc: Document) -> Iterator[tuple[Block, Drop]]:
        if doc.kind != "text":
            return
        body = doc.body
        most = self.max_words
        signed = [(i, stamps) for i, b in enumerate(body)
                  if b.words <= most and b.text[0] in _DASH_OPENERS and not b.ends_sentence
                  and _SIGNATURE.fullmatch(b.text) and (stamps := self._stamps(body, i))]
        if len(signed) < self.min_comments:
            return
        n = len(signed)
        done = 0  # body[:done] belongs to comments already dropped
        for c, (i, stamps) in enumerate(signed, 1):
            name = _SIGNATURE.fullmatch(body[i].text)["name"].strip()  # type: ignore[index]
            why = f"reader comment {c} of {n} (signed {name})"
            k = i - 1
            parts: list[tuple[int, str]] = []
            if k >= done and body[k].text == name:
                parts.append((k, "name"))
                k -= 1
            if k >= done and not self._stamp(body[k]) and body[k].text[0] not in _DASH_OPENERS:
                parts.append((k, "text"))
            for at, part in reversed(parts):
                yield body[at], Drop(f"{why}: its {part}")
            yield body[i], Drop(f"{why}: its signature")
            for at in stamps:
                yield body[at], Drop(f"{why}: its timestamp")
            done = stamps[-1] + 1
