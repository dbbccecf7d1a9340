"""cleanpage's exceptions. Every error the library raises derives from CleanpageError."""


class CleanpageError(Exception):
    """Base class of every error cleanpage raises."""


class ConfigError(CleanpageError, ValueError):
    """A Config was given an unknown rule name or an out-of-range threshold."""


class InputError(CleanpageError, TypeError):
    """``clean()`` was given something that is neither str nor bytes."""


class RuleError(CleanpageError):
    """A rule is malformed: a bad name, a clash in run order, or an answer that is not a Decision.

    Raised for mistakes of rule authors, never for anything in the input.
    """
