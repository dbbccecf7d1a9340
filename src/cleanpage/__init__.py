"""cleanpage: turn a scraped web page into its clean body, sidebar items and an explained trace.

    >>> import cleanpage
    >>> page = cleanpage.clean(open("page.txt").read())
    >>> print(page.body)
"""

from __future__ import annotations

from .api import Cleaner, clean, clean_many, list_rules
from .config import Config
from .errors import CleanpageError, ConfigError, InputError, RuleError
from .model import Block, Document, ErrorRecord, Origin, Page, Placement, Removal, Result, SidebarItem, Step
from .phrases import PhraseFamily

__version__ = "0.1.0"

__all__ = [
    "Block", "CleanpageError", "Cleaner", "Config", "ConfigError", "Document", "ErrorRecord", "InputError", "Origin",
    "Page", "PhraseFamily", "Placement", "Removal", "Result", "RuleError", "SidebarItem", "Step", "clean", "clean_many", "list_rules",
    "__version__",
]
