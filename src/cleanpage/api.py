"""The public entry points: ``Cleaner``, ``clean()`` and ``list_rules()``."""

from __future__ import annotations

import dataclasses
import time

from .config import Config
from .errors import ConfigError, InputError
from .model import Page
from .parse import parse
from .pipeline import Engine
from .registry import registry


class Cleaner:
    """Rules bound to one ``Config``, ready to clean page after page.

    Build one and reuse it: binding checks the config and prepares every rule once.
    A ``Cleaner`` keeps no state between pages and may be shared by threads.

        >>> cleaner = Cleaner(Config(disabled={"share"}))
        >>> page = cleaner.clean("Headline\\nA sentence of the article.\\n")
    """

    def __init__(self, config: Config | None = None) -> None:
        if config is None:
            config = Config()
        elif not isinstance(config, Config):
            raise ConfigError(f"config must be a cleanpage.Config, got {type(config).__name__}")
        self.config = config
        self._engine = Engine(config)

    def __repr__(self) -> str:
        return f"Cleaner({self.config!r})"

    def clean(self, source: str | bytes, *, url: str | None = None, encoding: str | None = None) -> Page:
        """Clean one page: plain text (one block per line) or HTML, as str or bytes.

        Bytes are decoded by their byte-order mark, else ``encoding`` (the caller's word,
        e.g. from an HTTP header), else as UTF-8 if they are valid UTF-8, else by the
        charset the page declares, else by a guess; ``page.metadata["encoding"]`` names the
        codec. Empty input gives an empty page. What could not be done as asked (a
        timeout, truncation, a wrong declared charset, flattened deep HTML) is listed in
        ``page.warnings``.

        Raises ``InputError`` for anything but str/bytes, for binary data (gzip, images,
        PDF, ...), for an ``encoding`` Python does not know, and for input over
        ``Config.max_bytes`` unless ``Config.truncate`` is set.
        """
        started = time.monotonic()
        if not isinstance(source, (str, bytes, bytearray, memoryview)):
            raise InputError(f"clean() takes str or bytes, got {type(source).__name__}; "
                             "pass the page's text, or its raw bytes to have them decoded")
        if url is not None and not isinstance(url, str):
            raise InputError(f"url must be a str or None, got {type(url).__name__}")
        config = self.config
        doc = parse(source, url=url, encoding=encoding, config=config)
        deadline = None if config.timeout_s is None else started + config.timeout_s
        page = self._engine.run(doc, deadline)
        warnings = (*doc.warnings, *(f"{_STOPS.get(s.rule, s.rule)}: {s.reason}" for s in page.trace
                                     if s.action == "stop"))
        if doc.encoding is None and not warnings:
            return page
        metadata = page.metadata if doc.encoding is None else {**page.metadata, "encoding": doc.encoding}
        return dataclasses.replace(page, metadata=metadata, warnings=warnings)


# warning codes of the pipeline's "stop" steps
_STOPS = {"pipeline.timeout": "timeout", "pipeline.max_passes": "max_passes"}


_DEFAULT: Cleaner | None = None
_CLEANERS: dict[Config, Cleaner] = {}


def _cleaner(config: Config | None) -> Cleaner:
    global _DEFAULT
    if config is None:
        if _DEFAULT is None:
            _DEFAULT = Cleaner()
        return _DEFAULT
    if not isinstance(config, Config):
        raise ConfigError(f"config must be a cleanpage.Config, got {type(config).__name__}")
    cleaner = _CLEANERS.get(config)
    if cleaner is None:
        cleaner = Cleaner(config)
        if len(_CLEANERS) >= 32:  # configs made in a loop must not grow this without bound
            _CLEANERS.clear()
        _CLEANERS[config] = cleaner
    return cleaner


def clean(source: str | bytes, *, url: str | None = None, config: Config | None = None,
          encoding: str | None = None) -> Page:
    """Clean one page with a shared ``Cleaner`` for ``config`` (the default config if None).

    Plain text (one block per line) or HTML, as str or bytes; ``encoding`` is the caller's
    word on the encoding of bytes (see ``Cleaner.clean``). Raises ``InputError`` for input
    that cannot be a page and ``ConfigError`` for a bad config.
    """
    return _cleaner(config).clean(source, url=url, encoding=encoding)


def list_rules() -> dict[str, str]:
    """Every rule's dotted name and the first line of its docstring, in run order."""
    return {name: (r.doc.splitlines() or [""])[0] for name, r in registry().items()}
