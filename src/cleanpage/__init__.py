"""cleanpage: turn a scraped web page into its clean body, sidebar items and an explained trace.

    >>> import cleanpage
    >>> page = cleanpage.clean(open("page.txt").read())
    >>> print(page.body)
"""

from __future__ import annotations

from .api import Cleaner, clean, list_rules
from .config import Config
from .errors import CleanpageError, ConfigError, InputError, RuleError
from .model import Block, Document, Origin, Page, Placement, Removal, SidebarItem, Step
from .phrases import PhraseFamily

__version__ = "0.1.0"

__all__ = [
    "Block", "CleanpageError", "Cleaner", "Config", "ConfigError", "Document", "InputError", "Origin", "Page",
    "PhraseFamily", "Placement", "Removal", "RuleError", "SidebarItem", "Step", "clean", "list_rules", "__version__",
]
