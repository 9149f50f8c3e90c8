"""The project's exceptions: each carries a one-line message meant for the user."""


class EbookifyError(Exception):
    """Base class: anything a user can cause; the CLI prints str(error) and exits non-zero."""

    exit_code = 1


class InputError(EbookifyError):
    """An input file is missing, unreadable, empty or not a story."""

    exit_code = 2


class DecodeError(InputError):
    """The bytes of an input do not look like text."""


class WriterError(EbookifyError):
    """A book could not be written (bad output path, disk full, renderer failure, lost text)."""

    exit_code = 3


class OptionsError(EbookifyError):
    """An option or manifest value is invalid (unknown style, bad page size, ...)."""

    exit_code = 2


def one_line(message: str, limit: int = 500) -> str:
    """A message as one bounded line: a multi-line library message must not look like a traceback."""
    text = " ".join(message.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
