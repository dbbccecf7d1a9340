"""Web forms printed into the page text: contact, sign-up and lead forms."""

from __future__ import annotations

from ..config import Config
from ..model import Block, Drop
from ..patterns import FORM_FIELD_LINE
from ..registry import Stage, rule


# prefilter: the required-field mark, which every label has, is on 1.5 lines of a WCXB page; the
# field names (name, email, number, title, ...) were on 14
@rule("forms.field_label", stage=Stage.LINES, order=45, zones=("body", "sidebar"), pattern="*")
def drop_form_field_label(block: Block, config: Config) -> Drop | None:
    """Drop the label of a required form field, in several languages.

    Only a field name marked required by its asterisk counts: that mark is what a
    form prints and prose does not.
    Targets: First Name *
             Correo electrónico (*):   (the mark in brackets)
    Keeps:   First name, then last name (no asterisk); Annual Percentage Rate* (not a field name).
    """
    if block.words <= config.max_form_label_words and FORM_FIELD_LINE.fullmatch(block.text):
        return Drop("required form field label")
    return None
