"""Errors a user can cause and fix: reported as one line, never as a traceback."""


class BriefingError(Exception):
    """A problem with the user's input, config or repository.

    The message names the file and says how to fix it; the CLI prints it and exits 1.
    """
