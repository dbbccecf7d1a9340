"""Promotional calls to action: AI-feature widgets, app downloads, newsletter pitches."""

from __future__ import annotations

from ..config import Config
from ..model import Block, Cut, Drop
from ..patterns import (
    AI_PROMO_LINE, AI_PROMO_WORDS, APP_PROMO_LINE, APP_PROMO_WORDS, NEWSLETTER_LINE, NEWSLETTER_LINE_WORDS,
    NEWSLETTER_PITCH, NEWSLETTER_WORDS,
)
from ..registry import Stage, rule

_BOTH = ("body", "sidebar")


@rule("promo.ai_features", stage=Stage.LINES, order=70, zones=_BOTH, keywords=AI_PROMO_WORDS)
def drop_ai_feature_promo(block: Block, config: Config) -> Drop | None:
    """Drop a site's "try our AI" widget line, whatever the brand.

    Targets: Explore what Daily8 AI can do for you:
    Keeps:   The bank will explore what AI can do for its customers next year.
    """
    if block.words <= config.max_ai_promo_words and AI_PROMO_LINE.fullmatch(block.text):
        return Drop("AI feature promo")
    return None


@rule("promo.app_download", stage=Stage.LINES, order=80, zones=_BOTH, keywords=APP_PROMO_WORDS)
def drop_app_promo(block: Block, config: Config) -> Drop | None:
    """Drop an invitation to install the site's app.

    Targets: Download our app
    Keeps:   Millions rushed to download the app after the launch.
    """
    if block.words <= config.max_app_promo_words and APP_PROMO_LINE.fullmatch(block.text):
        return Drop("app download promo")
    return None


@rule("promo.newsletter_line", stage=Stage.LINES, order=90, zones=_BOTH, keywords=NEWSLETTER_LINE_WORDS)
def drop_newsletter_line(block: Block, config: Config) -> Drop | None:
    """Drop a line that only asks the reader to subscribe.

    Targets: Subscribe to our newsletter
             Get all latest content delivered straight to your inbox.
             Join our newsletter for the week's best garden projects.
             Thanks for subscribing! Check your inbox to confirm.
             Jetzt zum Newsletter anmelden
    Keeps:   More than 2,000 readers subscribe to the newsletter, the editor said.
             Gardeners who subscribe to seed-company newsletters hear about new varieties first.
    """
    if block.words <= config.max_newsletter_line_words and NEWSLETTER_LINE.fullmatch(block.text):
        return Drop("newsletter sign-up prompt")
    return None


@rule("promo.newsletter_pitch", stage=Stage.INLINE, order=50, zones=_BOTH, keywords=NEWSLETTER_WORDS)
def cut_newsletter_pitches(block: Block) -> list[Cut]:
    """Cut newsletter pitches that a scraper fused into the text around them.

    Targets: New MEE newsletter: Jerusalem Dispatch Sign up to get the latest insights
             and analysis on Israel-Palestine, alongside Turkey Unpacked and other MEE newsletters
    Keeps:   The paper's newsletter: a success, the editor said. Sign-ups doubled.
    """
    return [Cut(m.start(), m.end(), "newsletter pitch inside the text") for m in NEWSLETTER_PITCH.finditer(block.text)]
