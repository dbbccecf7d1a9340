"""The public entry points: ``Cleaner``, ``clean()`` and ``list_rules()``."""

from __future__ import annotations

from .config import Config
from .errors import ConfigError, InputError
from .lines.analysis import LineAnalyser
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
        self._lines = LineAnalyser.from_config(config)

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
        return self._engine.run(parse(source, url=url, input_format=self.config.input_format, lines=self._lines))


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


def list_rules() -> dict[str, str]:
    """Every rule's dotted name and the first line of its docstring, in run order."""
    return {name: (r.doc.splitlines() or [""])[0] for name, r in registry().items()}
