"""The public entry points: ``Cleaner``, ``clean()``, ``clean_many()`` and ``list_rules()``."""

from __future__ import annotations

import dataclasses
import gc
import time
from collections.abc import Iterable, Iterator
from typing import Any

from .config import Config
from .errors import ConfigError, InputError
from .lines.analysis import LineAnalyser
from .model import ErrorRecord, Page, Result
from .parse import parse
from .pipeline import Engine
from .registry import registry


# warning codes of the pipeline's "stop" steps
_STOPS = {"pipeline.timeout": "timeout", "pipeline.max_passes": "max_passes"}


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
        self._lines = LineAnalyser.from_config(config)

    def __repr__(self) -> str:
        return f"Cleaner({self.config!r})"

    def clean(self, source: str | bytes, *, url: str | None = None, encoding: str | None = None) -> Page:
        """Clean one page: plain text (one block per line) or HTML, as str or bytes.

        Bytes are decoded by their byte-order mark, else as UTF-8 if they are valid UTF-8,
        else by ``encoding`` (the caller's word, e.g. from an HTTP header), else by the
        charset the page declares, else by a guess; ``page.metadata["encoding"]`` names the
        codec (``parse/decode.py`` says why in this order). ``encoding`` is ignored for str. Empty input gives an empty page. What could not be done as asked (a
        timeout, truncation, a wrong declared charset, HTML too deep to parse) is listed in
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
        enabled = gc.isenabled()
        gc.disable()  # a page makes many small acyclic objects; collecting while it is cleaned costs up to 15%
        try:
            doc = parse(source, url=url, encoding=encoding, config=config, lines=self._lines)
            deadline = None if config.timeout_s is None else started + config.timeout_s
            page = self._engine.run(doc, deadline)
            found, codec = doc.warnings, doc.encoding
            # the blocks go now, before the collector is back on: else its next young collection
            # walks a few hundred blocks that are about to go anyway (3% of a page's time)
            del doc
        finally:
            if enabled:
                gc.enable()
        warnings = (*found, *(f"{_STOPS.get(s.rule, s.rule)}: {s.reason}" for s in page.trace if s.action == "stop"))
        if codec is None and not warnings:
            return page
        metadata = page.metadata if codec is None else {**page.metadata, "encoding": codec}
        return dataclasses.replace(page, metadata=metadata, warnings=warnings)

    def clean_many(self, sources: Iterable[Any], *, workers: int = 1, progress: bool = False,
                   field: str | None = None, id_field: str = "id") -> Iterator[Result | ErrorRecord]:
        """Clean many pages; yield one ``Result`` or ``ErrorRecord`` per input, in input order.

        ``sources`` may hold str or bytes (the id is the 0-based position), ``(id, source)``
        pairs, or mappings such as JSON records: the page is ``record[field]`` (by default
        ``"html"`` if the record has one, else ``"text"``), the id ``record[id_field]`` (else
        the position) and the url ``record["url"]``; the other keys are passed through in
        ``result.fields``. Lazy: nothing is read before the first result is asked for.

        A record that cannot be cleaned gives an ``ErrorRecord`` (``ok`` False: ``error`` names
        the exception, ``message`` says what went wrong) and the batch goes on.

        ``workers > 1`` cleans in that many worker processes, reading only a few records
        ahead. They are forked on Linux, spawned if the program runs other threads and on
        other platforms; spawned workers re-import the main module, so a portable script
        calls this under ``if __name__ == "__main__":`` (a worker that cannot start raises
        ``CleanpageError``). A worker that dies, or overruns ``2 * config.timeout_s + 1``
        seconds, is replaced, and its page becomes an error record. ``progress`` shows a
        tqdm progress bar on standard error.
        """
        if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
            raise ConfigError(f"workers must be a positive integer, got {workers!r}")
        from .batch import clean_many

        return clean_many(self, sources, workers=workers, progress=progress, field=field, id_field=id_field)


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


def clean_many(sources: Iterable[Any], *, config: Config | None = None, workers: int = 1,
               progress: bool = False, field: str | None = None,
               id_field: str = "id") -> Iterator[Result | ErrorRecord]:
    """``Cleaner(config).clean_many(...)`` with a shared ``Cleaner``: one ``Result`` or
    ``ErrorRecord`` per input, in input order (see ``Cleaner.clean_many``).

        >>> for r in cleanpage.clean_many(["Headline\\nText.", b"\\x00\\x01"], workers=2):
        ...     print(r.id, r.page.body if r.ok else f"{r.error}: {r.message}")
    """
    return _cleaner(config).clean_many(sources, workers=workers, progress=progress, field=field, id_field=id_field)


def list_rules() -> dict[str, str]:
    """Every rule's dotted name and the first line of its docstring, in run order."""
    return {name: (r.doc.splitlines() or [""])[0] for name, r in registry().items()}
