"""Errors a user sees as they are: what went wrong and what to do about it."""


class UserError(Exception):
    """A problem with the user's input or files, shown without a traceback."""


class ReportError(UserError):
    """One report file cannot be read; the others are indexed as usual."""

    def __init__(self, path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem
