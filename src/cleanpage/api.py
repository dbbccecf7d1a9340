"""The public entry points: ``clean()`` and ``list_rules()``."""

from __future__ import annotations

from .config import Config
from .errors import ConfigError, InputError
from .model import Page
from .parse import parse
from .pipeline import check_config, registry, run

_DEFAULT = Config()


def clean(source: str | bytes, *, url: str | None = None, config: Config | None = None) -> Page:
    """Clean one page: plain text (one block per line) or HTML, as str or bytes.

    Bytes are decoded as UTF-8 (BOM honoured), else by the page's declared charset,
    else cp1252, else Latin-1, so decoding never fails. Empty input gives an empty page.
    Raises ``InputError`` for anything but str/bytes and ``ConfigError`` for a bad config.
    """
    if not isinstance(source, (str, bytes, bytearray, memoryview)):
        raise InputError(f"clean() takes str or bytes, got {type(source).__name__}")
    if url is not None and not isinstance(url, str):
        raise InputError(f"url must be a str or None, got {type(url).__name__}")
    if config is None:
        config = _DEFAULT
    elif not isinstance(config, Config):
        raise ConfigError(f"config must be a cleanpage.Config, got {type(config).__name__}")
    else:
        check_config(config)
    return run(parse(source, url=url, input_format=config.input_format), config)


def list_rules() -> dict[str, str]:
    """Every rule's dotted name and the first line of its docstring, in run order."""
    return {name: (r.doc.splitlines() or [""])[0] for name, r in registry().items()}
