"""cleanpage's exceptions. Every error the library raises derives from CleanpageError.

Each message says what was wrong and what to do about it. Errors are raised only for
input that cannot be a page (not text, binary data, over ``Config.max_bytes``) and for
mistakes in the call (a bad ``Config``, an unknown ``encoding=``); any ``str``, and any
bytes that are text in some encoding, give a ``Page``.
"""


class CleanpageError(Exception):
    """Base class of every error cleanpage raises."""


class ConfigError(CleanpageError, ValueError):
    """A Config was given an unknown rule name or an out-of-range threshold."""


class InputError(CleanpageError, TypeError, ValueError):
    """The input cannot be cleaned as given: not str or bytes, binary data (a gzip file,
    an image, a PDF), over ``Config.max_bytes``, or an ``encoding=`` Python does not know.

    A ``TypeError`` for the first case and a ``ValueError`` for the others, so that code
    catching either keeps working.
    """


class RuleError(CleanpageError):
    """A rule is malformed: a bad name, a clash in run order, or an answer that is not a Decision.

    Raised for mistakes of rule authors, never for anything in the input.
    """
