"""Errors the user can act on: each message is one sentence, shown as-is by the app and CLI."""


class InfointError(Exception):
    """Base for every error whose message is meant for the user."""


class DatabaseBusyError(InfointError):
    """Another process holds the DuckDB file (DuckDB allows one writer process)."""


class NotAnExportError(InfointError):
    """The file given is not a LinkedIn connections export."""


class InvalidInputError(InfointError):
    """A value the user typed or uploaded cannot be used; nothing was changed."""


class NotFoundError(InfointError):
    """A record the user referred to does not exist (any more)."""


class ConflictError(InfointError):
    """Two writes touched the same rows at once; this one was undone and can be retried."""
