"""cleanpage's exceptions. Every error the library raises derives from CleanpageError."""


class CleanpageError(Exception):
    """Base class of every error cleanpage raises."""


class ConfigError(CleanpageError, ValueError):
    """A Config was given an unknown rule name or an out-of-range threshold."""


class InputError(CleanpageError, TypeError):
    """``clean()`` was given something that is neither str nor bytes."""
