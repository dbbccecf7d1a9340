"""The public entry points: ``Cleaner``, ``clean()``, ``clean_many()`` and ``list_rules()``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .config import Config
from .errors import ConfigError, InputError
from .model import ErrorRecord, Page, Result
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

    def clean(self, source: str | bytes, *, url: str | None = None) -> Page:
        """Clean one page: plain text (one block per line) or HTML, as str or bytes.

        Bytes are decoded as UTF-8 (BOM honoured), else by the page's declared charset,
        else cp1252, else Latin-1, so decoding never fails. Empty input gives an empty page.
        Raises ``InputError`` for anything but str/bytes.
        """
        if not isinstance(source, (str, bytes, bytearray, memoryview)):
            raise InputError(f"clean() takes str or bytes, got {type(source).__name__}")
        if url is not None and not isinstance(url, str):
            raise InputError(f"url must be a str or None, got {type(url).__name__}")
        return self._engine.run(parse(source, url=url, input_format=self.config.input_format))

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


def clean(source: str | bytes, *, url: str | None = None, config: Config | None = None) -> Page:
    """Clean one page with a shared ``Cleaner`` for ``config`` (the default config if None).

    Plain text (one block per line) or HTML, as str or bytes. Raises ``InputError`` for
    anything but str/bytes and ``ConfigError`` for a bad config.
    """
    return _cleaner(config).clean(source, url=url)


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
